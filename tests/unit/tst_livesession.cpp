// LiveSession, the state machine, against the two small fakes of these tests (FakeDeviceService
// and FakeMercury, not the emulator): live after registering, reconnects after drops and pong
// timeouts with a catch-up each time, a catch-up after a sequence gap, a fresh token on 4401,
// a new device when the old one is gone, and the ends that stop live for good.

#include "fakedeviceservice.h"
#include "fakemercury.h"

#include "api/apibase.h"
#include "live/knowndevice.h"
#include "live/livesession.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(LiveSession::State)
Q_DECLARE_METATYPE(LiveSession::CatchUpReason)

class TestLiveSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registersConnectsAndGoesLive();
    void dropReconnectsAndAsksForCatchUp();
    void pongTimeoutReconnects();
    void sequenceGapAsksForCatchUp();
    void rejectedTokenIsRenewedThenReconnected();
    void rejectedTwiceStops();
    void goneDeviceIsRegisteredAgain();
    void replacedStopsUntilReconnect();
    void refusedStopsWithTheReason();
    void drainingReconnectsAtOnce();
    void failingDeviceServiceWaitsAndTriesAgain();
    void excessiveRegistrationsStop();
    void unauthorizedDeviceServiceAsksForAToken();
    void stopEndsEverything();
    void signOutRemovesTheDevice();

private:
    [[nodiscard]] bool waitForState(LiveSession::State state, int timeoutMs = 5000);
    [[nodiscard]] QList<LiveSession::State> states() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KnownDevice> m_store;
    std::unique_ptr<FakeDeviceService> m_wdm;
    std::unique_ptr<FakeMercury> m_mercury;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<LiveSession> m_session;
    std::unique_ptr<QSignalSpy> m_states;
    std::unique_ptr<QSignalSpy> m_catchUps;
    int m_renewals = 0;
};

void TestLiveSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("live.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<KnownDevice>(m_settings.get());
    m_store->open(QStringLiteral("127.0.0.1/me"), false);
    m_mercury = std::make_unique<FakeMercury>();
    QVERIFY(m_mercury->listen());
    m_wdm = std::make_unique<FakeDeviceService>();
    QVERIFY(m_wdm->listen());
    m_wdm->setWebSocketBase(m_mercury->base());
    m_network = std::make_unique<QNetworkAccessManager>();

    m_session = std::make_unique<LiveSession>(*ApiBase::fromUserInput(m_wdm->base()),
                                              m_network.get(), m_store.get());
    m_session->setAccessToken(QStringLiteral("test-token"));
    m_session->setDelayScale(0.01);
    m_session->backoff().setRandomSource([] { return 0.0; });
    m_session->registration().setRetryDelayScale(0.001);
    LiveSocket::Timing timing;
    timing.readinessTimeoutMs = 5000;
    timing.pingIntervalMs = 60 * 1000;
    timing.pongTimeoutMs = 60 * 1000;
    timing.closeTimeoutMs = 200;
    m_session->socket().setTiming(timing);
    m_renewals = 0;
    m_session->setTokenRenewal([this] { ++m_renewals; });
    m_states = std::make_unique<QSignalSpy>(m_session.get(), &LiveSession::stateChanged);
    m_catchUps = std::make_unique<QSignalSpy>(m_session.get(), &LiveSession::catchUpNeeded);
}

