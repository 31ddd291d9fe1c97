#pragma once

#include <QIcon>
#include <QObject>

#include <memory>

class QAction;
class QImage;
class QMenu;
class QSystemTrayIcon;

// The tray icon, where the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable()): the
// app's icon with the unread total painted on it, a tooltip that says it, and a menu with Open,
// Do Not Disturb (the same action as the app's Notifications menu) and Quit. A click on the
// icon opens the window. Also the messages shown from the tray (TrayNotifier, and the one-time
// "still running" hint).
//
// The menu and the painted icon exist without a tray too (withIcon false), so they are tested
// where no tray can be: offscreen and on a bare X server, Qt has none.
class TrayController : public QObject
{
    Q_OBJECT

public:
    // `doNotDisturb` is checkable and outlives the controller.
    TrayController(QAction *doNotDisturb, bool withIcon, QObject *parent = nullptr);
    ~TrayController() override;

    [[nodiscard]] QMenu *menu() const { return m_menu.get(); }
    [[nodiscard]] QAction *openAction() const { return m_open; }
    [[nodiscard]] QAction *quitAction() const { return m_quit; }
    // Null without a tray.
    [[nodiscard]] QSystemTrayIcon *icon() const { return m_icon.get(); }

    void setUnreadTotal(int total);
    [[nodiscard]] int unreadTotal() const { return m_total; }
    [[nodiscard]] QIcon currentIcon() const { return m_currentIcon; }
    [[nodiscard]] QString toolTip() const;

    // The app's icon at `size` pixels, with `total` in a badge (UnreadBadge) when above 0.
    [[nodiscard]] static QImage paintIcon(int total, int size);

    // A message from the tray icon; `key` comes back with messageClicked (empty: none).
    void showMessage(const QString &title, const QString &body, const QString &key);

signals:
    void openRequested();
    void quitRequested();
    void messageClicked(const QString &key);

private:
    void updateIcon();

    std::unique_ptr<QMenu> m_menu; // a top-level menu: QSystemTrayIcon does not own it
    QAction *m_open;
    QAction *m_quit;
    std::unique_ptr<QSystemTrayIcon> m_icon;
    QIcon m_currentIcon;
    QString m_messageKey;
    int m_total = 0;
};
