#pragma once

#include <QHash>
#include <QString>

/// Authorization codes, access tokens and refresh tokens with their lifetimes. Values are
/// random (never derived from the seed): tests must not be able to predict a token.
class TokenStore
{
public:
    /// What an authorization code was issued for; checked again at the token endpoint.
    struct Grant
    {
        QString clientId;
        QString redirectUri;
        QString scope;
        QString codeChallenge;       ///< Empty without PKCE.
        QString codeChallengeMethod; ///< S256 or plain.
        int person = 0;              ///< Who signed in: an index into SeedData::people().
    };

    enum class Check { Valid, Unknown, Used, Expired, Revoked };

    explicit TokenStore(const QString &orgUuid);

    [[nodiscard]] QString issueCode(const Grant &grant);
    /// Single use: the first redeem marks the code used, even if the caller then rejects it.
    [[nodiscard]] Check redeemCode(const QString &code, Grant *grant);
    void setCodeLifetime(int seconds) { m_codeLifetimeSeconds = seconds; }

    [[nodiscard]] QString issueAccessToken(int lifetimeSeconds, int person = 0);
    [[nodiscard]] bool isAccessTokenValid(const QString &token) const;
    /// Whose a valid access token is; -1 for an unknown or expired one.
    [[nodiscard]] int accessTokenPerson(const QString &token) const;

    [[nodiscard]] QString issueRefreshToken(const QString &clientId, int lifetimeSeconds,
                                            int person = 0);
    [[nodiscard]] Check checkRefreshToken(const QString &token, const QString &clientId) const;
    /// Whose a refresh token is (0 when unknown: check it first).
    [[nodiscard]] int refreshTokenPerson(const QString &token) const;
    void revokeRefreshTokens();

private:
    struct Code
    {
        Grant grant;
        qint64 expiresAtMs = 0;
        bool used = false;
    };
    struct Refresh
    {
        QString clientId;
        qint64 expiresAtMs = 0;
        bool revoked = false;
        int person = 0;
    };
    struct Access
    {
        qint64 expiresAtMs = 0;
        int person = 0;
    };

    [[nodiscard]] QString newToken() const;

    QString m_orgUuid;
    int m_codeLifetimeSeconds = 300; // Webex codes live five minutes.
    QHash<QString, Code> m_codes;
    QHash<QString, Access> m_accessTokens;
    QHash<QString, Refresh> m_refreshTokens;
};
