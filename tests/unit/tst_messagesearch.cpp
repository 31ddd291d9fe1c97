// MessageSearch: what a person types finds the stored messages it should, any case and accent,
// by prefix, CJK by substring, never as FTS5 syntax; the hits carry the space's title and the
// sender's name, newest first, with a one-line excerpt whose highlighting the message's own text
// cannot forge.

#include "store/messagesearch.h"
#include "store/storefile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Connection = QStringLiteral("tst_messagesearch");
const QDateTime Noon = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

QSqlDatabase database()
{
    return QSqlDatabase::database(Connection, false);
}

bool exec(const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(database());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    const bool ok = query.exec();
    if (!ok)
        qWarning() << sql << query.lastError().text();
    return ok;
}

struct Stored
{
    QString id;
    QString text;
    QString room = QStringLiteral("R1");
    QString person = QStringLiteral("P1");
    QString email = QStringLiteral("ana@example.com");
    QVariant created = Noon.toMSecsSinceEpoch();
    QString markdown = QStringLiteral(""); // not null: the columns are NOT NULL
    QString parent = QStringLiteral("");
};

bool store(const Stored &m)
{
    return exec(QStringLiteral("INSERT INTO messages(id, room_id, person_id, person_email, text,"
                               " markdown, parent_id, created) VALUES (?,?,?,?,?,?,?,?)"),
                {m.id, m.room, m.person, m.email, m.text, m.markdown, m.parent, m.created});
}

bool store(const QString &id, const QString &text, qint64 minutesAfterNoon = 0)
{
    Stored m{id, text};
    m.created = Noon.addSecs(60 * minutesAfterNoon).toMSecsSinceEpoch();
    return store(m);
}

// Many messages in one transaction (each with `text`, ids prefix0, prefix1, ...).
bool storeMany(const QString &prefix, const QString &text, int count)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return false;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO messages(id, room_id, text, created) VALUES (?,?,?,?)"));
    for (int i = 0; i < count; ++i) {
        query.addBindValue(prefix + QString::number(i));
        query.addBindValue(QStringLiteral("R1"));
        query.addBindValue(text);
        query.addBindValue(Noon.toMSecsSinceEpoch() - i);
        if (!query.exec()) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

SearchResult search(const QString &query, int limit = 50)
{
    return MessageSearch::search(database(), query, limit);
}

// The ids of the hits, in their order.
QStringList ids(const SearchResult &result)
{
    QStringList list;
    for (const SearchHit &hit : result.hits)
        list.append(hit.messageId);
    return list;
}

QStringList found(const QString &query)
{
    const SearchResult result = search(query);
    if (!result.problem.isEmpty())
        return {QStringLiteral("problem: ") + result.problem};
    return ids(result);
}

// The highlighted parts of an excerpt; "unbalanced" when the markers do not pair up.
QStringList highlighted(const QString &excerpt)
{
    QStringList parts;
    qsizetype open = -1;
    for (qsizetype i = 0; i < excerpt.size(); ++i) {
        if (excerpt.at(i) == MessageSearch::MatchStart) {
            if (open >= 0)
                return {QStringLiteral("unbalanced")};
            open = i + 1;
        } else if (excerpt.at(i) == MessageSearch::MatchEnd) {
            if (open < 0)
                return {QStringLiteral("unbalanced")};
            parts.append(excerpt.mid(open, i - open));
            open = -1;
        }
    }
    if (open >= 0)
        return {QStringLiteral("unbalanced")};
    return parts;
}

QString withoutMarkers(QString excerpt)
{
    excerpt.remove(MessageSearch::MatchStart);
    excerpt.remove(MessageSearch::MatchEnd);
    return excerpt;
}

} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anEmptyStoreOrQueryFindsNothing_data();
    void anEmptyStoreOrQueryFindsNothing();
    void accentsAndCaseDoNotMatter_data();
    void accentsAndCaseDoNotMatter();
    void everyTermIsAPrefix();
    void allTermsMustMatch();
    void oneLetterBeforeTheLastTermIsAWord();
    void cjkIsFoundBySubstring();
    void oneOrTwoCjkCharactersLookAtTheMessagesStoredLast();
    void fts5SyntaxIsPlainText_data();
    void fts5SyntaxIsPlainText();
    void controlCharactersAreLeftOut();
    void markersInTheTextCannotForgeHighlighting();
    void markupIsNotSearched();
    void editedAndDeletedMessages();
    void hitsCarrySpaceSenderAndTime();
    void newestFirstAndLimited();
    void theCountStopsAtTheCandidateLimit();
    void aLongQueryIsShortened();
    void theExcerptIsOneBoundedLine();
    void aBrokenIndexIsAProblemNotACrash();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMessageSearch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const StoreFile::Opening opening =
        StoreFile::open(m_dir->filePath(QStringLiteral("account.sqlite")), Connection);
    QCOMPARE(opening.outcome, StoreFile::Outcome::Created);
}

