#include "appcontroller.h"

#include "aboutdialog.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "auth/sessionkeeper.h"
#include "auth/sessionstore.h"
#include "auth/signinflow.h"
#include "auth/storedsession.h"
#include "firstrundialog.h"
#include "logging.h"
#include "mainwindow.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/tokenset.h"
#include "signinbrowserprocess.h"
#include "version.h"
#include "webexemulator.h"

#include <QDesktopServices>
#include <QMessageBox>

namespace {
// Token requests and API calls give up after this long, so no failure waits forever.
constexpr int NetworkTimeoutMs = 30000;
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_api(options.apiBase),
      m_credentials(ClientCredentials::fromEnvironment()),
      m_rooms(std::make_unique<RoomListModel>()), m_mainWindow(std::make_unique<MainWindow>()),
      m_store(new SessionStore(options.keychainService, this))
{
    m_network.setTransferTimeout(NetworkTimeoutMs);
    m_mainWindow->setRoomModel(m_rooms.get());
    connect(m_mainWindow.get(), &MainWindow::signInRequested, this, &AppController::signIn);
    connect(m_mainWindow.get(), &MainWindow::systemBrowserSignInRequested, this,
            &AppController::signInWithSystemBrowser);
    connect(m_mainWindow.get(), &MainWindow::cancelSignInRequested, this,
            &AppController::cancelSignIn);
    connect(m_mainWindow.get(), &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_mainWindow.get(), &MainWindow::demoRequested, this, &AppController::startDemo);
    connect(m_mainWindow.get(), &MainWindow::setUpRequested, this, &AppController::openSetUp);
    connect(m_mainWindow.get(), &MainWindow::aboutRequested, this, &AppController::showAbout);
    connect(m_store, &SessionStore::loaded, this, &AppController::onStoredSession);
    connect(m_store, &SessionStore::unavailable, this, &AppController::onKeychainUnavailable);
}

AppController::~AppController()
{
    // The helper process must not outlive us.
    delete m_browser;
}

void AppController::start()
{
    m_mainWindow->show();
    if (m_options.demo) {
        startDemo();
        return;
    }
    // A remembered session opens straight into the spaces: no sign-in window, no browser.
    m_mainWindow->showRestoring();
    m_store->load();
}

void AppController::onStoredSession(const std::optional<StoredSession> &session)
{
    if (isSignedIn() || (m_flow && m_flow->isActive()))
        return; // a later load (after sign-out, say) has nothing to restore
    if (!session || session->apiBase != m_api.baseUrl()) {
        startWithoutSession();
        return;
    }
    m_credentials = session->credentials();
    beginSession(session->tokens);
    emit sessionRestored();
}

void AppController::onKeychainUnavailable(const QString &reason)
{
    const bool firstTime = m_keychainUsable;
    m_keychainUsable = false;
    if (firstTime) {
        // Said once; the app works on, it just signs in again next time.
        qCWarning(lcAuth).noquote() << reason;
        m_mainWindow->showNotice(reason);
        emit keychainUnavailable(reason);
    }
    if (!isSignedIn() && !(m_flow && m_flow->isActive()))
        startWithoutSession();
}

void AppController::startWithoutSession()
{
    m_mainWindow->showWelcome();
    if (m_credentials.isComplete())
        signIn();
    else if (!m_mainWindow->findChild<FirstRunDialog *>())
        openSetUp();
}

void AppController::setCredentials(const ClientCredentials &credentials)
{
    m_credentials = credentials;
}

bool AppController::remembersSessions() const
{
    // A demo session belongs to an emulator that is gone at the next start.
    return m_keychainUsable && !m_demoEmulator;
}

void AppController::signIn()
{
    beginSignIn(Browser::Embedded);
}

void AppController::signInWithSystemBrowser()
{
    beginSignIn(Browser::System);
}

void AppController::beginSignIn(Browser browser)
{
    if ((m_flow && m_flow->isActive()) || isSignedIn())
        return;
    if (!m_credentials.isComplete()) {
        openSetUp();
        return;
    }
    if (m_flow)
        m_flow->deleteLater();
    m_flow = new SignInFlow(m_api, m_credentials, &m_network, this);
    connect(m_flow, &SignInFlow::authorizationUrlReady, this,
            [this, browser](const QUrl &url) { openBrowser(browser, url); });
    connect(m_flow, &SignInFlow::signedIn, this, &AppController::onSignedIn);
    connect(m_flow, &SignInFlow::failed, this, &AppController::onSignInFailed);
    m_mainWindow->showSigningIn(browser == Browser::Embedded
                                    ? tr("Signing in… Finish signing in in the Webex window.")
                                    : tr("Signing in… Finish signing in in your web browser, "
                                         "then come back here."));
    m_flow->start();
}

void AppController::openBrowser(Browser browser, const QUrl &url)
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
    m_browser->open(url, m_mainWindow->winId());
}

void AppController::closeBrowser()
{
    if (!m_browser)
        return;
    m_browser->close();
    m_browser->deleteLater();
    m_browser = nullptr;
}

void AppController::cancelSignIn()
{
    if (m_flow)
        m_flow->cancel(tr("Sign-in cancelled."));
}

void AppController::onSignedIn(const TokenSet &tokens)
{
    closeBrowser();
    rememberSession(tokens);
    beginSession(tokens);
    emit signedIn();
}

void AppController::onSignInFailed(const QString &message)
{
    closeBrowser();
    m_mainWindow->showWelcome(message);
    emit signInFailed(message);
}

