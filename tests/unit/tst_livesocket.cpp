// LiveSocket against a small fake device socket (FakeMercury, not the emulator): the URL and the
// authorization frame, readiness, an ack for every frame with an id, ping/pong and the pong
// timeout, sequence gaps, and every row of the close-code tables of docs/LIVE-EVENTS.md 3.7.

#include "fakemercury.h"

#include "live/livesocket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

QJsonObject postFrame(const QString &messageUuid)
{
    const QJsonObject activity{
        {QStringLiteral("id"), messageUuid},
        {QStringLiteral("verb"), QStringLiteral("post")},
        {QStringLiteral("objectType"), QStringLiteral("activity")},
        {QStringLiteral("actor"),
         QJsonObject{{QStringLiteral("entryUUID"),
                      QStringLiteral("6bb085fa-f6b2-4210-b267-be0fdebb07c4")}}},
        {QStringLiteral("object"),
         QJsonObject{{QStringLiteral("objectType"), QStringLiteral("comment")}}},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("bbceb1ad-43f1-3b58-9147-f14bb0c4d154")},
                     {QStringLiteral("objectType"), QStringLiteral("conversation")}}},
    };
    return QJsonObject{
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("eventType"), QStringLiteral("conversation.activity")},
                     {QStringLiteral("activity"), activity}}}};
}

QJsonObject typingFrame()
{
    return QJsonObject{
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("eventType"), QStringLiteral("status.start_typing")}}}};
}

// Every message the code under test logs, to check that the token is never among them.
QStringList *g_log = nullptr;
QtMessageHandler g_previous = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_log)
        g_log->append(message);
    g_previous(type, context, message);
}

} // namespace

class TestLiveSocket : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectionUrlKeepsTheQueryAndAddsWebexParameters();
    void closeCodeTable_data();
    void closeCodeTable();

    void authorizesThenGoesLiveOnReadiness();
    void acksEveryFrameWithAnIdBeforeHandlingIt();
    void ackGoesOutBeforeTheFrameIsHandled();
    void activitiesBeforeReadinessAreAckedNotDelivered();
    void binaryFramesAreReadToo();
    void badFramesAreAckedAndDropped();
    void ignoredVerbsAreAckedNotDelivered();
    void pingsFollowEachPong();
    void pongTimeoutEndsTheConnection();
    void pongMismatchEndsTheConnection();
    void readinessTimeoutEndsTheConnection();
    void sequenceGapIsReported();
    void serverCloseCodes_data();
    void serverCloseCodes();
    void droppedConnectionIsTransient();
    void rejectedTokenBeforeReadiness();
    void unknownDeviceClosedWith4404();
    void unknownDeviceAnswered404OnTheUpgrade();
    void shutdownFrameDrainsAtOnce();
    void closeEndsOnceAndTellsTheServer();
    void oversizedMessageEndsTheConnectionNotTheApp();
    void reopenReplacesSilently();
    void tokenIsNeverLogged();

private:
    [[nodiscard]] static LiveSocket::Timing fast();
    // Opens the socket on the fake and waits for live(); false when that did not come.
    [[nodiscard]] bool openLive();

    std::unique_ptr<FakeMercury> m_mercury;
    std::unique_ptr<LiveSocket> m_socket;
};

LiveSocket::Timing TestLiveSocket::fast()
{
    LiveSocket::Timing timing;
    timing.readinessTimeoutMs = 5000;
    timing.pingIntervalMs = 60 * 1000; // out of the way unless a test wants pings
    timing.pongTimeoutMs = 60 * 1000;
    timing.closeTimeoutMs = 500;
    return timing;
}

void TestLiveSocket::init()
{
    m_mercury = std::make_unique<FakeMercury>();
    QVERIFY(m_mercury->listen());
    m_socket = std::make_unique<LiveSocket>();
    m_socket->setTiming(fast());
}

void TestLiveSocket::cleanup()
{
    m_socket.reset();
    m_mercury.reset();
}

