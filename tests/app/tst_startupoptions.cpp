// The command line: --api-base and --device-service validation reaches the user as a message,
// --demo options.

#include "startupoptions.h"

#include <QTest>

class TestStartupOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void apiBase_data();
    void apiBase();
    void deviceService_data();
    void deviceService();
    void anApiOnThisComputerHasItsDeviceServiceBesideIt();
    void demoUsesTheEmulatorsDeviceService();
    void demoRooms_data();
    void demoRooms();
    void helpAndVersion();
    void unknownOption();
    void qtOptionsAreLeftToQt_data();
    void qtOptionsAreLeftToQt();
    void qtOptionWithoutItsValue();
};

static StartupOptions parse(const QStringList &args)
{
    return StartupOptions::parse(QStringList{QStringLiteral("webex-desk")} + args);
}

void TestStartupOptions::defaults()
{
    const StartupOptions options = parse({});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(options.apiBase.baseUrl(), QUrl(QStringLiteral("https://webexapis.com/v1")));
    QCOMPARE(options.apiBase.authorizeUrl(),
             QUrl(QStringLiteral("https://webexapis.com/v1/authorize")));
    QCOMPARE(options.apiBase.accessTokenUrl(),
             QUrl(QStringLiteral("https://webexapis.com/v1/access_token")));
    QVERIFY(!options.demo);
    QVERIFY(!options.deviceService);
    QCOMPARE(options.deviceServiceFor(options.apiBase, false).baseUrl(),
             QUrl(QStringLiteral("https://wdm-a.wbx2.com/wdm/api/v1")));
}

void TestStartupOptions::apiBase_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://webex.example.org/v1") << true;
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8099/v1") << true;
    QTest::newRow("localhost http") << QStringLiteral("http://localhost:8099/v1") << true;
    QTest::newRow("remote http") << QStringLiteral("http://webexapis.com/v1") << false;
    QTest::newRow("no scheme") << QStringLiteral("webexapis.com/v1") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://webexapis.com/v1") << false;
}

void TestStartupOptions::apiBase()
{
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const StartupOptions options = parse({QStringLiteral("--api-base"), value});
    QCOMPARE(options.error.isEmpty(), accepted);
    if (accepted)
        QCOMPARE(options.apiBase.authorizeUrl().toString(), value + QStringLiteral("/authorize"));
    else
        QVERIFY2(options.error.startsWith(QStringLiteral("--api-base: ")),
                 qPrintable(options.error));
}

void TestStartupOptions::deviceService_data()
{
    // ApiBase's rules, as for --api-base: the token goes there too.
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://wdm-k.wbx2.com/wdm/api/v1") << true;
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8099/wdm/api/v1") << true;
    QTest::newRow("remote http") << QStringLiteral("http://wdm-a.wbx2.com/wdm/api/v1") << false;
    QTest::newRow("wss") << QStringLiteral("wss://wdm-a.wbx2.com/wdm/api/v1") << false;
    QTest::newRow("no scheme") << QStringLiteral("wdm-a.wbx2.com/wdm/api/v1") << false;
    QTest::newRow("user info") << QStringLiteral("https://a:b@wdm-a.wbx2.com/wdm") << false;
}

void TestStartupOptions::deviceService()
{
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const StartupOptions options = parse({QStringLiteral("--device-service"), value});
    QCOMPARE(options.error.isEmpty(), accepted);
    if (accepted)
        QCOMPARE(options.deviceService->baseUrl().toString(), value);
    else
        QVERIFY2(options.error.startsWith(QStringLiteral("--device-service: ")),
                 qPrintable(options.error));
}

