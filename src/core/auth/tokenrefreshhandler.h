#pragma once

#include <QOAuthOobReplyHandler>

class ApiError;

// The reply handler for refreshing tokens: no listener (a refresh has no browser redirect),
// and token endpoint errors reported as values, which Qt 6.4 would only log.
class TokenRefreshHandler : public QOAuthOobReplyHandler
{
    Q_OBJECT

public:
    using QOAuthOobReplyHandler::QOAuthOobReplyHandler;

    void networkReplyFinished(QNetworkReply *reply) override;

signals:
    void tokenRequestFailed(const ApiError &error);
};
