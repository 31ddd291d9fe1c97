#pragma once

#include "auth/tokenrefresher.h"
#include "model/tokenset.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class ApiError;

// Keeps a signed-in session's access token valid: refreshes it a little ahead of expiry, at
// once when it has already expired (a restart after days away) and when the API says 401.
// A refused refresh ends the session; a failed one is tried again later.
class SessionKeeper : public QObject
{
    Q_OBJECT

public:
    SessionKeeper(const ApiBase &api, const ClientCredentials &credentials,
                  QNetworkAccessManager *network, QObject *parent = nullptr);

    void start(const TokenSet &tokens);
    void stop();
    // The API refused the access token (401): refresh now, once, whatever its expiry says.
    void renewNow();

    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    [[nodiscard]] TokenSet tokens() const { return m_tokens; }
    [[nodiscard]] bool isActive() const { return m_active; }
    // When the next refresh is due, for tests and diagnostics; invalid when none is planned.
    [[nodiscard]] QDateTime nextRenewal() const { return m_nextRenewal; }

    // How long before expiry to refresh: a fifth of what is left, at most five minutes.
    [[nodiscard]] static std::chrono::milliseconds renewalLead(std::chrono::milliseconds remaining);

signals:
    void accessTokenReady(const QString &accessToken);
    void tokensChanged(const TokenSet &tokens);
    void sessionEnded(const QString &message);
    void renewalDelayed(const QString &message);

private:
    void scheduleRenewal();
    void onRefreshed(const TokenSet &tokens);
    void onRejected(const ApiError &error);
    void onFailed(const ApiError &error);

    TokenRefresher m_refresher;
    TokenSet m_tokens;
    QTimer m_timer;
    QDateTime m_nextRenewal;
    std::chrono::milliseconds m_retryDelay{30000};
    bool m_active = false;
};
