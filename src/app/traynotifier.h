#pragma once

#include "desktopnotifier.h"

#include <QPointer>

class TrayController;

// Notifications as the tray icon's message (QSystemTrayIcon::showMessage), where the session
// bus has no notification service (Windows, macOS, a bare window manager with a tray). One
// message at a time: a new one takes the place of the last, and a click opens its space.
class TrayNotifier : public DesktopNotifier
{
    Q_OBJECT

public:
    explicit TrayNotifier(TrayController *tray, QObject *parent = nullptr);

    void show(const DesktopNotification &notification) override;
    void withdraw(const QString &key) override; // a shown tray message cannot be taken back

private:
    QPointer<TrayController> m_tray;
};
