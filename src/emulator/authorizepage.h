#pragma once

#include <QString>

/// The HTML a browser sees during sign-in: the consent page and error pages. Every value
/// echoed from a request is HTML-escaped here.
class AuthorizePage
{
public:
    struct Consent
    {
        QString requestId; ///< Hidden field naming the pending authorization.
        QString clientId;
        QString scope;
        QString userEmail;
        QString userDisplayName;
        QString decisionPath; ///< Where the form posts, e.g. "/v1/authorize/decision".
    };

    [[nodiscard]] static QString consent(const Consent &consent);
    [[nodiscard]] static QString error(const QString &title, const QString &message);

private:
    [[nodiscard]] static QString frame(const QString &title, const QString &body);
};
