#pragma once

#include <QObject>
#include <QString>

// One desktop notification: what it says, and the key it is kept under (the space's id), so a
// later one for the same space replaces it instead of piling up.
struct DesktopNotification
{
    QString key;
    QString summary; ///< Plain text, one line.
    QString body;    ///< Plain text, may be empty; the notifier escapes it where markup is read.
};

// Where notifications go: the desktop's notification service (FreedesktopNotifier, over
// D-Bus), or the tray icon's message (TrayNotifier) where there is no such service.
// NotificationController decides what to show; a notifier only shows it.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Shows it, replacing the one shown under the same key if that is still there.
    virtual void show(const DesktopNotification &notification) = 0;
    // Takes back the one shown under `key` (its space was read), where the notifier can.
    virtual void withdraw(const QString &key) = 0;

signals:
    // The person clicked the notification shown under `key` (or chose its "Open").
    void activated(const QString &key);
};
