#include "appcontroller.h"
#include "startupoptions.h"
#include "translations.h"
#include "version.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("webex-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Webex Desk"));
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

    QApplication app(argc, argv);
    Translations::install(&app);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/webex-desk.svg")));
    AppController controller(options);
    controller.start();
    return app.exec();
}
