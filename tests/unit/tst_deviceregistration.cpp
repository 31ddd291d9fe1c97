// DeviceRegistration, DeviceInfo and KnownDevice against a small fake of Webex's device service
// (docs/LIVE-EVENTS.md 2.2 to 2.7): register once and reuse, 404 -> list by name -> reuse or
// POST, the per-user limit cleaned up among our own devices only, sign-out, and bad answers.

#include "fakedeviceservice.h"

#include "api/apibase.h"
#include "live/deviceinfo.h"
#include "live/deviceregistration.h"
#include "live/knowndevice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestDeviceRegistration : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstTimeListsThenRegistersAndKeepsTheDevice();
    void keptDeviceIsRefreshedWithOnePut();
    void goneDeviceIsFoundByNameInTheList();
    void goneDeviceWithoutOursInTheListIsRegisteredAgain();
    void listRefusedOrMissingStillRegisters_data();
    void listRefusedOrMissingStillRegisters();
    void excessiveRegistrationsDeleteOurOwnStaleDevicesOnly();
    void excessiveRegistrationsWithNothingOfOursFails();
    void excessiveRegistrationsTwiceFails();
    void serverErrorsAreRetriedButAPostIsNot();
    void unauthorizedFailsAtOnce();
    void unusableAnswersFail_data();
    void unusableAnswersFail();
    void removeDeletesAndForgets();
    void removeOfAGoneOrUnknownDeviceStillEnds();
    void namesAreUniquePerInstallation();
    void ephemeralAccountKeepsNothingInSettings();
    void editedSettingsAreReadAsUntrusted();
    void deviceInfoRules_data();
    void deviceInfoRules();

private:
    [[nodiscard]] std::unique_ptr<DeviceRegistration> registration();
    void keepDevice(const QString &id);
    [[nodiscard]] QString ourName() { return m_store->deviceName(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KnownDevice> m_store;
    std::unique_ptr<FakeDeviceService> m_wdm;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestDeviceRegistration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("live.ini")),
                                             QSettings::IniFormat);
    m_store = std::make_unique<KnownDevice>(m_settings.get());
    m_store->open(QStringLiteral("127.0.0.1/f5b36187"), false);
    m_wdm = std::make_unique<FakeDeviceService>();
    QVERIFY(m_wdm->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestDeviceRegistration::cleanup()
{
    m_network.reset();
    m_wdm.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<DeviceRegistration> TestDeviceRegistration::registration()
{
    const std::optional<ApiBase> service = ApiBase::fromUserInput(m_wdm->base());
    auto out = std::make_unique<DeviceRegistration>(*service, m_network.get(), m_store.get());
    out->setAccessToken(QStringLiteral("test-token"));
    out->setRetryDelayScale(0.001);
    out->setJitterSource([] { return 0.0; });
    return out;
}

void TestDeviceRegistration::keepDevice(const QString &id)
{
    DeviceInfo kept;
    kept.url = m_wdm->deviceUrl(id);
    kept.webSocketUrl = m_wdm->webSocketUrl(id);
    m_store->remember(kept);
}

void TestDeviceRegistration::firstTimeListsThenRegistersAndKeepsTheDevice()
{
    // Another client's device is in the list; it is not ours.
    m_wdm->devices.append({QStringLiteral("web-1"), QStringLiteral("Chrome on Linux"),
                           QDateTime::currentDateTimeUtc()});
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls(), QStringList({QStringLiteral("GET /wdm/api/v1/devices"),
                                          QStringLiteral("POST /wdm/api/v1/devices")}));
    const TestHttpServer::Request &post = m_wdm->requests().at(1);
    QCOMPARE(post.header("Authorization"), QByteArray("Bearer test-token"));
    QVERIFY(post.header("Content-Type").startsWith("application/json"));
    QVERIFY(post.header("TrackingID").startsWith("WebexDesk_"));
    const QJsonObject body = QJsonDocument::fromJson(post.body).object();
    QCOMPARE(body.keys(), QStringList({"deviceName", "deviceType", "localizedModel", "model",
                                       "name", "systemName", "systemVersion"}));
    QCOMPARE(body.value(QLatin1String("deviceType")).toString(), QStringLiteral("DESKTOP"));
    QCOMPARE(body.value(QLatin1String("name")).toString(), ourName());
    QVERIFY(!body.contains(QLatin1String("ttl")));

    const auto device = ready.at(0).at(0).value<DeviceInfo>();
    QCOMPARE(m_wdm->devices.size(), 2);
    QCOMPARE(device.url, m_wdm->deviceUrl(m_wdm->devices.at(1).id));
    QCOMPARE(device.webSocketUrl, m_wdm->webSocketUrl(m_wdm->devices.at(1).id));
    QCOMPARE(device.name, ourName());
    QCOMPARE(device.userId, QStringLiteral("f5b36187-c8dd-4727-8b2f-f9c447f29046"));
    // Kept for the next start.
    QCOMPARE(m_store->device()->url, device.url);
    QCOMPARE(m_store->device()->webSocketUrl, device.webSocketUrl);
}

void TestDeviceRegistration::keptDeviceIsRefreshedWithOnePut()
{
    m_wdm->devices.append({QStringLiteral("d-1"), ourName(), QDateTime::currentDateTimeUtc()});
    keepDevice(QStringLiteral("d-1"));
    // The service has moved the socket since: the answer's webSocketUrl wins (section 2.4).
    m_wdm->setWebSocketBase(QUrl(QStringLiteral("ws://127.0.0.1:10/elsewhere")));
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls(), QStringList{QStringLiteral("PUT /wdm/api/v1/devices/d-1")});
    QCOMPARE(QJsonDocument::fromJson(m_wdm->requests().at(0).body),
             QJsonDocument::fromJson(wdm->registrationBody()));
    const auto device = ready.at(0).at(0).value<DeviceInfo>();
    QCOMPARE(device.webSocketUrl.path(), QStringLiteral("/elsewhere/d-1/messages"));
    QCOMPARE(m_store->device()->webSocketUrl, device.webSocketUrl);
}

