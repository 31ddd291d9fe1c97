#include "appcontroller.h"

#include "aboutdialog.h"
#include "api/apibase.h"
#include "api/apierror.h"
#include "api/connectivity.h"
#include "api/webexclient.h"
#include "attentioncontroller.h"
#include "auth/sessionkeeper.h"
#include "auth/sessionstore.h"
#include "avatarcache.h"
#include "conversationcontroller.h"
#include "demoemulatorprocess.h"
#include "directmessagescontroller.h"
#include "filepreviews.h"
#include "filescontroller.h"
#include "firstrundialog.h"
#include "livecontroller.h"
#include "lookupwaitscontroller.h"
#include "mainwindow.h"
#include "mentionscontroller.h"
#include "messageeditcontroller.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/person.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "notificationcontroller.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "searchcontroller.h"
#include "sessioncontroller.h"
#include "spacememberscontroller.h"
#include "spacescontroller.h"
#include "storecontroller.h"
#include "unreadcontroller.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>

namespace {
// Token requests and API calls give up after this long, so no failure waits forever.
constexpr int NetworkTimeoutMs = 30000;
// In the demo, someone posts in a space this often: a few new marks per quiet refresh.
constexpr int DemoActivitySeconds = 20;
// How long the session waits for the main window's first frame at most.
constexpr int StartWithoutFrameMs = 1000;
// How long the keychain and the desktop (continueStart) wait for the stored spaces' first frame
// (tens of milliseconds on a busy machine) before they are asked for anyway.
constexpr int StoredSpacesWaitMs = 250;

QString dataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString imageCacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/images");
}

// Thumbnails of pictures people sent; deleted with the pictures at sign-out.
QString thumbnailDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/thumbnails");
}
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : AppController(options, nullptr, parent)
{}

AppController::AppController(const StartupOptions &options, SessionStore *store, QObject *parent)
    : QObject(parent), m_options(options),
      m_ownStore(store ? nullptr : std::make_unique<SessionStore>(options.keychainService)),
      m_avatars(std::make_unique<AvatarCache>(imageCacheDirectory())),
      m_filePreviews(std::make_unique<FilePreviews>(thumbnailDirectory())),
      m_mainWindow(std::make_unique<MainWindow>()),
      m_localData(new StoreController(dataDirectory(), options.keychainService, this)),
      m_connectivity(new Connectivity(&m_network, this)),
      m_profile(new ProfileController(m_mainWindow.get(), this)),
      m_lookupWaits(new LookupWaitsController(m_mainWindow.get(), this)),
      m_session(new SessionController(store ? store : m_ownStore.get(), m_mainWindow.get(),
                                      &m_network, this))
{
    m_network.setTransferTimeout(NetworkTimeoutMs);
    m_mainWindow->setAvatarCache(m_avatars.get());
    m_session->setApiBase(options.apiBase);
    connectSession();
    connectWindow();
    connectLocalData();
    connectConnectivity();
}

void AppController::connectConnectivity()
{
    connect(m_connectivity, &Connectivity::changed, this, &AppController::onConnectivityChanged);
    connect(m_connectivity, &Connectivity::attemptScheduled, this, &AppController::showOffline);
    connect(m_mainWindow.get(), &MainWindow::reachWebexRequested, m_connectivity,
            &Connectivity::tryNow);
}

void AppController::showOffline()
{
    const QDateTime at = m_connectivity->nextAttemptAt();
    QString sentence = tr("You are offline: Webex cannot be reached. What is kept on this "
                          "computer is shown, and messages you send wait to be sent.");
    if (at.isValid())
        sentence +=
            QLatin1Char(' ') +
            tr("Trying again at %1.").arg(ApiError::waitTime(at, QDateTime::currentDateTimeUtc()));
    m_mainWindow->showOffline(sentence);
}

void AppController::onConnectivityChanged(bool online)
{
    if (!online) {
        showOffline();
        if (m_conversation)
            m_conversation->setOnline(false);
        return;
    }
    m_mainWindow->showOffline(QString());
    if (!m_conversation || !m_client)
        return;
    // Back: what failed while away is asked again, and what waited is sent, in order.
    m_conversation->setOnline(true);
    if (!m_profile->isShown())
        m_profile->load(); // and with it live updates, which wait for who is signed in
    m_spaces->refresh();
    m_conversation->refresh();
}

