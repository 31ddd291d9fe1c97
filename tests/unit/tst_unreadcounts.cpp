// UnreadCounts: the messages from others in each space since the person last read it, counted
// once per message id, cleared by reading here or elsewhere, kept per account in a settings
// file of the test's own, and bounded whatever arrives.

#include "store/unreadcounts.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Account = QStringLiteral("webexapis.com");
const QString RoomA = QStringLiteral("room-a");
const QString RoomB = QStringLiteral("room-b");

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
}

QString message(int n)
{
    return QStringLiteral("message-%1").arg(n);
}
} // namespace

class TestUnreadCounts : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void messagesFromOthersCountOncePerId();
    void myOwnMessageCountsNothingAndReadsTheSpace();
    void markReadClearsAndOlderMessagesDoNotCountAgain();
    void markReadOnlyMovesTheMarkerForward();
    void historyBeforeCountingBeganDoesNotCount();
    void invalidTimeStillCounts();
    void acknowledgedNewestClearsTheCount();
    void acknowledgedOlderKeepsTheNewerOnes();
    void acknowledgedBeforeTheMessageArrivedCountsItNot();
    void deletedAndLeftSpacesCountNoMore();
    void changedSaysWhichSpace();
    void countsSurviveARestartPerAccount();
    void savingWaitsForABurstToEnd();
    void forgetDropsTheAccountsCounts();
    void ephemeralAccountWritesNothing();
    void damagedStoredValuesAreDropped();
    void closedCountsNothing();
    void aCountStopsAtItsBound();
    void heldIdsAreBoundedAndTheCountsStay();
    void spacesAreBoundedLeastRecentlyTouchedFirst();
    void overlongIdsAreRefused();
    void countedUntilIsTheNewestAccountedFor();

private:
    [[nodiscard]] std::unique_ptr<QSettings> settings() const;
    [[nodiscard]] std::unique_ptr<UnreadCounts> opened(QSettings *file,
                                                       const QString &account = Account) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

std::unique_ptr<QSettings> TestUnreadCounts::settings() const
{
    return std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("unread.ini")),
                                       QSettings::IniFormat);
}

std::unique_ptr<UnreadCounts> TestUnreadCounts::opened(QSettings *file,
                                                       const QString &account) const
{
    auto counts = std::make_unique<UnreadCounts>(file);
    counts->open(account, false, at(0));
    return counts;
}

void TestUnreadCounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUnreadCounts::messagesFromOthersCountOncePerId()
{
    auto file = settings();
    auto counts = opened(file.get());
    QVERIFY(counts->messageArrived(RoomA, message(1), false, at(1)));
    QVERIFY(counts->messageArrived(RoomA, message(2), false, at(2)));
    // The same message again (the event, then a catch-up page): once.
    QVERIFY(!counts->messageArrived(RoomA, message(1), false, at(1)));
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, at(2)));
    QVERIFY(counts->messageArrived(RoomB, message(3), false, at(3)));
    QCOMPARE(counts->countFor(RoomA), 2);
    QCOMPARE(counts->countFor(RoomB), 1);
    QCOMPARE(counts->countFor(QStringLiteral("room-c")), 0);
    QCOMPARE(counts->total(), 3);
    const QHash<QString, int> expected{{RoomA, 2}, {RoomB, 1}};
    QCOMPARE(counts->counts(), expected);
}

void TestUnreadCounts::myOwnMessageCountsNothingAndReadsTheSpace()
{
    auto file = settings();
    auto counts = opened(file.get());
    QVERIFY(counts->messageArrived(RoomA, message(1), false, at(1)));
    QVERIFY(counts->messageArrived(RoomA, message(2), false, at(2)));
    // I wrote in the space (here or on another device): I have read it up to there.
    QVERIFY(!counts->messageArrived(RoomA, message(3), true, at(3)));
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->lastReadAt(RoomA), at(3));
    QCOMPARE(counts->lastReadMessageId(RoomA), message(3));
    // Alone in a space: nothing counts either.
    QVERIFY(!counts->messageArrived(RoomB, message(4), true, at(4)));
    QCOMPARE(counts->total(), 0);
}

