// The local store's reads and writes (StoreWorker, on the test's thread) and its thread of its
// own (LocalStore): what Webex sent comes back as it was, in the list's order; Webex wins
// (a page deletes what it no longer holds, a complete list of spaces drops the ones left); an
// unchanged message is not written again; a full disk stops the store with one sentence and
// no half-written rows; answers of a file closed meanwhile never arrive.

#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "store/localstore.h"
#include "store/storeworker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Connection = QStringLiteral("tst_localstore");

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
}

Room room(const QString &id, int minute, const QString &title = {})
{
    Room r;
    r.id = id;
    r.title = title.isEmpty() ? QStringLiteral("Space ") + id : title;
    r.lastActivity = minute < 0 ? QDateTime() : at(minute);
    return r;
}

Message message(const QString &id, int minute, const QString &text = {},
                const QString &roomId = QStringLiteral("R"))
{
    Message m;
    m.id = id;
    m.roomId = roomId;
    m.roomType = QStringLiteral("group");
    m.personId = QStringLiteral("P-") + id.left(1);
    m.personEmail = QStringLiteral("someone@example.com");
    m.text = text.isEmpty() ? QStringLiteral("text of ") + id : text;
    m.created = at(minute);
    return m;
}

QStringList ids(const QList<Message> &messages)
{
    QStringList result;
    for (const Message &m : messages)
        result.append(m.id);
    return result;
}

QStringList ids(const QList<Room> &rooms)
{
    QStringList result;
    for (const Room &r : rooms)
        result.append(r.id);
    return result;
}

QStringList ids(const QList<ReadState> &states)
{
    QStringList result;
    for (const ReadState &s : states)
        result.append(s.roomId);
    return result;
}

QVariant scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(Connection, false));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QStringList stored(StoreWorker &worker, const QString &roomId = QStringLiteral("R"))
{
    bool hasOlder = false;
    QStringList newestFirst = ids(worker.newestMessages(roomId, 1000, &hasOlder));
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst; // oldest first, as a conversation reads
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void roomsComeBackInTheListsOrder();
    void aCompleteListDropsTheSpacesLeft();
    void readStateIsKeptPerSpaceAndGoesWithIt();
    void messagesComeBackNewestFirstWithHasOlder();
    void anUnchangedMessageIsNotWrittenAgain();
    void anEditIsSearchableByItsNewText();
    void aPageDeletesWhatWebexNoLongerHas();
    void aNewestPageDeletesNewerOnesAndAnEmptyOneAll();
    void aPageKeepsOnlyItsOwnSpacesMessages();
    void peopleAndValuesComeBack();
    void teamsAreReplacedByEachList();
    void draftsAreKeptPerSpaceAndGoWhenEmptied();
    void theOutboxKeepsItsOrderUntilSent();
    void aFullDiskStopsTheStoreWithNothingHalfWritten();

    void answersComeFromTheStoresThread();
    void roomsAreReadInChunksFirstOneSmall();
    void theRestOfTheRoomsWaitsForTheFirstChunkOnScreen();
    void answersOfAFileClosedMeanwhileNeverArrive();
    void destroyingTheStoreWritesWhatWasAsked();
    void forgetRemovesTheFiles();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreWorker> m_worker;
    QString m_path;
};

void TestLocalStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store/account.sqlite"));
    m_worker = std::make_unique<StoreWorker>(Connection);
    QCOMPARE(m_worker->open(m_path).outcome, StoreFile::Outcome::Created);
}

void TestLocalStore::cleanup()
{
    m_worker.reset();
    m_dir.reset();
}

