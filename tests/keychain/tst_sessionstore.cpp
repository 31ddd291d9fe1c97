// SessionStore and StoredSession against a real Secret Service. Run inside the session that
// scripts/test.sh sets up (a private D-Bus with an unlocked gnome-keyring); without one the test
// fails in initTestCase and says so. Two cases run this same binary again as a child
// (--keychain-child MODE) in an environment the test builds: no D-Bus at all, and a locked
// keyring whose password prompt no one answers.

#include "auth/sessionstore.h"
#include "auth/storedsession.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qt6keychain/keychain.h>

#include <signal.h>
#include <sys/types.h>

#include <cstdio>
#include <utility>

using namespace std::chrono_literals;

namespace {

// Waits are generous upper bounds for a loaded machine, never expectations of speed.
constexpr int SignalWaitMs = 60000;
constexpr int ChildWaitMs = 150000;

QString randomService()
{
    return QStringLiteral("webex-desk-test-%1")
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

// Distinct, non-ASCII values in every text field, and expiry times with milliseconds, so a round
// trip that loses an encoding or truncates a time shows up as a difference.
StoredSession sampleSession(const QString &variant = QStringLiteral("a"))
{
    StoredSession s;
    s.apiBase = QUrl(QStringLiteral("https://webexapis.example/v1/%C3%BCber"));
    s.clientId = QStringLiteral("C0ffee-Ïd-") + variant;
    s.clientSecret = QStringLiteral("sëcret-ß-✓-") + variant;
    s.tokens.accessToken = QStringLiteral("access-Ωμέγα-") + variant;
    s.tokens.refreshToken = QStringLiteral("refresh-日本語-") + variant;
    s.tokens.tokenType = QStringLiteral("Bearer");
    s.tokens.accessExpiresAt = QDateTime(QDate(2031, 2, 3), QTime(4, 5, 6, 789), Qt::UTC);
    s.tokens.refreshExpiresAt = QDateTime(QDate(2031, 5, 6), QTime(7, 8, 9, 12), Qt::UTC);
    s.savedAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    return s;
}

// Everything a store emits, in order, so tests can check sequences as well as values.
class Recorder
{
public:
    explicit Recorder(SessionStore *store)
    {
        QObject::connect(store, &SessionStore::loaded, &m_context,
                         [this](const std::optional<StoredSession> &s) {
                             m_sessions.append(s);
                             m_events.append(s ? QStringLiteral("loaded")
                                               : QStringLiteral("loaded(none)"));
                         });
        QObject::connect(store, &SessionStore::saved, &m_context,
                         [this] { m_events.append(QStringLiteral("saved")); });
        QObject::connect(store, &SessionStore::cleared, &m_context,
                         [this] { m_events.append(QStringLiteral("cleared")); });
        QObject::connect(store, &SessionStore::unavailable, &m_context,
                         [this](const QString &reason) {
                             m_reasons.append(reason);
                             m_events.append(QStringLiteral("unavailable"));
                         });
        QObject::connect(store, &SessionStore::corruptEntryDiscarded, &m_context,
                         [this](const QString &reason) {
                             m_reasons.append(reason);
                             m_events.append(QStringLiteral("corrupt"));
                         });
    }

    // Terminal signals so far: every request ends with exactly one.
    [[nodiscard]] int finished() const
    {
        int n = 0;
        for (const QString &e : m_events)
            n += e == QLatin1String("corrupt") ? 0 : 1;
        return n;
    }
    [[nodiscard]] bool waitFor(int terminalSignals) const
    {
        QDeadlineTimer deadline(SignalWaitMs);
        while (finished() < terminalSignals && !deadline.hasExpired())
            QTest::qWait(10);
        return finished() >= terminalSignals;
    }

    QStringList m_events;
    QStringList m_reasons;
    QList<std::optional<StoredSession>> m_sessions;

private:
    QObject m_context;
};

void compareSessions(const StoredSession &actual, const StoredSession &expected)
{
    QCOMPARE(actual.apiBase, expected.apiBase);
    QCOMPARE(actual.clientId, expected.clientId);
    QCOMPARE(actual.clientSecret, expected.clientSecret);
    QCOMPARE(actual.tokens.accessToken, expected.tokens.accessToken);
    QCOMPARE(actual.tokens.refreshToken, expected.tokens.refreshToken);
    QCOMPARE(actual.tokens.tokenType, expected.tokens.tokenType);
    QCOMPARE(actual.tokens.accessExpiresAt, expected.tokens.accessExpiresAt);
    QCOMPARE(actual.tokens.refreshExpiresAt, expected.tokens.refreshExpiresAt);
    QCOMPARE(actual.savedAt, expected.savedAt);
    // Loaded times are UTC, whatever the machine's zone, so comparisons with "now" are sound.
    for (const QDateTime &t :
         {actual.savedAt, actual.tokens.accessExpiresAt, actual.tokens.refreshExpiresAt}) {
        if (t.isValid())
            QCOMPARE(t.timeSpec(), Qt::UTC);
    }
    QVERIFY(actual == expected);
}

// QCOMPARE inside a helper only leaves the helper; these leave the test function too.
#define COMPARE_SESSIONS(actual, expected)                                                         \
    do {                                                                                           \
        compareSessions(actual, expected);                                                         \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// Writes raw text under the store's key, bypassing SessionStore, as damage or an old version
// would leave it.
bool writeRaw(const QString &service, const QByteArray &text, QString *error)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(SessionStore::key());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setTextData(QString::fromUtf8(text));
    QKeychain::Error result = QKeychain::OtherError;
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, [&](QKeychain::Job *j) {
        result = j->error();
        *error = j->errorString();
        done = true;
    });
    job->start();
    QDeadlineTimer deadline(SignalWaitMs);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    if (!done)
        *error = QStringLiteral("the write job did not finish");
    return done && result == QKeychain::NoError;
}

QString findTool(const char *name, const char *package)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        qWarning("%s not found: install the Debian package %s (scripts/install-deps.sh does)", name,
                 package);
    return path;
}

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    // StoredSession alone.
    void jsonRoundTrip();
    void jsonWithoutOptionalParts();
    void jsonIgnoresUnknownFields();
    void jsonRejectsDamage_data();
    void jsonRejectsDamage();

    // SessionStore against the session's Secret Service.
    void loadWhenNothingStored();
    void saveThenLoadInNewStore();
    void saveStampsMissingSavedAt();
    void saveRefusesIncompleteSession();
    void saveOverwrites();
    void clearRemoves();
    void clearWhenNothingStored();
    void corruptEntryIsDiscarded_data();
    void corruptEntryIsDiscarded();
    void overlappingCallsRunInCallOrder();
    void requestQueuedFromSlotRunsAfterWaitingOnes();
    void destroyedStoreDropsQueuedRequests();
    void storeDeletedFromItsOwnSlot();
    void noPlainTextCopy();

    // Children in environments built here.
    void failsClearlyWithoutSecretService_data();
    void failsClearlyWithoutSecretService();
    void unavailableWithoutDBus();
    void timeoutWhenKeychainNeverAnswers();

