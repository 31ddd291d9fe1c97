#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

// The Webex API base URL (--api-base). Everything the client sends its token to is derived from
// it, so it is validated once here instead of at every call site.
class ApiBase
{
public:
    ApiBase(); // https://webexapis.com/v1

    [[nodiscard]] static QUrl defaultUrl();

    // Accepts https URLs; plain http only for loopback hosts (localhost, 127.0.0.0/8, ::1), so a
    // bearer token never crosses a network in clear text. Rejects anything else (no scheme, other
    // schemes, userinfo, query or fragment, empty host) with a translated sentence in *error.
    // A trailing slash is tolerated; "." and ".." segments are resolved (RFC 3986, 5.2.4), so
    // baseUrl().toString(QUrl::FullyEncoded), read back through here, gives the same base.
    [[nodiscard]] static std::optional<ApiBase> fromUserInput(const QString &text,
                                                              QString *error = nullptr);

    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QUrl authorizeUrl() const;   // <base>/authorize
    [[nodiscard]] QUrl accessTokenUrl() const; // <base>/access_token
    // endpoint("people/me"), endpoint("rooms", query); a leading slash in path is ignored.
    [[nodiscard]] QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;
    [[nodiscard]] bool isLoopback() const;

    // True when url has the base's scheme, host and port: only then may it see the access token.
    [[nodiscard]] bool isSameOrigin(const QUrl &url) const;

    // True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http is allowed for.
    [[nodiscard]] static bool isLoopbackHost(const QString &host);

    friend bool operator==(const ApiBase &a, const ApiBase &b) { return a.m_url == b.m_url; }
    friend bool operator!=(const ApiBase &a, const ApiBase &b) { return !(a == b); }

private:
    explicit ApiBase(const QUrl &url);

    QUrl m_url; // normalised: no trailing slash
};
