#include "notificationcontroller.h"

#include "model/displaytext.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "notificationpolicy.h"
#include "store/notificationsettings.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotifications, "webexdesk.notifications")

NotificationController::NotificationController(NotificationSettings *settings, RoomListModel *rooms,
                                               QObject *parent)
    : QObject(parent), m_settings(settings), m_rooms(rooms)
{
    // Messages of one turn of the event loop (a page, a burst of events) are one notification
    // per space: the newest.
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &NotificationController::flush);
    connect(settings, &NotificationSettings::mutedChanged, this,
            [this](const QString &roomId, bool muted) {
                if (muted)
                    withdraw(roomId);
            });
}

void NotificationController::setNotifier(DesktopNotifier *notifier)
{
    if (m_notifier)
        m_notifier->disconnect(this);
    m_notifier = notifier;
    if (notifier)
        connect(notifier, &DesktopNotifier::activated, this,
                &NotificationController::openSpaceRequested);
}

void NotificationController::setSenderNames(std::function<QString(const IncomingMessage &)> lookup)
{
    m_senderNames = std::move(lookup);
}

void NotificationController::consider(const IncomingMessage &message, bool counted, bool reading)
{
    NotificationPolicy::Facts facts;
    facts.fromMe = message.fromMe;
    facts.isNew = counted;
    facts.openInActiveWindow = reading;
    facts.mayNotify = message.mayNotify;
    facts.muted = m_settings->isMuted(message.roomId);
    facts.mentionsMe = message.mentionsMe;
    facts.doNotDisturb = m_settings->doNotDisturb();
    const NotificationPolicy::Decision decision = NotificationPolicy::decide(facts);
    if (decision != NotificationPolicy::Decision::Notify) {
        qCDebug(lcNotifications) << "No notification:" << int(decision);
        return;
    }
    // The newest of the turn; a mention among them keeps the summary saying so.
    IncomingMessage newest = message;
    const auto pending = m_pending.constFind(message.roomId);
    if (pending != m_pending.cend() && pending->mentionsMe)
        newest.mentionsMe = true;
    m_pending.insert(message.roomId, newest);
    m_flush.start();
}

void NotificationController::flush()
{
    const QHash<QString, IncomingMessage> pending = std::exchange(m_pending, {});
    if (!m_notifier)
        return;
    for (const IncomingMessage &message : pending)
        m_notifier->show(notificationFor(message));
}

void NotificationController::withdraw(const QString &roomId)
{
    m_pending.remove(roomId);
    if (m_notifier)
        m_notifier->withdraw(roomId);
}

DesktopNotification NotificationController::notificationFor(const IncomingMessage &message) const
{
    QString sender = m_senderNames ? m_senderNames(message) : QString();
    if (sender.isEmpty())
        sender = message.senderName;
    const int row = m_rooms->rowOf(message.roomId);
    const std::optional<Room> room = row < 0 ? std::nullopt : m_rooms->roomAt(row);
    const QString title = room ? RoomListModel::displayTitle(*room) : QString();
    const bool direct = room && room->kind == Room::Kind::Direct;
    DesktopNotification notification;
    notification.key = message.roomId;
    notification.summary = summaryFor(sender, title, direct, message.mentionsMe);
    if (!m_settings->hidesMessageText())
        notification.body = bodyFor(message.text);
    return notification;
}

QString NotificationController::summaryFor(const QString &sender, const QString &spaceTitle,
                                           bool direct, bool mentioned)
{
    const QString someone = tr("Someone", "the sender of a message, when not known");
    // A direct space is named after the sender: the name says it all.
    if (direct || DisplayText::singleLine(spaceTitle).isEmpty())
        return DisplayText::singleLine(sender, someone);
    const QString who = DisplayText::isolated(sender, someone);
    const QString where = DisplayText::isolated(spaceTitle);
    return mentioned ? tr("%1 mentioned you in %2", "sender, space").arg(who, where)
                     : tr("%1 in %2", "a new message: sender, space").arg(who, where);
}

QString NotificationController::bodyFor(const QString &text)
{
    // Only as much of the text is read as its first line can show, however long it is.
    const QStringView head =
        QStringView(text).left(MaxBodyLength * DisplayText::ScanLimit).trimmed();
    qsizetype end = head.size();
    for (qsizetype i = 0; i < head.size(); ++i) {
        const QChar c = head.at(i);
        if (c == u'\n' || c == u'\r' || c == u'\u2028' || c == u'\u2029' || c == u'\u0085') {
            end = i;
            break;
        }
    }
    return DisplayText::singleLine(head.left(end), QString(), MaxBodyLength);
}
