#include "freedesktopnotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotify, "webexdesk.notify")

namespace {
const QString DefaultAction = QStringLiteral("default");
// Let the server choose how long a bubble stays.
constexpr int ServerDefaultTimeout = -1;

QString service()
{
    return QString::fromLatin1(FreedesktopNotifier::Service);
}
QString path()
{
    return QString::fromLatin1(FreedesktopNotifier::Path);
}
QString interfaceName()
{
    return QString::fromLatin1(FreedesktopNotifier::Interface);
}
} // namespace

FreedesktopNotifier::FreedesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : DesktopNotifier(parent), m_bus(bus)
{
    m_bus.connect(service(), path(), interfaceName(), QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service(), path(), interfaceName(), QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
    auto *watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(QDBusMessage::createMethodCall(service(), path(), interfaceName(),
                                                       QStringLiteral("GetCapabilities"))),
        this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *call) {
                const QDBusPendingReply<QStringList> reply = *call;
                if (!reply.isError())
                    m_bodyMarkup = reply.value().contains(QStringLiteral("body-markup"));
                call->deleteLater();
            });
}

bool FreedesktopNotifier::isAvailable(const QDBusConnection &bus)
{
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QDBusConnectionInterface *names = bus.interface();
    return names->isServiceRegistered(service()).value() ||
           names->activatableServiceNames().value().contains(service());
}

void FreedesktopNotifier::show(const DesktopNotification &notification)
{
    m_withdrawn.remove(notification.key);
    if (m_inFlight.contains(notification.key)) {
        m_waiting.insert(notification.key, notification);
        return;
    }
    send(notification);
}

void FreedesktopNotifier::send(const DesktopNotification &notification)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service(), path(), interfaceName(),
                                                       QStringLiteral("Notify"));
    const QString body = m_bodyMarkup ? notification.body.toHtmlEscaped() : notification.body;
    // Hints the specification defines: which .desktop file (its name and icon), what kind of
    // event (servers may group or sound them).
    const QVariantMap hints{
        {QStringLiteral("desktop-entry"), QStringLiteral(WEBEXDESK_APP_ID)},
        {QStringLiteral("category"), QStringLiteral("im.received")},
    };
    call << QGuiApplication::applicationDisplayName() << m_idByKey.value(notification.key)
         << QStringLiteral(WEBEXDESK_APP_ID) << notification.summary << body
         << QStringList{DefaultAction, tr("Open", "the button of a new message's notification")}
         << hints << ServerDefaultTimeout;
    m_inFlight.insert(notification.key);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const QString key = notification.key;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key](QDBusPendingCallWatcher *answered) { onNotifyAnswered(key, answered); });
}

void FreedesktopNotifier::onNotifyAnswered(const QString &key, QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    m_inFlight.remove(key);
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        // The error's name only: its message may quote what was sent.
        qCWarning(lcNotify) << "The notification service refused a notification:"
                            << reply.error().name();
    } else {
        const uint id = reply.value();
        const uint before = m_idByKey.value(key);
        if (before != 0 && before != id)
            m_keyById.remove(before);
        if (id != 0) {
            m_idByKey.insert(key, id);
            m_keyById.insert(id, key);
        }
    }
    if (m_waiting.contains(key)) {
        send(m_waiting.take(key));
        return;
    }
    if (m_withdrawn.remove(key))
        withdraw(key);
}

void FreedesktopNotifier::withdraw(const QString &key)
{
    m_waiting.remove(key);
    if (m_inFlight.contains(key)) {
        m_withdrawn.insert(key);
        return;
    }
    const uint id = m_idByKey.value(key);
    if (id == 0)
        return;
    forgetId(id);
    close(id);
}

void FreedesktopNotifier::close(uint id)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service(), path(), interfaceName(),
                                                       QStringLiteral("CloseNotification"));
    call << id;
    m_bus.asyncCall(call); // nothing to do with the answer: a bubble gone already is fine
}

void FreedesktopNotifier::forgetId(uint id)
{
    const QString key = m_keyById.take(id);
    if (!key.isEmpty() && m_idByKey.value(key) == id)
        m_idByKey.remove(key);
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const QString key = m_keyById.value(id);
    if (key.isEmpty() || actionKey != DefaultAction)
        return; // not ours (the service is shared by every app), or an action we never offered
    emit activated(key);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason) // expired, dismissed, closed by us: the bubble is gone either way
    forgetId(id);
}
