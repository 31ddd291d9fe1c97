#include "oautherrortext.h"

#include "api/apierror.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("OAuthErrorText", text);
}
} // namespace

QString OAuthErrorText::forAuthorizationError(const QString &error, const QString &description)
{
    if (error == QLatin1String("access_denied"))
        return tr("You declined to let Webex Desk use your Webex account. To use the app, "
                  "sign in again and choose Accept.");
    if (error == QLatin1String("invalid_scope"))
        return tr("Webex refused the permission Webex Desk asks for (spark:all). Check that "
                  "your Integration on developer.webex.com has the spark:all scope, then sign "
                  "in again.");
    if (error == QLatin1String("server_error") || error == QLatin1String("temporarily_unavailable"))
        return tr("Webex could not complete the sign-in because of a problem on its side. "
                  "Please try again in a moment.");
    if (error == QLatin1String("unauthorized_client") || error == QLatin1String("invalid_client"))
        return tr("Webex does not accept this Client ID. Check the Integration's Client ID "
                  "in the set-up dialog.");
    const QString detail = description.isEmpty() ? error : description;
    return tr("Webex refused the sign-in (%1). Please try again.").arg(detail);
}

QString OAuthErrorText::forTokenError(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 401)
        return tr("Webex did not accept the Integration's Client ID and Client Secret. Check "
                  "them in File > Set Up Integration, then sign in again.") +
               error.details();
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400)
        return tr("Webex refused to complete the sign-in (the sign-in code was not accepted). "
                  "Please sign in again.") +
               error.details();
    return tr("The sign-in could not be completed. %1").arg(error.userMessage());
}
