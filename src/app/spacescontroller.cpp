#include "spacescontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "roomspane.h"
#include "statebanner.h"

namespace {
// Often enough that a new message shows within a minute, rarely enough that 10,000 spaces cost
// one small request (the first page by last activity) a minute.
constexpr int RefreshIntervalMs = 60 * 1000;
// Seen times are written at most this often: every live message in the open space marks it
// seen, and each write is the whole map and an fsync on the UI thread (a fifth of its time per
// message in bench_live).
constexpr int SaveSeenDelayMs = 2000;
} // namespace

SpacesController::SpacesController(RoomsPane *pane, QObject *parent)
    : QObject(parent), m_pane(pane), m_rooms(std::make_unique<RoomListModel>()), m_seen(&m_settings)
{
    // One shot, armed again when a refresh has its answer: refreshes are an interval apart
    // however slow an answer is, and never two in flight.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_client && m_complete)
            m_client->fetchRecentRooms();
    });
    connect(m_pane, &RoomsPane::retryRequested, this, [this] {
        // While the list waits for its next attempt, the button says "Retry now": the pages
        // so far are kept and the waiting one goes at once.
        if (m_waiting && m_client)
            m_client->retryNow();
        else
            loadRooms();
    });
    m_saveSeenTimer.setSingleShot(true);
    m_saveSeenTimer.setInterval(SaveSeenDelayMs);
    connect(&m_saveSeenTimer, &QTimer::timeout, this, &SpacesController::saveSeen);
    connect(m_rooms.get(), &RoomListModel::lastSeenChanged, this, [this] {
        if (!m_saveSeenTimer.isActive())
            m_saveSeenTimer.start(); // not restarted: a steady stream still writes every 2 s
    });
    m_pane->setModel(m_rooms.get());
}

// Out of line: RoomListModel is complete here. The pane (the main window's) is deleted first,
// so the model it shows outlives it.
SpacesController::~SpacesController()
{
    if (m_saveSeenTimer.isActive())
        saveSeen();
}

void SpacesController::saveSeen()
{
    m_saveSeenTimer.stop();
    m_seen.save(m_rooms->lastSeen());
}

void SpacesController::begin(WebexClient *client, const QString &accountKey, bool ephemeral)
{
    if (m_client)
        end(false); // a session that was not ended: its calls must not reach this one
    m_client = client;
    m_complete = false;
    connect(client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int page) { onRoomsPage(rooms, page); });
    connect(client, &WebexClient::roomsFetched, this, &SpacesController::onRoomsDone);
    connect(client, &WebexClient::roomsFailed, this, &SpacesController::onRoomsFailed);
    connect(client, &WebexClient::recentRoomsFetched, this, &SpacesController::onRecentRooms);
    connect(client, &WebexClient::retryWaiting, this, &SpacesController::onRetryWaiting);
    connect(client, &WebexClient::retryStarted, this, &SpacesController::onRetryStarted);
    connect(client, &WebexClient::teamsFetched, m_pane, &RoomsPane::setTeams);
    connect(client, &WebexClient::teamsFailed, this, [this](const ApiError &error) {
        // Teams only narrow the list down: say it, but do not stand in the way.
        emit notice(tr("Teams could not be loaded. %1").arg(error.userMessage()));
    });
    m_seen.open(accountKey, ephemeral);
    m_rooms->setLastSeen(m_seen.lastSeen());
    m_rooms->setSeenBaseline(m_seen.baseline());
}

void SpacesController::end(bool forgetSeen)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    m_refreshTimer.stop();
    m_complete = false;
    m_waiting = false;
    m_loading = false;
    m_refreshWaiting = false;
    m_live = false;
    if (m_saveSeenTimer.isActive())
        saveSeen(); // what was seen in this session, before the store closes
    if (forgetSeen)
        m_seen.forget();
    m_seen.close();
    m_listedIds.clear();
    m_rooms->clear();
}

void SpacesController::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void SpacesController::load()
{
    if (!m_client)
        return;
    loadRooms();
    m_client->fetchTeams();
}

void SpacesController::loadRooms()
{
    if (!m_client)
        return;
    m_complete = false;
    m_waiting = false;
    m_loading = true;
    m_refreshTimer.stop();
    m_pane->showLoading(m_rooms->rowCount());
    m_client->fetchAllRooms();
}

void SpacesController::onRoomsPage(const QList<Room> &rooms, int pageNumber)
{
    if (pageNumber == 1)
        m_listedIds.clear(); // a full list begins (again)
    for (const Room &room : rooms)
        m_listedIds.insert(room.id);
    m_rooms->appendRooms(rooms);
    m_pane->showLoading(m_rooms->rowCount());
}

