#include "messageitemdelegate.h"

#include "avatarcache.h"
#include "filepreviews.h"
#include "inerttextdocument.h"
#include "live/activityids.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/safehtml.h"
#include "model/webexidtext.h"
#include "relativetime.h"
#include "themedicons.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMimeDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int Padding = 6;
constexpr int AvatarSize = 32;
constexpr int Gap = 8;
// How far a reply shown in its thread is moved in: under its first message's text.
constexpr int ThreadIndent = AvatarSize + Gap;
// The caches count in units of about half a KiB of HTML, each entry at least one: 800 hold 400
// or more ordinary messages (a screenful many times over, a small fraction of a big history),
// or a few of the largest SafeHtml returns (128 KiB, 257 units), never hundreds of those.
constexpr int CacheUnits = 800;
int cacheCost(const QString &html)
{
    return 1 + int(html.size() / 512);
}
// The href of "Show more": not a URL anything opens (isOpenableLink refuses it).
const QLatin1String ShowMoreHref("#webexdesk-show-more");
// A file's line: its text with this much room around it.
constexpr int FilePadding = 4;
// Files shown per message at most; Webex sends one file per message, a hostile server more.
constexpr int MaxFilesShown = 10;

// "PDF document" for application/pdf, in the person's language (the shared MIME database's
// comments); the type itself when the database does not know it.
QString typeName(const QString &mimeType)
{
    static QHash<QString, QString> names;
    const auto known = names.constFind(mimeType);
    if (known != names.cend())
        return *known;
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    const QString name = type.isValid() && !type.comment().isEmpty() ? type.comment() : mimeType;
    names.insert(mimeType, name);
    return name;
}
} // namespace

MessageItemDelegate::MessageItemDelegate(AvatarCache *avatars, QObject *parent)
    : QStyledItemDelegate(parent), m_avatars(avatars), m_documents(CacheUnits),
      m_previews(CacheUnits)
{}

MessageItemDelegate::~MessageItemDelegate() = default;

bool MessageItemDelegate::isOpenableLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("https") || scheme == QLatin1String("http") ||
                             scheme == QLatin1String("mailto"));
}

int MessageItemDelegate::indentOf(const QModelIndex &index)
{
    return index.data(MessageThreadsModel::InThreadRole).toBool() ? ThreadIndent : 0;
}

int MessageItemDelegate::textWidth(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // The view's width, not option.rect's: sizeHint is asked before rows have a rectangle.
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const int width = view ? view->viewport()->width() : option.rect.width();
    return qMax(80, width - 2 * Padding - AvatarSize - Gap - indentOf(index));
}

QString MessageItemDelegate::threadText(const QModelIndex &index)
{
    const int replies = index.data(MessageThreadsModel::ReplyCountRole).toInt();
    if (replies <= 0)
        return {};
    // The triangles say which way it goes, as a tree's do.
    return index.data(MessageThreadsModel::ExpandedRole).toBool()
               ? tr("▾ Hide replies")
               : tr("▸ %n reply(ies)", "a thread, closed", replies);
}

QString MessageItemDelegate::statusText(const QModelIndex &index) const
{
    const QString error = index.data(MessageListModel::SendErrorRole).toString();
    if (!error.isEmpty())
        return tr("Not sent: %1").arg(error);
    if (index.data(MessageListModel::PendingRole).toBool()) {
        const QString waiting =
            m_sendWaiting.value(index.data(MessageListModel::ClientTagRole).toString());
        return waiting.isEmpty() ? tr("Sending…") : waiting;
    }
    return {};
}

void MessageItemDelegate::setSendWaiting(const QString &clientTag, const QString &sentence)
{
    if (sentence.isEmpty())
        m_sendWaiting.remove(clientTag);
    else
        m_sendWaiting.insert(clientTag, sentence);
    // One line either way: the row's height stays, it only repaints (the pane asks).
}

QString MessageItemDelegate::messageKey(const QModelIndex &index)
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    return id.isEmpty()
               ? QStringLiteral("pending:") + index.data(MessageListModel::ClientTagRole).toString()
               : id;
}

bool MessageItemDelegate::isShowMoreLink(const QUrl &url)
{
    return url == QUrl(ShowMoreHref);
}

