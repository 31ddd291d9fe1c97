#pragma once

#include "api/apibase.h"
#include "auth/clientcredentials.h"
#include "auth/sessionkeeper.h"
#include "auth/signinflow.h"
#include "signinbrowserprocess.h"

#include <QObject>
#include <QPointer>

#include <optional>

class MainWindow;
class QNetworkAccessManager;
class SessionStore;
class StoredSession;
class TokenSet;

// QPointer members need complete types, hence the includes above.
//
// Who is signed in: restores a remembered session from the keychain or runs a sign-in (in the
// sign-in helper's browser or the system's), keeps the access token fresh through a
// SessionKeeper, remembers the session, and ends it on sign-out or when Webex refuses it.
// What the signed-in user sees is the workspace controllers' job (AppController starts them on
// sessionStarted).
class SessionController : public QObject
{
    Q_OBJECT

public:
    // `store` remembers the session between runs (the keychain's SessionStore in the app); it
    // is not owned and outlives the controller.
    SessionController(SessionStore *store, MainWindow *window, QNetworkAccessManager *network,
                      QObject *parent = nullptr);
    ~SessionController() override;

    // Where the next sign-in goes, and with which Integration.
    void setApiBase(const ApiBase &api) { m_api = api; }
    [[nodiscard]] const ApiBase &apiBase() const { return m_api; }
    void setCredentials(const ClientCredentials &credentials) { m_credentials = credentials; }
    [[nodiscard]] const ClientCredentials &credentials() const { return m_credentials; }
    // False for the demo: its session belongs to an emulator that is gone at the next start.
    void setRemembersSessions(bool remember) { m_remembers = remember; }
    // For tests: where the sign-in helper is (the default looks beside the executable).
    void setSignInHelper(const QString &program) { m_signInHelper = program; }

    // Opens a remembered session for the API base, or asks for a sign-in (signInWanted).
    void restore();

    [[nodiscard]] bool isSignedIn() const { return m_keeper != nullptr; }
    [[nodiscard]] bool isSigningIn() const { return m_flow && m_flow->isActive(); }
    [[nodiscard]] SignInFlow *signInFlow() const { return m_flow; }
    [[nodiscard]] SignInBrowserProcess *signInBrowser() const { return m_browser; }
    [[nodiscard]] SessionKeeper *sessionKeeper() const { return m_keeper; }

public slots:
    void signIn();
    void signInWithSystemBrowser();
    void cancelSignIn();
    void signOut();

signals:
    // A session began (signed in or restored): the keeper exists and will soon say
    // accessTokenReady. Connect to the keeper here, before it starts.
    void sessionStarted(SessionKeeper *keeper);
    // The session is over: what it showed must go. byUser: the user signed out, so what the
    // app remembers about the account goes too.
    void sessionStopped(bool byUser);
    // The keychain has no session to restore (or cannot be read): what was shown while it was
    // asked (the spaces kept on this computer) must go.
    void noSessionToRestore();
    // No remembered session, and no complete Integration details to sign in with.
    void setUpNeeded();
    void signedIn();
    void signInFailed(const QString &message);
    void sessionRestored();
    void signedOut();
    void sessionEnded(const QString &message);
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
    void endSession(bool byUser);
    void rememberSession(const TokenSet &tokens);

    MainWindow *m_window;
    QNetworkAccessManager *m_network;
    SessionStore *m_store;
    ApiBase m_api;
    ClientCredentials m_credentials;
    QString m_signInHelper;
    bool m_remembers = true;
    bool m_keychainUsable = true;
    QPointer<SignInFlow> m_flow;
    QPointer<SignInBrowserProcess> m_browser;
    QPointer<SessionKeeper> m_keeper;
};
