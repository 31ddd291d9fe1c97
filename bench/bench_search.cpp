// Search in the local store (issue 12): MessageSearch over 100,000 stored messages in 10,000
// spaces, against the floor of one query (a message read by its rowid). Also the orderings that
// were considered (docs/STORE.md, "Search"), the bounded scan of 1-2 CJK characters against a
// scan of every message, and the store's size on disk.
//
// The store is made once, in a temporary folder, as the app's writer fills it: space after space
// (in an order unrelated to time), each space's messages newest first, so the order they are
// stored in is not their order in time. The text: 4-24 words of a work-chat vocabulary drawn
// with a Zipf law, "the" in 97 % of the messages, an accented word in 5 % ("café", "Zürich"...),
// 3 % in Japanese, Chinese or Korean (a third of them with a few English words and "the"),
// "zanzibar" in exactly five. Fixed seed.
#include "frametimes.h"

#include "store/messagesearch.h"
#include "store/storefile.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <numeric>

namespace {

const QString Connection = QStringLiteral("bench_search");
// The same messages with rowids in time order (see windowAgainstTime).
const QString TimeOrderedConnection = QStringLiteral("bench_search_timeordered");
constexpr int SpaceCount = 10000;
constexpr int MessageCount = 100000;
constexpr int PeopleCount = 2000;
constexpr int Limit = 50; // hits asked for: a screenful and more

const char *const Vocabulary[] = {
    "the",        "to",         "and",      "a",          "of",         "in",          "is",
    "for",        "on",         "we",       "it",         "this",       "that",        "with",
    "can",        "be",         "you",      "will",       "have",       "are",         "at",
    "i",          "not",        "please",   "thanks",     "today",      "tomorrow",    "meeting",
    "project",    "review",     "deploy",   "release",    "build",      "test",        "tests",
    "update",     "issue",      "fix",      "bug",        "customer",   "team",        "call",
    "notes",      "agenda",     "friday",   "monday",     "week",       "sprint",      "plan",
    "design",     "draft",      "document", "link",       "shared",     "check",       "looks",
    "good",       "done",       "working",  "progress",   "proposal",   "problem",     "process",
    "product",    "production", "profile",  "protocol",   "provide",    "promote",     "priority",
    "server",     "client",     "database", "migration",  "schema",     "api",         "endpoint",
    "latency",    "dashboard",  "metrics",  "alert",      "incident",   "postmortem",  "rollback",
    "branch",     "merge",      "commit",   "pipeline",   "staging",    "budget",      "invoice",
    "contract",   "legal",      "hiring",   "interview",  "onboarding", "lunch",       "coffee",
    "office",     "travel",     "flight",   "hotel",      "quarter",    "roadmap",     "feedback",
    "question",   "answer",     "idea",     "slides",     "demo",       "launch",      "partner",
    "support",    "ticket",     "security", "access",     "password",   "certificate", "network",
    "storage",    "backup",     "cluster",  "kubernetes", "config",     "feature",     "flag",
    "experiment", "analysis",   "report",   "numbers",    "sales",      "marketing",   "campaign",
    "webinar",    "workshop",   "training", "holiday",    "vacation",   "sick",        "later",
    "soon",       "asap",       "maybe",    "agree",      "sounds",     "great",       "sorry",
    "late",       "minutes",    "hour",     "morning",    "afternoon",  "evening",     "room",
    "floor",      "badge",      "laptop",   "screen",     "camera",     "audio",       "recording",
    "transcript", "summary",    "action",   "items",      "owner",      "deadline",    "estimate",
    "scope",      "risk",       "blocker",  "dependency", "vendor",     "license",     "upgrade",
    "version",    "patch",      "hotfix",   "cherry",     "pick",       "approve",     "approved",
    "pending",    "waiting",    "shipped",  "ready",      "started",    "finished",    "cancelled",
    "moved",      "renamed"};
const char *const Accented[] = {"café",         "naïve",    "résumé", "Zürich",  "São Paulo",
                                "Ångström",     "jalapeño", "façade", "Kraków",  "Málaga",
                                "Crème brûlée", "Göteborg", "Ñandú",  "Øresund", "coöperation"};
const char *const Cjk[] = {"東京タワーで会議があります",
                           "明日の予定を確認します",
                           "資料を共有しました",
                           "北京的天气很好",
                           "我们下午开会",
                           "请查看这个文档",
                           "서울에서 회의가 있습니다",
                           "내일 배포합니다",
                           "大阪の支店に連絡してください",
                           "了解しました",
                           "来週のリリースについて",
                           "東京タワーの近くのホテル",
                           "会議室を予約しました",
                           "プロジェクトの進捗を報告します"};
constexpr int ZipfSize = int(std::size(Vocabulary));

QSqlDatabase database()
{
    return QSqlDatabase::database(Connection, false);
}

// A word of the vocabulary by a Zipf law: the k-th is drawn in proportion to 1 / (k + 1).
class Zipf
{
public:
    Zipf()
    {
        double sum = 0;
        for (int k = 0; k < ZipfSize; ++k) {
            sum += 1.0 / (k + 1);
            m_cumulative.append(sum);
        }
    }
    [[nodiscard]] QString word(QRandomGenerator &random) const
    {
        const double at = random.generateDouble() * m_cumulative.last();
        const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), at);
        return QString::fromUtf8(
            Vocabulary[std::min<qsizetype>(it - m_cumulative.begin(), ZipfSize - 1)]);
    }

