#pragma once

#include <QCache>
#include <QStyledItemDelegate>

class AvatarCache;
class QTextDocument;

// Draws a message: the sender's picture (initials until it arrives), name and time, then the
// text as rich text, and "Sending…" or why it was not sent.
//
// Rich text is laid out in a QTextDocument the delegate owns and caches per (text, width),
// not in a QTextBrowser per message: a widget per row costs a window-system object, a layout
// and an undo stack for each of hundreds of messages and scrolls badly. The documents are
// InertTextDocument (never load images or files), fed only SafeHtml's sanitised output; links
// open in the system browser (http, https, mailto only).
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
        QRect status;
    };
    [[nodiscard]] QTextDocument *document(const QModelIndex &index, int width,
                                          const QFont &font) const;
    [[nodiscard]] Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QRect &rect) const;
    [[nodiscard]] static int textWidth(const QStyleOptionViewItem &option);
    [[nodiscard]] static QString statusText(const QModelIndex &index);

    AvatarCache *m_avatars;
    mutable QCache<QString, QTextDocument> m_documents;
};
