#include "appcontroller.h"

#include "aboutdialog.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "auth/sessionkeeper.h"
#include "auth/sessionstore.h"
#include "auth/signinflow.h"
#include "auth/storedsession.h"
#include "avatarcache.h"
#include "composer.h"
#include "firstrundialog.h"
#include "logging.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/peopledirectory.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "model/tokenset.h"
#include "roomspane.h"
#include "signinbrowserprocess.h"
#include "statebanner.h"
#include "version.h"
#include "webexemulator.h"

#include <QDesktopServices>
#include <QDir>
#include <QMessageBox>
#include <QNetworkDiskCache>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace {
// Token requests and API calls give up after this long, so no failure waits forever.
constexpr int NetworkTimeoutMs = 30000;
// The quiet refresh: often enough that a new message shows within a minute, rarely enough
// that 10,000 spaces cost one small request (the first page by last activity) a minute.
constexpr int RefreshIntervalMs = 60 * 1000;
constexpr qint64 ImageCacheBytes = 50LL * 1024 * 1024;
const QString LastSeenKey = QStringLiteral("spaces/lastSeen");
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_api(options.apiBase),
      m_credentials(ClientCredentials::fromEnvironment()),
      m_rooms(std::make_unique<RoomListModel>()), m_mainWindow(std::make_unique<MainWindow>()),
      m_store(new SessionStore(options.keychainService, this)),
      m_avatars(std::make_unique<AvatarCache>())
{
    m_network.setTransferTimeout(NetworkTimeoutMs);
    m_imageNetwork.setTransferTimeout(NetworkTimeoutMs);
    auto *diskCache = new QNetworkDiskCache(&m_imageNetwork);
    diskCache->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                 QStringLiteral("/images"));
    diskCache->setMaximumCacheSize(ImageCacheBytes);
    m_imageNetwork.setCache(diskCache);
    m_avatars->setDiskCache(diskCache);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_client && m_roomsComplete)
            m_client->fetchRecentRooms();
    });
    m_mainWindow->setRoomModel(m_rooms.get());
    connectPanes();
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

    m_imageClient = new WebexClient(m_api, &m_imageNetwork, this);
    m_people = new PeopleDirectory(m_client, this);
    m_messages = new MessageListModel(m_people, this);
    m_mainWindow->setMessageModel(m_messages, m_avatars.get());
    connectWorkspaceSignals();
    restoreLastSeen();

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
    loadProfile();
    loadRooms();
    m_client->fetchTeams();
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
    if (m_imageClient) {
        m_imageClient->cancelAll();
        m_imageClient->deleteLater();
    }
    m_refreshTimer.stop();
    m_mainWindow->setMessageModel(nullptr, m_avatars.get());
    if (m_messages)
        m_messages->deleteLater();
    if (m_people)
        m_people->deleteLater();
    m_keeper = nullptr;
    m_client = nullptr;
    m_imageClient = nullptr;
    m_messages = nullptr;
    m_people = nullptr;
    m_openRoomId.clear();
    m_sending.clear();
    m_failedTags.clear();
    m_roomsComplete = false;
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
    m_myPersonId = person.id;
    m_myAvatar = person.avatar;
    if (m_people)
        m_people->insert(person); // my own messages need no look-up
    if (person.avatar.isValid()) {
        // From memory or disk if it was downloaded before, else fetched once.
        if (m_avatars->contains(person.avatar) || m_avatars->loadCached(person.avatar))
            onAvatarChanged(person.avatar);
        else
            m_imageClient->fetchImage(person.avatar);
    }
    emit profileShown();
}

void AppController::onRoomsPage(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms);
    m_mainWindow->showRoomsLoading(m_rooms->rowCount());
}

void AppController::onRoomsDone(int total)
{
    m_roomsComplete = true;
    m_mainWindow->showRoomsLoaded(total);
    m_refreshTimer.start();
    emit roomsLoaded(total);
}

