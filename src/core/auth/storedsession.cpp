#include "auth/storedsession.h"

#include "api/apibase.h"
#include "auth/clientcredentials.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StoredSession", text);
}

QJsonValue timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Reads the entry field by field and remembers the first thing wrong, so fromJson() stays a flat
// list of fields instead of a ladder of ifs, and the reason names the field that broke.
class StrictReader
{
public:
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    QString requiredString(const QJsonObject &o, QLatin1String key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isString() || v.toString().isEmpty()) {
            fail(tr("The field “%1” is missing or empty.").arg(key));
            return {};
        }
        return v.toString();
    }

    // Absent and "" both mean "none" (a session without a refresh token); any other type is
    // damage, not absence.
    QString optionalString(const QJsonObject &o, QLatin1String key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(tr("The field “%1” is not text.").arg(key));
            return {};
        }
        return v.toString();
    }

    QDateTime time(const QJsonObject &o, QLatin1String key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (!required && (v.isUndefined() || v.isNull()))
            return {};
        const QDateTime t =
            v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!t.isValid()) {
            fail(tr("The field “%1” is not a valid time.").arg(key));
            return {};
        }
        return t.toUTC();
    }

    QJsonObject object(const QJsonObject &o, QLatin1String key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isObject()) {
            fail(tr("The field “%1” is missing or not an object.").arg(key));
            return {};
        }
        return v.toObject();
    }

private:
    QString m_error;
};

} // namespace

ClientCredentials StoredSession::credentials() const
{
    return ClientCredentials(clientId, clientSecret);
}

QByteArray StoredSession::toJson() const
{
    const QJsonObject tokenObject{
        {QLatin1String("accessToken"), tokens.accessToken},
        {QLatin1String("refreshToken"), tokens.refreshToken},
        {QLatin1String("tokenType"), tokens.tokenType},
        {QLatin1String("accessExpiresAt"), timeToJson(tokens.accessExpiresAt)},
        {QLatin1String("refreshExpiresAt"), timeToJson(tokens.refreshExpiresAt)},
    };
    const QJsonObject root{
        {QLatin1String("version"), FormatVersion},
        {QLatin1String("apiBase"), apiBase.toString(QUrl::FullyEncoded)},
        {QLatin1String("clientId"), clientId},
        {QLatin1String("clientSecret"), clientSecret},
        {QLatin1String("savedAt"), timeToJson(savedAt)},
        {QLatin1String("tokens"), tokenObject},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> StoredSession::fromJson(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<StoredSession> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        // Only the parser's own words: an excerpt of the input could contain a token.
        return fail(tr("The saved sign-in is not valid JSON (%1).").arg(parseError.errorString()));
    if (!document.isObject())
        return fail(tr("The saved sign-in is not a JSON object."));
    const QJsonObject root = document.object();

    // A double such as 1.5 must not pass for version 1, so compare the exact value.
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != double(FormatVersion))
        return fail(tr("The saved sign-in has format version “%1”; this version of Webex Desk "
                       "reads version %2 only.")
                        .arg(version.isDouble() ? QString::number(version.toDouble()) : tr("none"))
                        .arg(FormatVersion));

    StrictReader read;
    StoredSession session;
    const QString apiBaseText = read.requiredString(root, QLatin1String("apiBase"));
    session.clientId = read.requiredString(root, QLatin1String("clientId"));
    session.clientSecret = read.requiredString(root, QLatin1String("clientSecret"));
    session.savedAt = read.time(root, QLatin1String("savedAt"), true);
    const QJsonObject tokens = read.object(root, QLatin1String("tokens"));
    if (!read.failed()) {
        session.tokens.accessToken = read.requiredString(tokens, QLatin1String("accessToken"));
        session.tokens.refreshToken = read.optionalString(tokens, QLatin1String("refreshToken"));
        session.tokens.tokenType = read.requiredString(tokens, QLatin1String("tokenType"));
        session.tokens.accessExpiresAt = read.time(tokens, QLatin1String("accessExpiresAt"), false);
        session.tokens.refreshExpiresAt =
            read.time(tokens, QLatin1String("refreshExpiresAt"), false);
    }
    if (read.failed())
        return fail(read.error());

    QString apiBaseError;
    const std::optional<ApiBase> apiBase = ApiBase::fromUserInput(apiBaseText, &apiBaseError);
    if (!apiBase)
        return fail(tr("The saved API base URL is refused: %1").arg(apiBaseError));
    session.apiBase = apiBase->baseUrl();

    if (error)
        error->clear();
    return session;
}

bool operator==(const StoredSession &a, const StoredSession &b)
{
    return a.apiBase == b.apiBase && a.clientId == b.clientId && a.clientSecret == b.clientSecret &&
           a.savedAt == b.savedAt && a.tokens.accessToken == b.tokens.accessToken &&
           a.tokens.refreshToken == b.tokens.refreshToken &&
           a.tokens.tokenType == b.tokens.tokenType &&
           a.tokens.accessExpiresAt == b.tokens.accessExpiresAt &&
           a.tokens.refreshExpiresAt == b.tokens.refreshExpiresAt;
}
