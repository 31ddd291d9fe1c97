#pragma once

#include <QListView>
#include <QMenu> // QPointer<QMenu> in an inline getter needs the complete type
#include <QPointer>
#include <QUrl>

// The message list as the keyboard and screen readers use it; the mouse keeps working as with
// any list (links open on click through MessageItemDelegate).
//
// - Arrows move the current message; on focus the newest message in view becomes current, not
//   the oldest one loaded (which would scroll to the top and load older messages).
// - Enter on the current message opens its link when it has one, or shows a menu of its links.
// - The context menu (right click, Menu key, Shift+F10) offers Copy Text, Show Whole Message
//   for a message shown shortened, and, for each link, Open Link and Copy Link Address. Ctrl+C
//   copies the text as well.
// - On your own messages the menu also offers Edit Message and Delete Message… (editRequested,
//   deleteRequested), and the Delete key asks to delete the current one.
// - Threads (the model is a MessageThreadsModel): Right opens the current thread's replies, Left
//   closes them (or goes from a reply to its thread's first message), as in a tree; the menu
//   says the same (Show 3 Replies, Hide Replies). R, or Reply in Thread, answers in the
//   message's thread (replyRequested).
// - Show Profile (the menu) shows who wrote the message, as a click on their name does.
// - Files: Enter on a message with one file opens it (a picture in the viewer, another file
//   downloaded), as a click does; the menu offers Open and Save to Downloads for each.
// - Home, Up on the first message and PageUp at the top ask for older messages (olderWanted);
//   the pane decides whether any are loaded.
//
// Links come from the model (MessageListModel::LinksRole, taken from the sanitised text by
// SafeHtml::links); nothing here reads markup or builds a URL. Only http, https and mailto links
// are offered and opened (QDesktopServices::openUrl).
class MessageListView : public QListView
{
    Q_OBJECT

public:
    explicit MessageListView(QWidget *parent = nullptr);

    // Whether the rows overflow the viewport. Lays out pending rows first, so the answer is about
    // the rows the model holds now, not those of the last layout.
    [[nodiscard]] bool canScroll();

    // The menu shown now (Enter's links menu or the context menu), or null.
    [[nodiscard]] QMenu *openMenu() const { return m_menu; }

    // Enter's action on a message: its one link opens, several are offered in a menu.
    void activateLinks(const QModelIndex &index);
    // The context menu of a message, at a point of the viewport (the row's corner if null).
    void showContextMenu(const QModelIndex &index, const QPoint &viewportPos = {});

signals:
    // Home, Up on the first message or PageUp at the top: the person wants to read further back.
    void olderWanted();
    // The viewport changed size: a taller one may no longer be filled by the rows.
    void viewportResized();
    // The person chose to edit or delete one of their own messages (by its Webex id).
    void editRequested(const QString &messageId);
    void deleteRequested(const QString &messageId);
    // The person wants to answer in thread `threadId` (its first message's id).
    void replyRequested(const QString &threadId);
    // A file of a message: opened (a picture in the viewer, another file downloaded), or
    // saved into Downloads (the menu's Open and Save to Downloads, Enter on a file's message).
    void fileOpenRequested(const QUrl &url);
    void fileDownloadRequested(const QUrl &url);
    // Show Profile: who wrote the message (its sender's person id).
    void senderCardRequested(const QString &personId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Makes the newest message in view current when none is; true if it did.
    bool ensureCurrent();
    // The thread a reply to `index` goes to, or empty (a message still being sent).
    [[nodiscard]] static QString threadOf(const QModelIndex &index);
    void setThreadExpanded(const QModelIndex &index, bool expanded);
    // Right (open) or Left (close, or up to the thread's first message); true when it did.
    bool threadKey(const QModelIndex &index, bool right);
    [[nodiscard]] static QList<QUrl> linksOf(const QModelIndex &index);
    [[nodiscard]] static QString menuText(const QUrl &url);
    // Any text in a menu: shortened in the middle, its '&' kept as it is.
    [[nodiscard]] static QString menuText(const QString &text);
    static void openLink(const QUrl &url);
    static void copyText(const QModelIndex &index);
    [[nodiscard]] QMenu *newMenu(const QString &title);
    // Where a menu for a row opens: below its top edge, inside the viewport.
    [[nodiscard]] QPoint menuPosition(const QModelIndex &index) const;

    QPointer<QMenu> m_menu;
};
