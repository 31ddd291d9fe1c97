#include "live/livesocket.h"

#include "live/eventframe.h"
#include "live/livelogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What may be logged of the socket's URL: its host and path (the registration id is no secret;
// the token never is in it).
QString loggable(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

// The protocol allows at most 123 bytes of close reason; a server could send anything.
QString cappedReason(const QString &reason)
{
    QByteArray utf8 = reason.toUtf8().left(123);
    return QString::fromUtf8(utf8).remove(QChar::ReplacementCharacter).simplified();
}

// Qt 6.4 reports a refused upgrade (an HTTP status other than 101) only in errorString():
// "QWebSocketPrivate::processHandshake: Unhandled http status code: 404 (Not Found)." (its
// translations keep the number). How else it could say so is open (LIVE-EVENTS.md 3.8).
bool isUpgradeNotFound(int error, const QString &errorString)
{
    static const QRegularExpression status(QStringLiteral("\\b404\\b"));
    return error == QAbstractSocket::ConnectionRefusedError && errorString.contains(status);
}

} // namespace

LiveSocket::LiveSocket(QObject *parent) : QObject(parent)
{
    for (QTimer *timer : {&m_readinessTimer, &m_pingTimer, &m_pongTimer})
        timer->setSingleShot(true);
    connect(&m_readinessTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcLive) << "No readiness within" << m_timing.readinessTimeoutMs << "ms";
        finish(Outcome::Transient, QStringLiteral("readiness not received"), true);
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &LiveSocket::sendPing);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        // A dead link delivers no close frame: abort rather than wait for one (section 3.5).
        qCInfo(lcLive) << "No pong within" << m_timing.pongTimeoutMs << "ms";
        finish(Outcome::Transient, QStringLiteral("pong not received"), true);
    });
}

LiveSocket::~LiveSocket()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

QUrl LiveSocket::connectionUrl(const QUrl &webSocketUrl, qint64 clientTimestampMs)
{
    QUrl url = webSocketUrl;
    QUrlQuery query(url);
    const QList<std::pair<QString, QString>> ours = {
        {QStringLiteral("outboundWireFormat"), QStringLiteral("text")},
        {QStringLiteral("bufferStates"), QStringLiteral("true")},
        {QStringLiteral("aliasHttpStatus"), QStringLiteral("true")},
        {QStringLiteral("clientTimestamp"), QString::number(clientTimestampMs)},
    };
    for (const auto &[name, value] : ours) {
        query.removeAllQueryItems(name);
        query.addQueryItem(name, value);
    }
    url.setQuery(query);
    return url;
}

LiveSocket::Outcome LiveSocket::outcomeOf(int closeCode, const QString &reason, bool wasLive)
{
    const QString why = reason.toLower();
    int code = closeCode;
    // SB _fixCloseCode: some browsers lose the code and keep the reason.
    if (code == 1005) {
        if (why.contains(QLatin1String("authentication did not happen")) ||
            why.contains(QLatin1String("authentication failed")))
            code = 1008;
        else if (why.contains(QLatin1String("replaced")))
            code = 4000;
    }
    switch (code) {
    case 4401:
    case 1008:
        return Outcome::TokenRejected;
    case 4400:
    case 4403:
        return Outcome::Refused;
    case 4000:
        return why.trimmed() == QLatin1String("replaced") ? Outcome::Replaced : Outcome::Transient;
    case 4404: // the emulator's "unknown device" on Qt 6.4, which cannot refuse the upgrade
    case 1005: // the SDK refreshes the device for a close without status before readiness
        return wasLive ? Outcome::Transient : Outcome::DeviceGone;
    default:
        // 1000 and 3050 whatever the reason, 1001, 1006, 1011, 1003, 4001, anything unknown:
        // a desktop client does not stay dead after a server-side close (section 3.7).
        return Outcome::Transient;
    }
}