private:
    QList<double> m_cumulative;
};

QString messageText(QRandomGenerator &random, const Zipf &zipf, int index)
{
    const bool rare = index % (MessageCount / 5) == 7; // five messages, spread over the store
    int kind = random.bounded(100);
    if (rare && kind < 3)
        kind = 50;
    if (kind < 3) { // Japanese, Chinese, Korean: one to three sentences
        QStringList sentences;
        for (int n = 1 + random.bounded(3); n > 0; --n)
            sentences.append(QString::fromUtf8(Cjk[random.bounded(int(std::size(Cjk)))]));
        QString text =
            sentences.join(random.bounded(2) ? QStringLiteral("。") : QStringLiteral(" "));
        if (random.bounded(3) == 0) // a third mix in English
            text += QStringLiteral(" (the ") + zipf.word(random) + u' ' + zipf.word(random) + u')';
        return text;
    }
    QStringList words;
    for (int n = 4 + random.bounded(21); n > 0; --n) {
        QString word = zipf.word(random);
        if (word == QLatin1String("the"))
            continue; // placed below, so that it is in 97 % exactly as planned
        words.append(word);
    }
    words.insert(random.bounded(words.size() + 1), QStringLiteral("the"));
    if (kind >= 3 && kind < 8)
        words.insert(random.bounded(words.size() + 1),
                     QString::fromUtf8(Accented[random.bounded(int(std::size(Accented)))]));
    if (rare)
        words.insert(random.bounded(words.size() + 1), QStringLiteral("zanzibar"));
    QString text = words.join(u' ');
    text[0] = text[0].toUpper();
    return text + (random.bounded(4) == 0 ? QStringLiteral("?") : QStringLiteral("."));
}

bool exec(const QString &sql)
{
    QSqlQuery query(database());
    if (query.exec(sql))
        return true;
    qWarning() << sql << query.lastError().text();
    return false;
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

QByteArray megabytes(qint64 bytes)
{
    return QByteArray::number(double(bytes) / (1024 * 1024), 'f', 1) + " MiB";
}

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void oneQueryByRowid();
    void search_data();
    void search();
    void ordering_data();
    void ordering();
    void windowAgainstTime();

private:
    [[nodiscard]] QString storePath() const
    {
        return m_dir.filePath(QStringLiteral("account.sqlite"));
    }
    [[nodiscard]] QString timeOrderedPath() const
    {
        return m_dir.filePath(QStringLiteral("timeordered.sqlite"));
    }
    // Fills a new store with the messages (see the top of this file).
    void fill(const QString &connection, bool inTimeOrder);

    QTemporaryDir m_dir;
};

void BenchSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const bool inTimeOrder : {false, true}) {
        const QString connection = inTimeOrder ? TimeOrderedConnection : Connection;
        const QString path = inTimeOrder ? timeOrderedPath() : storePath();
        QCOMPARE(StoreFile::open(path, connection).outcome, StoreFile::Outcome::Created);
        fill(connection, inTimeOrder);
        if (QTest::currentTestFailed())
            return;
        QSqlQuery checkpoint(QSqlDatabase::database(connection, false));
        QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        qInfo().noquote() << "Store file:" << megabytes(fileSize(path)) << "(-wal"
                          << fileSize(path + QStringLiteral("-wal")) << "bytes after a checkpoint)";
        QSqlQuery parts(QSqlDatabase::database(connection, false));
        if (parts.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                                      " ORDER BY sum(pgsize) DESC LIMIT 8"))) {
            while (parts.next()) {
                qInfo().noquote() << "  " << parts.value(0).toString()
                                  << megabytes(parts.value(1).toLongLong());
            }
        } else {
            qInfo() << "  (no dbstat table in this SQLite)";
        }
    }
    QSqlDatabase db = database();
    QElapsedTimer timer;
    timer.start();
    // To look at the store with the sqlite3 shell: BENCH_SEARCH_COPY=/path/copy.sqlite.
    const QString copy = qEnvironmentVariable("BENCH_SEARCH_COPY");
    if (!copy.isEmpty()) {
        QFile::remove(copy);
        QVERIFY(QFile::copy(storePath(), copy));
    }
    // An experiment for the schema, not what the app has: the words index again with prefix
    // indexes of 1 and 2 characters (FTS5 "prefix" option), so that "t*" reads one list instead
    // of merging the lists of every word that starts with t. Made after the size above.
    timer.restart();
    QVERIFY(exec(QStringLiteral(
        "CREATE VIRTUAL TABLE message_words_prefixed USING fts5(text, content='messages',"
        " content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2')")));
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO message_words_prefixed(message_words_prefixed) VALUES ('rebuild')")));
    const qint64 rebuilt = timer.elapsed();
    QSqlQuery prefixed(db);
    if (prefixed.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat WHERE name IN"
                                     " ('message_words_data', 'message_words_prefixed_data')"
                                     " GROUP BY name"))) {
        while (prefixed.next()) {
            qInfo().noquote() << "  " << prefixed.value(0).toString()
                              << megabytes(prefixed.value(1).toLongLong());
        }
    }
    qInfo().noquote() << "  (message_words_prefixed built in" << rebuilt << "ms)";
    QSqlQuery the(db);
    QVERIFY(the.exec(
        QStringLiteral("SELECT count(*) FROM message_words WHERE message_words MATCH 'the'")));
    QVERIFY(the.next());
    qInfo().noquote() << "\"the\" is in" << the.value(0).toInt() << "messages";
}