void AppController::connectLocalData()
{
    connect(m_localData, &StoreController::notice, m_mainWindow.get(), &MainWindow::showNotice);
    connect(m_localData, &StoreController::storedRooms, this, &AppController::onStoredRooms);
    // The team filter from the store too, until Webex's list replaces it.
    connect(m_localData, &StoreController::storedTeams, this, [this](const QList<Team> &teams) {
        if (!teams.isEmpty() && !m_client)
            m_mainWindow->roomsPane()->setTeams(teams);
    });
    connect(m_localData, &StoreController::storedOpenSpace, this, [this](const QString &roomId) {
        m_storedOpenSpace = roomId;
        openStoredSpace();
    });
    connect(m_profile, &ProfileController::profileShown, m_localData, &StoreController::setMe);
    connect(m_mainWindow.get(), &MainWindow::forgetLocalDataRequested, this, [this] {
        m_localData->forgetLocalData();
        m_avatars->forget();
        m_filePreviews->forget();
    });
}

void AppController::onStoredRooms(const QList<Room> &rooms, bool last)
{
    if (last)
        m_storedRoomsRead = true;
    // Before the first frame (or while earlier chunks wait): listed once it is on screen, a
    // chunk per turn of the event loop.
    const bool waiting = !m_storedRooms.isEmpty();
    m_storedRooms.append(rooms);
    if (m_spaces && !waiting) {
        // The first chunk at once; the next on the next turn, after what that frame queued.
        if (m_spaces->roomModel()->rowCount() == 0)
            showStoredChunks();
        else
            QTimer::singleShot(0, this, &AppController::showStoredChunks);
    }
    if (m_sessionStarting && storedSpacesAbsent())
        QMetaObject::invokeMethod(this, &AppController::continueStart, Qt::QueuedConnection);
}

bool AppController::storedSpacesAbsent() const
{
    return m_storedRoomsRead && m_storedRooms.isEmpty() &&
           (!m_spaces || m_spaces->roomModel()->rowCount() == 0);
}

void AppController::showStoredChunks()
{
    if (m_storedRooms.isEmpty() || !m_spaces)
        return;
    if (!m_client && !m_session->isSignedIn() && !m_storedShown) {
        // The keychain is still being asked: the workspace shows what was kept meanwhile
        // (docs/STORE.md, instant start); noSessionToRestore takes it back.
        m_storedShown = true;
        m_mainWindow->showWorkspace();
    }
    // The first chunk is a window's worth: painted at once, before the event loop goes on to
    // the keychain (loading libsecret, D-Bus: 30 ms of this thread) and the next chunks; a
    // widget's update would wait for a timer behind them.
    const bool first = m_spaces->roomModel()->rowCount() == 0;
    m_spaces->showStoredRooms(m_storedRooms.takeFirst());
    if (first && m_spaces->roomModel()->rowCount() > 0) {
        m_mainWindow->repaint();
        // The store's thread kept the second core free for the display server until now.
        m_localData->store()->resumeRooms();
        QMetaObject::invokeMethod(this, &AppController::continueStart, Qt::QueuedConnection);
    }
    if (!m_storedRooms.isEmpty())
        QTimer::singleShot(0, this, &AppController::showStoredChunks);
    else if (m_storedRoomsRead)
        openStoredSpace(); // once the session has begun, if it has not yet
}

void AppController::continueStart()
{
    if (m_startContinued)
        return;
    m_startContinued = true;
    // Both would hold the stored spaces' first frame back: the keychain's first calls load
    // libsecret and talk D-Bus (30 ms of this thread), the desktop's the session bus.
    useDesktop();
    m_session->restore();
}

void AppController::useDesktop()
{
    if (m_usesDesktop)
        return;
    m_usesDesktop = true;
    // The window icon once the window shows its content: X11 wants it as pixels at four sizes,
    // and drawing the SVG (loading QtSvg's icon engine first) took 4 ms before the first frame
    // and about 13 ms between it and the stored spaces' (docs/BENCHMARKS.md). The taskbar
    // shows it a moment later; Wayland, Windows and macOS take the icon from the desktop file,
    // the .exe and the bundle anyway.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/webex-desk.svg")));
    if (m_attention)
        m_attention->useDesktop(AttentionController::desktopOptions());
}

