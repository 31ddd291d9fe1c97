// The real webex-desk executable, started as a desktop starts it: a second start raises the
// first one's window and exits 0; a socket a crash left behind does not stop a start; X11
// session restore's "-session <id>" starts normally; 0.1.0's settings folder ("Webex Desk")
// moves to "webex-desk". Every process has a HOME, runtime and settings folders of its own,
// no D-Bus (so no keychain) and an API base nobody listens on, so no network is used.

#include "stalesocket.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr int StartMs = 30000;
const QByteArray Listening = "listening for later starts at";
const QString SocketName = QStringLiteral("io.github.webexdesk.WebexDesk.instance");

} // namespace

class TestSingleInstanceE2e : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void secondStartRaisesTheFirstAndExits();
    void staleSocketDoesNotStopAStart();
    void sessionRestoreArgumentStartsNormally();
    void oldSettingsFolderMovesAtStart();

private:
    // Starts webex-desk with `arguments` in this test's folders; nullptr if it did not start.
    std::unique_ptr<QProcess> start(const QStringList &arguments = {});
    // Waits until the process printed `text`, keeping what it printed in m_output.
    bool waitForOutput(QProcess &process, const QByteArray &text, int timeoutMs = StartMs);
    void stop(std::unique_ptr<QProcess> &process);

    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_output;
};

void TestSingleInstanceE2e::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral("runtime")));
    QVERIFY(QFile::setPermissions(m_home->filePath(QStringLiteral("runtime")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_output.clear();
}

void TestSingleInstanceE2e::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("webex-desk printed:\n%s", m_output.constData());
}

std::unique_ptr<QProcess> TestSingleInstanceE2e::start(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home->filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("webexdesk.*=true"));
    // No session bus, hence no keychain: nothing of the test machine's is read or written.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-bus").arg(m_home->path()));
    env.remove(QStringLiteral("WEBEX_CLIENT_ID"));
    env.remove(QStringLiteral("WEBEX_CLIENT_SECRET"));
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setProcessEnvironment(env);
    // Port 9 (discard) on loopback: nothing answers, and nothing is asked before a sign-in.
    process->start(
        QStringLiteral(WEBEX_DESK_EXECUTABLE),
        QStringList{QStringLiteral("--api-base"), QStringLiteral("http://127.0.0.1:9/v1")} +
            arguments);
    if (!process->waitForStarted(StartMs))
        return nullptr;
    return process;
}

bool TestSingleInstanceE2e::waitForOutput(QProcess &process, const QByteArray &text, int timeoutMs)
{
    QByteArray seen;
    const bool found = QTest::qWaitFor(
        [&] {
            seen += process.readAll();
            return seen.contains(text) || process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    seen += process.readAll();
    m_output += seen;
    return found && seen.contains(text);
}

void TestSingleInstanceE2e::stop(std::unique_ptr<QProcess> &process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(10000))
        process->kill();
    process->waitForFinished(10000);
    m_output += process->readAll();
}

void TestSingleInstanceE2e::secondStartRaisesTheFirstAndExits()
{
    auto first = start();
    QVERIFY(first);
    QVERIFY(waitForOutput(*first, Listening));
    const QString socket = m_home->filePath(QStringLiteral("runtime/") + SocketName);
    QVERIFY2(m_output.contains(socket.toLocal8Bit()), m_output.constData());

    auto second = start();
    QVERIFY(second);
    // It exits by itself once the first one answered (how fast is for a benchmark, not here).
    QVERIFY(second->waitForFinished(StartMs));
    const QByteArray secondOutput = second->readAll();
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QVERIFY2(second->exitCode() == 0, secondOutput.constData());
    QVERIFY2(secondOutput.contains("it was asked to raise its window"), secondOutput.constData());
    // The second start never got as far as a window or a session of its own.
    QVERIFY2(!secondOutput.contains(Listening), secondOutput.constData());

    QVERIFY(waitForOutput(*first, "a later start asked to raise the window", 10000));
    QCOMPARE(first->state(), QProcess::Running);
    stop(first);
}

void TestSingleInstanceE2e::staleSocketDoesNotStopAStart()
{
    const QString socket = m_home->filePath(QStringLiteral("runtime/") + SocketName);
    QVERIFY(leaveStaleSocket(socket));
    auto app = start();
    QVERIFY(app);
    QVERIFY(waitForOutput(*app, Listening));
    QCOMPARE(app->state(), QProcess::Running);
    // The live socket took the dead one's place: a second start finds it.
    auto second = start();
    QVERIFY(second);
    QVERIFY(second->waitForFinished(StartMs));
    QCOMPARE(second->exitCode(), 0);
    QVERIFY(waitForOutput(*app, "a later start asked to raise the window", 10000));
    stop(app);
}

void TestSingleInstanceE2e::sessionRestoreArgumentStartsNormally()
{
    auto app = start({QStringLiteral("-session"), QStringLiteral("x")});
    QVERIFY(app);
    QVERIFY(waitForOutput(*app, Listening));
    QTest::qWait(500);
    QCOMPARE(app->state(), QProcess::Running);
    QVERIFY2(!m_output.contains("Unknown option"), m_output.constData());
    stop(app);
}

void TestSingleInstanceE2e::oldSettingsFolderMovesAtStart()
{
    const QString oldFile = m_home->filePath(QStringLiteral("config/Webex Desk/webex-desk.conf"));
    QSettings(oldFile, QSettings::IniFormat)
        .setValue(QStringLiteral("marker"), QStringLiteral("from 0.1.0"));
    QVERIFY(QDir().mkpath(m_home->filePath(QStringLiteral("cache/Webex Desk/webex-desk/http"))));

    auto app = start();
    QVERIFY(app);
    QVERIFY(waitForOutput(*app, Listening));
    const QString newFile = m_home->filePath(QStringLiteral("config/webex-desk/webex-desk.conf"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(newFile), 10000);
    QCOMPARE(QSettings(newFile, QSettings::IniFormat).value(QStringLiteral("marker")).toString(),
             QStringLiteral("from 0.1.0"));
    // The old file goes once the new one is written: wait for it.
    QTRY_VERIFY_WITH_TIMEOUT(
        !QFileInfo::exists(m_home->filePath(QStringLiteral("config/Webex Desk"))), 10000);
    // The cache moves after the settings (an ASan run once looked in between).
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo(m_home->filePath(QStringLiteral("cache/webex-desk/webex-desk/http"))).isDir(),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !QFileInfo::exists(m_home->filePath(QStringLiteral("cache/Webex Desk"))), 10000);
    stop(app);
}

QTEST_GUILESS_MAIN(TestSingleInstanceE2e)
#include "tst_singleinstance_e2e.moc"