void BenchSearch::fill(const QString &connection, bool inTimeOrder)
{
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    QRandomGenerator random(20261130); // the same messages in both stores
    const Zipf zipf;

    QElapsedTimer timer;
    timer.start();
    QVERIFY(db.transaction());
    {
        QSqlQuery person(db);
        QVERIFY(person.prepare(
            QStringLiteral("INSERT INTO people(id, display_name, emails) VALUES (?, ?, ?)")));
        for (int i = 0; i < PeopleCount; ++i) {
            person.addBindValue(QStringLiteral("person-%1").arg(i));
            person.addBindValue(QStringLiteral("Person %1").arg(i));
            person.addBindValue(QStringLiteral("person%1@example.com").arg(i));
            QVERIFY(person.exec());
        }
        QSqlQuery space(db);
        QVERIFY(space.prepare(QStringLiteral("INSERT INTO spaces(id, title) VALUES (?, ?)")));
        for (int i = 0; i < SpaceCount; ++i) {
            space.addBindValue(QStringLiteral("space-%1").arg(i));
            space.addBindValue(zipf.word(random) + u' ' + zipf.word(random) + u' ' +
                               QString::number(i));
            QVERIFY(space.exec());
        }
    }
    QVERIFY(db.commit());

    // How many messages each space has: a few busy ones, many quiet ones (each space gets the
    // next message with a chance growing toward the busy end), then the spaces in an order
    // unrelated to time, each one's messages newest first, as the writer stores pages.
    QList<int> perSpace(SpaceCount, 0);
    for (int i = 0; i < MessageCount; ++i) {
        const double r = random.generateDouble();
        perSpace[int(SpaceCount * r * r)] += 1;
    }
    QList<int> spaceOrder(SpaceCount);
    std::iota(spaceOrder.begin(), spaceOrder.end(), 0);
    std::shuffle(spaceOrder.begin(), spaceOrder.end(), random);
    const qint64 now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 twoYears = qint64(2) * 365 * 24 * 3600 * 1000;

    QSqlQuery insert(db);
    QVERIFY(insert.prepare(QStringLiteral(
        "INSERT INTO messages(id, room_id, person_id, person_email, text, markdown, html,"
        " created, rowid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    QSet<qint64> rowids;
    int index = 0;
    QVERIFY(db.transaction());
    for (const int space : std::as_const(spaceOrder)) {
        QList<qint64> times;
        for (int n = 0; n < perSpace.at(space); ++n)
            times.append(now - qint64(random.generateDouble() * twoYears));
        std::sort(times.begin(), times.end(), std::greater<>());
        for (const qint64 created : std::as_const(times)) {
            const QString text = messageText(random, zipf, index);
            const int person = random.bounded(PeopleCount);
            const bool formatted = random.bounded(10) < 3; // sent with markdown
            insert.addBindValue(QStringLiteral("message-%1").arg(index));
            insert.addBindValue(QStringLiteral("space-%1").arg(space));
            insert.addBindValue(QStringLiteral("person-%1").arg(person));
            insert.addBindValue(QStringLiteral("person%1@example.com").arg(person));
            insert.addBindValue(text);
            insert.addBindValue(formatted ? text : QStringLiteral(""));
            insert.addBindValue(formatted ? QStringLiteral("<p>") + text + QStringLiteral("</p>")
                                          : QStringLiteral(""));
            insert.addBindValue(created);
            if (inTimeOrder) {
                // The writer's choice this measures: created (ms) * 1024 + the first free of
                // 0..1023, so that FTS5's rowid order is the order in time.
                qint64 rowid = created * 1024;
                while (rowids.contains(rowid))
                    ++rowid;
                rowids.insert(rowid);
                insert.addBindValue(rowid);
            } else {
                insert.addBindValue(QVariant(QMetaType::fromType<qint64>())); // NULL: the next
            }
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            // A page of the writer: one transaction per 1000 messages.
            if (++index % 1000 == 0) {
                QVERIFY(db.commit());
                QVERIFY(db.transaction());
            }
        }
    }
    QVERIFY(db.commit());
    QCOMPARE(index, MessageCount);
    qInfo().noquote() << "Stored" << MessageCount << "messages in" << SpaceCount << "spaces and"
                      << PeopleCount << "people in" << timer.elapsed()
                      << "ms (transactions of 1000), rowids"
                      << (inTimeOrder ? "in time order" : "in the order stored");
}

void BenchSearch::cleanupTestCase()
{
    StoreFile::close(Connection);
    StoreFile::close(TimeOrderedConnection);
}

void BenchSearch::oneQueryByRowid()
{
    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("SELECT id FROM messages WHERE rowid = ?")));
    qint64 rowid = 1;
    QBENCHMARK
    {
        query.bindValue(0, rowid);
        query.exec();
        query.next();
        rowid = rowid % MessageCount + 7919; // a prime step: all over the file
    }
    QVERIFY(query.isActive());
}

void BenchSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("rare word (5 messages)") << QStringLiteral("zanzibar");
    QTest::newRow("word in nearly every message") << QStringLiteral("the");
    QTest::newRow("prefix of 3 letters") << QStringLiteral("pro");
    QTest::newRow("prefix of 1 letter") << QStringLiteral("t");
    QTest::newRow("accented, typed without") << QStringLiteral("cafe");
    QTest::newRow("CJK substring (3)") << QStringLiteral("京タワ");
    QTest::newRow("CJK 2 characters (scan)") << QStringLiteral("会議");
    QTest::newRow("two terms") << QStringLiteral("project review");
    QTest::newRow("two common terms") << QStringLiteral("the to");
    QTest::newRow("common word and CJK (3)") << QStringLiteral("the 京タワ");
    QTest::newRow("common word and CJK (2, scan)") << QStringLiteral("the 会議");
    QTest::newRow("no match") << QStringLiteral("qwertyuiop");
    // The most a query can ask for: 16 terms (MaxTerms), each a short prefix.
    QTest::newRow("16 terms of 1 letter") << QStringLiteral("a b c d e f g h i j k l m n o p");
    QTest::newRow("16 terms of 2 letters")
        << QStringLiteral("th to an co pr de re st wo ma se in fi pl bu ch");
}

