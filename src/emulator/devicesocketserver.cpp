#include "devicesocketserver.h"

#include "deviceregistry.h"
#include "devicesocket.h"
#include "emulatorresponse.h"
#include "faultinjector.h"
#include "webexids.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

// An upgrade request's head is a few hundred bytes; more is not a client of ours.
constexpr qsizetype kMaxRequestHead = 16 * 1024;
constexpr std::chrono::seconds kHeadDeadline{10};
constexpr qsizetype kMaxAckedIds = 10000;

QString deviceOfPath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/mercury/v1/apps/wx2/registrations/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
        "[0-9a-f]{12})/messages$"));
    const QRegularExpressionMatch match = pattern.match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

DeviceSocketServer::DeviceSocketServer(const DeviceRegistry &devices, const FaultInjector &faults,
                                       TokenCheck tokenCheck, QObject *parent)
    : QObject(parent), m_devices(devices), m_faults(faults), m_tokenCheck(std::move(tokenCheck)),
      m_tcpServer(new QTcpServer(this)),
      m_webSocketServer(new QWebSocketServer(QStringLiteral("webex-emulator"),
                                             QWebSocketServer::NonSecureMode, this))
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &DeviceSocketServer::onTcpConnection);
    connect(m_webSocketServer, &QWebSocketServer::newConnection, this,
            &DeviceSocketServer::onWebSocketConnection);
}

DeviceSocketServer::~DeviceSocketServer()
{
    // Before the servers: a DeviceSocket's QWebSocket must not outlive its own deletion.
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets)
        delete socket.data();
}

bool DeviceSocketServer::listen(const QHostAddress &address)
{
    return m_tcpServer->listen(address, 0);
}

quint16 DeviceSocketServer::port() const
{
    return m_tcpServer->serverPort();
}

QString DeviceSocketServer::urlOf(const QString &deviceUuid) const
{
    return QStringLiteral("ws://127.0.0.1:%1/mercury/v1/apps/wx2/registrations/%2/messages")
        .arg(port())
        .arg(deviceUuid);
}

void DeviceSocketServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        auto *deadline = new QTimer(socket);
        deadline->setObjectName(QStringLiteral("headDeadline"));
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, &QAbstractSocket::abort);
        deadline->start(kHeadDeadline);
        connect(socket, &QIODevice::readyRead, this, [this, socket] { examine(socket); });
        if (socket->bytesAvailable() > 0)
            examine(socket);
    }
}

void DeviceSocketServer::examine(QTcpSocket *socket)
{
    // peek(), not read(): QWebSocketServer reads the same head again.
    const QByteArray head = socket->peek(kMaxRequestHead + 1);
    if (head.indexOf("\r\n\r\n") < 0) {
        if (head.size() > kMaxRequestHead)
            refuse(socket, 431, "Request Header Fields Too Large");
        return;
    }
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        refuse(socket, 400, "Bad Request");
        return;
    }
    const QString uuid = deviceOfPath(QUrl::fromEncoded(requestLine.at(1)).path());
    if (uuid.isEmpty() || !m_devices.find(uuid)) {
        // A device Webex does not know (any more): 404 on the upgrade (section 3.1).
        refuse(socket, 404, "Not Found");
        return;
    }
    socket->disconnect(this);
    disconnect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    delete socket->findChild<QTimer *>(QStringLiteral("headDeadline"));
    m_webSocketServer->handleConnection(socket);
}

void DeviceSocketServer::refuse(QTcpSocket *socket, int status, const QByteArray &reasonPhrase)
{
    ++m_refusedUpgrades;
    socket->disconnect(this);
    const QString trackingId = WebexIds::trackingId();
    const QByteArray body =
        EmulatorResponse::webexError(status,
                                     status == 404
                                         ? QStringLiteral("The requested resource could not be "
                                                          "found.")
                                         : QStringLiteral("The request could not be understood."),
                                     trackingId)
            .body;
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase +
                  "\r\nContent-Type: application/json;charset=UTF-8\r\ntrackingid: " +
                  trackingId.toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                  "\r\nConnection: close\r\n\r\n" + body);
    // Closes once the bytes are out.
    socket->disconnectFromHost();
}

