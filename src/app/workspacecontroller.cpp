#include "workspacecontroller.h"

#include "api/apierror.h"
#include "auth/sessionkeeper.h"
#include "avatarcache.h"
#include "composer.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "roomspane.h"

#include <QNetworkDiskCache>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace {
// Picture downloads give up after this long, as API calls do.
constexpr int ImageTimeoutMs = 30000;
// The quiet refresh: often enough that a new message shows within a minute, rarely enough
// that 10,000 spaces cost one small request (the first page by last activity) a minute.
constexpr int RefreshIntervalMs = 60 * 1000;
constexpr qint64 ImageCacheBytes = 50LL * 1024 * 1024;
const QString LastSeenKey = QStringLiteral("spaces/lastSeen");
const QString SeenBaselineKey = QStringLiteral("spaces/seenBaseline");
} // namespace

WorkspaceController::WorkspaceController(MainWindow *window, QObject *parent)
    : QObject(parent), m_window(window), m_rooms(std::make_unique<RoomListModel>()),
      m_avatars(std::make_unique<AvatarCache>())
{
    m_imageNetwork.setTransferTimeout(ImageTimeoutMs);
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
    m_window->setRoomModel(m_rooms.get());
    connectPanes();
}

// Out of line: the unique_ptr members' types are complete here.
WorkspaceController::~WorkspaceController() = default;

void WorkspaceController::connectPanes()
{
    RoomsPane *rooms = m_window->roomsPane();
    MessagesPane *messages = m_window->messagesPane();
    connect(rooms, &RoomsPane::roomOpened, this, &WorkspaceController::openRoom);
    connect(rooms, &RoomsPane::retryRequested, this, &WorkspaceController::loadRooms);
    connect(messages, &MessagesPane::olderRequested, this, &WorkspaceController::loadOlderMessages);
    connect(messages, &MessagesPane::retryRequested, this,
            [this] { loadMessages(m_messagesBefore); });
    connect(messages->composer(), &Composer::sendRequested, this,
            &WorkspaceController::sendMessage);
    connect(m_window, &MainWindow::refreshRequested, this, &WorkspaceController::refresh);
    connect(m_window, &MainWindow::profileRetryRequested, this, &WorkspaceController::loadProfile);
    connect(m_avatars.get(), &AvatarCache::avatarChanged, this,
            &WorkspaceController::onAvatarChanged);
    connect(m_avatars.get(), &AvatarCache::imageWanted, this, [this](const QUrl &url) {
        if (m_imageClient)
            m_imageClient->fetchImage(url);
    });
    connect(m_rooms.get(), &RoomListModel::lastSeenChanged, this,
            &WorkspaceController::saveSeenSpaces);
}

void WorkspaceController::begin(const ApiBase &api, SessionKeeper *keeper,
                                QNetworkAccessManager *network)
{
    end();
    m_api = api;
    m_loadedWorkspace = false;
    m_client = new WebexClient(m_api, network, this);
    m_client->setAccessTokenRenewal(true);
    connect(m_client, &WebexClient::accessTokenRejected, keeper, &SessionKeeper::renewNow);
    connect(keeper, &SessionKeeper::accessTokenReady, this,
            &WorkspaceController::onAccessTokenReady);

    m_imageClient = new WebexClient(m_api, &m_imageNetwork, this);
    m_people = new PeopleDirectory(m_client, this);
    m_messages = new MessageListModel(this);
    // The model never looks people up itself: it says whom it lacks, the directory answers.
    connect(m_messages, &MessageListModel::sendersWanted, this, [this](const QStringList &ids) {
        m_messages->setSenders(m_people->known(ids));
        m_people->request(ids);
    });
    connect(m_people, &PeopleDirectory::peopleChanged, m_messages,
            [this](const QStringList &ids) { m_messages->setSenders(m_people->known(ids)); });
    m_window->setMessageModel(m_messages, m_avatars.get());
    connectClientSignals();
    restoreSeenSpaces();
}

void WorkspaceController::end()
{
    if (m_client) {
        m_client->cancelAll();
        m_client->deleteLater();
    }
    if (m_imageClient) {
        m_imageClient->cancelAll();
        m_imageClient->deleteLater();
    }
    m_refreshTimer.stop();
    m_window->setMessageModel(nullptr, m_avatars.get());
    if (m_messages)
        m_messages->deleteLater();
    if (m_people)
        m_people->deleteLater();
    m_client = nullptr;
    m_imageClient = nullptr;
    m_messages = nullptr;
    m_people = nullptr;
    m_openRoomId.clear();
    m_sending.clear();
    m_failedTags.clear();
    m_roomsComplete = false;
    m_rooms->clear();
}

