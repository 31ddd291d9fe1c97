// UnreadCounts: the messages from others in each space since the person last read it, counted
// once per message id, cleared by reading here or elsewhere, kept in the account's local store
// (a real LocalStore on a file of the test's own), and bounded whatever arrives.

#include "store/localstore.h"
#include "store/unreadcounts.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
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
    void whatArrivesBeforeTheStoreOpensIsWrittenWhenItDoes();
    void whatArrivesBeforeTheStoreAnswersIsMerged();
    void forgetWritesNothingMore();
    void withoutAStoreItCountsInMemory();
    void damagedStoredValuesAreDropped();
    void countsFromAnEarlierVersionsSettingsAreTakenIn();
    void closedCountsNothing();
    void aCountStopsAtItsBound();
    void heldIdsAreBoundedAndTheCountsStay();
    void spacesAreBoundedLeastRecentlyTouchedFirst();
    void overlongIdsAreRefused();
    void countedUntilIsTheNewestAccountedFor();

private:
    // Counting, kept in `store` (none: in memory), with what the store kept read.
    [[nodiscard]] static std::unique_ptr<UnreadCounts> opened(LocalStore *store = nullptr);
    // The store of account `name` (a file in the test's folder), opened.
    [[nodiscard]] std::unique_ptr<LocalStore> storeOf(const QString &name = QStringLiteral("a"));
    [[nodiscard]] QString pathOf(const QString &name) const;
    // What `store` keeps, read as the app reads it.
    [[nodiscard]] static QList<ReadState> keptIn(LocalStore *store);
    // Everything asked of `store` done, and its answers (and what they asked) delivered.
    static void settle(LocalStore *store);

    std::unique_ptr<QTemporaryDir> m_dir;
};

std::unique_ptr<UnreadCounts> TestUnreadCounts::opened(LocalStore *store)
{
    auto counts = std::make_unique<UnreadCounts>();
    counts->setStore(store);
    counts->open(at(0));
    if (store)
        settle(store);
    return counts;
}

QString TestUnreadCounts::pathOf(const QString &name) const
{
    return m_dir->filePath(name + QStringLiteral(".sqlite"));
}

std::unique_ptr<LocalStore> TestUnreadCounts::storeOf(const QString &name)
{
    auto store = std::make_unique<LocalStore>();
    store->open(pathOf(name));
    settle(store.get());
    return store;
}

void TestUnreadCounts::settle(LocalStore *store)
{
    // Answers can ask again (opened() asks for the read state): a few rounds.
    for (int round = 0; round < 3; ++round) {
        store->waitForIdle();
        QCoreApplication::sendPostedEvents();
    }
}

QList<ReadState> TestUnreadCounts::keptIn(LocalStore *store)
{
    QSignalSpy read(store, &LocalStore::readStatesRead);
    store->readReadStates(UnreadCounts::MaxSpaces, UnreadCounts::MaxHeldIds);
    settle(store);
    if (read.isEmpty() && !read.wait(5000))
        return {};
    return read.takeFirst().at(0).value<QList<ReadState>>();
}

void TestUnreadCounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUnreadCounts::messagesFromOthersCountOncePerId()
{
    auto counts = opened();
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
    auto counts = opened();
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
    auto counts = opened();
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
    auto counts = opened();
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
    UnreadCounts counts;
    counts.open(at(10));
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
    auto counts = opened();
    counts->markRead(RoomA, message(1), at(5));
    // Nothing tells it is old: it counts, once.
    QVERIFY(counts->messageArrived(RoomA, message(2), false, QDateTime()));
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, QDateTime()));
    QCOMPARE(counts->countFor(RoomA), 1);
}

void TestUnreadCounts::acknowledgedNewestClearsTheCount()
{
    auto counts = opened();
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
    auto counts = opened();
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
    auto counts = opened();
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
    auto counts = opened();
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
    auto counts = opened();
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
        auto store = storeOf();
        auto counts = opened(store.get());
        counts->messageArrived(RoomA, message(1), false, at(1));
        counts->messageArrived(RoomA, message(2), false, at(2));
        counts->markRead(RoomB, message(3), at(3));
        // Destroyed before the save delay is over: what is pending is written.
    }
    // The next start: the store is read as it opens, before counting begins.
    LocalStore store;
    UnreadCounts counts;
    counts.setStore(&store);
    QSignalSpy changed(&counts, &UnreadCounts::changed);
    store.open(pathOf(QStringLiteral("a")));
    settle(&store);
    QCOMPARE(counts.countFor(RoomA), 2);
    QCOMPARE(counts.total(), 2);
    QVERIFY(changed.count() >= 2); // each space said so, for the list
    counts.open(at(0));
    settle(&store);
    QCOMPARE(counts.total(), 2); // not read twice
    QCOMPARE(counts.lastReadAt(RoomB), at(3));
    QCOMPARE(counts.lastReadMessageId(RoomB), message(3));
    // The ids came back too: the same messages after the restart count once still.
    QVERIFY(!counts.messageArrived(RoomA, message(2), false, at(2)));
    QCOMPARE(counts.countFor(RoomA), 2);

    // Another account's store has counts of its own, which replace these.
    store.open(pathOf(QStringLiteral("b")));
    settle(&store);
    QCOMPARE(counts.total(), 0);
    QCOMPARE(counts.countFor(RoomA), 0);
    store.open(pathOf(QStringLiteral("a")));
    settle(&store);
    QCOMPARE(counts.total(), 2);
}

