#pragma once

#include "api/webexclient.h" // WebexClient::CallKind
#include "store/seenspaces.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <memory>

class ApiError;
class Room;
class RoomListModel;
class RoomsPane;

// The person's spaces in the rooms pane: all of them page by page at the start of a session,
// then a quiet refresh of the first page (newest activity) every minute and on F5; the teams,
// for the pane's team filter; and when each space was last seen (SeenSpaces), for the
// new-activity marks. Says until when the list waits when Webex asks us to wait, and how
// many spaces are listed and why not the rest when the list is not whole.
class SpacesController : public QObject
{
    Q_OBJECT

public:
    explicit SpacesController(RoomsPane *pane, QObject *parent = nullptr);
    ~SpacesController() override;

    [[nodiscard]] RoomListModel *roomModel() const { return m_rooms.get(); }

    // A session began: calls go through `client` (owned by the caller, alive until end()).
    // Seen times are kept per `accountKey` (the API host); `ephemeral` keeps nothing (the demo).
    void begin(WebexClient *client, const QString &accountKey, bool ephemeral);
    // The session is over: calls stop, the list empties. forgetSeen: the person signed out, so
    // when they last saw each space is forgotten too.
    void end(bool forgetSeen);

    // The quiet refresh; a minute by default. Tests make it short. Takes effect at once.
    void setRefreshInterval(int milliseconds);
    [[nodiscard]] int refreshInterval() const { return m_refreshTimer.interval(); }
    [[nodiscard]] bool isRefreshScheduled() const { return m_refreshTimer.isActive(); }

    // Live events arrive (LiveController): no quiet refresh runs while live; it comes back
    // when live updates stop.
    void setLive(bool live);
    // What live events tell: a space to show or update (fetched after an add, a create or a
    // change), activity in a known space at `when` (it moves up; false when the space is not
    // listed, so the caller fetches it), and a space we left.
    void showRoom(const Room &room);
    // Spaces kept on this computer from an earlier session (the local store), shown until
    // Webex's complete list replaces them: ignored once it is in.
    void showStoredRooms(const QList<Room> &rooms);
    bool showActivity(const QString &roomId, const QDateTime &when);
    void removeRoom(const QString &roomId);

public slots:
    // All spaces (again) and the teams.
    void load();
    // F5: the first page now; everything if the list never completed.
    void refresh();

signals:
    void roomsLoaded(int total);
    // Webex listed all of the person's spaces: these. Any other space shown before (from the
    // local store) was left meanwhile and is gone from the list.
    void allListed(const QSet<QString> &roomIds);
    // A refresh's newest page is merged into the list (after its roomActivity signals).
    void refreshed();
    // A refresh found activity in a space newer than the list knew (the open conversation
    // loads its newest messages on it).
    void roomActivity(const QString &roomId, const QDateTime &lastActivity);
    // A lasting remark for the status bar; empty clears it.
    void notice(const QString &message);

private:
    void loadRooms();
    void onRoomsPage(const QList<Room> &rooms, int pageNumber);
    void onRoomsDone(int total, bool complete);
    void onRoomsFailed(const ApiError &error);
    void onRetryWaiting(WebexClient::CallKind call, const QString &key, const QDateTime &retryAt,
                        const ApiError &reason);
    void onRetryStarted(WebexClient::CallKind call, const QString &key);
    void onRecentRooms(const QList<Room> &rooms);
    // Starts the quiet refresh's wait, unless live.
    void armRefresh();
    // Writes the seen times now (they are written at most every two seconds).
    void saveSeen();

    RoomsPane *m_pane;
    std::unique_ptr<RoomListModel> m_rooms;
    QSettings m_settings;
    SeenSpaces m_seen;
    QPointer<WebexClient> m_client;
    QTimer m_refreshTimer;
    QTimer m_saveSeenTimer;
    bool m_complete = false;       // the full list arrived; refreshes are quiet from then on
    bool m_waiting = false;        // the full list waits for its next attempt (the pane says so)
    bool m_loading = false;        // the full list is on its way (pages, or waiting)
    bool m_refreshWaiting = false; // the quiet refresh waits (the status bar says so)
    bool m_live = false;           // live events arrive: no quiet refresh
    QSet<QString> m_listedIds;     // the spaces of the full list on its way, and live ones
};