void TestUnreadCounts::markReadClearsAndOlderMessagesDoNotCountAgain()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->messageArrived(RoomA, message(1), false, at(1));
    counts->messageArrived(RoomA, message(2), false, at(2));
    counts->messageArrived(RoomB, message(3), false, at(3));
    counts->markRead(RoomA, message(2), at(2));
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->countFor(RoomB), 1);
    QCOMPARE(counts->total(), 1);
    QCOMPARE(counts->lastReadAt(RoomA), at(2));
    QCOMPARE(counts->lastReadMessageId(RoomA), message(2));
    // A page that brings them again (and one older still) counts nothing: they were read.
    QVERIFY(!counts->messageArrived(RoomA, message(1), false, at(1)));
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, at(2)));
    QVERIFY(!counts->messageArrived(RoomA, message(0), false, at(0).addSecs(30)));
    // A newer one does.
    QVERIFY(counts->messageArrived(RoomA, message(5), false, at(5)));
    QCOMPARE(counts->countFor(RoomA), 1);
}

void TestUnreadCounts::markReadOnlyMovesTheMarkerForward()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->markRead(RoomA, message(5), at(5));
    counts->messageArrived(RoomA, message(6), false, at(6));
    // A late answer about an older page: the count clears (the space is read), the marker stays.
    counts->markRead(RoomA, message(3), at(3));
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->lastReadAt(RoomA), at(5));
    QCOMPARE(counts->lastReadMessageId(RoomA), message(5));
    // Read without a time (nothing shown yet): now.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    counts->markRead(RoomB, QString(), QDateTime());
    QVERIFY(counts->lastReadAt(RoomB) >= before);
    QVERIFY(counts->lastReadMessageId(RoomB).isEmpty());
}

void TestUnreadCounts::historyBeforeCountingBeganDoesNotCount()
{
    auto file = settings();
    UnreadCounts counts(file.get());
    counts.open(Account, false, at(10));
    QCOMPARE(counts.countingSince(), at(10));
    // A space never read here: what was written before the counts began is history.
    QVERIFY(!counts.messageArrived(RoomA, message(1), false, at(9)));
    QVERIFY(counts.messageArrived(RoomA, message(2), false, at(11)));
    // A marker older than the baseline (my own message long ago) lets no history in either.
    QVERIFY(!counts.messageArrived(RoomB, message(3), true, at(5)));
    QVERIFY(!counts.messageArrived(RoomB, message(4), false, at(6)));
    QVERIFY(counts.messageArrived(RoomB, message(5), false, at(12)));
    QCOMPARE(counts.total(), 2);
}

void TestUnreadCounts::invalidTimeStillCounts()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->markRead(RoomA, message(1), at(5));
    // Nothing tells it is old: it counts, once.
    QVERIFY(counts->messageArrived(RoomA, message(2), false, QDateTime()));
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, QDateTime()));
    QCOMPARE(counts->countFor(RoomA), 1);
}

void TestUnreadCounts::acknowledgedNewestClearsTheCount()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->messageArrived(RoomA, message(1), false, at(1));
    counts->messageArrived(RoomA, message(2), false, at(2));
    counts->acknowledgedElsewhere(RoomA, message(2));
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->lastReadAt(RoomA), at(2));
    QCOMPARE(counts->lastReadMessageId(RoomA), message(2));
    QVERIFY(!counts->messageArrived(RoomA, message(1), false, at(1)));
}

