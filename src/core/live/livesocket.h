#pragma once

#include "live/activityevent.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

class QWebSocket;

// One connection to Webex's device socket (docs/LIVE-EVENTS.md, section 3), on one QWebSocket:
// opens the device's webSocketUrl with Webex's query parameters, sends the authorization frame,
// waits for readiness, acks every frame that has an id (before handling it), pings 15 s after
// each pong and gives each pong 14 s, watches sequence numbers, and turns how the connection
// ended into one Outcome. Knows nothing of REST: LiveSession decides what an Outcome leads to.
//
// Never logs the token or the authorization frame; frames are logged by size, never content.
// Every open() ends in exactly one ended(), unless another open() replaces it first.
class LiveSocket : public QObject
{
    Q_OBJECT

public:
    // How a connection ended, as far as what comes next is concerned (section 3.7).
    enum class Outcome {
        Transient,     ///< a drop, a server close, no pong, no readiness: reconnect with backoff
        TokenRejected, ///< 4401 or 1008 ("authentication failed"): a fresh token, then again
        DeviceGone,    ///< HTTP 404 on the upgrade, 4404 or 1005 before readiness: re-register
        Replaced,      ///< 4000 "replaced": another connection took over; do not reconnect
        Refused,       ///< 4400, 4403: live events are not for this account; do not reconnect
        Draining,      ///< a "shutdown" frame: the server drains this node; reconnect at once
        Closed,        ///< close() was called
    };
    Q_ENUM(Outcome)

    // The SDK's numbers (section 3.5); tests make them short.
    struct Timing
    {
        int readinessTimeoutMs = 15000; ///< from open() to readiness, connecting included
        int pingIntervalMs = 15000;     ///< from each pong to the next ping
        int pongTimeoutMs = 14000;      ///< from each ping to its pong
        int closeTimeoutMs = 2000;      ///< how long our close frame may take before an abort
    };

    explicit LiveSocket(QObject *parent = nullptr);
    ~LiveSocket() override;

    void setTiming(const Timing &timing) { m_timing = timing; }
    [[nodiscard]] Timing timing() const { return m_timing; }

    // Connects to `webSocketUrl` (wss, or ws on loopback: DeviceInfo checked it) and authorizes
    // with `accessToken`, which is held only until the authorization frame is sent. A
    // connection already open is dropped without a signal.
    void open(const QUrl &webSocketUrl, const QString &accessToken);
    // Closes with 1000 "Done" and emits ended(Closed) at once. Nothing when nothing is open.
    void close();
    [[nodiscard]] bool isOpen() const { return m_socket != nullptr; }
    [[nodiscard]] bool isLive() const { return m_live; }

    // webSocketUrl with outboundWireFormat=text, bufferStates=true, aliasHttpStatus=true and
    // clientTimestamp=<ms> (section 3.1); the URL's own query is kept, ours replace same names.
    [[nodiscard]] static QUrl connectionUrl(const QUrl &webSocketUrl, qint64 clientTimestampMs);
    // The close-code tables of section 3.7 (both of them: before and after readiness), after
    // the SDK's repair of codes that browsers lose (a 1005 whose reason says what it was).
    [[nodiscard]] static Outcome outcomeOf(int closeCode, const QString &reason, bool wasLive);

signals:
    // Readiness came: from now on frames are events.
    void live();
    // Every activity of a kind the app acts on (not Ignored), after readiness.
    void activity(const ActivityEvent &event);
    // A sequence number higher than expected (section 3.4): something was missed.
    void sequenceGap(qint64 expected, qint64 actual);
    // The connection is over; `reason` is the server's close reason or ours, for the log and,
    // for Refused, for the person (plain text, at most 123 bytes as the protocol allows).
    void ended(LiveSocket::Outcome outcome, const QString &reason);

private:
    void onConnected();
    void onMessage(const QByteArray &bytes);
    void onDisconnected();
    void onSocketError(int error);
    void sendFrame(const QByteArray &json);
    void sendPing();
    // Ends the connection: stops the timers, lets go of the socket (aborting it unless it
    // closed already), and emits ended once.
    void finish(Outcome outcome, const QString &reason, bool abort);
    // Drops the QWebSocket without signals, after a close frame if one is on its way.
    void retire(bool abort);

    Timing m_timing;
    QWebSocket *m_socket = nullptr;
    quint64 m_generation = 0; // changes at every open(), so a stale callback knows it is stale
    QString m_accessToken;
    bool m_live = false;
    bool m_closeFrameSeen = false;
    bool m_upgradeNotFound = false; // the server answered the upgrade with HTTP 404
    QString m_lastErrorString;
    std::optional<qint64> m_expectedSequence;
    QString m_pendingPing;
    QTimer m_readinessTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    qint64 m_framesReceived = 0; // on this connection, to say which frame was dropped
    QSet<QString> m_loggedEventTypes;
    QSet<QString> m_loggedVerbs;
};
