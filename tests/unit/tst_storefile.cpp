// StoreFile: the local store's SQLite file (docs/STORE.md). A new one is private, in WAL mode,
// ours by its header; one that is not usable (truncated, foreign, newer) is set aside, never
// deleted, and a new one made; the full-text indexes find what search promises (accents,
// prefixes, text without spaces); sign-out removes every file of it.

#include "store/storefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Connection = QStringLiteral("tst_storefile");

QVariant scalar(const QString &sql, const QString &connection = Connection)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool exec(const QString &sql, const QString &connection = Connection)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    const bool ok = query.exec(sql);
    if (!ok)
        qWarning() << sql << query.lastError().text();
    return ok;
}

QStringList matches(const QString &table, const QString &pattern)
{
    QSqlQuery query(QSqlDatabase::database(Connection, false));
    query.prepare(QStringLiteral("SELECT m.text FROM %1 JOIN messages m ON m.rowid = %1.rowid "
                                 "WHERE %1 MATCH ? ORDER BY m.rowid")
                      .arg(table));
    query.addBindValue(pattern);
    QStringList texts;
    if (!query.exec())
        return {QStringLiteral("error: ") + query.lastError().text()};
    while (query.next())
        texts.append(query.value(0).toString());
    return texts;
}

bool insertMessage(const QString &id, const QString &text)
{
    QSqlQuery query(QSqlDatabase::database(Connection, false));
    query.prepare(QStringLiteral("INSERT INTO messages(id, room_id, text) VALUES (?, 'R', ?)"));
    query.addBindValue(id);
    query.addBindValue(text);
    return query.exec();
}

// A database of another program, written with SQLite directly.
bool writeForeignDatabase(const QString &path)
{
    const QString name = QStringLiteral("foreign");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes(x TEXT)")) &&
             QSqlQuery(db).exec(QStringLiteral("INSERT INTO notes VALUES ('mine')"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestStoreFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aNewStoreIsPrivateInWalModeAndOurs();
    void itsOwnStoreOpensWithWhatItKept();
    void aStoreLeftByAKilledAppOpensWithWhatItKept();
    void aStoreOfSchema1IsMigratedKeepingWhatItHas();
    void aStoreOfSchema2IsMigratedKeepingWhatItHas();
    void aStoreOfSchema3IsMigratedKeepingWhatItHas();
    void aTruncatedStoreIsSetAsideAndANewOneMade();
    void aFileNotOursIsSetAsideAndANewOneMade_data();
    void aFileNotOursIsSetAsideAndANewOneMade();
    void aStoreOfANewerVersionIsSetAside();
    void aStaleWalNeverMeetsTheNewStore();
    void nothingOpensWhereNothingCanBeMade();
    void searchFindsAccentsPrefixesAndTextWithoutSpaces();
    void removeLeavesNoFileBehind();

private:
    // A store of this schema made into one of schema 2 (before unread_messages and the
    // spaces' list-order index), and whether a migration made it back.
    static bool takeBackStep2To3();
    static bool step2To3IsThere();
    static bool takeBackStep3To4();
    static bool step3To4IsThere();

    [[nodiscard]] QString storePath() const
    {
        return m_dir->filePath(QStringLiteral("store/webex.test/account.sqlite"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStoreFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStoreFile::cleanup()
{
    StoreFile::close(Connection);
    m_dir.reset();
}

void TestStoreFile::aNewStoreIsPrivateInWalModeAndOurs()
{
    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Created);
    QVERIFY(opening.problem.isEmpty());
    QVERIFY(QSqlDatabase::database(Connection, false).isOpen());

    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                      QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    const QFile::Permissions file = QFileInfo(storePath()).permissions();
    QVERIFY(file.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!(file & (others | QFile::ExeOwner)));
    QVERIFY(!(QFileInfo(QFileInfo(storePath()).path()).permissions() & others));
    QCOMPARE(scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(QStringLiteral("PRAGMA application_id")).toInt(), StoreFile::ApplicationId);
    QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), StoreFile::SchemaVersion);
    for (const char *table :
         {"spaces", "teams", "people", "messages", "read_state", "unread_messages", "drafts",
          "outbox", "app_state", "message_words", "message_trigrams"}) {
        QVERIFY2(scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                            .arg(QLatin1String(table)))
                         .toInt() == 1,
                 table);
    }
    // The spaces in the list's order (StoreWorker::rooms) come from an index, not a sort of
    // them all.
    QSqlQuery plan(QSqlDatabase::database(Connection, false));
    QVERIFY(plan.exec(QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT id FROM spaces ORDER BY coalesce(last_activity, created) IS"
        " NULL, coalesce(last_activity, created) DESC, id LIMIT 100 OFFSET 0")));
    QString steps;
    while (plan.next())
        steps += plan.value(3).toString() + QLatin1Char('\n');
    QVERIFY2(steps.contains(QLatin1String("USING INDEX spaces_in_list_order")), qPrintable(steps));
    QVERIFY2(!steps.contains(QLatin1String("TEMP B-TREE")), qPrintable(steps));
}

void TestStoreFile::itsOwnStoreOpensWithWhatItKept()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(
        exec(QStringLiteral("INSERT INTO drafts(room_id, text) VALUES ('R', 'half a thought')")));
    StoreFile::close(Connection);
    QVERIFY(!QSqlDatabase::contains(Connection));

    const StoreFile::Opening again = StoreFile::open(storePath(), Connection);
    QCOMPARE(again.outcome, StoreFile::Outcome::Opened);
    QVERIFY(again.setAsidePath.isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT text FROM drafts WHERE room_id = 'R'")).toString(),
             QStringLiteral("half a thought"));
}