void WorkspaceController::connectClientSignals()
{
    connect(m_client, &WebexClient::meFetched, this, &WorkspaceController::onProfile);
    connect(m_client, &WebexClient::meFailed, this,
            [this](const ApiError &error) { m_window->showProfileProblem(error.userMessage()); });
    connect(m_client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int) { onRoomsPage(rooms); });
    connect(m_client, &WebexClient::roomsFetched, this, &WorkspaceController::onRoomsDone);
    connect(m_client, &WebexClient::roomsFailed, this, &WorkspaceController::onRoomsFailed);
    connect(m_client, &WebexClient::recentRoomsFetched, this, &WorkspaceController::onRecentRooms);
    connect(m_client, &WebexClient::teamsFetched, m_window->roomsPane(), &RoomsPane::setTeams);
    connect(m_client, &WebexClient::teamsFailed, this, [this](const ApiError &error) {
        // Teams only narrow the list down: say it, but do not stand in the way.
        m_window->showNotice(tr("Teams could not be loaded. %1").arg(error.userMessage()));
    });
    connect(m_client, &WebexClient::messagesFetched, this, &WorkspaceController::onMessagesFetched);
    connect(m_client, &WebexClient::messagesFailed, this, &WorkspaceController::onMessagesFailed);
    connect(m_client, &WebexClient::messageSent, this, &WorkspaceController::onMessageSent);
    connect(m_client, &WebexClient::sendFailed, this, &WorkspaceController::onSendFailed);
    connect(m_imageClient, &WebexClient::imageFetched, this, &WorkspaceController::onImage);
    connect(m_imageClient, &WebexClient::imageFailed, m_avatars.get(),
            [this](const QUrl &url, const ApiError &) { m_avatars->imageFailed(url); });
}

void WorkspaceController::onAccessTokenReady(const QString &accessToken)
{
    if (!m_client)
        return;
    m_client->setAccessToken(accessToken);
    m_window->showNotice(QString());
    if (m_loadedWorkspace)
        return; // a renewal: calls that waited for it go on by themselves
    m_loadedWorkspace = true;
    loadProfile();
    loadRooms();
    m_client->fetchTeams();
}

void WorkspaceController::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void WorkspaceController::loadProfile()
{
    if (!m_client)
        return;
    m_window->showProfileLoading();
    m_client->fetchMe();
}

void WorkspaceController::onProfile(const Person &person)
{
    m_window->showProfile(person);
    m_myPersonId = person.id;
    m_myAvatar = person.avatar;
    if (m_people)
        m_people->insert(person); // my own messages need no look-up
    if (m_messages)
        m_messages->setSenders({person});
    if (person.avatar.isValid()) {
        // From memory or disk if it was downloaded before, else fetched once.
        if (m_avatars->contains(person.avatar) || m_avatars->loadCached(person.avatar))
            onAvatarChanged(person.avatar);
        else
            m_imageClient->fetchImage(person.avatar);
    }
    emit profileShown();
}

void WorkspaceController::loadRooms()
{
    if (!m_client)
        return;
    m_roomsComplete = false;
    m_refreshTimer.stop();
    m_window->showRoomsLoading(m_rooms->rowCount());
    m_client->fetchAllRooms();
}

void WorkspaceController::onRoomsPage(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms);
    m_window->showRoomsLoading(m_rooms->rowCount());
}

void WorkspaceController::onRoomsDone(int total)
{
    m_roomsComplete = true;
    m_window->showRoomsLoaded(total);
    m_refreshTimer.start();
    emit roomsLoaded(total);
}

void WorkspaceController::onRoomsFailed(const ApiError &error)
{
    if (m_roomsComplete) {
        // A quiet refresh failed: the list on screen is still good; the next one may work.
        m_window->showNotice(tr("Your spaces could not be refreshed. %1").arg(error.userMessage()));
        return;
    }
    m_window->showRoomsProblem(error.userMessage());
}

void WorkspaceController::refresh()
{
    if (!m_client)
        return;
    if (!m_roomsComplete) {
        loadRooms(); // nothing complete to refresh: load it all (again)
        return;
    }
    m_client->fetchRecentRooms();
    if (!m_openRoomId.isEmpty())
        loadNewestMessages();
    // A manual refresh counts as one: the next quiet one is a full interval away.
    m_refreshTimer.start();
}

void WorkspaceController::onRecentRooms(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms); // known spaces are updated in place, new ones inserted
    m_window->showNotice(QString());
    for (const Room &room : rooms) {
        if (room.id == m_openRoomId && room.lastActivity > m_openRoomActivity) {
            // Something happened in the open space: its newest messages, merged below.
            m_openRoomActivity = room.lastActivity;
            loadNewestMessages();
            m_rooms->markSeen(m_openRoomId, room.lastActivity);
        }
    }
}

void WorkspaceController::openRoom(const QString &roomId, const QString &title)
{
    if (!m_client || !m_messages || roomId.isEmpty())
        return;
    if (roomId == m_openRoomId) {
        m_window->messagesPane()->composer()->editor()->setFocus();
        return;
    }
    m_openRoomId = roomId;
    m_newestWanted = false;
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
    m_window->messagesPane()->showRoom(title, note);
    loadMessages({});
    m_rooms->markSeen(roomId, QDateTime::currentDateTimeUtc());
}