QString MessageItemDelegate::bodyHtml(const QModelIndex &index, bool *shortened) const
{
    const QString html = index.data(MessageListModel::SafeHtmlRole).toString();
    if (shortened)
        *shortened = false;
    if (m_shownWhole.contains(messageKey(index)))
        return html;
    const QString *cached = m_previews.object(html);
    QString preview;
    if (cached) {
        preview = *cached;
    } else {
        bool whole = true;
        preview = SafeHtml::preview(html, &whole);
        if (whole)
            preview.clear();
        m_previews.insert(html, new QString(preview), std::min(cacheCost(html), CacheUnits));
    }
    if (preview.isEmpty())
        return html;
    if (shortened)
        *shortened = true;
    return preview + QLatin1String("<p><a href=\"") + ShowMoreHref + QLatin1String("\">") +
           tr("Show more").toHtmlEscaped() + QLatin1String("</a></p>");
}

bool MessageItemDelegate::isShortened(const QModelIndex &index) const
{
    bool shortened = false;
    (void)bodyHtml(index, &shortened);
    return shortened;
}

void MessageItemDelegate::showWhole(const QModelIndex &index)
{
    if (!index.isValid() || !isShortened(index))
        return;
    m_shownWhole.insert(messageKey(index));
    emit sizeHintChanged(index);
}

void MessageItemDelegate::setMyPersonId(const QString &personId)
{
    // Written into a style sheet: only the characters of a Webex id.
    m_myPersonId = isWebexIdText(personId) ? personId : QString();
}

QString MessageItemDelegate::styleSheet() const
{
    // Every mention in bold; those of the person and of everyone also on a tint of the
    // selection colour, as Webex marks them. From the palette of now: a new palette (light or
    // dark) makes new documents, the sheet being part of their cache key.
    const QPalette palette = QGuiApplication::palette();
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = QColor::fromRgbF(base.redF() * 0.7f + highlight.redF() * 0.3f,
                                         base.greenF() * 0.7f + highlight.greenF() * 0.3f,
                                         base.blueF() * 0.7f + highlight.blueF() * 0.3f);
    QString mine = QStringLiteral("span[data-mention=\"all\"]");
    // Webex names the person by REST id or by the uuid inside it (both are seen in its html).
    const QStringList myIds{m_myPersonId, ActivityIds::uuidOf(m_myPersonId)};
    for (const QString &id : myIds) {
        if (!id.isEmpty())
            mine += QStringLiteral(", span[data-mention=\"") + id + QStringLiteral("\"]");
    }
    return QStringLiteral("span[data-mention] { font-weight: bold; } ") + mine +
           QStringLiteral(" { background-color: ") + tint.name() + QStringLiteral("; }");
}

QTextDocument *MessageItemDelegate::bodyDocument(const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    return document(index, layout(option, index, option.rect).body.width(), option.font);
}

QTextDocument *MessageItemDelegate::document(const QModelIndex &index, int width,
                                             const QFont &font) const
{
    const QString html = bodyHtml(index);
    const QString sheet = styleSheet();
    const QString key = QString::number(width) + QLatin1Char('|') + font.key() + QLatin1Char('|') +
                        sheet + QLatin1Char('|') + html;
    if (QTextDocument *cached = m_documents.object(key))
        return cached;
    auto *document = new InertTextDocument;
    document->setDefaultFont(font);
    document->setDefaultStyleSheet(sheet);
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    document->setHtml(html);
    document->setTextWidth(width);
    // Never more than the whole cache: QCache would delete the document at once.
    m_documents.insert(key, document, std::min(cacheCost(key), CacheUnits));
    return document;
}

MessageItemDelegate::Layout MessageItemDelegate::layout(const QStyleOptionViewItem &option,
                                                        const QModelIndex &index,
                                                        const QRect &rect) const
{
    Layout l;
    const int lineHeight = option.fontMetrics.height();
    const int width = textWidth(option, index);
    const int start = rect.left() + indentOf(index);
    const int left = start + Padding + AvatarSize + Gap;
    l.avatar = QRect(start + Padding, rect.top() + Padding, AvatarSize, AvatarSize);
    l.header = QRect(left, rect.top() + Padding, width, lineHeight);
    const QTextDocument *doc = document(index, width, option.font);
    l.body = QRect(left, l.header.bottom() + 1, width, qCeil(doc->size().height()));
    int y = l.body.bottom() + 1;
    const QString pendingFile = index.data(MessageListModel::PendingFileRole).toString();
    QList<QUrl> files = index.data(MessageListModel::FilesRole).value<QList<QUrl>>();
    if (files.size() > MaxFilesShown)
        files.resize(MaxFilesShown);
    if (!pendingFile.isEmpty())
        files.append(QUrl());
    const int lineBox = lineHeight + 2 * FilePadding;
    for (const QUrl &url : std::as_const(files)) {
        y += Padding / 2;
        const bool picture = m_files && !url.isEmpty() && m_files->isPreviewed(url);
        const QRect box = picture ? QRect(left, y, qMin(width, int(FilePreviews::ThumbnailWidth)),
                                          FilePreviews::ThumbnailHeight)
                                  : QRect(left, y, qMin(width, 28 * lineHeight), lineBox);
        l.files.append({box, url});
        y = box.bottom() + 1;
    }
    const bool hasThread = !threadText(index).isEmpty();
    l.thread = QRect(left, y, width, hasThread ? lineHeight + Padding : 0);
    const bool hasStatus = !statusText(index).isEmpty();
    l.status = QRect(left, l.thread.bottom() + 1, width, hasStatus ? lineHeight : 0);
    return l;
}

void MessageItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QColor text = option.palette.color(QPalette::Active, textRole);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const Layout l = layout(option, index, option.rect);
    const QString sender = index.data(MessageListModel::SenderNameRole).toString();

    painter->save();
    painter->drawPixmap(l.avatar.topLeft(),
                        m_avatars->avatar(index.data(MessageListModel::SenderAvatarRole).toUrl(),
                                          sender, AvatarSize, ratio, option.palette));

    // Header: the name in bold, the time after it.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    QString when = RelativeTime::format(index.data(MessageListModel::CreatedRole).toDateTime());
    if (index.data(MessageListModel::EditedRole).toBool())
        when = tr("%1 · edited", "time a message was sent, and that it was edited since").arg(when);
    const int whenWidth = option.fontMetrics.horizontalAdvance(when) + Gap;
    const int nameWidth = l.header.width() - whenWidth;
    const QString name = QFontMetrics(bold).elidedText(sender, Qt::ElideRight, nameWidth);
    painter->drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setFont(option.font);
    painter->drawText(l.header.adjusted(QFontMetrics(bold).horizontalAdvance(name) + Gap, 0, 0, 0),
                      Qt::AlignLeft | Qt::AlignVCenter, when);

    // Body: the sanitised rich text, in the palette's colours (links in its link colour).
    QTextDocument *doc = document(index, l.body.width(), option.font);
    painter->translate(l.body.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, text);
    if (selected)
        context.palette.setColor(QPalette::Link, text);
    context.clip = QRectF(0, 0, l.body.width(), l.body.height());
    doc->documentLayout()->draw(painter, context);
    painter->translate(-l.body.topLeft());

    paintFiles(painter, option, index, l, text);

    // A thread's first message: how many replies, in the link colour, as something to click.
    const QString thread = threadText(index);
    if (!thread.isEmpty()) {
        QFont link = option.font;
        link.setBold(true);
        painter->setFont(link);
        painter->setPen(selected ? text : option.palette.color(QPalette::Active, QPalette::Link));
        painter->drawText(l.thread.adjusted(0, Padding / 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                          thread);
        painter->setPen(text);
        painter->setFont(option.font);
    }

    const QString status = statusText(index);
    if (!status.isEmpty()) {
        int x = l.status.left();
        if (!index.data(MessageListModel::SendErrorRole).toString().isEmpty()) {
            const int iconSize = qMax(12, l.status.height() - 4);
            painter->drawPixmap(
                x, l.status.top() + (l.status.height() - iconSize) / 2,
                ThemedIcons::pixmap(QStringLiteral("warning"), iconSize, text, ratio));
            x += iconSize + Gap / 2;
        }
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        const QRect statusRect(x, l.status.top(), l.status.right() - x, l.status.height());
        painter->drawText(
            statusRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(italic).elidedText(status, Qt::ElideRight, statusRect.width()));
    }
    painter->restore();
}

QString MessageItemDelegate::fileText(const QUrl &url) const
{
    if (!m_files)
        return tr("A file");
    switch (m_files->state(url)) {
    case FilePreviews::State::Known:
        break;
    case FilePreviews::State::Failed:
        return tr("A file: %1").arg(m_files->problem(url));
    case FilePreviews::State::Unknown:
    case FilePreviews::State::Loading:
        return tr("A file (loading its name…)");
    }
    const FileInfo info = m_files->info(url);
    QStringList parts{info.name};
    if (info.size >= 0)
        parts << QLocale().formattedDataSize(info.size, 1, QLocale::DataSizeSIFormat);
    if (!info.type.isEmpty())
        parts << typeName(info.type);
    return parts.join(QStringLiteral(" · "));
}

