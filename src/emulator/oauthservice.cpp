#include "oauthservice.h"

#include "authorizepage.h"
#include "webexids.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QUrl>

namespace {

constexpr int kPendingLifetimeSeconds = 600;

QString percent(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// Appends already-decoded items to a URL's query, encoding each value fully: QUrlQuery
// would leave '+' and some delimiters alone, and a state value must come back verbatim.
QUrl withQueryItems(const QString &base, const QList<QPair<QString, QString>> &items)
{
    QUrl url(base);
    QString query = url.query(QUrl::FullyEncoded);
    for (const auto &item : items) {
        if (!query.isEmpty())
            query += QLatin1Char('&');
        query += percent(item.first) + QLatin1Char('=') + percent(item.second);
    }
    url.setQuery(query, QUrl::TolerantMode);
    return url;
}

} // namespace

OAuthService::OAuthService(EmulatorOptions &options, TokenStore &tokens)
    : m_options(options), m_tokens(tokens)
{}

void OAuthService::setUser(const QString &displayName, const QString &email, int person)
{
    m_userDisplayName = displayName;
    m_userEmail = email;
    m_userPerson = person;
}

EmulatorResponse OAuthService::redirectWithError(const QString &redirectUri, const QString &error,
                                                 const QString &state, bool hasState) const
{
    QList<QPair<QString, QString>> items{{QStringLiteral("error"), error}};
    if (hasState)
        items.append({QStringLiteral("state"), state});
    return EmulatorResponse::redirect(withQueryItems(redirectUri, items));
}

EmulatorResponse OAuthService::authorize(const EmulatorRequest &request)
{
    m_lastAuthorizeQuery.clear();
    for (auto it = request.query.cbegin(); it != request.query.cend(); ++it)
        m_lastAuthorizeQuery.insert(it.key(), it.value());

    const QString clientId = request.queryValue(QStringLiteral("client_id"));
    const QString redirectUri = request.queryValue(QStringLiteral("redirect_uri"));
    const QString state = request.queryValue(QStringLiteral("state"));
    const bool hasState = request.hasQuery(QStringLiteral("state"));

    // Never redirect to a URI that is not the registered one: show the error here instead.
    if (clientId.isEmpty() || clientId != m_options.clientId) {
        return EmulatorResponse::html(
            400, AuthorizePage::error(QStringLiteral("Invalid client"),
                                      QStringLiteral("The client_id \"%1\" does not belong to a "
                                                     "registered integration.")
                                          .arg(clientId)));
    }
    if (redirectUri != m_options.redirectUri) {
        return EmulatorResponse::html(
            400, AuthorizePage::error(QStringLiteral("Invalid redirect_uri"),
                                      QStringLiteral("The redirect_uri \"%1\" does not match the "
                                                     "URI registered for this integration.")
                                          .arg(redirectUri)));
    }
    if (request.queryValue(QStringLiteral("response_type")) != QLatin1String("code"))
        return redirectWithError(redirectUri, QStringLiteral("unsupported_response_type"), state,
                                 hasState);
    const QString scope = request.queryValue(QStringLiteral("scope"));
    if (!scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String("spark:all")))
        return redirectWithError(redirectUri, QStringLiteral("invalid_scope"), state, hasState);

    TokenStore::Grant grant{clientId, redirectUri, scope, QString(), QString(), m_userPerson};
    grant.codeChallenge = request.queryValue(QStringLiteral("code_challenge"));
    grant.codeChallengeMethod = request.queryValue(QStringLiteral("code_challenge_method"));
    if (!grant.codeChallenge.isEmpty() && grant.codeChallengeMethod.isEmpty())
        grant.codeChallengeMethod = QStringLiteral("plain"); // RFC 7636 default
    const bool knownMethod = grant.codeChallengeMethod == QLatin1String("S256") ||
                             grant.codeChallengeMethod == QLatin1String("plain");
    const qsizetype challengeLength = grant.codeChallenge.size();
    if ((!grant.codeChallengeMethod.isEmpty() && !knownMethod) ||
        (!grant.codeChallengeMethod.isEmpty() && (challengeLength < 43 || challengeLength > 128)))
        return redirectWithError(redirectUri, QStringLiteral("invalid_request"), state, hasState);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->expires < now)
            it = m_pending.erase(it);
        else
            ++it;
    }
    const QString requestId = WebexIds::randomToken(32);
    m_pending.insert(requestId,
                     Pending{grant, state, hasState, now.addSecs(kPendingLifetimeSeconds)});

    AuthorizePage::Consent consent;
    consent.requestId = requestId;
    consent.clientId = clientId;
    consent.scope = scope;
    consent.userEmail = m_userEmail;
    consent.userDisplayName = m_userDisplayName;
    consent.decisionPath = QLatin1String(kDecisionPath);
    return EmulatorResponse::html(200, AuthorizePage::consent(consent));
}

