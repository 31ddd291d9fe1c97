#include "fakemercury.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

FakeMercury::FakeMercury(QObject *parent)
    : QObject(parent), m_server(new QWebSocketServer(QStringLiteral("fake mercury"),
                                                     QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeMercury::onNewConnection);
}

FakeMercury::~FakeMercury()
{
    m_server->close();
}

bool FakeMercury::listen()
{
    return m_server->listen(QHostAddress::LocalHost);
}

QUrl FakeMercury::base() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/mercury").arg(m_server->serverPort()));
}

QUrl FakeMercury::url(const QString &id) const
{
    QUrl url = base();
    url.setPath(url.path() + QLatin1Char('/') + id + QStringLiteral("/messages"));
    return url;
}

void FakeMercury::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        requestUrls.append(socket->requestUrl());
        userAgents.append(socket->request().rawHeader("User-Agent"));
        const QStringList parts = socket->requestUrl().path().split(QLatin1Char('/'));
        if (parts.size() >= 3 && unknownDevices.contains(parts.at(2))) {
            socket->close(QWebSocketProtocol::CloseCode(4404), QStringLiteral("unknown device"));
            continue;
        }
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onMessage(socket, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_sockets.removeAll(socket);
            m_readiness.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeMercury::onMessage(QWebSocket *socket, const QString &message)
{
    const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("authorization")) {
        const QString token =
            frame.value(QLatin1String("data")).toObject().value(QLatin1String("token")).toString();
        authorizations.append(token);
        if (token != QStringLiteral("Bearer ") + acceptedToken) {
            socket->close(QWebSocketProtocol::CloseCode(4401), QStringLiteral("Unauthorized"));
            return;
        }
        m_sockets.append(socket);
        emit authorized();
        const QUrlQuery query(socket->requestUrl());
        if (sendReadiness &&
            query.queryItemValue(QStringLiteral("bufferStates")) == QLatin1String("true")) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            sentIds.append(id);
            const QJsonObject ready{
                {QStringLiteral("id"), id},
                {QStringLiteral("data"),
                 QJsonObject{{QStringLiteral("eventType"), QStringLiteral("mercury.buffer_state")},
                             {QStringLiteral("bufferState"), QJsonObject()}}},
                {QStringLiteral("sequenceNumber"), m_sequence++},
            };
            socket->sendTextMessage(QString::fromUtf8(QJsonDocument(ready).toJson()));
        }
        return;
    }
    if (type == QLatin1String("ack")) {
        const QString id = frame.value(QLatin1String("messageId")).toString();
        acks.append(id);
        emit acked(id);
        return;
    }
    if (type == QLatin1String("ping")) {
        const QString id = frame.value(QLatin1String("id")).toString();
        pings.append(id);
        emit pinged();
        if (answerPings) {
            const QString answer = answerPingsWithWrongId ? QStringLiteral("wrong") : id;
            socket->sendTextMessage(
                QStringLiteral("{\"id\":\"%1\",\"type\":\"pong\"}").arg(answer));
        }
        return;
    }
    unknownFrames.append(frame);
}

void FakeMercury::send(QJsonObject frame, bool numbered)
{
    if (numbered) {
        if (!frame.contains(QLatin1String("id")))
            frame.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        frame.insert(QStringLiteral("sequenceNumber"), m_sequence++);
    }
    sentIds.append(frame.value(QLatin1String("id")).toString());
    sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

void FakeMercury::sendRaw(const QByteArray &bytes)
{
    for (QWebSocket *socket : std::as_const(m_sockets))
        socket->sendTextMessage(QString::fromUtf8(bytes));
}

void FakeMercury::sendBinary(const QByteArray &bytes)
{
    for (QWebSocket *socket : std::as_const(m_sockets))
        socket->sendBinaryMessage(bytes);
}

void FakeMercury::closeAll(int code, const QString &reason)
{
    const QList<QWebSocket *> sockets = m_sockets;
    for (QWebSocket *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void FakeMercury::dropAll()
{
    const QList<QWebSocket *> sockets = m_sockets;
    for (QWebSocket *socket : sockets)
        socket->abort();
}
