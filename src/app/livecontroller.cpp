#include "livecontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "auth/sessionkeeper.h"
#include "conversationcontroller.h"
#include "incomingmessage.h"
#include "live/activityids.h"
#include "live/knowndevice.h"
#include "live/livelogging.h"
#include "mainwindow.h"
#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "spacescontroller.h"
#include "unreadcontroller.h"
#include "unreadrecount.h"

#include <QTimer>

namespace {
// Sign-out deletes the device; a device service that never answers does not keep the old
// session object around for longer than this.
constexpr int SignOutWaitMs = 15000;
// A catch-up raises no notification for what was written before live updates stopped, less
// this margin for clocks that disagree (docs/LIVE-EVENTS.md, 6.3 step 4).
constexpr int QuietMarginSeconds = 60;
// Events ask for messages by id; a flood of events for messages that never come back (a
// hostile or broken server) must not grow this without bound.
constexpr int MaxWantedMessages = 1000;
} // namespace

LiveController::LiveController(const Panes &panes, QNetworkAccessManager *network,
                               QSettings *settings, QObject *parent)
    : QObject(parent), m_panes(panes), m_network(network),
      m_ownSettings(settings ? nullptr : std::make_unique<QSettings>()),
      m_settings(settings ? settings : m_ownSettings.get())
{
    connect(m_panes.window, &MainWindow::liveReconnectRequested, this,
            &LiveController::reconnectNow);
}

LiveController::~LiveController()
{
    // Closing the socket on the way out: a polite 1000 instead of a dropped connection.
    if (m_session)
        m_session->stop();
}

void LiveController::begin(WebexClient *client, SessionKeeper *keeper, const ApiBase &deviceService,
                           const QString &accountKey, bool ephemeral)
{
    end(false);
    m_client = client;
    m_keeper = keeper;
    m_deviceService = deviceService;
    m_accountKey = accountKey;
    m_ephemeral = ephemeral;
    m_begunAt = QDateTime::currentDateTimeUtc();
    m_recount =
        std::make_unique<UnreadRecount>(client, m_panes.spaces->roomModel(), m_panes.unread);
    connect(m_recount.get(), &UnreadRecount::finished, this, &LiveController::onRecountFinished);
    m_catchUpsDone = 0;
    connect(m_panes.spaces, &SpacesController::refreshed, this, &LiveController::onSpacesRefreshed);
    connect(m_panes.spaces, &SpacesController::roomsLoaded, this,
            &LiveController::onSpacesRefreshed);
    connect(client, &WebexClient::messageFetched, this, &LiveController::onMessageFetched);
    connect(client, &WebexClient::messageFetchFailed, this, &LiveController::onMessageFetchFailed);
    connect(client, &WebexClient::roomFetched, this, &LiveController::onRoomFetched);
    connect(keeper, &SessionKeeper::accessTokenReady, this, [this](const QString &token) {
        m_token = token;
        if (m_session)
            m_session->setAccessToken(token);
        else
            startSession(); // people/me may have come first
    });
    // Until live, the quiet refresh runs and the status bar says nothing: the first connection
    // is made within seconds of the start.
    m_panes.spaces->setLive(false);
}

void LiveController::setMe(const Person &me)
{
    if (!m_client || me.id.isEmpty())
        return;
    const QString uuid = ActivityIds::uuidOf(me.id);
    if (m_session && uuid == m_myUuid)
        return; // the profile again (a refresh): the same person
    m_myPersonId = me.id;
    m_myUuid = uuid;
    startSession();
}

void LiveController::startSession()
{
    if (m_session || !m_client || m_myUuid.isEmpty() || m_token.isEmpty())
        return;
    // Registrations are per person and device service: one kept device for each (an emulator
    // on another port is another service, whose devices the last one never knew).
    m_device = std::make_unique<KnownDevice>(m_settings);
    m_device->open(m_accountKey + QLatin1Char('/') +
                       m_deviceService.baseUrl().toString(QUrl::FullyEncoded) + QLatin1Char('/') +
                       m_myUuid,
                   m_ephemeral);
    m_session = std::make_unique<LiveSession>(m_deviceService, m_network, m_device.get());
    m_session->setDelayScale(m_delayScale);
    m_session->setAccessToken(m_token);
    const QPointer<SessionKeeper> keeper = m_keeper;
    m_session->setTokenRenewal([keeper] {
        if (keeper)
            keeper->renewNow();
    });
    connect(m_session.get(), &LiveSession::stateChanged, this, &LiveController::onStateChanged);
    connect(m_session.get(), &LiveSession::activity, this, &LiveController::onActivity);
    connect(m_session.get(), &LiveSession::catchUpNeeded, this, &LiveController::onCatchUpNeeded);
    m_session->start();
}