void AppController::forgetStoredRooms()
{
    if (m_client)
        return; // a session began: Webex's list replaces them
    if (m_storedShown && m_spaces)
        m_spaces->roomModel()->clear();
    if (m_attention)
        m_attention->unread()->end(false); // the stored counts go with the stored spaces
    dropStoredStart();
}

void AppController::dropStoredStart()
{
    m_storedRooms.clear();
    m_storedRoomsRead = false;
    m_storedShown = false;
    m_storedOpenSpace.clear();
}

void AppController::openStoredSpace()
{
    // Once the stored spaces are listed, and only if the person opened none meanwhile.
    if (!m_client || !m_storedRoomsRead || !m_storedRooms.isEmpty() || m_storedOpenSpace.isEmpty())
        return;
    const QString roomId = std::exchange(m_storedOpenSpace, QString());
    if (m_conversation->openRoomId().isEmpty())
        m_mainWindow->roomsPane()->openRoomById(roomId);
}

void AppController::buildWorkspace()
{
    if (m_spaces)
        return;
    m_spaces = new SpacesController(m_mainWindow->roomsPane(), this);
    m_conversation = new ConversationController(m_mainWindow->messagesPane(), m_spaces->roomModel(),
                                                m_avatars.get(), this);
    m_edits = new MessageEditController(m_mainWindow->messagesPane(), this);
    m_mainWindow->messagesPane()->setFilePreviews(m_filePreviews.get());
    m_files = new FilesController(m_filePreviews.get(), m_mainWindow->messagesPane()->transfers(),
                                  m_mainWindow.get(), this);
    m_mentions = new MentionsController(m_spaces->roomModel(), m_mainWindow.get(), this);
    m_directMessages = new DirectMessagesController(m_spaces->roomModel(), m_avatars.get(),
                                                    m_mainWindow.get(), this);
    m_members = new SpaceMembersController(m_mainWindow->messagesPane()->composer(),
                                           m_spaces->roomModel(), this);
    m_attention = new AttentionController(m_mainWindow.get(), m_spaces->roomModel(), this);
    m_search = new SearchController(m_mainWindow->searchPane(), this);
    m_live =
        new LiveController({m_spaces, m_conversation, m_attention->unread(), m_mainWindow.get()},
                           &m_network, nullptr, this);
    connectWorkspace();
    connectAttention();
    connectLive();
}

void AppController::connectLive()
{
    // Live starts once people/me says who is signed in: events name people by uuid.
    connect(m_profile, &ProfileController::profileShown, m_live,
            [this](const Person &me) { m_live->setMe(me); });
    connect(m_live, &LiveController::messageDeleted, m_localData,
            [this](const QString &, const QString &messageId) {
                m_localData->messageDeleted(messageId);
                m_search->messageDeleted(messageId);
            });
    connect(m_live, &LiveController::spaceLeft, m_localData, &StoreController::spaceLeft);
}

LiveController *AppController::live()
{
    buildWorkspace();
    return m_live;
}

SearchController *AppController::search()
{
    buildWorkspace();
    return m_search;
}

SpacesController *AppController::spaces()
{
    buildWorkspace();
    return m_spaces;
}

MentionsController *AppController::mentions()
{
    buildWorkspace();
    return m_mentions;
}

DirectMessagesController *AppController::directMessages()
{
    buildWorkspace();
    return m_directMessages;
}

FilesController *AppController::files()
{
    buildWorkspace();
    return m_files;
}

MessageEditController *AppController::messageEdits()
{
    buildWorkspace();
    return m_edits;
}

ConversationController *AppController::conversation()
{
    buildWorkspace();
    return m_conversation;
}

AttentionController *AppController::attention()
{
    buildWorkspace();
    return m_attention;
}

AppController::~AppController()
{
    // The session first (its sign-in helper process must not outlive us), then the window,
    // then the controllers and the models the window was showing.
    delete m_session;
    delete m_live;      // it closes its socket and talks to the panes' controllers
    delete m_attention; // it watches the window and shows the spaces' counts
    delete m_search;    // it shows its results in the window's search pane
    delete m_edits;     // it drives the messages pane's edit box
    m_mainWindow.reset();
    delete m_conversation;
    delete m_spaces;
}

