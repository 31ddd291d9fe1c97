#pragma once

#include <QObject>
#include <QPointer>
#include <QSettings>

#include <memory>

class DesktopNotifier;
class MainWindow;
class NotificationActions;
class NotificationController;
class NotificationSettings;
class RoomListModel;
class TrayController;
class UnreadController;

// What asks for the person's attention, wired together: unread counts (UnreadController) in
// the spaces list and the window title, desktop notifications (NotificationController through
// a DesktopNotifier), the tray (TrayController, where the desktop has one), and the choices
// about them (NotificationSettings, shown as NotificationActions in a Notifications menu and
// the tray's menu). AppController owns one and tells it when a session begins and ends; the
// live layer talks to unread() (see UnreadController for the calls).
//
// Closing the window with a tray (and "keep running in the tray" on) hides it instead, once
// saying so from the tray; without a tray, closing quits as before.
class AttentionController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // The tray; tests without one (offscreen has none) may force it off or on.
        bool tray = false;
        // Where notifications go: null picks the desktop's (D-Bus) service, else the tray.
        DesktopNotifier *notifier = nullptr;
    };

    // The options the running desktop calls for: a tray where QSystemTrayIcon has one.
    [[nodiscard]] static Options desktopOptions();

    // `window` and `rooms` outlive this. Counts, the menu and the settings work at once;
    // notifications and the tray wait for useDesktop().
    AttentionController(MainWindow *window, RoomListModel *rooms, QObject *parent = nullptr);
    ~AttentionController() override;

    // The tray and where notifications go (once). Apart from the constructor because finding
    // out (desktopOptions(), the D-Bus service) is the session bus's first round trips, 20 ms
    // and more: the app asks after the first frame of the spaces (docs/BENCHMARKS.md).
    void useDesktop(const Options &options);

    void begin(const QString &accountKey, bool ephemeral, const QDateTime &countingSince);
    void end(bool forget);
    void setMe(const QString &myPersonId);

    [[nodiscard]] UnreadController *unread() const { return m_unread; }
    [[nodiscard]] NotificationController *notifications() const { return m_notifications; }
    [[nodiscard]] NotificationSettings *settings() const { return m_settings.get(); }
    [[nodiscard]] NotificationActions *actions() const { return m_actions; }
    // Null without a tray.
    [[nodiscard]] TrayController *tray() const { return m_tray; }
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }

signals:
    // The tray's Quit.
    void quitRequested();

private:
    void chooseNotifier(DesktopNotifier *given);
    void applyKeepRunning();
    void onHiddenOnClose();
    void openSpace(const QString &roomId);

    MainWindow *m_window;
    QSettings m_qsettings;
    std::unique_ptr<NotificationSettings> m_settings;
    UnreadController *m_unread;
    NotificationController *m_notifications;
    NotificationActions *m_actions;
    TrayController *m_tray = nullptr;
    QPointer<DesktopNotifier> m_notifier;
    bool m_desktopChosen = false;
};
