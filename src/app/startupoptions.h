#pragma once

#include "api/apibase.h"

#include <QString>
#include <QStringList>

class QCoreApplication;

// What the command line asked for, validated. --help and --version are handled by the
// parser itself; anything malformed becomes `error`, which main() prints and exits on.
class StartupOptions
{
public:
    [[nodiscard]] static StartupOptions parse(const QStringList &arguments);

    ApiBase apiBase;
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
