#include "notificationactions.h"

#include "store/notificationsettings.h"

#include <QAction>
#include <QMenu>

NotificationActions::NotificationActions(NotificationSettings *settings, QObject *parent)
    : QObject(parent), m_doNotDisturb(new QAction(tr("Do &Not Disturb"), this)),
      m_hideText(new QAction(tr("&Hide Message Text in Notifications"), this)),
      m_keepInTray(new QAction(tr("&Keep Running in the Tray When Closed"), this))
{
    m_doNotDisturb->setObjectName(QStringLiteral("doNotDisturbAction"));
    m_doNotDisturb->setToolTip(tr("No notifications, not even for mentions"));
    m_hideText->setObjectName(QStringLiteral("hideMessageTextAction"));
    m_hideText->setToolTip(tr("Notifications say who wrote where, not what"));
    m_keepInTray->setObjectName(QStringLiteral("keepRunningInTrayAction"));
    m_keepInTray->setToolTip(
        tr("Closing the window leaves Webex Desk in the tray, where it tells you of new messages"));
    m_keepInTray->setVisible(false); // until there is a tray

    // Each way: the settings change the check mark (the tray's and the menu's are one action),
    // a click changes the settings. Setting the same value again is no change, so no loop.
    const auto bind = [this, settings](QAction *action, bool on, auto changed, auto set) {
        action->setCheckable(true);
        action->setChecked(on);
        connect(settings, changed, action, &QAction::setChecked);
        connect(action, &QAction::toggled, settings, set);
    };
    bind(m_doNotDisturb, settings->doNotDisturb(), &NotificationSettings::doNotDisturbChanged,
         &NotificationSettings::setDoNotDisturb);
    bind(m_hideText, settings->hidesMessageText(), &NotificationSettings::hidesMessageTextChanged,
         &NotificationSettings::setHidesMessageText);
    bind(m_keepInTray, settings->keepsRunningInTray(),
         &NotificationSettings::keepsRunningInTrayChanged,
         &NotificationSettings::setKeepsRunningInTray);
}

void NotificationActions::setTrayAvailable(bool available)
{
    m_keepInTray->setVisible(available);
}

QMenu *NotificationActions::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("&Notifications"), parent);
    menu->setObjectName(QStringLiteral("notificationsMenu"));
    // Its title without the mnemonic's "&", for screen readers.
    menu->setAccessibleName(QString(menu->title()).remove(QLatin1Char('&')));
    menu->addAction(m_doNotDisturb);
    menu->addAction(m_hideText);
    menu->addSeparator();
    menu->addAction(m_keepInTray);
    return menu;
}
