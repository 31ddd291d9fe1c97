#pragma once

// Complete types: QPointer needs the model's, and callers take view() as a QListView.
#include "messagelistview.h"
#include "model/messagelistmodel.h"

#include <QPointer>
#include <QWidget>

class AvatarCache;
class Composer;
class FilePreviews;
class TransfersBar;
class MessageEditBox;
class MessageThreadsModel;
class QLabel;
class QTimer;
class StateBanner;

// The open space: its title, its messages (oldest at the top, the newest in view), and the
// composer. Scrolling to the top asks for older messages (olderRequested), and the view keeps
// its place while they are inserted above, so reading is not interrupted and the top is not
// reached again at once (which would load the whole history page after page). The keyboard asks
// too (Home, Up on the first message, PageUp at the top; see MessageListView), and so does a
// page too short to fill the view, which has no top to scroll to.
//
// Older messages are asked for only while the model says there are some (hasOlder) and never
// while a page is loading. A short page asks by itself once per oldest message shown, so a page
// that brings nothing older, or fails, does not start a loop of requests.
class MessagesPane : public QWidget
{
    Q_OBJECT

public:
    explicit MessagesPane(QWidget *parent = nullptr);

    // Where senders' pictures come from; set once, before messages are shown.
    void setAvatarCache(AvatarCache *avatars);
    // Where messages' files are described and previewed (after setAvatarCache); set once.
    void setFilePreviews(FilePreviews *previews);
    // Who is signed in: mentions of them are marked apart (MessageItemDelegate).
    void setMyPersonId(const QString &personId);

    void setModel(MessageListModel *messages);

    // Before any space is chosen.
    void showNoRoom();
    void showRoom(const QString &title, const QString &postingNote);
    void showLoading();
    // A page waits before Webex is asked again; `sentence` says until when.
    void showWaiting(const QString &sentence);
    void showLoaded();
    void showProblem(const QString &message);
    // Some messages are shown, a page more could not be loaded: `sentence` says why (Retry).
    void showIncomplete(const QString &sentence);
    void setLoadingOlder(bool loading);
    [[nodiscard]] bool isLoadingOlder() const { return m_loadingOlder; }

    void setClockInterval(int milliseconds);
    // Shows the message with that id (if it is in the list): scrolled to the middle of the
    // view, made current and focused, as a search result opened. False when it is not listed.
    bool scrollToMessage(const QString &messageId);
    // Keyboard focus to the composer (the space that is open was chosen again).
    void focusComposer();
    // Brings the row of the message sent with `clientTag` into view: a reply goes into its
    // thread, which may be far above the newest message.
    void showSent(const QString &clientTag);
    // A message that was not sent: its text goes back into the composer, with why.
    void restoreDraft(const QString &text, const QString &reason);
    // A message sent in this space waits before it is sent again: the composer says
    // `sentence`, with Send now (sendNowRequested); empty: none waits.
    void showSendWaiting(const QString &sentence);
    // The row of the message sent with `clientTag` says it waits (`sentence`), or, empty,
    // "Sending…" again.
    void setRowSendWaiting(const QString &clientTag, const QString &sentence);

    // One of the person's messages is edited in place of the composer (MessageEditBox), which
    // keeps what was being written; endEdit() brings the composer back, focused. Showing another
    // space (or none) cancels an edit (MessageEditBox::cancelled).
    void beginEdit(const QString &messageId, const QString &markdown);
    void endEdit();
    [[nodiscard]] bool isEditing() const;

    [[nodiscard]] MessageListView *view() const { return m_view; }
    [[nodiscard]] Composer *composer() const { return m_composer; }
    [[nodiscard]] MessageEditBox *editBox() const { return m_editBox; }
    // What the view shows: the model's messages with replies in their threads.
    [[nodiscard]] MessageThreadsModel *threads() const { return m_threads; }
    [[nodiscard]] StateBanner *banner() const { return m_banner; }
    // Files on their way in and out, above the composer.
    [[nodiscard]] TransfersBar *transfers() const { return m_transfers; }

signals:
    // The person sent what they wrote (the composer's Enter or Send button); `parentId`: the
    // thread it answers, or empty.
    void sendRequested(const QString &markdown, const QString &parentId = {},
                       const QString &filePath = {});
    // A file of a message was clicked, or chosen in its menu: open (a picture) or download it.
    void fileOpenRequested(const QUrl &url);
    void fileDownloadRequested(const QUrl &url);
    // Who wrote a message: a click on their picture or name, or the menu's Show Profile.
    void senderCardRequested(const QString &personId);
    // Send now, in the composer: the waiting messages go at once.
    void sendNowRequested();
    void olderRequested();
    void retryRequested();

protected:
    // Files dropped on the space go with the next message (the composer's attachment).
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void updateEmpty();
    [[nodiscard]] bool mayAskForOlder() const;
    void requestOlder();
    // After a page, a resize or a layout: checks once the event loop is back (rows are laid out
    // lazily) whether the view can scroll, and asks for older messages if it cannot.
    void scheduleFillCheck();
    void fillIfNotScrollable();

    QLabel *m_title;
    QLabel *m_postingNote;
    QLabel *m_olderLabel;
    MessageListView *m_view;
    StateBanner *m_banner;
    TransfersBar *m_transfers;
    Composer *m_composer;
    MessageEditBox *m_editBox;
    QTimer *m_clock;
    QPointer<MessageListModel> m_messages;
    MessageThreadsModel *m_threads;
    bool m_loadingOlder = false;
    bool m_loaded = false;
    // How far the view was from the bottom when rows went in above; -1: follow the newest.
    int m_keepFromBottom = -1;
    bool m_atBottom = true;
    bool m_fillCheckPending = false;
    // The oldest message shown when older ones were last asked for.
    QString m_olderAskedBefore;
};
