#pragma once

#include <QObject>

class NotificationSettings;
class QAction;
class QMenu;
class QWidget;

// The person's notification choices as checkable actions, kept in step with
// NotificationSettings both ways: Do Not Disturb (also in the tray's menu), hide the message's
// text in notifications, and keep running in the tray when the window is closed (shown only
// where there is a tray). The app's Notifications menu holds them all.
class NotificationActions : public QObject
{
    Q_OBJECT

public:
    NotificationActions(NotificationSettings *settings, QObject *parent = nullptr);

    [[nodiscard]] QAction *doNotDisturb() const { return m_doNotDisturb; }
    [[nodiscard]] QAction *hideMessageText() const { return m_hideText; }
    [[nodiscard]] QAction *keepRunningInTray() const { return m_keepInTray; }

    // Whether there is a tray to keep running in.
    void setTrayAvailable(bool available);

    // The "Notifications" menu with the actions, for the menu bar; owned by `parent`.
    [[nodiscard]] QMenu *createMenu(QWidget *parent) const;

private:
    QAction *m_doNotDisturb;
    QAction *m_hideText;
    QAction *m_keepInTray;
};
