#pragma once

#include "api/apibase.h"
#include "live/activityevent.h"
#include "live/livesession.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSettings>

#include <memory>

class ApiError;
class ConversationController;
class KnownDevice;
class MainWindow;
class Message;
class Person;
class QNetworkAccessManager;
class Room;
class SessionKeeper;
class SpacesController;
class UnreadController;
class UnreadRecount;
class WebexClient;

// Live events for the signed-in account, turned into what the panes show (docs/LIVE-EVENTS.md,
// section 7.3). Owns the account's LiveSession from the moment people/me says who is signed in
// until the session ends, and routes each activity, after fetching what it names over REST:
// - a new message (post, share, reply): GET /messages/{id}; it goes into the open space (merged
//   by id, so a message sent from here is not shown twice), its space moves up, and
//   UnreadController counts it (and may notify);
// - an edit: the edited message is fetched again and replaced where shown; never counted;
// - a deletion: removed where shown and from the counts;
// - our own read receipt from another device: the space's count clears;
// - being added to a space, or a new space with us: GET /rooms/{id}, and it is listed; leaving
//   one: it goes; a space that changed is fetched again.
// While live, the spaces' quiet refresh is off; whenever live updates are not flowing, it runs
// and the status bar says that updates are delayed, with Reconnect. After every reconnect and
// sequence gap the newest spaces page is fetched again, which brings the open space's newest
// messages (SpacesController::roomActivity), so nothing posted meanwhile is missed; then the
// other spaces with new activity get their newest page counted (UnreadRecount). What a catch-up
// finds from before the drop (or, at the first connection, from before the session began)
// raises no notification.
class LiveController : public QObject
{
    Q_OBJECT

public:
    struct Panes
    {
        SpacesController *spaces = nullptr;
        ConversationController *conversation = nullptr;
        UnreadController *unread = nullptr;
        MainWindow *window = nullptr;
    };

    // Everything given outlives this object. `settings`: where the device is kept per account
    // (the app's QSettings unless given: tests).
    LiveController(const Panes &panes, QNetworkAccessManager *network,
                   QSettings *settings = nullptr, QObject *parent = nullptr);
    ~LiveController() override;

    // A session began: events are fetched through `client`, the socket authorizes with the
    // keeper's token and asks it for a new one when Webex refuses it. Live starts at setMe().
    // `accountKey` (the API host) and my uuid name the kept device; `ephemeral` (the demo) keeps
    // none.
    void begin(WebexClient *client, SessionKeeper *keeper, const ApiBase &deviceService,
               const QString &accountKey, bool ephemeral);
    // Who is signed in (people/me): their uuid tells their own activities; live starts.
    void setMe(const Person &me);
    // The session is over: live stops. signedOut: the device is deleted and forgotten.
    void end(bool signedOut);

    // Null outside a session (and before setMe).
    [[nodiscard]] LiveSession *session() const { return m_session.get(); }
    // The catch-up's recount of other spaces; null outside a session.
    [[nodiscard]] UnreadRecount *recount() const { return m_recount.get(); }
    // Catch-ups done in this session (the spaces page in and the recount over).
    [[nodiscard]] int catchUpsDone() const { return m_catchUpsDone; }
    [[nodiscard]] bool isLive() const;

    // Multiplies the session's waits (tests); 1.0 by default.
    void setDelayScale(double scale);

public slots:
    // The status bar's Reconnect.
    void reconnectNow();

signals:
    // Live updates started or stopped flowing.
    void liveChanged(bool live);
    // A catch-up is done: the spaces page is in and the other spaces are recounted.
    void caughtUp();
    // A message was deleted, or we left a space (after the panes were told): for what keeps
    // them (the local store).
    void messageDeleted(const QString &roomId, const QString &messageId);
    void spaceLeft(const QString &roomId);

private:
    // What an event asked to fetch, for when the answer comes.
    struct Wanted
    {
        ActivityEvent event;
        bool edit = false;
    };

    void startSession();
    void onStateChanged(LiveSession::State state, const QString &sentence);
    void onActivity(const ActivityEvent &event);
    void onCatchUpNeeded(LiveSession::CatchUpReason reason);
    void onSpacesRefreshed();
    void onRecountFinished();
    void onMessageFetched(const Message &message);
    void onMessageFetchFailed(const QString &messageId, const ApiError &error);
    void onRoomFetched(const Room &room);
    void fetchMessageOf(const ActivityEvent &event, const QString &uuid, bool edit);
    void fetchRoomOf(const ActivityEvent &event);
    void messageArrived(const Message &message, const ActivityEvent &event);
    // The REST id of the space an event names: the listed space with that uuid, else one made
    // from it (in the space's cluster).
    [[nodiscard]] QString roomIdOf(const ActivityEvent &event) const;
    // The REST id of message `uuid` of that space: the one shown when it is shown, else one
    // made from the uuid.
    [[nodiscard]] QString messageIdOf(const ActivityEvent &event, const QString &uuid) const;

    Panes m_panes;
    QNetworkAccessManager *m_network;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    std::unique_ptr<KnownDevice> m_device;
    std::unique_ptr<LiveSession> m_session;
    std::unique_ptr<UnreadRecount> m_recount;
    QPointer<WebexClient> m_client;
    QPointer<SessionKeeper> m_keeper;
    ApiBase m_deviceService;
    QString m_accountKey;
    bool m_ephemeral = false;
    QString m_myPersonId;
    QString m_myUuid;
    QString m_token;
    QHash<QString, Wanted> m_wanted; // message uuid -> the event that asked for it
    QDateTime m_liveEndedAt;         // when live updates last stopped flowing (UTC)
    QDateTime m_begunAt;             // when the session began (UTC)
    bool m_recountWanted = false;    // a catch-up waits for its spaces page to recount
    int m_catchUpsDone = 0;
    bool m_live = false;
    double m_delayScale = 1.0;
};