private:
    [[nodiscard]] int secretToolItems(const QString &service) const;
    [[nodiscard]] std::optional<StoredSession> loadFresh(QStringList *events = nullptr);
    void saveFresh(const StoredSession &session);

    QString m_service;
    QString m_secretTool;
    bool m_ready = false; // initTestCase found a working keyring.
};

void TestSessionStore::initTestCase()
{
    const QByteArray needs =
        "tst_sessionstore needs a D-Bus session with a running, unlocked Secret Service "
        "(gnome-keyring). Run it through scripts/test.sh, or by hand: dbus-run-session -- bash "
        "scripts/ctest-in-session.sh -R sessionstore";
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL((needs + " (DBUS_SESSION_BUS_ADDRESS is not set).").constData());

    m_service = randomService();
    m_secretTool = findTool("secret-tool", "libsecret-tools");
    QVERIFY2(!m_secretTool.isEmpty(), "secret-tool (libsecret-tools) is needed to inspect the "
                                      "keyring independently of QtKeychain.");

    // One write and one delete prove the keyring is there and unlocked; a locked one would
    // answer only after a prompt, so the probe has its own timeout and fails instead of hanging.
    SessionStore probe(m_service);
    probe.setTimeout(20s);
    Recorder r(&probe);
    probe.save(sampleSession());
    probe.clear();
    QVERIFY(r.waitFor(2));
    if (r.m_events != QStringList{QStringLiteral("saved"), QStringLiteral("cleared")})
        QFAIL((needs + " Probe gave: " + r.m_events.join(QLatin1Char(',')).toUtf8() + " " +
               r.m_reasons.join(QLatin1Char(' ')).toUtf8())
                  .constData());
    m_ready = true;
}

