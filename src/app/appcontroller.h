#pragma once

#include "auth/clientcredentials.h"
#include "startupoptions.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

class AvatarCache;
class MainWindow;
class MessageListModel;
class RoomListModel;
class SessionController;
class SessionKeeper;
class SignInBrowserProcess;
class SignInFlow;
class WebexEmulator;
class WorkspaceController;

// The app as a whole: the main window, the session (SessionController: signing in,
// remembering, signing out) and the workspace it opens (WorkspaceController: profile, spaces,
// messages). Starts what the options ask for, runs the demo against a built-in emulator, and
// opens the set-up and About dialogs.
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
    void setSignInHelper(const QString &program);

    [[nodiscard]] MainWindow *mainWindow() const { return m_mainWindow.get(); }
    [[nodiscard]] SessionController *session() const { return m_session; }
    [[nodiscard]] WorkspaceController *workspace() const { return m_workspace; }
    [[nodiscard]] SignInBrowserProcess *signInBrowser() const;
    [[nodiscard]] SignInFlow *signInFlow() const;
    [[nodiscard]] SessionKeeper *sessionKeeper() const;
    [[nodiscard]] RoomListModel *roomModel() const;
    [[nodiscard]] WebexEmulator *demoEmulator() const { return m_demoEmulator.get(); }
    [[nodiscard]] MessageListModel *messageModel() const;
    [[nodiscard]] AvatarCache *avatarCache() const;
    [[nodiscard]] QString openRoomId() const;

    // The quiet refresh of the spaces; a minute by default. Tests make it short.
    void setRefreshInterval(int milliseconds);
    [[nodiscard]] int refreshInterval() const;
    [[nodiscard]] bool isSignedIn() const;

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
    void connectSession();
    void connectMainWindow();

    StartupOptions m_options;
    QNetworkAccessManager m_network; // API and token calls (never cached to disk)
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<WebexEmulator> m_demoEmulator;
    WorkspaceController *m_workspace;
    SessionController *m_session;
};
