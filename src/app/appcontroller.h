#pragma once

#include "api/apibase.h"
#include "api/webexclient.h"
#include "auth/clientcredentials.h"
#include "auth/sessionkeeper.h"
#include "auth/signinflow.h"
#include "signinbrowserprocess.h"
#include "startupoptions.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class MainWindow;
class Person;
class Room;
class RoomListModel;
class SessionStore;
class StoredSession;
class TokenSet;
class WebexEmulator;

// QPointer members need complete types, hence the includes above.
//
// Wires the core to the windows: restores a remembered session or runs a sign-in (in the
// sign-in helper's browser or the system's), keeps the session's token fresh, and loads the
// profile and the spaces into the main window.
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
    [[nodiscard]] bool isSignedIn() const { return m_keeper != nullptr; }

public slots:
    void signIn();
    void signInWithSystemBrowser();
    void cancelSignIn();
    void signOut();
    void startDemo();
    void openSetUp();
    void showAbout();

signals:
    void signedIn();
    void signInFailed(const QString &message);
    void sessionRestored();
    void signedOut();
    void sessionEnded(const QString &message);
    void profileShown();
    void roomsLoaded(int total);
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
};