bool TestStoreFile::takeBackStep2To3()
{
    return exec(QStringLiteral("DROP TABLE unread_messages")) &&
           exec(QStringLiteral("DROP INDEX spaces_in_list_order")) &&
           exec(QStringLiteral("CREATE INDEX spaces_by_activity ON spaces(last_activity DESC)"));
}

bool TestStoreFile::step2To3IsThere()
{
    return exec(QStringLiteral("INSERT INTO unread_messages(room_id, message_id, created)"
                               " VALUES ('check', 'm1', 1)")) &&
           scalar(QStringLiteral("SELECT group_concat(name) FROM sqlite_master WHERE name IN"
                                 " ('spaces_in_list_order', 'spaces_by_activity')"))
                   .toString() == QLatin1String("spaces_in_list_order");
}

bool TestStoreFile::takeBackStep3To4()
{
    return exec(QStringLiteral("ALTER TABLE outbox DROP COLUMN parent_id"));
}

bool TestStoreFile::step3To4IsThere()
{
    return exec(QStringLiteral("INSERT INTO outbox(client_tag, room_id, markdown, created,"
                               " parent_id) VALUES ('check', 'R', 'x', 1, 'P')")) &&
           exec(QStringLiteral("DELETE FROM outbox WHERE client_tag = 'check'"));
}

void TestStoreFile::aStoreOfSchema1IsMigratedKeepingWhatItHas()
{
    // A store as schema 1 left it: made now, then the steps 1 -> 2 -> 3 -> 4 taken back.
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(takeBackStep3To4());
    QVERIFY(takeBackStep2To3());
    QVERIFY(exec(QStringLiteral("DROP TABLE app_state")));
    QVERIFY(exec(QStringLiteral("ALTER TABLE messages DROP COLUMN room_type")));
    QVERIFY(exec(QStringLiteral("PRAGMA user_version = 1")));
    QVERIFY(insertMessage(QStringLiteral("m1"), QStringLiteral("kept through the migration")));
    StoreFile::close(Connection);

    const StoreFile::Opening migrated = StoreFile::open(storePath(), Connection);
    QCOMPARE(migrated.outcome, StoreFile::Outcome::Migrated);
    QCOMPARE(migrated.previousVersion, 1);
    QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), StoreFile::SchemaVersion);
    QCOMPARE(scalar(QStringLiteral("SELECT text FROM messages WHERE id = 'm1'")).toString(),
             QStringLiteral("kept through the migration"));
    QCOMPARE(scalar(QStringLiteral("SELECT room_type FROM messages WHERE id = 'm1'")).toString(),
             QString());
    QVERIFY(exec(QStringLiteral("INSERT INTO app_state(key, value) VALUES ('k', 'v')")));
    QVERIFY(step2To3IsThere());
    QVERIFY(step3To4IsThere());
    // Still found by search: the indexes were not touched.
    QCOMPARE(matches(QStringLiteral("message_words"), QStringLiteral("migration")),
             QStringList({"kept through the migration"}));
    StoreFile::close(Connection);
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Opened);
}

