#pragma once

#include <QCache>
#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>

class AvatarCache;
class FilePreviews;
class QTextDocument;

// Draws a message: the sender's picture (initials until it arrives), name and time, then the
// text as rich text, its files (a picture's thumbnail, or a line with the file's name, size and
// type: FilePreviews), and "Sending…" or why it was not sent. Clicking a file asks to open it
// (fileActivated).
//
// Rich text is laid out in a QTextDocument the delegate owns and caches per (text, width),
// not in a QTextBrowser per message: a widget per row costs a window-system object, a layout
// and an undo stack for each of hundreds of messages and scrolls badly. The documents are
// InertTextDocument (never load images or files), fed only SafeHtml's sanitised output; links
// open in the system browser (http, https, mailto only).
//
// Layout happens on the UI thread, so no row may take longer than about a frame to lay out: a
// long message shows only its beginning (SafeHtml::preview, a few milliseconds at most) and a
// "Show more" link; clicking it (or showWhole) lays out the whole message, which SafeHtml's own
// limits keep to tens of milliseconds (docs/BENCHMARKS.md, bench_sanitiser). The document cache
// is bounded by the size of what it holds, not only by the number of documents.
class MessageItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageItemDelegate(AvatarCache *avatars, QObject *parent = nullptr);
    ~MessageItemDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    // The link under a point of the view's viewport, or an empty URL.
    [[nodiscard]] QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                              const QPoint &viewportPos) const;
    [[nodiscard]] static bool isOpenableLink(const QUrl &url);

    // Whether the row shows only the beginning of its message, with "Show more".
    [[nodiscard]] bool isShortened(const QModelIndex &index) const;
    // Shows the whole message of a row from now on (what "Show more" does).
    void showWhole(const QModelIndex &index);

    // A message being sent waits before it is sent again (a rate limit): its row says
    // `sentence` ("Webex asks us to wait; sending at 14:05.") instead of "Sending…"; empty: it
    // no longer waits. By the message's client tag.
    void setSendWaiting(const QString &clientTag, const QString &sentence);
    // What a row says below its text: why it was not sent, that it waits, "Sending…", or
    // nothing.
    [[nodiscard]] QString statusText(const QModelIndex &index) const;

    // Who is signed in: mentions of them (and of everyone) are marked apart from others'
    // (SafeHtml writes a mention as <span data-mention="id|all">). A Webex id only; anything
    // else marks only mentions of everyone.
    void setMyPersonId(const QString &personId);
    // Where the files of messages are described and previewed; none: files show as "A file".
    void setFilePreviews(FilePreviews *previews) { m_files = previews; }
    // The file under a point of the view's viewport, or an empty URL.
    [[nodiscard]] QUrl fileAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                              const QPoint &viewportPos) const;
    // What a file's line says: "report.pdf · 2.1 MB · PDF document", or that it loads.
    [[nodiscard]] QString fileText(const QUrl &url) const;
    // The row's text as painted, for a body `width` wide (tests look inside it).
    [[nodiscard]] QTextDocument *bodyDocument(const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const;

signals:
    // A file of a message was clicked: the person wants to see it (a picture) or have it.
    void fileActivated(const QUrl &url);
    // The sender's picture or name was clicked: the person wants to see who that is.
    void senderActivated(const QString &personId);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    struct Layout
    {
        QRect avatar;
        QRect header;
        QRect body;
        QList<QPair<QRect, QUrl>> files; // each file's box; an empty URL for a pending file
        QRect thread; // "3 replies" / "Hide replies" under a thread's first message
        QRect status;
    };
    void paintFiles(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                    const Layout &l, const QColor &text) const;
    // What the row shows: the message, or its beginning and the "Show more" link.
    [[nodiscard]] QString bodyHtml(const QModelIndex &index, bool *shortened = nullptr) const;
    [[nodiscard]] static QString messageKey(const QModelIndex &index);
    [[nodiscard]] static bool isShowMoreLink(const QUrl &url);
    // The style sheet every body is laid out with: how mentions look.
    [[nodiscard]] QString styleSheet() const;
    [[nodiscard]] QTextDocument *document(const QModelIndex &index, int width,
                                          const QFont &font) const;
    [[nodiscard]] Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QRect &rect) const;
    // The body's width; a reply shown in its thread is indented by ThreadIndent.
    [[nodiscard]] static int textWidth(const QStyleOptionViewItem &option,
                                       const QModelIndex &index = {});
    [[nodiscard]] static int indentOf(const QModelIndex &index);
    [[nodiscard]] static QString threadText(const QModelIndex &index);

    AvatarCache *m_avatars;
    FilePreviews *m_files = nullptr;
    mutable QCache<QString, QTextDocument> m_documents;
    QString m_myPersonId;
    // SafeHtml::preview of long messages (an empty string: the whole message fits).
    mutable QCache<QString, QString> m_previews;
    QSet<QString> m_shownWhole;            // messageKey of the rows whose "Show more" was clicked
    QHash<QString, QString> m_sendWaiting; // client tag -> the sentence its row shows
};
