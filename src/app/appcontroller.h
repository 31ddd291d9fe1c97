#pragma once

#include "api/apibase.h"
#include "api/webexclient.h"
#include "auth/clientcredentials.h"
#include "auth/sessionkeeper.h"
#include "auth/signinflow.h"
#include "model/messagelistmodel.h"
#include "model/peopledirectory.h"
#include "signinbrowserprocess.h"
#include "startupoptions.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class AvatarCache;
class MainWindow;
class Message;
class Person;
class Room;
class RoomListModel;
class SessionStore;
class StoredSession;
class Team;
class TokenSet;
class WebexEmulator;

// QPointer members need complete types, hence the includes above.
//
// Wires the core to the windows: restores a remembered session or runs a sign-in (in the
// sign-in helper's browser or the system's), keeps the session's token fresh, and loads the
// profile and the spaces into the main window; opens a space's messages, sends what is written,
// and keeps the spaces current with a quiet periodic refresh (one request per interval).
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(const StartupOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    // Shows the main window and starts what the options, the keychain and the environment
    // ask for: the demo, a remembered session, a sign-in with known credentials, or set-up.
    void start();

    void setCredentials(const ClientCredentials &credentials);
    // For tests: where the sign-in helper is (the default looks beside the executable).
    void setSignInHelper(const QString &program) { m_signInHelper = program; }

    [[nodiscard]] MainWindow *mainWindow() const { return m_mainWindow.get(); }
    [[nodiscard]] SignInBrowserProcess *signInBrowser() const { return m_browser; }
    [[nodiscard]] SignInFlow *signInFlow() const { return m_flow; }
    [[nodiscard]] SessionKeeper *sessionKeeper() const { return m_keeper; }
    [[nodiscard]] RoomListModel *roomModel() const { return m_rooms.get(); }
    [[nodiscard]] WebexEmulator *demoEmulator() const { return m_demoEmulator.get(); }
    [[nodiscard]] MessageListModel *messageModel() const { return m_messages; }
    [[nodiscard]] AvatarCache *avatarCache() const { return m_avatars.get(); }
    [[nodiscard]] QString openRoomId() const { return m_openRoomId; }

    // The quiet refresh of the spaces (GET rooms, first page by last activity); a minute by
    // default. Tests make it short. Takes effect at once.
    void setRefreshInterval(int milliseconds);
    [[nodiscard]] int refreshInterval() const { return m_refreshTimer.interval(); }
    [[nodiscard]] bool isSignedIn() const { return m_keeper != nullptr; }

public slots:
    void signIn();
    void signInWithSystemBrowser();
    void cancelSignIn();
    void signOut();
    void startDemo();
    void openSetUp();
    void showAbout();
    // F5: the spaces' first page and the open space's newest messages, now.
    void refresh();
    void openRoom(const QString &roomId, const QString &title);
    void sendMessage(const QString &markdown);

signals:
    void signedIn();
    void signInFailed(const QString &message);
    void sessionRestored();
    void signedOut();
    void sessionEnded(const QString &message);
    void profileShown();
    void roomsLoaded(int total);
    void messagesShown(const QString &roomId);
    void keychainUnavailable(const QString &reason);

private:
    enum class Browser { Embedded, System };

    void beginSignIn(Browser browser);
    void openBrowser(Browser browser, const QUrl &url);
    void closeBrowser();
    void onStoredSession(const std::optional<StoredSession> &session);
    void onKeychainUnavailable(const QString &reason);
    void startWithoutSession();
    void onSignedIn(const TokenSet &tokens);
    void onSignInFailed(const QString &message);
    void beginSession(const TokenSet &tokens);
    void onAccessTokenReady(const QString &accessToken);
    void endSession();
    void rememberSession(const TokenSet &tokens);
    void onProfile(const Person &person);
    void onRoomsPage(const QList<Room> &rooms);
    void onRoomsDone(int total);
    [[nodiscard]] bool remembersSessions() const;
    void connectPanes();
    void connectWorkspaceSignals();
    void loadRooms();
    void loadProfile();
    void loadMessages(const QString &beforeMessageId);
    void loadOlderMessages();
    void onMessagesFetched(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder);
    void onMessagesFailed(const QString &roomId, const ApiError &error);
    void onMessageSent(const QString &clientTag, const Message &message);
    void onSendFailed(const QString &clientTag, const ApiError &error);
    void onRecentRooms(const QList<Room> &rooms);
    void onRoomsFailed(const ApiError &error);
    void onImage(const QUrl &url, const QByteArray &bytes);
    void onAvatarChanged(const QUrl &url);
    void restoreLastSeen();
    void saveLastSeen();

    StartupOptions m_options;
    ApiBase m_api;
    ClientCredentials m_credentials;
    QString m_signInHelper;
    QNetworkAccessManager m_network;
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<WebexEmulator> m_demoEmulator;
    SessionStore *m_store;
    bool m_keychainUsable = true;
    QPointer<SignInFlow> m_flow;
    QPointer<SignInBrowserProcess> m_browser;
    QPointer<SessionKeeper> m_keeper;
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
    QString m_openRoomTitle;
    QDateTime m_openRoomActivity; // to tell whether a refresh brought new messages
    QString m_messagesBefore;     // the page asked for last, for Retry
    struct Draft
    {
        QString roomId;
        QString text;
    };
    QHash<QString, Draft> m_sending; // client tag -> what was sent
    QStringList m_failedTags;        // failed rows of the open space, dropped at the next send
};