void TestMessageSearch::cleanup()
{
    StoreFile::close(Connection);
    m_dir.reset();
}

void TestMessageSearch::anEmptyStoreOrQueryFindsNothing_data()
{
    QTest::addColumn<bool>("withMessages");
    QTest::addColumn<QString>("query");
    QTest::newRow("empty store") << false << QStringLiteral("cafe");
    QTest::newRow("empty store, CJK") << false << QStringLiteral("東京タワー");
    QTest::newRow("empty store, short CJK") << false << QStringLiteral("東");
    QTest::newRow("empty query") << true << QString();
    QTest::newRow("spaces only") << true << QStringLiteral("   \t \n ");
    QTest::newRow("punctuation only") << true << QStringLiteral("!? ... --");
}

void TestMessageSearch::anEmptyStoreOrQueryFindsNothing()
{
    QFETCH(bool, withMessages);
    QFETCH(QString, query);
    if (withMessages) {
        QVERIFY(store(QStringLiteral("M1"), QStringLiteral("Café at noon? ... -- see you")));
        QVERIFY(store(QStringLiteral("M2"), QStringLiteral("東京タワーで会いましょう")));
    }
    const SearchResult result = search(query);
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QVERIFY(result.hits.isEmpty());
    QCOMPARE(result.total, 0);
    QVERIFY(!result.totalCapped);
    QVERIFY(!result.queryShortened);
}

void TestMessageSearch::accentsAndCaseDoNotMatter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("marked");
    QTest::newRow("cafe finds Café")
        << QStringLiteral("Meet at the Café") << QStringLiteral("cafe") << QStringLiteral("Café");
    QTest::newRow("CAFÉ finds cafe")
        << QStringLiteral("the cafe is closed") << QStringLiteral("CAFÉ") << QStringLiteral("cafe");
    QTest::newRow("zurich finds ZÜRICH") << QStringLiteral("Flight to ZÜRICH")
                                         << QStringLiteral("zurich") << QStringLiteral("ZÜRICH");
    // Unicode decomposes ó and ź but not the stroke of Ł (nor ø, đ, ß): those stay letters of
    // their own, as in SQLite's unicode61 (docs/STORE.md, "Search").
    QTest::newRow("ŁODZ finds Łódź")
        << QStringLiteral("office in Łódź") << QStringLiteral("ŁODZ") << QStringLiteral("Łódź");
    // Greek: case, not the tonos (unicode61 removes Latin diacritics only).
    QTest::newRow("Greek case") << QStringLiteral("Καλημέρα σας") << QStringLiteral("ΚΑΛΗΜΈΡΑ")
                                << QStringLiteral("Καλημέρα");
    QTest::newRow("Cyrillic case") << QStringLiteral("Команда Альфа") << QStringLiteral("КОМАНДА")
                                   << QStringLiteral("Команда");
    QTest::newRow("deployment by DEPLOY")
        << QStringLiteral("deployment finished") << QStringLiteral("DEPLOY")
        << QStringLiteral("deployment");
}

