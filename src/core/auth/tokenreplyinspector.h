#pragma once

#include <optional>

class ApiError;
class QNetworkReply;

// Qt 6.4 logs a failed token request and emits nothing (6.6 added requestFailed): both of
// our reply handlers look at the reply themselves with this, before Qt does.
class TokenReplyInspector
{
public:
    // The error of a finished token endpoint reply, or nothing when it succeeded. Reads the
    // body with peek(), so Qt's own handling still sees it.
    [[nodiscard]] static std::optional<ApiError> errorOf(QNetworkReply *reply);
};