void SpacesController::onRoomsDone(int total, bool complete)
{
    m_complete = true; // as complete as it gets: quiet refreshes from now on
    m_waiting = false;
    if (complete) {
        // Webex wins: a stored space it did not list was left while the app was closed.
        m_rooms->keepOnly(m_listedIds);
        emit allListed(m_listedIds);
    }
    m_listedIds.clear();
    m_loading = false;
    if (complete)
        m_pane->showLoaded(total);
    else
        // Asking again would only follow the same endless pages: no Retry.
        m_pane->showIncomplete(tr("%Ln space(s) loaded; Webex kept sending more pages, so the "
                                  "rest were not loaded.",
                                  nullptr, m_rooms->rowCount()),
                               false);
    armRefresh();
    emit roomsLoaded(total);
}

void SpacesController::onRoomsFailed(const ApiError &error)
{
    m_refreshWaiting = false;
    if (m_complete) {
        // A quiet refresh failed: the list on screen is still good; the next one may work.
        emit notice(tr("Your spaces could not be refreshed. %1").arg(error.userMessage()));
        armRefresh();
        return;
    }
    m_waiting = false;
    m_loading = false;
    const int listed = m_rooms->rowCount();
    if (listed == 0)
        m_pane->showProblem(error.userMessage());
    else
        // Pages before the failure are listed: say how many, and why not the rest.
        m_pane->showIncomplete(
            tr("%Ln of your spaces loaded; the rest could not be loaded: %1", nullptr, listed)
                .arg(error.userMessage()),
            true);
}

void SpacesController::onRetryWaiting(WebexClient::CallKind call, const QString &,
                                      const QDateTime &retryAt, const ApiError &reason)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (now.msecsTo(retryAt) < StateBanner::ShortestWaitSaidMs)
        return; // a short pause: "Loading" stays true enough
    if (call == WebexClient::CallKind::Rooms) {
        m_waiting = true;
        m_pane->showWaiting(reason.waitSentence(retryAt, now));
    } else if (call == WebexClient::CallKind::RecentRooms) {
        // The list is there; only news waits. The status bar says until when.
        m_refreshWaiting = true;
        emit notice(reason.waitSentence(retryAt, now));
    }
}

void SpacesController::onRetryStarted(WebexClient::CallKind call, const QString &)
{
    if (call == WebexClient::CallKind::Rooms && m_waiting) {
        m_waiting = false;
        m_pane->showLoading(m_rooms->rowCount());
    } else if (call == WebexClient::CallKind::RecentRooms && m_refreshWaiting) {
        m_refreshWaiting = false;
        emit notice(QString());
    }
}

void SpacesController::refresh()
{
    if (!m_client)
        return;
    if (!m_complete) {
        // Nothing complete to refresh: load it all (again), unless that is under way (it brings
        // the newest activity too; starting over would only throw its pages away).
        if (!m_loading)
            loadRooms();
        return;
    }
    // A manual refresh counts as one: the next quiet one is a full interval after its answer.
    m_refreshTimer.stop();
    m_client->fetchRecentRooms();
}

void SpacesController::onRecentRooms(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms); // known spaces are updated in place, new ones inserted
    m_refreshWaiting = false;
    emit notice(QString());
    for (const Room &room : rooms)
        emit roomActivity(room.id, room.lastActivity);
    armRefresh();
    emit refreshed();
}

void SpacesController::armRefresh()
{
    if (!m_live)
        m_refreshTimer.start();
}

void SpacesController::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    if (live)
        m_refreshTimer.stop();
    else if (m_complete && !m_refreshWaiting)
        m_refreshTimer.start();
}

void SpacesController::showRoom(const Room &room)
{
    m_listedIds.insert(room.id);  // fresh from Webex: listed, even when the list passed it
    m_rooms->appendRooms({room}); // a known one is updated and moves to its place
}

void SpacesController::showStoredRooms(const QList<Room> &rooms)
{
    if (m_complete)
        return; // Webex's list is in: what was stored is older news
    QList<Room> unknown;
    for (const Room &room : rooms) {
        // A space Webex already sent this session is newer than its stored copy.
        if (!m_listedIds.contains(room.id))
            unknown.append(room);
    }
    m_rooms->appendRooms(unknown);
}

bool SpacesController::showActivity(const QString &roomId, const QDateTime &when)
{
    const int row = m_rooms->rowOf(roomId);
    if (row < 0)
        return false;
    Room room = m_rooms->roomRef(row);
    if (when.isValid() && !(room.lastActivity >= when)) {
        room.lastActivity = when;
        m_rooms->appendRooms({room});
    }
    return true;
}

void SpacesController::removeRoom(const QString &roomId)
{
    m_rooms->removeRoom(roomId);
}