EmulatorResponse OAuthService::decision(const EmulatorRequest &request)
{
    const auto form = EmulatorRequest::parseForm(request.body);
    const auto it = m_pending.find(form.value(QStringLiteral("request_id")));
    if (it == m_pending.end() || it->expires < QDateTime::currentDateTimeUtc()) {
        return EmulatorResponse::html(
            400, AuthorizePage::error(QStringLiteral("Sign-in expired"),
                                      QStringLiteral("This sign-in request is no longer valid. "
                                                     "Start signing in again from the app.")));
    }
    const Pending pending = *it;
    m_pending.erase(it);
    const QString &redirectUri = pending.grant.redirectUri;

    if (!m_nextAuthorizationError.isEmpty()) {
        const QString error = m_nextAuthorizationError;
        m_nextAuthorizationError.clear();
        return redirectWithError(redirectUri, error, pending.state, pending.hasState);
    }
    if (form.value(QStringLiteral("decision")) != QLatin1String("accept"))
        return redirectWithError(redirectUri, QStringLiteral("access_denied"), pending.state,
                                 pending.hasState);

    QList<QPair<QString, QString>> items{
        {QStringLiteral("code"), m_tokens.issueCode(pending.grant)}};
    if (pending.hasState)
        items.append({QStringLiteral("state"), pending.state});
    return EmulatorResponse::redirect(withQueryItems(redirectUri, items));
}

EmulatorResponse OAuthService::tokenError(int status, const QString &oauthError,
                                          const QString &description,
                                          const QString &trackingId) const
{
    // Webex relays its identity broker's failure inside its own error body.
    const QString statusLine =
        status == 401 ? QStringLiteral("401 Unauthorized") : QStringLiteral("400 Bad Request");
    const QString message =
        QStringLiteral("POST failed: HTTP/1.1 %1 (url = "
                       "https://idbroker.webex.com/idb/oauth2/v1/access_token, request/response "
                       "TrackingId: %2, error: '(%3) %4')")
            .arg(statusLine, trackingId, oauthError, description);
    EmulatorResponse response = EmulatorResponse::webexError(status, message, trackingId);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

EmulatorResponse OAuthService::accessToken(const EmulatorRequest &request)
{
    const auto form = EmulatorRequest::parseForm(request.body);
    m_lastTokenRequest.clear();
    for (auto it = form.cbegin(); it != form.cend(); ++it) {
        m_lastTokenRequest.insert(it.key(), it.key() == QLatin1String("client_secret")
                                                ? QStringLiteral("<redacted>")
                                                : it.value());
    }
    const QString &trackingId = request.trackingId;

    if (!request.contentType.toLower().startsWith("application/x-www-form-urlencoded")) {
        return tokenError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("The request must be application/x-www-form-urlencoded."),
                          trackingId);
    }

    QString clientId = form.value(QStringLiteral("client_id"));
    QString clientSecret = form.value(QStringLiteral("client_secret"));
    if (request.authorization.startsWith("Basic ")) {
        // RFC 6749 2.3.1: id and secret are form-encoded, then joined by ':' and base64'd.
        const QByteArray decoded = QByteArray::fromBase64(request.authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            clientId = QUrl::fromPercentEncoding(decoded.left(colon));
            clientSecret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
        }
    }
    if (clientId != m_options.clientId || clientSecret.isEmpty() ||
        clientSecret != m_options.clientSecret) {
        return tokenError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("The client authentication failed."), trackingId);
    }

    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty()) {
        return tokenError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("grant_type is missing."), trackingId);
    }
    if (grantType == QLatin1String("authorization_code"))
        return authorizationCodeGrant(form, clientId, trackingId);
    if (grantType == QLatin1String("refresh_token"))
        return refreshTokenGrant(form, clientId, trackingId);
    return tokenError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("The grant type \"%1\" is not supported.").arg(grantType),
                      trackingId);
}