void TestLocalStore::roomsComeBackInTheListsOrder()
{
    Room direct = room(QStringLiteral("D"), 5, QStringLiteral("Ana Lima"));
    direct.kind = Room::Kind::Direct;
    direct.isReadOnly = true;
    direct.created = at(1);
    Room undated = room(QStringLiteral("U"), -1);
    Room createdOnly = room(QStringLiteral("C"), -1);
    createdOnly.created = at(3);
    QVERIFY(m_worker->saveRooms({room(QStringLiteral("A"), 2), direct, undated, createdOnly,
                                 room(QStringLiteral("B"), 2)}));
    QCOMPARE(m_worker->roomCount(), 5);
    // Newest activity first, created when there is no activity, ties by id, undated last.
    QCOMPARE(ids(m_worker->rooms(0, 100)), QStringList({"D", "C", "A", "B", "U"}));
    QCOMPARE(ids(m_worker->rooms(1, 2)), QStringList({"C", "A"}));
    const Room back = m_worker->rooms(0, 1).constFirst();
    QCOMPARE(back.title, QStringLiteral("Ana Lima"));
    QCOMPARE(back.kind, Room::Kind::Direct);
    QVERIFY(back.isReadOnly);
    QCOMPARE(back.lastActivity, at(5));
    QCOMPARE(back.created, at(1));
    QVERIFY(!m_worker->rooms(4, 1).constFirst().lastActivity.isValid());

    // Seen again: replaced, not duplicated.
    QVERIFY(m_worker->saveRooms({room(QStringLiteral("A"), 9, QStringLiteral("Renamed"))}));
    QCOMPARE(m_worker->roomCount(), 5);
    QCOMPARE(m_worker->rooms(0, 1).constFirst().title, QStringLiteral("Renamed"));
}

void TestLocalStore::aCompleteListDropsTheSpacesLeft()
{
    QVERIFY(m_worker->saveRooms({room(QStringLiteral("A"), 1), room(QStringLiteral("B"), 2),
                                 room(QStringLiteral("C"), 3)}));
    QVERIFY(m_worker->saveMessages({message(QStringLiteral("a1"), 1, {}, QStringLiteral("A")),
                                    message(QStringLiteral("b1"), 1, {}, QStringLiteral("B"))}));
    QVERIFY(m_worker->keepOnlyRooms({QStringLiteral("A"), QStringLiteral("C")}));
    QCOMPARE(ids(m_worker->rooms(0, 10)), QStringList({"C", "A"}));
    QCOMPARE(stored(*m_worker, QStringLiteral("B")), QStringList());
    QCOMPARE(stored(*m_worker, QStringLiteral("A")), QStringList({"a1"}));

    QVERIFY(m_worker->removeRoom(QStringLiteral("A")));
    QCOMPARE(ids(m_worker->rooms(0, 10)), QStringList({"C"}));
    QCOMPARE(stored(*m_worker, QStringLiteral("A")), QStringList());
}