void BenchSearch::search()
{
    QFETCH(QString, query);
    const QSqlDatabase db = database();
    SearchResult result;
    if (FrameTimes::firstCall()) {
        FrameTimes times;
        for (int round = 0; round < 20; ++round) {
            times.start();
            result = MessageSearch::search(db, query, Limit);
            times.stop();
        }
        qInfo().noquote().nospace()
            << '"' << query << "\": " << result.hits.size() << " hits, total " << result.total
            << (result.totalCapped ? "+" : "") << "; " << times.summary();
        if (!result.hits.isEmpty()) {
            const SearchHit &hit = result.hits.first();
            QString excerpt = hit.excerpt;
            excerpt.replace(MessageSearch::MatchStart, u'[').replace(MessageSearch::MatchEnd, u']');
            qInfo().noquote() << "  first:" << hit.created.toString(Qt::ISODate) << hit.roomTitle
                              << "/" << hit.senderName << "/" << excerpt;
        }
    }
    QBENCHMARK
    {
        result = MessageSearch::search(db, query, Limit);
    }
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QVERIFY(!QTest::currentDataTag() ||
            !QByteArray(QTest::currentDataTag()).startsWith("no match") || result.hits.isEmpty());
}

// The candidates alone (no details, no excerpts), ordered in the ways that were considered.
void BenchSearch::ordering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("match");
    const QString byTime = QStringLiteral(
        "SELECT m.rowid FROM message_words w CROSS JOIN messages m ON m.rowid = w.rowid"
        " WHERE w.message_words MATCH :match ORDER BY m.created DESC LIMIT 50");
    const QString byRowid = QStringLiteral(
        "SELECT m.rowid FROM message_words w CROSS JOIN messages m ON m.rowid = w.rowid"
        " WHERE w.message_words MATCH :match ORDER BY w.rowid DESC LIMIT 50");
    const QString byRank = QStringLiteral(
        "SELECT m.rowid FROM message_words w CROSS JOIN messages m ON m.rowid = w.rowid"
        " WHERE w.message_words MATCH :match ORDER BY w.rank LIMIT 50");
    const auto window = [](int size) {
        return QStringLiteral("SELECT rowid, count(*) OVER () FROM (SELECT m.rowid AS rowid,"
                              " m.created AS created FROM message_words w CROSS JOIN messages m"
                              " ON m.rowid = w.rowid WHERE w.message_words MATCH :match"
                              " ORDER BY w.rowid DESC LIMIT %1) ORDER BY created DESC LIMIT 50")
            .arg(size);
    };
    const QString countAll =
        QStringLiteral("SELECT count(*) FROM message_words WHERE message_words MATCH :match");
    const QString scanRecent = QStringLiteral(
        "SELECT rowid FROM messages WHERE rowid > (SELECT max(rowid) FROM messages) - 20000"
        " AND instr(lower(text), :match) > 0 ORDER BY rowid DESC LIMIT 2000");
    const QString scanAll =
        QStringLiteral("SELECT rowid FROM messages WHERE instr(lower(text), :match) > 0"
                       " ORDER BY rowid DESC LIMIT 2000");

    for (const auto &[name, match] :
         {std::pair{"the", QStringLiteral("\"the\"*")}, std::pair{"t*", QStringLiteral("\"t\"*")},
          std::pair{"pro*", QStringLiteral("\"pro\"*")},
          std::pair{"zanzibar", QStringLiteral("\"zanzibar\"*")}}) {
        QTest::addRow("%s: created DESC, all matches", name) << byTime << match;
        QTest::addRow("%s: rowid DESC", name) << byRowid << match;
        QTest::addRow("%s: rank (bm25)", name) << byRank << match;
        QTest::addRow("%s: created DESC of the 500 stored last", name) << window(500) << match;
        QTest::addRow("%s: created DESC of the 2000 stored last", name) << window(2000) << match;
        QTest::addRow("%s: created DESC of the 10000 stored last", name) << window(10000) << match;
        QTest::addRow("%s: count all matches", name) << countAll << match;
        QTest::addRow("%s: created DESC of the 2000 stored last, prefix indexes 1 2", name)
            << window(2000).replace(QStringLiteral("message_words"),
                                    QStringLiteral("message_words_prefixed"))
            << match;
    }
    // A rare pair of CJK characters: the scan finds few and reads every row it may.
    QTest::newRow("大阪: instr over the 20000 stored last") << scanRecent << QStringLiteral("大阪");
    QTest::newRow("大阪: instr over all 100000") << scanAll << QStringLiteral("大阪");
}