void AppController::connectSession()
{
    connect(m_session, &SessionController::sessionStarted, this, &AppController::onSessionStarted);
    connect(m_session, &SessionController::sessionStopped, this, &AppController::onSessionStopped);
    connect(m_session, &SessionController::noSessionToRestore, this,
            &AppController::forgetStoredRooms);
    connect(m_session, &SessionController::setUpNeeded, this, [this] {
        if (!m_mainWindow->findChild<FirstRunDialog *>())
            openSetUp();
    });
}

void AppController::connectWindow()
{
    MainWindow *window = m_mainWindow.get();
    connect(window, &MainWindow::signInRequested, m_session, &SessionController::signIn);
    connect(window, &MainWindow::systemBrowserSignInRequested, m_session,
            &SessionController::signInWithSystemBrowser);
    connect(window, &MainWindow::cancelSignInRequested, m_session,
            &SessionController::cancelSignIn);
    connect(window, &MainWindow::signOutRequested, m_session, &SessionController::signOut);
    connect(window, &MainWindow::demoRequested, this, &AppController::startDemo);
    connect(window, &MainWindow::setUpRequested, this, &AppController::openSetUp);
    connect(window, &MainWindow::aboutRequested, this, &AppController::showAbout);
    // Quit ends the app even when closing the window only hides it (the tray).
    connect(window, &MainWindow::quitRequested, qApp, &QCoreApplication::quit,
            Qt::QueuedConnection);
}

void AppController::connectWorkspace()
{
    MainWindow *window = m_mainWindow.get();
    // F5: the spaces' first page and the open space's newest messages, now.
    connect(window, &MainWindow::refreshRequested, m_spaces, &SpacesController::refresh);
    connect(window, &MainWindow::refreshRequested, m_conversation,
            &ConversationController::refresh);

    connect(window->roomsPane(), &RoomsPane::roomOpened, m_conversation,
            &ConversationController::openRoom);
    connect(m_spaces, &SpacesController::roomActivity, m_conversation,
            &ConversationController::onRoomActivity);
    connect(m_spaces, &SpacesController::notice, window, &MainWindow::showNotice);
    connect(m_conversation, &ConversationController::notice, window, &MainWindow::showNotice);
    connect(m_edits, &MessageEditController::notice, window, &MainWindow::showNotice);
    connect(m_files, &FilesController::notice, window, &MainWindow::showNotice);
    connect(m_conversation, &ConversationController::roomOpened, m_members,
            &SpaceMembersController::spaceOpened);
    connect(m_profile, &ProfileController::profileShown, m_members,
            [this](const Person &me) { m_members->setMe(me.id); });
    connect(window, &MainWindow::mentionsRequested, m_mentions, &MentionsController::show);
    connect(window, &MainWindow::newMessageRequested, m_directMessages,
            &DirectMessagesController::showNewMessage);
    connect(m_directMessages, &DirectMessagesController::notice, window, &MainWindow::showNotice);
    connect(window->messagesPane(), &MessagesPane::senderCardRequested, m_directMessages,
            &DirectMessagesController::showPersonCard);
    connect(m_directMessages, &DirectMessagesController::spaceStarted, m_spaces,
            &SpacesController::refresh);
    connect(m_directMessages, &DirectMessagesController::openRoomRequested, this,
            [this](const QString &roomId, const QString &title) {
                if (m_conversation->openRoomId() != roomId &&
                    !m_mainWindow->roomsPane()->openRoomById(roomId))
                    m_conversation->openRoom(roomId, title);
                m_mainWindow->messagesPane()->focusComposer();
            });
    connect(window->messagesPane(), &MessagesPane::fileOpenRequested, m_files,
            &FilesController::open);
    connect(window->messagesPane(), &MessagesPane::fileDownloadRequested, m_files,
            &FilesController::download);
    connect(m_edits, &MessageEditController::messageDeleted, m_search,
            &SearchController::messageDeleted);
    // "Send now" of a message waiting for the network: a try to reach Webex now.
    connect(window->messagesPane(), &MessagesPane::sendNowRequested, m_connectivity,
            &Connectivity::tryNow);
    connect(m_profile, &ProfileController::profileShown, m_conversation,
            &ConversationController::setMe);
    connect(m_spaces, &SpacesController::allListed, m_localData, &StoreController::keepOnlyRooms);
    m_conversation->setStore(m_localData->store());
    m_search->setStore(m_localData->store());
    // Read with the stored spaces at start: their counts are shown with them.
    m_attention->unread()->setStore(m_localData->store());
    // A result opens its space (as a click would, when listed) at that message.
    // A search result or a mention opens its space (as a click would, when listed) at that
    // message.
    const auto openAtMessage = [this](const QString &roomId, const QString &messageId,
                                      const QString &title) {
        if (m_conversation->openRoomId() != roomId &&
            !m_mainWindow->roomsPane()->openRoomById(roomId))
            m_conversation->openRoom(roomId, title);
        m_conversation->seekMessage(messageId);
    };
    connect(m_search, &SearchController::resultOpened, this, openAtMessage);
    connect(m_mentions, &MentionsController::resultOpened, this, openAtMessage);
}

