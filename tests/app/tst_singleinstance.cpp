// SingleInstanceGuard: the first start listens, a later one has it raise its window and goes;
// a socket a crash left behind is replaced, one a live process holds is not.

#include "singleinstanceguard.h"
#include "stalesocket.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

namespace {
// What a later start does, in a thread of its own: its claim() blocks while the first
// instance, on this thread's event loop, answers.
SingleInstanceGuard::Role claimInAnotherThread(const QString &name)
{
    std::atomic<int> role{-1};
    std::thread later([&role, name] {
        SingleInstanceGuard guard(name);
        role = int(guard.claim(10000));
    });
    const bool answered = QTest::qWaitFor([&role] { return role != -1; }, 20000);
    later.join();
    // -1 is no role at all: the comparison in the test fails and shows it.
    return SingleInstanceGuard::Role(answered ? role.load() : -1);
}

bool someoneListens(const QString &name)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    return socket.waitForConnected(2000);
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultNameIsInTheUsersRuntimeFolder();
    void laterStartRaisesTheFirst();
    void staleSocketIsReplaced();
    void liveSocketThatDoesNotAnswerIsLeftAlone();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_name;
};

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_name = m_dir->filePath(QStringLiteral("instance"));
}

void TestSingleInstance::defaultNameIsInTheUsersRuntimeFolder()
{
    const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // QTemporaryDir is 0700
    const QString name = SingleInstanceGuard::defaultServerName();
    qputenv("XDG_RUNTIME_DIR", saved);
    QCOMPARE(name, m_dir->filePath(QStringLiteral("io.github.webexdesk.WebexDesk.instance")));
}

void TestSingleInstance::laterStartRaisesTheFirst()
{
    SingleInstanceGuard first(m_name);
    QSignalSpy raise(&first, &SingleInstanceGuard::raiseRequested);
    QCOMPARE(first.claim(), SingleInstanceGuard::Role::Primary);
    QCOMPARE(claimInAnotherThread(m_name), SingleInstanceGuard::Role::Secondary);
    QCOMPARE(raise.count(), 1);
    QCOMPARE(claimInAnotherThread(m_name), SingleInstanceGuard::Role::Secondary);
    QCOMPARE(raise.count(), 2);

    // Something else that connects is dropped without a raise.
    QLocalSocket stranger;
    stranger.connectToServer(m_name);
    QVERIFY(stranger.waitForConnected(5000));
    stranger.write(QByteArray(200, 'x') + '\n');
    QTRY_COMPARE_WITH_TIMEOUT(stranger.state(), QLocalSocket::UnconnectedState, 5000);
    QCOMPARE(raise.count(), 2);
}

void TestSingleInstance::staleSocketIsReplaced()
{
    QVERIFY(leaveStaleSocket(m_name));
    QVERIFY(QFileInfo::exists(m_name));
    QVERIFY(!someoneListens(m_name));

    SingleInstanceGuard guard(m_name);
    QCOMPARE(guard.claim(), SingleInstanceGuard::Role::Primary);
    QVERIFY(someoneListens(m_name));
    QCOMPARE(claimInAnotherThread(m_name), SingleInstanceGuard::Role::Secondary);
}

void TestSingleInstance::liveSocketThatDoesNotAnswerIsLeftAlone()
{
    // A live process owns the name but never answers (hung): its socket stays, and this start
    // runs on without the guard rather than not at all.
    QLocalServer silent;
    QVERIFY(silent.listen(m_name));
    SingleInstanceGuard guard(m_name);
    QCOMPARE(guard.claim(1000), SingleInstanceGuard::Role::Alone);
    QVERIFY(silent.isListening());
    QVERIFY(QFileInfo::exists(m_name));
    QVERIFY(someoneListens(m_name));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