void TestLocalStore::readStateIsKeptPerSpaceAndGoesWithIt()
{
    const auto state = [](const QString &roomId, int readMinute, int count,
                          const QStringList &counted) {
        ReadState read;
        read.roomId = roomId;
        read.readAt = readMinute > 0 ? at(readMinute) : QDateTime();
        read.readMessageId = readMinute > 0 ? roomId + QStringLiteral("-read") : QString();
        read.unreadCount = count;
        for (int i = 0; i < counted.size(); ++i)
            read.counted.insert(counted.at(i), at(10 + i));
        return read;
    };
    QVERIFY(m_worker->saveReadStates({state(QStringLiteral("A"), 5, 2, {"a1", "a2"}),
                                      state(QStringLiteral("B"), 7, 0, {}),
                                      state(QStringLiteral("C"), 0, 1, {"c1"})}));
    QList<ReadState> back = m_worker->readStates(100, 100);
    // Read most recently first; never read last.
    QCOMPARE(ids(back), QStringList({"B", "A", "C"}));
    QCOMPARE(back.at(1).readAt, at(5));
    QCOMPARE(back.at(1).readMessageId, QStringLiteral("A-read"));
    QCOMPARE(back.at(1).unreadCount, 2);
    QCOMPARE(back.at(1).counted.value(QStringLiteral("a2")), at(11));
    QVERIFY(!back.at(2).readAt.isValid());

    // A state replaces the space's, counted messages included; an empty one deletes it.
    QVERIFY(m_worker->saveReadStates(
        {state(QStringLiteral("A"), 12, 0, {}), state(QStringLiteral("B"), 0, 0, {})}));
    back = m_worker->readStates(100, 100);
    QCOMPARE(ids(back), QStringList({"A", "C"}));
    QVERIFY(back.at(0).counted.isEmpty());

    // Bounded as asked: spaces, then counted messages in all (the newest).
    QVERIFY(m_worker->saveReadStates({state(QStringLiteral("D"), 0, 3, {"d1", "d2", "d3"})}));
    QCOMPARE(m_worker->readStates(1, 100).size(), 1);
    int counted = 0;
    for (const ReadState &read : m_worker->readStates(100, 2))
        counted += int(read.counted.size());
    QCOMPARE(counted, 2);

    // A space left, or missing from a complete list: its read state goes with it.
    QVERIFY(m_worker->removeRoom(QStringLiteral("C")));
    QVERIFY(m_worker->keepOnlyRooms({QStringLiteral("A")}));
    QCOMPARE(ids(m_worker->readStates(100, 100)), QStringList({"A"}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM unread_messages")).toInt(), 0);
}

void TestLocalStore::messagesComeBackNewestFirstWithHasOlder()
{
    Message full = message(QStringLiteral("m3"), 3);
    full.markdown = QStringLiteral("**bold**");
    full.html = QStringLiteral("<p><strong>bold</strong></p>");
    full.parentId = QStringLiteral("m1");
    full.files = {QStringLiteral("https://example.com/f/1"),
                  QStringLiteral("https://example.com/f/2")};
    full.updated = at(4);
    QVERIFY(m_worker->saveMessages(
        {message(QStringLiteral("m1"), 1), message(QStringLiteral("m2"), 2), full}));
    bool hasOlder = true;
    QList<Message> newest = m_worker->newestMessages(QStringLiteral("R"), 2, &hasOlder);
    QCOMPARE(ids(newest), QStringList({"m3", "m2"}));
    QVERIFY(hasOlder);
    newest = m_worker->newestMessages(QStringLiteral("R"), 3, &hasOlder);
    QVERIFY(!hasOlder);
    const Message back = newest.constFirst();
    QCOMPARE(back.markdown, full.markdown);
    QCOMPARE(back.html, full.html);
    QCOMPARE(back.parentId, full.parentId);
    QCOMPARE(back.files, full.files);
    QCOMPARE(back.roomType, QStringLiteral("group"));
    QCOMPARE(back.personId, full.personId);
    QCOMPARE(back.personEmail, full.personEmail);
    QCOMPARE(back.created, at(3));
    QCOMPARE(back.updated, at(4));
    QVERIFY(!newest.constLast().updated.isValid());
    QCOMPARE(ids(m_worker->newestMessages(QStringLiteral("other"), 5, &hasOlder)), QStringList());
}

void TestLocalStore::anUnchangedMessageIsNotWrittenAgain()
{
    const Message m = message(QStringLiteral("m1"), 1);
    QVERIFY(m_worker->saveMessages({m}));
    const int before = scalar(QStringLiteral("SELECT total_changes()")).toInt();
    QVERIFY(m_worker->saveMessages({m}));
    // The insert's conflict became an update that matched no row: nothing written.
    QCOMPARE(scalar(QStringLiteral("SELECT total_changes()")).toInt(), before);
    Message edited = m;
    edited.text = QStringLiteral("fixed");
    edited.updated = at(2);
    QVERIFY(m_worker->saveMessages({edited}));
    QVERIFY(scalar(QStringLiteral("SELECT total_changes()")).toInt() > before);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 1);
}

void TestLocalStore::anEditIsSearchableByItsNewText()
{
    QVERIFY(m_worker->saveMessages({message(QStringLiteral("m1"), 1, QStringLiteral("alpha"))}));
    Message edited = message(QStringLiteral("m1"), 1, QStringLiteral("beta"));
    edited.updated = at(2);
    QVERIFY(m_worker->saveMessages({edited}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_words WHERE message_words "
                                   "MATCH 'beta'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_words WHERE message_words "
                                   "MATCH 'alpha'"))
                 .toInt(),
             0);
    QVERIFY(m_worker->removeMessage(QStringLiteral("m1")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_words WHERE message_words "
                                   "MATCH 'beta'"))
                 .toInt(),
             0);
}

