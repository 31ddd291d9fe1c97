#pragma once

#include "api/apibase.h"
#include "live/deviceservice.h"

#include <QString>
#include <QStringList>

class QCoreApplication;

// What the command line asked for, validated. --help and --version are handled by the
// parser itself; anything malformed becomes `error`, which main() prints and exits on.
class StartupOptions
{
public:
    [[nodiscard]] static StartupOptions parse(const QStringList &arguments);

    // The device service of a session: deviceService, or for a demo session the emulator's
    // own (<emulator origin>/wdm/api/v1), which is known only once the emulator runs.
    [[nodiscard]] ApiBase deviceServiceFor(const ApiBase &sessionApi, bool demoSession) const;

    ApiBase apiBase;
    // --device-service: where the device for live updates is registered (validated as
    // --api-base is). The demo uses its emulator's instead: deviceServiceFor().
    ApiBase deviceService = DeviceService::defaultBase();
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
