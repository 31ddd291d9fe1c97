#include "tokenrefreshhandler.h"

#include "api/apierror.h"
#include "auth/tokenreplyinspector.h"

void TokenRefreshHandler::networkReplyFinished(QNetworkReply *reply)
{
    if (const auto error = TokenReplyInspector::errorOf(reply))
        emit tokenRequestFailed(*error);
    QOAuthOobReplyHandler::networkReplyFinished(reply);
}
