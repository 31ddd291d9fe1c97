#pragma once

#include <QStyledItemDelegate>

// Draws a space as two lines: its title, then its kind and when it last saw activity.
class RoomItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    // "Direct · 12 Mar 2026 14:05", the second line, also used as the row's description.
    [[nodiscard]] static QString detailText(const QModelIndex &index);
};