void AppController::beginSession(const TokenSet &tokens)
{
    m_rooms->clear();
    m_loadedWorkspace = false;
    m_keeper = new SessionKeeper(m_api, m_credentials, &m_network, this);
    m_client = new WebexClient(m_api, &m_network, this);
    m_client->setAccessTokenRenewal(true);

    connect(m_client, &WebexClient::accessTokenRejected, m_keeper, &SessionKeeper::renewNow);
    connect(m_keeper, &SessionKeeper::accessTokenReady, this, &AppController::onAccessTokenReady);
    connect(m_keeper, &SessionKeeper::tokensChanged, this, &AppController::rememberSession);
    connect(m_keeper, &SessionKeeper::renewalDelayed, m_mainWindow.get(), &MainWindow::showNotice);
    connect(m_keeper, &SessionKeeper::sessionEnded, this, [this](const QString &message) {
        endSession();
        m_mainWindow->showWelcome(message);
        emit sessionEnded(message);
    });

    connect(m_client, &WebexClient::meFetched, this, &AppController::onProfile);
    connect(m_client, &WebexClient::meFailed, this, [this](const ApiError &error) {
        m_mainWindow->showProfileProblem(error.userMessage());
    });
    connect(m_client, &WebexClient::imageFetched, this,
            [this](const QUrl &, const QByteArray &bytes) { m_mainWindow->showAvatar(bytes); });
    connect(m_client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int) { onRoomsPage(rooms); });
    connect(m_client, &WebexClient::roomsFetched, this, &AppController::onRoomsDone);
    connect(m_client, &WebexClient::roomsFailed, this,
            [this](const ApiError &error) { m_mainWindow->showRoomsProblem(error.userMessage()); });

    m_mainWindow->showWorkspace();
    m_keeper->start(tokens);
}

void AppController::onAccessTokenReady(const QString &accessToken)
{
    m_client->setAccessToken(accessToken);
    m_mainWindow->showNotice(QString());
    if (m_loadedWorkspace)
        return; // a renewal: calls that waited for it go on by themselves
    m_loadedWorkspace = true;
    m_client->fetchMe();
    m_client->fetchAllRooms();
}

void AppController::rememberSession(const TokenSet &tokens)
{
    if (!remembersSessions())
        return;
    StoredSession session;
    session.apiBase = m_api.baseUrl();
    session.clientId = m_credentials.clientId();
    session.clientSecret = m_credentials.clientSecret();
    session.tokens = tokens;
    m_store->save(session);
}

void AppController::endSession()
{
    if (m_keeper) {
        m_keeper->stop();
        m_keeper->deleteLater();
    }
    if (m_client) {
        m_client->cancelAll();
        m_client->deleteLater();
    }
    m_keeper = nullptr;
    m_client = nullptr;
    m_rooms->clear();
    // Every stored secret goes: tokens and the client secret live in this one entry.
    m_store->clear();
}

void AppController::signOut()
{
    if (!isSignedIn())
        return;
    endSession();
    // The sign-in browser kept nothing: its profile is off the record and its process ended
    // with the sign-in, so no Webex cookie or cache is left to clear.
    connect(
        m_store, &SessionStore::cleared, this, [this] { emit signedOut(); },
        Qt::SingleShotConnection);
    m_mainWindow->showWelcome(tr("You are signed out."));
}

void AppController::startDemo()
{
    if (isSignedIn() || (m_flow && m_flow->isActive()))
        return;
    if (!m_demoEmulator) {
        EmulatorOptions demo;
        demo.roomCount = m_options.demoRooms;
        auto emulator = std::make_unique<WebexEmulator>(demo);
        if (!emulator->listen()) {
            m_mainWindow->showWelcome(
                tr("The demo could not start: no free port on this computer's loopback "
                   "interface."));
            return;
        }
        m_demoEmulator = std::move(emulator);
    }
    auto base = ApiBase::fromUserInput(m_demoEmulator->baseUrl().toString());
    Q_ASSERT(base); // the emulator listens on loopback, which ApiBase accepts over http
    m_api = *base;
    m_credentials = ClientCredentials(m_demoEmulator->options().clientId,
                                      m_demoEmulator->options().clientSecret);
    signIn();
}

void AppController::openSetUp()
{
    auto *dialog = new FirstRunDialog(m_mainWindow.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_demoEmulator)
        dialog->setCredentials(m_credentials);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        switch (dialog->choice()) {
        case FirstRunDialog::Choice::SignIn:
            if (isSignedIn())
                signOut(); // new Integration details apply to a new session
            m_demoEmulator.reset();
            m_api = m_options.apiBase;
            m_credentials = dialog->credentials();
            signIn();
            break;
        case FirstRunDialog::Choice::Demo:
            startDemo();
            break;
        case FirstRunDialog::Choice::Cancelled:
            break;
        }
    });
    dialog->open();
}

void AppController::showAbout()
{
    // open(), not exec(): no nested event loop while the session goes on behind it.
    auto *dialog = new AboutDialog(m_mainWindow.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AppController::onProfile(const Person &person)
{
    m_mainWindow->showProfile(person);
    if (person.avatar.isValid())
        m_client->fetchImage(person.avatar);
    emit profileShown();
}

void AppController::onRoomsPage(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms);
    m_mainWindow->showRoomsLoading(m_rooms->rowCount());
}

void AppController::onRoomsDone(int total)
{
    m_mainWindow->showRoomsLoaded(total);
    emit roomsLoaded(total);
}