void TestDeviceRegistration::goneDeviceIsFoundByNameInTheList()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Ours twice (the newest wins, WR's order), and another installation's.
    m_wdm->devices.append({QStringLiteral("old"), ourName(), now.addDays(-3)});
    m_wdm->devices.append({QStringLiteral("new"), ourName(), now.addDays(-1)});
    m_wdm->devices.append({QStringLiteral("other"),
                           QStringLiteral("Webex Desk 11111111-2222-4333-8444-555555555555"), now});
    keepDevice(QStringLiteral("gone"));
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls(), QStringList({QStringLiteral("PUT /wdm/api/v1/devices/gone"),
                                          QStringLiteral("GET /wdm/api/v1/devices")}));
    QCOMPARE(ready.at(0).at(0).value<DeviceInfo>().url, m_wdm->deviceUrl(QStringLiteral("new")));
    QCOMPARE(m_store->device()->url, m_wdm->deviceUrl(QStringLiteral("new")));
}

void TestDeviceRegistration::goneDeviceWithoutOursInTheListIsRegisteredAgain()
{
    keepDevice(QStringLiteral("gone"));
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls(), QStringList({QStringLiteral("PUT /wdm/api/v1/devices/gone"),
                                          QStringLiteral("GET /wdm/api/v1/devices"),
                                          QStringLiteral("POST /wdm/api/v1/devices")}));
    QCOMPARE(m_store->device()->url, m_wdm->deviceUrl(m_wdm->devices.at(0).id));
}

void TestDeviceRegistration::listRefusedOrMissingStillRegisters_data()
{
    QTest::addColumn<int>("listStatus");
    QTest::newRow("403 (scope)") << 403;
    QTest::newRow("404") << 404;
}

void TestDeviceRegistration::listRefusedOrMissingStillRegisters()
{
    QFETCH(int, listStatus);
    m_wdm->listStatus = listStatus;
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    if (listStatus == 403)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused the list")));
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls().last(), QStringLiteral("POST /wdm/api/v1/devices"));
    QCOMPARE(m_wdm->calls().size(), 2); // not retried
}

