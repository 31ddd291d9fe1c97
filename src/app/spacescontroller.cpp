#include "spacescontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "roomspane.h"

namespace {
// Often enough that a new message shows within a minute, rarely enough that 10,000 spaces cost
// one small request (the first page by last activity) a minute.
constexpr int RefreshIntervalMs = 60 * 1000;
} // namespace

SpacesController::SpacesController(RoomsPane *pane, QObject *parent)
    : QObject(parent), m_pane(pane), m_rooms(std::make_unique<RoomListModel>()), m_seen(&m_settings)
{
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_client && m_complete)
            m_client->fetchRecentRooms();
    });
    connect(m_pane, &RoomsPane::retryRequested, this, &SpacesController::loadRooms);
    connect(m_rooms.get(), &RoomListModel::lastSeenChanged, this,
            [this] { m_seen.save(m_rooms->lastSeen()); });
    m_pane->setModel(m_rooms.get());
}

// Out of line: RoomListModel is complete here. The pane (the main window's) is deleted first,
// so the model it shows outlives it.
SpacesController::~SpacesController() = default;

void SpacesController::begin(WebexClient *client, const QString &accountKey, bool ephemeral)
{
    if (m_client)
        end(false); // a session that was not ended: its calls must not reach this one
    m_client = client;
    m_complete = false;
    connect(client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int) { onRoomsPage(rooms); });
    connect(client, &WebexClient::roomsFetched, this, &SpacesController::onRoomsDone);
    connect(client, &WebexClient::roomsFailed, this, &SpacesController::onRoomsFailed);
    connect(client, &WebexClient::recentRoomsFetched, this, &SpacesController::onRecentRooms);
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
    if (forgetSeen)
        m_seen.forget();
    m_seen.close();
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
    m_refreshTimer.stop();
    m_pane->showLoading(m_rooms->rowCount());
    m_client->fetchAllRooms();
}

void SpacesController::onRoomsPage(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms);
    m_pane->showLoading(m_rooms->rowCount());
}

void SpacesController::onRoomsDone(int total)
{
    m_complete = true;
    m_pane->showLoaded(total);
    m_refreshTimer.start();
    emit roomsLoaded(total);
}

void SpacesController::onRoomsFailed(const ApiError &error)
{
    if (m_complete) {
        // A quiet refresh failed: the list on screen is still good; the next one may work.
        emit notice(tr("Your spaces could not be refreshed. %1").arg(error.userMessage()));
        return;
    }
    m_pane->showProblem(error.userMessage());
}

void SpacesController::refresh()
{
    if (!m_client)
        return;
    if (!m_complete) {
        loadRooms(); // nothing complete to refresh: load it all (again)
        return;
    }
    m_client->fetchRecentRooms();
    // A manual refresh counts as one: the next quiet one is a full interval away.
    m_refreshTimer.start();
}

void SpacesController::onRecentRooms(const QList<Room> &rooms)
{
    m_rooms->appendRooms(rooms); // known spaces are updated in place, new ones inserted
    emit notice(QString());
    for (const Room &room : rooms)
        emit roomActivity(room.id, room.lastActivity);
}
