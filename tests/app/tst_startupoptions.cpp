// The command line: --api-base validation reaches the user as a message, --demo options.

#include "startupoptions.h"

#include <QTest>

class TestStartupOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void apiBase_data();
    void apiBase();
    void demoRooms_data();
    void demoRooms();
    void helpAndVersion();
    void unknownOption();
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

QTEST_GUILESS_MAIN(TestStartupOptions)
#include "tst_startupoptions.moc"
