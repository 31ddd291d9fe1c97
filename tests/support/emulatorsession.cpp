#include "emulatorsession.h"

#include "auth/storedsession.h"
#include "webexemulator.h"

#include <QDateTime>

StoredSession sessionSignedInTo(WebexEmulator &emulator)
{
    StoredSession session;
    session.apiBase = emulator.baseUrl();
    session.clientId = emulator.options().clientId;
    session.clientSecret = emulator.options().clientSecret;
    session.tokens.accessToken = emulator.issueAccessToken();
    session.tokens.refreshToken = emulator.issueRefreshToken();
    session.tokens.tokenType = QStringLiteral("Bearer");
    session.tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(14);
    return session;
}
