#include "roomitemdelegate.h"

#include "model/roomlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace {
constexpr int Padding = 6;
}

QString RoomItemDelegate::detailText(const QModelIndex &index)
{
    const bool direct = index.data(RoomListModel::IsDirectRole).toBool();
    const QString kind = direct ? tr("Direct") : tr("Space");
    const QDateTime last = index.data(RoomListModel::LastActivityRole).toDateTime();
    if (!last.isValid())
        return kind;
    return tr("%1 · %2").arg(kind, QLocale().toString(last.toLocalTime(), QLocale::ShortFormat));
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
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect area = option.rect.adjusted(Padding, Padding / 2, -Padding, -Padding / 2);
    const int lineHeight = option.fontMetrics.height();

    painter->save();
    QFont titleFont = option.font;
    titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(option.palette.color(QPalette::Active, textRole));
    const QRect titleRect(area.left(), area.top(), area.width(), lineHeight);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, area.width()));

    painter->setFont(option.font);
    // Same colour as the title, not a faint grey: the detail must stay readable (WCAG AA).
    const QRect detailRect(area.left(), area.top() + lineHeight, area.width(), lineHeight);
    painter->drawText(
        detailRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(detailText(index), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize RoomItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    return {option.rect.width(), option.fontMetrics.height() * 2 + Padding};
}
