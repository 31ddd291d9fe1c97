#include "emulatorhttpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

struct EmulatorHttpServer::Pending
{
    explicit Pending(QHttpServerResponder &&r) : responder(std::move(r)) {}
    Pending(const Pending &) = delete;
    Pending &operator=(const Pending &) = delete;
    ~Pending()
    {
        for (const QMetaObject::Connection &connection : watches)
            QObject::disconnect(connection);
        // Maybe from inside the timer's own timeout: later, not now.
        if (paceTimer) {
            paceTimer->stop();
            paceTimer->deleteLater();
        }
    }

    QHttpServerResponder responder;
    EmulatorResponse response;
    QByteArray method;
    QUrl url;
    // The connection, for an answer cut off by hand (on 6.4 for every answer: its responder
    // keeps a raw socket pointer, and a client that gave up during the delay leaves it
    // dangling, so remember whether the socket still exists).
    QPointer<QTcpSocket> socket;
    // Paced answers: the timer of the chunks and how much of the body is out.
    QPointer<QTimer> paceTimer;
    qint64 sent = 0;
    // Connections to the socket's signals that release this answer.
    QList<QMetaObject::Connection> watches;
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return {};
    }
}

} // namespace

EmulatorHttpServer::EmulatorHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{}

EmulatorHttpServer::~EmulatorHttpServer()
{
    m_pending.clear();
}

bool EmulatorHttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    if (m_tcpServer)
        return false;
    // Listening on our own QTcpServer and binding it works on 6.4 and 6.8 alike (6.8
    // dropped QAbstractHttpServer::listen()), and lets us report a failed bind.
    auto *tcpServer = new QTcpServer(this);
    if (!tcpServer->listen(address, port)) {
        delete tcpServer;
        return false;
    }
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    bind(tcpServer);
#else
    if (!bind(tcpServer)) {
        delete tcpServer;
        return false;
    }
#endif
    m_tcpServer = tcpServer;
    m_address = address;
    m_port = tcpServer->serverPort();
    return true;
}

bool EmulatorHttpServer::setUnreachable(bool unreachable)
{
    if (!m_tcpServer)
        return false;
    if (!unreachable)
        return m_tcpServer->isListening() || m_tcpServer->listen(m_address, m_port);
    m_tcpServer->close();
    // Accepted connections are the server's children: cut, so kept-alive ones fail too.
    const QList<QTcpSocket *> connections = m_tcpServer->findChildren<QTcpSocket *>();
    for (QTcpSocket *connection : connections)
        connection->abort();
    return true;
}

quint16 EmulatorHttpServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool EmulatorHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    dispatch(request, makeResponder(request, socket));
    return true;
}

void EmulatorHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *) {}
#elif QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
bool EmulatorHttpServer::handleRequest(const QHttpServerRequest &request,
                                       QHttpServerResponder &responder)
{
    dispatch(request, std::move(responder));
    return true;
}

void EmulatorHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&) {}
#else
bool EmulatorHttpServer::handleRequest(const QHttpServerRequest &request,
                                       QHttpServerResponder &responder)
{
    dispatch(request, std::move(responder));
    return true;
}

void EmulatorHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &) {}
#endif

void EmulatorHttpServer::dispatch(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    EmulatorRequest value;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        value.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        value.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        value.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        value.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Head:
        value.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Patch:
        value.method = "PATCH";
        break;
    case QHttpServerRequest::Method::Options:
        value.method = "OPTIONS";
        break;
    default:
        value.method = "UNKNOWN";
        break;
    }
    value.url = request.url();
    value.query = EmulatorRequest::parseForm(value.url.query(QUrl::FullyEncoded).toLatin1());
    value.body = request.body();
    value.authorization = request.value(QByteArrayLiteral("authorization"));
    value.contentType = request.value(QByteArrayLiteral("content-type"));

    auto pending = std::make_unique<Pending>(std::move(responder));
    pending->response = m_handler(value);
    pending->method = value.method;
    pending->url = value.url;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    pending->socket = pending->responder.socket();
#else
    if (pending->response.cutOffHalfway || value.method == "HEAD" || pending->response.paced())
        pending->socket = connectionOf(request);
#endif
    if (m_latency.count() <= 0) {
        deliver(std::move(pending));
        return;
    }
    respondLater(std::move(pending));
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
QTcpSocket *EmulatorHttpServer::connectionOf(const QHttpServerRequest &request) const
{
    // Since 6.5 QtHttpServer hands out no socket. Every connection's socket is a descendant of
    // this server (a child of our QTcpServer, or of QtHttpServer's per-connection object), and
    // the client's port tells them apart.
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->peerPort() == request.remotePort() &&
            socket->peerAddress() == request.remoteAddress())
            return socket;
    }
    return nullptr;
}
#endif

