#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class DeviceSocketServer;
class QJsonObject;
class QTimer;
class QWebSocket;

/// One connection to a device's webSocketUrl, speaking Mercury as docs/LIVE-EVENTS.md
/// section 3 describes it: the authorization frame within a deadline (else close 1008), a bad
/// token closed with 4401, readiness (`mercury.buffer_state`) when the URL asked for
/// `bufferStates=true`, a uuid `id` and a `timestamp` on every frame it sends and a
/// `sequenceNumber` from 1 on all but pongs, a pong for each ping, acks counted.
/// Frames from the client that are not JSON, or not what it expects, are counted and ignored.
class DeviceSocket : public QObject
{
    Q_OBJECT
public:
    /// Takes the socket over. `deviceUuid` is the device of the URL; `owner` whose it is.
    DeviceSocket(std::unique_ptr<QWebSocket> socket, const QString &deviceUuid, int owner,
                 DeviceSocketServer &server);
    ~DeviceSocket() override;

    [[nodiscard]] QString deviceUuid() const { return m_deviceUuid; }
    /// The device's user, once the authorization frame was accepted; -1 before.
    [[nodiscard]] int person() const { return m_authorized ? m_owner : -1; }
    [[nodiscard]] bool isAuthorized() const { return m_authorized; }
    [[nodiscard]] bool isOpen() const;

    /// The event envelope (section 3.3) around one activity.
    void sendActivity(const QJsonObject &activity);
    /// Sends the readiness frame if it was asked for and held back so far.
    void sendReadinessIfDue();
    /// The TCP connection ends with no close frame (the client sees 1006).
    void abort();
    void close(int code, const QString &reason);
    /// The next numbered frame's sequenceNumber jumps by `count`.
    void skipSequence(int count) { m_pendingSkip += count; }
    /// As it is: no envelope, no sequence number.
    void sendRaw(const QByteArray &frame, bool binary);

signals:
    /// The connection is over; the server deletes this later.
    void finished();

private:
    void onMessage(const QByteArray &frame);
    void authorize(const QJsonObject &frame);
    void onPing(const QJsonObject &frame);
    void sendNumbered(QJsonObject frame);
    void send(const QJsonObject &frame);

    std::unique_ptr<QWebSocket> m_socket;
    QString m_deviceUuid;
    int m_owner;
    DeviceSocketServer &m_server;
    QTimer *m_authDeadline;
    bool m_authorized = false;
    bool m_readinessAsked = false;
    bool m_readinessDue = false;
    qint64 m_nextSequence = 1;
    int m_pendingSkip = 0;
};
