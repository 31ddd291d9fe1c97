#pragma once

#include <QString>

class ApiError;

// Turns the `error` of an OAuth redirect (RFC 6749 section 4.1.2.1) into a sentence for the
// person signing in, with what they can do next.
class OAuthErrorText
{
public:
    [[nodiscard]] static QString forAuthorizationError(const QString &error,
                                                       const QString &description);
    // A failed exchange of the sign-in code for tokens (RFC 6749 section 5.2), with Webex's
    // message and tracking ID.
    [[nodiscard]] static QString forTokenError(const ApiError &error);
};
