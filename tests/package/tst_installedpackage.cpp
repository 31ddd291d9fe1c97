// The installed package, as a person gets it: the webex-desk from the .deb (not the build
// tree) signs in against the emulator through the installed sign-in helper, found where the
// package put it (/usr/libexec/webex-desk), and loads the profile and the spaces.
//
// WEBEXDESK_INSTALLED_APP names the installed program (default /usr/bin/webex-desk). Run by
// scripts/test-package.sh, headless (QT_QPA_PLATFORM=offscreen) and, as root, with
// QTWEBENGINE_DISABLE_SANDBOX=1.

#include "devtoolspage.h"
#include "procfs.h"
#include "webexemulator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int WaitMs = 90000;

QString executableOf(qint64 pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

// The installed app as a person starts it: it finds its helpers by itself (no test shortcut),
// with settings of its own and its sign-in page open to DevTools on `devToolsPort`.
QProcessEnvironment installedAppEnvironment(const QString &configDir, quint16 devToolsPort)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("WEBEXDESK_SIGNIN_HELPER"));
    env.remove(QStringLiteral("WEBEXDESK_DEMO_EMULATOR"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    env.insert(QStringLiteral("QTWEBENGINE_REMOTE_DEBUGGING"),
               QStringLiteral("127.0.0.1:%1").arg(devToolsPort));
    return env;
}

// Ends `app` when the test does, whatever happened.
auto stopWhenDone(QProcess &app)
{
    return qScopeGuard([&app] {
        app.terminate();
        if (!app.waitForFinished(20000))
            app.kill();
    });
}
} // namespace

class TestInstalledPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versionIsTheProjectVersion();
    void signsInThroughTheInstalledHelper();
    void demoRunsTheInstalledEmulator();

private:
    QString m_app;
    QString m_helper;
    QString m_emulator;
};

void TestInstalledPackage::initTestCase()
{
    m_app = qEnvironmentVariable("WEBEXDESK_INSTALLED_APP", QStringLiteral("/usr/bin/webex-desk"));
    QVERIFY2(QFileInfo(m_app).isExecutable(), qPrintable(m_app + QStringLiteral(" is missing")));
    // Where the package installs the helper, relative to the program as the app looks for it.
    m_helper = QDir::cleanPath(QFileInfo(m_app).absolutePath() +
                               QStringLiteral("/../libexec/webex-desk/webex-desk-signin"));
    QVERIFY2(QFileInfo(m_helper).isExecutable(),
             qPrintable(m_helper + QStringLiteral(" is missing")));
    m_emulator = QDir::cleanPath(QFileInfo(m_app).absolutePath() +
                                 QStringLiteral("/../libexec/webex-desk/webex-emulator"));
    QVERIFY2(QFileInfo(m_emulator).isExecutable(),
             qPrintable(m_emulator + QStringLiteral(" is missing")));
}

void TestInstalledPackage::versionIsTheProjectVersion()
{
    QProcess app;
    app.start(m_app, {QStringLiteral("--version")});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
    QCOMPARE(app.readAllStandardOutput().trimmed(),
             QByteArray("webex-desk " WEBEXDESK_EXPECTED_VERSION));
}

void TestInstalledPackage::signsInThroughTheInstalledHelper()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    QTemporaryDir config;
    QVERIFY(config.isValid());

    const quint16 devToolsPort = DevToolsPage::freePort();
    QProcessEnvironment env = installedAppEnvironment(config.path(), devToolsPort);
    env.insert(QStringLiteral("WEBEX_CLIENT_ID"), emulator.options().clientId);
    env.insert(QStringLiteral("WEBEX_CLIENT_SECRET"), emulator.options().clientSecret);

    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.setProcessEnvironment(env);
    app.start(m_app, {QStringLiteral("--api-base"), emulator.baseUrl().toString()});
    QVERIFY(app.waitForStarted());
    const auto stop = stopWhenDone(app);

    DevToolsPage page(devToolsPort);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), WaitMs), qPrintable(page.lastError()));
    // The page is shown by the installed helper, a child of the installed app.
    QStringList children;
    for (qint64 child : ProcFs::childrenOf(app.processId()))
        children << executableOf(child);
    QVERIFY2(
        children.contains(QFileInfo(m_helper).canonicalFilePath()),
        qPrintable(QStringLiteral("the app's children: ") + children.join(QStringLiteral(", "))));

    page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
    QVERIFY(QTest::qWaitFor(
        [&] { return emulator.requestCount(QStringLiteral("/v1/people/me")) >= 1; }, WaitMs));
    QVERIFY(QTest::qWaitFor([&] { return emulator.requestCount(QStringLiteral("/v1/rooms")) >= 1; },
                            WaitMs));
    QCOMPARE(app.state(), QProcess::Running);
}

void TestInstalledPackage::demoRunsTheInstalledEmulator()
{
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const quint16 devToolsPort = DevToolsPage::freePort();
    QProcessEnvironment env = installedAppEnvironment(config.path(), devToolsPort);
    // The API calls it makes, as log lines: the spaces are asked for once signed in.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("webexdesk.api.debug=true"));

    QProcess app;
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.setProcessEnvironment(env);
    app.start(m_app,
              {QStringLiteral("--demo"), QStringLiteral("--demo-rooms"), QStringLiteral("40")});
    QVERIFY(app.waitForStarted());
    const auto stop = stopWhenDone(app);

    DevToolsPage page(devToolsPort);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), WaitMs), qPrintable(page.lastError()));
    // The demo's Webex is the installed emulator, a child of the app beside the sign-in helper.
    qint64 emulatorPid = 0;
    QStringList children;
    for (qint64 child : ProcFs::childrenOf(app.processId())) {
        children << executableOf(child);
        if (children.constLast() == QFileInfo(m_emulator).canonicalFilePath())
            emulatorPid = child;
    }
    QVERIFY2(emulatorPid > 0, qPrintable(QStringLiteral("the app's children: ") +
                                         children.join(QStringLiteral(", "))));
    QVERIFY(children.contains(QFileInfo(m_helper).canonicalFilePath()));

    page.evaluate(QStringLiteral("document.getElementById('accept').click()"));
    QByteArray output;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     output += app.readAll();
                     return output.contains("/v1/rooms") && output.contains("/v1/people/me");
                 },
                 WaitMs),
             output.constData());
    QVERIFY2(!output.contains("failed: HTTP"), output.constData());

    // The emulator ends with the app.
    app.terminate();
    QVERIFY(app.waitForFinished(20000));
    QVERIFY(QTest::qWaitFor(
        [&] { return executableOf(emulatorPid) != QFileInfo(m_emulator).canonicalFilePath(); },
        10000));
}

QTEST_GUILESS_MAIN(TestInstalledPackage)
#include "tst_installedpackage.moc"