void AppController::connectPanes()
{
    RoomsPane *rooms = m_mainWindow->roomsPane();
    MessagesPane *messages = m_mainWindow->messagesPane();
    connect(rooms, &RoomsPane::roomOpened, this, &AppController::openRoom);
    connect(rooms, &RoomsPane::retryRequested, this, &AppController::loadRooms);
    connect(messages, &MessagesPane::olderRequested, this, &AppController::loadOlderMessages);
    connect(messages, &MessagesPane::retryRequested, this,
            [this] { loadMessages(m_messagesBefore); });
    connect(messages->composer(), &Composer::sendRequested, this, &AppController::sendMessage);
    connect(m_mainWindow.get(), &MainWindow::refreshRequested, this, &AppController::refresh);
    connect(m_mainWindow.get(), &MainWindow::profileRetryRequested, this,
            &AppController::loadProfile);
    connect(m_avatars.get(), &AvatarCache::avatarChanged, this, &AppController::onAvatarChanged);
    connect(m_avatars.get(), &AvatarCache::imageWanted, this, [this](const QUrl &url) {
        if (m_imageClient)
            m_imageClient->fetchImage(url);
    });
    connect(m_rooms.get(), &RoomListModel::lastSeenChanged, this, &AppController::saveLastSeen);
}

void AppController::connectWorkspaceSignals()
{
    connect(m_client, &WebexClient::meFetched, this, &AppController::onProfile);
    connect(m_client, &WebexClient::meFailed, this, [this](const ApiError &error) {
        m_mainWindow->showProfileProblem(error.userMessage());
    });
    connect(m_client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int) { onRoomsPage(rooms); });
    connect(m_client, &WebexClient::roomsFetched, this, &AppController::onRoomsDone);
    connect(m_client, &WebexClient::roomsFailed, this, &AppController::onRoomsFailed);
    connect(m_client, &WebexClient::recentRoomsFetched, this, &AppController::onRecentRooms);
    connect(m_client, &WebexClient::teamsFetched, m_mainWindow->roomsPane(), &RoomsPane::setTeams);
    connect(m_client, &WebexClient::teamsFailed, this, [this](const ApiError &error) {
        // Teams only narrow the list down: say it, but do not stand in the way.
        m_mainWindow->showNotice(tr("Teams could not be loaded. %1").arg(error.userMessage()));
    });
    connect(m_client, &WebexClient::messagesFetched, this, &AppController::onMessagesFetched);
    connect(m_client, &WebexClient::messagesFailed, this, &AppController::onMessagesFailed);
    connect(m_client, &WebexClient::messageSent, this, &AppController::onMessageSent);
    connect(m_client, &WebexClient::sendFailed, this, &AppController::onSendFailed);
    connect(m_imageClient, &WebexClient::imageFetched, this, &AppController::onImage);
    connect(m_imageClient, &WebexClient::imageFailed, m_avatars.get(),
            [this](const QUrl &url, const ApiError &) { m_avatars->imageFailed(url); });
}

void AppController::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void AppController::loadProfile()
{
    if (!m_client)
        return;
    m_mainWindow->showProfileLoading();
    m_client->fetchMe();
}

void AppController::loadRooms()
{
    if (!m_client)
        return;
    m_roomsComplete = false;
    m_refreshTimer.stop();
    m_mainWindow->showRoomsLoading(m_rooms->rowCount());
    m_client->fetchAllRooms();
}

void AppController::onRoomsFailed(const ApiError &error)
{
    if (m_roomsComplete) {
        // A quiet refresh failed: the list on screen is still good; the next one may work.
        m_mainWindow->showNotice(
            tr("Your spaces could not be refreshed. %1").arg(error.userMessage()));
        return;
    }
    m_mainWindow->showRoomsProblem(error.userMessage());
}

void AppController::refresh()
{
    if (!m_client)
        return;
    if (!m_roomsComplete) {
        loadRooms(); // nothing complete to refresh: load it all (again)
        return;
    }
    m_client->fetchRecentRooms();
    if (!m_openRoomId.isEmpty())
        m_client->fetchMessages(m_openRoomId);
    // A manual refresh counts as one: the next quiet one is a full interval away.
    m_refreshTimer.start();
}

void AppController::onRecentRooms(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms); // known spaces are updated in place, new ones inserted
    m_mainWindow->showNotice(QString());
    for (const Room &room : rooms) {
        if (room.id == m_openRoomId && room.lastActivity > m_openRoomActivity) {
            // Something happened in the open space: its newest messages, merged below.
            m_openRoomActivity = room.lastActivity;
            m_client->fetchMessages(m_openRoomId);
            m_rooms->markSeen(m_openRoomId, room.lastActivity);
        }
    }
}

