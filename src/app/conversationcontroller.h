#pragma once

// Complete types: QPointer needs them (and WebexClient::CallKind, std::optional<ApiError>).
#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/messagelistmodel.h"
#include "model/peopledirectory.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

class AvatarCache;
class LocalStore;
class Message;
class MessagesPane;
class Person;
class RoomListModel;
class Outbox;
class SpaceDrafts;
struct OutgoingMessage;

// The open space in the messages pane: its newest messages when it opens, older ones as the
// person scrolls up, the newest again when the space has new activity; what the person writes,
// shown at once and confirmed or marked failed with the text back in the composer; and the
// senders' names and pictures, looked up in batches (PeopleDirectory) as messages arrive.
class ConversationController : public QObject
{
    Q_OBJECT

public:
    // `rooms` tells what a space is (read-only, announcements) and takes its seen time;
    // `avatars` draws the senders' pictures in the pane.
    ConversationController(MessagesPane *pane, RoomListModel *rooms, AvatarCache *avatars,
                           QObject *parent = nullptr);
    ~ConversationController() override;

    // A session began: calls go through `client` (owned by the caller, alive until end()).
    void begin(WebexClient *client);
    // The session is over: what was open closes, messages being sent are forgotten.
    void end();
    // Who is signed in: their own messages are drawn with their name and need no look-up.
    void setMe(const Person &me);
    // The local store of the account (outlives this controller, may be null): a space opens
    // with the messages kept from an earlier session at once, reconciled with Webex's newest
    // page when it comes (Webex wins), and the open space is remembered for the next start.
    void setStore(LocalStore *store);

    [[nodiscard]] MessageListModel *messageModel() const { return m_messages; }
    // Who senders are (names, pictures, status), during a session; null outside one.
    [[nodiscard]] PeopleDirectory *people() const { return m_people; }
    [[nodiscard]] QString openRoomId() const { return m_openRoomId; }

public slots:
    void openRoom(const QString &roomId, const QString &title);
    // `parentId`: the thread it answers (the composer's reply), or empty. `filePath`: a file
    // sent with it (multipart upload, its progress and Cancel in the pane's TransfersBar); a
    // file is sent only while Webex can be reached (it is not queued: the file could change or
    // go before the network returns), else it stays attached and the composer says why.
    void sendMessage(const QString &markdown, const QString &parentId = {},
                     const QString &filePath = {});
    // Stops a message being sent with a file: its row goes, text and file are back in the
    // composer.
    void cancelUpload(const QString &clientTag);
    // The composer answers thread `threadId` of the open space next, saying to whom.
    void replyInThread(const QString &threadId);
    // F5: the open space's newest messages, now.
    void refresh();
    // A refresh of the spaces saw activity at `lastActivity`; if that space is open and the
    // activity is new, its newest messages are loaded and it counts as seen.
    void onRoomActivity(const QString &roomId, const QDateTime &lastActivity);