void TestLiveSession::cleanup()
{
    m_catchUps.reset();
    m_states.reset();
    m_session.reset();
    m_network.reset();
    m_wdm.reset();
    m_mercury.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

bool TestLiveSession::waitForState(LiveSession::State state, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_session->state() != state && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return m_session->state() == state;
}

QList<LiveSession::State> TestLiveSession::states() const
{
    QList<LiveSession::State> out;
    for (const QList<QVariant> &signal : std::as_const(*m_states))
        out.append(signal.at(0).value<LiveSession::State>());
    return out;
}

void TestLiveSession::registersConnectsAndGoesLive()
{
    using S = LiveSession::State;
    QSignalSpy activity(m_session.get(), &LiveSession::activity);
    m_session->start();
    QVERIFY(waitForState(S::Live));
    QCOMPARE(states(), QList<S>({S::Registering, S::Connecting, S::Live}));
    QVERIFY(!m_states->last().at(1).toString().isEmpty());
    QCOMPARE(m_catchUps->size(), 1);
    QCOMPARE(m_catchUps->at(0).at(0).value<LiveSession::CatchUpReason>(),
             LiveSession::CatchUpReason::Connected);
    QCOMPARE(m_wdm->calls(), QStringList({QStringLiteral("GET /wdm/api/v1/devices"),
                                          QStringLiteral("POST /wdm/api/v1/devices")}));
    QCOMPARE(m_mercury->requestUrls.value(0).path(),
             m_wdm->webSocketUrl(m_wdm->devices.at(0).id).path());

    m_mercury->send(QJsonObject{
        {QStringLiteral("data"),
         QJsonObject{
             {QStringLiteral("eventType"), QStringLiteral("conversation.activity")},
             {QStringLiteral("activity"),
              QJsonObject{
                  {QStringLiteral("verb"), QStringLiteral("delete")},
                  {QStringLiteral("object"),
                   QJsonObject{{QStringLiteral("id"),
                                QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d")}}},
                  {QStringLiteral("target"),
                   QJsonObject{{QStringLiteral("id"),
                                QStringLiteral("bbceb1ad-43f1-3b58-9147-f14bb0c4d154")}}}}}}}});
    QVERIFY(activity.wait());
    QCOMPARE(activity.at(0).at(0).value<ActivityEvent>().kind, ActivityEvent::Kind::Deleted);

    // A second start() changes nothing.
    m_session->start();
    QCOMPARE(m_session->state(), S::Live);
}

void TestLiveSession::dropReconnectsAndAsksForCatchUp()
{
    using S = LiveSession::State;
    m_session->start();
    QVERIFY(waitForState(S::Live));
    m_states->clear();
    m_mercury->dropAll();
    QTRY_COMPARE(m_catchUps->size(), 2);
    QCOMPARE(m_catchUps->at(1).at(0).value<LiveSession::CatchUpReason>(),
             LiveSession::CatchUpReason::Reconnected);
    QCOMPARE(states(), QList<S>({S::Waiting, S::Connecting, S::Live}));
    // The device was not registered again: a drop is the socket's business.
    QCOMPARE(m_wdm->requests().size(), 2);
    QCOMPARE(m_mercury->requestUrls.size(), 2);
    QCOMPARE(m_session->backoff().attempts(), 1);
}

void TestLiveSession::pongTimeoutReconnects()
{
    LiveSocket::Timing timing = m_session->socket().timing();
    timing.pongTimeoutMs = 50;
    m_session->socket().setTiming(timing);
    m_mercury->answerPings = false;
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    // No pong: the connection goes, and a new one comes (and goes, and comes...).
    QTRY_VERIFY(m_catchUps->size() >= 2);
    QCOMPARE(m_catchUps->at(1).at(0).value<LiveSession::CatchUpReason>(),
             LiveSession::CatchUpReason::Reconnected);
    QVERIFY(m_mercury->requestUrls.size() >= 2);
    QVERIFY(m_mercury->pings.size() >= 1);
}

void TestLiveSession::sequenceGapAsksForCatchUp()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    m_mercury->skipSequence(2);
    m_mercury->send(QJsonObject{
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("eventType"), QStringLiteral("status.start_typing")}}}});
    QTRY_COMPARE(m_catchUps->size(), 2);
    QCOMPARE(m_catchUps->at(1).at(0).value<LiveSession::CatchUpReason>(),
             LiveSession::CatchUpReason::SequenceGap);
    QCOMPARE(m_session->state(), LiveSession::State::Live);
}

void TestLiveSession::rejectedTokenIsRenewedThenReconnected()
{
    using S = LiveSession::State;
    m_session->start();
    QVERIFY(waitForState(S::Live));
    m_mercury->acceptedToken = QStringLiteral("fresh-token");
    m_mercury->closeAll(4401, QStringLiteral("Unauthorized"));
    QTRY_COMPARE(m_renewals, 1);
    QCOMPARE(m_session->state(), S::Waiting);
    QTest::qWait(20);
    QCOMPARE(m_mercury->requestUrls.size(), 1); // nothing until the token comes
    // The app's SessionKeeper renews, and accessTokenReady hands the new token over.
    m_session->setAccessToken(QStringLiteral("fresh-token"));
    QVERIFY(waitForState(S::Live));
    QCOMPARE(m_mercury->authorizations, QStringList({QStringLiteral("Bearer test-token"),
                                                     QStringLiteral("Bearer fresh-token")}));
    QCOMPARE(m_catchUps->size(), 2);
    QCOMPARE(m_renewals, 1);
}

void TestLiveSession::rejectedTwiceStops()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    m_mercury->acceptedToken = QStringLiteral("nobody-has-it");
    m_mercury->closeAll(4401, QStringLiteral("Unauthorized"));
    QTRY_COMPARE(m_renewals, 1);
    m_session->setAccessToken(QStringLiteral("fresh-but-refused"));
    QVERIFY(waitForState(LiveSession::State::Stopped));
    QCOMPARE(m_renewals, 1); // no loop of renewals
    QVERIFY(!m_session->sentence().isEmpty());
}