void TestMessageSearch::accentsAndCaseDoNotMatter()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QString, marked);
    QVERIFY(store(QStringLiteral("M1"), text));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("nothing to see here")));
    const SearchResult result = search(query);
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QCOMPARE(result.total, 1);
    QCOMPARE(highlighted(result.hits.first().excerpt), QStringList{marked});
    QCOMPARE(withoutMarkers(result.hits.first().excerpt), text);
}

void TestMessageSearch::everyTermIsAPrefix()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("Café au lait at noon")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("Cafeteria menu"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("a scarf and a calf"), 2));
    QCOMPARE(found(QStringLiteral("caf")),
             (QStringList{QStringLiteral("M2"), QStringLiteral("M1")}));
    // Each term, not only the last one typed; never the middle of a word.
    QCOMPARE(found(QStringLiteral("caf noo")), QStringList{QStringLiteral("M1")});
    QCOMPARE(found(QStringLiteral("af")), QStringList());
    QCOMPARE(found(QStringLiteral("cafeterias")), QStringList());
    const SearchResult result = search(QStringLiteral("caf"));
    QCOMPARE(highlighted(result.hits.at(0).excerpt), QStringList{QStringLiteral("Cafeteria")});
    QCOMPARE(highlighted(result.hits.at(1).excerpt), QStringList{QStringLiteral("Café")});
}

void TestMessageSearch::allTermsMustMatch()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("deploy on friday")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("lunch on friday"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("deploy after lunch, not friday"), 2));
    QCOMPARE(found(QStringLiteral("friday deploy")),
             (QStringList{QStringLiteral("M3"), QStringLiteral("M1")}));
    QCOMPARE(found(QStringLiteral("lunch friday deploy")), QStringList{QStringLiteral("M3")});
    QCOMPARE(found(QStringLiteral("lunch monday")), QStringList());
    // Every term is highlighted.
    const SearchResult result = search(QStringLiteral("lunch friday deploy"));
    QCOMPARE(
        highlighted(result.hits.first().excerpt),
        (QStringList{QStringLiteral("deploy"), QStringLiteral("lunch"), QStringLiteral("friday")}));
}

void TestMessageSearch::oneLetterBeforeTheLastTermIsAWord()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("a plan for Friday")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("another plan"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("plan B is ready"), 2));
    // The last term is being typed: a prefix, even of one letter.
    QCOMPARE(found(QStringLiteral("plan a")),
             (QStringList{QStringLiteral("M2"), QStringLiteral("M1")}));
    QCOMPARE(found(QStringLiteral("a")), (QStringList{QStringLiteral("M2"), QStringLiteral("M1")}));
    // Before it, one letter is that word.
    QCOMPARE(found(QStringLiteral("a plan")), QStringList{QStringLiteral("M1")});
    QCOMPARE(found(QStringLiteral("b plan")), QStringList{QStringLiteral("M3")});
    QCOMPARE(found(QStringLiteral("plan b")), QStringList{QStringLiteral("M3")});
    // Two letters stay a prefix wherever they are; a term typed twice counts once.
    QCOMPARE(found(QStringLiteral("an plan")), QStringList{QStringLiteral("M2")});
    QCOMPARE(found(QStringLiteral("Plan plan PLAN fri")), QStringList{QStringLiteral("M1")});
}

