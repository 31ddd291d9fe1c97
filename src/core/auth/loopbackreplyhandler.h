#pragma once

#include <QOAuthHttpServerReplyHandler>
#include <QPointer>
#include <QUrl>

class ApiError;
class CallbackGate;

// Receives the OAuth redirect on the loopback interface only (RFC 8252 section 7.3).
//
// Qt 6.4's handler reports `http://127.0.0.1:<port>/<path>` as its callback, which Webex
// rejects because it compares the registered redirect URI literally; and it swallows token
// endpoint errors. This subclass answers with the registered URI exactly and reports those
// errors as values.
class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler
{
    Q_OBJECT

public:
    // Starts listening on 127.0.0.1 at the redirect URI's port at once; check
    // acceptsCallbacks().
    explicit LoopbackReplyHandler(const QUrl &redirectUri, QObject *parent = nullptr);

    // Whether the registered port is open for the redirect (QOAuthHttpServerReplyHandler's
    // isListening() and close() are not virtual, hence these names).
    [[nodiscard]] bool acceptsCallbacks() const;
    void stopListening();

    // The redirect URI exactly as registered with the Webex Integration.
    [[nodiscard]] QString callback() const override;

    void networkReplyFinished(QNetworkReply *reply) override;

signals:
    // The token endpoint answered with an HTTP or network error.
    void tokenRequestFailed(const ApiError &error);

private:
    QUrl m_redirectUri;
    QPointer<CallbackGate> m_gate; // Qt < 6.8 only: exact path matching in front of Qt's listener
};
