#pragma once

#include "api/apibase.h"
#include "auth/clientcredentials.h"
#include "auth/pkcechallenge.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class ApiError;
class LoopbackReplyHandler;
class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;
class TokenSet;

// One attempt to sign in with Webex: the OAuth 2.0 authorization code grant with PKCE,
// its redirect received on http://localhost:5000/auth/cisco/callback.
//
// The steps are members so each reads alone: start() listens and builds the authorization
// URL, which the app opens in a browser; onCallback() checks the redirect; Qt exchanges
// the code; onGranted() hands out the tokens. Every way it can end emits exactly one of
// signedIn() or failed(). The listener is open only between start() and the redirect.
class SignInFlow : public QObject
{
    Q_OBJECT

public:
    SignInFlow(const ApiBase &api, const ClientCredentials &credentials,
               QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SignInFlow() override;

    // The redirect URI registered with the Webex Integration; Webex compares it literally.
    [[nodiscard]] static QUrl registeredRedirectUri();
    [[nodiscard]] static QString scope();

    void start();
    // The person gave up (closed the sign-in window): ends the attempt with `reason`.
    void cancel(const QString &reason);
    [[nodiscard]] bool isActive() const { return m_active; }
    // For tests: whether the loopback callback listener is open right now.
    [[nodiscard]] bool isListening() const;

signals:
    void authorizationUrlReady(const QUrl &url);
    void signedIn(const TokenSet &tokens);
    void failed(const QString &message);

private:
    void configureFlow();
    void modifyParameters(int stage, QMultiMap<QString, QVariant> *parameters);
    void onCallback(const QVariantMap &values);
    void onAuthorizationError(const QString &error, const QString &description);
    void onTokenRequestFailed(const ApiError &error);
    void onGranted();
    void fail(const QString &message);
    void finish();
    void discardAttempt();

    ApiBase m_api;
    ClientCredentials m_credentials;
    QNetworkAccessManager *m_network;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<LoopbackReplyHandler> m_handler;
    PkceChallenge m_pkce;
    QString m_state;
    bool m_active = false;
};
