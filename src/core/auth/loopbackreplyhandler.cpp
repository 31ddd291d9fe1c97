#include "loopbackreplyhandler.h"

#include "api/apierror.h"
#include "auth/tokenreplyinspector.h"
#include "logging.h"

#include <QNetworkReply>

LoopbackReplyHandler::LoopbackReplyHandler(const QUrl &redirectUri, QObject *parent)
    // Binding 127.0.0.1 explicitly keeps the callback off the LAN: Qt 6.4's port-only
    // constructor listens on every interface. (The parent-only one would also listen, on a
    // random port, which is why the address and port are given here and nowhere else.)
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost,
                                   static_cast<quint16>(redirectUri.port(80)), parent),
      m_redirectUri(redirectUri)
{
    if (!isListening())
        qCWarning(lcAuth) << "cannot listen on 127.0.0.1 port" << redirectUri.port(80);
    setCallbackPath(redirectUri.path());
    // What the browser shows once the redirect arrives, whatever its outcome; the app itself
    // then says whether sign-in worked. Qt inserts this into its page without escaping, so it
    // is fixed text with no values in it.
    setCallbackText(QStringLiteral(
        "<div style=\"font-family:sans-serif;max-width:32em;margin:4em auto;text-align:center\">"
        "<h1 style=\"font-weight:normal\">Webex Desk</h1>"
        "<p>Webex has answered. You can close this page and return to Webex Desk.</p></div>"));
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
