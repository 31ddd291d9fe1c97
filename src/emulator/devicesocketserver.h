#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>
#include <functional>

class DeviceRegistry;
class DeviceSocket;
class FaultInjector;
class QJsonObject;
class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

/// The device sockets (Webex's Mercury) on a port of their own: refuses the upgrade of an
/// unknown device with HTTP 404, keeps the open connections (DeviceSocket), pushes each
/// activity to the live ones of the people who hear it, and carries out the socket knobs.
///
/// Why a QWebSocketServer on its own port and not QtHttpServer's upgrade on the REST port:
/// QtHttpServer 6.4 upgrades every request that asks for it, whatever the path, while 6.8
/// routes it through upgrade verifiers (and, with none, to missingHandler), so the two would
/// need two code paths, of which only 6.4's can be built here. Reading the request head
/// ourselves and handing the connection to QWebSocketServer::handleConnection works alike on
/// both, and lets an unknown device get the HTTP 404 on the upgrade that Webex answers
/// (docs/LIVE-EVENTS.md, sections 3.1 and 3.8) on 6.4 too, instead of an accepted socket closed
/// with 4404. Webex serves the socket from another host than the device service anyway.
class DeviceSocketServer : public QObject
{
    Q_OBJECT
public:
    /// Whose a valid access token is; -1 for an unknown or expired one.
    using TokenCheck = std::function<int(const QString &accessToken)>;

    DeviceSocketServer(const DeviceRegistry &devices, const FaultInjector &faults,
                       TokenCheck tokenCheck, QObject *parent = nullptr);
    ~DeviceSocketServer() override;

    bool listen(const QHostAddress &address);
    [[nodiscard]] quint16 port() const;
    /// ws://127.0.0.1:<port>/mercury/v1/apps/wx2/registrations/<device uuid>/messages
    [[nodiscard]] QString urlOf(const QString &deviceUuid) const;

    /// The authorization frame must come within this (Webex: 30 s).
    void setAuthTimeout(std::chrono::milliseconds timeout) { m_authTimeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds authTimeout() const { return m_authTimeout; }

    /// To every authorized socket of these people.
    void publish(const QList<int> &people, const QJsonObject &activity);

    // Knobs on the connections open now (FaultInjector holds the standing ones):
    /// Every connection ends with no close frame (the client sees 1006).
    void dropAll();
    void closeAll(int code, const QString &reason);
    /// Each open connection's next numbered frame jumps by `count`.
    void skipSequence(int count);
    /// Sends the readiness held back by FaultInjector::setReadinessHeld.
    void releaseReadiness();
    /// To every open connection, as it is.
    void sendRaw(const QByteArray &frame, bool binary);

    // Introspection for tests:
    [[nodiscard]] int connectionCount() const;
    /// Authorized and open; of one person, or of everyone for -1.
    [[nodiscard]] int liveCount(int person = -1) const;
    [[nodiscard]] int ackCount() const { return m_ackCount; }
    /// The `messageId`s of the acks received, oldest first (the last 10000).
    [[nodiscard]] QStringList ackedFrameIds() const { return m_ackedIds; }
    [[nodiscard]] int pingCount() const { return m_pingCount; }
    /// Client frames that were not JSON objects or not a frame type the server knows.
    [[nodiscard]] int invalidFrameCount() const { return m_invalidFrames; }
    /// Upgrades answered 404 (unknown device or path) or 400 (no request head).
    [[nodiscard]] int refusedUpgradeCount() const { return m_refusedUpgrades; }

    // For DeviceSocket:
    [[nodiscard]] const FaultInjector &faults() const { return m_faults; }
    [[nodiscard]] int personOfToken(const QString &token) const { return m_tokenCheck(token); }
    void countAck(const QString &frameId);
    void countPing() { ++m_pingCount; }
    void countInvalidFrame() { ++m_invalidFrames; }
    /// A connection was authorized: an older one to the same device is "replaced" (4000).
    void authorized(DeviceSocket *socket);

private:
    void onTcpConnection();
    /// Reads the upgrade request's head without taking it from the socket, then refuses it
    /// or hands the connection to QWebSocketServer.
    void examine(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, int status, const QByteArray &reasonPhrase);
    void onWebSocketConnection();
    void startStandingFaults(DeviceSocket *socket);

    const DeviceRegistry &m_devices;
    const FaultInjector &m_faults;
    TokenCheck m_tokenCheck;
    QTcpServer *m_tcpServer;
    QWebSocketServer *m_webSocketServer;
    std::chrono::milliseconds m_authTimeout{30000};
    QList<QPointer<DeviceSocket>> m_sockets;
    int m_ackCount = 0;
    QStringList m_ackedIds;
    int m_pingCount = 0;
    int m_invalidFrames = 0;
    int m_refusedUpgrades = 0;
};