    // What live events bring to the open space (LiveController): a new message, merged by id
    // (one this app sent, or a page brought, is not shown twice); an edit; a deletion. Nothing
    // happens for messages of other spaces.
    void showMessage(const Message &message);
    void updateMessage(const Message &message);
    void removeMessage(const QString &messageId);

public:
    [[nodiscard]] SpaceDrafts *drafts() const { return m_drafts; }
    [[nodiscard]] Outbox *outbox() const { return m_outbox; }
    // Whether Webex can be reached (Connectivity): while it cannot, what is sent waits in the
    // outbox, shown as waiting, and goes once it can, in order.
    void setOnline(bool online);
    // Shows message `messageId` of the open space (a search result opened): at once when it is
    // listed, else once its page is in, loading older pages as far as MaxPagesToSeek.
    void seekMessage(const QString &messageId);
    static constexpr int MaxPagesToSeek = 20;

signals:
    void messagesShown(const QString &roomId);
    // Another space is open in the pane (not yet its messages).
    void roomOpened(const QString &roomId);
    // A lasting remark for the status bar (a message to a space not open was not sent).
    void notice(const QString &message);

private:
    void loadMessages(const QString &beforeMessageId);
    void loadOlderMessages();
    void loadNewestMessages();
    void onSendersWanted(const QStringList &personIds);
    void onPeopleChanged(const QStringList &personIds);
    void onMessagesFetched(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder);
    void onStoredMessages(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder,
                          const QList<Person> &senders);
    // Webex's newest page came for a space showing stored messages: stored ones it no longer
    // has go (from the view and the store), edited ones change, and when the page does not
    // reach back to them (more came meanwhile than a page holds) they leave the view, so no
    // gap is shown.
    void reconcileStored(const QList<Message> &newestFirst, bool hasOlder);
    void onPageAdded();
    void onMessagesFailed(const QString &roomId, const ApiError &error);
    void showFailure(const ApiError &error);
    void onRetryWaiting(WebexClient::CallKind call, const QString &key, const QDateTime &retryAt,
                        const ApiError &reason);
    void onRetryStarted(WebexClient::CallKind call, const QString &key);
    void onMessageSent(const QString &clientTag, const Message &message);
    void onSendFailed(const QString &clientTag, const ApiError &error);
    // A message sent waits before it is sent again (its row and the composer say until when),
    // or, forgotten, no longer waits: it is on its way, sent, or failed.
    void onSendWaiting(const QString &clientTag, const QDateTime &retryAt, const QString &sentence);
    void forgetSendWait(const QString &clientTag);
    // The composer says the wait of the open space's message that waits longest, or nothing.
    void showSendWaits();
    // Rows for the outbox's messages of the open space, marked as waiting for the network.
    void showQueued(const QList<OutgoingMessage> &messages);
    // The sought message is shown, or more is loaded to find it, or it is not there.
    void trySeek();

    MessagesPane *m_pane;
    RoomListModel *m_rooms;
    QPointer<WebexClient> m_client;
    QPointer<PeopleDirectory> m_people;
    QPointer<MessageListModel> m_messages;
    QPointer<LocalStore> m_store;
    SpaceDrafts *m_drafts;
    Outbox *m_outbox;
    bool m_online = true;
    // The stored messages shown in the open space until Webex's newest page came, by id.
    QHash<QString, Message> m_storedShown;
    bool m_newestPageSeen = false; // Webex's newest page of the open space came
    bool m_olderWanted = false;    // older messages were asked for before it came
    QString m_seekId;              // a message to show once it is listed (seekMessage)
    int m_seekPagesLeft = 0;
    QString m_myPersonId;
    QString m_openRoomId;
    QDateTime m_openRoomActivity; // to tell whether a refresh brought new messages
    QString m_messagesBefore;     // the page asked for last, for Retry
    bool m_newestWanted = false;  // a refresh came while an older page was loading
    bool m_waiting = false;       // the open space's page waits for its next attempt
    // For each page the model is sanitising, in order: whether it is an older one (the pane
    // says it loads older messages until that page is shown).
    QList<bool> m_pagesOlder;
    // A page failed while others were still being sanitised: said once they are shown, with
    // their count (a page merged after it would otherwise clear the sentence).
    std::optional<ApiError> m_failureAfterPages;
    struct Draft
    {
        QString roomId;
        QString text;
        QString filePath; // sent with a file
    };
    void onUploadProgress(const QString &clientTag, qint64 sent, qint64 total);
    [[nodiscard]] static QString uploadKey(const QString &clientTag);
    QHash<QString, Draft> m_sending; // client tag -> what was sent
    struct SendWait
    {
        QString roomId;
        QDateTime retryAt;
        QString sentence;
    };
    QHash<QString, SendWait> m_sendWaits; // client tag -> its wait, while it waits
    QStringList m_failedTags;             // failed rows of the open space, dropped at the next send
};