void TestLocalStore::aPageDeletesWhatWebexNoLongerHas()
{
    QList<Message> all;
    for (int i = 1; i <= 5; ++i)
        all.append(message(QStringLiteral("m%1").arg(i), i));
    QVERIFY(m_worker->saveMessages(all));
    // An older page (asked for with `before`): m3 was deleted on Webex; m1 and m5 are outside
    // the page's range, so nothing is known about them.
    Message m4 = all.at(3);
    m4.text = QStringLiteral("edited");
    m4.updated = at(6);
    QVERIFY(m_worker->savePage(QStringLiteral("R"), {m4, all.at(1)}, false));
    QCOMPARE(stored(*m_worker), QStringList({"m1", "m2", "m4", "m5"}));
    bool hasOlder = false;
    QCOMPARE(m_worker->newestMessages(QStringLiteral("R"), 2, &hasOlder).constLast().text,
             QStringLiteral("edited"));
}

void TestLocalStore::aNewestPageDeletesNewerOnesAndAnEmptyOneAll()
{
    QList<Message> all;
    for (int i = 1; i <= 5; ++i)
        all.append(message(QStringLiteral("m%1").arg(i), i));
    QVERIFY(m_worker->saveMessages(all));
    QVERIFY(m_worker->saveMessages({message(QStringLiteral("x1"), 9, {}, QStringLiteral("X"))}));
    // The newest page holds m3 and m2: m4 and m5 are gone from Webex, m1 is older than it.
    QVERIFY(m_worker->savePage(QStringLiteral("R"), {all.at(2), all.at(1)}, true));
    QCOMPARE(stored(*m_worker), QStringList({"m1", "m2", "m3"}));
    QVERIFY(m_worker->savePage(QStringLiteral("R"), {}, true));
    QCOMPARE(stored(*m_worker), QStringList());
    QCOMPARE(stored(*m_worker, QStringLiteral("X")), QStringList({"x1"}));
    // An empty older page tells nothing.
    QVERIFY(m_worker->savePage(QStringLiteral("X"), {}, false));
    QCOMPARE(stored(*m_worker, QStringLiteral("X")), QStringList({"x1"}));
}

void TestLocalStore::aPageKeepsOnlyItsOwnSpacesMessages()
{
    QVERIFY(m_worker->saveMessages({message(QStringLiteral("x1"), 2, {}, QStringLiteral("X"))}));
    // A hostile page of R carries a message of X: it is neither saved under R nor a reason to
    // delete anything of X.
    QVERIFY(m_worker->savePage(QStringLiteral("R"),
                               {message(QStringLiteral("r2"), 3),
                                message(QStringLiteral("x9"), 2, {}, QStringLiteral("X")),
                                message(QStringLiteral("r1"), 1)},
                               true));
    QCOMPARE(stored(*m_worker), QStringList({"r1", "r2"}));
    QCOMPARE(stored(*m_worker, QStringLiteral("X")), QStringList({"x1"}));
}

void TestLocalStore::peopleAndValuesComeBack()
{
    Person ana;
    ana.id = QStringLiteral("P-a");
    ana.displayName = QStringLiteral("Ana Lima");
    ana.emails = {QStringLiteral("ana@example.com"), QStringLiteral("ana@example.org")};
    ana.avatar = QUrl(QStringLiteral("https://example.com/ana.png"));
    Person bo;
    bo.id = QStringLiteral("P-b");
    bo.displayName = QStringLiteral("Bo");
    QVERIFY(m_worker->savePeople({ana, bo}));
    QVERIFY(QSqlQuery(QSqlDatabase::database(Connection, false))
                .exec(QStringLiteral("UPDATE people SET avatar = 'file:///etc/passwd' "
                                     "WHERE id = 'P-b'")));
    const QList<Person> back =
        m_worker->people({QStringLiteral("P-a"), QStringLiteral("unknown"), QStringLiteral("P-b")});
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0).displayName, ana.displayName);
    QCOMPARE(back.at(0).emails, ana.emails);
    QCOMPARE(back.at(0).avatar, ana.avatar);
    // Only an http(s) picture comes back, whatever the file says.
    QVERIFY(back.at(1).avatar.isEmpty());

    QCOMPARE(m_worker->value(QStringLiteral("openSpace")), QString());
    QVERIFY(m_worker->setValue(QStringLiteral("openSpace"), QStringLiteral("R")));
    QVERIFY(m_worker->setValue(QStringLiteral("openSpace"), QStringLiteral("S")));
    QCOMPARE(m_worker->value(QStringLiteral("openSpace")), QStringLiteral("S"));
}

