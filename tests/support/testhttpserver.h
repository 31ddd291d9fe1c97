#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

// A deliberately tiny HTTP/1.1 server on 127.0.0.1 for the client's tests (and the app's tests
// of what Webex could send but the emulator does not): it records every request (with its
// arrival time) and answers from a handler. One request per connection ("Connection: close"),
// no chunking, no TLS: just enough to see what the client sends.
// Not the emulator, on purpose: these tests pin the client's behaviour on the wire by themselves.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;                       // as sent (Content-Length bytes)
        qint64 arrivalNs = 0;                  // since the server was created

        [[nodiscard]] QUrl url() const { return QUrl::fromEncoded(target); }
        [[nodiscard]] QByteArray header(const QByteArray &name) const
        {
            return headers.value(name.toLower());
        }
        [[nodiscard]] bool hasHeader(const QByteArray &name) const
        {
            return headers.contains(name.toLower());
        }
    };

    struct Response
    {
        int status = 200; // 0: never answer (for timeouts)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        // Faults. cutBodyAfter >= 0: Content-Length announces the whole body, but only this
        // many bytes of it are sent before the connection closes (an answer cut off).
        // closeAtOnce: the connection closes without a byte of answer (a reset).
        qsizetype cutBodyAfter = -1;
        bool closeAtOnce = false;
        // Written this long after the request came (an answer that is on its way a while).
        int delayMs = 0;

        static Response json(int status, const QByteArray &body)
        {
            Response r;
            r.status = status;
            r.body = body;
            r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            return r;
        }
        Response &withHeader(const QByteArray &name, const QByteArray &value)
        {
            headers.append(qMakePair(name, value));
            return *this;
        }
        Response &after(int milliseconds)
        {
            delayMs = milliseconds;
            return *this;
        }
        Response &cutOffAfter(qsizetype bytes)
        {
            cutBodyAfter = bytes;
            return *this;
        }
        static Response reset()
        {
            Response r;
            r.closeAtOnce = true;
            return r;
        }
    };

    using Handler = std::function<Response(const Request &)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    [[nodiscard]] bool listen();
    // On a given port, e.g. to come back where a client was refused before.
    [[nodiscard]] bool listen(quint16 port);
    void close(); // stop listening: connections to the port are refused
    [[nodiscard]] quint16 port() const;
    // http://127.0.0.1:<port><path>
    [[nodiscard]] QUrl url(const QString &pathAndQuery) const;
    [[nodiscard]] QByteArray origin() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

signals:
    void requestReceived();

private:
    void onReadyRead(QTcpSocket *socket);
    // Writes `response` and closes the connection.
    void answer(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server = nullptr;
    QElapsedTimer m_clock;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
