#include "appcontroller.h"

#include "aboutdialog.h"
#include "api/apibase.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "webexemulator.h"
#include "workspacecontroller.h"

#include <chrono>

namespace {
// Token requests and API calls give up after this long, so no failure waits forever.
constexpr int NetworkTimeoutMs = 30000;
// In the demo, someone posts in a space this often: a few new marks per quiet refresh.
constexpr std::chrono::seconds DemoActivityInterval{20};
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_mainWindow(std::make_unique<MainWindow>()),
      m_workspace(new WorkspaceController(m_mainWindow.get(), this)),
      m_session(
          new SessionController(options.keychainService, m_mainWindow.get(), &m_network, this))
{
    m_network.setTransferTimeout(NetworkTimeoutMs);
    m_session->setApiBase(options.apiBase);
    connectSession();
    connectMainWindow();
}

AppController::~AppController()
{
    // The session first (its sign-in helper process must not outlive us), then the window,
    // then the models the window was showing.
    delete m_session;
    m_mainWindow.reset();
    delete m_workspace;
}

void AppController::connectSession()
{
    connect(m_session, &SessionController::sessionStarted, this, [this](SessionKeeper *keeper) {
        m_workspace->setEphemeral(m_demoEmulator != nullptr);
        m_workspace->begin(m_session->apiBase(), keeper, &m_network);
    });
    connect(m_session, &SessionController::sessionStopped, this, [this](bool byUser) {
        m_workspace->end();
        if (byUser)
            m_workspace->forgetSeenSpaces(); // the next account starts afresh
    });
    connect(m_session, &SessionController::setUpNeeded, this, [this] {
        if (!m_mainWindow->findChild<FirstRunDialog *>())
            openSetUp();
    });
    connect(m_session, &SessionController::signedIn, this, &AppController::signedIn);
    connect(m_session, &SessionController::signInFailed, this, &AppController::signInFailed);
    connect(m_session, &SessionController::sessionRestored, this, &AppController::sessionRestored);
    connect(m_session, &SessionController::signedOut, this, &AppController::signedOut);
    connect(m_session, &SessionController::sessionEnded, this, &AppController::sessionEnded);
    connect(m_session, &SessionController::keychainUnavailable, this,
            &AppController::keychainUnavailable);
    connect(m_workspace, &WorkspaceController::profileShown, this, &AppController::profileShown);
    connect(m_workspace, &WorkspaceController::roomsLoaded, this, &AppController::roomsLoaded);
    connect(m_workspace, &WorkspaceController::messagesShown, this, &AppController::messagesShown);
}

void AppController::connectMainWindow()
{
    MainWindow *window = m_mainWindow.get();
    connect(window, &MainWindow::signInRequested, this, &AppController::signIn);
    connect(window, &MainWindow::systemBrowserSignInRequested, this,
            &AppController::signInWithSystemBrowser);
    connect(window, &MainWindow::cancelSignInRequested, this, &AppController::cancelSignIn);
    connect(window, &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(window, &MainWindow::demoRequested, this, &AppController::startDemo);
    connect(window, &MainWindow::setUpRequested, this, &AppController::openSetUp);
    connect(window, &MainWindow::aboutRequested, this, &AppController::showAbout);
}

void AppController::start()
{
    m_mainWindow->show();
    if (m_options.demo) {
        startDemo();
        return;
    }
    m_session->restore();
}

void AppController::setCredentials(const ClientCredentials &credentials)
{
    m_session->setCredentials(credentials);
}

void AppController::setSignInHelper(const QString &program)
{
    m_session->setSignInHelper(program);
}

SignInBrowserProcess *AppController::signInBrowser() const
{
    return m_session->signInBrowser();
}

SignInFlow *AppController::signInFlow() const
{
    return m_session->signInFlow();
}

SessionKeeper *AppController::sessionKeeper() const
{
    return m_session->sessionKeeper();
}

RoomListModel *AppController::roomModel() const
{
    return m_workspace->roomModel();
}

MessageListModel *AppController::messageModel() const
{
    return m_workspace->messageModel();
}

AvatarCache *AppController::avatarCache() const
{
    return m_workspace->avatarCache();
}

QString AppController::openRoomId() const
{
    return m_workspace->openRoomId();
}

void AppController::setRefreshInterval(int milliseconds)
{
    m_workspace->setRefreshInterval(milliseconds);
}

int AppController::refreshInterval() const
{
    return m_workspace->refreshInterval();
}

bool AppController::isSignedIn() const
{
    return m_session->isSignedIn();
}

void AppController::signIn()
{
    m_session->signIn();
}

void AppController::signInWithSystemBrowser()
{
    m_session->signInWithSystemBrowser();
}

void AppController::cancelSignIn()
{
    m_session->cancelSignIn();
}

void AppController::signOut()
{
    m_session->signOut();
}

void AppController::refresh()
{
    m_workspace->refresh();
}

void AppController::openRoom(const QString &roomId, const QString &title)
{
    m_workspace->openRoom(roomId, title);
}

void AppController::sendMessage(const QString &markdown)
{
    m_workspace->sendMessage(markdown);
}

void AppController::startDemo()
{
    if (m_session->isSignedIn() || m_session->isSigningIn())
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
        // Colleagues post now and then, so the demo shows spaces coming alive and marked.
        emulator->setLiveActivity(DemoActivityInterval);
        m_demoEmulator = std::move(emulator);
    }
    auto base = ApiBase::fromUserInput(m_demoEmulator->baseUrl().toString());
    Q_ASSERT(base); // the emulator listens on loopback, which ApiBase accepts over http
    m_session->setApiBase(*base);
    m_session->setCredentials(ClientCredentials(m_demoEmulator->options().clientId,
                                                m_demoEmulator->options().clientSecret));
    // A demo session belongs to an emulator that is gone at the next start.
    m_session->setRemembersSessions(false);
    m_session->signIn();
}

void AppController::openSetUp()
{
    auto *dialog = new FirstRunDialog(m_mainWindow.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_demoEmulator)
        dialog->setCredentials(m_session->credentials());
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        switch (dialog->choice()) {
        case FirstRunDialog::Choice::SignIn:
            if (m_session->isSignedIn())
                m_session->signOut(); // new Integration details apply to a new session
            m_demoEmulator.reset();
            m_session->setApiBase(m_options.apiBase);
            m_session->setCredentials(dialog->credentials());
            m_session->setRemembersSessions(true);
            m_session->signIn();
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
