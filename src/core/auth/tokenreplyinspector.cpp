#include "tokenreplyinspector.h"

#include "api/apierror.h"
#include "logging.h"

#include <QNetworkReply>

std::optional<ApiError> TokenReplyInspector::errorOf(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status < 400)
        return std::nullopt;
    const ApiError error = ApiError::fromReply(reply, reply->peek(reply->bytesAvailable()));
    qCWarning(lcAuth) << "token request failed with HTTP status" << status << "tracking ID"
                      << error.trackingId;
    return error;
}