void TestLiveSession::goneDeviceIsRegisteredAgain()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    const QString oldId = m_wdm->devices.at(0).id;
    // The service forgets the device: its socket is refused (4404), its PUT answers 404.
    m_wdm->devices.clear();
    m_mercury->unknownDevices = QStringList{oldId};
    m_mercury->dropAll();
    QTRY_COMPARE(m_catchUps->size(), 2);
    QCOMPARE(m_session->state(), LiveSession::State::Live);
    QCOMPARE(m_wdm->calls().mid(2), QStringList({QStringLiteral("PUT /wdm/api/v1/devices/") + oldId,
                                                 QStringLiteral("GET /wdm/api/v1/devices"),
                                                 QStringLiteral("POST /wdm/api/v1/devices")}));
    const QString newId = m_wdm->devices.at(0).id;
    QVERIFY(newId != oldId);
    QCOMPARE(m_mercury->requestUrls.last().path(), m_wdm->webSocketUrl(newId).path());
    QCOMPARE(m_store->device()->url, m_wdm->deviceUrl(newId));
}

void TestLiveSession::replacedStopsUntilReconnect()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    m_mercury->closeAll(4000, QStringLiteral("replaced"));
    QVERIFY(waitForState(LiveSession::State::Stopped));
    QTest::qWait(50);
    QCOMPARE(m_mercury->requestUrls.size(), 1); // not reconnected by itself
    m_session->reconnectNow();
    QVERIFY(waitForState(LiveSession::State::Live));
    QCOMPARE(m_mercury->requestUrls.size(), 2);
}

void TestLiveSession::refusedStopsWithTheReason()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    m_mercury->closeAll(4403, QStringLiteral("not entitled"));
    QVERIFY(waitForState(LiveSession::State::Stopped));
    QVERIFY2(m_session->sentence().contains(QLatin1String("not entitled")),
             qPrintable(m_session->sentence()));
}

void TestLiveSession::drainingReconnectsAtOnce()
{
    using S = LiveSession::State;
    m_session->start();
    QVERIFY(waitForState(S::Live));
    m_states->clear();
    m_mercury->send(QJsonObject{{QStringLiteral("type"), QStringLiteral("shutdown")}});
    QTRY_COMPARE(m_catchUps->size(), 2);
    QCOMPARE(states(), QList<S>({S::Connecting, S::Live})); // no Waiting
    QCOMPARE(m_session->backoff().attempts(), 0);
}

void TestLiveSession::failingDeviceServiceWaitsAndTriesAgain()
{
    using S = LiveSession::State;
    m_wdm->failNext = 4; // the list fails past its 3 retries, once
    m_wdm->failStatus = 503;
    m_session->start();
    QVERIFY(waitForState(S::Live));
    QCOMPARE(states(),
             QList<S>({S::Registering, S::Waiting, S::Registering, S::Connecting, S::Live}));
}

void TestLiveSession::excessiveRegistrationsStop()
{
    m_wdm->deviceLimit = 0;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("deleting 0 stale")));
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Stopped));
    QVERIFY(m_session->sentence().contains(QLatin1String("too many devices")));
    QTest::qWait(50);
    QCOMPARE(m_wdm->calls().count(QStringLiteral("POST /wdm/api/v1/devices")), 1);
}

void TestLiveSession::unauthorizedDeviceServiceAsksForAToken()
{
    m_wdm->acceptedToken = QStringLiteral("fresh-token");
    m_mercury->acceptedToken = QStringLiteral("fresh-token");
    m_session->start();
    QTRY_COMPARE(m_renewals, 1);
    m_session->setAccessToken(QStringLiteral("fresh-token"));
    QVERIFY(waitForState(LiveSession::State::Live));
}

void TestLiveSession::stopEndsEverything()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    m_session->stop();
    QCOMPARE(m_session->state(), LiveSession::State::Idle);
    QTRY_COMPARE(m_mercury->connectionCount(), 0);
    QTest::qWait(50);
    QCOMPARE(m_mercury->requestUrls.size(), 1);
    QCOMPARE(m_session->state(), LiveSession::State::Idle);
    // And it starts again.
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    QCOMPARE(m_catchUps->last().at(0).value<LiveSession::CatchUpReason>(),
             LiveSession::CatchUpReason::Connected);
    // The kept device was refreshed, not registered anew.
    QCOMPARE(m_wdm->calls().last(),
             QStringLiteral("PUT /wdm/api/v1/devices/") + m_wdm->devices.at(0).id);
}

void TestLiveSession::signOutRemovesTheDevice()
{
    m_session->start();
    QVERIFY(waitForState(LiveSession::State::Live));
    QSignalSpy signedOut(m_session.get(), &LiveSession::signedOut);
    m_session->signOut();
    QVERIFY(signedOut.wait());
    QCOMPARE(m_session->state(), LiveSession::State::Idle);
    QVERIFY(m_wdm->devices.isEmpty());
    QVERIFY(!m_store->device());
}

QTEST_GUILESS_MAIN(TestLiveSession)
#include "tst_livesession.moc"