void TestUnreadCounts::savingWaitsForABurstToEnd()
{
    auto store = storeOf();
    auto counts = opened(store.get());
    for (int n = 1; n <= 20; ++n)
        counts->messageArrived(RoomA, message(n), false, at(n));
    // Not yet written: a burst of messages is one write, after it.
    QVERIFY(keptIn(store.get()).isEmpty());
    QTRY_COMPARE(keptIn(store.get()).size(), 1);
    const ReadState kept = keptIn(store.get()).constFirst();
    QCOMPARE(kept.roomId, RoomA);
    QCOMPARE(kept.unreadCount, 20);
    QCOMPARE(kept.counted.size(), 20);
    QCOMPARE(kept.counted.value(message(7)), at(7));
    // Read: the space's row keeps the marker, and its counted messages go.
    counts->markRead(RoomA, message(20), at(20));
    counts->saveNow();
    const ReadState read = keptIn(store.get()).constFirst();
    QCOMPARE(read.unreadCount, 0);
    QVERIFY(read.counted.isEmpty());
    QCOMPARE(read.readAt, at(20));
    QCOMPARE(read.readMessageId, message(20));
    // Left: nothing of the space is kept.
    counts->spaceLeft(RoomA);
    counts->saveNow();
    QVERIFY(keptIn(store.get()).isEmpty());
}

void TestUnreadCounts::whatArrivesBeforeTheStoreOpensIsWrittenWhenItDoes()
{
    // A first sign-in: counting begins before people/me says whose store to open.
    LocalStore store;
    UnreadCounts counts;
    counts.setStore(&store);
    counts.open(at(0));
    QVERIFY(counts.messageArrived(RoomA, message(1), false, at(1)));
    counts.saveNow(); // no store yet: kept
    store.open(pathOf(QStringLiteral("a")));
    settle(&store);
    QCOMPARE(counts.countFor(RoomA), 1);
    QTRY_COMPARE(keptIn(&store).size(), 1);
    QCOMPARE(keptIn(&store).constFirst().unreadCount, 1);
}

void TestUnreadCounts::whatArrivesBeforeTheStoreAnswersIsMerged()
{
    {
        auto store = storeOf();
        auto counts = opened(store.get());
        counts->messageArrived(RoomA, message(1), false, at(1));
        counts->messageArrived(RoomA, message(2), false, at(2));
        counts->messageArrived(RoomB, message(3), false, at(3));
    }
    LocalStore store;
    UnreadCounts counts;
    counts.setStore(&store);
    store.open(pathOf(QStringLiteral("a")));
    counts.open(at(0));
    // Before the answer: a new message and one the store counted already in A; B read here.
    QVERIFY(counts.messageArrived(RoomA, message(4), false, at(4)));
    QVERIFY(counts.messageArrived(RoomA, message(2), false, at(2)));
    counts.markRead(RoomB, message(5), at(5));
    settle(&store);
    QCOMPARE(counts.countFor(RoomA), 3); // 1, 2 and 4, each once
    QCOMPARE(counts.countFor(RoomB), 0); // read here since: stays read
    QCOMPARE(counts.total(), 3);
    QVERIFY(!counts.messageArrived(RoomA, message(1), false, at(1)));
    counts.saveNow();
    const QList<ReadState> kept = keptIn(&store);
    QCOMPARE(kept.size(), 2);
    for (const ReadState &state : kept)
        QCOMPARE(state.unreadCount, state.roomId == RoomA ? 3 : 0);
}

void TestUnreadCounts::forgetWritesNothingMore()
{
    auto store = storeOf();
    auto counts = opened(store.get());
    counts->messageArrived(RoomA, message(1), false, at(1));
    counts->saveNow();
    counts->messageArrived(RoomA, message(2), false, at(2)); // pending
    QSignalSpy changed(counts.get(), &UnreadCounts::changed);
    counts->forget();
    QVERIFY(!counts->isOpen());
    QCOMPARE(counts->total(), 0);
    QCOMPARE(changed.count(), 1); // the space's count went
    counts.reset();
    // The pending change was not written (the account's store is deleted by StoreController).
    QCOMPARE(keptIn(store.get()).constFirst().unreadCount, 1);
}

void TestUnreadCounts::withoutAStoreItCountsInMemory()
{
    UnreadCounts counts;
    counts.open(at(0));
    QVERIFY(counts.messageArrived(RoomA, message(1), false, at(1)));
    counts.saveNow();
    QCOMPARE(counts.total(), 1);
    // A store that stops being there is let go of, not touched.
    auto store = std::make_unique<LocalStore>();
    counts.setStore(store.get());
    store.reset();
    QVERIFY(counts.messageArrived(RoomA, message(2), false, at(2)));
    counts.saveNow();
    QCOMPARE(counts.total(), 2);
}

