#pragma once

#include <QTcpServer>

class QTcpSocket;

// Qt before 6.8 hands any path that merely starts with the callback path to the OAuth flow
// (`/auth/cisco/callbackEXTRA` counts), so a stray request can end a sign-in. The gate owns
// the registered port on 127.0.0.1 and passes on only `GET <exact path>`, byte for byte, to
// Qt's own listener on an ephemeral loopback port; everything else gets a 404 from us.
class CallbackGate : public QTcpServer
{
    Q_OBJECT

public:
    CallbackGate(QString exactPath, quint16 innerPort, QObject *parent = nullptr);

    // Whether a request head is for exactly this path with GET.
    [[nodiscard]] static bool isCallbackRequest(const QByteArray &head, const QString &exactPath);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onClientData(QTcpSocket *client);
    void forward(QTcpSocket *client, const QByteArray &head);
    static void refuse(QTcpSocket *client, const QByteArray &status);

    QString m_exactPath;
    quint16 m_innerPort;
};
