#include "tokenstore.h"

#include "webexids.h"

#include <QDateTime>

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

TokenStore::TokenStore(const QString &orgUuid) : m_orgUuid(orgUuid) {}

QString TokenStore::newToken() const
{
    // Shaped like Webex's: URL-safe characters, then "_PF84_" and the organisation's UUID.
    return WebexIds::randomToken(64) + QStringLiteral("_PF84_") + m_orgUuid;
}

QString TokenStore::issueCode(const Grant &grant)
{
    const QString code = newToken();
    m_codes.insert(code, Code{grant, nowMs() + qint64(m_codeLifetimeSeconds) * 1000, false});
    return code;
}

TokenStore::Check TokenStore::redeemCode(const QString &code, Grant *grant)
{
    auto it = m_codes.find(code);
    if (it == m_codes.end())
        return Check::Unknown;
    if (it->used)
        return Check::Used;
    it->used = true;
    if (nowMs() >= it->expiresAtMs)
        return Check::Expired;
    *grant = it->grant;
    return Check::Valid;
}

QString TokenStore::issueAccessToken(int lifetimeSeconds, int person)
{
    const QString token = newToken();
    m_accessTokens.insert(token, Access{nowMs() + qint64(lifetimeSeconds) * 1000, person});
    return token;
}

bool TokenStore::isAccessTokenValid(const QString &token) const
{
    return accessTokenPerson(token) >= 0;
}

int TokenStore::accessTokenPerson(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && nowMs() < it->expiresAtMs ? it->person : -1;
}

QString TokenStore::issueRefreshToken(const QString &clientId, int lifetimeSeconds, int person)
{
    const QString token = newToken();
    m_refreshTokens.insert(
        token, Refresh{clientId, nowMs() + qint64(lifetimeSeconds) * 1000, false, person});
    return token;
}

int TokenStore::refreshTokenPerson(const QString &token) const
{
    return m_refreshTokens.value(token).person;
}

TokenStore::Check TokenStore::checkRefreshToken(const QString &token, const QString &clientId) const
{
    const auto it = m_refreshTokens.constFind(token);
    if (it == m_refreshTokens.constEnd() || it->clientId != clientId)
        return Check::Unknown;
    if (it->revoked)
        return Check::Revoked;
    if (nowMs() >= it->expiresAtMs)
        return Check::Expired;
    return Check::Valid;
}

void TokenStore::revokeRefreshTokens()
{
    for (auto &refresh : m_refreshTokens)
        refresh.revoked = true;
}