void TestUnreadCounts::damagedStoredValuesAreDropped()
{
    auto store = storeOf();
    ReadState negative{RoomA, {}, {}, -5, {}};
    ReadState huge{RoomB, {}, {}, 1000000, {{QString(300, QLatin1Char('y')), at(1)}}};
    ReadState longId{QString(300, QLatin1Char('x')), {}, {}, 3, {}};
    ReadState badReadId{QStringLiteral("room-c"), at(2), QString(300, QLatin1Char('z')), 0, {}};
    store->saveReadStates({negative, huge, longId, badReadId});
    settle(store.get());
    auto counts = opened(store.get());
    QCOMPARE(counts->countFor(RoomA), 0);
    QCOMPARE(counts->countFor(RoomB), UnreadCounts::MaxCount);
    QCOMPARE(counts->heldIdCount(), 0);
    QCOMPARE(counts->total(), UnreadCounts::MaxCount);
    QCOMPARE(counts->lastReadAt(QStringLiteral("room-c")), at(2));
    QVERIFY(counts->lastReadMessageId(QStringLiteral("room-c")).isEmpty());
    QCOMPARE(counts->spaceCount(), 2);
}

void TestUnreadCounts::countsFromAnEarlierVersionsSettingsAreTakenIn()
{
    // As versions before the store wrote them into QSettings, damaged values included.
    QVariantMap stored;
    stored.insert(RoomA, QVariantMap{{QStringLiteral("count"), 2},
                                     {QStringLiteral("held"),
                                      QVariantMap{{message(1), at(1)}, {message(2), at(2)}}}});
    stored.insert(RoomB, QVariantMap{{QStringLiteral("count"), 1000000},
                                     {QStringLiteral("readAt"), QStringLiteral("not a time")}});
    stored.insert(QStringLiteral("room-c"), QStringLiteral("not a map"));
    stored.insert(QStringLiteral("room-d"), QVariantMap{{QStringLiteral("readAt"), at(4)},
                                                        {QStringLiteral("readId"), message(4)}});
    stored.insert(QString(300, QLatin1Char('x')), QVariantMap{{QStringLiteral("count"), 3}});
    auto counts = opened();
    counts->restore(readStatesFromSettingsValue(stored));
    QCOMPARE(counts->countFor(RoomA), 2);
    QVERIFY(!counts->messageArrived(RoomA, message(2), false, at(2))); // counted already
    QCOMPARE(counts->countFor(RoomB), UnreadCounts::MaxCount);
    QVERIFY(!counts->lastReadAt(RoomB).isValid());
    QCOMPARE(counts->lastReadAt(QStringLiteral("room-d")), at(4));
    QCOMPARE(counts->lastReadMessageId(QStringLiteral("room-d")), message(4));
    QCOMPARE(counts->total(), 2 + UnreadCounts::MaxCount);
    QCOMPARE(counts->spaceCount(), 3);
}

void TestUnreadCounts::closedCountsNothing()
{
    UnreadCounts counts;
    QVERIFY(!counts.messageArrived(RoomA, message(1), false, at(1)));
    counts.open(at(0));
    counts.messageArrived(RoomA, message(1), false, at(1));
    counts.close();
    QCOMPARE(counts.total(), 0);
    QVERIFY(!counts.messageArrived(RoomA, message(2), false, at(2)));
    counts.markRead(RoomA, message(2), at(2));
    QCOMPARE(counts.spaceCount(), 0);
}

void TestUnreadCounts::aCountStopsAtItsBound()
{
    UnreadCounts counts;
    counts.open(at(0));
    for (int n = 0; n < UnreadCounts::MaxCount + 50; ++n)
        counts.messageArrived(RoomA, message(n), false, at(1).addSecs(n));
    QCOMPARE(counts.countFor(RoomA), UnreadCounts::MaxCount);
    QCOMPARE(counts.total(), UnreadCounts::MaxCount);
}

void TestUnreadCounts::heldIdsAreBoundedAndTheCountsStay()
{
    UnreadCounts counts;
    counts.open(at(0));
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
    UnreadCounts counts;
    counts.open(at(0));
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
    auto counts = opened();
    const QString huge(UnreadCounts::MaxIdLength + 1, QLatin1Char('x'));
    QVERIFY(!counts->messageArrived(huge, message(1), false, at(1)));
    QVERIFY(!counts->messageArrived(RoomA, huge, false, at(1)));
    QVERIFY(!counts->messageArrived(QString(), message(1), false, at(1)));
    counts->acknowledgedElsewhere(RoomA, huge);
    QCOMPARE(counts->spaceCount(), 0);
}

void TestUnreadCounts::countedUntilIsTheNewestAccountedFor()
{
    auto counts = opened();
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
