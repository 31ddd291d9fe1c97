// Backoff: 1 s doubling to 32 s with equal jitter, from a fixed random source and a clock of the
// test's own; the count starts afresh only after a minute live (docs/LIVE-EVENTS.md 3.6).

#include "live/backoff.h"

#include <QTest>

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void doublesToTheCap_data();
    void doublesToTheCap();
    void jitterStaysWithinHalfAndAll();
    void outOfRangeRandomIsClamped();
    void resetsOnlyAfterAMinuteLive();
    void resetStartsAfresh();
    void defaultSourceStaysInBounds();
};

void TestBackoff::doublesToTheCap_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<QList<int>>("delays");
    // Random 1: the whole delay; random 0: half of it.
    QTest::newRow("all") << 1.0 << QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000};
    QTest::newRow("half") << 0.0 << QList<int>{500, 1000, 2000, 4000, 8000, 16000, 16000, 16000};
    QTest::newRow("middle") << 0.5 << QList<int>{750, 1500, 3000, 6000, 12000, 24000, 24000, 24000};
}

void TestBackoff::doublesToTheCap()
{
    QFETCH(double, random);
    QFETCH(QList<int>, delays);
    Backoff backoff;
    backoff.setRandomSource([random] { return random; });
    QList<int> got;
    for (qsizetype i = 0; i < delays.size(); ++i)
        got.append(backoff.nextDelayMs());
    QCOMPARE(got, delays);
    QCOMPARE(backoff.attempts(), int(delays.size()));
    // Far beyond: still the cap, no overflow.
    for (int i = 0; i < 100; ++i)
        QVERIFY(backoff.nextDelayMs() <= Backoff::MaxDelayMs);
    QCOMPARE(backoff.upcomingCeilingMs(), Backoff::MaxDelayMs);
}

void TestBackoff::jitterStaysWithinHalfAndAll()
{
    // A source walking through [0, 1]: every delay within [ceiling/2, ceiling].
    int step = 0;
    Backoff backoff;
    backoff.setRandomSource([&step] { return (step++ % 11) / 10.0; });
    for (int i = 0; i < 50; ++i) {
        const int ceiling = backoff.upcomingCeilingMs();
        const int delay = backoff.nextDelayMs();
        QVERIFY2(delay >= ceiling / 2 && delay <= ceiling,
                 qPrintable(QStringLiteral("%1 of %2").arg(delay).arg(ceiling)));
    }
}

void TestBackoff::outOfRangeRandomIsClamped()
{
    Backoff high;
    high.setRandomSource([] { return 7.0; });
    QCOMPARE(high.nextDelayMs(), 1000);
    Backoff low;
    low.setRandomSource([] { return -3.0; });
    QCOMPARE(low.nextDelayMs(), 500);
}

void TestBackoff::resetsOnlyAfterAMinuteLive()
{
    qint64 now = 0;
    Backoff backoff;
    backoff.setRandomSource([] { return 1.0; });
    backoff.setClock([&now] { return now; });
    QCOMPARE(backoff.nextDelayMs(), 1000);
    QCOMPARE(backoff.nextDelayMs(), 2000);

    // Live for a moment and dropped: the count goes on.
    backoff.wentLive();
    now += Backoff::ResetAfterLiveMs - 1;
    backoff.dropped();
    QCOMPARE(backoff.nextDelayMs(), 4000);

    // Live for a minute: afresh.
    backoff.wentLive();
    now += Backoff::ResetAfterLiveMs;
    backoff.dropped();
    QCOMPARE(backoff.attempts(), 0);
    QCOMPARE(backoff.nextDelayMs(), 1000);

    // A drop without having been live (a failed attempt) does not reset.
    now += 10 * Backoff::ResetAfterLiveMs;
    backoff.dropped();
    QCOMPARE(backoff.nextDelayMs(), 2000);
}

void TestBackoff::resetStartsAfresh()
{
    Backoff backoff;
    backoff.setRandomSource([] { return 1.0; });
    for (int i = 0; i < 4; ++i)
        (void)backoff.nextDelayMs();
    backoff.reset();
    QCOMPARE(backoff.nextDelayMs(), 1000);
}

void TestBackoff::defaultSourceStaysInBounds()
{
    Backoff backoff; // QRandomGenerator and a real clock
    for (int i = 0; i < 20; ++i) {
        const int ceiling = backoff.upcomingCeilingMs();
        const int delay = backoff.nextDelayMs();
        QVERIFY(delay >= ceiling / 2 && delay <= ceiling);
    }
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