bool TestLiveSocket::openLive()
{
    QSignalSpy live(m_socket.get(), &LiveSocket::live);
    m_socket->open(m_mercury->url(), QStringLiteral("test-token"));
    return live.wait() && m_socket->isLive();
}

void TestLiveSocket::connectionUrlKeepsTheQueryAndAddsWebexParameters()
{
    const QUrl url = LiveSocket::connectionUrl(
        QUrl(QStringLiteral("wss://mercury.example/v1/r/x/messages?a=1&bufferStates=false")),
        1715000000123);
    const QUrlQuery query(url);
    QCOMPARE(url.path(), QStringLiteral("/v1/r/x/messages"));
    QCOMPARE(query.queryItemValue(QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(query.allQueryItemValues(QStringLiteral("bufferStates")), QStringList{"true"});
    QCOMPARE(query.queryItemValue(QStringLiteral("outboundWireFormat")), QStringLiteral("text"));
    QCOMPARE(query.queryItemValue(QStringLiteral("aliasHttpStatus")), QStringLiteral("true"));
    QCOMPARE(query.queryItemValue(QStringLiteral("clientTimestamp")),
             QStringLiteral("1715000000123"));
}

Q_DECLARE_METATYPE(LiveSocket::Outcome)

void TestLiveSocket::closeCodeTable_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("wasLive");
    QTest::addColumn<LiveSocket::Outcome>("outcome");
    using O = LiveSocket::Outcome;
    // Before readiness (SB open, MJ _attemptConnection).
    QTest::newRow("1005 before") << 1005 << QString() << false << O::DeviceGone;
    QTest::newRow("1005 'authentication failed'")
        << 1005 << QStringLiteral("authentication failed") << false << O::TokenRejected;
    QTest::newRow("1005 auth timeout")
        << 1005
        << QStringLiteral("authentication did not happen within the timeout window of 30000 "
                          "seconds.")
        << false << O::TokenRejected;
    QTest::newRow("1005 'replaced'") << 1005 << QStringLiteral("replaced") << true << O::Replaced;
    QTest::newRow("4400 before") << 4400 << QString() << false << O::Refused;
    QTest::newRow("4401 before") << 4401 << QString() << false << O::TokenRejected;
    QTest::newRow("4403 before") << 4403 << QString() << false << O::Refused;
    QTest::newRow("4404 before") << 4404 << QString() << false << O::DeviceGone;
    QTest::newRow("1006 before") << 1006 << QString() << false << O::Transient;
    QTest::newRow("1008 before") << 1008 << QString() << false << O::TokenRejected;
    QTest::newRow("1011 before") << 1011 << QString() << false << O::Transient;
    // After readiness (MP INV-003, with Webex Desk's column).
    QTest::newRow("1000 idle") << 1000 << QStringLiteral("idle") << true << O::Transient;
    QTest::newRow("1000 other") << 1000 << QStringLiteral("bye") << true << O::Transient;
    QTest::newRow("3050 pong mismatch")
        << 3050 << QStringLiteral("Pong mismatch") << true << O::Transient;
    QTest::newRow("1001") << 1001 << QString() << true << O::Transient;
    QTest::newRow("1005 after") << 1005 << QString() << true << O::Transient;
    QTest::newRow("1006") << 1006 << QString() << true << O::Transient;
    QTest::newRow("1011") << 1011 << QString() << true << O::Transient;
    QTest::newRow("1003") << 1003 << QString() << true << O::Transient;
    QTest::newRow("4000 replaced") << 4000 << QStringLiteral("replaced") << true << O::Replaced;
    QTest::newRow("4000 Replaced") << 4000 << QStringLiteral("Replaced") << true << O::Replaced;
    QTest::newRow("4000 other") << 4000 << QStringLiteral("moved") << true << O::Transient;
    QTest::newRow("4001") << 4001 << QString() << true << O::Transient;
    QTest::newRow("4401 after") << 4401 << QString() << true << O::TokenRejected;
    QTest::newRow("1008 after") << 1008 << QString() << true << O::TokenRejected;
    QTest::newRow("4400 after") << 4400 << QString() << true << O::Refused;
    QTest::newRow("4403 after") << 4403 << QString() << true << O::Refused;
    QTest::newRow("4404 after") << 4404 << QString() << true << O::Transient;
    QTest::newRow("unknown") << 4999 << QString() << true << O::Transient;
}

void TestLiveSocket::closeCodeTable()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(bool, wasLive);
    QFETCH(LiveSocket::Outcome, outcome);
    QCOMPARE(LiveSocket::outcomeOf(code, reason, wasLive), outcome);
}