void AppController::connectAttention()
{
    connect(m_profile, &ProfileController::profileShown, m_attention,
            [this](const Person &me) { m_attention->setMe(me.id); });
    connect(m_attention, &AttentionController::quitRequested, m_mainWindow.get(),
            &MainWindow::quit);
    // A page names senders by address; the open space's model knows their names by then.
    m_attention->notifications()->setSenderNames([this](const IncomingMessage &message) {
        const MessageListModel *messages = m_conversation->messageModel();
        const int row = messages ? messages->rowOf(message.messageId) : -1;
        return row < 0 ? QString()
                       : messages->index(row).data(MessageListModel::SenderNameRole).toString();
    });
}

void AppController::onSessionStarted(SessionKeeper *keeper)
{
    buildWorkspace();
    // One API client for the session, shared by the controllers; the keeper renews its
    // access token when Webex refuses it.
    const ApiBase api = m_session->apiBase();
    m_client = new WebexClient(api, &m_network, this);
    m_client->setAccessTokenRenewal(true);
    // Queued: what an answer makes them do (a refresh) never runs inside the call's own handling.
    m_connectivity->begin(api);
    connect(m_client, &WebexClient::webexReached, m_connectivity, &Connectivity::reportReached,
            Qt::QueuedConnection);
    connect(m_client, &WebexClient::webexUnreachable, m_connectivity,
            &Connectivity::reportUnreachable, Qt::QueuedConnection);
    connect(m_client, &WebexClient::accessTokenRejected, keeper, &SessionKeeper::renewNow);
    m_workspaceLoaded = false;
    connect(keeper, &SessionKeeper::accessTokenReady, m_client, [this](const QString &token) {
        m_client->setAccessToken(token);
        m_mainWindow->showNotice(QString());
        if (m_workspaceLoaded)
            return; // a renewal: calls that waited for it go on by themselves
        m_workspaceLoaded = true;
        m_profile->load();
        m_spaces->load();
    });
    m_avatars->begin(api);
    // The teams, names and pictures say in the status bar when they wait.
    m_lookupWaits->end();
    m_lookupWaits->watch(m_client);
    m_lookupWaits->watch(m_avatars->downloads());
    m_profile->begin(m_client);
    m_localData->begin(m_client, api.baseUrl().host(), m_demoSession);
    m_spaces->begin(m_client, api.baseUrl().host(), m_demoSession);
    m_conversation->begin(m_client);
    m_edits->begin(m_client, m_conversation->messageModel());
    m_filePreviews->begin(m_client);
    m_files->begin(m_client);
    m_mentions->begin(m_client, m_conversation->people());
    m_members->begin(m_client);
    m_directMessages->begin(m_client, m_conversation->people());
    if (!m_demoSession)
        openStoredSpace(); // kept from the last session, listed at the first frame
    m_storedShown = false;
    // Counted from SeenSpaces' baseline; until events come, pages of the open space bring the
    // messages (after the conversation has merged them: it was connected first).
    m_attention->begin(api.baseUrl().host(), m_demoSession, m_spaces->roomModel()->seenBaseline());
    m_live->begin(m_client, keeper, m_options.deviceServiceFor(api, m_demoSession),
                  api.baseUrl().host(), m_demoSession);
    connect(m_client, &WebexClient::messagesFetched, m_attention->unread(),
            [this](const QString &roomId, const QList<Message> &newestFirst, bool) {
                m_attention->unread()->takePage(roomId, newestFirst);
            });
}

