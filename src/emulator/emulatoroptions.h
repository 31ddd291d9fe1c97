#pragma once

#include <QString>

/// Everything the emulator needs to know before it starts: the one registered Integration
/// and how much seeded data to serve. Defaults match the app's --demo mode.
struct EmulatorOptions
{
    QString clientId = QStringLiteral("Cdemo0000webexdesk0000emulator0000client");
    QString clientSecret = QStringLiteral("demo-secret-for-the-emulator-only");
    QString redirectUri = QStringLiteral("http://localhost:5000/auth/cisco/callback");
    int roomCount = 300;                       ///< Seeded spaces; 10000 must work and stay fast.
    quint32 seed = 1;                          ///< Same seed, same people, rooms, titles and ids.
    int accessTokenLifetimeSeconds = 1209599;  ///< Webex default: 14 days.
    int refreshTokenLifetimeSeconds = 7775999; ///< Webex default: 90 days.
};