void TestMessageSearch::cjkIsFoundBySubstring()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("明日は東京タワーに行きます")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("京都の会議は明日です"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("서울에서 회의가 있습니다"), 2));
    QVERIFY(store(QStringLiteral("M4"), QStringLiteral("ประชุมพรุ่งนี้ที่กรุงเทพ"), 3));
    QVERIFY(
        store(QStringLiteral("M5"), QStringLiteral("Tokyo tower trip: 東京タワー, then Kyoto"), 4));

    // The middle of a run of characters, which a word index cannot find.
    QCOMPARE(found(QStringLiteral("京タワ")),
             (QStringList{QStringLiteral("M5"), QStringLiteral("M1")}));
    QCOMPARE(found(QStringLiteral("会議は")), QStringList{QStringLiteral("M2")});
    QCOMPARE(found(QStringLiteral("울에서")), QStringList{QStringLiteral("M3")});
    QCOMPARE(found(QStringLiteral("พรุ่งนี้")), QStringList{QStringLiteral("M4")});
    QCOMPARE(found(QStringLiteral("京タワ kyoto")), QStringList{QStringLiteral("M5")});
    QCOMPARE(found(QStringLiteral("大阪城")), QStringList());
    QCOMPARE(found(QStringLiteral("タワー 会議")), QStringList());

    const SearchResult result = search(QStringLiteral("京タワ"));
    QVERIFY(!result.recentOnly);
    QCOMPARE(highlighted(result.hits.at(1).excerpt), QStringList{QStringLiteral("京タワ")});
    QCOMPARE(withoutMarkers(result.hits.at(1).excerpt),
             QStringLiteral("明日は東京タワーに行きます"));
    const SearchResult mixed = search(QStringLiteral("京タワ kyoto"));
    QCOMPARE(highlighted(mixed.hits.first().excerpt),
             (QStringList{QStringLiteral("京タワ"), QStringLiteral("Kyoto")}));
}

void TestMessageSearch::oneOrTwoCjkCharactersLookAtTheMessagesStoredLast()
{
    QVERIFY(store(QStringLiteral("old"), QStringLiteral("古い会議の記録")));
    QVERIFY(storeMany(QStringLiteral("filler"), QStringLiteral("weekly status"),
                      MessageSearch::ShortTermScan));
    QVERIFY(store(QStringLiteral("new"), QStringLiteral("明日の会議は十時から"), 1));
    QVERIFY(store(QStringLiteral("other"), QStringLiteral("明日は休みです"), 2));
    QVERIFY(store(QStringLiteral("tower"), QStringLiteral("A社の東京タワー見学"), 3));

    const SearchResult twoCharacters = search(QStringLiteral("会議"));
    QVERIFY2(twoCharacters.problem.isEmpty(), qPrintable(twoCharacters.problem));
    QVERIFY(twoCharacters.recentOnly);
    // The old one is further back than the scan goes; three characters find it through the index.
    QCOMPARE(ids(twoCharacters), QStringList{QStringLiteral("new")});
    QCOMPARE(highlighted(twoCharacters.hits.first().excerpt), QStringList{QStringLiteral("会議")});
    QCOMPARE(found(QStringLiteral("会議の")), QStringList{QStringLiteral("old")});

    QCOMPARE(found(QStringLiteral("明")),
             (QStringList{QStringLiteral("other"), QStringLiteral("new")}));
    QCOMPARE(found(QStringLiteral("明 休")), QStringList{QStringLiteral("other")});
    QCOMPARE(found(QStringLiteral("会議 status")), QStringList());
    // ASCII letters beside them, any case.
    QCOMPARE(found(QStringLiteral("a社")), QStringList{QStringLiteral("tower")});
    QCOMPARE(found(QStringLiteral("a社 見学")), QStringList{QStringLiteral("tower")});
    QCOMPARE(found(QStringLiteral("a社 tokyo")), QStringList());
    const SearchResult withWord = search(QStringLiteral("見 a社"));
    QCOMPARE(highlighted(withWord.hits.first().excerpt),
             (QStringList{QStringLiteral("A社"), QStringLiteral("見")}));
}

