#pragma once

#include <QString>

// The Webex Integration's identity, as registered on developer.webex.com.
// The secret is held in memory only; it is never logged or written in plain text.
class ClientCredentials
{
public:
    ClientCredentials() = default;
    ClientCredentials(QString clientId, QString clientSecret);

    // WEBEX_CLIENT_ID and WEBEX_CLIENT_SECRET, when both are set.
    [[nodiscard]] static ClientCredentials fromEnvironment();

    [[nodiscard]] QString clientId() const { return m_clientId; }
    [[nodiscard]] QString clientSecret() const { return m_clientSecret; }
    [[nodiscard]] bool isComplete() const;

    // Empty when the values look usable, otherwise a sentence saying what is wrong.
    [[nodiscard]] static QString validationError(const QString &clientId,
                                                 const QString &clientSecret);

private:
    QString m_clientId;
    QString m_clientSecret;
};