void LiveController::end(bool signedOut)
{
    if (m_client)
        m_client->disconnect(this);
    if (m_keeper)
        m_keeper->disconnect(this);
    m_client = nullptr;
    m_keeper = nullptr;
    m_wanted.clear();
    m_token.clear();
    m_myPersonId.clear();
    m_myUuid.clear();
    m_liveEndedAt = QDateTime();
    m_recountWanted = false;
    m_recount.reset();
    if (m_panes.spaces)
        m_panes.spaces->disconnect(this);
    if (m_session) {
        m_session->disconnect(this);
        if (signedOut) {
            // The device is deleted on the way out (so the next person starts clean); the
            // session and its store go once that is done, or given up.
            LiveSession *leaving = m_session.release();
            KnownDevice *device = m_device.release();
            leaving->setParent(this);
            connect(leaving, &LiveSession::signedOut, leaving, &QObject::deleteLater);
            // No context object: the store must go with the session even when this controller
            // goes first (its children are deleted after its connections are cut).
            connect(leaving, &QObject::destroyed, [device] { delete device; });
            QTimer::singleShot(SignOutWaitMs, leaving, &QObject::deleteLater);
            leaving->signOut();
        } else {
            m_session->stop();
            m_session.reset();
        }
    }
    m_device.reset();
    if (m_live) {
        m_live = false;
        emit liveChanged(false);
    }
    m_panes.window->showLiveDelayed(QString());
}

bool LiveController::isLive() const
{
    return m_live;
}

void LiveController::setDelayScale(double scale)
{
    m_delayScale = scale;
    if (m_session)
        m_session->setDelayScale(scale);
}

void LiveController::reconnectNow()
{
    if (m_session)
        m_session->reconnectNow();
}

void LiveController::onStateChanged(LiveSession::State state, const QString &sentence)
{
    qCInfo(lcLive) << "Live state" << state;
    const bool live = state == LiveSession::State::Live;
    if (live != m_live) {
        m_live = live;
        if (!live)
            m_liveEndedAt = QDateTime::currentDateTimeUtc();
        m_panes.spaces->setLive(live);
        emit liveChanged(live);
    }
    switch (state) {
    case LiveSession::State::Waiting:
    case LiveSession::State::Stopped:
        m_panes.window->showLiveDelayed(sentence);
        break;
    case LiveSession::State::Live:
    case LiveSession::State::Idle:
        m_panes.window->showLiveDelayed(QString());
        break;
    case LiveSession::State::Registering:
    case LiveSession::State::Connecting:
        break; // what was said (if anything) holds until this attempt ends
    }
}

void LiveController::onCatchUpNeeded(LiveSession::CatchUpReason reason)
{
    qCInfo(lcLive) << "Catching up after" << reason;
    // What was written before the interruption came with the quiet refresh or was seen
    // elsewhere: it counts, but does not notify. At the first connection, what was written
    // before the session began is history the same way (a night's messages, not a storm).
    if (reason != LiveSession::CatchUpReason::Connected && m_liveEndedAt.isValid())
        m_panes.unread->setQuietBefore(m_liveEndedAt.addSecs(-QuietMarginSeconds));
    else if (reason == LiveSession::CatchUpReason::Connected)
        m_panes.unread->setQuietBefore(m_begunAt);
    // The newest spaces page; activity in the open space brings its newest messages, merged by
    // id (SpacesController::roomActivity -> ConversationController::onRoomActivity). Then the
    // other spaces are recounted (onSpacesRefreshed).
    m_recountWanted = true;
    m_panes.spaces->refresh();
}

void LiveController::onSpacesRefreshed()
{
    if (!m_recountWanted || !m_recount)
        return;
    m_recountWanted = false;
    m_recount->start();
    if (!m_recount->isRunning())
        onRecountFinished(); // no space was behind its count
}

void LiveController::onRecountFinished()
{
    ++m_catchUpsDone;
    emit caughtUp();
}

void LiveController::onActivity(const ActivityEvent &event)
{
    using Kind = ActivityEvent::Kind;
    switch (event.kind) {
    case Kind::Posted:
    case Kind::Replied:
        fetchMessageOf(event, event.activityUuid, false);
        break;
    case Kind::Edited:
        fetchMessageOf(event, event.parentUuid, true);
        break;
    case Kind::Deleted: {
        const QString roomId = roomIdOf(event);
        const QString messageId = messageIdOf(event, event.objectUuid);
        m_wanted.remove(ActivityIds::uuidOf(event.objectUuid));
        m_panes.conversation->removeMessage(messageId);
        m_panes.unread->messageDeleted(roomId, messageId);
        emit messageDeleted(roomId, messageId);
        break;
    }
    case Kind::Acknowledged:
        if (event.isBy(m_myUuid))
            m_panes.unread->acknowledgedElsewhere(roomIdOf(event),
                                                  messageIdOf(event, event.objectUuid));
        break;
    case Kind::Added:
        if (event.isAbout(m_myUuid))
            fetchRoomOf(event);
        break;
    case Kind::Created:
    case Kind::SpaceChanged:
        fetchRoomOf(event);
        break;
    case Kind::Left:
        if (event.isAbout(m_myUuid)) {
            const QString roomId = roomIdOf(event);
            m_panes.spaces->removeRoom(roomId);
            m_panes.unread->spaceLeft(roomId);
            emit spaceLeft(roomId);
        }
        break;
    case Kind::ContentUpdated:
        // A file of the open space changed state (scanned): its newest messages again.
        if (roomIdOf(event) == m_panes.conversation->openRoomId())
            m_panes.conversation->refresh();
        break;
    case Kind::Hidden:
    case Kind::Ignored:
        break;
    }
}