void WorkspaceController::loadMessages(const QString &beforeMessageId)
{
    if (!m_client || m_openRoomId.isEmpty())
        return;
    m_messagesBefore = beforeMessageId;
    if (beforeMessageId.isEmpty())
        m_window->messagesPane()->showLoading();
    else
        m_window->messagesPane()->setLoadingOlder(true);
    m_client->fetchMessages(m_openRoomId, beforeMessageId);
}

void WorkspaceController::loadNewestMessages()
{
    // The client keeps one messages call per space: asking for the newest now would cancel
    // the older page on its way. They are asked for once it is in.
    if (m_window->messagesPane()->isLoadingOlder()) {
        m_newestWanted = true;
        return;
    }
    m_newestWanted = false;
    m_client->fetchMessages(m_openRoomId);
}

void WorkspaceController::loadOlderMessages()
{
    if (!m_messages || !m_messages->hasOlder() || m_messages->oldestMessageId().isEmpty())
        return;
    loadMessages(m_messages->oldestMessageId());
}

void WorkspaceController::onMessagesFetched(const QString &roomId,
                                            const QList<Message> &newestFirst, bool hasOlder)
{
    if (roomId != m_openRoomId || !m_messages)
        return; // an answer for a space that is no longer open
    m_messages->addPage(newestFirst, hasOlder);
    MessagesPane *pane = m_window->messagesPane();
    pane->setLoadingOlder(false);
    pane->showLoaded();
    emit messagesShown(roomId);
    if (m_newestWanted)
        loadNewestMessages();
}

void WorkspaceController::onMessagesFailed(const QString &roomId, const ApiError &error)
{
    if (roomId != m_openRoomId)
        return;
    m_window->messagesPane()->showProblem(error.userMessage());
}

void WorkspaceController::sendMessage(const QString &markdown)
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

void WorkspaceController::onMessageSent(const QString &clientTag, const Message &message)
{
    const Draft draft = m_sending.take(clientTag);
    if (m_messages && draft.roomId == m_openRoomId)
        m_messages->confirmPending(clientTag, message);
}

void WorkspaceController::onSendFailed(const QString &clientTag, const ApiError &error)
{
    const Draft draft = m_sending.take(clientTag);
    if (!m_messages || draft.roomId != m_openRoomId)
        return;
    m_messages->failPending(clientTag, error.userMessage());
    m_failedTags.append(clientTag);
    m_window->messagesPane()->composer()->restoreDraft(
        draft.text, tr("Your message was not sent. %1").arg(error.userMessage()));
}

void WorkspaceController::onImage(const QUrl &url, const QByteArray &bytes)
{
    m_avatars->imageArrived(url, bytes); // emits avatarChanged, which shows my own picture
}

void WorkspaceController::onAvatarChanged(const QUrl &url)
{
    if (url == m_myAvatar)
        m_window->showAvatar(m_avatars->image(url));
}

QString WorkspaceController::settingsKey(const QString &what) const
{
    // Kept per API base: the demo's emulator and real Webex have different spaces.
    return what + QLatin1Char('/') + m_api.baseUrl().host();
}

void WorkspaceController::restoreSeenSpaces()
{
    const QVariantMap stored = QSettings().value(settingsKey(LastSeenKey)).toMap();
    QHash<QString, QDateTime> lastSeen;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        lastSeen.insert(it.key(), it.value().toDateTime());
    m_rooms->setLastSeen(m_ephemeral ? QHash<QString, QDateTime>() : lastSeen);
    m_rooms->setSeenBaseline(establishSeenBaseline());
}

QDateTime WorkspaceController::establishSeenBaseline()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_ephemeral)
        return now.addDays(-1);
    // Spaces never opened count as seen when this account's spaces were first shown here:
    // activity in them after that is new, activity before is history.
    QSettings settings;
    const QDateTime stored = settings.value(settingsKey(SeenBaselineKey)).toDateTime();
    if (stored.isValid() && stored <= now)
        return stored;
    settings.setValue(settingsKey(SeenBaselineKey), now);
    return now;
}

void WorkspaceController::saveSeenSpaces()
{
    if (m_ephemeral || !m_api.baseUrl().isValid())
        return;
    QVariantMap stored;
    const QHash<QString, QDateTime> lastSeen = m_rooms->lastSeen();
    for (auto it = lastSeen.cbegin(); it != lastSeen.cend(); ++it)
        stored.insert(it.key(), it.value());
    QSettings().setValue(settingsKey(LastSeenKey), stored);
}

void WorkspaceController::forgetSeenSpaces()
{
    QSettings settings;
    settings.remove(settingsKey(LastSeenKey));
    settings.remove(settingsKey(SeenBaselineKey));
}
