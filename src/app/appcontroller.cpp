#include "appcontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "auth/signinflow.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/tokenset.h"
#include "signinwindow.h"
#include "version.h"
#include "webexemulator.h"

#include <QApplication>
#include <QMessageBox>

namespace {
// Token requests and API calls give up after this long, so no failure waits forever.
constexpr int NetworkTimeoutMs = 30000;
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_api(options.apiBase),
      m_credentials(ClientCredentials::fromEnvironment()),
      m_rooms(std::make_unique<RoomListModel>()), m_mainWindow(std::make_unique<MainWindow>())
{
    m_network.setTransferTimeout(NetworkTimeoutMs);
    m_mainWindow->setRoomModel(m_rooms.get());
    connect(m_mainWindow.get(), &MainWindow::signInRequested, this, &AppController::signIn);
    connect(m_mainWindow.get(), &MainWindow::demoRequested, this, &AppController::startDemo);
    connect(m_mainWindow.get(), &MainWindow::setUpRequested, this, &AppController::openSetUp);
    connect(m_mainWindow.get(), &MainWindow::aboutRequested, this, &AppController::showAbout);
}

AppController::~AppController()
{
    // The sign-in window is a child of the main window; close it first so its browser
    // page goes before anything it refers to.
    delete m_signInWindow;
}

void AppController::start()
{
    m_mainWindow->show();
    if (m_options.demo)
        startDemo();
    else if (m_credentials.isComplete())
        signIn();
    else
        openSetUp();
}

void AppController::setCredentials(const ClientCredentials &credentials)
{
    m_credentials = credentials;
}

void AppController::signIn()
{
    if (m_flow && m_flow->isActive())
        return;
    if (!m_credentials.isComplete()) {
        openSetUp();
        return;
    }
    if (m_flow)
        m_flow->deleteLater();
    m_flow = new SignInFlow(m_api, m_credentials, &m_network, this);
    connect(m_flow, &SignInFlow::authorizationUrlReady, this, &AppController::openSignInWindow);
    connect(m_flow, &SignInFlow::signedIn, this, &AppController::onSignedIn);
    connect(m_flow, &SignInFlow::failed, this, &AppController::onSignInFailed);
    m_mainWindow->showSigningIn();
    m_flow->start();
}

void AppController::startDemo()
{
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
    QMessageBox::about(m_mainWindow.get(), tr("About Webex Desk"),
                       tr("<h3>Webex Desk %1</h3><p>A desktop client for Cisco Webex.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>")
                           .arg(QStringLiteral(WEBEXDESK_VERSION), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}

void AppController::openSignInWindow(const QUrl &url)
{
    closeSignInWindow();
    m_signInWindow = new SignInWindow(m_mainWindow.get());
    connect(m_signInWindow, &SignInWindow::closedByUser, this, [this] {
        if (m_flow)
            m_flow->cancel(tr("You closed the sign-in window before signing in. Choose Sign "
                              "In to try again."));
    });
    m_signInWindow->show();
    m_signInWindow->load(url);
}

void AppController::closeSignInWindow()
{
    if (!m_signInWindow)
        return;
    m_signInWindow->finish();
    m_signInWindow->deleteLater();
    m_signInWindow = nullptr;
}

void AppController::onSignedIn(const TokenSet &tokens)
{
    closeSignInWindow();
    m_rooms->clear();
    if (m_client)
        m_client->deleteLater();
    m_client = new WebexClient(m_api, &m_network, this);
    m_client->setAccessToken(tokens.accessToken);
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
    emit signedIn();
    m_client->fetchMe();
    m_client->fetchAllRooms();
}

void AppController::onSignInFailed(const QString &message)
{
    closeSignInWindow();
    m_mainWindow->showWelcome(message);
    emit signInFailed(message);
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
