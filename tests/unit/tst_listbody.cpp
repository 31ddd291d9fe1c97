// ListBody: a list answer's bytes ({"items": [...]}) into values, the reading WebexClient runs on
// every page of spaces, teams, people and messages. What is kept, what is skipped and why, what
// is left out for invalid UTF-8, and what is no list at all. (WebexClient on the wire:
// tst_unit_webexclientitems; every byte sequence: tests/fuzz/fuzz_json_list.)

#include "api/listbody.h"
#include "webexanswers.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>

// Bodies are built from pieces with the invalid bytes in hex escapes: a raw string could not
// hold them, and moc misreads multi-line raw strings.
namespace {

using namespace WebexAnswers;

template <typename T> QStringList idsOf(const QList<T> &values)
{
    QStringList ids;
    for (const T &value : values)
        ids.append(value.id);
    return ids;
}

const QStringList AC = {QStringLiteral("a"), QStringLiteral("c")};

} // namespace

class TestListBody : public QObject
{
    Q_OBJECT

private slots:
    void aPageOfSpacesIsReadInItsOrder()
    {
        const ListBody<Room> list = ListBody<Room>::read(
            listJson({spaceJson("a", "One"), spaceJson("b", "Two"), spaceJson("c", "Three")}));
        QVERIFY(list.isList());
        QVERIFY(list.jsonError().isEmpty());
        QCOMPARE(idsOf(list.items()),
                 QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(list.items().at(2).title, QStringLiteral("Three"));
        QCOMPARE(list.skippedCount(), qsizetype(0));
        QVERIFY(list.firstSkipped().isEmpty());
        QCOMPARE(list.leftOutForInvalidUtf8(), 0);
    }

    void anEmptyListIsAList()
    {
        const ListBody<Room> list = ListBody<Room>::read("{\"items\":[]}");
        QVERIFY(list.isList());
        QVERIFY(list.items().isEmpty());
        QCOMPARE(list.skippedCount(), qsizetype(0));
    }

    // An entry that is not an object, or whose id is missing or of another type, is skipped:
    // counted, with its position and why, and logged without its content.
    void entriesThatAreNoSpaceAreSkippedWithTheirReason()
    {
        const QByteArray body =
            listJson({"{\"id\":5,\"title\":\"secret title\"}", spaceJson("a", "One"),
                      "\"just text\"", "{\"id\":null}", spaceJson("c", "Three"), "[]"});
        for (int i : {0, 2, 3, 5})
            QTest::ignoreMessage(
                QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping space %1 : ").arg(i)));
        const ListBody<Room> list = ListBody<Room>::read(body);
        QVERIFY(list.isList());
        QCOMPARE(idsOf(list.items()), AC);
        QCOMPARE(list.skippedCount(), qsizetype(4));
        QCOMPARE(list.firstSkipped().size(), qsizetype(4));
        const QList<qsizetype> where = {0, 2, 3, 5};
        const QString noId = QStringLiteral("A space without an id was received.");
        const QStringList why = {noId, QStringLiteral("not an object"), noId,
                                 QStringLiteral("not an object")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(list.firstSkipped().at(i).index, where.at(i));
            QCOMPARE(list.firstSkipped().at(i).reason, why.at(i));
        }
        QCOMPARE(list.leftOutForInvalidUtf8(), 0);
    }

    // The issue's case: one title that is not UTF-8 costs its space, not the page. It is left
    // out before the entries are read, so the positions of skipped entries count without it.
    void aTitleThatIsNotUtf8CostsOnlyItsSpace()
    {
        const QByteArray body = listJson({spaceJson("a", "One"), spaceJson("b", "T\xFF\xFEwo"),
                                          "{\"title\":\"no id\"}", spaceJson("c", "Three")});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "Leaving out entry 1 of a list: its text is not "
                                               "valid UTF-8")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Invalid UTF-8 in an answer")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Skipping space 1 ")));
        const ListBody<Room> list = ListBody<Room>::read(body);
        QVERIFY(list.isList());
        QCOMPARE(idsOf(list.items()), AC);
        QCOMPARE(list.items().at(1).title, QStringLiteral("Three"));
        QCOMPARE(list.leftOutForInvalidUtf8(), 1);
        QCOMPARE(list.skippedCount(), qsizetype(1));
        QCOMPARE(list.firstSkipped().constFirst().index, qsizetype(1));
    }

    // Invalid UTF-8 in a list inside an entry costs the entry of that inner list: the person
    // stays, without the address.
    void invalidUtf8InAnInnerListCostsItsEntry()
    {
        const QByteArray body = "{\"items\":[{\"id\":\"p\",\"displayName\":\"Ada\","
                                "\"emails\":[\"bad\xC0\xAF@example.com\",\"ada@example.com\"]}]}";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("entry 0 of a list")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Invalid UTF-8 in an answer")));
        const ListBody<Person> list = ListBody<Person>::read(body);
        QVERIFY(list.isList());
        QCOMPARE(idsOf(list.items()), QStringList{QStringLiteral("p")});
        QCOMPARE(list.items().constFirst().emails, QStringList{QStringLiteral("ada@example.com")});
        QCOMPARE(list.leftOutForInvalidUtf8(), 1);
        QCOMPARE(list.skippedCount(), qsizetype(0));
    }

    // Found by fuzzing: JSON keeps the last of two equal keys, so invalid text in the value a
    // later duplicate replaces is never read and costs nothing; in the value kept, it costs the
    // entry.
    void invalidUtf8UnderADuplicateKeyCountsOnlyWhereItIsRead()
    {
        const QByteArray body = listJson({"{\"id\":\"a\",\"title\":\"T\xFF\",\"title\":\"Fine\"}",
                                          "{\"id\":\"b\",\"title\":\"Good\",\"title\":\"B\xFF\"}"});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("entry 1 of a list")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Invalid UTF-8 in an answer")));
        const ListBody<Room> list = ListBody<Room>::read(body);
        QVERIFY(list.isList());
        QCOMPARE(idsOf(list.items()), QStringList{QStringLiteral("a")});
        QCOMPARE(list.items().constFirst().title, QStringLiteral("Fine"));
        QCOMPARE(list.leftOutForInvalidUtf8(), 1);
    }

    // What WebexClient fails the call with ("The list of spaces is not {"items": [...]} (...)"):
    // the parser's message when it is not JSON, nothing when it is JSON of another shape.
    void whatIsNoListSaysWhy_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("jsonError");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("HTML instead") << QByteArray("<html><body>Gateway</body></html>") << true;
        QTest::newRow("cut off") << QByteArray("{\"items\":[{\"id\":\"a\"},{\"id\":") << true;
        QTest::newRow("not UTF-8 outside any entry")
            << QByteArray("{\"note\":\"\xFF\",\"items\":[]}") << true;
        QTest::newRow("no items") << QByteArray("{\"rooms\":[]}") << false;
        QTest::newRow("items an object") << QByteArray("{\"items\":{\"id\":\"a\"}}") << false;
        QTest::newRow("items null") << QByteArray("{\"items\":null}") << false;
        QTest::newRow("a bare array") << QByteArray("[{\"id\":\"a\"}]") << false;
    }

    void whatIsNoListSaysWhy()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, jsonError);
        if (QByteArray(QTest::currentDataTag()) == "not UTF-8 outside any entry")
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("outside any list entry")));
        const ListBody<Room> list = ListBody<Room>::read(body);
        QVERIFY(!list.isList());
        QCOMPARE(!list.jsonError().isEmpty(), jsonError);
        QVERIFY(list.items().isEmpty());
        QCOMPARE(list.skippedCount(), qsizetype(0));
        QVERIFY(list.firstSkipped().isEmpty());
        QCOMPARE(list.leftOutForInvalidUtf8(), 0);
    }

    // Each kind of list, and the name the log gives its skipped entries.
    void everyKindIsRead()
    {
        const QByteArray body = "{\"items\":[{\"id\":\"x\",\"name\":\"Team X\",\"roomId\":\"R\","
                                "\"displayName\":\"X\",\"emails\":[\"x@example.com\"]},{}]}";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^Skipping team 1 ")));
        QCOMPARE(ListBody<Team>::read(body).items().constFirst().name, QStringLiteral("Team X"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Skipping person 1 ")));
        QCOMPARE(ListBody<Person>::read(body).items().constFirst().displayName,
                 QStringLiteral("X"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Skipping message 1 ")));
        const ListBody<Message> messages = ListBody<Message>::read(body);
        QCOMPARE(messages.items().constFirst().roomId, QStringLiteral("R"));
        QCOMPARE(messages.firstSkipped().constFirst().reason,
                 QStringLiteral("A message without an id was received."));
    }

    // A page of 100,000 refused entries is counted whole, but only the first few keep their
    // reason: what a hostile page costs stays bounded by its size, not by sentences per entry.
    void manySkippedEntriesKeepOnlyTheFirstReasons()
    {
        constexpr int Bad = 100000;
        QByteArray body = "{\"items\":[";
        for (int i = 0; i < Bad; ++i)
            body += "{},";
        body += spaceJson("a", "Last") + "]}";
        // Every one is logged; this test is about what is kept, so the log is muted.
        QLoggingCategory::setFilterRules(QStringLiteral("webexdesk.api.warning=false"));
        const ListBody<Room> list = ListBody<Room>::read(body);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(idsOf(list.items()), QStringList{QStringLiteral("a")});
        QCOMPARE(list.skippedCount(), qsizetype(Bad));
        QCOMPARE(list.firstSkipped().size(), ListBody<Room>::KeptSkips);
        QCOMPARE(list.firstSkipped().constLast().index, ListBody<Room>::KeptSkips - 1);
    }
};

QTEST_GUILESS_MAIN(TestListBody)
#include "tst_listbody.moc"
