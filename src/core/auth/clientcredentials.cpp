#include "clientcredentials.h"

#include <QCoreApplication>
#include <QRegularExpression>

ClientCredentials::ClientCredentials(QString clientId, QString clientSecret)
    : m_clientId(std::move(clientId).trimmed()), m_clientSecret(std::move(clientSecret).trimmed())
{}

ClientCredentials ClientCredentials::fromEnvironment()
{
    return ClientCredentials(qEnvironmentVariable("WEBEX_CLIENT_ID"),
                             qEnvironmentVariable("WEBEX_CLIENT_SECRET"));
}

bool ClientCredentials::isComplete() const
{
    return validationError(m_clientId, m_clientSecret).isEmpty();
}

QString ClientCredentials::validationError(const QString &clientId, const QString &clientSecret)
{
    // Webex client IDs and secrets are long runs of letters and digits; anything with spaces
    // inside is almost always a copy-paste accident, so say so before the browser opens.
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_.~-]{8,256}$"));
    const QString id = clientId.trimmed();
    const QString secret = clientSecret.trimmed();
    if (id.isEmpty())
        return QCoreApplication::translate("ClientCredentials", "The Client ID is missing.");
    if (!token.match(id).hasMatch())
        return QCoreApplication::translate(
            "ClientCredentials",
            "The Client ID should be letters and digits only, as shown on developer.webex.com.");
    if (secret.isEmpty())
        return QCoreApplication::translate("ClientCredentials", "The Client Secret is missing.");
    if (!token.match(secret).hasMatch())
        return QCoreApplication::translate(
            "ClientCredentials", "The Client Secret should be letters and digits only, as shown on "
                                 "developer.webex.com.");
    return {};
}