void TestLocalStore::teamsAreReplacedByEachList()
{
    Team design;
    design.id = QStringLiteral("T1");
    design.name = QStringLiteral("Design");
    design.description = QStringLiteral("Pixels");
    design.created = at(1);
    Team apps;
    apps.id = QStringLiteral("T2");
    apps.name = QStringLiteral("Apps");
    QVERIFY(m_worker->saveTeams({design, apps}));
    QList<Team> back = m_worker->teams();
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0).name, QStringLiteral("Apps")); // by name
    QCOMPARE(back.at(1).description, QStringLiteral("Pixels"));
    QCOMPARE(back.at(1).created, at(1));
    // A list without T2: it was left.
    QVERIFY(m_worker->saveTeams({design}));
    back = m_worker->teams();
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.constFirst().id, QStringLiteral("T1"));
}

void TestLocalStore::draftsAreKeptPerSpaceAndGoWhenEmptied()
{
    QVERIFY(m_worker->setDraft(QStringLiteral("R"), QStringLiteral("half a thought")));
    QVERIFY(m_worker->setDraft(QStringLiteral("S"), QStringLiteral("another")));
    QVERIFY(m_worker->setDraft(QStringLiteral("R"), QStringLiteral("half a thought, more")));
    QCOMPARE(m_worker->draft(QStringLiteral("R")), QStringLiteral("half a thought, more"));
    QCOMPARE(m_worker->draft(QStringLiteral("S")), QStringLiteral("another"));
    QVERIFY(m_worker->appendToDraft(QStringLiteral("R"), QStringLiteral("not sent")));
    QCOMPARE(m_worker->draft(QStringLiteral("R")),
             QStringLiteral("half a thought, more\nnot sent"));
    QVERIFY(m_worker->setDraft(QStringLiteral("R"), QString()));
    QCOMPARE(m_worker->draft(QStringLiteral("R")), QString());
    QVERIFY(m_worker->appendToDraft(QStringLiteral("R"), QStringLiteral("not sent")));
    QCOMPARE(m_worker->draft(QStringLiteral("R")), QStringLiteral("not sent"));
    QVERIFY(m_worker->setDraft(QStringLiteral("R"), QString()));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM drafts")).toInt(), 1);
    // A space left takes its draft along.
    QVERIFY(m_worker->removeRoom(QStringLiteral("S")));
    QCOMPARE(m_worker->draft(QStringLiteral("S")), QString());
}

void TestLocalStore::theOutboxKeepsItsOrderUntilSent()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_worker->queueOutgoing(
        {QStringLiteral("t1"), QStringLiteral("R"), QStringLiteral("first"), now}));
    QVERIFY(m_worker->queueOutgoing(
        {QStringLiteral("t2"), QStringLiteral("S"), QStringLiteral("second"), now.addSecs(-60)}));
    // A reply keeps the thread it answers.
    QVERIFY(m_worker->queueOutgoing({QStringLiteral("t3"), QStringLiteral("R"),
                                     QStringLiteral("third"), now, QStringLiteral("M7")}));
    // Queued twice (a retry of the queueing): once.
    QVERIFY(m_worker->queueOutgoing(
        {QStringLiteral("t1"), QStringLiteral("R"), QStringLiteral("first"), now}));
    QList<OutgoingMessage> queued = m_worker->outgoing();
    QCOMPARE(queued.size(), 3);
    // The order written, whatever the clock said.
    QCOMPARE(queued.at(0).markdown, QStringLiteral("first"));
    QCOMPARE(queued.at(1).markdown, QStringLiteral("second"));
    QCOMPARE(queued.at(1).roomId, QStringLiteral("S"));
    QCOMPARE(queued.at(2).clientTag, QStringLiteral("t3"));
    QCOMPARE(queued.at(2).parentId, QStringLiteral("M7"));
    QCOMPARE(queued.at(0).parentId, QString());
    QCOMPARE(queued.at(0).created.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    QVERIFY(m_worker->removeOutgoing(QStringLiteral("t1")));
    queued = m_worker->outgoing();
    QCOMPARE(queued.size(), 2);
    QCOMPARE(queued.at(0).clientTag, QStringLiteral("t2"));
}