void TestUnreadCounts::acknowledgedOlderKeepsTheNewerOnes()
{
    auto file = settings();
    auto counts = opened(file.get());
    for (int n = 1; n <= 4; ++n)
        counts->messageArrived(RoomA, message(n), false, at(n));
    // Read on the phone up to the second: the third and fourth are still unread.
    counts->acknowledgedElsewhere(RoomA, message(2));
    QCOMPARE(counts->countFor(RoomA), 2);
    QCOMPARE(counts->lastReadAt(RoomA), at(2));
    QVERIFY(!counts->messageArrived(RoomA, message(3), false, at(3)));
    QCOMPARE(counts->countFor(RoomA), 2);
}

void TestUnreadCounts::acknowledgedBeforeTheMessageArrivedCountsItNot()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->messageArrived(RoomA, message(1), false, at(1));
    // The receipt names a message not seen here yet: all read.
    counts->acknowledgedElsewhere(RoomA, message(2));
    QCOMPARE(counts->countFor(RoomA), 0);
    // Then that message arrives: it is the one read up to, so it does not count, and its time
    // becomes the marker.
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, at(2)));
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->lastReadAt(RoomA), at(2));
    QVERIFY(counts->messageArrived(RoomA, message(3), false, at(3)));
}

void TestUnreadCounts::deletedAndLeftSpacesCountNoMore()
{
    auto file = settings();
    auto counts = opened(file.get());
    counts->messageArrived(RoomA, message(1), false, at(1));
    counts->messageArrived(RoomA, message(2), false, at(2));
    counts->messageArrived(RoomB, message(3), false, at(3));
    counts->messageDeleted(RoomA, message(1));
    counts->messageDeleted(RoomA, QStringLiteral("never-counted"));
    QCOMPARE(counts->countFor(RoomA), 1);
    counts->spaceLeft(RoomB);
    QCOMPARE(counts->countFor(RoomB), 0);
    QVERIFY(!counts->lastReadAt(RoomB).isValid());
    QCOMPARE(counts->total(), 1);
}

void TestUnreadCounts::changedSaysWhichSpace()
{
    auto file = settings();
    auto counts = opened(file.get());
    QSignalSpy changed(counts.get(), &UnreadCounts::changed);
    counts->messageArrived(RoomA, message(1), false, at(1));
    counts->messageArrived(RoomA, message(1), false, at(1)); // nothing new: no signal
    counts->markRead(RoomB, message(2), at(2));
    counts->markRead(RoomB, message(2), at(2)); // read already: no signal
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toString(), RoomA);
    QCOMPARE(changed.at(1).at(0).toString(), RoomB);
}

void TestUnreadCounts::countsSurviveARestartPerAccount()
{
    {
        auto file = settings();
        auto counts = opened(file.get());
        counts->messageArrived(RoomA, message(1), false, at(1));
        counts->messageArrived(RoomA, message(2), false, at(2));
        counts->markRead(RoomB, message(3), at(3));
        // Destroyed before the save delay is over: what is pending is written.
    }
    auto file = settings();
    auto counts = opened(file.get());
    QCOMPARE(counts->countFor(RoomA), 2);
    QCOMPARE(counts->total(), 2);
    QCOMPARE(counts->lastReadAt(RoomB), at(3));
    QCOMPARE(counts->lastReadMessageId(RoomB), message(3));
    // The ids came back too: the same messages after the restart count once still.
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, at(2)));
    QCOMPARE(counts->countFor(RoomA), 2);

    // Another account has counts of its own.
    counts->open(QStringLiteral("127.0.0.1"), false, at(0));
    QCOMPARE(counts->total(), 0);
    counts->open(Account, false, at(0));
    QCOMPARE(counts->total(), 2);
}

void TestUnreadCounts::savingWaitsForABurstToEnd()
{
    auto file = settings();
    auto counts = opened(file.get());
    for (int n = 1; n <= 20; ++n)
        counts->messageArrived(RoomA, message(n), false, at(n));
    // Not yet written: a burst of messages is one write, after it.
    QVERIFY(!file->contains(QStringLiteral("spaces/unread/") + Account));
    QTRY_VERIFY(file->contains(QStringLiteral("spaces/unread/") + Account));
    auto other = settings();
    UnreadCounts again(other.get());
    again.open(Account, false, at(0));
    QCOMPARE(again.countFor(RoomA), 20);
}

