#include "emulatorhttpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

struct EmulatorHttpServer::Pending
{
    explicit Pending(QHttpServerResponder &&r) : responder(std::move(r)) {}

    QHttpServerResponder responder;
    EmulatorResponse response;
    QByteArray method;
    QUrl url;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // 6.4's responder keeps a raw socket pointer; a client that gave up during the delay
    // leaves it dangling, so remember whether the socket still exists.
    QPointer<QTcpSocket> socket;
#endif
};

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
#endif
    if (m_latency.count() <= 0) {
        write(pending->responder, pending->response);
        emit served(pending->method, pending->url, pending->response.status);
        return;
    }
    respondLater(std::move(pending));
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
        write(ready->responder, ready->response);
        emit served(ready->method, ready->url, ready->response.status);
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