void LiveSocket::open(const QUrl &webSocketUrl, const QString &accessToken)
{
    retire(true);
    ++m_generation;
    m_accessToken = accessToken;
    m_live = false;
    m_closeFrameSeen = false;
    m_upgradeNotFound = false;
    m_lastErrorString.clear();
    m_expectedSequence.reset();
    m_pendingPing.clear();
    m_framesReceived = 0;

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Nothing bigger than EventFrame reads is ever taken in (section 7.1).
    m_socket->setMaxAllowedIncomingMessageSize(quint64(EventFrame::MaxBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(EventFrame::MaxBytes));
    connect(m_socket, &QWebSocket::connected, this, &LiveSocket::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { onMessage(message.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &LiveSocket::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveSocket::onDisconnected);
    // A close frame from the server: Qt answers it with close(), which announces itself.
    connect(m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrameSeen = true; });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onSocketError(int(error)); });
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) { onSocketError(int(error)); });
#endif

    const QUrl url = connectionUrl(webSocketUrl, QDateTime::currentMSecsSinceEpoch());
    QNetworkRequest request(url);
    const QString version = QCoreApplication::applicationVersion();
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      version.isEmpty() ? QStringLiteral("WebexDesk")
                                        : QStringLiteral("WebexDesk/") + version);
    request.setRawHeader("TrackingID", "WebexDesk_" + newId().toLatin1());
    qCInfo(lcLive) << "Connecting to" << loggable(url);
    m_readinessTimer.start(m_timing.readinessTimeoutMs);
    m_socket->open(request);
}

void LiveSocket::close()
{
    // retire() sends the close frame (1000 "Done") after our slots are off the socket.
    finish(Outcome::Closed, QStringLiteral("closed by Webex Desk"), false);
}

void LiveSocket::onConnected()
{
    // At once: the server closes a socket that does not authorize in time (section 3.1).
    const QString trackingId = QStringLiteral("WebexDesk_") + newId();
    const QJsonObject frame{
        {QStringLiteral("id"), newId()},
        {QStringLiteral("type"), QStringLiteral("authorization")},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("token"), QStringLiteral("Bearer ") + m_accessToken}}},
        {QStringLiteral("trackingId"), trackingId},
    };
    m_accessToken.clear();
    qCInfo(lcLive) << "Connected; authorizing (tracking ID" << trackingId << ")";
    sendFrame(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

void LiveSocket::sendFrame(const QByteArray &json)
{
    // An ack for a socket no longer open is skipped (SB).
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(json));
}

void LiveSocket::onMessage(const QByteArray &bytes)
{
    const quint64 generation = m_generation;
    ++m_framesReceived;
    const EventFrame frame = EventFrame::parse(bytes);
    // The ack goes out before the frame is handled, for every frame with an id (section 3.2).
    if (frame.hasId())
        sendFrame(QJsonDocument(QJsonObject{{QStringLiteral("messageId"), frame.id},
                                            {QStringLiteral("type"), QStringLiteral("ack")}})
                      .toJson(QJsonDocument::Compact));

    if (frame.sequenceNumber) {
        const qint64 actual = *frame.sequenceNumber;
        const std::optional<qint64> expected = m_expectedSequence;
        // A number seen again does not lower the expectation: what follows it is no gap.
        m_expectedSequence = expected ? qMax(*expected, actual + 1) : actual + 1;
        if (expected && actual < *expected)
            qCInfo(lcLive) << "Sequence number" << actual << "again (expected" << *expected
                           << "); handled anyway";
        // Before readiness a gap changes nothing: the catch-up after readiness covers it.
        if (expected && actual > *expected && m_live) {
            qCInfo(lcLive) << "Sequence gap: expected" << *expected << "got" << actual;
            emit sequenceGap(*expected, actual);
            if (generation != m_generation)
                return;
        }
    }

    switch (frame.type) {
    case EventFrame::Type::Invalid:
        // By position and size; never its content.
        qCWarning(lcLive) << "Dropped frame" << m_framesReceived << "of" << bytes.size()
                          << "bytes:" << frame.why;
        return;
    case EventFrame::Type::Readiness:
        if (m_live)
            return;
        m_live = true;
        m_readinessTimer.stop();
        qCInfo(lcLive) << "Live (" << frame.eventType << ")";
        emit live();
        if (generation == m_generation)
            sendPing(); // the SDK pings right after readiness
        return;
    case EventFrame::Type::Pong:
        if (m_pendingPing.isEmpty()) {
            qCDebug(lcLive) << "A pong nobody asked for; ignored";
            return;
        }
        if (frame.id != m_pendingPing) {
            finish(Outcome::Transient, QStringLiteral("pong mismatch"), true);
            return;
        }
        m_pendingPing.clear();
        m_pongTimer.stop();
        m_pingTimer.start(m_timing.pingIntervalMs); // 15 s after each pong, not at a fixed rate
        return;
    case EventFrame::Type::Activity:
        if (!m_live) {
            // As the SDK, nothing is an event before readiness; the catch-up covers it.
            qCDebug(lcLive) << "An activity before readiness; ignored";
            return;
        }
        if (frame.activity.kind == ActivityEvent::Kind::Ignored) {
            // Reactions, card actions, verbs Webex adds later: never an error (section 4.2).
            if (!m_loggedVerbs.contains(frame.activity.verb) && m_loggedVerbs.size() < 64) {
                m_loggedVerbs.insert(frame.activity.verb);
                qCDebug(lcLive) << "Ignoring activities with the verb" << frame.activity.verb;
            }
            return;
        }
        emit activity(frame.activity);
        return;
    case EventFrame::Type::Shutdown:
        qCInfo(lcLive) << "The server drains this connection; reconnecting";
        finish(Outcome::Draining, QStringLiteral("shutdown"), false);
        return;
    case EventFrame::Type::Other:
        if (!m_loggedEventTypes.contains(frame.eventType) && m_loggedEventTypes.size() < 64) {
            m_loggedEventTypes.insert(frame.eventType);
            qCDebug(lcLive) << "Ignoring events of type" << frame.eventType.left(64);
        }
        return;
    }
}