void TestSessionStore::cleanup()
{
    if (!m_ready)
        return;
    SessionStore store(m_service);
    Recorder r(&store);
    store.clear();
    QVERIFY(r.waitFor(1));
    QCOMPARE(r.m_events, QStringList{QStringLiteral("cleared")});
}

void TestSessionStore::cleanupTestCase()
{
    if (m_ready)
        QCOMPARE(secretToolItems(m_service), 0);
}

int TestSessionStore::secretToolItems(const QString &service) const
{
    // QtKeychain's libsecret schema stores the service as "server" and the key as "user".
    QProcess tool;
    tool.start(m_secretTool,
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                service, QStringLiteral("user"), SessionStore::key()});
    if (!tool.waitForFinished(SignalWaitMs) || tool.exitCode() != 0)
        return -1;
    // Only the "[item path]" headers are counted; the output also holds the secrets.
    int items = 0;
    const QList<QByteArray> lines = tool.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines)
        items += line.startsWith('[') ? 1 : 0;
    return items;
}

std::optional<StoredSession> TestSessionStore::loadFresh(QStringList *events)
{
    // A new store for each load, as after a restart: nothing may come from memory.
    SessionStore store(m_service);
    Recorder r(&store);
    store.load();
    if (!r.waitFor(1) || r.m_sessions.isEmpty()) {
        qWarning() << "load gave" << r.m_events << r.m_reasons;
        return std::nullopt;
    }
    if (events)
        *events = r.m_events;
    return r.m_sessions.constFirst();
}

void TestSessionStore::saveFresh(const StoredSession &session)
{
    SessionStore store(m_service);
    Recorder r(&store);
    store.save(session);
    QVERIFY(r.waitFor(1));
    QCOMPARE(r.m_events, QStringList{QStringLiteral("saved")});
}

void TestSessionStore::jsonRoundTrip()
{
    const StoredSession original = sampleSession();
    const QByteArray json = original.toJson();
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QLatin1String("version")).toInt(), 1);

    QString error = QStringLiteral("stale");
    const std::optional<StoredSession> read = StoredSession::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(error.isEmpty());
    COMPARE_SESSIONS(*read, original);
}

void TestSessionStore::jsonWithoutOptionalParts()
{
    StoredSession original = sampleSession();
    original.tokens.refreshToken.clear();
    original.tokens.accessExpiresAt = QDateTime();
    original.tokens.refreshExpiresAt = QDateTime();
    const std::optional<StoredSession> read = StoredSession::fromJson(original.toJson());
    QVERIFY(read);
    COMPARE_SESSIONS(*read, original);
    QVERIFY(!read->tokens.accessExpiresAt.isValid());
    QVERIFY(!read->tokens.hasRefreshToken());
}

void TestSessionStore::jsonIgnoresUnknownFields()
{
    QJsonObject root = QJsonDocument::fromJson(sampleSession().toJson()).object();
    root.insert(QLatin1String("addedLater"), QStringLiteral("ignored"));
    QJsonObject tokens = root.value(QLatin1String("tokens")).toObject();
    tokens.remove(QLatin1String("refreshToken"));
    root.insert(QLatin1String("tokens"), tokens);
    const std::optional<StoredSession> read = StoredSession::fromJson(QJsonDocument(root).toJson());
    QVERIFY(read);
    QVERIFY(read->tokens.refreshToken.isEmpty());
}

