#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>

// An HTTPS server on 127.0.0.1 with a certificate nobody vouches for: what a sign-in page
// looks like to a browser when someone intercepts the connection. Qt 6.4 has no QSslServer,
// hence QTcpServer plus QSslSocket. The key and certificate are made by `openssl req -x509`
// in a temporary directory.
class SelfSignedHttpsServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit SelfSignedHttpsServer(QObject *parent = nullptr);

    // Generates the certificate and listens; false with error() set if either fails.
    bool start();
    [[nodiscard]] QString error() const { return m_error; }
    // https://127.0.0.1:<port>/
    [[nodiscard]] QUrl baseUrl() const;
    // Requests that got through TLS and were answered with the page.
    [[nodiscard]] int pagesServed() const { return m_pagesServed; }
    // TLS handshakes the client gave up on (the browser refusing the certificate).
    [[nodiscard]] int handshakesRefused() const { return m_handshakesRefused; }

    // In the page served, so a test can tell whether it was shown.
    static constexpr const char *Marker = "sign-in-page-behind-a-bad-certificate";

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    bool generateCertificate();

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_error;
    int m_pagesServed = 0;
    int m_handshakesRefused = 0;
};