void TestUnreadCounts::forgetDropsTheAccountsCounts()
{
    auto file = settings();
    {
        auto counts = opened(file.get());
        counts->messageArrived(RoomA, message(1), false, at(1));
        counts->saveNow();
        QSignalSpy changed(counts.get(), &UnreadCounts::changed);
        counts->forget();
        QVERIFY(!counts->isOpen());
        QCOMPARE(counts->total(), 0);
        QCOMPARE(changed.count(), 1); // the space's count went
    }
    auto counts = opened(file.get());
    QCOMPARE(counts->total(), 0);
}

void TestUnreadCounts::ephemeralAccountWritesNothing()
{
    auto file = settings();
    {
        UnreadCounts counts(file.get());
        counts.open(Account, true, at(0));
        QVERIFY(counts.messageArrived(RoomA, message(1), false, at(1)));
        QCOMPARE(counts.total(), 1);
    }
    QVERIFY(file->allKeys().isEmpty());
}

void TestUnreadCounts::damagedStoredValuesAreDropped()
{
    auto file = settings();
    QVariantMap stored;
    stored.insert(RoomA, QVariantMap{{QStringLiteral("count"), -5}});
    stored.insert(RoomB, QVariantMap{{QStringLiteral("count"), 1000000},
                                     {QStringLiteral("readAt"), QStringLiteral("not a time")}});
    stored.insert(QStringLiteral("room-c"), QStringLiteral("not a map"));
    stored.insert(QString(300, QLatin1Char('x')), QVariantMap{{QStringLiteral("count"), 3}});
    file->setValue(QStringLiteral("spaces/unread/") + Account, stored);
    auto counts = opened(file.get());
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->countFor(RoomB), UnreadCounts::MaxCount);
    QVERIFY(!counts->lastReadAt(RoomB).isValid());
    QCOMPARE(counts->total(), UnreadCounts::MaxCount);
    QCOMPARE(counts->spaceCount(), 1);
}

void TestUnreadCounts::closedCountsNothing()
{
    auto file = settings();
    UnreadCounts counts(file.get());
    QVERIFY(!counts.messageArrived(RoomA, message(1), false, at(1)));
    counts.open(Account, false, at(0));
    counts.messageArrived(RoomA, message(1), false, at(1));
    counts.close();
    QCOMPARE(counts.total(), 0);
    QVERIFY(!counts.messageArrived(RoomA, message(2), false, at(2)));
    counts.markRead(RoomA, message(2), at(2));
    QCOMPARE(counts.spaceCount(), 0);
}

void TestUnreadCounts::aCountStopsAtItsBound()
{
    auto file = settings();
    UnreadCounts counts(file.get());
    counts.open(Account, true, at(0));
    for (int n = 0; n < UnreadCounts::MaxCount + 50; ++n)
        counts.messageArrived(RoomA, message(n), false, at(1).addSecs(n));
    QCOMPARE(counts.countFor(RoomA), UnreadCounts::MaxCount);
    QCOMPARE(counts.total(), UnreadCounts::MaxCount);
}

