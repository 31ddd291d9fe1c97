#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

class QJsonObject;

// What the token endpoint answered (authorization code or refresh grant), with the relative
// lifetimes turned into absolute UTC times so they survive being stored and reloaded.
// Never log its members.
class TokenSet
{
public:
    // access_token is required; refresh_token is optional; expires_in and
    // refresh_token_expires_in (seconds, number or numeric string) become absolute UTC times from
    // receivedAtUtc, or stay invalid when absent. token_type defaults to "Bearer".
    [[nodiscard]] static std::optional<TokenSet>
    fromJson(const QJsonObject &o, const QDateTime &receivedAtUtc, QString *error = nullptr);

    QString accessToken;
    QString refreshToken;
    QString tokenType;
    QDateTime accessExpiresAt;  ///< UTC; invalid when the server did not say.
    QDateTime refreshExpiresAt; ///< UTC; invalid when unknown.

    // Webex may or may not return a new refresh token on refresh: keep the old one (and its
    // expiry) when the refresh response has none.
    [[nodiscard]] TokenSet mergedWithRefresh(const TokenSet &refreshed) const;

    [[nodiscard]] bool hasRefreshToken() const { return !refreshToken.isEmpty(); }

    // True when the access token expires within marginSeconds of nowUtc (or already has).
    // An unknown expiry counts as not expired: the server will say 401.
    [[nodiscard]] bool isAccessExpired(const QDateTime &nowUtc, int marginSeconds = 0) const;
};

Q_DECLARE_METATYPE(TokenSet)
