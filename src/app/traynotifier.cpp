#include "traynotifier.h"

#include "traycontroller.h"

#include <QTextDocument>

TrayNotifier::TrayNotifier(TrayController *tray, QObject *parent)
    : DesktopNotifier(parent), m_tray(tray)
{
    connect(tray, &TrayController::messageClicked, this, &DesktopNotifier::activated);
}

void TrayNotifier::show(const DesktopNotification &notification)
{
    if (!m_tray)
        return;
    QString title = notification.summary;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Qt's own balloon (an X11 tray without a notification service) shows the body as plain
    // text but guesses the title's format: a name that looks like markup is escaped, so it
    // reads as written instead of being drawn. Windows and macOS show both as plain text.
    if (Qt::mightBeRichText(title))
        title = title.toHtmlEscaped();
#endif
    m_tray->showMessage(title, notification.body, notification.key);
}

void TrayNotifier::withdraw(const QString &key)
{
    Q_UNUSED(key)
}
