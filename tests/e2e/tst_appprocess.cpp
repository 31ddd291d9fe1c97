// The installed shape of the app: the real webex-desk executable, started twice as a person
// would start it, against the emulator. The second start has a remembered session and must
// open straight into the spaces: no sign-in window, no QtWebEngine in the process, and no GL
// (no libLLVM, no Mesa *_dri.so: a widgets-only app needs neither, and they cost ~50 MB).
// Nothing secret may appear in its output or its settings.
//
// The second start runs on an X server of the test's own (Xvfb), not the offscreen platform
// the other tests use: offscreen without a display never creates a GL context, so a change that
// makes the app load GL (e.g. Qt::AA_ShareOpenGLContexts in main.cpp) would go unnoticed there.

#include "auth/sessionstore.h"
#include "auth/storedsession.h"
#include "devtoolspage.h"
#include "procfs.h"
#include "webexemulator.h"
#include "xvfbserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int WaitMs = 60000;
} // namespace

class TestAppProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void restartOpensStraightIntoTheSpacesWithoutWebEngine();
    void withoutKeychainItWorksAndSaysSoOnce();
    void aSignalToEndQuitsAsQuitDoes_data();
    void aSignalToEndQuitsAsQuitDoes();

private:
    QProcessEnvironment environment(quint16 devToolsPort) const;
    bool waitForRequests(const QString &path, int atLeast);

    std::unique_ptr<WebexEmulator> m_emulator;
    QTemporaryDir m_config;
};

void TestAppProcess::initTestCase()
{
    QVERIFY(m_config.isValid());
    m_emulator = std::make_unique<WebexEmulator>();
    QVERIFY(m_emulator->listen());
}

void TestAppProcess::cleanupTestCase()
{
    SessionStore store;
    QSignalSpy cleared(&store, &SessionStore::cleared);
    store.clear();
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 20000);
}

QProcessEnvironment TestAppProcess::environment(quint16 devToolsPort) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBEX_CLIENT_ID"), m_emulator->options().clientId);
    env.insert(QStringLiteral("WEBEX_CLIENT_SECRET"), m_emulator->options().clientSecret);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("webexdesk.*=true"));
    if (devToolsPort)
        env.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"),
                   QStringLiteral("127.0.0.1:%1").arg(devToolsPort));
    return env;
}

bool TestAppProcess::waitForRequests(const QString &path, int atLeast)
{
    return QTest::qWaitFor([&] { return m_emulator->requestCount(path) >= atLeast; }, WaitMs);
}

void TestAppProcess::restartOpensStraightIntoTheSpacesWithoutWebEngine()
{
    const QStringList arguments{QStringLiteral("--api-base"), m_emulator->baseUrl().toString()};
    QByteArray output;

    // First start: no session yet, so the sign-in window; the person accepts.
    {
        const quint16 port = DevToolsPage::freePort();
        QProcess app;
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.setProcessEnvironment(environment(port));
        app.start(QStringLiteral(WEBEX_DESK_EXECUTABLE), arguments);
        QVERIFY(app.waitForStarted());
        DevToolsPage page(port);
        QVERIFY2(page.waitForElement(QStringLiteral("accept"), WaitMs),
                 qPrintable(page.lastError()));
        page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
        QVERIFY(waitForRequests(QStringLiteral("/v1/rooms"), 1));
        QVERIFY(waitForRequests(QStringLiteral("/v1/people/me"), 1));
        // The session is in the keychain before we pull the plug.
        SessionStore store;
        QSignalSpy loaded(&store, &SessionStore::loaded);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                loaded.clear();
                store.load();
                return loaded.wait(10000) &&
                       loaded.first().first().value<std::optional<StoredSession>>().has_value();
            }(),
            WaitMs);
        app.terminate();
        QVERIFY(app.waitForFinished(20000));
        output += app.readAll();
    }
    const int authorizePages = m_emulator->requestCount(QStringLiteral("/v1/authorize"));
    const int meRequests = m_emulator->requestCount(QStringLiteral("/v1/people/me"));

    // Second start: straight into the spaces, on a real X display.
    XvfbServer xvfb;
    QVERIFY2(xvfb.start(), qPrintable(xvfb.errorString()));
    QProcess app;
    app.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = environment(0);
    env.remove(QStringLiteral("WEBEX_CLIENT_SECRET")); // the keychain remembers it
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("DISPLAY"), xvfb.display());
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(WEBEX_DESK_EXECUTABLE), arguments);
    QVERIFY(app.waitForStarted());
    // main.cpp logs this once the first window has been exposed on the X server and painted.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     output += app.readAll();
                     return output.contains("webexdesk.startup: first window shown");
                 },
                 WaitMs),
             output.constData());
    QVERIFY(waitForRequests(QStringLiteral("/v1/people/me"), meRequests + 1));
    QVERIFY(waitForRequests(QStringLiteral("/v1/rooms"), 2));
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/authorize")), authorizePages);

    const QByteArray maps = ProcFs::read(app.processId(), QStringLiteral("maps"));
    QVERIFY(maps.contains("libQt6Widgets")); // the process's own maps, read while it runs
    QVERIFY2(!maps.contains("libQt6WebEngineCore"),
             "QtWebEngine was loaded for a restored session");
    // Mesa's software GL (llvmpipe in swrast_dri.so, which maps libLLVM): loaded only when
    // something creates a GL context, e.g. Qt::AA_ShareOpenGLContexts.
    QVERIFY2(!maps.contains("libLLVM"), "libLLVM (Mesa's llvmpipe) was loaded by webex-desk");
    QVERIFY2(!maps.contains("_dri.so"), "a Mesa *_dri.so GL driver was loaded by webex-desk");
    for (qint64 child : ProcFs::childrenOf(app.processId()))
        QVERIFY2(!ProcFs::read(child, QStringLiteral("cmdline")).contains("webex-desk-signin"),
                 "a sign-in window was started for a restored session");

    // Nothing secret in what the app printed or in its settings.
    SessionStore store;
    QSignalSpy loaded(&store, &SessionStore::loaded);
    store.load();
    QVERIFY(loaded.wait(20000));
    const auto stored = loaded.first().first().value<std::optional<StoredSession>>();
    QVERIFY(stored.has_value());
    app.terminate();
    QVERIFY(app.waitForFinished(20000));
    output += app.readAll();
    QVERIFY(output.contains("webexdesk.")); // the logging was on: there was output to check
    const QList<QByteArray> secrets{stored->tokens.accessToken.toUtf8(),
                                    stored->tokens.refreshToken.toUtf8(),
                                    stored->clientSecret.toUtf8()};
    QByteArray settings;
    QDirIterator files(m_config.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            settings += file.readAll();
    }
    for (const QByteArray &secret : secrets) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!output.contains(secret), "a secret appeared in the app's output");
        QVERIFY2(!settings.contains(secret), "a secret appeared in the app's settings");
    }
}

