#include "selfsignedhttpsserver.h"

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

SelfSignedHttpsServer::SelfSignedHttpsServer(QObject *parent) : QTcpServer(parent) {}

bool SelfSignedHttpsServer::start()
{
    if (!QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("Qt has no TLS backend here");
        return false;
    }
    if (!generateCertificate())
        return false;
    if (!listen(QHostAddress::LocalHost, 0)) {
        m_error = errorString();
        return false;
    }
    return true;
}

bool SelfSignedHttpsServer::generateCertificate()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    const QString certificatePath = m_dir.filePath(QStringLiteral("certificate.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   keyPath, QStringLiteral("-out"), certificatePath, QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        m_error =
            QStringLiteral("openssl req failed: %1 %2")
                .arg(openssl.errorString(), QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    QFile keyFile(keyPath);
    QFile certificateFile(certificatePath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certificateFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("openssl wrote no key or certificate");
        return false;
    }
    m_key = QSslKey(&keyFile, QSsl::Rsa);
    m_certificate = QSslCertificate(&certificateFile);
    if (m_key.isNull() || m_certificate.isNull()) {
        m_error = QStringLiteral("could not read the key or certificate openssl wrote");
        return false;
    }
    return true;
}

QUrl SelfSignedHttpsServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void SelfSignedHttpsServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setLocalCertificate(m_certificate);
    socket->setPrivateKey(m_key);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    // A client that refuses the certificate aborts the handshake with an alert.
    connect(socket, &QAbstractSocket::errorOccurred, socket, [this, socket] {
        if (!socket->isEncrypted())
            ++m_handshakesRefused;
    });
    connect(socket, &QIODevice::readyRead, socket, [this, socket] {
        // One small GET per connection is all a browser sends for this page.
        if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
            return;
        socket->readAll();
        const QByteArray body = QByteArray("<!DOCTYPE html><html><head><title>Sign in</title>"
                                           "</head><body><p id=\"marker\">") +
                                Marker + "</p></body></html>";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                      "Connection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        ++m_pagesServed;
        socket->disconnectFromHost();
    });
    socket->startServerEncryption();
}
