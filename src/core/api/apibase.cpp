#include "api/apibase.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ApiBase", text);
}

// Paths are joined by hand because QUrl::resolved() would drop the base's last segment ("v1")
// when the base has no trailing slash.
QString withoutTrailingSlashes(QString path)
{
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// RFC 3986's remove_dot_segments (5.2.4) on an absolute path, segment by segment. Not
// QUrl::NormalizePathSegments: Qt 6.4's turns "/./.a/b" into "//b" and that into "/b", so a base
// URL saved with a session would not be the one it was saved for when read back.
QString withoutDotSegments(const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    QStringList kept;
    kept.reserve(segments.size());
    // segments[0] is what comes before the first slash: empty for an absolute path.
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    return kept.isEmpty() ? QString() : QLatin1Char('/') + kept.join(QLatin1Char('/'));
}

} // namespace

ApiBase::ApiBase() : m_url(defaultUrl()) {}

ApiBase::ApiBase(const QUrl &url) : m_url(url) {}

QUrl ApiBase::defaultUrl()
{
    return QUrl(QStringLiteral("https://webexapis.com/v1"));
}

bool ApiBase::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // QHostAddress parses both "127.0.0.1" and "::1" (QUrl::host() has no brackets); a name
    // that is not an address stays Null and is not loopback.
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<ApiBase> ApiBase::fromUserInput(const QString &text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ApiBase> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("The API base URL is empty."));

    // Without "://", QUrl reads "webexapis.com/v1" as a relative path and "localhost:8099/v1" as
    // the scheme "localhost"; both are a forgotten scheme, so say that.
    if (!trimmed.contains(QLatin1String("://")))
        return fail(tr("“%1” has no scheme; write it as https://host/path.").arg(trimmed));

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("“%1” is not a valid URL.").arg(trimmed));
    if (url.scheme().isEmpty() || url.isRelative())
        return fail(tr("“%1” has no scheme; write it as https://host/path.").arg(trimmed));

    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(tr("“%1” uses the scheme “%2”; only https is supported.").arg(trimmed, scheme));
    if (url.host().isEmpty())
        return fail(tr("“%1” has no host name.").arg(trimmed));
    // A user name or password in the URL would be sent along with the token; refuse it rather
    // than guess what was meant.
    if (!url.userInfo().isEmpty())
        return fail(tr("The API base URL must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(tr("The API base URL must not contain a query (?…) or a fragment (#…)."));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(tr("Plain http is only allowed for this computer (localhost, 127.0.0.1 or "
                       "::1); use https for “%1”.")
                        .arg(url.host()));

    // On the encoded path, so that an encoded slash (%2F) stays one and is not read as a
    // separator: the same URL comes out however often it goes through here.
    QUrl normalised = url;
    normalised.setScheme(scheme);
    normalised.setPath(withoutTrailingSlashes(withoutDotSegments(url.path(QUrl::FullyEncoded))),
                       QUrl::StrictMode);
    if (error)
        error->clear();
    return ApiBase(normalised);
}

QUrl ApiBase::baseUrl() const
{
    return m_url;
}

QUrl ApiBase::authorizeUrl() const
{
    return endpoint(QStringLiteral("authorize"));
}

QUrl ApiBase::accessTokenUrl() const
{
    return endpoint(QStringLiteral("access_token"));
}

QUrl ApiBase::endpoint(const QString &path, const QUrlQuery &query) const
{
    QString relative = path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);

    // Joined encoded: the decoded path would turn an encoded slash of the base into a separator.
    QUrl url = m_url;
    url.setPath(m_url.path(QUrl::FullyEncoded) + QLatin1Char('/') +
                    QString::fromLatin1(QUrl::toPercentEncoding(relative, "/")),
                QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool ApiBase::isLoopback() const
{
    return isLoopbackHost(m_url.host());
}

bool ApiBase::isSameOrigin(const QUrl &url) const
{
    if (!url.isValid())
        return false;
    const QString scheme = m_url.scheme();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return url.scheme().compare(scheme, Qt::CaseInsensitive) == 0 &&
           url.host().compare(m_url.host(), Qt::CaseInsensitive) == 0 &&
           url.port(defaultPort) == m_url.port(defaultPort) && url.userInfo().isEmpty();
}
