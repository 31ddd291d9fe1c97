#include "unreadcontroller.h"

#include "model/message.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "store/unreadcounts.h"

#include <QEvent>
#include <QWidget>

UnreadController::UnreadController(RoomListModel *rooms, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_counts(std::make_unique<UnreadCounts>())
{
    connect(m_counts.get(), &UnreadCounts::changed, this, &UnreadController::onCountChanged);
}

UnreadController::~UnreadController()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

void UnreadController::setStore(LocalStore *store)
{
    m_counts->setStore(store);
}

void UnreadController::begin(const QDateTime &countingSince)
{
    m_counts->open(countingSince);
    m_rooms->setUnreadCounts(m_counts->counts());
    onCountChanged(QString());
}

void UnreadController::end(bool forget)
{
    if (forget)
        m_counts->forget();
    else
        m_counts->close();
    m_myPersonId.clear();
    m_quietBefore = QDateTime();
    setOpenRoom(QString());
}

void UnreadController::setMe(const QString &myPersonId)
{
    m_myPersonId = myPersonId;
}

int UnreadController::total() const
{
    return m_counts->total();
}

void UnreadController::watchWindow(QWidget *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (window)
        window->installEventFilter(this);
    updateWindowActive();
}

bool UnreadController::eventFilter(QObject *watched, QEvent *event)
{
    // ActivationChange is how a widget hears of its QWindow's activeChanged; hiding (to the
    // tray) and minimising deactivate too.
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::ActivationChange:
        case QEvent::Show:
        case QEvent::Hide:
        case QEvent::WindowStateChange:
            updateWindowActive();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void UnreadController::updateWindowActive()
{
    const bool active = m_window && m_window->isVisible() && m_window->isActiveWindow() &&
                        !(m_window->windowState() & Qt::WindowMinimized);
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    if (active)
        readOpenRoom(); // back to the window: what is open is read now
}

bool UnreadController::isReading(const QString &roomId) const
{
    return m_windowActive && !roomId.isEmpty() && roomId == m_openRoomId;
}

void UnreadController::setOpenRoom(const QString &roomId)
{
    if (roomId == m_openRoomId)
        return;
    m_openRoomId = roomId;
    m_firstPageWanted = !roomId.isEmpty();
    m_newestId.clear();
    m_newestAt = QDateTime();
    readOpenRoom();
}

void UnreadController::readOpenRoom()
{
    if (!isReading(m_openRoomId))
        return;
    const QString roomId = m_openRoomId;
    QDateTime upTo = m_newestAt;
    QDateTime activity;
    const int row = m_rooms->rowOf(roomId);
    if (const std::optional<Room> room = row < 0 ? std::nullopt : m_rooms->roomAt(row))
        activity = room->lastActivity;
    // Before its messages are in, the space's last activity (Webex's clock, as the messages'
    // times are) marks how far it is read.
    if (!upTo.isValid())
        upTo = activity;
    m_counts->markRead(roomId, m_newestId, upTo);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_rooms->markSeen(roomId, activity.isValid() && activity > now ? activity : now);
    emit spaceRead(roomId);
}

void UnreadController::messageArrived(const IncomingMessage &message)
{
    if (message.roomId.isEmpty() || message.messageId.isEmpty())
        return;
    const bool reading = isReading(message.roomId);
    bool counted = false;
    if (message.roomId == m_openRoomId &&
        (!m_newestAt.isValid() || (message.created.isValid() && message.created > m_newestAt))) {
        m_newestId = message.messageId;
        m_newestAt = message.created;
    }
    if (reading)
        m_counts->markRead(message.roomId, message.messageId, message.created);
    else
        counted = m_counts->messageArrived(message.roomId, message.messageId, message.fromMe,
                                           message.created);
    emit arrived(message, counted, reading);
}

void UnreadController::takePage(const QString &roomId, const QList<Message> &newestFirst)
{
    const bool opening = m_firstPageWanted && roomId == m_openRoomId;
    if (opening)
        m_firstPageWanted = false;
    // Oldest first, as they were written: the newest is the last to arrive.
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        IncomingMessage message = IncomingMessage::fromMessage(*it, m_myPersonId);
        if (message.roomId.isEmpty())
            message.roomId = roomId;
        // What a catch-up finds from before live updates stopped was most likely seen
        // elsewhere already: counted, but quiet.
        message.mayNotify = !opening && !(m_quietBefore.isValid() && message.created.isValid() &&
                                          message.created < m_quietBefore);
        messageArrived(message);
    }
}

void UnreadController::setQuietBefore(const QDateTime &when)
{
    m_quietBefore = when;
}

void UnreadController::acknowledgedElsewhere(const QString &roomId, const QString &messageId)
{
    m_counts->acknowledgedElsewhere(roomId, messageId);
    if (m_counts->countFor(roomId) == 0)
        emit spaceRead(roomId);
}

void UnreadController::messageDeleted(const QString &roomId, const QString &messageId)
{
    m_counts->messageDeleted(roomId, messageId);
}

void UnreadController::spaceLeft(const QString &roomId)
{
    m_counts->spaceLeft(roomId);
    emit spaceRead(roomId); // nothing more to be told about it
}

void UnreadController::markRead(const QString &roomId)
{
    const int row = m_rooms->rowOf(roomId);
    const std::optional<Room> room = row < 0 ? std::nullopt : m_rooms->roomAt(row);
    m_counts->markRead(roomId, QString(), room ? room->lastActivity : QDateTime());
    if (room && room->lastActivity.isValid())
        m_rooms->markSeen(roomId, room->lastActivity);
    emit spaceRead(roomId);
}

void UnreadController::onCountChanged(const QString &roomId)
{
    if (!roomId.isEmpty())
        m_rooms->setUnreadCount(roomId, m_counts->countFor(roomId));
    const int total = m_counts->total();
    if (total != m_lastTotal) {
        m_lastTotal = total;
        emit totalChanged(total);
    }
}