void MessageItemDelegate::paintFiles(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index, const Layout &l,
                                     const QColor &text) const
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QColor frame = option.palette.color(QPalette::Mid);
    for (const auto &[box, url] : l.files) {
        const bool picture = m_files && !url.isEmpty() && m_files->isPreviewed(url);
        if (picture) {
            const QImage thumbnail = m_files->thumbnail(url, ratio);
            if (!thumbnail.isNull()) {
                const QSizeF size = thumbnail.deviceIndependentSize();
                painter->drawImage(QRectF(box.topLeft(), size.boundedTo(box.size())), thumbnail);
                continue;
            }
        }
        // A file's line (or a picture's place while it comes): a frame with its name.
        painter->setPen(frame);
        painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        const int iconSize = option.fontMetrics.height();
        painter->drawPixmap(box.left() + FilePadding, box.top() + FilePadding,
                            ThemedIcons::pixmap(QStringLiteral("file"), iconSize, text, ratio));
        const QRect textRect =
            box.adjusted(2 * FilePadding + iconSize, FilePadding, -FilePadding, -FilePadding);
        const QString label = url.isEmpty()
                                  ? index.data(MessageListModel::PendingFileRole).toString()
                                  : fileText(url);
        painter->setPen(text);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignTop,
                          option.fontMetrics.elidedText(label, Qt::ElideMiddle, textRect.width()));
    }
    painter->setPen(text);
}

QUrl MessageItemDelegate::fileAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                 const QPoint &viewportPos) const
{
    const Layout l = layout(option, index, option.rect);
    for (const auto &[box, url] : l.files) {
        if (box.contains(viewportPos))
            return url;
    }
    return {};
}

QSize MessageItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const Layout l = layout(option, index, QRect(0, 0, textWidth(option), 0));
    const int content = qMax(l.avatar.bottom(), l.status.bottom()) + 1;
    return {textWidth(option) + 2 * Padding + AvatarSize + Gap, content + Padding};
}

QUrl MessageItemDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                 const QPoint &viewportPos) const
{
    const Layout l = layout(option, index, option.rect);
    if (!l.body.contains(viewportPos))
        return {};
    QTextDocument *doc = document(index, l.body.width(), option.font);
    const QString anchor = doc->documentLayout()->anchorAt(viewportPos - l.body.topLeft());
    return anchor.isEmpty() ? QUrl() : QUrl(anchor);
}

bool MessageItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            // "3 replies": the thread opens (or closes) under it.
            if (layout(option, index, option.rect).thread.contains(mouse->position().toPoint())) {
                model->setData(index, !index.data(MessageThreadsModel::ExpandedRole).toBool(),
                               MessageThreadsModel::ExpandedRole);
                return true;
            }
            const QPoint at = mouse->position().toPoint();
            const Layout l = layout(option, index, option.rect);
            const QString sender = index.data(MessageListModel::SenderIdRole).toString();
            QFont bold = option.font;
            bold.setBold(true);
            const int nameWidth = QFontMetrics(bold).horizontalAdvance(
                index.data(MessageListModel::SenderNameRole).toString());
            const QRect name(l.header.topLeft(),
                             QSize(qMin(nameWidth, l.header.width()), l.header.height()));
            if (!sender.isEmpty() && (l.avatar.contains(at) || name.contains(at))) {
                emit senderActivated(sender);
                return true;
            }
            const QUrl file = fileAt(option, index, mouse->position().toPoint());
            if (!file.isEmpty()) {
                emit fileActivated(file);
                return true;
            }
            const QUrl link = linkAt(option, index, mouse->position().toPoint());
            if (isShowMoreLink(link)) {
                showWhole(index);
                return true;
            }
            if (isOpenableLink(link)) {
                QDesktopServices::openUrl(link);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MessageItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        // Over a link: where it leads, before anyone clicks it.
        const QUrl link = linkAt(option, index, event->pos());
        if (isOpenableLink(link)) {
            QToolTip::showText(event->globalPos(), link.toDisplayString(), view);
            return true;
        }
        const QDateTime created = index.data(MessageListModel::CreatedRole).toDateTime();
        if (created.isValid()) {
            QToolTip::showText(event->globalPos(),
                               QLocale().toString(created.toLocalTime(), QLocale::LongFormat),
                               view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
