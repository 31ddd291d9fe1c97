#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QWebSocket;
class QWebSocketServer;

// A small stand-in for Webex's device socket (docs/LIVE-EVENTS.md section 3) on a
// QWebSocketServer, for the live layer's unit tests: it checks the authorization frame, sends
// readiness when asked for it, answers pings, numbers its frames, records acks, and has the
// faults the tests need (no pongs, skipped numbers, closes with any code, dropped connections).
// Not the emulator, on purpose: these tests pin the client's behaviour by themselves.
class FakeMercury : public QObject
{
    Q_OBJECT

public:
    explicit FakeMercury(QObject *parent = nullptr);
    ~FakeMercury() override;

    [[nodiscard]] bool listen();
    // ws://127.0.0.1:<port>/mercury/<id>/messages
    [[nodiscard]] QUrl url(const QString &id = QStringLiteral("d-1")) const;
    [[nodiscard]] QUrl base() const; // ws://127.0.0.1:<port>/mercury

    QString acceptedToken = QStringLiteral("test-token");
    // Device ids whose socket is refused at once with 4404 (the emulator's way on Qt 6.4).
    QStringList unknownDevices;
    bool sendReadiness = true; ///< after a good authorization, when bufferStates=true was asked
    bool answerPings = true;
    bool answerPingsWithWrongId = false;

    // Sends a frame to every authorized connection; with `numbered`, the next sequenceNumber
    // (and an id) is added.
    void send(QJsonObject frame, bool numbered = true);
    void sendRaw(const QByteArray &bytes);
    void sendBinary(const QByteArray &bytes);
    // The next numbered frame's sequenceNumber jumps by n.
    void skipSequence(int n) { m_sequence += n; }
    void closeAll(int code, const QString &reason);
    void dropAll(); // abort: no close frame (the client sees 1006)

    [[nodiscard]] int connectionCount() const { return int(m_sockets.size()); }
    // What came in, in order.
    QList<QUrl> requestUrls;
    QList<QByteArray> userAgents;
    QStringList authorizations; ///< the tokens of the authorization frames
    QStringList acks;           ///< the messageIds acked
    QStringList pings;          ///< the ids of the pings
    QStringList sentIds;        ///< the ids of the frames sent, in order
    QList<QJsonObject> unknownFrames;

signals:
    void authorized();
    void acked(const QString &messageId);
    void pinged();

private:
    void onNewConnection();
    void onMessage(QWebSocket *socket, const QString &message);

    QWebSocketServer *m_server;
    QList<QWebSocket *> m_sockets;   // authorized connections
    QList<QWebSocket *> m_readiness; // those that asked for readiness
    qint64 m_sequence = 1;
};