void LiveSocket::sendPing()
{
    if (!m_socket || !m_live)
        return;
    m_pendingPing = newId();
    sendFrame(QJsonDocument(QJsonObject{{QStringLiteral("id"), m_pendingPing},
                                        {QStringLiteral("type"), QStringLiteral("ping")}})
                  .toJson(QJsonDocument::Compact));
    m_pongTimer.start(m_timing.pongTimeoutMs);
}

void LiveSocket::onSocketError(int error)
{
    if (m_socket)
        m_lastErrorString = m_socket->errorString();
    // Qt 6.4 reports the refused upgrade, then the server's close of the connection.
    if (isUpgradeNotFound(error, m_lastErrorString))
        m_upgradeNotFound = true;
    // Some failures (a refused upgrade, a refused connection) may not be followed by
    // disconnected(): settle it once Qt is done with this error.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation && m_socket &&
                m_socket->state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        },
        Qt::QueuedConnection);
}

void LiveSocket::onDisconnected()
{
    if (!m_socket)
        return;
    if (!m_live && m_upgradeNotFound) {
        qCInfo(lcLive) << "The socket's URL is unknown (HTTP 404): the device is gone";
        finish(Outcome::DeviceGone, QStringLiteral("HTTP 404"), false);
        return;
    }
    // No close frame: the connection broke (1006), whatever closeCode() says.
    const int code = m_closeFrameSeen ? int(m_socket->closeCode()) : 1006;
    const QString reason = m_closeFrameSeen
                               ? cappedReason(m_socket->closeReason())
                               : (m_lastErrorString.isEmpty() ? QStringLiteral("connection lost")
                                                              : cappedReason(m_lastErrorString));
    if (code == 1003)
        qCWarning(lcLive) << "The server rejected a frame of ours (1003)";
    const Outcome outcome = outcomeOf(code, reason, m_live);
    qCInfo(lcLive) << "Closed:" << code << reason << (m_live ? "after" : "before") << "readiness ->"
                   << outcome;
    finish(outcome, reason, false);
}

void LiveSocket::finish(Outcome outcome, const QString &reason, bool abort)
{
    if (!m_socket)
        return;
    m_readinessTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_accessToken.clear();
    m_live = false;
    m_pendingPing.clear();
    retire(abort);
    ++m_generation;
    emit ended(outcome, reason);
}

void LiveSocket::retire(bool abort)
{
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    if (!socket)
        return;
    disconnect(socket, nullptr, this, nullptr);
    if (abort || socket->state() == QAbstractSocket::UnconnectedState) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Let a close frame on its way finish, but not for longer than the SDK's forceCloseDelay.
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("Done"));
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_timing.closeTimeoutMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}