void LiveController::fetchMessageOf(const ActivityEvent &event, const QString &uuid, bool edit)
{
    const QString id = messageIdOf(event, uuid);
    if (!m_client || id.isEmpty())
        return;
    const QString key = ActivityIds::uuidOf(id);
    const MessageListModel *shown = m_panes.conversation->messageModel();
    const bool isShown = shown && shown->rowOf(id) >= 0;
    if (edit && !isShown)
        return; // an edit of what is not on screen changes nothing we show: no request
    if (!edit && isShown) {
        // Shown already (sent from here, or a page was quicker): only its space moves up.
        m_panes.spaces->showActivity(roomIdOf(event), event.published);
        return;
    }
    if (m_wanted.size() >= MaxWantedMessages && !m_wanted.contains(key)) {
        qCWarning(lcLive) << "Too many messages asked for at once; the next refresh brings them";
        return;
    }
    m_wanted.insert(key, Wanted{event, edit});
    m_client->fetchMessage(id);
}

void LiveController::fetchRoomOf(const ActivityEvent &event)
{
    const QString roomId = roomIdOf(event);
    if (m_client && !roomId.isEmpty())
        m_client->fetchRoom(roomId);
}

void LiveController::onMessageFetched(const Message &message)
{
    const auto wanted = m_wanted.constFind(ActivityIds::uuidOf(message.id));
    if (wanted == m_wanted.cend())
        return; // not asked for by an event (or deleted meanwhile)
    const Wanted asked = *wanted;
    m_wanted.erase(wanted);
    if (asked.edit)
        m_panes.conversation->updateMessage(message);
    else
        messageArrived(message, asked.event);
}

void LiveController::onMessageFetchFailed(const QString &messageId, const ApiError &error)
{
    // Deleted before we asked (404), or Webex trouble: the next catch-up or refresh shows what
    // there is. Never an error in the window for an event.
    m_wanted.remove(ActivityIds::uuidOf(messageId));
    qCInfo(lcLive) << "A message an event named could not be fetched:" << error.httpStatus;
}

void LiveController::onRoomFetched(const Room &room)
{
    m_panes.spaces->showRoom(room);
}

void LiveController::messageArrived(const Message &message, const ActivityEvent &event)
{
    if (!m_panes.spaces->showActivity(message.roomId, message.created))
        m_client->fetchRoom(message.roomId); // a space we did not know of yet
    m_panes.conversation->showMessage(message);
    IncomingMessage incoming = IncomingMessage::fromMessage(message, m_myPersonId);
    if (!event.actorName.isEmpty() && !incoming.fromMe)
        incoming.senderName = event.actorName;
    incoming.mentionsMe = !m_myUuid.isEmpty() && event.mentionedUuids.contains(m_myUuid);
    m_panes.unread->messageArrived(incoming);
}

QString LiveController::roomIdOf(const ActivityEvent &event) const
{
    const QString uuid = ActivityIds::uuidOf(event.spaceUuid);
    if (uuid.isEmpty())
        return {};
    // The listed space with this uuid: its id is the one every other part of the app uses.
    const RoomListModel *rooms = m_panes.spaces->roomModel();
    const QString open = m_panes.conversation->openRoomId();
    if (!open.isEmpty() && ActivityIds::uuidOf(open) == uuid)
        return open;
    const QString made =
        ActivityIds::toRestId(ActivityIds::Type::Room, event.spaceUuid,
                              ActivityIds::clusterOf(event.spaceGlobalId, event.spaceUuid));
    if (rooms->rowOf(made) >= 0)
        return made;
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QString &id = rooms->roomRef(row).id;
        if (ActivityIds::uuidOf(id) == uuid)
            return id;
    }
    return made;
}

QString LiveController::messageIdOf(const ActivityEvent &event, const QString &uuid) const
{
    const QString roomId = roomIdOf(event);
    const QString made =
        ActivityIds::toRestId(ActivityIds::Type::Message, uuid,
                              ActivityIds::clusterOf(event.spaceGlobalId, event.spaceUuid, roomId));
    const MessageListModel *messages = m_panes.conversation->messageModel();
    if (!messages || roomId != m_panes.conversation->openRoomId() || messages->rowOf(made) >= 0)
        return made;
    // Webex may spell a shown message's id otherwise (padding, alphabet): the same uuid is the
    // same message.
    const QString wanted = ActivityIds::uuidOf(uuid);
    for (int row = messages->rowCount() - 1; row >= 0; --row) {
        const QString id = messages->index(row).data(MessageListModel::IdRole).toString();
        if (!id.isEmpty() && ActivityIds::uuidOf(id) == wanted)
            return id;
    }
    return made;
}