void BenchSearch::ordering()
{
    QFETCH(QString, sql);
    QFETCH(QString, match);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text()));
    int rows = 0;
    const auto run = [&]() {
        query.bindValue(QStringLiteral(":match"), match);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        rows = 0;
        while (query.next())
            ++rows;
    };
    if (FrameTimes::firstCall()) {
        FrameTimes times;
        for (int round = 0; round < 10; ++round) {
            times.start();
            run();
            times.stop();
        }
        qInfo().noquote().nospace() << rows << " rows; " << times.summary();
    }
    QBENCHMARK
    {
        run();
    }
    QVERIFY(rows > 0);
}

// Not timed: how far the order MessageSearch gives (the newest of the CandidateLimit matches
// stored last) is from the newest matches of all, in this store where whole spaces are stored
// in an order unrelated to time (the worst case: in the app, live messages and the first page
// of a space opened are stored as they come, newest last).
void BenchSearch::windowAgainstTime()
{
    for (const QString &connection : {Connection, TimeOrderedConnection}) {
        const QSqlDatabase db = QSqlDatabase::database(connection, false);
        qInfo().noquote() << (connection == Connection ? "Rowids in the order stored:"
                                                       : "Rowids in time order:");
        for (const QString &word : {QStringLiteral("the"), QStringLiteral("pro"),
                                    QStringLiteral("review"), QStringLiteral("t")}) {
            // The times of the newest matches of all (unique to the millisecond here: random
            // over two years), to compare the hits with.
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "SELECT m.created FROM message_words w CROSS JOIN messages m ON m.rowid = w.rowid"
                " WHERE w.message_words MATCH :match ORDER BY m.created DESC LIMIT :limit"));
            query.bindValue(QStringLiteral(":match"),
                            QLatin1Char('"') + word + QStringLiteral("\"*"));
            query.bindValue(QStringLiteral(":limit"), Limit);
            QList<qint64> newestOfAll;
            QVERIFY(query.exec());
            while (query.next())
                newestOfAll.append(query.value(0).toLongLong());

            FrameTimes times;
            SearchResult result;
            for (int round = 0; round < 10; ++round) {
                times.start();
                result = MessageSearch::search(db, word, Limit);
                times.stop();
            }
            QVERIFY(!result.hits.isEmpty());
            QVERIFY(!newestOfAll.isEmpty());
            int common = 0;
            for (const SearchHit &hit : std::as_const(result.hits))
                common += newestOfAll.contains(hit.created.toMSecsSinceEpoch());
            qInfo().noquote().nospace()
                << "  \"" << word << "\": " << common << " of the newest " << newestOfAll.size()
                << " matches are among the " << result.hits.size() << " hits (first hit "
                << result.hits.first().created.toString(Qt::ISODate) << ", newest match "
                << QDateTime::fromMSecsSinceEpoch(newestOfAll.first(), Qt::UTC)
                       .toString(Qt::ISODate)
                << "); " << times.summary();
        }
    }
}

QTEST_GUILESS_MAIN(BenchSearch)
#include "bench_search.moc"
