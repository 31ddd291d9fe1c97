#pragma once

#include <QStyledItemDelegate>

// Draws a space in two lines without a widget per row (10,000 rows stay smooth): a bold title
// with a badge of the unread count, or a dot when there is new activity whose count is not
// known, the relative time on the right; then icons for locked, read-only and
// announcement-only spaces and the detail text, which names the same marks in words
// (RoomPresentationModel::DetailTextRole). Colours come from the palette.
class RoomItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    // The icons drawn for a space, by resource name: "lock", "read-only", "megaphone".
    [[nodiscard]] static QStringList markIcons(const QModelIndex &index);
};