void DeviceSocketServer::onWebSocketConnection()
{
    while (m_webSocketServer->hasPendingConnections()) {
        std::unique_ptr<QWebSocket> webSocket(m_webSocketServer->nextPendingConnection());
        // Owned by the DeviceSocket alone, not by the server it came from as well.
        webSocket->setParent(nullptr);
        const QString uuid = deviceOfPath(webSocket->requestUrl().path());
        const DeviceRegistry::Device *device = m_devices.find(uuid);
        auto *socket =
            new DeviceSocket(std::move(webSocket), uuid, device ? device->person : -1, *this);
        socket->setParent(this);
        m_sockets.append(socket);
        connect(socket, &DeviceSocket::finished, this, [this, socket] {
            m_sockets.removeAll(socket);
            socket->deleteLater();
        });
        if (!device) {
            // Forgotten between the head and the handshake: the close of section 3.8.
            socket->close(4404, QStringLiteral("device not found"));
            continue;
        }
        startStandingFaults(socket);
    }
}

void DeviceSocketServer::startStandingFaults(DeviceSocket *socket)
{
    if (m_faults.dropSocketsAfter().count() > 0)
        QTimer::singleShot(m_faults.dropSocketsAfter(), socket, &DeviceSocket::abort);
    if (m_faults.closeSocketsAfter().count() > 0) {
        const int code = m_faults.closeCode();
        const QString reason = m_faults.closeReason();
        QTimer::singleShot(m_faults.closeSocketsAfter(), socket,
                           [socket, code, reason] { socket->close(code, reason); });
    }
}

void DeviceSocketServer::authorized(DeviceSocket *socket)
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &other : sockets) {
        if (other && other != socket && other->isAuthorized() &&
            other->deviceUuid() == socket->deviceUuid())
            other->close(4000, QStringLiteral("replaced"));
    }
}

void DeviceSocketServer::publish(const QList<int> &people, const QJsonObject &activity)
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets) {
        if (socket && socket->isAuthorized() && socket->isOpen() &&
            people.contains(socket->person()))
            socket->sendActivity(activity);
    }
}

void DeviceSocketServer::dropAll()
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets) {
        if (socket)
            socket->abort();
    }
}

void DeviceSocketServer::closeAll(int code, const QString &reason)
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets) {
        if (socket)
            socket->close(code, reason);
    }
}

void DeviceSocketServer::skipSequence(int count)
{
    for (const QPointer<DeviceSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->skipSequence(count);
    }
}

void DeviceSocketServer::releaseReadiness()
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets) {
        if (socket)
            socket->sendReadinessIfDue();
    }
}

void DeviceSocketServer::sendRaw(const QByteArray &frame, bool binary)
{
    const QList<QPointer<DeviceSocket>> sockets = m_sockets;
    for (const QPointer<DeviceSocket> &socket : sockets) {
        if (socket)
            socket->sendRaw(frame, binary);
    }
}

int DeviceSocketServer::connectionCount() const
{
    int count = 0;
    for (const QPointer<DeviceSocket> &socket : m_sockets)
        count += socket && socket->isOpen() ? 1 : 0;
    return count;
}

int DeviceSocketServer::liveCount(int person) const
{
    int count = 0;
    for (const QPointer<DeviceSocket> &socket : m_sockets) {
        if (socket && socket->isOpen() && socket->isAuthorized() &&
            (person < 0 || socket->person() == person))
            ++count;
    }
    return count;
}

void DeviceSocketServer::countAck(const QString &frameId)
{
    ++m_ackCount;
    m_ackedIds.append(frameId.left(128));
    if (m_ackedIds.size() > kMaxAckedIds)
        m_ackedIds.removeFirst();
}