void TestSessionStore::jsonRejectsDamage_data()
{
    QTest::addColumn<QByteArray>("json");
    const QJsonObject valid = QJsonDocument::fromJson(sampleSession().toJson()).object();
    const auto without = [&](const char *key) {
        QJsonObject o = valid;
        o.remove(QLatin1String(key));
        return QJsonDocument(o).toJson();
    };
    const auto with = [&](const char *key, const QJsonValue &v) {
        QJsonObject o = valid;
        o.insert(QLatin1String(key), v);
        return QJsonDocument(o).toJson();
    };
    const auto withToken = [&](const char *key, const QJsonValue &v) {
        QJsonObject o = valid;
        QJsonObject t = o.value(QLatin1String("tokens")).toObject();
        if (v.isUndefined())
            t.remove(QLatin1String(key));
        else
            t.insert(QLatin1String(key), v);
        o.insert(QLatin1String("tokens"), t);
        return QJsonDocument(o).toJson();
    };
    const QByteArray whole = sampleSession().toJson();

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("secret-ish garbage \x01\xff");
    QTest::newRow("truncated") << whole.left(whole.size() / 2);
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("no version") << without("version");
    QTest::newRow("version 2") << with("version", 2);
    QTest::newRow("version 1.5") << with("version", 1.5);
    QTest::newRow("version as text") << with("version", QStringLiteral("1"));
    QTest::newRow("no apiBase") << without("apiBase");
    QTest::newRow("apiBase not https") << with("apiBase", QStringLiteral("ftp://example.com/v1"));
    QTest::newRow("apiBase http off-host")
        << with("apiBase", QStringLiteral("http://attacker.example/v1"));
    QTest::newRow("no clientId") << without("clientId");
    QTest::newRow("clientSecret a number") << with("clientSecret", 42);
    QTest::newRow("empty clientSecret") << with("clientSecret", QString());
    QTest::newRow("no savedAt") << without("savedAt");
    QTest::newRow("savedAt unreadable") << with("savedAt", QStringLiteral("yesterday"));
    QTest::newRow("no tokens") << without("tokens");
    QTest::newRow("tokens not an object") << with("tokens", QStringLiteral("abc"));
    QTest::newRow("no accessToken") << withToken("accessToken", QJsonValue::Undefined);
    QTest::newRow("empty accessToken") << withToken("accessToken", QString());
    QTest::newRow("no tokenType") << withToken("tokenType", QJsonValue::Undefined);
    QTest::newRow("refreshToken a number") << withToken("refreshToken", 7);
    QTest::newRow("expiry unreadable") << withToken("accessExpiresAt", QStringLiteral("soon"));
    QTest::newRow("expiry a number") << withToken("refreshExpiresAt", 1234);
}

void TestSessionStore::jsonRejectsDamage()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!StoredSession::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
    // The reason is for logs and users; none of the stored secrets may leak into it.
    const StoredSession s = sampleSession();
    for (const QString &secret : {s.clientSecret, s.tokens.accessToken, s.tokens.refreshToken})
        QVERIFY2(!error.contains(secret), qPrintable(error));
}

void TestSessionStore::loadWhenNothingStored()
{
    QStringList events;
    QVERIFY(!loadFresh(&events));
    QCOMPARE(events, QStringList{QStringLiteral("loaded(none)")});
}

void TestSessionStore::saveThenLoadInNewStore()
{
    const StoredSession original = sampleSession();
    saveFresh(original);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(secretToolItems(m_service), 1);

    QStringList events;
    const std::optional<StoredSession> loaded = loadFresh(&events);
    QCOMPARE(events, QStringList{QStringLiteral("loaded")});
    QVERIFY(loaded);
    COMPARE_SESSIONS(*loaded, original);
}