void AppController::onSessionStopped(bool byUser)
{
    m_lookupWaits->end();
    m_connectivity->end();
    if (m_client) {
        m_client->cancelAll();
        m_client->deleteLater();
    }
    m_client = nullptr;
    buildWorkspace(); // a session was running, so it is built already
    m_live->end(byUser);
    m_edits->end();
    m_files->end();
    m_filePreviews->end();
    m_mentions->end();
    m_members->end();
    m_directMessages->end();
    m_conversation->end();
    // Signing out forgets when each space was seen and what was unread or muted: the next
    // account starts afresh.
    m_attention->end(byUser);
    m_spaces->end(byUser);
    m_profile->end();
    m_avatars->end();
    // Signing out deletes what this computer kept of the account: messages and pictures.
    m_localData->end(byUser);
    if (byUser) {
        m_avatars->forget();
        m_filePreviews->forget();
    }
    dropStoredStart();
    m_search->end();
}

void AppController::start()
{
    // The first frame says what comes...
    if (m_options.demo)
        m_mainWindow->showWelcome(tr("Starting the demo…"));
    else
        m_mainWindow->showRestoring();
    m_mainWindow->show();
    // ...and the rest waits for it: the keychain's first D-Bus round trips (or the demo's
    // emulator process) and the workspace's panes held it back by a fifth
    // (docs/BENCHMARKS.md, start-up). A window not exposed soon (started minimised, say) does
    // not hold the session back.
    const auto startSession = [this] {
        if (m_sessionStarting)
            return;
        m_sessionStarting = true;
        // The store is opened and read on a thread of its own while the workspace is built: its
        // first chunk (a window's worth) is listed and painted as soon as it comes
        // (onStoredRooms), the rest a chunk per turn of the event loop. Opened before the first
        // frame, it competed for the two cores with the window coming up (3-5 ms of 40 here)
        // and brought the spaces no sooner (docs/BENCHMARKS.md, "Restoring from the local
        // store").
        const bool storedSpacesComing =
            !m_options.demo && m_localData->restore(m_options.apiBase.baseUrl().host());
        buildWorkspace();
        if (m_options.demo) {
            QMetaObject::invokeMethod(this, &AppController::useDesktop, Qt::QueuedConnection);
            startDemo();
            return;
        }
        // The keychain and the desktop after the stored spaces' first frame (showStoredChunks),
        // or when the store turns out to have none, or after StoredSpacesWaitMs when it is slow;
        // without a store, after the next paint.
        if (storedSpacesComing && !storedSpacesAbsent())
            QTimer::singleShot(StoredSpacesWaitMs, this, &AppController::continueStart);
        else
            QMetaObject::invokeMethod(this, &AppController::continueStart, Qt::QueuedConnection);
    };
    connect(m_mainWindow.get(), &MainWindow::firstFrameShown, this, startSession,
            Qt::SingleShotConnection);
    QTimer::singleShot(StartWithoutFrameMs, this, startSession);
}

void AppController::startDemo()
{
    if (m_session->isSignedIn() || m_session->isSigningIn())
        return;
    if (m_demo && m_demo->isReady()) {
        signInToDemo();
        return;
    }
    if (!m_demo) {
        m_demo = std::make_unique<DemoEmulatorProcess>();
        connect(m_demo.get(), &DemoEmulatorProcess::ready, this, &AppController::signInToDemo);
        connect(m_demo.get(), &DemoEmulatorProcess::failed, this, [this](const QString &message) {
            m_mainWindow->showWelcome(message);
            m_demo.release()->deleteLater(); // the next try starts a new one
        });
    }
    m_mainWindow->showWelcome(tr("Starting the demo…"));
    // Colleagues post now and then, so the demo shows spaces coming alive and marked.
    m_demo->start(m_options.demoRooms, DemoActivitySeconds);
}

void AppController::signInToDemo()
{
    if (!m_demo || m_session->isSignedIn() || m_session->isSigningIn())
        return; // the person chose something else meanwhile
    m_demoSession = true;
    m_session->setApiBase(m_demo->apiBase());
    m_session->setCredentials(m_demo->credentials());
    // A demo session belongs to an emulator that is gone at the next start.
    m_session->setRemembersSessions(false);
    m_session->signIn();
}

void AppController::openSetUp()
{
    auto *dialog = new FirstRunDialog(m_mainWindow.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_demoSession)
        dialog->setCredentials(m_session->credentials());
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        switch (dialog->choice()) {
        case FirstRunDialog::Choice::SignIn:
            if (m_session->isSignedIn())
                m_session->signOut(); // new Integration details apply to a new session
            m_demo.reset();
            m_demoSession = false;
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
