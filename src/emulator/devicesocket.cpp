#include "devicesocket.h"

#include "devicesocketserver.h"
#include "faultinjector.h"
#include "webexids.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace {

// A client sends nothing but small frames (auth, ack, ping); Qt closes with 1009 above this.
constexpr quint64 kMaxClientFrameBytes = 64 * 1024;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString frameId()
{
    return WebexIds::uuid(*QRandomGenerator::global());
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DeviceSocket::DeviceSocket(std::unique_ptr<QWebSocket> socket, const QString &deviceUuid, int owner,
                           DeviceSocketServer &server)
    : m_socket(std::move(socket)), m_deviceUuid(deviceUuid), m_owner(owner), m_server(server),
      m_authDeadline(new QTimer(this))
{
    m_socket->setMaxAllowedIncomingFrameSize(kMaxClientFrameBytes);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxClientFrameBytes);
    // Section 3.1: readiness only when asked for.
    m_readinessAsked = QUrlQuery(m_socket->requestUrl()).queryItemValue(key("bufferStates")) ==
                       QLatin1String("true");
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &frame) { onMessage(frame.toUtf8()); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &DeviceSocket::onMessage);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &DeviceSocket::finished);

    m_authDeadline->setSingleShot(true);
    connect(m_authDeadline, &QTimer::timeout, this, [this] {
        // Webex's reason says seconds and counts milliseconds (section 3.1); so does this.
        close(1008, QStringLiteral("authentication did not happen within the timeout window of "
                                   "%1 seconds.")
                        .arg(m_server.authTimeout().count()));
    });
    m_authDeadline->start(m_server.authTimeout());
}

DeviceSocket::~DeviceSocket()
{
    // Nothing the socket says while it goes may reach a half-destroyed this.
    m_socket->disconnect(this);
}

bool DeviceSocket::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void DeviceSocket::onMessage(const QByteArray &frame)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_server.countInvalidFrame();
        return;
    }
    const QJsonObject object = document.object();
    const QString type = object.value(key("type")).toString();
    if (type == QLatin1String("ack")) {
        const QString id = object.value(key("messageId")).toString();
        if (id.isEmpty())
            m_server.countInvalidFrame();
        else
            m_server.countAck(id);
    } else if (type == QLatin1String("authorization")) {
        if (!m_authorized)
            authorize(object);
    } else if (type == QLatin1String("ping")) {
        if (m_authorized)
            onPing(object);
    } else {
        m_server.countInvalidFrame();
    }
}

void DeviceSocket::authorize(const QJsonObject &frame)
{
    const QString bearer = frame.value(key("data")).toObject().value(key("token")).toString();
    const int person = bearer.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive)
                           ? m_server.personOfToken(bearer.mid(7).trimmed())
                           : -1;
    // Someone else's token is as bad as an expired one: the device is not theirs.
    if (person < 0 || person != m_owner) {
        close(4401, QStringLiteral("authentication failed"));
        return;
    }
    m_authDeadline->stop();
    m_authorized = true;
    m_server.authorized(this);
    if (m_readinessAsked) {
        m_readinessDue = true;
        sendReadinessIfDue();
    }
    m_pendingSkip += m_server.faults().sequenceSkipPerConnection();
}

void DeviceSocket::sendReadinessIfDue()
{
    if (!m_readinessDue || !m_authorized || m_server.faults().readinessHeld())
        return;
    m_readinessDue = false;
    const QJsonObject bufferState{{key("conversation"), key("UNKNOWN")},
                                  {key("locus"), key("UNKNOWN")}};
    sendNumbered(QJsonObject{
        {key("id"), frameId()},
        {key("data"), QJsonObject{{key("eventType"), key("mercury.buffer_state")},
                                  {key("bufferState"), bufferState}}},
        {key("timestamp"), nowMs()},
        {key("trackingId"), WebexIds::trackingId()},
    });
}

void DeviceSocket::onPing(const QJsonObject &frame)
{
    m_server.countPing();
    if (m_server.faults().pongsStopped())
        return;
    // The ping's id, whatever it is: the client matches on it (section 3.2).
    send(QJsonObject{{key("id"), frame.value(key("id"))},
                     {key("type"), key("pong")},
                     {key("timestamp"), nowMs()}});
}

void DeviceSocket::sendActivity(const QJsonObject &activity)
{
    const qint64 now = nowMs();
    sendNumbered(QJsonObject{
        {key("id"), frameId()},
        {key("data"), QJsonObject{{key("eventType"), key("conversation.activity")},
                                  {key("activity"), activity}}},
        {key("timestamp"), now},
        {key("trackingId"), WebexIds::trackingId()},
        {key("alertType"), key("full")},
        {key("headers"), QJsonObject()},
        {key("filterMessage"), false},
        {key("wsWriteTimestamp"), now},
    });
}

void DeviceSocket::sendNumbered(QJsonObject frame)
{
    const qint64 number = m_nextSequence + m_pendingSkip;
    m_pendingSkip = 0;
    m_nextSequence = number + 1;
    frame.insert(key("sequenceNumber"), number);
    send(frame);
}

void DeviceSocket::send(const QJsonObject &frame)
{
    if (!isOpen())
        return;
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void DeviceSocket::sendRaw(const QByteArray &frame, bool binary)
{
    if (!isOpen())
        return;
    if (binary)
        m_socket->sendBinaryMessage(frame);
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void DeviceSocket::abort()
{
    m_socket->abort();
}

void DeviceSocket::close(int code, const QString &reason)
{
    m_authDeadline->stop();
    if (!isOpen())
        return;
    // Webex's own codes (4000, 4401, ...) are outside Qt's enumerators but valid on the wire.
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}
