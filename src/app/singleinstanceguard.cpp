#include "singleinstanceguard.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace {
Q_LOGGING_CATEGORY(lcInstance, "webexdesk.instance")

// The whole protocol: one line each way. Anything else, or more, closes the connection.
constexpr char RaiseRequest[] = "raise\n";
constexpr char RaisedAnswer[] = "raised\n";
constexpr qint64 MaxLineLength = 64;
} // namespace

SingleInstanceGuard::SingleInstanceGuard(const QString &serverName, QObject *parent)
    : QObject(parent), m_serverName(serverName)
{}

SingleInstanceGuard::~SingleInstanceGuard() = default; // the server removes its socket

QString SingleInstanceGuard::defaultServerName()
{
#ifdef Q_OS_WIN
    return QStringLiteral(WEBEXDESK_APP_ID "-") + qEnvironmentVariable("USERNAME");
#else
    // Not QDir::tempPath(), which every user shares: there another user could take the name
    // first. RuntimeLocation is $XDG_RUNTIME_DIR (or a 0700 folder Qt makes for the user).
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return QDir(runtime).filePath(QStringLiteral(WEBEXDESK_APP_ID ".instance"));
#endif
}

SingleInstanceGuard::Role SingleInstanceGuard::claim(int timeoutMs)
{
    switch (askRunningInstanceToRaise(timeoutMs)) {
    case Answer::Raised:
        return Role::Secondary;
    case Answer::NoAnswer:
        // Something holds the name but does not answer (a hung instance?): its socket is not
        // ours to remove, and the person asked for a window, so run without the guard.
        return Role::Alone;
    case Answer::NobodyListens:
        break;
    }
    if (listen())
        return Role::Primary;
    // Another start may have taken the name between our connect and our listen.
    if (askRunningInstanceToRaise(timeoutMs) == Answer::Raised)
        return Role::Secondary;
    qCWarning(lcInstance).noquote() << "running without the single-instance guard:" << m_error;
    return Role::Alone;
}

SingleInstanceGuard::Answer SingleInstanceGuard::askRunningInstanceToRaise(int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs)) {
        m_error = socket.errorString();
        const bool nobody = socket.error() == QLocalSocket::ServerNotFoundError ||
                            socket.error() == QLocalSocket::ConnectionRefusedError;
        return nobody ? Answer::NobodyListens : Answer::NoAnswer;
    }
    socket.write(RaiseRequest);
    while (!socket.canReadLine() && socket.waitForReadyRead(timeoutMs)) {
    }
    const bool raised = socket.canReadLine() && socket.readLine() == RaisedAnswer;
    if (raised)
        qCInfo(lcInstance) << "Webex Desk runs already; it was asked to raise its window";
    else
        m_error = QStringLiteral("the running instance did not answer");
    socket.disconnectFromServer();
    return raised ? Answer::Raised : Answer::NoAnswer;
}

bool SingleInstanceGuard::listen()
{
    // Only called after a connection failed: whatever socket file is left is a dead instance's.
    QLocalServer::removeServer(m_serverName);
    delete m_server;
    m_server = new QLocalServer(this);
    // Only this user may connect (the runtime folder says so too; Windows needs it said).
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        m_error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstanceGuard::onNewConnection);
    qCDebug(lcInstance) << "listening for later starts at" << m_serverName;
    return true;
}

void SingleInstanceGuard::onNewConnection()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QLocalSocket::readyRead, this, [this, client] { onRequest(client); });
        if (client->canReadLine())
            onRequest(client);
    }
}

void SingleInstanceGuard::onRequest(QLocalSocket *client)
{
    if (!client->canReadLine()) {
        if (client->bytesAvailable() > MaxLineLength)
            client->abort();
        return;
    }
    if (client->readLine(MaxLineLength + 1) != RaiseRequest) {
        client->abort();
        return;
    }
    qCInfo(lcInstance) << "a later start asked to raise the window";
    emit raiseRequested();
    client->write(RaisedAnswer);
    client->disconnectFromServer();
}
