#pragma once

#include "emulatoroptions.h"
#include "emulatorrequest.h"
#include "emulatorresponse.h"
#include "tokenstore.h"

#include <QDateTime>
#include <QHash>
#include <QVariantMap>

/// Webex's OAuth endpoints: GET /v1/authorize (validation and the consent page), the
/// consent form's POST, and POST /v1/access_token for both grants.
class OAuthService
{
public:
    static constexpr auto kDecisionPath = "/v1/authorize/decision";

    OAuthService(EmulatorOptions &options, TokenStore &tokens);

    /// Who signs in on the consent page from now on (`person` indexes SeedData::people()).
    void setUser(const QString &displayName, const QString &email, int person = 0);

    [[nodiscard]] EmulatorResponse authorize(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse decision(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse accessToken(const EmulatorRequest &request);

    void failNextAuthorization(const QString &oauthError) { m_nextAuthorizationError = oauthError; }
    void setRefreshReturnsNewRefreshToken(bool yes) { m_refreshReturnsNew = yes; }

    [[nodiscard]] QVariantMap lastAuthorizeQuery() const { return m_lastAuthorizeQuery; }
    [[nodiscard]] QVariantMap lastTokenRequest() const { return m_lastTokenRequest; }

private:
    struct Pending
    {
        TokenStore::Grant grant;
        QString state;
        bool hasState = false;
        QDateTime expires;
    };

    [[nodiscard]] EmulatorResponse redirectWithError(const QString &redirectUri,
                                                     const QString &error, const QString &state,
                                                     bool hasState) const;
    [[nodiscard]] EmulatorResponse tokenError(int status, const QString &oauthError,
                                              const QString &description,
                                              const QString &trackingId) const;
    [[nodiscard]] EmulatorResponse authorizationCodeGrant(const QHash<QString, QString> &form,
                                                          const QString &clientId,
                                                          const QString &trackingId);
    [[nodiscard]] EmulatorResponse refreshTokenGrant(const QHash<QString, QString> &form,
                                                     const QString &clientId,
                                                     const QString &trackingId);
    [[nodiscard]] static bool verifierMatches(const TokenStore::Grant &grant,
                                              const QString &verifier);

    EmulatorOptions &m_options;
    TokenStore &m_tokens;
    QString m_userDisplayName;
    QString m_userEmail;
    int m_userPerson = 0;
    QHash<QString, Pending> m_pending;
    QString m_nextAuthorizationError;
    bool m_refreshReturnsNew = true;
    QVariantMap m_lastAuthorizeQuery;
    QVariantMap m_lastTokenRequest;
};
