#include "startupoptions.h"

#include "qtcommandlineoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "StartupOptions",
        "Webex Desk, a desktop client for Cisco Webex.\n\n"
        "Sign in with a Webex Integration: set WEBEX_CLIENT_ID and WEBEX_CLIENT_SECRET, or "
        "enter them in the set-up dialog. Try it without an account with --demo."));
    // "-frobnicate" is one unknown option to report by its name, not the short options f, r, o…
    // (we have no short options but -h and -v, which still work).
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption apiBaseOption(
        QStringLiteral("api-base"),
        QCoreApplication::translate("StartupOptions",
                                    "The Webex API base URL (default %1). Plain http is "
                                    "accepted for loopback hosts only.")
            .arg(ApiBase::defaultUrl().toString()),
        QCoreApplication::translate("StartupOptions", "url"));
    const QCommandLineOption deviceServiceOption(
        QStringLiteral("device-service"),
        QCoreApplication::translate("StartupOptions",
                                    "The Webex device service URL, for live updates (default "
                                    "%1). Plain http is accepted for loopback hosts only.")
            .arg(DeviceService::defaultUrl().toString()),
        QCoreApplication::translate("StartupOptions", "url"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("StartupOptions",
                                    "Try Webex Desk without a Webex account: sign in to a "
                                    "built-in Webex emulator on this computer."));
    const QCommandLineOption demoRoomsOption(
        QStringLiteral("demo-rooms"),
        QCoreApplication::translate("StartupOptions",
                                    "How many spaces the demo has (1 to 100000, default %1).")
            .arg(options.demoRooms),
        QCoreApplication::translate("StartupOptions", "count"));
    parser.addOption(apiBaseOption);
    parser.addOption(deviceServiceOption);
    parser.addOption(demoOption);
    parser.addOption(demoRoomsOption);

    // Parsed before QApplication exists (so --help needs no display), when Qt cannot know the
    // program's name and writes a placeholder in the usage line.
    options.helpText =
        parser.helpText().replace(QLatin1String("<executable_name>"), QLatin1String("webex-desk"));
    // Qt's own options are for QApplication (which main() gives the whole argv): known to the
    // parser so that it steps over them and their values instead of calling them unknown.
    parser.addOptions(QtCommandLineOptions::parserOptions());
    options.qtArguments = QtCommandLineOptions::split(arguments.mid(1)).qtArguments;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    // --help-all (added by addHelpOption) would list Qt's options too, which only an existing
    // QGuiApplication can do; here it is --help, not a silent start.
    options.helpRequested = parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"));
    options.versionRequested = parser.isSet(versionOption);
    if (!parser.positionalArguments().isEmpty()) {
        options.error = QCoreApplication::translate("StartupOptions", "Unexpected argument: %1")
                            .arg(parser.positionalArguments().constFirst());
        return options;
    }
    if (parser.isSet(apiBaseOption)) {
        QString reason;
        const auto base = ApiBase::fromUserInput(parser.value(apiBaseOption), &reason);
        if (!base) {
            options.error =
                QCoreApplication::translate("StartupOptions", "--api-base: %1").arg(reason);
            return options;
        }
        options.apiBase = *base;
    }
    if (parser.isSet(deviceServiceOption)) {
        // ApiBase's rules: the token goes there too.
        QString reason;
        const auto service = ApiBase::fromUserInput(parser.value(deviceServiceOption), &reason);
        if (!service) {
            options.error =
                QCoreApplication::translate("StartupOptions", "--device-service: %1").arg(reason);
            return options;
        }
        options.deviceService = *service;
    }
    options.demo = parser.isSet(demoOption);
    if (parser.isSet(demoRoomsOption)) {
        bool ok = false;
        const int rooms = parser.value(demoRoomsOption).toInt(&ok);
        if (!ok || rooms < 1 || rooms > 100000) {
            options.error =
                QCoreApplication::translate(
                    "StartupOptions", "--demo-rooms: expected a whole number from 1 to 100000, got "
                                      "\"%1\".")
                    .arg(parser.value(demoRoomsOption));
            return options;
        }
        options.demoRooms = rooms;
    }
    return options;
}

ApiBase StartupOptions::deviceServiceFor(const ApiBase &sessionApi, bool demoSession) const
{
    if (demoSession)
        return DeviceService::ofEmulator(sessionApi);
    if (deviceService)
        return *deviceService;
    return sessionApi.isLoopback() ? DeviceService::ofEmulator(sessionApi)
                                   : DeviceService::defaultBase();
}