void TestSessionStore::saveStampsMissingSavedAt()
{
    StoredSession session = sampleSession();
    session.savedAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc();
    saveFresh(session);
    if (QTest::currentTestFailed())
        return;
    const std::optional<StoredSession> loaded = loadFresh();
    QVERIFY(loaded);
    QVERIFY(loaded->savedAt.isValid());
    QVERIFY(loaded->savedAt >= before.addMSecs(-1));
}

void TestSessionStore::saveRefusesIncompleteSession()
{
    saveFresh(sampleSession());
    if (QTest::currentTestFailed())
        return;
    StoredSession incomplete = sampleSession(QStringLiteral("b"));
    incomplete.tokens.accessToken.clear();

    SessionStore store(m_service);
    Recorder r(&store);
    store.save(incomplete);
    QVERIFY(r.waitFor(1));
    QCOMPARE(r.m_events, QStringList{QStringLiteral("unavailable")});
    QVERIFY2(r.m_reasons.constFirst().contains(QLatin1String("accessToken")),
             qPrintable(r.m_reasons.constFirst()));
    // Nothing was written: the earlier session is still there.
    const std::optional<StoredSession> loaded = loadFresh();
    QVERIFY(loaded);
    COMPARE_SESSIONS(*loaded, sampleSession());
}

void TestSessionStore::saveOverwrites()
{
    saveFresh(sampleSession(QStringLiteral("first")));
    if (QTest::currentTestFailed())
        return;
    const StoredSession second = sampleSession(QStringLiteral("second"));
    saveFresh(second);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(secretToolItems(m_service), 1);
    const std::optional<StoredSession> loaded = loadFresh();
    QVERIFY(loaded);
    COMPARE_SESSIONS(*loaded, second);
}

void TestSessionStore::clearRemoves()
{
    saveFresh(sampleSession());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(secretToolItems(m_service), 1);

    SessionStore store(m_service);
    Recorder r(&store);
    store.clear();
    QVERIFY(r.waitFor(1));
    QCOMPARE(r.m_events, QStringList{QStringLiteral("cleared")});
    QCOMPARE(secretToolItems(m_service), 0);

    QStringList events;
    QVERIFY(!loadFresh(&events));
    QCOMPARE(events, QStringList{QStringLiteral("loaded(none)")});
}

void TestSessionStore::clearWhenNothingStored()
{
    SessionStore store(m_service);
    Recorder r(&store);
    store.clear();
    store.clear();
    QVERIFY(r.waitFor(2));
    QCOMPARE(r.m_events, (QStringList{QStringLiteral("cleared"), QStringLiteral("cleared")}));
}

void TestSessionStore::corruptEntryIsDiscarded_data()
{
    QTest::addColumn<QByteArray>("entry");
    const QByteArray whole = sampleSession().toJson();
    QJsonObject newer = QJsonDocument::fromJson(whole).object();
    newer.insert(QLatin1String("version"), 2);
    QJsonObject offHost = QJsonDocument::fromJson(whole).object();
    offHost.insert(QLatin1String("apiBase"), QStringLiteral("http://attacker.example/v1"));

    QTest::newRow("garbage") << QByteArray("not json at all");
    QTest::newRow("truncated") << whole.left(whole.size() - 10);
    QTest::newRow("newer version") << QJsonDocument(newer).toJson();
    QTest::newRow("http API base off this computer") << QJsonDocument(offHost).toJson();
}

void TestSessionStore::corruptEntryIsDiscarded()
{
    QFETCH(QByteArray, entry);
    QString error;
    QVERIFY2(writeRaw(m_service, entry, &error), qPrintable(error));
    QCOMPARE(secretToolItems(m_service), 1);

    SessionStore store(m_service);
    Recorder r(&store);
    store.load();
    QVERIFY(r.waitFor(1));
    QCOMPARE(r.m_events, (QStringList{QStringLiteral("corrupt"), QStringLiteral("loaded(none)")}));
    QVERIFY(!r.m_reasons.constFirst().isEmpty());
    QVERIFY(!r.m_sessions.constFirst());

    // Deleted before loaded() was emitted, not merely skipped.
    QCOMPARE(secretToolItems(m_service), 0);
    QStringList events;
    QVERIFY(!loadFresh(&events));
    QCOMPARE(events, QStringList{QStringLiteral("loaded(none)")});
}

