#pragma once

#include <QStyledItemDelegate>

// One search result in two lines: where and who (the space in bold, then the sender and when),
// and the excerpt with the matching words in bold (SearchResultListModel::ExcerptHtmlRole,
// escaped there). Colours from the palette, so it follows the theme.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;
};