void TestLiveSocket::authorizesThenGoesLiveOnReadiness()
{
    QVERIFY(openLive());
    QCOMPARE(m_mercury->authorizations, QStringList{QStringLiteral("Bearer test-token")});
    const QUrlQuery query(m_mercury->requestUrls.value(0));
    QCOMPARE(query.queryItemValue(QStringLiteral("outboundWireFormat")), QStringLiteral("text"));
    QCOMPARE(query.queryItemValue(QStringLiteral("bufferStates")), QStringLiteral("true"));
    QCOMPARE(query.queryItemValue(QStringLiteral("aliasHttpStatus")), QStringLiteral("true"));
    QVERIFY(!query.queryItemValue(QStringLiteral("clientTimestamp")).isEmpty());
    QVERIFY(m_mercury->userAgents.value(0).startsWith("WebexDesk"));
    QVERIFY(m_mercury->unknownFrames.isEmpty()); // nothing but auth, acks and pings
}

void TestLiveSocket::acksEveryFrameWithAnIdBeforeHandlingIt()
{
    m_mercury->answerPings = false; // no pongs to ack here (pingsFollowEachPong has them)
    QVERIFY(openLive());
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    m_mercury->send(typingFrame());
    m_mercury->send(postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d")));
    QVERIFY(activity.wait());
    QCOMPARE(activity.at(0).at(0).value<ActivityEvent>().kind, ActivityEvent::Kind::Posted);
    // readiness, the typing frame, the post: each acked with its own id, in order.
    QTRY_COMPARE(m_mercury->acks.size(), 3);
    QCOMPARE(m_mercury->acks, m_mercury->sentIds);
    // A frame without an id is handled and not acked.
    QJsonObject noId = postFrame(QStringLiteral("a2db3be0-43bd-11e6-8ae9-dd5b3dfc565d"));
    m_mercury->sendRaw(QJsonDocument(noId).toJson());
    QVERIFY(activity.wait());
    QCOMPARE(m_mercury->acks.size(), 3);
}

void TestLiveSocket::ackGoesOutBeforeTheFrameIsHandled()
{
    // A receiver that closes the socket on the event: the ack was sent before it ran.
    QVERIFY(openLive());
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    connect(m_socket.get(), &LiveSocket::activity, m_socket.get(), &LiveSocket::close);
    QJsonObject frame = postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d"));
    frame.insert(QStringLiteral("id"), QStringLiteral("closing"));
    m_mercury->send(frame);
    QVERIFY(activity.wait());
    QTRY_VERIFY(m_mercury->acks.contains(QStringLiteral("closing")));
}

void TestLiveSocket::activitiesBeforeReadinessAreAckedNotDelivered()
{
    m_mercury->sendReadiness = false;
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    QSignalSpy live(m_socket.get(), &LiveSocket::live);
    QSignalSpy authorized(m_mercury.get(), &FakeMercury::authorized);
    m_socket->open(m_mercury->url(), QStringLiteral("test-token"));
    QVERIFY(authorized.wait());
    m_mercury->send(postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d")));
    QTRY_COMPARE(m_mercury->acks.size(), 1);
    QCOMPARE(activity.size(), 0);
    QCOMPARE(live.size(), 0);
    m_mercury->send(QJsonObject{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("eventType"),
                                              QStringLiteral("mercury.registration_status")}}}});
    QVERIFY(live.wait());
}

