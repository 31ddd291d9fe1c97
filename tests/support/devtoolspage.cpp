#include "devtoolspage.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocket>

namespace {
constexpr int PollIntervalMs = 100;

// Runs the event loop until `done` says so or the deadline passes; true if done.
template <typename Done> bool waitUntil(QDeadlineTimer deadline, Done done)
{
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(qMin<qint64>(PollIntervalMs, deadline.remainingTime()), &loop,
                           &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A page the window shows, not DevTools' own front end (which is a page target too).
bool isShownPage(const QJsonObject &target)
{
    return target.value(QLatin1String("type")).toString() == QLatin1String("page") &&
           !target.value(QLatin1String("webSocketDebuggerUrl")).toString().isEmpty() &&
           !target.value(QLatin1String("url")).toString().startsWith(QLatin1String("devtools:"));
}

// `text` as a JavaScript string literal: JSON's string syntax is a subset of it.
QString jsString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}
} // namespace

DevToolsPage::DevToolsPage(quint16 port, QObject *parent)
    : QObject(parent), m_port(port), m_network(new QNetworkAccessManager(this)),
      m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    // A proxy from the environment would get 127.0.0.1 wrong.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &DevToolsPage::onTextMessage);
}

DevToolsPage::~DevToolsPage()
{
    m_socket->abort();
}

quint16 DevToolsPage::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool DevToolsPage::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QUrl DevToolsPage::findPageTarget(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QUrl listUrl;
    listUrl.setScheme(QStringLiteral("http"));
    listUrl.setHost(QStringLiteral("127.0.0.1"));
    listUrl.setPort(m_port);
    listUrl.setPath(QStringLiteral("/json/list"));

    do {
        QNetworkReply *reply = m_network->get(QNetworkRequest(listUrl));
        waitUntil(deadline, [reply] { return reply->isFinished(); });
        const QByteArray body = reply->isFinished() ? reply->readAll() : QByteArray();
        if (!reply->isFinished())
            m_lastError = QStringLiteral("no answer from %1").arg(listUrl.toString());
        else if (reply->error() != QNetworkReply::NoError)
            m_lastError = QStringLiteral("%1: %2").arg(listUrl.toString(), reply->errorString());
        reply->abort();
        reply->deleteLater();

        const QJsonArray targets = QJsonDocument::fromJson(body).array();
        for (const QJsonValue &value : targets) {
            const QJsonObject target = value.toObject();
            if (isShownPage(target))
                return QUrl(target.value(QLatin1String("webSocketDebuggerUrl")).toString());
        }
        if (!body.isEmpty())
            m_lastError =
                QStringLiteral("no page among the DevTools targets on port %1").arg(m_port);
        // The other process may not have started QtWebEngine yet.
        waitUntil(QDeadlineTimer(qMin<qint64>(200, deadline.remainingTime())),
                  [] { return false; });
    } while (!deadline.hasExpired());
    return {};
}

bool DevToolsPage::connectToPage(int timeoutMs)
{
    if (isConnected())
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    const QUrl socketUrl = findPageTarget(timeoutMs);
    if (socketUrl.isEmpty())
        return false;
    m_socket->open(socketUrl);
    const bool done = waitUntil(deadline, [this] {
        return m_socket->state() == QAbstractSocket::ConnectedState ||
               m_socket->state() == QAbstractSocket::UnconnectedState;
    });
    if (!done || !isConnected()) {
        m_lastError = QStringLiteral("could not connect to %1: %2")
                          .arg(socketUrl.toString(), m_socket->errorString());
        m_socket->abort();
        return false;
    }
    return true;
}

QJsonObject DevToolsPage::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (!connectToPage(timeoutMs))
        return {};
    const int id = m_nextId++;
    QJsonObject command{{QStringLiteral("id"), id}, {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        command.insert(QStringLiteral("params"), params);
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(command).toJson(QJsonDocument::Compact)));

    const bool answered = waitUntil(deadline, [this, id] {
        return m_replies.contains(id) || m_socket->state() != QAbstractSocket::ConnectedState;
    });
    if (!answered || !m_replies.contains(id)) {
        m_lastError = answered
                          ? QStringLiteral("the page went away during %1").arg(method)
                          : QStringLiteral("no answer to %1 in %2 ms").arg(method).arg(timeoutMs);
        return {};
    }
    const QJsonObject reply = m_replies.take(id);
    if (reply.contains(QLatin1String("error"))) {
        m_lastError = QStringLiteral("%1: %2").arg(method, reply.value(QLatin1String("error"))
                                                               .toObject()
                                                               .value(QLatin1String("message"))
                                                               .toString());
        return {};
    }
    m_lastError.clear();
    return reply.value(QLatin1String("result")).toObject();
}

QVariant DevToolsPage::evaluate(const QString &expression, int timeoutMs)
{
    const QJsonObject result = call(QStringLiteral("Runtime.evaluate"),
                                    {{QStringLiteral("expression"), expression},
                                     {QStringLiteral("returnByValue"), true},
                                     {QStringLiteral("awaitPromise"), true}},
                                    timeoutMs);
    if (result.isEmpty())
        return {};
    if (result.contains(QLatin1String("exceptionDetails"))) {
        const QJsonObject details = result.value(QLatin1String("exceptionDetails")).toObject();
        const QString description = details.value(QLatin1String("exception"))
                                        .toObject()
                                        .value(QLatin1String("description"))
                                        .toString();
        m_lastError =
            description.isEmpty() ? details.value(QLatin1String("text")).toString() : description;
        return {};
    }
    return result.value(QLatin1String("result"))
        .toObject()
        .value(QLatin1String("value"))
        .toVariant();
}

bool DevToolsPage::waitForElement(const QString &id, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QString expression =
        QStringLiteral("document.getElementById(%1) !== null").arg(jsString(id));
    // Polled: while the page navigates, an evaluation may fail or find the old document.
    return waitUntil(deadline, [&] {
        return evaluate(expression, int(qMax<qint64>(1, deadline.remainingTime()))).toBool();
    });
}

QUrl DevToolsPage::currentUrl(int timeoutMs)
{
    return QUrl(evaluate(QStringLiteral("location.href"), timeoutMs).toString());
}

void DevToolsPage::onTextMessage(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    // Events (no id) are not used; replies are collected for call().
    const QJsonValue id = object.value(QLatin1String("id"));
    if (id.isDouble())
        m_replies.insert(id.toInt(), object);
}