void TestSessionStore::overlappingCallsRunInCallOrder()
{
    const StoredSession first = sampleSession(QStringLiteral("1"));
    const StoredSession second = sampleSession(QStringLiteral("2"));
    SessionStore store(m_service);
    Recorder r(&store);
    store.save(first);
    store.save(second);
    store.load();
    store.clear();
    store.load();
    store.save(first);
    // Nothing is emitted from inside the calls.
    QVERIFY(r.m_events.isEmpty());
    QVERIFY(store.isBusy());

    QVERIFY(r.waitFor(6));
    QCOMPARE(r.m_events, (QStringList{QStringLiteral("saved"), QStringLiteral("saved"),
                                      QStringLiteral("loaded"), QStringLiteral("cleared"),
                                      QStringLiteral("loaded(none)"), QStringLiteral("saved")}));
    QVERIFY(r.m_sessions.at(0));
    COMPARE_SESSIONS(*r.m_sessions.at(0), second);
    QVERIFY(!r.m_sessions.at(1));
    QVERIFY(!store.isBusy());
    const std::optional<StoredSession> loaded = loadFresh();
    QVERIFY(loaded);
    COMPARE_SESSIONS(*loaded, first);
}

void TestSessionStore::requestQueuedFromSlotRunsAfterWaitingOnes()
{
    SessionStore store(m_service);
    Recorder r(&store);
    // A slot reacting to the first result queues a save; the load already waiting runs first.
    QObject context;
    connect(&store, &SessionStore::cleared, &context,
            [&store] { store.save(sampleSession(QStringLiteral("from-slot"))); });
    store.clear();
    store.load();
    QVERIFY(r.waitFor(3));
    QCOMPARE(r.m_events, (QStringList{QStringLiteral("cleared"), QStringLiteral("loaded(none)"),
                                      QStringLiteral("saved")}));
}

void TestSessionStore::destroyedStoreDropsQueuedRequests()
{
    {
        SessionStore store(m_service);
        store.save(sampleSession());
        // Destroyed before the event loop ran: the request never reached the keychain.
    }
    QTest::qWait(200); // Lets a wrongly started job show up, if there were one.
    QStringList events;
    QVERIFY(!loadFresh(&events));
    QCOMPARE(events, QStringList{QStringLiteral("loaded(none)")});
}

void TestSessionStore::storeDeletedFromItsOwnSlot()
{
    auto *store = new SessionStore(m_service);
    QPointer<SessionStore> guard(store);
    bool loadedAfterDelete = false;
    QObject context;
    connect(store, &SessionStore::saved, store, [store] { delete store; });
    connect(store, &SessionStore::loaded, &context,
            [&loadedAfterDelete] { loadedAfterDelete = true; });
    store->save(sampleSession());
    store->load(); // Dropped with the store.
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), SignalWaitMs);
    QTest::qWait(200);
    QVERIFY(!loadedAfterDelete);
    QVERIFY(loadFresh());
}

void TestSessionStore::noPlainTextCopy()
{
    const StoredSession session = sampleSession(QStringLiteral("plain-text-probe"));
    saveFresh(session);
    if (QTest::currentTestFailed())
        return;

    // Where QtKeychain's insecure fallback would have written.
    QVERIFY(QSettings(m_service).allKeys().isEmpty());

    // No file under the test's home holds the token in the clear, the keyring's own store
    // included: gnome-keyring encrypts it with the keyring password the session script sets.
    const QString home = QDir::homePath();
    QVERIFY2(home != QLatin1String("/root") && !home.startsWith(QLatin1String("/home/")),
             "run inside scripts/ctest-in-session.sh so HOME is a throwaway directory");
    const QByteArray needle = session.tokens.accessToken.toUtf8();
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    int scanned = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (it.fileInfo().size() > 50 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        ++scanned;
        QVERIFY2(!file.readAll().contains(needle), qPrintable(path));
    }
    qInfo() << "scanned" << scanned << "files under" << home;
}

