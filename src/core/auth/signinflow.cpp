#include "signinflow.h"

#include "api/apierror.h"
#include "auth/grantedtokens.h"
#include "auth/loopbackreplyhandler.h"
#include "auth/oautherrortext.h"
#include "auth/securerandom.h"
#include "logging.h"
#include "model/tokenset.h"

#include <QOAuth2AuthorizationCodeFlow>
#include <QtGlobal>

SignInFlow::SignInFlow(const ApiBase &api, const ClientCredentials &credentials,
                       QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_api(api), m_credentials(credentials), m_network(network)
{}

SignInFlow::~SignInFlow() = default;

QUrl SignInFlow::registeredRedirectUri()
{
    return QUrl(QStringLiteral("http://localhost:5000/auth/cisco/callback"));
}

QString SignInFlow::scope()
{
    return QStringLiteral("spark:all");
}

bool SignInFlow::isListening() const
{
    return m_handler && m_handler->acceptsCallbacks();
}

void SignInFlow::start()
{
    if (m_active)
        return;
    discardAttempt();
    m_active = true;

    const QUrl redirect = registeredRedirectUri();
    m_handler = new LoopbackReplyHandler(redirect, this);
    if (!m_handler->acceptsCallbacks()) {
        fail(tr("Webex Desk could not receive the sign-in answer: port %1 on this computer is "
                "in use by another program. Close the program that uses port %1 (another "
                "Webex Desk, or a local web server) and try again.")
                 .arg(redirect.port()));
        return;
    }
    configureFlow();
    m_flow->grant();
}

void SignInFlow::configureFlow()
{
    m_flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow->setAuthorizationUrl(m_api.authorizeUrl());
    m_flow->setAccessTokenUrl(m_api.accessTokenUrl());
    m_flow->setClientIdentifier(m_credentials.clientId());
    m_flow->setClientIdentifierSharedKey(m_credentials.clientSecret());
    m_flow->setScope(scope());
    m_flow->setReplyHandler(m_handler);

    // 128 bits from the system generator; Qt 6.4's default is 8 time-seeded characters.
    m_state = QString::fromLatin1(SecureRandom::urlSafeToken(16));
    m_flow->setState(m_state);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::S256);
#else
    m_pkce = PkceChallenge::generate();
#endif
    m_flow->setModifyParametersFunction(
        [this](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            modifyParameters(static_cast<int>(stage), parameters);
        });

    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            &SignInFlow::authorizationUrlReady);
    // Connected before grant() so the state is checked before Qt's own handler runs.
    connect(m_flow, &QAbstractOAuth2::authorizationCallbackReceived, this, &SignInFlow::onCallback);
    connect(m_flow, &QAbstractOAuth2::error, this, &SignInFlow::onAuthorizationError);
    connect(m_flow, &QAbstractOAuth::granted, this, &SignInFlow::onGranted);
    connect(m_flow, &QAbstractOAuth::requestFailed, this, [this](QAbstractOAuth::Error error) {
        // Qt 6.6+ reports token errors here too; the reply handler has usually said more
        // already, and fail() keeps the first, more specific message.
        qCWarning(lcAuth) << "OAuth request failed" << static_cast<int>(error);
        fail(tr("Signing in to Webex failed. Please try again."));
    });
    connect(m_handler, &LoopbackReplyHandler::tokenRequestFailed, this,
            &SignInFlow::onTokenRequestFailed);
}

void SignInFlow::modifyParameters(int stage, QMultiMap<QString, QVariant> *parameters)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.4 has no PKCE: add RFC 7636's S256 parameters by hand. Authorization-stage values
    // are encoded by Qt later; token-stage ones must already be URL-safe, which base64url is.
    if (stage == static_cast<int>(QAbstractOAuth::Stage::RequestingAuthorization)) {
        parameters->insert(QStringLiteral("code_challenge"), m_pkce.challenge());
        parameters->insert(QStringLiteral("code_challenge_method"), PkceChallenge::method());
    } else if (stage == static_cast<int>(QAbstractOAuth::Stage::RequestingAccessToken)) {
        parameters->insert(QStringLiteral("code_verifier"), m_pkce.verifier());
        // QTBUG-81624: the handler keeps the received code percent-encoded and the token
        // request encodes it again; decoding once gives back what Webex sent.
        const QString code = parameters->value(QStringLiteral("code")).toString();
        parameters->replace(QStringLiteral("code"), QUrl::fromPercentEncoding(code.toUtf8()));
    }
#else
    Q_UNUSED(stage)
    Q_UNUSED(parameters)
#endif
}

void SignInFlow::onCallback(const QVariantMap &values)
{
    // One redirect per attempt: stop listening at once, so nothing else can arrive.
    if (m_handler)
        QMetaObject::invokeMethod(m_handler, &LoopbackReplyHandler::stopListening,
                                  Qt::QueuedConnection);

    const QString receivedState =
        QUrl::fromPercentEncoding(values.value(QStringLiteral("state")).toString().toUtf8());
    if (receivedState != m_state) {
        // Qt 6.4 only logs a mismatch and then waits forever; end the attempt visibly.
        qCWarning(lcAuth) << "sign-in redirect with a missing or wrong state refused";
        fail(tr("The sign-in answer did not belong to this sign-in attempt, so Webex Desk "
                "refused it. Please sign in again."));
        return;
    }
    if (!values.contains(QStringLiteral("code")) && !values.contains(QStringLiteral("error")))
        fail(tr("Webex sent back no sign-in code. Please sign in again."));
}

void SignInFlow::onAuthorizationError(const QString &error, const QString &description)
{
    qCInfo(lcAuth) << "authorization ended with error" << error;
    fail(OAuthErrorText::forAuthorizationError(error, description));
}

void SignInFlow::onTokenRequestFailed(const ApiError &error)
{
    fail(OAuthErrorText::forTokenError(error));
}

void SignInFlow::onGranted()
{
    if (!m_active || !m_flow)
        return;
    const TokenSet tokens = GrantedTokens::read(*m_flow);
    qCInfo(lcAuth) << "signed in; access token valid until" << tokens.accessExpiresAt;
    finish();
    emit signedIn(tokens);
}

void SignInFlow::cancel(const QString &reason)
{
    fail(reason);
}

void SignInFlow::fail(const QString &message)
{
    if (!m_active)
        return;
    finish();
    emit failed(message);
}

void SignInFlow::finish()
{
    m_active = false;
    // Stop listening now, but keep the handler until the next attempt: it may still be
    // writing our page to the browser that delivered the redirect.
    if (m_handler)
        m_handler->stopListening();
    m_state.clear();
    m_pkce = PkceChallenge();
}

void SignInFlow::discardAttempt()
{
    // Deleted later: this may run inside one of their own signals.
    if (m_flow)
        m_flow->deleteLater();
    if (m_handler)
        m_handler->deleteLater();
    m_flow = nullptr;
    m_handler = nullptr;
}
