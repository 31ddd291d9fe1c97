#include "roomitemdelegate.h"

#include "model/roomlistmodel.h"
#include "relativetime.h"
#include "roompresentationmodel.h"
#include "themedicons.h"
#include "unreadbadge.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace {
constexpr int Padding = 6;
constexpr int DotSize = 8;
} // namespace

QStringList RoomItemDelegate::markIcons(const QModelIndex &index)
{
    QStringList icons;
    if (index.data(RoomListModel::LockedRole).toBool())
        icons << QStringLiteral("lock");
    if (index.data(RoomListModel::ReadOnlyRole).toBool())
        icons << QStringLiteral("read-only");
    if (index.data(RoomListModel::AnnouncementOnlyRole).toBool())
        icons << QStringLiteral("megaphone");
    return icons;
}

void RoomItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(QPalette::Active,
                                             selected ? QPalette::HighlightedText : QPalette::Text);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QRect area = option.rect.adjusted(Padding, Padding / 2, -Padding, -Padding / 2);
    const int lineHeight = option.fontMetrics.height();
    const int unread = index.data(RoomListModel::UnreadCountRole).toInt();
    // Bold for unread messages, counted or not; the badge says how many, the dot that there is
    // something new whose count is not known (only a refresh of the spaces saw it).
    const bool fresh = unread > 0 || index.data(RoomListModel::HasNewActivityRole).toBool();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The dot's column is always reserved, so titles line up whether marked or not.
    const int textLeft = area.left() + DotSize + Padding;
    if (fresh && unread == 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? text
                                   : option.palette.color(QPalette::Active, QPalette::Highlight));
        painter->drawEllipse(
            QRectF(area.left(), area.top() + (lineHeight - DotSize) / 2.0, DotSize, DotSize));
    }

    // The time on the right of the title line; it is recomputed at each paint, and the view
    // repaints every minute, so "5 min ago" does not go stale.
    const QString when =
        RelativeTime::format(index.data(RoomListModel::LastActivityRole).toDateTime());
    const int whenWidth = option.fontMetrics.horizontalAdvance(when);
    painter->setPen(text);
    painter->setFont(option.font);
    painter->drawText(QRect(area.right() - whenWidth, area.top(), whenWidth, lineHeight),
                      Qt::AlignRight | Qt::AlignVCenter, when);

    // The badge left of the time: the count on the highlight colour, or, for a muted space,
    // in a frame of the text's colour (counted, but it asks for less attention).
    int badgeWidth = 0;
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        const QString count = UnreadBadge::text(unread);
        const int height = lineHeight - 2;
        badgeWidth = qMax(height, QFontMetrics(badgeFont).horizontalAdvance(count) + height / 2);
        const QRectF badge(area.right() - whenWidth - Padding - badgeWidth, area.top() + 1,
                           badgeWidth, height);
        const bool muted = index.data(RoomListModel::MutedRole).toBool();
        const QColor fill = option.palette.color(QPalette::Active, QPalette::Highlight);
        painter->setBrush(muted ? Qt::NoBrush : QBrush(selected ? text : fill));
        painter->setPen(muted ? QPen(text, 1) : QPen(Qt::NoPen));
        painter->drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(muted ? text
                        : selected
                            ? option.palette.color(QPalette::Active, QPalette::Highlight)
                            : option.palette.color(QPalette::Active, QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, count);
        badgeWidth += Padding;
        painter->setPen(text);
    }

    QFont titleFont = option.font;
    titleFont.setBold(fresh);
    painter->setFont(titleFont);
    const int titleWidth = area.right() - textLeft - whenWidth - Padding - badgeWidth;
    painter->drawText(QRect(textLeft, area.top(), titleWidth, lineHeight),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, titleWidth));

    // Second line: the marks as icons, then the same marks in words (same colour as the
    // title, not a faint grey: it must stay readable, WCAG AA).
    int x = textLeft;
    const int iconSize = qMax(12, lineHeight - 4);
    for (const QString &icon : markIcons(index)) {
        painter->drawPixmap(x, area.top() + lineHeight + (lineHeight - iconSize) / 2,
                            ThemedIcons::pixmap(icon, iconSize, text, ratio));
        x += iconSize + 2;
    }
    if (x != textLeft)
        x += Padding / 2;
    painter->setFont(option.font);
    const QString detail = index.data(RoomPresentationModel::DetailTextRole).toString();
    const int detailWidth = area.right() - x;
    painter->drawText(QRect(x, area.top() + lineHeight, detailWidth, lineHeight),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(detail, Qt::ElideRight, detailWidth));
    painter->restore();
}

QSize RoomItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    // The same for every row: the view sets uniformItemSizes and asks only once.
    return {option.rect.width(), option.fontMetrics.height() * 2 + Padding};
}
