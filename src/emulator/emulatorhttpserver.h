#pragma once

#include "emulatorrequest.h"
#include "emulatorresponse.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

class QHttpServerResponder;
class QTcpServer;
class QTcpSocket;

/// The only place that knows QtHttpServer: turns its requests into EmulatorRequest values
/// and writes EmulatorResponse values back, optionally after a delay. QtHttpServer's
/// subclassing API changed between 6.4 (socket based) and 6.8 (responder based); the
/// version guards live here and nowhere else.
///
/// Some answers are written to the connection by hand, because QtHttpServer always sends the
/// Content-Length of what it writes: one cut off mid-body, the answer to a HEAD (the headers of
/// the GET, its Content-Length included, and no body) and a paced body.
class EmulatorHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<EmulatorResponse(const EmulatorRequest &)>;

    explicit EmulatorHttpServer(Handler handler, QObject *parent = nullptr);
    ~EmulatorHttpServer() override;

    /// Binds one loopback (or given) address; false when the port is taken.
    bool listenOn(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const;
    /// Unreachable: the port stops listening (a connection is refused, as by a host that is
    /// gone) and every open connection is cut; reachable again: the same port listens again.
    /// False when the port cannot be taken back.
    bool setUnreachable(bool unreachable);

    /// Delay before every response is written. A timer does the waiting, so the thread the
    /// server lives on keeps serving other requests meanwhile.
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    /// Answers not yet done with: waiting for their delay, cut off and waiting for the
    /// connection to close, or paced and not yet all written.
    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }

signals:
    void served(const QByteArray &method, const QUrl &url, int status);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#elif QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#endif

private:
    struct Pending;

    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void respondLater(std::unique_ptr<Pending> pending);
    // Writes the answer (whole, or cut off) and says it was served.
    void deliver(std::unique_ptr<Pending> pending);
    // The cutOffHalfway answer, written to the connection by hand: QtHttpServer always sends
    // the Content-Length of what it writes, and a broken connection is the point here.
    void writeCutOff(std::unique_ptr<Pending> pending);
    // A HEAD's answer: status and headers with the body's Content-Length, and no body.
    void writeHeadersOnly(std::unique_ptr<Pending> pending);
    // A paced answer: status and headers now, the body a chunk per tick of a timer.
    void writePaced(std::unique_ptr<Pending> pending);
    void writeNextChunk(quint64 id);
    // Keeps the pending answer until its connection is gone (then releases it).
    quint64 keepUntilDisconnected(std::unique_ptr<Pending> pending, QTcpSocket *socket);
    // Status line, headers and a Content-Length of the whole body, for writing by hand.
    [[nodiscard]] static QByteArray statusAndHeaders(const EmulatorResponse &response);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    [[nodiscard]] QTcpSocket *connectionOf(const QHttpServerRequest &request) const;
#endif
    static void write(QHttpServerResponder &responder, const EmulatorResponse &response);

    Handler m_handler;
    QPointer<QTcpServer> m_tcpServer;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::chrono::milliseconds m_latency{0};
    quint64 m_nextPendingId = 0;
    // Responders waiting for their delay, for a cut-off connection to close, or for the rest of
    // a paced body. Owned here (not by timer lambdas) so they are released before the sockets
    // when the server goes away; released when their connection goes (a client gave up).
    std::map<quint64, std::unique_ptr<Pending>> m_pending;
};
