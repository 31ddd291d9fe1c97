// SeenSpaces: when each space was last seen, kept per account in a settings file of the test's
// own, and the baseline that spaces never opened count as seen at.

#include "store/seenspaces.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestSeenSpaces : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void firstOpenSetsTheBaselineToNowAndKeepsIt();
    void savedTimesComeBackForTheSameAccountOnly();
    void forgetDropsTimesAndBaseline();
    void ephemeralAccountReadsAndWritesNothing();
    void futureBaselineIsReplaced();
    void damagedValuesCountAsNotSeen();
    void closedStoreWritesNothing();

private:
    [[nodiscard]] std::unique_ptr<QSettings> settings() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

std::unique_ptr<QSettings> TestSeenSpaces::settings() const
{
    return std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("seen.ini")),
                                       QSettings::IniFormat);
}

void TestSeenSpaces::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSeenSpaces::firstOpenSetsTheBaselineToNowAndKeepsIt()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QDateTime first;
    {
        auto file = settings();
        SeenSpaces seen(file.get());
        seen.open(QStringLiteral("webexapis.com"), false);
        first = seen.baseline();
        QVERIFY(first >= before.addSecs(-1) && first <= QDateTime::currentDateTimeUtc());
        QVERIFY(seen.lastSeen().isEmpty());
    }
    QTest::qWait(20); // a later "now" would differ
    auto file = settings();
    SeenSpaces again(file.get());
    again.open(QStringLiteral("webexapis.com"), false);
    QCOMPARE(again.baseline(), first);
}

void TestSeenSpaces::savedTimesComeBackForTheSameAccountOnly()
{
    const QDateTime when = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    {
        auto file = settings();
        SeenSpaces seen(file.get());
        seen.open(QStringLiteral("webexapis.com"), false);
        seen.save({{QStringLiteral("room-a"), when}, {QStringLiteral("room-b"), when.addSecs(60)}});
    }
    auto file = settings();
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("webexapis.com"), false);
    QCOMPARE(seen.lastSeen().size(), 2);
    QCOMPARE(seen.lastSeen().value(QStringLiteral("room-a")), when);
    QCOMPARE(seen.lastSeen().value(QStringLiteral("room-b")), when.addSecs(60));

    seen.open(QStringLiteral("127.0.0.1"), false); // another account: nothing of the first
    QVERIFY(seen.lastSeen().isEmpty());
}

void TestSeenSpaces::forgetDropsTimesAndBaseline()
{
    auto file = settings();
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("webexapis.com"), false);
    const QDateTime baseline = seen.baseline();
    seen.save({{QStringLiteral("room-a"), QDateTime::currentDateTimeUtc()}});
    seen.forget();
    QVERIFY(seen.lastSeen().isEmpty());
    QVERIFY(file->allKeys().isEmpty());
    QTest::qWait(20);
    seen.open(QStringLiteral("webexapis.com"), false);
    QVERIFY(seen.lastSeen().isEmpty());
    QVERIFY(seen.baseline() > baseline); // afresh
}

void TestSeenSpaces::ephemeralAccountReadsAndWritesNothing()
{
    auto file = settings();
    file->setValue(QStringLiteral("spaces/lastSeen/127.0.0.1"),
                   QVariantMap{{QStringLiteral("room-a"), QDateTime::currentDateTimeUtc()}});
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("127.0.0.1"), true);
    QVERIFY(seen.lastSeen().isEmpty());
    // A day away, played back: yesterday's activity is new.
    QVERIFY(qAbs(seen.baseline().secsTo(QDateTime::currentDateTimeUtc().addDays(-1))) < 60);
    seen.save({{QStringLiteral("room-b"), QDateTime::currentDateTimeUtc()}});
    seen.forget();
    QCOMPARE(file->allKeys(), QStringList{QStringLiteral("spaces/lastSeen/127.0.0.1")});
}

void TestSeenSpaces::futureBaselineIsReplaced()
{
    auto file = settings();
    file->setValue(QStringLiteral("spaces/seenBaseline/webexapis.com"),
                   QDateTime::currentDateTimeUtc().addDays(30));
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("webexapis.com"), false);
    QVERIFY(seen.baseline() <= QDateTime::currentDateTimeUtc());
    QCOMPARE(file->value(QStringLiteral("spaces/seenBaseline/webexapis.com")).toDateTime(),
             seen.baseline());
}

void TestSeenSpaces::damagedValuesCountAsNotSeen()
{
    auto file = settings();
    file->setValue(QStringLiteral("spaces/lastSeen/webexapis.com"),
                   QVariantMap{{QStringLiteral("room-a"), QStringLiteral("not a time")},
                               {QStringLiteral("room-b"), QDateTime::currentDateTimeUtc()}});
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("webexapis.com"), false);
    QCOMPARE(seen.lastSeen().keys(), QStringList{QStringLiteral("room-b")});
}

void TestSeenSpaces::closedStoreWritesNothing()
{
    auto file = settings();
    SeenSpaces seen(file.get());
    seen.open(QStringLiteral("webexapis.com"), false);
    seen.close();
    const QStringList keysBefore = file->allKeys();
    seen.save({{QStringLiteral("room-a"), QDateTime::currentDateTimeUtc()}});
    seen.forget();
    QCOMPARE(file->allKeys(), keysBefore);
}

QTEST_GUILESS_MAIN(TestSeenSpaces)
#include "tst_seenspaces.moc"
