#include "searchresultdelegate.h"

#include "model/searchresultlistmodel.h"
#include "relativetime.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace {
constexpr int Padding = 6;
constexpr int LineGap = 2;
} // namespace

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The background (selection, focus) as any row; the text is drawn below.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect area = opt.rect.adjusted(Padding, Padding, -Padding, -Padding);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(opt.font);
    const QString title = index.data(SearchResultListModel::RoomTitleRole).toString();
    const QDateTime created = index.data(SearchResultListModel::CreatedRole).toDateTime();
    QString detail = index.data(SearchResultListModel::SenderNameRole).toString();
    if (created.isValid())
        detail += QStringLiteral(" · ") + RelativeTime::format(created);
    const QString shownTitle = boldMetrics.elidedText(title, Qt::ElideRight, area.width() * 2 / 3);
    painter->setPen(opt.palette.color(textRole));
    painter->setFont(bold);
    painter->drawText(QRect(area.left(), area.top(), area.width(), boldMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, shownTitle);
    const int detailLeft = area.left() + boldMetrics.horizontalAdvance(shownTitle) + Padding;
    painter->setFont(opt.font);
    if (!selected)
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(QRect(detailLeft, area.top(), area.right() - detailLeft, metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(detail, Qt::ElideRight, area.right() - detailLeft));

    // The excerpt: one line of rich text, the matches bold.
    QTextDocument excerpt;
    excerpt.setDefaultFont(opt.font);
    excerpt.setDocumentMargin(0);
    excerpt.setTextWidth(area.width());
    excerpt.setHtml(index.data(SearchResultListModel::ExcerptHtmlRole).toString());
    painter->translate(area.left(), area.top() + boldMetrics.height() + LineGap);
    painter->setClipRect(QRect(0, 0, area.width(), metrics.height() * 2));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, opt.palette.color(textRole));
    excerpt.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    // A title line and two lines of excerpt at most.
    const int height = QFontMetrics(bold).height() + LineGap +
                       2 * QFontMetrics(option.font).height() + 2 * Padding;
    return {200, height};
}