void TestStoreFile::aStoreOfSchema2IsMigratedKeepingWhatItHas()
{
    // A store as schema 2 left it: without the unread messages' table.
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(takeBackStep3To4());
    QVERIFY(takeBackStep2To3());
    QVERIFY(exec(QStringLiteral("PRAGMA user_version = 2")));
    QVERIFY(exec(QStringLiteral("INSERT INTO read_state(room_id, read_at, unread_count)"
                                " VALUES ('R', 5, 2)")));
    StoreFile::close(Connection);

    const StoreFile::Opening migrated = StoreFile::open(storePath(), Connection);
    QCOMPARE(migrated.outcome, StoreFile::Outcome::Migrated);
    QCOMPARE(migrated.previousVersion, 2);
    QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), StoreFile::SchemaVersion);
    QCOMPARE(
        scalar(QStringLiteral("SELECT unread_count FROM read_state WHERE room_id = 'R'")).toInt(),
        2);
    QVERIFY(step2To3IsThere());
    QVERIFY(step3To4IsThere());
}

void TestStoreFile::aStoreOfSchema3IsMigratedKeepingWhatItHas()
{
    // A store as schema 3 left it: an outbox without threads, a message waiting in it.
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(takeBackStep3To4());
    QVERIFY(exec(QStringLiteral("PRAGMA user_version = 3")));
    QVERIFY(exec(QStringLiteral("INSERT INTO outbox(client_tag, room_id, markdown, created)"
                                " VALUES ('t1', 'R', 'written offline', 5)")));
    StoreFile::close(Connection);

    const StoreFile::Opening migrated = StoreFile::open(storePath(), Connection);
    QCOMPARE(migrated.outcome, StoreFile::Outcome::Migrated);
    QCOMPARE(migrated.previousVersion, 3);
    QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), StoreFile::SchemaVersion);
    QCOMPARE(
        scalar(QStringLiteral("SELECT markdown FROM outbox WHERE client_tag = 't1'")).toString(),
        QStringLiteral("written offline"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT parent_id FROM outbox WHERE client_tag = 't1'")).toString(),
        QString());
    QVERIFY(step3To4IsThere());
}

void TestStoreFile::aStoreLeftByAKilledAppOpensWithWhatItKept()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(exec(QStringLiteral("INSERT INTO drafts(room_id, text) VALUES ('R', 'not lost')")));
    // The files as a killed app leaves them: the database and its -wal, never checkpointed, so
    // the header in the database file does not say yet that it is ours.
    const QString copy = m_dir->filePath(QStringLiteral("store/webex.test/killed.sqlite"));
    QVERIFY(QFile::copy(storePath(), copy));
    QVERIFY(QFile::copy(storePath() + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    StoreFile::close(Connection);
    QFile header(copy);
    QVERIFY(header.open(QIODevice::ReadOnly));
    QCOMPARE(header.read(72).mid(68), QByteArray(4, '\0')); // application_id not there yet

    const StoreFile::Opening opening = StoreFile::open(copy, Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Opened);
    QCOMPARE(scalar(QStringLiteral("SELECT text FROM drafts WHERE room_id = 'R'")).toString(),
             QStringLiteral("not lost"));
}

void TestStoreFile::aTruncatedStoreIsSetAsideAndANewOneMade()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    for (int i = 0; i < 400; ++i)
        QVERIFY(insertMessage(QStringLiteral("M%1").arg(i), QString(200, QLatin1Char('x'))));
    // Everything into the main file, as after a clean quit.
    QVERIFY(exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    StoreFile::close(Connection);
    QFile file(storePath());
    const qint64 whole = file.size();
    QVERIFY(whole > 64 * 1024);
    QVERIFY(file.resize(whole / 2)); // a copy cut short

    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Replaced);
    QVERIFY(!opening.problem.isEmpty());
    // Set aside as it was, beside the new one, which is empty and usable.
    QCOMPARE(QFileInfo(opening.setAsidePath).size(), whole / 2);
    QCOMPARE(QFileInfo(opening.setAsidePath).path(), QFileInfo(storePath()).path());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 0);
    QVERIFY(insertMessage(QStringLiteral("new"), QStringLiteral("works")));
}

void TestStoreFile::aFileNotOursIsSetAsideAndANewOneMade_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("sqlite");
    QTest::newRow("text") << QByteArray("not a database\n") << false;
    QTest::newRow("short") << QByteArray("SQLite format 3") << false;
    QTest::newRow("header only") << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\xff')
                                 << false;
    QTest::newRow("another program's database") << QByteArray() << true;
}

void TestStoreFile::aFileNotOursIsSetAsideAndANewOneMade()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, sqlite);
    QVERIFY(QDir().mkpath(QFileInfo(storePath()).path()));
    if (sqlite) {
        QVERIFY(writeForeignDatabase(storePath()));
    } else {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const QByteArray before = [&] {
        QFile file(storePath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();

    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Replaced);
    QVERIFY(!opening.problem.isEmpty());
    QFile kept(opening.setAsidePath);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), before); // nothing of it lost
    QCOMPARE(scalar(QStringLiteral("PRAGMA application_id")).toInt(), StoreFile::ApplicationId);
}

