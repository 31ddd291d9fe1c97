#include "model/tokenset.h"

#include "model/jsonfields.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

// Seconds as a JSON number or numeric string; -1 when absent, negative or unreadable.
qint64 seconds(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d >= 0 && d < 1e12 ? qint64(d) : -1;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 s = v.toString().trimmed().toLongLong(&ok);
        return ok && s >= 0 ? s : -1;
    }
    return -1;
}

} // namespace

std::optional<TokenSet> TokenSet::fromJson(const QJsonObject &o, const QDateTime &receivedAtUtc,
                                           QString *error)
{
    TokenSet t;
    t.accessToken = JsonFields::string(o, QLatin1String("access_token"));
    if (t.accessToken.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("TokenSet",
                                                 "The token response contains no access token.");
        return std::nullopt;
    }
    t.refreshToken = JsonFields::string(o, QLatin1String("refresh_token"));
    t.tokenType = JsonFields::string(o, QLatin1String("token_type"));
    if (t.tokenType.isEmpty())
        t.tokenType = QStringLiteral("Bearer");

    const QDateTime received = receivedAtUtc.toUTC();
    const qint64 accessLifetime = seconds(o, QLatin1String("expires_in"));
    if (accessLifetime >= 0 && received.isValid())
        t.accessExpiresAt = received.addSecs(accessLifetime);
    const qint64 refreshLifetime = seconds(o, QLatin1String("refresh_token_expires_in"));
    if (refreshLifetime >= 0 && received.isValid() && !t.refreshToken.isEmpty())
        t.refreshExpiresAt = received.addSecs(refreshLifetime);

    if (error)
        error->clear();
    return t;
}

TokenSet TokenSet::mergedWithRefresh(const TokenSet &refreshed) const
{
    TokenSet merged = refreshed;
    if (merged.refreshToken.isEmpty()) {
        merged.refreshToken = refreshToken;
        merged.refreshExpiresAt = refreshExpiresAt;
    }
    return merged;
}

bool TokenSet::isAccessExpired(const QDateTime &nowUtc, int marginSeconds) const
{
    if (!accessExpiresAt.isValid())
        return false;
    return nowUtc.addSecs(marginSeconds) >= accessExpiresAt;
}