void TestAppProcess::withoutKeychainItWorksAndSaysSoOnce()
{
    const quint16 port = DevToolsPage::freePort();
    QProcess app;
    app.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = environment(port);
    // No D-Bus session, so no Secret Service.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-bus").arg(m_config.path()));
    app.setProcessEnvironment(env);
    const int roomsBefore = m_emulator->requestCount(QStringLiteral("/v1/rooms"));
    app.start(QStringLiteral(WEBEX_DESK_EXECUTABLE),
              {QStringLiteral("--api-base"), m_emulator->baseUrl().toString()});
    QVERIFY(app.waitForStarted());
    DevToolsPage page(port);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), WaitMs), qPrintable(page.lastError()));
    page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
    QVERIFY(waitForRequests(QStringLiteral("/v1/rooms"), roomsBefore + 1));
    QTest::qWait(1000); // a save would be attempted right after sign-in
    QCOMPARE(app.state(), QProcess::Running);
    app.terminate();
    QVERIFY(app.waitForFinished(20000));
    const QString output = QString::fromUtf8(app.readAll());
    QCOMPARE(output.count(QStringLiteral("cannot remember your sign-in")), 1);
}

// Log-out, shut-down and Ctrl+C send SIGTERM or SIGINT. The app quits as its Quit does: it exits
// with 0 and what it was writing is written. Seen from outside, the demo's store, kept in a
// temporary folder for the demo's session only, is gone afterwards. Killed by the signal (Unix's
// default), the process ended with the signal and the folder stayed.
void TestAppProcess::aSignalToEndQuitsAsQuitDoes_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestAppProcess::aSignalToEndQuitsAsQuitDoes()
{
    QFETCH(int, signalNumber);
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    QProcess app;
    app.setProcessChannelMode(QProcess::MergedChannels);
    const quint16 port = DevToolsPage::freePort();
    QProcessEnvironment env = environment(port);
    env.insert(QStringLiteral("TMPDIR"), temporary.path());
    env.insert(QStringLiteral("WEBEXDESK_DEMO_EMULATOR"), QStringLiteral(WEBEX_EMULATOR_PATH));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(WEBEX_DESK_EXECUTABLE),
              {QStringLiteral("--demo"), QStringLiteral("--demo-rooms"), QStringLiteral("20")});
    QVERIFY(app.waitForStarted());
    const auto demoStores = [&temporary] {
        QStringList stores;
        QDirIterator files(temporary.path(), {QStringLiteral("demo.sqlite")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
            stores << files.next();
        return stores;
    };
    // Signed in to the demo (its consent page, as a person would), its store is open in the
    // temporary folder.
    DevToolsPage page(port);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), WaitMs), qPrintable(page.lastError()));
    page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
    QTRY_VERIFY_WITH_TIMEOUT(!demoStores().isEmpty(), WaitMs);
    const QList<qint64> children = ProcFs::childrenOf(app.processId());
    QVERIFY(!children.isEmpty()); // the demo's emulator

    QCOMPARE(::kill(pid_t(app.processId()), signalNumber), 0);
    QVERIFY(app.waitForFinished(20000));
    const QByteArray output = app.readAll();
    QVERIFY2(app.exitStatus() == QProcess::NormalExit, "ended by the signal, not by quitting");
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(output.contains("quitting"));
    QCOMPARE(demoStores(), QStringList());
    QCOMPARE(QDir(temporary.path())
                 .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                 .filter(QStringLiteral("webex-desk")),
             QStringList());
    // Nothing of it runs on.
    for (qint64 child : children)
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(child)), 20000);
}

QTEST_GUILESS_MAIN(TestAppProcess)
#include "tst_appprocess.moc"