void TestStartupOptions::demoUsesTheEmulatorsDeviceService()
{
    const StartupOptions options =
        parse({QStringLiteral("--demo"), QStringLiteral("--device-service"),
               QStringLiteral("https://wdm-k.wbx2.com/wdm/api/v1")});
    QVERIFY(options.error.isEmpty());
    // The emulator's address is known once it runs; its device service is beside its API.
    const auto emulator = ApiBase::fromUserInput(QStringLiteral("http://127.0.0.1:41234/v1"));
    QVERIFY(emulator);
    QCOMPARE(options.deviceServiceFor(*emulator, true).baseUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:41234/wdm/api/v1")));
    QCOMPARE(options.deviceServiceFor(*emulator, false).baseUrl(),
             QUrl(QStringLiteral("https://wdm-k.wbx2.com/wdm/api/v1")));
}

void TestStartupOptions::anApiOnThisComputerHasItsDeviceServiceBesideIt()
{
    // --api-base on loopback is an emulator or a test server: its tokens mean nothing to
    // Webex's device service, and must not be sent there.
    const StartupOptions options =
        parse({QStringLiteral("--api-base"), QStringLiteral("http://127.0.0.1:41234/v1")});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(options.deviceServiceFor(options.apiBase, false).baseUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:41234/wdm/api/v1")));
    // Unless --device-service says otherwise.
    const StartupOptions given = parse(
        {QStringLiteral("--api-base"), QStringLiteral("http://127.0.0.1:41234/v1"),
         QStringLiteral("--device-service"), QStringLiteral("http://127.0.0.1:5555/wdm/api/v1")});
    QCOMPARE(given.deviceServiceFor(given.apiBase, false).baseUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:5555/wdm/api/v1")));
}

void TestStartupOptions::demoRooms_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("rooms");
    QTest::newRow("ten thousand") << QStringLiteral("10000") << 10000;
    QTest::newRow("zero") << QStringLiteral("0") << -1;
    QTest::newRow("word") << QStringLiteral("many") << -1;
}

void TestStartupOptions::demoRooms()
{
    QFETCH(QString, value);
    QFETCH(int, rooms);
    const StartupOptions options =
        parse({QStringLiteral("--demo"), QStringLiteral("--demo-rooms"), value});
    QVERIFY(options.demo);
    if (rooms < 0) {
        QVERIFY(options.error.contains(value));
    } else {
        QVERIFY(options.error.isEmpty());
        QCOMPARE(options.demoRooms, rooms);
    }
}

void TestStartupOptions::helpAndVersion()
{
    const StartupOptions help = parse({QStringLiteral("--help")});
    QVERIFY(help.helpRequested);
    QVERIFY(help.helpText.contains(QStringLiteral("--api-base")));
    QVERIFY(help.helpText.contains(QStringLiteral("--demo")));
    QVERIFY(parse({QStringLiteral("--version")}).versionRequested);
}

void TestStartupOptions::unknownOption()
{
    const StartupOptions options = parse({QStringLiteral("--frobnicate")});
    QVERIFY(options.error.contains(QStringLiteral("frobnicate")));
}

void TestStartupOptions::qtOptionsAreLeftToQt_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("qtArguments");
    const auto list = [](std::initializer_list<const char *> words) {
        QStringList result;
        for (const char *word : words)
            result << QString::fromLatin1(word);
        return result;
    };
    QTest::newRow("-platform") << list({"-platform", "offscreen", "--demo"})
                               << list({"-platform", "offscreen"});
    QTest::newRow("--platform") << list({"--platform", "offscreen:fontengine=freetype"})
                                << list({"--platform", "offscreen:fontengine=freetype"});
    // What X11 session management passes when it restores the app.
    QTest::newRow("-session") << list({"-session", "x"}) << list({"-session", "x"});
    QTest::newRow("-style=") << list({"-style=fusion", "--demo"}) << list({"-style=fusion"});
    QTest::newRow("-style") << list({"-style", "fusion"}) << list({"-style", "fusion"});
    QTest::newRow("-stylesheet") << list({"-stylesheet", "/tmp/a.qss"})
                                 << list({"-stylesheet", "/tmp/a.qss"});
    QTest::newRow("flags") << list({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})
                           << list({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"});
    QTest::newRow("x11") << list({"-display", ":1", "-geometry", "640x480+0+0", "-name", "wd",
                                  "-title", "T", "-visual", "0x21", "-ncols", "16", "-cmap"})
                         << list({"-display", ":1", "-geometry", "640x480+0+0", "-name", "wd",
                                  "-title", "T", "-visual", "0x21", "-ncols", "16", "-cmap"});
    QTest::newRow("windows") << list({"-dialogs=none"}) << list({"-dialogs=none"});
    QTest::newRow("qwindow*") << list({"-qwindowgeometry", "1x1", "-qwindowtitle", "t",
                                       "-qwindowicon", "i.png", "-platformtheme", "gtk3",
                                       "-platformpluginpath", "/p", "-plugin", "evdevtouch"})
                              << list({"-qwindowgeometry", "1x1", "-qwindowtitle", "t",
                                       "-qwindowicon", "i.png", "-platformtheme", "gtk3",
                                       "-platformpluginpath", "/p", "-plugin", "evdevtouch"});
    // A value that looks like one of our options is still Qt's value.
    QTest::newRow("value like an option")
        << list({"-qwindowtitle", "--demo"}) << list({"-qwindowtitle", "--demo"});
}

void TestStartupOptions::qtOptionsAreLeftToQt()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, qtArguments);
    const StartupOptions options = parse(arguments);
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.qtArguments, qtArguments);
    QCOMPARE(options.demo, arguments.contains(QStringLiteral("--demo")) &&
                               !qtArguments.contains(QStringLiteral("--demo")));
    // Our own options still work next to Qt's.
    const StartupOptions version = parse(arguments + QStringList{QStringLiteral("--version")});
    QVERIFY2(version.error.isEmpty(), qPrintable(version.error));
    QVERIFY(version.versionRequested);
}

void TestStartupOptions::qtOptionWithoutItsValue()
{
    const StartupOptions options = parse({QStringLiteral("--demo"), QStringLiteral("-platform")});
    QVERIFY2(options.error.contains(QStringLiteral("-platform")), qPrintable(options.error));
    // Not Qt's, not ours: still refused, by its name.
    for (const QString &unknown : {QStringLiteral("-frobnicate"), QStringLiteral("-platforms"),
                                   QStringLiteral("--sessions")}) {
        const StartupOptions refused = parse({unknown});
        QVERIFY2(refused.error.contains(unknown.mid(unknown.lastIndexOf(QLatin1Char('-')) + 1)),
                 qPrintable(refused.error));
    }
}

QTEST_GUILESS_MAIN(TestStartupOptions)
#include "tst_startupoptions.moc"