void TestSessionStore::failsClearlyWithoutSecretService_data()
{
    QTest::addColumn<QString>("busAddress");
    QTest::newRow("no D-Bus session") << QString();
    QTest::newRow("dead D-Bus socket") << QStringLiteral("unix:path=%1/no-bus-here");
}

void TestSessionStore::failsClearlyWithoutSecretService()
{
    QFETCH(QString, busAddress);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY")); // No D-Bus autolaunch through X11.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
    if (!busAddress.isEmpty())
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress.arg(dir.path()));

    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("jsonRoundTrip"), QStringLiteral("-o"), QStringLiteral("-,txt")});
    QVERIFY(child.waitForFinished(ChildWaitMs));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitCode() != 0, output.constData());
    QVERIFY2(output.contains("needs a D-Bus session with a running, unlocked Secret Service"),
             output.constData());
}

void TestSessionStore::unavailableWithoutDBus()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-bus-here").arg(dir.path()));
    env.remove(QStringLiteral("DISPLAY"));

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--keychain-child"), QStringLiteral("nobus"), m_service});
    QVERIFY(child.waitForFinished(ChildWaitMs));
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    qInfo().noquote() << output;
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QCOMPARE(output.count("unavailable: Webex Desk cannot "), 3);
}

void TestSessionStore::timeoutWhenKeychainNeverAnswers()
{
    const QString xvfbRun = findTool("xvfb-run", "xvfb");
    const QString dbusRunSession = findTool("dbus-run-session", "dbus");
    QVERIFY(!findTool("gnome-keyring-daemon", "gnome-keyring").isEmpty());
    QVERIFY(!xvfbRun.isEmpty() && !dbusRunSession.isEmpty());

    // A home of its own, so the keyring the child's bus activates is new and locked, and never
    // the one this test uses.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL", "DISPLAY",
                             "WAYLAND_DISPLAY", "XAUTHORITY", "SSH_AUTH_SOCK"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));

    QProcess child;
    child.setProcessEnvironment(env);
    // -a alone starts looking at display 99, and two tests starting xvfb-run at the same moment
    // can pick the same one; a random starting number makes that unlikely.
    const QString firstDisplay = QString::number(QRandomGenerator::global()->bounded(100, 30000));
    child.start(xvfbRun, {QStringLiteral("-a"), QStringLiteral("-n"), firstDisplay, dbusRunSession,
                          QStringLiteral("--"), QCoreApplication::applicationFilePath(),
                          QStringLiteral("--keychain-child"), QStringLiteral("hang"), m_service});
    const bool finished = child.waitForFinished(ChildWaitMs);
    if (!finished)
        child.kill();
    const QByteArray output = child.readAllStandardOutput();
    const QByteArray errors = child.readAllStandardError();
    qInfo().noquote() << output;
    QVERIFY2(finished, "the child did not finish: a keychain job hung past its timeout");
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             (output + errors).constData());
    QVERIFY(output.contains("CHILD OK"));
}

// ---- children ---------------------------------------------------------------------------------

