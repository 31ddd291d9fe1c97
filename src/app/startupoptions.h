#pragma once

#include "api/apibase.h"
#include "live/deviceservice.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

// What the command line asked for, validated. --help and --version are handled by the
// parser itself; anything malformed becomes `error`, which main() prints and exits on.
class StartupOptions
{
public:
    [[nodiscard]] static StartupOptions parse(const QStringList &arguments);

    // The device service of a session: the emulator's own (<origin>/wdm/api/v1) for a demo
    // session, whose emulator's address is known only once it runs; else --device-service;
    // else, for an API on this computer (an emulator or a test server), the one beside it: a
    // token issued there means nothing to Webex and must not be sent to Webex's device service;
    // else Webex's (DeviceService::defaultBase).
    [[nodiscard]] ApiBase deviceServiceFor(const ApiBase &sessionApi, bool demoSession) const;

    ApiBase apiBase;
    // --device-service: where the device for live updates is registered (validated as
    // --api-base is); not given: deviceServiceFor() chooses.
    std::optional<ApiBase> deviceService;
    bool demo = false;
    int demoRooms = 300;
    // The keychain service the session is remembered under; tests use their own.
    QString keychainService = QStringLiteral("webex-desk");
    // Qt's own options and their values (-platform offscreen, -session …), left for
    // QApplication, which reads them from argv.
    QStringList qtArguments;
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;
    QString error;
};