void TestMessageSearch::fts5SyntaxIsPlainText_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const QStringList none;
    QTest::newRow("a quote") << QStringLiteral("\"") << none;
    QTest::newRow("quotes around") << QStringLiteral("\"deploy friday\"") << QStringList{"M1"};
    QTest::newRow("an open quote") << QStringLiteral("\"deploy") << QStringList{"M3", "M1"};
    QTest::newRow("a quote inside") << QStringLiteral("dep\"loy") << none;
    QTest::newRow("NEAR(a b)") << QStringLiteral("NEAR(a b)") << QStringList{"M2"};
    QTest::newRow("NEAR as a word") << QStringLiteral("near station") << QStringList{"M2"};
    QTest::newRow("OR is a word") << QStringLiteral("deploy OR lunch") << QStringList{"M3"};
    QTest::newRow("a OR") << QStringLiteral("a OR") << QStringList{"M3"};
    QTest::newRow("AND at the end") << QStringLiteral("deploy AND") << none;
    QTest::newRow("NOT alone") << QStringLiteral("NOT") << QStringList{"M4", "M1"};
    QTest::newRow("a star") << QStringLiteral("*") << none;
    QTest::newRow("a star after a word") << QStringLiteral("depl*") << QStringList{"M3", "M1"};
    QTest::newRow("a column filter") << QStringLiteral("text:deploy") << none;
    QTest::newRow("col:x") << QStringLiteral("col:x") << QStringList{"M5"};
    QTest::newRow("braces") << QStringLiteral("{text}: deploy") << none;
    QTest::newRow("a minus") << QStringLiteral("-deploy") << QStringList{"M3", "M1"};
    QTest::newRow("an open bracket") << QStringLiteral("(") << none;
    QTest::newRow("brackets") << QStringLiteral("(deploy)") << QStringList{"M3", "M1"};
    QTest::newRow("a caret") << QStringLiteral("^friday") << QStringList{"M1"};
    QTest::newRow("a plus") << QStringLiteral("deploy + friday") << QStringList{"M1"};
    QTest::newRow("a semicolon and SQL") << QStringLiteral("'; DROP TABLE messages; --") << none;
    QTest::newRow("the index's name") << QStringLiteral("message_words:cafe") << none;
}

void TestMessageSearch::fts5SyntaxIsPlainText()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("deploy friday, not before")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("we meet near a bench by the station"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("a deploy or a lunch"), 2));
    QVERIFY(store(QStringLiteral("M4"), QStringLiteral("NOTHING happened"), 3));
    QVERIFY(store(QStringLiteral("M5"), QStringLiteral("set col: x in the config"), 4));
    const SearchResult result = search(query);
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(ids(result), expected);
    // The statement did not run anything either.
    QCOMPARE(found(QStringLiteral("deploy")),
             (QStringList{QStringLiteral("M3"), QStringLiteral("M1")}));
}

void TestMessageSearch::controlCharactersAreLeftOut()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("Café\nat\tnoon\r\nsee\x01you")));
    QCOMPARE(found(QStringLiteral("caf\x01"
                                  "e")),
             QStringList{QStringLiteral("M1")});
    QCOMPARE(found(QString::fromUtf16(u"caf\u0000e", 5)), QStringList{QStringLiteral("M1")});
    QCOMPARE(found(QStringLiteral("\x1b[31mnoon")), QStringList());
    QCOMPARE(found(QStringLiteral("\x7f\x02")), QStringList());
    QCOMPARE(found(QStringLiteral("cafe\tnoon\nsee")), QStringList{QStringLiteral("M1")});
    // The excerpt is one line without them.
    const SearchResult result = search(QStringLiteral("noon"));
    QCOMPARE(result.hits.first().excerpt, QStringLiteral("Café at ") + MessageSearch::MatchStart +
                                              QStringLiteral("noon") + MessageSearch::MatchEnd +
                                              QStringLiteral(" see you"));
}

void TestMessageSearch::markersInTheTextCannotForgeHighlighting()
{
    const QString start = MessageSearch::MatchStart;
    const QString end = MessageSearch::MatchEnd;
    QVERIFY(store(QStringLiteral("M1"), start + QStringLiteral("fake") + end +
                                            QStringLiteral(" real cafe ") + end + end));
    QVERIFY(store(
        QStringLiteral("M2"),
        QStringLiteral("ab") + start + QStringLiteral("cd") + end + QStringLiteral("ef x"), 1));
    QVERIFY(store(QStringLiteral("M3"), QStringLiteral("東京タワー") + end + QStringLiteral("です"),
                  2));
    QVERIFY(store(QStringLiteral("M4"), end + start + QStringLiteral("会議") + end, 3));

    SearchResult result = search(QStringLiteral("cafe"));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QCOMPARE(result.hits.first().excerpt,
             QStringLiteral("fake real ") + start + QStringLiteral("cafe") + end);
    // A word holding markers is highlighted whole, without them.
    result = search(QStringLiteral("ab"));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M2")});
    QCOMPARE(result.hits.first().excerpt,
             start + QStringLiteral("abcdef") + end + QStringLiteral(" x"));
    // A marker right after a trigram match, and around a short one.
    result = search(QStringLiteral("タワー"));
    QCOMPARE(result.hits.first().excerpt, QStringLiteral("東京") + start +
                                              QStringLiteral("タワー") + end +
                                              QStringLiteral("です"));
    result = search(QStringLiteral("会議"));
    QCOMPARE(result.hits.first().excerpt, start + QStringLiteral("会議") + end);
    // Markers typed into the query are left out of it.
    QCOMPARE(found(start + QStringLiteral("cafe") + end), QStringList{QStringLiteral("M1")});
    QCOMPARE(found(start + end), QStringList());
}

