#include "appcontroller.h"
#include "appstyle.h"
#include "mainwindow.h"
#include "settingsmigration.h"
#include "singleinstanceguard.h"
#include "startupoptions.h"
#include "translations.h"
#include "unixsignalquit.h"
#include "version.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QStyle>
#include <QWindow>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcStartup, "webexdesk.startup")

namespace {
// Runs `then` once, on the event loop's turn after the first window has been exposed and
// painted: what the first frame need not wait for goes there.
class AfterFirstFrame : public QObject
{
public:
    explicit AfterFirstFrame(std::function<void()> then) : m_then(std::move(then)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Expose)
            return false;
        auto *window = qobject_cast<QWindow *>(watched);
        if (window && window->isExposed()) {
            qApp->removeEventFilter(this);
            QMetaObject::invokeMethod(qApp, m_then, Qt::QueuedConnection);
        }
        return false;
    }

private:
    std::function<void()> m_then;
};

// With the steady clock (CLOCK_MONOTONIC) and the CPU time used so far, so bench/startup can
// time process start to a visible window.
void logFirstFrame()
{
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    qCInfo(lcStartup, "first window shown, steady clock %lld, cpu %ld us",
           static_cast<long long>(std::chrono::nanoseconds(now).count()),
           static_cast<long>(std::clock() * (1000000.0 / CLOCKS_PER_SEC)));
}
} // namespace

int main(int argc, char *argv[])
{
#if defined(__GLIBC__)
    // glibc raises its trim threshold each time a large block is freed (the JSON of a page of
    // 1000 spaces is one), and then keeps that much freed heap resident for good. A fixed
    // threshold gives it back: 1.6 MiB less RSS with 10,000 spaces (docs/BENCHMARKS.md).
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("webex-desk"));
    // The folders are named after the organization and the application: "webex-desk" for
    // both gives ~/.config/webex-desk/webex-desk.conf and ~/.cache/webex-desk/webex-desk, names
    // without spaces that need no quoting in a shell, and a folder of our own for any later
    // file. The domain is the app id's (io.github.webexdesk.WebexDesk) first part, reversed:
    // macOS names the settings file after it.
    QCoreApplication::setOrganizationName(QStringLiteral("webex-desk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("webexdesk.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBEXDESK_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Webex Desk"));
    // The reverse-DNS id the .desktop file is named after: docks and Wayland compositors match
    // the windows to it (its name, its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(WEBEXDESK_APP_ID));

    // The command line is read before QApplication exists, so --help and --version work
    // on a machine without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const StartupOptions options = StartupOptions::parse(arguments);
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "webex-desk: %s\nTry 'webex-desk --help'.\n",
                     qPrintable(options.error));
        return 2;
    }
    if (options.helpRequested) {
        std::fputs(qPrintable(options.helpText), stdout);
        return 0;
    }
    if (options.versionRequested) {
        std::printf("webex-desk %s\n", WEBEXDESK_VERSION);
        return 0;
    }

    // Qt's own options (-platform, -session, …) are read and taken out of argv here.
    QApplication app(argc, argv);
    QApplication::setStyle(new AppStyle(QApplication::style()->name()));
    SingleInstanceGuard guard(SingleInstanceGuard::defaultServerName());
    if (guard.claim() == SingleInstanceGuard::Role::Secondary)
        return 0; // the running Webex Desk shows its window instead

    // Webex Desk 0.1.0 kept its files under "Webex Desk" (with a space); moved once, by the one
    // instance that runs.
    SettingsMigration(SettingsMigration::locationsFor(QStringLiteral("Webex Desk")),
                      SettingsMigration::locationsFor(QCoreApplication::organizationName()))
        .run();

    Translations::install(&app);
    AppController controller(options);
    // The window icon comes later, with the tray (AppController::useDesktop).
    AfterFirstFrame afterFirstFrame(logFirstFrame);
    app.installEventFilter(&afterFirstFrame);
    QObject::connect(&guard, &SingleInstanceGuard::raiseRequested, controller.mainWindow(),
                     &MainWindow::bringToFront);
    // Log-out, shut-down, `kill` and Ctrl+C end the app as Quit does: what the store has
    // queued is written, the demo's temporary files go.
    UnixSignalQuit signalQuit;
    QObject::connect(&signalQuit, &UnixSignalQuit::quitRequested, controller.mainWindow(),
                     &MainWindow::quit);
    controller.start();
    return app.exec();
}
