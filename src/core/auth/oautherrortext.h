#pragma once

#include <QString>

// Turns the `error` of an OAuth redirect (RFC 6749 section 4.1.2.1) into a sentence for the
// person signing in, with what they can do next.
class OAuthErrorText
{
public:
    [[nodiscard]] static QString forAuthorizationError(const QString &error,
                                                       const QString &description);
};