void TestDeviceRegistration::excessiveRegistrationsDeleteOurOwnStaleDevicesOnly()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Four of ours from other installations (the oldest third, rounded up, is two), and other
    // clients' devices, older still, which are never touched.
    for (int i = 0; i < 4; ++i)
        m_wdm->devices.append(
            {QStringLiteral("desk-%1").arg(i),
             QStringLiteral("Webex Desk 00000000-0000-4000-8000-00000000000%1").arg(i),
             now.addDays(-10 + i)});
    m_wdm->devices.append({QStringLiteral("web"), QStringLiteral("Chrome"), now.addDays(-100)});
    m_wdm->devices.append(
        {QStringLiteral("fake"), QStringLiteral("Webex Desk of someone"), now.addDays(-100)});
    m_wdm->deviceLimit = 6;
    auto wdm = registration();
    QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("deleting 2 stale")));
    wdm->ensure();
    QVERIFY(ready.wait());
    QCOMPARE(m_wdm->calls(), QStringList({QStringLiteral("GET /wdm/api/v1/devices"),
                                          QStringLiteral("POST /wdm/api/v1/devices"),
                                          QStringLiteral("DELETE /wdm/api/v1/devices/desk-0"),
                                          QStringLiteral("DELETE /wdm/api/v1/devices/desk-1"),
                                          QStringLiteral("POST /wdm/api/v1/devices")}));
    QStringList left;
    for (const auto &device : std::as_const(m_wdm->devices))
        left.append(device.id);
    QCOMPARE(left.size(), 5);
    QVERIFY(left.contains(QStringLiteral("web")));
    QVERIFY(left.contains(QStringLiteral("fake")));
}

void TestDeviceRegistration::excessiveRegistrationsWithNothingOfOursFails()
{
    m_wdm->devices.append(
        {QStringLiteral("web"), QStringLiteral("Chrome"), QDateTime::currentDateTimeUtc()});
    m_wdm->deviceLimit = 1;
    auto wdm = registration();
    QSignalSpy failed(wdm.get(), &DeviceRegistration::failed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("deleting 0 stale")));
    wdm->ensure();
    QVERIFY(failed.wait());
    const auto error = failed.at(0).at(0).value<ApiError>();
    QVERIFY(DeviceRegistration::isExcessiveRegistrations(error));
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.trackingId, QStringLiteral("T-limit"));
    QCOMPARE(m_wdm->devices.size(), 1); // nothing deleted
    QVERIFY(!m_store->device());
}

void TestDeviceRegistration::excessiveRegistrationsTwiceFails()
{
    // Our stale device is deleted, and still the limit holds (others fill it): one retry only.
    m_wdm->devices.append({QStringLiteral("desk"),
                           QStringLiteral("Webex Desk 00000000-0000-4000-8000-000000000001"),
                           QDateTime::currentDateTimeUtc()});
    m_wdm->deviceLimit = 0;
    auto wdm = registration();
    QSignalSpy failed(wdm.get(), &DeviceRegistration::failed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("deleting 1 stale")));
    wdm->ensure();
    QVERIFY(failed.wait());
    QVERIFY(DeviceRegistration::isExcessiveRegistrations(failed.at(0).at(0).value<ApiError>()));
    QCOMPARE(m_wdm->calls().count(QStringLiteral("POST /wdm/api/v1/devices")), 2);
}

void TestDeviceRegistration::serverErrorsAreRetriedButAPostIsNot()
{
    {
        m_wdm->devices.append({QStringLiteral("d-1"), ourName(), QDateTime::currentDateTimeUtc()});
        keepDevice(QStringLiteral("d-1"));
        m_wdm->failNext = 2;
        m_wdm->failStatus = 503;
        auto wdm = registration();
        QSignalSpy ready(wdm.get(), &DeviceRegistration::ready);
        wdm->ensure();
        QVERIFY(ready.wait());
        QCOMPARE(m_wdm->calls().count(QStringLiteral("PUT /wdm/api/v1/devices/d-1")), 3);
    }
    {
        // A 500 on the POST may have registered it: not sent again (RetryPolicy's rule).
        m_store->forget();
        m_wdm->devices.clear();
        auto wdm = registration();
        QSignalSpy failed(wdm.get(), &DeviceRegistration::failed);
        const qsizetype before = m_wdm->requests().size();
        m_wdm->postStatus = 500;
        wdm->ensure();
        QVERIFY(failed.wait());
        QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 500);
        QCOMPARE(m_wdm->calls().mid(before),
                 QStringList({QStringLiteral("GET /wdm/api/v1/devices"),
                              QStringLiteral("POST /wdm/api/v1/devices")}));
    }
}

