#include "callbackgate.h"

#include "logging.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace {
// A browser's GET for the callback is a few hundred bytes; anything far larger is not one.
constexpr qsizetype MaxHeadBytes = 16 * 1024;
// A client that opens a connection and says nothing must not hold it forever.
constexpr int HeadTimeoutMs = 10000;
} // namespace

CallbackGate::CallbackGate(QString exactPath, quint16 innerPort, QObject *parent)
    : QTcpServer(parent), m_exactPath(std::move(exactPath)), m_innerPort(innerPort)
{}

bool CallbackGate::isCallbackRequest(const QByteArray &head, const QString &exactPath)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QList<QByteArray> parts = head.left(lineEnd).split(' ');
    if (parts.size() != 3 || parts.at(0) != "GET" || !parts.at(2).startsWith("HTTP/1."))
        return false;
    const QByteArray target = parts.at(1);
    const qsizetype query = target.indexOf('?');
    const QByteArray path = query < 0 ? target : target.left(query);
    // Compared decoded, as Qt would: `%2F` spelled out must not slip past as another path.
    return QUrl::fromPercentEncoding(path) == exactPath;
}

void CallbackGate::incomingConnection(qintptr handle)
{
    auto *client = new QTcpSocket(this);
    if (!client->setSocketDescriptor(handle)) {
        delete client;
        return;
    }
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QTcpSocket::readyRead, this, [this, client] { onClientData(client); });
    QTimer::singleShot(HeadTimeoutMs, client, [client] {
        if (client->property("forwarded").toBool())
            return;
        client->abort();
        client->deleteLater();
    });
}

void CallbackGate::onClientData(QTcpSocket *client)
{
    if (client->property("forwarded").toBool())
        return;
    const QByteArray head = client->peek(MaxHeadBytes + 1);
    if (!head.contains("\r\n\r\n")) {
        if (head.size() > MaxHeadBytes)
            refuse(client, "431 Request Header Fields Too Large");
        return; // wait for the rest of the head
    }
    if (!isCallbackRequest(head, m_exactPath)) {
        qCInfo(lcAuth) << "refused a request to the callback port that is not the callback";
        refuse(client, "404 Not Found");
        return;
    }
    forward(client, client->readAll());
}

void CallbackGate::forward(QTcpSocket *client, const QByteArray &head)
{
    client->setProperty("forwarded", true);
    auto *inner = new QTcpSocket(client);
    const QPointer<QTcpSocket> guardedClient(client);
    connect(inner, &QTcpSocket::connected, inner, [inner, head] { inner->write(head); });
    connect(inner, &QTcpSocket::readyRead, inner, [inner, guardedClient] {
        if (guardedClient)
            guardedClient->write(inner->readAll());
    });
    // Qt's listener answers and closes (HTTP/1.0 style); pass the close on once written.
    const auto finish = [inner, guardedClient] {
        if (!guardedClient)
            return;
        guardedClient->write(inner->readAll());
        guardedClient->disconnectFromHost();
    };
    connect(inner, &QTcpSocket::disconnected, inner, finish);
    connect(inner, &QTcpSocket::errorOccurred, inner, finish);
    inner->connectToHost(QHostAddress::LocalHost, m_innerPort);
}

void CallbackGate::refuse(QTcpSocket *client, const QByteArray &status)
{
    static const QByteArray page =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Webex Desk</title></head>"
        "<body style=\"font-family:sans-serif;text-align:center;margin-top:4em\">"
        "<p>This address is not the Webex Desk sign-in page.</p></body></html>";
    client->write("HTTP/1.1 " + status +
                  "\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                  "Content-Length: " +
                  QByteArray::number(page.size()) + "\r\n\r\n" + page);
    client->disconnectFromHost();
}