void TestLiveSocket::binaryFramesAreReadToo()
{
    QVERIFY(openLive());
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    QJsonObject frame = postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d"));
    frame.insert(QStringLiteral("id"), QStringLiteral("binary-1"));
    m_mercury->sendBinary(QJsonDocument(frame).toJson());
    QVERIFY(activity.wait());
    QTRY_VERIFY(m_mercury->acks.contains(QStringLiteral("binary-1")));
}

void TestLiveSocket::badFramesAreAckedAndDropped()
{
    QVERIFY(openLive());
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Dropped frame \\d+ of")));
    m_mercury->sendRaw(R"({"id":"bad-1","data":{"eventType":"conversation.activity",)"
                       R"("activity":{"verb":"post","id":17}}})");
    QTRY_VERIFY(m_mercury->acks.contains(QStringLiteral("bad-1")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("Dropped frame \\d+ of 9 ")));
    m_mercury->sendRaw("not json!");
    // Still live and working.
    m_mercury->send(postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d")));
    QVERIFY(activity.wait());
    QCOMPARE(activity.size(), 1);
    QCOMPARE(ended.size(), 0);
}

void TestLiveSocket::ignoredVerbsAreAckedNotDelivered()
{
    QVERIFY(openLive());
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    QJsonObject reaction = postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d"));
    QJsonObject data = reaction.value(QLatin1String("data")).toObject();
    QJsonObject inner = data.value(QLatin1String("activity")).toObject();
    inner.insert(QStringLiteral("verb"), QStringLiteral("add"));
    inner.insert(QStringLiteral("object"),
                 QJsonObject{{QStringLiteral("objectType"), QStringLiteral("reaction2")}});
    data.insert(QStringLiteral("activity"), inner);
    reaction.insert(QStringLiteral("data"), data);
    reaction.insert(QStringLiteral("id"), QStringLiteral("reaction-1"));
    m_mercury->send(reaction);
    m_mercury->send(postFrame(QStringLiteral("a2db3be0-43bd-11e6-8ae9-dd5b3dfc565d")));
    QVERIFY(activity.wait());
    QCOMPARE(activity.size(), 1); // the post only
    QCOMPARE(activity.at(0).at(0).value<ActivityEvent>().verb, QStringLiteral("post"));
    QTRY_VERIFY(m_mercury->acks.contains(QStringLiteral("reaction-1")));
}

void TestLiveSocket::pingsFollowEachPong()
{
    LiveSocket::Timing timing = fast();
    timing.pingIntervalMs = 20;
    timing.pongTimeoutMs = 5000;
    m_socket->setTiming(timing);
    QVERIFY(openLive());
    // The first ping right after readiness, the next ones each after a pong.
    QTRY_VERIFY(m_mercury->pings.size() >= 3);
    QCOMPARE(QSet<QString>(m_mercury->pings.cbegin(), m_mercury->pings.cend()).size(),
             m_mercury->pings.size()); // a new id each time
    // Every pong was acked (pongs have ids, SS).
    QTRY_VERIFY(m_mercury->acks.contains(m_mercury->pings.at(1)));
    QVERIFY(m_socket->isLive());
}

void TestLiveSocket::pongTimeoutEndsTheConnection()
{
    LiveSocket::Timing timing = fast();
    timing.pongTimeoutMs = 50;
    m_socket->setTiming(timing);
    m_mercury->answerPings = false;
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QVERIFY(openLive());
    QVERIFY(ended.wait());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Transient);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("pong not received"));
    QCOMPARE(m_mercury->pings.size(), 1);
    QVERIFY(!m_socket->isOpen());
    // The server sees the connection go (aborted: no close frame waited for).
    QTRY_COMPARE(m_mercury->connectionCount(), 0);
}