namespace {

int childFail(const QString &message)
{
    std::fprintf(stdout, "CHILD FAIL: %s\n", qPrintable(message));
    return 1;
}

void childSay(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

// No bus to talk to: every request must end in unavailable() from the error, not the timeout.
int runNoBusChild(const QString &service)
{
    SessionStore store(service);
    Recorder r(&store);
    store.load();
    store.save(sampleSession());
    store.clear();
    if (!r.waitFor(3))
        return childFail(QStringLiteral("no answer: %1").arg(r.m_events.join(QLatin1Char(','))));
    for (const QString &reason : std::as_const(r.m_reasons)) {
        childSay(QStringLiteral("unavailable: ") + reason);
        if (reason.contains(QLatin1String("did not answer")))
            return childFail(QStringLiteral("timed out instead of failing"));
    }
    return r.m_events == QStringList(3, QStringLiteral("unavailable"))
               ? 0
               : childFail(r.m_events.join(QLatin1Char(',')));
}

// Runs on a virtual display in a fresh D-Bus session. The first write makes the bus activate
// gnome-keyring, which has no keyring yet and asks gcr-prompter (on the virtual display) for a
// password to create one; no one answers, so the job never finishes on its own.
int runHangChild(const QString &service)
{
    const QString prompter = QStringLiteral("org.gnome.keyring.SystemPrompter");
    auto *first = new SessionStore(service);
    first->setTimeout(2s);
    Recorder r1(first);
    first->save(sampleSession());
    if (!r1.waitFor(1))
        return childFail(QStringLiteral("the save never reported"));
    if (r1.m_events != QStringList{QStringLiteral("unavailable")})
        return childFail(
            QStringLiteral("the save gave %1 %2")
                .arg(r1.m_events.join(QLatin1Char(',')), r1.m_reasons.join(QLatin1Char(' '))));
    childSay(QStringLiteral("save: unavailable: ") + r1.m_reasons.constFirst());
    if (!r1.m_reasons.constFirst().contains(QLatin1String("did not answer in time")))
        return childFail(QStringLiteral("not the timeout sentence"));
    // The job really is waiting on a password prompt, not on something else.
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    if (!bus || !bus->isServiceRegistered(prompter))
        return childFail(QStringLiteral("no password prompt is open"));

    // QtKeychain runs one job at a time per process, so a second store waits behind the first
    // job, and its own timeout is what ends its request.
    auto *second = new SessionStore(service);
    second->setTimeout(2s);
    Recorder r2(second);
    second->load();
    if (!r2.waitFor(1) || r2.m_events != QStringList{QStringLiteral("unavailable")})
        return childFail(
            QStringLiteral("the queued load gave %1").arg(r2.m_events.join(QLatin1Char(','))));
    childSay(QStringLiteral("queued load: unavailable: ") + r2.m_reasons.constFirst());

    // Both stores go away while their jobs are still in QtKeychain; then the prompt dies, so
    // both jobs finish late, into stores that no longer exist. A use-after-free would crash here.
    delete first;
    delete second;
    const QDBusReply<uint> pid = bus->servicePid(prompter);
    if (!pid.isValid() || pid.value() == 0)
        return childFail(QStringLiteral("no prompter process"));
    ::kill(pid_t(pid.value()), SIGTERM);
    childSay(QStringLiteral("prompter %1 ended").arg(pid.value()));

    // A fresh store's load runs only after the two abandoned jobs finished: the queue moved on.
    // Nothing was ever stored (the keyring was never created), so nothing is found.
    SessionStore third(service);
    third.setTimeout(30s);
    Recorder r3(&third);
    third.load();
    if (!r3.waitFor(1) || r3.m_events != QStringList{QStringLiteral("loaded(none)")})
        return childFail(
            QStringLiteral("the load after the prompt ended gave %1 %2")
                .arg(r3.m_events.join(QLatin1Char(',')), r3.m_reasons.join(QLatin1Char(' '))));
    if (r1.m_events.size() != 1 || r2.m_events.size() != 1)
        return childFail(QStringLiteral("a late result reached a store"));
    childSay(QStringLiteral("CHILD OK"));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // QtKeychain picks its Linux backend once, from the desktop variables; without them it uses
    // the Secret Service (libsecret), which is what this test is about.
    for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);

    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--keychain-child") == 0) {
        const QString service = QString::fromLocal8Bit(argv[3]);
        if (qstrcmp(argv[2], "nobus") == 0)
            return runNoBusChild(service);
        if (qstrcmp(argv[2], "hang") == 0)
            return runHangChild(service);
        return childFail(QStringLiteral("unknown child mode"));
    }
    TestSessionStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessionstore.moc"
