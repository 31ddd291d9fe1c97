#include "tokenrefresher.h"

#include "api/apierror.h"
#include "auth/grantedtokens.h"
#include "auth/tokenrefreshhandler.h"
#include "logging.h"

#include <QOAuth2AuthorizationCodeFlow>

TokenRefresher::TokenRefresher(const ApiBase &api, const ClientCredentials &credentials,
                               QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_api(api), m_credentials(credentials), m_network(network)
{}

TokenRefresher::~TokenRefresher() = default;

void TokenRefresher::refresh(const TokenSet &current)
{
    if (m_flow)
        return; // one at a time; its answer serves every caller
    m_current = current;
    if (current.refreshToken.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Http;
        error.httpStatus = 400;
        error.message = tr("There is no refresh token to renew the sign-in with.");
        emit rejected(error);
        return;
    }

    m_flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    auto *handler = new TokenRefreshHandler(m_flow);
    m_flow->setAccessTokenUrl(m_api.accessTokenUrl());
    m_flow->setAuthorizationUrl(m_api.authorizeUrl());
    m_flow->setClientIdentifier(m_credentials.clientId());
    m_flow->setClientIdentifierSharedKey(m_credentials.clientSecret());
    m_flow->setReplyHandler(handler);
    m_flow->setRefreshToken(current.refreshToken);

    connect(handler, &TokenRefreshHandler::tokenRequestFailed, this,
            &TokenRefresher::onTokenRequestFailed);
    connect(m_flow, &QAbstractOAuth::granted, this, &TokenRefresher::onGranted);
    connect(m_flow, &QAbstractOAuth::requestFailed, this, [this] {
        // Qt 6.6+ says this too after the handler reported the details; a lone one (a
        // reply without an access token) is a refusal in effect.
        if (!m_flow)
            return;
        onTokenRequestFailed(ApiError::parseError(tr("Webex answered without an access token.")));
    });
    qCInfo(lcAuth) << "refreshing the access token";
    m_flow->refreshAccessToken();
}

void TokenRefresher::onGranted()
{
    if (!m_flow)
        return;
    TokenSet fresh = GrantedTokens::read(*m_flow);
    if (fresh.refreshToken == m_current.refreshToken) {
        // Not renewed: mergedWithRefresh keeps the old one with its own expiry.
        fresh.refreshToken.clear();
        fresh.refreshExpiresAt = QDateTime();
    }
    const TokenSet merged = m_current.mergedWithRefresh(fresh);
    finish();
    qCInfo(lcAuth) << "access token refreshed; valid until" << merged.accessExpiresAt;
    emit refreshed(merged);
}

void TokenRefresher::onTokenRequestFailed(const ApiError &error)
{
    if (!m_flow)
        return;
    finish();
    // 400 and 401 are Webex's word on the refresh token itself (invalid_grant,
    // invalid_client); anything else says nothing about it.
    const bool refused =
        error.kind == ApiError::Kind::Http && (error.httpStatus == 400 || error.httpStatus == 401);
    if (refused)
        emit rejected(error);
    else
        emit failed(error);
}

void TokenRefresher::finish()
{
    if (m_flow)
        m_flow->deleteLater();
    m_flow = nullptr;
}