void TestDeviceRegistration::unauthorizedFailsAtOnce()
{
    m_wdm->acceptedToken = QStringLiteral("another-token");
    auto wdm = registration();
    QSignalSpy failed(wdm.get(), &DeviceRegistration::failed);
    wdm->ensure();
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 401);
    QCOMPARE(m_wdm->requests().size(), 1);
}

void TestDeviceRegistration::unusableAnswersFail_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>");
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("no url") << QByteArray(R"({"webSocketUrl":"wss://mercury.example/x"})");
    QTest::newRow("no webSocketUrl") << QByteArray(R"({"url":"https://wdm.example/d/1"})");
    QTest::newRow("ws to another computer")
        << QByteArray(R"({"url":"https://wdm.example/d/1","webSocketUrl":"ws://example.com/x"})");
    QTest::newRow("http to another computer")
        << QByteArray(R"({"url":"http://example.com/d/1","webSocketUrl":"wss://example.com/x"})");
    QTest::newRow("url of wrong type")
        << QByteArray(R"({"url":7,"webSocketUrl":"wss://example.com/x"})");
}

void TestDeviceRegistration::unusableAnswersFail()
{
    QFETCH(QByteArray, body);
    m_wdm->deviceBodyOverride = body;
    auto wdm = registration();
    QSignalSpy failed(wdm.get(), &DeviceRegistration::failed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a usable device")));
    wdm->ensure();
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Parse);
    QVERIFY(!m_store->device()); // nothing half-kept
}

void TestDeviceRegistration::removeDeletesAndForgets()
{
    m_wdm->devices.append({QStringLiteral("d-1"), ourName(), QDateTime::currentDateTimeUtc()});
    keepDevice(QStringLiteral("d-1"));
    auto wdm = registration();
    QSignalSpy removed(wdm.get(), &DeviceRegistration::removed);
    wdm->remove();
    QVERIFY(removed.wait());
    QCOMPARE(m_wdm->calls(), QStringList{QStringLiteral("DELETE /wdm/api/v1/devices/d-1")});
    QVERIFY(m_wdm->devices.isEmpty());
    QVERIFY(!m_store->device());
}

void TestDeviceRegistration::removeOfAGoneOrUnknownDeviceStillEnds()
{
    keepDevice(QStringLiteral("gone"));
    auto wdm = registration();
    QSignalSpy removed(wdm.get(), &DeviceRegistration::removed);
    wdm->remove();
    QVERIFY(removed.wait());
    QVERIFY(!m_store->device());
    // Nothing kept: at once, with no request.
    const qsizetype before = m_wdm->requests().size();
    wdm->remove();
    QVERIFY(removed.wait());
    QCOMPARE(m_wdm->requests().size(), before);
    // A failing DELETE (after its retries) still ends, and the device is forgotten.
    keepDevice(QStringLiteral("d-2"));
    m_wdm->devices.append({QStringLiteral("d-2"), ourName(), QDateTime::currentDateTimeUtc()});
    m_wdm->failNext = 10;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Could not delete")));
    wdm->remove();
    QVERIFY(removed.wait());
    QVERIFY(!m_store->device());
}

void TestDeviceRegistration::namesAreUniquePerInstallation()
{
    const QString first = m_store->deviceName();
    QVERIFY(KnownDevice::isWebexDeskName(first));
    QCOMPARE(m_store->deviceName(), first);
    // Another account of the same installation: the same name.
    KnownDevice again(m_settings.get());
    again.open(QStringLiteral("webexapis.com/other"), false);
    QCOMPARE(again.deviceName(), first);
    // Another installation: another name.
    QSettings elsewhere(m_dir->filePath(QStringLiteral("other.ini")), QSettings::IniFormat);
    KnownDevice other(&elsewhere);
    QVERIFY(other.deviceName() != first);
    QVERIFY(!KnownDevice::isWebexDeskName(QStringLiteral("Webex Desk of someone")));
    QVERIFY(!KnownDevice::isWebexDeskName(QStringLiteral("Chrome")));
}

void TestDeviceRegistration::ephemeralAccountKeepsNothingInSettings()
{
    KnownDevice demo(m_settings.get());
    demo.open(QStringLiteral("127.0.0.1/demo"), true);
    DeviceInfo device;
    device.url = QUrl(QStringLiteral("http://127.0.0.1:1/wdm/api/v1/devices/x"));
    device.webSocketUrl = QUrl(QStringLiteral("ws://127.0.0.1:1/x"));
    demo.remember(device);
    QCOMPARE(demo.device()->url, device.url);
    m_settings->sync();
    const QStringList keys = m_settings->allKeys();
    QVERIFY2(!keys.join(QLatin1Char(' ')).contains(QLatin1String("demo")),
             qPrintable(keys.join(QLatin1Char(' '))));
    demo.close();
    QVERIFY(!demo.device());
}

void TestDeviceRegistration::editedSettingsAreReadAsUntrusted()
{
    keepDevice(QStringLiteral("d-1"));
    QVERIFY(m_store->device());
    // The kept URLs are keyed per account; find them and make them point elsewhere in clear.
    for (const QString &key : m_settings->allKeys()) {
        if (key.endsWith(QLatin1String("/webSocketUrl")))
            m_settings->setValue(key, QStringLiteral("ws://example.com/steal"));
    }
    QVERIFY(!m_store->device());
    // Another account reads nothing of this one's.
    KnownDevice other(m_settings.get());
    other.open(QStringLiteral("webexapis.com/other"), false);
    QVERIFY(!other.device());
}

void TestDeviceRegistration::deviceInfoRules_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("asDevice");
    QTest::addColumn<bool>("asSocket");
    QTest::newRow("https") << "https://wdm-a.wbx2.com/wdm/api/v1/devices/x" << true << false;
    QTest::newRow("https elsewhere (the fixture's locus-a)")
        << "https://locus-a.wbx2.com/locus/api/v1/devices/x" << true << false;
    QTest::newRow("http loopback") << "http://127.0.0.1:8/x" << true << false;
    QTest::newRow("http localhost") << "http://localhost:8/x" << true << false;
    QTest::newRow("http elsewhere") << "http://wdm.example/x" << false << false;
    QTest::newRow("wss")
        << "wss://mercury-connection-a.wbx2.com/v1/apps/wx2/registrations/x/messages" << false
        << true;
    QTest::newRow("wss with a query") << "wss://mercury.example/x?a=b" << false << true;
    QTest::newRow("ws loopback") << "ws://[::1]:8/x" << false << true;
    QTest::newRow("ws elsewhere") << "ws://mercury.example/x" << false << false;
    QTest::newRow("user info") << "wss://user:pw@mercury.example/x" << false << false;
    QTest::newRow("fragment") << "https://wdm.example/x#y" << false << false;
    QTest::newRow("no host") << "https:///x" << false << false;
    QTest::newRow("file") << "file:///etc/passwd" << false << false;
}

void TestDeviceRegistration::deviceInfoRules()
{
    QFETCH(QString, url);
    QFETCH(bool, asDevice);
    QFETCH(bool, asSocket);
    QCOMPARE(DeviceInfo::isAllowedDeviceUrl(QUrl(url)), asDevice);
    QCOMPARE(DeviceInfo::isAllowedWebSocketUrl(QUrl(url)), asSocket);
}

QTEST_GUILESS_MAIN(TestDeviceRegistration)
#include "tst_deviceregistration.moc"