void TestMessageSearch::markupIsNotSearched()
{
    Stored m{QStringLiteral("M1"), QStringLiteral("bold and italic and code")};
    m.markdown = QStringLiteral("**bold** and _italic_ and `code`");
    QVERIFY(store(m));
    QVERIFY(exec(
        QStringLiteral("UPDATE messages SET html = '<strong>bold</strong> and <em>italic</em>'")));
    for (const char *query : {"**", "_", "`", "**bold**", "_italic_", "strong", "em", "<strong>"}) {
        const SearchResult result = search(QString::fromLatin1(query));
        QVERIFY2(result.problem.isEmpty(), query);
        const QStringList expected =
            QByteArray(query).contains("bold") || QByteArray(query).contains("italic")
                ? QStringList{QStringLiteral("M1")}
                : QStringList();
        QVERIFY2(ids(result) == expected, query);
    }
    QCOMPARE(withoutMarkers(search(QStringLiteral("bold")).hits.first().excerpt),
             QStringLiteral("bold and italic and code"));
}

void TestMessageSearch::editedAndDeletedMessages()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("Meet at the café")));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("東京タワーで会いましょう"), 1));
    QCOMPARE(found(QStringLiteral("cafe")), QStringList{QStringLiteral("M1")});

    QVERIFY(
        exec(QStringLiteral("UPDATE messages SET text = 'Meet at the bakery' WHERE id = 'M1'")));
    QCOMPARE(found(QStringLiteral("cafe")), QStringList());
    QCOMPARE(found(QStringLiteral("bakery")), QStringList{QStringLiteral("M1")});
    QCOMPARE(withoutMarkers(search(QStringLiteral("bakery")).hits.first().excerpt),
             QStringLiteral("Meet at the bakery"));

    QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = 'M2'")));
    QCOMPARE(found(QStringLiteral("京タワ")), QStringList());
    QCOMPARE(found(QStringLiteral("東京")), QStringList());
    QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = 'M1'")));
    QCOMPARE(found(QStringLiteral("bakery")), QStringList());
}