void AppController::openRoom(const QString &roomId, const QString &title)
{
    if (!m_client || !m_messages || roomId.isEmpty())
        return;
    if (roomId == m_openRoomId) {
        m_mainWindow->messagesPane()->composer()->editor()->setFocus();
        return;
    }
    m_openRoomId = roomId;
    m_openRoomTitle = title;
    m_failedTags.clear();
    const int row = m_rooms->rowOf(roomId);
    const std::optional<Room> room = row < 0 ? std::nullopt : m_rooms->roomAt(row);
    m_openRoomActivity = room ? room->lastActivity : QDateTime();
    QString note;
    if (room && room->isReadOnly)
        note = tr("This space is read-only: only its moderators can post.");
    else if (room && room->isAnnouncementOnly)
        note = tr("Announcements only: only moderators can post in this space.");
    m_messages->setRoom(roomId);
    m_mainWindow->messagesPane()->showRoom(title, note);
    loadMessages({});
    m_rooms->markSeen(roomId, QDateTime::currentDateTimeUtc());
}

void AppController::loadMessages(const QString &beforeMessageId)
{
    if (!m_client || m_openRoomId.isEmpty())
        return;
    m_messagesBefore = beforeMessageId;
    if (beforeMessageId.isEmpty())
        m_mainWindow->messagesPane()->showLoading();
    else
        m_mainWindow->messagesPane()->setLoadingOlder(true);
    m_client->fetchMessages(m_openRoomId, beforeMessageId);
}

void AppController::loadOlderMessages()
{
    if (!m_messages || !m_messages->hasOlder() || m_messages->oldestMessageId().isEmpty())
        return;
    loadMessages(m_messages->oldestMessageId());
}

void AppController::onMessagesFetched(const QString &roomId, const QList<Message> &newestFirst,
                                      bool hasOlder)
{
    if (roomId != m_openRoomId || !m_messages)
        return; // an answer for a space that is no longer open
    m_messages->addPage(newestFirst, hasOlder);
    MessagesPane *pane = m_mainWindow->messagesPane();
    pane->setLoadingOlder(false);
    pane->showLoaded();
    emit messagesShown(roomId);
}

void AppController::onMessagesFailed(const QString &roomId, const ApiError &error)
{
    if (roomId != m_openRoomId)
        return;
    m_mainWindow->messagesPane()->showProblem(error.userMessage());
}

void AppController::sendMessage(const QString &markdown)
{
    if (!m_client || !m_messages || m_openRoomId.isEmpty())
        return;
    // The failed rows' text is back in the composer, so it is in this message now.
    for (const QString &tag : std::as_const(m_failedTags))
        m_messages->removePending(tag);
    m_failedTags.clear();
    const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sending.insert(tag, {m_openRoomId, markdown});
    m_messages->addPending(tag, markdown, m_myPersonId);
    m_client->sendMessage(m_openRoomId, markdown, tag);
}

void AppController::onMessageSent(const QString &clientTag, const Message &message)
{
    const Draft draft = m_sending.take(clientTag);
    if (m_messages && draft.roomId == m_openRoomId)
        m_messages->confirmPending(clientTag, message);
}

void AppController::onSendFailed(const QString &clientTag, const ApiError &error)
{
    const Draft draft = m_sending.take(clientTag);
    if (!m_messages || draft.roomId != m_openRoomId)
        return;
    m_messages->failPending(clientTag, error.userMessage());
    m_failedTags.append(clientTag);
    m_mainWindow->messagesPane()->composer()->restoreDraft(
        draft.text, tr("Your message was not sent. %1").arg(error.userMessage()));
}

void AppController::onImage(const QUrl &url, const QByteArray &bytes)
{
    m_avatars->imageArrived(url, bytes); // emits avatarChanged, which shows my own picture
}

void AppController::onAvatarChanged(const QUrl &url)
{
    if (url == m_myAvatar)
        m_mainWindow->showAvatar(m_avatars->image(url));
}

void AppController::restoreLastSeen()
{
    // Kept per API base: the demo's emulator and real Webex have different spaces.
    QSettings settings;
    const QVariantMap stored =
        settings.value(LastSeenKey + QLatin1Char('/') + m_api.baseUrl().host()).toMap();
    QHash<QString, QDateTime> lastSeen;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        lastSeen.insert(it.key(), it.value().toDateTime());
    m_rooms->setLastSeen(lastSeen);
}

void AppController::saveLastSeen()
{
    if (m_demoEmulator)
        return; // the demo's spaces are new at every start
    QVariantMap stored;
    const QHash<QString, QDateTime> lastSeen = m_rooms->lastSeen();
    for (auto it = lastSeen.cbegin(); it != lastSeen.cend(); ++it)
        stored.insert(it.key(), it.value());
    QSettings().setValue(LastSeenKey + QLatin1Char('/') + m_api.baseUrl().host(), stored);
}
