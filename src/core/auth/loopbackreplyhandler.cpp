#include "loopbackreplyhandler.h"

#include "api/apierror.h"
#include "auth/callbackgate.h"
#include "auth/tokenreplyinspector.h"
#include "logging.h"

#include <QNetworkReply>

namespace {
quint16 registeredPort(const QUrl &redirectUri)
{
    return static_cast<quint16>(redirectUri.port(80));
}
} // namespace

LoopbackReplyHandler::LoopbackReplyHandler(const QUrl &redirectUri, QObject *parent)
// Binding 127.0.0.1 explicitly keeps the callback off the LAN: Qt 6.4's port-only
// constructor listens on every interface. (The parent-only one would also listen, on a
// random port, which is why an address and a port are always given here.)
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, registeredPort(redirectUri), parent),
      m_redirectUri(redirectUri)
{
#else
    // Before 6.8 Qt matches the callback path by prefix: Qt's listener takes an ephemeral
    // port and the gate, on the registered one, lets only the exact path through to it.
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, parent), m_redirectUri(redirectUri)
{
    if (QOAuthHttpServerReplyHandler::isListening()) {
        m_gate = new CallbackGate(redirectUri.path(), port(), this);
        if (!m_gate->listen(QHostAddress::LocalHost, registeredPort(redirectUri)))
            QOAuthHttpServerReplyHandler::close();
    }
#endif
    if (!acceptsCallbacks())
        qCWarning(lcAuth) << "cannot listen on 127.0.0.1 port" << registeredPort(redirectUri);
    setCallbackPath(redirectUri.path());
    // What the browser shows once the redirect arrives, whatever its outcome; the app itself
    // then says whether sign-in worked. Qt inserts this into its page without escaping, so it
    // is fixed text with no values in it.
    setCallbackText(QStringLiteral(
        "<div style=\"font-family:sans-serif;max-width:32em;margin:4em auto;text-align:center\">"
        "<h1 style=\"font-weight:normal\">Webex Desk</h1>"
        "<p>Webex has answered. You can close this page and return to Webex Desk.</p></div>"));
}

bool LoopbackReplyHandler::acceptsCallbacks() const
{
    return QOAuthHttpServerReplyHandler::isListening() && (!m_gate || m_gate->isListening());
}

void LoopbackReplyHandler::stopListening()
{
    if (m_gate)
        m_gate->close();
    QOAuthHttpServerReplyHandler::close();
}

QString LoopbackReplyHandler::callback() const
{
    return m_redirectUri.toString(QUrl::FullyEncoded);
}

void LoopbackReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    if (const auto error = TokenReplyInspector::errorOf(reply))
        emit tokenRequestFailed(*error);
    QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
}