void TestMessageSearch::hitsCarrySpaceSenderAndTime()
{
    QVERIFY(exec(QStringLiteral("INSERT INTO spaces(id, title) VALUES ('R1', 'Café Zürich 12')")));
    QVERIFY(
        exec(QStringLiteral("INSERT INTO people(id, display_name) VALUES ('P1', 'Zoë Ångström')")));
    QVERIFY(exec(QStringLiteral("INSERT INTO people(id, display_name) VALUES ('P3', '')")));
    Stored known{QStringLiteral("M1"), QStringLiteral("standup notes")};
    known.parent = QStringLiteral("M0");
    QVERIFY(store(known));
    Stored unknownPerson{QStringLiteral("M2"), QStringLiteral("standup moved")};
    unknownPerson.person = QStringLiteral("P2");
    unknownPerson.email = QStringLiteral("bot@example.com");
    unknownPerson.room = QStringLiteral("R2");
    unknownPerson.created = Noon.addSecs(60).toMSecsSinceEpoch();
    QVERIFY(store(unknownPerson));
    Stored nameless{QStringLiteral("M3"), QStringLiteral("standup cancelled")};
    nameless.person = QStringLiteral("P3");
    nameless.email = QStringLiteral("quiet@example.com");
    nameless.created = QVariant(); // no time: after every one with a time
    QVERIFY(store(nameless));

    const SearchResult result = search(QStringLiteral("standup"));
    QCOMPARE(ids(result),
             (QStringList{QStringLiteral("M2"), QStringLiteral("M1"), QStringLiteral("M3")}));
    const SearchHit &first = result.hits.at(0);
    QCOMPARE(first.roomId, QStringLiteral("R2"));
    QCOMPARE(first.roomTitle, QString()); // the space is not stored
    QCOMPARE(first.senderId, QStringLiteral("P2"));
    QCOMPARE(first.senderName, QStringLiteral("bot@example.com"));
    QCOMPARE(first.created, Noon.addSecs(60));
    QCOMPARE(first.parentId, QString());
    const SearchHit &second = result.hits.at(1);
    QCOMPARE(second.roomId, QStringLiteral("R1"));
    QCOMPARE(second.roomTitle, QStringLiteral("Café Zürich 12"));
    QCOMPARE(second.senderId, QStringLiteral("P1"));
    QCOMPARE(second.senderName, QStringLiteral("Zoë Ångström"));
    QCOMPARE(second.created, Noon);
    QCOMPARE(second.created.timeSpec(), Qt::UTC);
    QCOMPARE(second.parentId, QStringLiteral("M0"));
    const SearchHit &third = result.hits.at(2);
    QCOMPARE(third.senderName, QStringLiteral("quiet@example.com"));
    QVERIFY(!third.created.isValid());
}

void TestMessageSearch::newestFirstAndLimited()
{
    // Stored in an order unlike their times (pages of older messages arrive later).
    const QList<int> minutes{5, 1, 9, 3, 7, 0, 8, 2, 6, 4};
    for (const int minute : minutes)
        QVERIFY(store(QStringLiteral("M%1").arg(minute), QStringLiteral("release notes"), minute));
    QVERIFY(store(QStringLiteral("other"), QStringLiteral("unrelated"), 10));

    SearchResult result = search(QStringLiteral("release"), 3);
    QCOMPARE(ids(result),
             (QStringList{QStringLiteral("M9"), QStringLiteral("M8"), QStringLiteral("M7")}));
    QCOMPARE(result.total, 10);
    QVERIFY(!result.totalCapped);
    result = search(QStringLiteral("release"), 100);
    QCOMPARE(result.hits.size(), 10);
    QCOMPARE(result.hits.last().messageId, QStringLiteral("M0"));
    QVERIFY(search(QStringLiteral("release"), 0).hits.isEmpty());
    QVERIFY(search(QStringLiteral("release"), -5).hits.isEmpty());
    QCOMPARE(search(QStringLiteral("release"), 1).hits.size(), 1);
}

void TestMessageSearch::theCountStopsAtTheCandidateLimit()
{
    QVERIFY(storeMany(QStringLiteral("M"), QStringLiteral("daily report"),
                      MessageSearch::CandidateLimit + 10));
    const SearchResult result = search(QStringLiteral("report"), 20);
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(result.hits.size(), 20);
    QCOMPARE(result.total, MessageSearch::CandidateLimit);
    QVERIFY(result.totalCapped);
    // storeMany gives the first stored the newest time.
    QCOMPARE(result.hits.first().messageId, QStringLiteral("M10"));
    const SearchResult fewer = search(QStringLiteral("report M"), 20);
    QCOMPARE(fewer.total, 0);
    QVERIFY(!fewer.totalCapped);
}

