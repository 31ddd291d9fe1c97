#include "sessioncontroller.h"

#include "auth/sessionstore.h"
#include "auth/storedsession.h"
#include "logging.h"
#include "mainwindow.h"
#include "model/tokenset.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>

SessionController::SessionController(SessionStore *store, MainWindow *window,
                                     QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_window(window), m_network(network), m_store(store),
      m_credentials(ClientCredentials::fromEnvironment())
{
    connect(m_store, &SessionStore::loaded, this, &SessionController::onStoredSession);
    connect(m_store, &SessionStore::unavailable, this, &SessionController::onKeychainUnavailable);
}

SessionController::~SessionController()
{
    // The helper process must not outlive us.
    delete m_browser;
}

void SessionController::restore()
{
    // A remembered session opens straight into the spaces: no sign-in window, no browser.
    m_window->showRestoring();
    m_store->load();
}

void SessionController::onStoredSession(const std::optional<StoredSession> &session)
{
    if (isSignedIn() || isSigningIn())
        return; // a later load (after sign-out, say) has nothing to restore
    if (!session || session->apiBase != m_api.baseUrl()) {
        startWithoutSession();
        return;
    }
    m_credentials = session->credentials();
    beginSession(session->tokens);
    emit sessionRestored();
}

void SessionController::onKeychainUnavailable(const QString &reason)
{
    const bool firstTime = m_keychainUsable;
    m_keychainUsable = false;
    if (firstTime) {
        // Said once; the app works on, it just signs in again next time.
        qCWarning(lcAuth).noquote() << reason;
        m_window->showNotice(reason);
        emit keychainUnavailable(reason);
    }
    if (!isSignedIn() && !isSigningIn())
        startWithoutSession();
}

void SessionController::startWithoutSession()
{
    emit noSessionToRestore();
    m_window->showWelcome();
    if (m_credentials.isComplete())
        signIn();
    else
        emit setUpNeeded();
}

void SessionController::signIn()
{
    beginSignIn(Browser::Embedded);
}

void SessionController::signInWithSystemBrowser()
{
    beginSignIn(Browser::System);
}

void SessionController::beginSignIn(Browser browser)
{
    if (isSigningIn() || isSignedIn())
        return;
    if (!m_credentials.isComplete()) {
        emit setUpNeeded();
        return;
    }
    if (m_flow)
        m_flow->deleteLater();
    m_flow = new SignInFlow(m_api, m_credentials, m_network, this);
    connect(m_flow, &SignInFlow::authorizationUrlReady, this,
            [this, browser](const QUrl &url) { openBrowser(browser, url); });
    connect(m_flow, &SignInFlow::signedIn, this, &SessionController::onSignedIn);
    connect(m_flow, &SignInFlow::failed, this, &SessionController::onSignInFailed);
    m_window->showSigningIn(browser == Browser::Embedded
                                ? tr("Signing in… Finish signing in in the Webex window.")
                                : tr("Signing in… Finish signing in in your web browser, "
                                     "then come back here."));
    m_flow->start();
}

void SessionController::openBrowser(Browser browser, const QUrl &url)
{
    if (browser == Browser::System) {
        if (!QDesktopServices::openUrl(url) && m_flow)
            m_flow->cancel(tr("No web browser could be opened on this computer. Use File > "
                              "Sign In to sign in inside Webex Desk instead."));
        return;
    }
    closeBrowser();
    m_browser = new SignInBrowserProcess(this);
    if (!m_signInHelper.isEmpty())
        m_browser->setProgram(m_signInHelper);
    const auto endWith = [this](const QString &message) {
        if (m_flow)
            m_flow->cancel(message);
    };
    connect(m_browser, &SignInBrowserProcess::closedByUser, this, [endWith, this] {
        endWith(tr("You closed the sign-in window before signing in. Choose Sign In to try "
                   "again."));
    });
    connect(m_browser, &SignInBrowserProcess::loadFailed, this, endWith);
    connect(m_browser, &SignInBrowserProcess::helperFailed, this, endWith);
    m_browser->open(url, m_window->winId());
}

void SessionController::closeBrowser()
{
    if (!m_browser)
        return;
    m_browser->close();
    m_browser->deleteLater();
    m_browser = nullptr;
}

void SessionController::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel(tr("Sign-in cancelled."));
}

void SessionController::onSignedIn(const TokenSet &tokens)
{
    closeBrowser();
    rememberSession(tokens);
    beginSession(tokens);
    emit signedIn();
}

void SessionController::onSignInFailed(const QString &message)
{
    closeBrowser();
    m_window->showWelcome(message);
    emit signInFailed(message);
}

void SessionController::beginSession(const TokenSet &tokens)
{
    m_keeper = new SessionKeeper(m_api, m_credentials, m_network, this);
    connect(m_keeper, &SessionKeeper::tokensChanged, this, &SessionController::rememberSession);
    connect(m_keeper, &SessionKeeper::renewalDelayed, m_window, &MainWindow::showNotice);
    connect(m_keeper, &SessionKeeper::sessionEnded, this, [this](const QString &message) {
        endSession(false);
        m_window->showWelcome(message);
        emit sessionEnded(message);
    });
    // The workspace first: what sessionStarted's receivers show in it (the space open at the
    // last close) must not be reset by it.
    m_window->showWorkspace();
    emit sessionStarted(m_keeper);
    m_keeper->start(tokens);
}

void SessionController::rememberSession(const TokenSet &tokens)
{
    if (!m_remembers || !m_keychainUsable)
        return;
    StoredSession session;
    session.apiBase = m_api.baseUrl();
    session.clientId = m_credentials.clientId();
    session.clientSecret = m_credentials.clientSecret();
    session.tokens = tokens;
    m_store->save(session);
}

void SessionController::endSession(bool byUser)
{
    if (m_keeper) {
        m_keeper->stop();
        m_keeper->deleteLater();
    }
    m_keeper = nullptr;
    emit sessionStopped(byUser);
    // Every stored secret goes: tokens and the client secret live in this one entry.
    m_store->clear();
}

void SessionController::signOut()
{
    if (!isSignedIn())
        return;
    endSession(true);
    // The sign-in browser kept nothing: its profile is off the record and its process ended
    // with the sign-in, so no Webex cookie or cache is left to clear.
    connect(
        m_store, &SessionStore::cleared, this, [this] { emit signedOut(); },
        Qt::SingleShotConnection);
    m_window->showWelcome(tr("You are signed out."));
}
