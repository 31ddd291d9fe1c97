#include "grantedtokens.h"

#include "model/tokenset.h"

#include <QOAuth2AuthorizationCodeFlow>

TokenSet GrantedTokens::read(const QOAuth2AuthorizationCodeFlow &flow)
{
    TokenSet tokens;
    tokens.accessToken = flow.token();
    tokens.refreshToken = flow.refreshToken();
    tokens.tokenType = QStringLiteral("Bearer");
    tokens.accessExpiresAt = flow.expirationAt().toUTC();
    // Qt keeps the fields it does not know in extraTokens().
    bool ok = false;
    const qint64 refreshLifetime =
        flow.extraTokens().value(QStringLiteral("refresh_token_expires_in")).toLongLong(&ok);
    if (ok && refreshLifetime > 0)
        tokens.refreshExpiresAt = QDateTime::currentDateTimeUtc().addSecs(refreshLifetime);
    return tokens;
}