void EmulatorHttpServer::deliver(std::unique_ptr<Pending> pending)
{
    const QByteArray method = pending->method;
    const QUrl url = pending->url;
    const int status = pending->response.status;
    if (pending->response.cutOffHalfway)
        writeCutOff(std::move(pending));
    else if (method == "HEAD")
        writeHeadersOnly(std::move(pending));
    else if (pending->response.paced())
        writePaced(std::move(pending));
    else
        write(pending->responder, pending->response);
    emit served(method, url, status);
}

QByteArray EmulatorHttpServer::statusAndHeaders(const EmulatorResponse &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    return head;
}

quint64 EmulatorHttpServer::keepUntilDisconnected(std::unique_ptr<Pending> pending,
                                                  QTcpSocket *socket)
{
    const quint64 id = ++m_nextPendingId;
    const auto release = [this, id] { m_pending.erase(id); };
    pending->watches.append(connect(socket, &QAbstractSocket::disconnected, this, release));
    pending->watches.append(connect(socket, &QObject::destroyed, this, release));
    m_pending.emplace(id, std::move(pending));
    return id;
}

void EmulatorHttpServer::writeHeadersOnly(std::unique_ptr<Pending> pending)
{
    QTcpSocket *socket = pending->socket;
    if (!socket) {
        qWarning("webex-emulator: the connection of a HEAD was not found; answering in full");
        write(pending->responder, pending->response);
        return;
    }
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up already
    socket->write(statusAndHeaders(pending->response));
    // The responder goes with `pending`: QtHttpServer reads the connection's next request.
}

void EmulatorHttpServer::writePaced(std::unique_ptr<Pending> pending)
{
    QTcpSocket *socket = pending->socket;
    if (!socket) {
        qWarning("webex-emulator: the connection of a paced answer was not found; answering in "
                 "full");
        write(pending->responder, pending->response);
        return;
    }
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(statusAndHeaders(pending->response));
    auto *timer = new QTimer(this);
    timer->setInterval(pending->response.pace.interval);
    pending->paceTimer = timer;
    // Until the whole body is out; a client that gives up mid-body releases it at once.
    const quint64 id = keepUntilDisconnected(std::move(pending), socket);
    connect(timer, &QTimer::timeout, this, [this, id] { writeNextChunk(id); });
    timer->start();
}

void EmulatorHttpServer::writeNextChunk(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &paced = *it->second;
    if (!paced.socket || paced.socket->state() != QAbstractSocket::ConnectedState) {
        m_pending.erase(it);
        return;
    }
    const QByteArray &body = paced.response.body;
    const qint64 size =
        std::min<qint64>(paced.response.pace.bytesPerChunk, body.size() - paced.sent);
    paced.socket->write(body.constData() + paced.sent, size);
    paced.sent += size;
    // All of it written (the socket sends what it buffers): releasing the responder lets
    // QtHttpServer read the connection's next request.
    if (paced.sent >= body.size())
        m_pending.erase(it);
}

void EmulatorHttpServer::writeCutOff(std::unique_ptr<Pending> pending)
{
    QTcpSocket *socket = pending->socket;
    if (!socket) {
        qWarning("webex-emulator: the connection to cut off was not found; answering in full");
        write(pending->responder, pending->response);
        return;
    }
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up already
    const EmulatorResponse &response = pending->response;
    socket->write(statusAndHeaders(response) + response.body.left(response.body.size() / 2));
    // Closes once the bytes are out (not abort(), which would drop them).
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        return;
    // The responder stays until the connection is gone: released earlier, QtHttpServer would
    // take the connection back to read the next request from it.
    keepUntilDisconnected(std::move(pending), socket);
}

void EmulatorHttpServer::respondLater(std::unique_ptr<Pending> pending)
{
    const quint64 id = ++m_nextPendingId;
    m_pending.emplace(id, std::move(pending));
    QTimer::singleShot(m_latency, this, [this, id] {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        std::unique_ptr<Pending> ready = std::move(it->second);
        m_pending.erase(it);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        if (!ready->socket || ready->socket->state() != QAbstractSocket::ConnectedState)
            return;
#endif
        deliver(std::move(ready));
    });
}

void EmulatorHttpServer::write(QHttpServerResponder &responder, const EmulatorResponse &response)
{
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // The initializer-list overloads cannot take a header list built at run time.
    responder.writeStatusLine(status);
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"),
                          QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
#else
    QHttpHeaders headers;
    for (const auto &header : response.headers)
        headers.append(header.first, header.second);
    responder.write(response.body, headers, status);
#endif
}