void TestLocalStore::aFullDiskStopsTheStoreWithNothingHalfWritten()
{
    QVERIFY(m_worker->saveMessages({message(QStringLiteral("m0"), 0)}));
    // SQLite's own limit on the file's pages stands in for a full disk: the same SQLITE_FULL.
    const int pages = scalar(QStringLiteral("PRAGMA page_count")).toInt();
    QVERIFY(pages > 0);
    QVERIFY(QSqlQuery(QSqlDatabase::database(Connection, false))
                .exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
    QList<Message> many;
    for (int i = 1; i <= 200; ++i)
        many.append(message(QStringLiteral("m%1").arg(i), i, QString(2000, QLatin1Char('x'))));
    QVERIFY(!m_worker->saveMessages(many));
    QVERIFY(!m_worker->isOpen());
    QVERIFY(m_worker->problem().contains(QStringLiteral("full"), Qt::CaseInsensitive));
    // Rolled back: none of the 200, the one before still there.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 1);
    // Stopped: no more writes, no reads.
    QVERIFY(!m_worker->saveRooms({room(QStringLiteral("A"), 1)}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM spaces")).toInt(), 0);
    QCOMPARE(stored(*m_worker), QStringList());
    // The next start opens it again, as it was.
    QCOMPARE(m_worker->open(m_path).outcome, StoreFile::Outcome::Opened);
    QCOMPARE(stored(*m_worker), QStringList({"m0"}));
}

void TestLocalStore::answersComeFromTheStoresThread()
{
    m_worker.reset();
    LocalStore store;
    QSignalSpy opened(&store, &LocalStore::opened);
    QSignalSpy read(&store, &LocalStore::messagesRead);
    store.open(m_path);
    Person ana;
    ana.id = QStringLiteral("P-m");
    ana.displayName = QStringLiteral("Ana");
    store.savePeople({ana});
    store.saveMessages({message(QStringLiteral("m1"), 1), message(QStringLiteral("m2"), 2)});
    store.readNewestMessages(QStringLiteral("R"), 1);
    QVERIFY(opened.wait());
    QCOMPARE(opened.constFirst().constFirst().value<StoreFile::Opening>().outcome,
             StoreFile::Outcome::Opened);
    QVERIFY(read.wait());
    QCOMPARE(read.constFirst().at(0).toString(), QStringLiteral("R"));
    QCOMPARE(ids(read.constFirst().at(1).value<QList<Message>>()), QStringList({"m2"}));
    QVERIFY(read.constFirst().at(2).toBool());
    const auto senders = read.constFirst().at(3).value<QList<Person>>();
    QCOMPARE(senders.size(), 1);
    QCOMPARE(senders.constFirst().displayName, QStringLiteral("Ana"));
    QVERIFY(store.isUsable());
}

void TestLocalStore::roomsAreReadInChunksFirstOneSmall()
{
    QList<Room> rooms;
    for (int i = 0; i < LocalStore::FirstRoomsChunk + LocalStore::RoomsChunk + 50; ++i)
        rooms.append(room(QStringLiteral("S%1").arg(i, 5, 10, QLatin1Char('0')), i));
    QVERIFY(m_worker->saveRooms(rooms));
    m_worker.reset();
    LocalStore store;
    QSignalSpy read(&store, &LocalStore::roomsRead);
    store.open(m_path);
    store.readRooms();
    QTRY_COMPARE(read.size(), 3);
    QCOMPARE(read.at(0).at(0).value<QList<Room>>().size(), LocalStore::FirstRoomsChunk);
    QCOMPARE(read.at(1).at(0).value<QList<Room>>().size(), LocalStore::RoomsChunk);
    QCOMPARE(read.at(2).at(0).value<QList<Room>>().size(), 50);
    QCOMPARE(read.at(0).at(1).toBool(), false);
    QCOMPARE(read.at(2).at(1).toBool(), true);
    // Newest first across the chunks.
    QCOMPARE(read.at(0).at(0).value<QList<Room>>().constFirst().id, rooms.constLast().id);
    QCOMPARE(read.at(2).at(0).value<QList<Room>>().constLast().id, rooms.constFirst().id);

    // An empty store still says it is done.
    read.clear();
    store.keepOnlyRooms({});
    store.readRooms();
    QTRY_COMPARE(read.size(), 1);
    QVERIFY(read.constFirst().at(0).value<QList<Room>>().isEmpty());
    QVERIFY(read.constFirst().at(1).toBool());
}

void TestLocalStore::theRestOfTheRoomsWaitsForTheFirstChunkOnScreen()
{
    QList<Room> rooms;
    for (int i = 0; i < LocalStore::FirstRoomsChunk + 10; ++i)
        rooms.append(room(QStringLiteral("S%1").arg(i, 5, 10, QLatin1Char('0')), i));
    QVERIFY(m_worker->saveRooms(rooms));
    m_worker.reset();
    LocalStore store;
    QSignalSpy read(&store, &LocalStore::roomsRead);
    QSignalSpy value(&store, &LocalStore::valueRead);
    store.setRoomsPause(60 * 1000); // longer than this test may take: only resumeRooms() ends it
    store.open(m_path);
    store.readRooms();
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(read.constFirst().at(1).toBool(), false);
    // Paused: the rest is not read, and what was asked after it waits behind it.
    store.readValue(QStringLiteral("openSpace"));
    QTest::qWait(200);
    QCOMPARE(read.size(), 1);
    QCOMPARE(value.size(), 0);
    store.resumeRooms();
    QTRY_COMPARE(read.size(), 2);
    QCOMPARE(read.at(1).at(0).value<QList<Room>>().size(), 10);
    QCOMPARE(read.at(1).at(1).toBool(), true);
    QTRY_COMPARE(value.size(), 1);

    // Without resumeRooms() it goes on by itself after the pause.
    read.clear();
    store.setRoomsPause(1);
    store.readRooms();
    QTRY_COMPARE(read.size(), 2);

    // Closing the store does not wait for the pause; nothing of the closed file is answered.
    read.clear();
    store.setRoomsPause(60 * 1000);
    store.readRooms();
    QTRY_COMPARE(read.size(), 1);
    QElapsedTimer closing;
    closing.start();
    store.close();
    store.waitForIdle();
    QVERIFY2(closing.elapsed() < 30 * 1000, "close() waited for the pause");
    QCOMPARE(read.size(), 1);
}

void TestLocalStore::answersOfAFileClosedMeanwhileNeverArrive()
{
    QVERIFY(m_worker->saveRooms({room(QStringLiteral("A"), 1)}));
    m_worker.reset();
    LocalStore store;
    QSignalSpy read(&store, &LocalStore::roomsRead);
    QSignalSpy value(&store, &LocalStore::valueRead);
    store.open(m_path);
    store.readRooms();
    store.close();
    store.readValue(QStringLiteral("openSpace")); // of no file: answered, empty
    store.waitForIdle();
    QTRY_COMPARE(value.size(), 1);
    QCOMPARE(read.size(), 0);
    // Writes while closed do nothing.
    store.saveRooms({room(QStringLiteral("B"), 2)});
    store.open(m_path);
    store.readRooms();
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(ids(read.constFirst().at(0).value<QList<Room>>()), QStringList({"A"}));
}

void TestLocalStore::destroyingTheStoreWritesWhatWasAsked()
{
    m_worker.reset();
    {
        LocalStore store;
        store.open(m_path);
        QList<Room> rooms;
        for (int i = 0; i < 3000; ++i)
            rooms.append(room(QStringLiteral("S%1").arg(i), i));
        store.saveRooms(rooms);
    } // no waiting before this
    StoreWorker reader(Connection);
    QCOMPARE(reader.open(m_path).outcome, StoreFile::Outcome::Opened);
    QCOMPARE(reader.roomCount(), 3000);
}

void TestLocalStore::forgetRemovesTheFiles()
{
    m_worker.reset();
    LocalStore store;
    QSignalSpy forgotten(&store, &LocalStore::forgotten);
    store.open(m_path);
    store.saveRooms({room(QStringLiteral("A"), 1)});
    store.forget();
    QVERIFY(forgotten.wait());
    QVERIFY(forgotten.constFirst().constFirst().toBool());
    QVERIFY(!store.isUsable());
    for (const char *suffix : {"", "-wal", "-shm"})
        QVERIFY2(!QFileInfo::exists(m_path + QLatin1String(suffix)), suffix);
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
