#pragma once

#include "api/apibase.h"
#include "api/webexclient.h"
#include "model/messagelistmodel.h"
#include "model/peopledirectory.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class AvatarCache;
class MainWindow;
class Message;
class Person;
class Room;
class RoomListModel;
class SessionKeeper;

// QPointer members need complete types, hence the includes above.
//
// What the signed-in user works in: loads the profile, the spaces (page by page, then a quiet
// periodic refresh of the first page) and the teams into the main window; opens a space's
// messages (older ones on request), sends what is written, fetches pictures through the disk
// cache, and remembers when each space was last seen, for the new-activity marks.
class WorkspaceController : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceController(MainWindow *window, QObject *parent = nullptr);
    ~WorkspaceController() override;

    // A session began: API calls go to `api` with the keeper's access token (renewed by the
    // keeper when Webex rejects it); loading starts at the first accessTokenReady.
    void begin(const ApiBase &api, SessionKeeper *keeper, QNetworkAccessManager *network);
    // The session is over: requests are cancelled and what it showed is dropped.
    void end();
    // The user signed out: when they last saw each space is forgotten too.
    void forgetSeenSpaces();
    // For the demo: its spaces are new at every start, so nothing about them is stored, and the
    // demo plays someone back after a day away (yesterday's activity is marked).
    void setEphemeral(bool ephemeral) { m_ephemeral = ephemeral; }

    [[nodiscard]] RoomListModel *roomModel() const { return m_rooms.get(); }
    [[nodiscard]] MessageListModel *messageModel() const { return m_messages; }
    [[nodiscard]] AvatarCache *avatarCache() const { return m_avatars.get(); }
    [[nodiscard]] QString openRoomId() const { return m_openRoomId; }

    // The quiet refresh of the spaces (GET rooms, first page by last activity); a minute by
    // default. Tests make it short. Takes effect at once.
    void setRefreshInterval(int milliseconds);
    [[nodiscard]] int refreshInterval() const { return m_refreshTimer.interval(); }

public slots:
    // F5: the spaces' first page and the open space's newest messages, now.
    void refresh();
    void openRoom(const QString &roomId, const QString &title);
    void sendMessage(const QString &markdown);

signals:
    void profileShown();
    void roomsLoaded(int total);
    void messagesShown(const QString &roomId);

private:
    void connectPanes();
    void connectClientSignals();
    void onAccessTokenReady(const QString &accessToken);
    void loadProfile();
    void loadRooms();
    void loadMessages(const QString &beforeMessageId);
    void loadOlderMessages();
    void loadNewestMessages();
    void onProfile(const Person &person);
    void onRoomsPage(const QList<Room> &rooms);
    void onRoomsDone(int total);
    void onRoomsFailed(const ApiError &error);
    void onRecentRooms(const QList<Room> &rooms);
    void onMessagesFetched(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder);
    void onMessagesFailed(const QString &roomId, const ApiError &error);
    void onMessageSent(const QString &clientTag, const Message &message);
    void onSendFailed(const QString &clientTag, const ApiError &error);
    void onImage(const QUrl &url, const QByteArray &bytes);
    void onAvatarChanged(const QUrl &url);
    void restoreSeenSpaces();
    void saveSeenSpaces();
    // When never-opened spaces count as seen; the first time for an account, now (and kept).
    [[nodiscard]] QDateTime establishSeenBaseline();
    [[nodiscard]] QString settingsKey(const QString &what) const;

    MainWindow *m_window;
    ApiBase m_api;
    bool m_ephemeral = false;
    std::unique_ptr<RoomListModel> m_rooms;
    QPointer<WebexClient> m_client;
    bool m_loadedWorkspace = false;

    // Pictures go through their own network access manager, the one with the disk cache:
    // API answers (messages, people) carry the access token and private content and must
    // not be written to disk.
    QNetworkAccessManager m_imageNetwork;
    QPointer<WebexClient> m_imageClient;
    std::unique_ptr<AvatarCache> m_avatars;
    QPointer<PeopleDirectory> m_people;
    QPointer<MessageListModel> m_messages;
    QTimer m_refreshTimer;
    bool m_roomsComplete = false; // the full list arrived; refreshes are quiet from then on
    QString m_myPersonId;
    QUrl m_myAvatar;
    QString m_openRoomId;
    QDateTime m_openRoomActivity; // to tell whether a refresh brought new messages
    QString m_messagesBefore;     // the page asked for last, for Retry
    bool m_newestWanted = false;  // a refresh came while an older page was loading
    struct Draft
    {
        QString roomId;
        QString text;
    };
    QHash<QString, Draft> m_sending; // client tag -> what was sent
    QStringList m_failedTags;        // failed rows of the open space, dropped at the next send
};
