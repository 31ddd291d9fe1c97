#pragma once

#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QSet>

class QDBusPendingCallWatcher;

// Notifications through the desktop's notification service, org.freedesktop.Notifications on
// the session bus (GNOME, KDE Plasma, Xfce, dunst, mako, ...), as the Desktop Notifications
// Specification describes it:
// - Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout), one
//   replaces_id per key (space), so more messages replace the bubble instead of stacking;
// - actions ["default", "Open"]: "default" is the click on the bubble itself;
// - ActionInvoked(id, "default") emits activated(key); NotificationClosed(id, reason) forgets
//   the id, so the next one is a new bubble;
// - the body is escaped unless GetCapabilities said the server reads no markup ("body-markup"
//   missing): a server that reads markup must not be handed someone's <img src=...> or links.
// Calls are asynchronous: the window never waits for the notification service.
class FreedesktopNotifier : public DesktopNotifier
{
    Q_OBJECT

public:
    static constexpr char Service[] = "org.freedesktop.Notifications";
    static constexpr char Path[] = "/org/freedesktop/Notifications";
    static constexpr char Interface[] = "org.freedesktop.Notifications";

    explicit FreedesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                 QObject *parent = nullptr);

    // Whether `bus` has a notification service now, or one it starts on demand.
    [[nodiscard]] static bool isAvailable(const QDBusConnection &bus);

    void show(const DesktopNotification &notification) override;
    void withdraw(const QString &key) override;

    // The id the service gave the key's bubble, 0 when none is known to be shown.
    [[nodiscard]] uint idOf(const QString &key) const { return m_idByKey.value(key); }

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void send(const DesktopNotification &notification);
    void onNotifyAnswered(const QString &key, QDBusPendingCallWatcher *watcher);
    void close(uint id);
    void forgetId(uint id);

    QDBusConnection m_bus;
    QHash<QString, uint> m_idByKey;
    QHash<uint, QString> m_keyById;
    // A Notify for the key is on its way: its id is not known yet, so what comes meanwhile waits
    // for it (only the latest), else it would open a second bubble.
    QSet<QString> m_inFlight;
    QHash<QString, DesktopNotification> m_waiting;
    QSet<QString> m_withdrawn; // withdrawn while in flight: closed once the id is known
    bool m_bodyMarkup = true;  // until the server says it reads none: escaping is the safe side
};
