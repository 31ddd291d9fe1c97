// Connectivity: a call that got no answer makes the session offline; while offline it asks
// Webex again by itself (people/me, without credentials: any HTTP answer, 401 included, means
// Webex is there) after a backoff, at once on tryNow(), and any answer of a session's call
// ends it. Against TestHttpServer on loopback, closed and opened again on the same port.

#include "api/apibase.h"
#include "api/apierror.h"
#include "api/connectivity.h"
#include "testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int WaitMs = 20000;

ApiError unreachable()
{
    ApiError error;
    error.kind = ApiError::Kind::Network;
    return error;
}
} // namespace

class TestConnectivity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aCallWithoutAnswerMakesItOfflineAndAProbeFindsWebexBack();
    void probesBackOffWhileWebexStaysAway();
    void anyAnswerOfTheSessionEndsOffline();
    void tryNowProbesAtOnceAndOnlyOnce();
    void nothingIsSaidOutsideASession();

private:
    [[nodiscard]] ApiBase api() const
    {
        return *ApiBase::fromUserInput(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<TestHttpServer> m_server;
    quint16 m_port = 0;
};

void TestConnectivity::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_port = m_server->port();
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(401, R"({"message":"no token"})");
    });
}

void TestConnectivity::cleanup()
{
    m_server.reset();
}

void TestConnectivity::aCallWithoutAnswerMakesItOfflineAndAProbeFindsWebexBack()
{
    Connectivity connectivity(&m_network);
    QSignalSpy changed(&connectivity, &Connectivity::changed);
    QSignalSpy scheduled(&connectivity, &Connectivity::attemptScheduled);
    connectivity.begin(api());
    QVERIFY(connectivity.isOnline());
    connectivity.reportUnreachable(unreachable());
    QVERIFY(!connectivity.isOnline());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().constFirst().toBool(), false);
    // The first try within the backoff's first second.
    QCOMPARE(scheduled.size(), 1);
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(connectivity.nextAttemptAt());
    QVERIFY2(wait > 0 && wait <= 1000, QByteArray::number(wait));
    // The server answers 401: Webex is there.
    QVERIFY(changed.wait(WaitMs));
    QVERIFY(connectivity.isOnline());
    QCOMPARE(changed.constLast().constFirst().toBool(), true);
    QCOMPARE(m_server->requests().size(), 1);
    const TestHttpServer::Request probe = m_server->requests().constFirst();
    QCOMPARE(probe.method, QByteArray("GET"));
    QCOMPARE(probe.target, QByteArray("/v1/people/me"));
    // Nothing secret goes with it.
    QVERIFY(!probe.headers.contains("authorization"));
    QVERIFY(!connectivity.nextAttemptAt().isValid());
}

void TestConnectivity::probesBackOffWhileWebexStaysAway()
{
    m_server->close(); // refused from now on
    Connectivity connectivity(&m_network);
    QSignalSpy changed(&connectivity, &Connectivity::changed);
    QSignalSpy scheduled(&connectivity, &Connectivity::attemptScheduled);
    connectivity.begin(api());
    connectivity.reportUnreachable(unreachable());
    // Two more tries, each refused, each scheduled later than the one before.
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 3, WaitMs);
    QVERIFY(!connectivity.isOnline());
    QCOMPARE(changed.size(), 1);
    const QDateTime second = scheduled.at(1).constFirst().toDateTime();
    const QDateTime third = scheduled.at(2).constFirst().toDateTime();
    QVERIFY(second < third);
    // Back on the same port: the next try finds it.
    QVERIFY(m_server->listen(m_port));
    QVERIFY(changed.wait(WaitMs));
    QVERIFY(connectivity.isOnline());
}

void TestConnectivity::anyAnswerOfTheSessionEndsOffline()
{
    m_server->close();
    Connectivity connectivity(&m_network);
    QSignalSpy changed(&connectivity, &Connectivity::changed);
    connectivity.begin(api());
    connectivity.reportUnreachable(unreachable());
    connectivity.reportUnreachable(unreachable()); // said once
    QCOMPARE(changed.size(), 1);
    connectivity.reportReached();
    QCOMPARE(changed.size(), 2);
    QVERIFY(connectivity.isOnline());
    connectivity.reportReached(); // online already: nothing to say
    QCOMPARE(changed.size(), 2);
    QTest::qWait(1500); // no probe is left scheduled
    QVERIFY(connectivity.isOnline());
}

void TestConnectivity::tryNowProbesAtOnceAndOnlyOnce()
{
    Connectivity connectivity(&m_network);
    QSignalSpy changed(&connectivity, &Connectivity::changed);
    connectivity.begin(api());
    connectivity.tryNow(); // online: nothing to try
    connectivity.reportUnreachable(unreachable());
    connectivity.tryNow();
    connectivity.tryNow();                            // one probe at a time
    QVERIFY(!connectivity.nextAttemptAt().isValid()); // on its way, not scheduled
    QVERIFY(changed.wait(WaitMs));
    QVERIFY(connectivity.isOnline());
    QCOMPARE(m_server->requests().size(), 1);
}

void TestConnectivity::nothingIsSaidOutsideASession()
{
    Connectivity connectivity(&m_network);
    QSignalSpy changed(&connectivity, &Connectivity::changed);
    connectivity.reportUnreachable(unreachable());
    QVERIFY(connectivity.isOnline());
    connectivity.begin(api());
    connectivity.reportUnreachable(unreachable());
    QVERIFY(!connectivity.isOnline());
    // The session ends while offline: online again (nothing to wait for), no more probes.
    m_server->close();
    connectivity.end();
    QVERIFY(connectivity.isOnline());
    QCOMPARE(changed.size(), 2);
    QTest::qWait(1500);
    QCOMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"