void TestStoreFile::aStoreOfANewerVersionIsSetAside()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(exec(QStringLiteral("PRAGMA user_version = %1").arg(StoreFile::SchemaVersion + 1)));
    StoreFile::close(Connection);

    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Replaced);
    QVERIFY2(opening.problem.contains(QStringLiteral("newer")), qPrintable(opening.problem));
    QVERIFY(QFileInfo::exists(opening.setAsidePath));
    QCOMPARE(scalar(QStringLiteral("PRAGMA user_version")).toInt(), StoreFile::SchemaVersion);
}

void TestStoreFile::aStaleWalNeverMeetsTheNewStore()
{
    // A foreign file with a -wal beside it: the -wal goes with it, or SQLite would replay its
    // frames into the new store.
    QVERIFY(QDir().mkpath(QFileInfo(storePath()).path()));
    {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("garbage");
        QFile wal(storePath() + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write(QByteArray(4096, 'w'));
    }
    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Replaced);
    QCOMPARE(QFileInfo(opening.setAsidePath + QStringLiteral("-wal")).size(), 4096);
    QVERIFY(insertMessage(QStringLiteral("M"), QStringLiteral("fine")));
    QCOMPARE(scalar(QStringLiteral("PRAGMA quick_check")).toString(), QStringLiteral("ok"));
}

void TestStoreFile::nothingOpensWhereNothingCanBeMade()
{
    // The folder would have to be where a file is.
    QFile blocker(m_dir->filePath(QStringLiteral("store")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const StoreFile::Opening opening = StoreFile::open(storePath(), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Failed);
    QVERIFY(!opening.isOpen());
    QVERIFY(!opening.problem.isEmpty());
    QVERIFY(!QSqlDatabase::contains(Connection));
}

void TestStoreFile::searchFindsAccentsPrefixesAndTextWithoutSpaces()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(insertMessage(QStringLiteral("M1"), QStringLiteral("Meet at the Café at noon")));
    QVERIFY(insertMessage(QStringLiteral("M2"), QStringLiteral("東京都の会議は明日です")));
    QVERIFY(insertMessage(QStringLiteral("M3"), QStringLiteral("Deployment finished")));

    // Case and accents do not matter; prefixes match.
    QCOMPARE(matches(QStringLiteral("message_words"), QStringLiteral("cafe")),
             QStringList{QStringLiteral("Meet at the Café at noon")});
    QCOMPARE(matches(QStringLiteral("message_words"), QStringLiteral("CAF*")),
             QStringList{QStringLiteral("Meet at the Café at noon")});
    QCOMPARE(matches(QStringLiteral("message_words"), QStringLiteral("deploy*")),
             QStringList{QStringLiteral("Deployment finished")});
    // Text without spaces is found by any three characters or more of it.
    QCOMPARE(matches(QStringLiteral("message_trigrams"), QStringLiteral("会議は")),
             QStringList{QStringLiteral("東京都の会議は明日です")});

    // An edit is indexed again, a deletion leaves the index.
    QVERIFY(
        exec(QStringLiteral("UPDATE messages SET text = 'Meet at the bakery' WHERE id = 'M1'")));
    QVERIFY(matches(QStringLiteral("message_words"), QStringLiteral("cafe")).isEmpty());
    QCOMPARE(matches(QStringLiteral("message_words"), QStringLiteral("bakery")),
             QStringList{QStringLiteral("Meet at the bakery")});
    QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = 'M2'")));
    QVERIFY(matches(QStringLiteral("message_trigrams"), QStringLiteral("会議は")).isEmpty());
    QCOMPARE(scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestStoreFile::removeLeavesNoFileBehind()
{
    QCOMPARE(StoreFile::open(storePath(), Connection).outcome, StoreFile::Outcome::Created);
    QVERIFY(insertMessage(QStringLiteral("M"), QStringLiteral("text")));
    // While open, SQLite keeps the -wal and -shm beside it.
    QVERIFY(QFileInfo::exists(storePath() + QStringLiteral("-wal")));
    QVERIFY(QFileInfo::exists(storePath() + QStringLiteral("-shm")));
    StoreFile::close(Connection);
    // A clean close takes them away; a crash leaves them (and an old journal), as here.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        QFile left(storePath() + QLatin1String(suffix));
        QVERIFY(left.open(QIODevice::WriteOnly));
        left.write("left by a crash");
    }

    QVERIFY(StoreFile::remove(storePath()));
    const QStringList left = QDir(QFileInfo(storePath()).path()).entryList(QDir::Files);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestStoreFile)
#include "tst_storefile.moc"
