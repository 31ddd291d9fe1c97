#include "attentioncontroller.h"

#include "mainwindow.h"
#include "model/roomlistmodel.h"
#include "notificationactions.h"
#include "notificationcontroller.h"
#include "roomspane.h"
#include "store/notificationsettings.h"
#include "traycontroller.h"
#include "traynotifier.h"
#include "unreadcontroller.h"

#if WEBEXDESK_HAS_DBUS
#include "freedesktopnotifier.h"
#endif

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSystemTrayIcon>

AttentionController::Options AttentionController::desktopOptions()
{
    Options options;
    options.tray = QSystemTrayIcon::isSystemTrayAvailable();
    return options;
}

AttentionController::AttentionController(MainWindow *window, RoomListModel *rooms, QObject *parent)
    : QObject(parent), m_window(window),
      m_settings(std::make_unique<NotificationSettings>(&m_qsettings)),
      m_unread(new UnreadController(rooms, this)),
      m_notifications(new NotificationController(m_settings.get(), rooms, this)),
      m_actions(new NotificationActions(m_settings.get(), this))
{
    // The Notifications menu, before Help.
    auto *help = window->findChild<QMenu *>(QStringLiteral("helpMenu"));
    window->menuBar()->insertMenu(help ? help->menuAction() : nullptr,
                                  m_actions->createMenu(window));

    m_unread->watchWindow(window);
    connect(m_unread, &UnreadController::arrived, m_notifications,
            &NotificationController::consider);
    connect(m_unread, &UnreadController::spaceRead, m_notifications,
            &NotificationController::withdraw);
    connect(m_unread, &UnreadController::totalChanged, window, &MainWindow::setUnreadTotal);
    connect(m_notifications, &NotificationController::openSpaceRequested, this,
            &AttentionController::openSpace);

    RoomsPane *pane = window->roomsPane();
    connect(pane, &RoomsPane::roomOpened, m_unread, &UnreadController::setOpenRoom);
    connect(pane, &RoomsPane::markReadRequested, m_unread, &UnreadController::markRead);
    connect(pane, &RoomsPane::muteRequested, m_settings.get(), &NotificationSettings::setMuted);
    connect(m_settings.get(), &NotificationSettings::mutedChanged, rooms, &RoomListModel::setMuted);

    connect(window, &MainWindow::hiddenOnClose, this, &AttentionController::onHiddenOnClose);
    connect(m_settings.get(), &NotificationSettings::keepsRunningInTrayChanged, this,
            &AttentionController::applyKeepRunning);
    applyKeepRunning();
}

AttentionController::~AttentionController() = default;

void AttentionController::useDesktop(const Options &options)
{
    if (m_desktopChosen)
        return;
    m_desktopChosen = true;
    if (options.tray) {
        // The icon only where the desktop has a tray to show it in (a test may ask for the
        // tray's behaviour without one).
        m_tray = new TrayController(m_actions->doNotDisturb(),
                                    QSystemTrayIcon::isSystemTrayAvailable(), this);
        m_actions->setTrayAvailable(true);
        connect(m_tray, &TrayController::openRequested, m_window, &MainWindow::bringToFront);
        connect(m_tray, &TrayController::quitRequested, this, &AttentionController::quitRequested);
        connect(m_unread, &UnreadController::totalChanged, m_tray, &TrayController::setUnreadTotal);
        m_tray->setUnreadTotal(m_unread->total());
    }
    chooseNotifier(options.notifier);
    applyKeepRunning();
}

void AttentionController::chooseNotifier(DesktopNotifier *given)
{
    m_notifier = given;
#if WEBEXDESK_HAS_DBUS
    if (!m_notifier && FreedesktopNotifier::isAvailable(QDBusConnection::sessionBus()))
        m_notifier = new FreedesktopNotifier(QDBusConnection::sessionBus(), this);
#endif
    if (!m_notifier && m_tray)
        m_notifier = new TrayNotifier(m_tray, this);
    // Neither a notification service nor a tray: the counts and the title still tell.
    m_notifications->setNotifier(m_notifier);
}

void AttentionController::begin(const QString &accountKey, bool ephemeral,
                                const QDateTime &countingSince)
{
    m_settings->open(accountKey, ephemeral);
    m_unread->begin(countingSince);
}

void AttentionController::end(bool forget)
{
    m_unread->end(forget);
    if (forget)
        m_settings->forget();
    else
        m_settings->close();
}

void AttentionController::setMe(const QString &myPersonId)
{
    m_unread->setMe(myPersonId);
}

void AttentionController::applyKeepRunning()
{
    const bool hides = m_tray && m_settings->keepsRunningInTray();
    m_window->setHidesOnClose(hides);
    // Hidden in the tray, the window is not closed, but a dialog closed meanwhile would count
    // as the last window: Quit ends the app then, nothing else.
    QApplication::setQuitOnLastWindowClosed(!hides);
}

void AttentionController::onHiddenOnClose()
{
    if (!m_tray || m_settings->trayHintShown())
        return;
    m_settings->setTrayHintShown(); // once
    m_tray->showMessage(tr("Webex Desk is still running"),
                        tr("It stays in the tray and tells you about new messages. To quit, "
                           "choose Quit in its menu."),
                        QString());
}

void AttentionController::openSpace(const QString &roomId)
{
    m_window->bringToFront();
    m_window->roomsPane()->openRoom(roomId);
}
