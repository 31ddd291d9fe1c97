#pragma once

#include "api/apibase.h"
#include "auth/clientcredentials.h"
#include "model/tokenset.h"

#include <QObject>
#include <QPointer>

class ApiError;
class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

// Trades a refresh token for a new access token (RFC 6749 section 6), one request at a time.
//
// Each refresh gets a fresh QOAuth2AuthorizationCodeFlow: after a failed refresh Qt 6.4
// leaves the flow in RefreshingToken for good and refuses every later refresh.
class TokenRefresher : public QObject
{
    Q_OBJECT

public:
    TokenRefresher(const ApiBase &api, const ClientCredentials &credentials,
                   QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenRefresher() override;

    void refresh(const TokenSet &current);
    [[nodiscard]] bool isRefreshing() const { return !m_flow.isNull(); }

signals:
    // The new tokens; the old refresh token is kept when Webex sends none.
    void refreshed(const TokenSet &tokens);
    // Webex refused the refresh token (revoked, expired, wrong client): sign in again.
    void rejected(const ApiError &error);
    // Webex could not be asked (network, timeout, 5xx, 429): worth trying again later.
    void failed(const ApiError &error);

private:
    void onGranted();
    void onTokenRequestFailed(const ApiError &error);
    void finish();

    ApiBase m_api;
    ClientCredentials m_credentials;
    QNetworkAccessManager *m_network;
    TokenSet m_current;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
};