void TestLiveSocket::pongMismatchEndsTheConnection()
{
    m_mercury->answerPingsWithWrongId = true;
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QVERIFY(openLive());
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Transient);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("pong mismatch"));
}

void TestLiveSocket::readinessTimeoutEndsTheConnection()
{
    LiveSocket::Timing timing = fast();
    timing.readinessTimeoutMs = 100;
    m_socket->setTiming(timing);
    m_mercury->sendReadiness = false;
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QSignalSpy live(m_socket.get(), &LiveSocket::live);
    m_socket->open(m_mercury->url(), QStringLiteral("test-token"));
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Transient);
    QCOMPARE(live.size(), 0);
    QCOMPARE(m_mercury->authorizations.size(), 1);
}

void TestLiveSocket::sequenceGapIsReported()
{
    QVERIFY(openLive()); // readiness was number 1
    QSignalSpy gap(m_socket.get(), &LiveSocket::sequenceGap);
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    m_mercury->send(typingFrame()); // 2
    m_mercury->skipSequence(3);     // 3, 4, 5 never come
    m_mercury->send(postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d"))); // 6
    QVERIFY(activity.wait());
    QCOMPARE(gap.size(), 1);
    QCOMPARE(gap.at(0).at(0).toLongLong(), 3);
    QCOMPARE(gap.at(0).at(1).toLongLong(), 6);
    // The frame of the gap is delivered anyway, and counting goes on from it.
    m_mercury->send(typingFrame()); // 7
    // A number seen again (lower than expected) is no gap; nor is a frame without a number.
    QJsonObject repeated = postFrame(QStringLiteral("a2db3be0-43bd-11e6-8ae9-dd5b3dfc565d"));
    repeated.insert(QStringLiteral("id"), QStringLiteral("again"));
    repeated.insert(QStringLiteral("sequenceNumber"), 5);
    m_mercury->send(repeated, false);
    QVERIFY(activity.wait());
    m_mercury->send(postFrame(QStringLiteral("b2db3be0-43bd-11e6-8ae9-dd5b3dfc565d"))); // 8
    QVERIFY(activity.wait());
    QCOMPARE(gap.size(), 1);
}

void TestLiveSocket::serverCloseCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<LiveSocket::Outcome>("outcome");
    using O = LiveSocket::Outcome;
    QTest::newRow("1000 idle") << 1000 << QStringLiteral("idle") << O::Transient;
    QTest::newRow("1000 other") << 1000 << QStringLiteral("Done") << O::Transient;
    QTest::newRow("1001") << 1001 << QString() << O::Transient;
    QTest::newRow("1011") << 1011 << QString() << O::Transient;
    QTest::newRow("3050") << 3050 << QStringLiteral("pong not received") << O::Transient;
    QTest::newRow("4000 replaced") << 4000 << QStringLiteral("replaced") << O::Replaced;
    QTest::newRow("4000 other") << 4000 << QStringLiteral("elsewhere") << O::Transient;
    QTest::newRow("4001") << 4001 << QString() << O::Transient;
    QTest::newRow("4400") << 4400 << QStringLiteral("Service Account") << O::Refused;
    QTest::newRow("4401") << 4401 << QStringLiteral("Unauthorized") << O::TokenRejected;
    QTest::newRow("4403") << 4403 << QStringLiteral("not entitled") << O::Refused;
    QTest::newRow("1008") << 1008 << QStringLiteral("authentication failed") << O::TokenRejected;
    QTest::newRow("4404 after readiness") << 4404 << QString() << O::Transient;
    QTest::newRow("unknown 4999") << 4999 << QString() << O::Transient;
}

void TestLiveSocket::serverCloseCodes()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(LiveSocket::Outcome, outcome);
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_mercury->closeAll(code, reason);
    QVERIFY(ended.wait());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), outcome);
    QCOMPARE(ended.at(0).at(1).toString(), reason);
    QVERIFY(!m_socket->isLive());
}

void TestLiveSocket::droppedConnectionIsTransient()
{
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_mercury->dropAll();
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Transient);
}