void TestUnreadCounts::heldIdsAreBoundedAndTheCountsStay()
{
    auto file = settings();
    UnreadCounts counts(file.get());
    counts.open(Account, true, at(0));
    // A flood over a few spaces: many more ids than may be held.
    const int flood = UnreadCounts::MaxHeldIds * 3;
    for (int n = 0; n < flood; ++n)
        counts.messageArrived(QStringLiteral("room-%1").arg(n % 50), message(n), false,
                              at(1).addSecs(n));
    QVERIFY(counts.heldIdCount() <= UnreadCounts::MaxHeldIds);
    QCOMPARE(counts.total(), 50 * std::min(flood / 50, int(UnreadCounts::MaxCount)));
    // The newest ids are the ones held: those are what a catch-up page brings again.
    QVERIFY(!counts.messageArrived(QStringLiteral("room-%1").arg((flood - 1) % 50),
                                   message(flood - 1), false, at(1).addSecs(flood - 1)));
    // Reading and counting again and again leaves nothing behind either.
    for (int n = 0; n < flood; ++n) {
        counts.messageArrived(RoomA, message(flood + n), false, at(1).addSecs(flood + n));
        counts.markRead(RoomA, message(flood + n), at(1).addSecs(flood + n));
    }
    QVERIFY(counts.heldIdCount() <= UnreadCounts::MaxHeldIds);
}

void TestUnreadCounts::spacesAreBoundedLeastRecentlyTouchedFirst()
{
    auto file = settings();
    UnreadCounts counts(file.get());
    counts.open(Account, true, at(0));
    counts.messageArrived(RoomA, message(0), false, at(1));
    for (int n = 1; n <= UnreadCounts::MaxSpaces + 10; ++n) {
        counts.messageArrived(QStringLiteral("flood-%1").arg(n), message(n), false, at(1));
        if (n % 1000 == 0)
            counts.messageArrived(RoomA, message(n), false, at(2)); // still in use
    }
    QVERIFY(counts.spaceCount() <= UnreadCounts::MaxSpaces);
    QVERIFY(counts.countFor(RoomA) > 0);
    QCOMPARE(counts.countFor(QStringLiteral("flood-1")), 0); // touched least recently
    QCOMPARE(counts.countFor(QStringLiteral("flood-%1").arg(UnreadCounts::MaxSpaces + 10)), 1);
    int sum = 0;
    for (int count : counts.counts())
        sum += count;
    QCOMPARE(counts.total(), sum);
}

void TestUnreadCounts::overlongIdsAreRefused()
{
    auto file = settings();
    auto counts = opened(file.get());
    const QString huge(UnreadCounts::MaxIdLength + 1, QLatin1Char('x'));
    QVERIFY(!counts->messageArrived(huge, message(1), false, at(1)));
    QVERIFY(!counts->messageArrived(RoomA, huge, false, at(1)));
    QVERIFY(!counts->messageArrived(QString(), message(1), false, at(1)));
    counts->acknowledgedElsewhere(RoomA, huge);
    QCOMPARE(counts->spaceCount(), 0);
}

void TestUnreadCounts::countedUntilIsTheNewestAccountedFor()
{
    auto file = settings();
    auto counts = opened(file.get());
    // Nothing known of the space: counting began then.
    QCOMPARE(counts->countedUntil(RoomA), at(0));
    // A counted message, then an older one: the newest counts.
    QVERIFY(counts->messageArrived(RoomA, message(1), false, at(5)));
    QVERIFY(counts->messageArrived(RoomA, message(2), false, at(3)));
    QCOMPARE(counts->countedUntil(RoomA), at(5));
    // Read further than that: the marker.
    counts->markRead(RoomA, message(3), at(8));
    QCOMPARE(counts->countedUntil(RoomA), at(8));
    QVERIFY(counts->messageArrived(RoomA, message(4), false, at(9)));
    QCOMPARE(counts->countedUntil(RoomA), at(9));
    // A message without a time tells nothing of how far.
    QVERIFY(counts->messageArrived(RoomB, message(5), false, QDateTime()));
    QCOMPARE(counts->countedUntil(RoomB), at(0));
    // Left: back to when counting began.
    counts->spaceLeft(RoomA);
    QCOMPARE(counts->countedUntil(RoomA), at(0));
}

QTEST_GUILESS_MAIN(TestUnreadCounts)
#include "tst_unreadcounts.moc"