void TestMessageSearch::aLongQueryIsShortened()
{
    QStringList terms;
    for (int i = 0; i < MessageSearch::MaxTerms; ++i)
        terms.append(QStringLiteral("word%1x").arg(i));
    QVERIFY(store(QStringLiteral("M1"), terms.join(u' ') + QStringLiteral(" alpha")));
    // 16 terms are searched (all of them match here), the 17th is left out.
    SearchResult result = search(terms.join(u' '));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QVERIFY(!result.queryShortened);
    result = search(terms.join(u' ') + QStringLiteral(" zeta"));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QVERIFY(result.queryShortened);
    // Terms typed twice count once; punctuation alone is no term.
    result = search(terms.join(u' ') + QStringLiteral(" word0x WORD1X -- **"));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QVERIFY(!result.queryShortened);
    // A term is cut at 64 characters.
    const QString longWord(200, u'x');
    QVERIFY(store(QStringLiteral("M2"), longWord));
    result = search(longWord + QStringLiteral("y"));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M2")});
    QVERIFY(result.queryShortened);
    // A pasted megabyte: no hang, no problem.
    result = search(QString(1 << 20, u'a') + QStringLiteral(" beta"));
    QVERIFY(result.problem.isEmpty());
    QVERIFY(result.queryShortened);
    result = search(QStringLiteral("alpha ").repeated(100000));
    QCOMPARE(ids(result), QStringList{QStringLiteral("M1")});
    QVERIFY(result.queryShortened);
}

void TestMessageSearch::theExcerptIsOneBoundedLine()
{
    QStringList words;
    for (int i = 0; i < 300; ++i)
        words.append(QStringLiteral("word%1x").arg(i));
    words[150] = QStringLiteral("needle");
    QString text = words.join(u' ');
    text.replace(QStringLiteral("word149x "), QStringLiteral("word149x\n\n"));
    QVERIFY(store(QStringLiteral("M1"), text));
    QVERIFY(store(QStringLiteral("M2"), QStringLiteral("needle at the start, then ") + text, 1));

    SearchResult result = search(QStringLiteral("needle"));
    QCOMPARE(ids(result), (QStringList{QStringLiteral("M2"), QStringLiteral("M1")}));
    const QString middle = result.hits.at(1).excerpt;
    QVERIFY2(withoutMarkers(middle).size() <= MessageSearch::ExcerptLength + 2, qPrintable(middle));
    QVERIFY(withoutMarkers(middle).size() >= MessageSearch::ExcerptLength - 30);
    QVERIFY(!middle.contains(u'\n'));
    QVERIFY(middle.startsWith(QStringLiteral("\u2026word14"))); // from a word's start
    QVERIFY(middle.endsWith(u'\u2026'));
    QVERIFY(middle.contains(QStringLiteral("word149x ") + MessageSearch::MatchStart));
    QVERIFY(!middle.contains(QStringLiteral("  ")));
    QCOMPARE(highlighted(middle), QStringList{QStringLiteral("needle")});
    // Cut after a whole word.
    QVERIFY(withoutMarkers(middle).chopped(1).endsWith(u'x'));
    const QString start = result.hits.at(0).excerpt;
    QVERIFY(start.startsWith(MessageSearch::MatchStart + QStringLiteral("needle")));
    QVERIFY(start.endsWith(u'\u2026'));
    // Highlighted at the start and again where the text repeats it, if within the line.
    QCOMPARE(highlighted(start), QStringList{QStringLiteral("needle")});
}

void TestMessageSearch::aBrokenIndexIsAProblemNotACrash()
{
    QVERIFY(store(QStringLiteral("M1"), QStringLiteral("Meet at the café")));
    QVERIFY(exec(QStringLiteral("DROP TRIGGER messages_indexed")));
    QVERIFY(exec(QStringLiteral("DROP TRIGGER messages_unindexed")));
    QVERIFY(exec(QStringLiteral("DROP TRIGGER messages_reindexed")));
    QVERIFY(exec(QStringLiteral("DROP TABLE message_words")));
    const SearchResult result = search(QStringLiteral("cafe"));
    QVERIFY(!result.problem.isEmpty());
    QVERIFY(result.problem.contains(QStringLiteral("message_words")));
    QVERIFY(result.hits.isEmpty());
    // The connection is still usable: no transaction left open.
    QVERIFY(exec(QStringLiteral("INSERT INTO drafts(room_id, text) VALUES ('R1', 'x')")));
    QVERIFY(database().transaction());
    QVERIFY(database().commit());
}

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_messagesearch.moc"