void TestLiveSocket::rejectedTokenBeforeReadiness()
{
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_socket->open(m_mercury->url(), QStringLiteral("expired-token"));
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::TokenRejected);
    QCOMPARE(m_mercury->authorizations, QStringList{QStringLiteral("Bearer expired-token")});
}

void TestLiveSocket::unknownDeviceClosedWith4404()
{
    m_mercury->unknownDevices = QStringList{QStringLiteral("gone")};
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_socket->open(m_mercury->url(QStringLiteral("gone")), QStringLiteral("test-token"));
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::DeviceGone);
}

void TestLiveSocket::unknownDeviceAnswered404OnTheUpgrade()
{
    // What a server that can refuse the upgrade (Webex; the emulator on Qt 6.8) does.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *connection = server.nextPendingConnection();
        connect(connection, &QTcpSocket::readyRead, connection, [connection] {
            if (!connection->readAll().contains("\r\n\r\n"))
                return;
            connection->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n");
            connection->disconnectFromHost();
        });
    });
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_socket->open(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/mercury/gone/messages").arg(server.serverPort())),
        QStringLiteral("test-token"));
    QVERIFY(ended.wait());
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::DeviceGone);
    QTest::qWait(50); // no second ended() from a late disconnected()
    QCOMPARE(ended.size(), 1);
}

void TestLiveSocket::shutdownFrameDrainsAtOnce()
{
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_mercury->send(QJsonObject{{QStringLiteral("type"), QStringLiteral("shutdown")}});
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Draining);
    QTRY_VERIFY(m_mercury->acks.contains(m_mercury->sentIds.last()));
}

void TestLiveSocket::closeEndsOnceAndTellsTheServer()
{
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    m_socket->close();
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Closed);
    QVERIFY(!m_socket->isOpen());
    QTRY_COMPARE(m_mercury->connectionCount(), 0);
    m_socket->close(); // nothing open: nothing
    QTest::qWait(20);
    QCOMPARE(ended.size(), 1);
}

void TestLiveSocket::oversizedMessageEndsTheConnectionNotTheApp()
{
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QSignalSpy activity(m_socket.get(), &LiveSocket::activity);
    // Qt refuses it (1009) before it is ever read whole.
    m_mercury->sendRaw("{\"id\":\"huge\",\"pad\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}");
    QVERIFY(ended.wait());
    QCOMPARE(ended.at(0).at(0).value<LiveSocket::Outcome>(), LiveSocket::Outcome::Transient);
    QCOMPARE(activity.size(), 0);
    QVERIFY(!m_mercury->acks.contains(QStringLiteral("huge")));
}

void TestLiveSocket::reopenReplacesSilently()
{
    QVERIFY(openLive());
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    QVERIFY(openLive());
    QCOMPARE(ended.size(), 0);
    QTRY_COMPARE(m_mercury->connectionCount(), 1);
}

void TestLiveSocket::tokenIsNeverLogged()
{
    QStringList log;
    g_log = &log;
    g_previous = qInstallMessageHandler(recordMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("webexdesk.live.debug=true"));
    QSignalSpy ended(m_socket.get(), &LiveSocket::ended);
    {
        QVERIFY(openLive());
        m_mercury->send(postFrame(QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d")));
        m_mercury->closeAll(4401, QStringLiteral("Unauthorized"));
        QVERIFY(ended.wait());
        m_socket->open(m_mercury->url(), QStringLiteral("expired-token"));
        QVERIFY(ended.wait());
    }
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
    g_log = nullptr;
    QVERIFY(!log.isEmpty()); // it did log
    for (const QString &line : std::as_const(log)) {
        QVERIFY2(!line.contains(QLatin1String("test-token")) &&
                     !line.contains(QLatin1String("expired-token")) &&
                     !line.contains(QLatin1String("authorization")),
                 qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestLiveSocket)
#include "tst_livesocket.moc"