bool OAuthService::verifierMatches(const TokenStore::Grant &grant, const QString &verifier)
{
    if (grant.codeChallengeMethod == QLatin1String("plain"))
        return verifier == grant.codeChallenge;
    const QByteArray digest =
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    const QByteArray expected =
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(expected) == grant.codeChallenge;
}

EmulatorResponse OAuthService::authorizationCodeGrant(const QHash<QString, QString> &form,
                                                      const QString &clientId,
                                                      const QString &trackingId)
{
    const QString code = form.value(QStringLiteral("code"));
    if (code.isEmpty()) {
        return tokenError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("The authorization code is missing."), trackingId);
    }
    TokenStore::Grant grant;
    switch (m_tokens.redeemCode(code, &grant)) {
    case TokenStore::Check::Valid:
        break;
    case TokenStore::Check::Used:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Authorization code has been used."), trackingId);
    case TokenStore::Check::Expired:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Authorization code has expired."), trackingId);
    default:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Authorization code is invalid."), trackingId);
    }
    if (grant.clientId != clientId) {
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Authorization code was issued to another client."),
                          trackingId);
    }
    if (form.value(QStringLiteral("redirect_uri")) != grant.redirectUri) {
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("redirect_uri does not match the authorization request."),
                          trackingId);
    }
    if (!grant.codeChallenge.isEmpty()) {
        const QString verifier = form.value(QStringLiteral("code_verifier"));
        if (verifier.isEmpty()) {
            return tokenError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("code_verifier is missing."), trackingId);
        }
        if (!verifierMatches(grant, verifier)) {
            return tokenError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("code_verifier does not match the code_challenge."),
                              trackingId);
        }
    }
    QJsonObject body{
        {QStringLiteral("access_token"),
         m_tokens.issueAccessToken(m_options.accessTokenLifetimeSeconds, grant.person)},
        {QStringLiteral("expires_in"), m_options.accessTokenLifetimeSeconds},
        {QStringLiteral("refresh_token"),
         m_tokens.issueRefreshToken(clientId, m_options.refreshTokenLifetimeSeconds, grant.person)},
        {QStringLiteral("refresh_token_expires_in"), m_options.refreshTokenLifetimeSeconds},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
    };
    EmulatorResponse response = EmulatorResponse::json(200, body);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

EmulatorResponse OAuthService::refreshTokenGrant(const QHash<QString, QString> &form,
                                                 const QString &clientId, const QString &trackingId)
{
    const QString refreshToken = form.value(QStringLiteral("refresh_token"));
    if (refreshToken.isEmpty()) {
        return tokenError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("The refresh token is missing."), trackingId);
    }
    switch (m_tokens.checkRefreshToken(refreshToken, clientId)) {
    case TokenStore::Check::Valid:
        break;
    case TokenStore::Check::Revoked:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token has been revoked."), trackingId);
    case TokenStore::Check::Expired:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token has expired."), trackingId);
    default:
        return tokenError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token is invalid."), trackingId);
    }
    const int person = m_tokens.refreshTokenPerson(refreshToken);
    QJsonObject body{
        {QStringLiteral("access_token"),
         m_tokens.issueAccessToken(m_options.accessTokenLifetimeSeconds, person)},
        {QStringLiteral("expires_in"), m_options.accessTokenLifetimeSeconds},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
    };
    // Webex does not always hand out a new refresh token; clients keep the old one then.
    if (m_refreshReturnsNew) {
        body.insert(
            QStringLiteral("refresh_token"),
            m_tokens.issueRefreshToken(clientId, m_options.refreshTokenLifetimeSeconds, person));
        body.insert(QStringLiteral("refresh_token_expires_in"),
                    m_options.refreshTokenLifetimeSeconds);
    }
    EmulatorResponse response = EmulatorResponse::json(200, body);
    response.setHeader("Cache-Control", "no-store");
    return response;
}
