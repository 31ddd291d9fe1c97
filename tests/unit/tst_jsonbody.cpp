#include "api/jsonbody.h"
#include "webexanswers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTest>

// Bodies are built from pieces with the invalid bytes in hex escapes: a raw string could not
// hold them, and moc misreads multi-line raw strings.
namespace {

using namespace WebexAnswers;

QStringList idsOf(const QJsonDocument &document)
{
    QStringList ids;
    const QJsonArray items = document.object().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(QLatin1String("id")).toString());
    return ids;
}

const QRegularExpression leftOut(QStringLiteral("Leaving out entry \\d+ of a list"));
const QRegularExpression repairedLine(QStringLiteral("Invalid UTF-8 in an answer"));

} // namespace

class TestJsonBody : public QObject
{
    Q_OBJECT

private slots:
    void validBodyIsReadAsQtReadsIt()
    {
        const QByteArray body = listJson(
            {spaceJson("a", "Caf\xC3\xA9"), spaceJson("b", "\xF0\x9F\x98\x80 \xE2\x82\xAC")});
        QJsonParseError error;
        const QJsonDocument document = JsonBody::parse(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document, QJsonDocument::fromJson(body));
    }

    // The case: one title that is not UTF-8 cost the whole page of spaces.
    void oneInvalidTitleCostsOnlyItsSpace()
    {
        const QByteArray body = listJson(
            {spaceJson("a", "One"), spaceJson("b", "T\xFF\xFEwo"), spaceJson("c", "Three")});
        QJsonParseError qtError;
        QVERIFY(QJsonDocument::fromJson(body, &qtError).isNull()); // what Qt alone does
        QCOMPARE(qtError.error, QJsonParseError::IllegalUTF8String);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("entry 1 of a list")));
        QTest::ignoreMessage(QtWarningMsg, repairedLine);
        QJsonParseError error;
        const QJsonDocument document = JsonBody::parse(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(idsOf(document), QStringList({QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(document.object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("title"))
                     .toString(),
                 QStringLiteral("Three"));
    }

    // Each kind of ill-formed UTF-8 (Unicode's table 3-7) costs its entry; the well-formed
    // neighbours, with their own multi-byte text, stay whole.
    void everyKindOfInvalidSequenceIsCaught_data()
    {
        QTest::addColumn<QByteArray>("bad");
        QTest::newRow("FF FE") << QByteArray("\xFF\xFE");
        QTest::newRow("lone continuation") << QByteArray("\x80");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF");
        QTest::newRow("overlong three bytes") << QByteArray("\xE0\x80\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80");
        QTest::newRow("truncated euro") << QByteArray("\xE2\x82");
        QTest::newRow("truncated before quote") << QByteArray("x\xF0\x9F\x98");
    }

    void everyKindOfInvalidSequenceIsCaught()
    {
        QFETCH(QByteArray, bad);
        const QByteArray body =
            listJson({spaceJson("a", "\xE2\x82\xAC"), spaceJson("b", "x" + bad + "y"),
                      spaceJson("c", "\xF0\x9F\x98\x80")});
        QTest::ignoreMessage(QtWarningMsg, leftOut);
        QTest::ignoreMessage(QtWarningMsg, repairedLine);
        const QJsonDocument document = JsonBody::parse(body);
        QCOMPARE(idsOf(document), QStringList({QStringLiteral("a"), QStringLiteral("c")}));
        const QJsonArray items = document.object().value(QLatin1String("items")).toArray();
        QCOMPARE(items.at(0).toObject().value(QLatin1String("title")).toString(),
                 QString::fromUtf8("\xE2\x82\xAC"));
        QCOMPARE(items.at(1).toObject().value(QLatin1String("title")).toString(),
                 QString::fromUtf8("\xF0\x9F\x98\x80"));
    }

    // In a key, or deep inside the entry (a list inside the entry): the smallest list entry
    // holding the text goes, here the one address, not the person.
    void theInnermostListEntryGoes()
    {
        // Person p: two of its members change (emails, phones), with members before, between
        // and after them that do not.
        const QByteArray body =
            "{\"items\":[{\"id\":\"p\",\"aaa\":1,\"emails\":[\"a@example.com\","
            "\"b\xFF@example.com\"],\"nick\":\"P\",\"phones\":[\"\xC3\",\"+1\"],"
            "\"zzz\":[2]},{\"id\":\"q\",\"ti\xFFtle\":1},{\"id\":\"r\"}]}";
        for (int i = 0; i < 3; ++i)
            QTest::ignoreMessage(QtWarningMsg, leftOut);
        QTest::ignoreMessage(QtWarningMsg, repairedLine);
        const QJsonDocument document = JsonBody::parse(body);
        QCOMPARE(idsOf(document), QStringList({QStringLiteral("p"), QStringLiteral("r")}));
        const QJsonObject p =
            document.object().value(QLatin1String("items")).toArray().at(0).toObject();
        QCOMPARE(p.value(QLatin1String("emails")).toArray(),
                 QJsonArray({QStringLiteral("a@example.com")}));
        QCOMPARE(p.value(QLatin1String("phones")).toArray(), QJsonArray({QStringLiteral("+1")}));
        QCOMPARE(p.value(QLatin1String("aaa")).toInt(), 1);
        QCOMPARE(p.value(QLatin1String("nick")).toString(), QStringLiteral("P"));
        QCOMPARE(p.value(QLatin1String("zzz")).toArray(), QJsonArray({2}));
        QCOMPARE(p.size(), 6);
    }

    // Noncharacters the server sent itself (as UTF-8 or escaped) are its text: the mark is one
    // it did not send, so their entries stay, unchanged.
    void theMarkIsOneTheBodyDoesNotHold()
    {
        const QByteArray body =
            listJson({spaceJson("a", "\xEF\xB7\x90"), spaceJson("b", "\xFF"),
                      spaceJson("c", "\\uFDD1\\ufdd2"), spaceJson("d", "\xEF\xB7\x93")});
        QTest::ignoreMessage(QtWarningMsg, leftOut);
        QTest::ignoreMessage(QtWarningMsg, repairedLine);
        const QJsonDocument document = JsonBody::parse(body);
        QCOMPARE(idsOf(document),
                 QStringList({QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d")}));
        const QJsonArray items = document.object().value(QLatin1String("items")).toArray();
        QCOMPARE(items.at(1).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("\uFDD1\uFDD2"));
    }

    void aBodyHoldingEveryCandidateMarkIsRefused()
    {
        QByteArray all;
        for (int i = 0; i < 32; ++i)
            all += "\\u" + QByteArray::number(0xFDD0 + i, 16);
        const QByteArray body = listJson({spaceJson("a", all), spaceJson("b", "\xFF")});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("refused whole")));
        QJsonParseError error;
        QVERIFY(JsonBody::parse(body, &error).isNull());
        QCOMPARE(error.error, QJsonParseError::IllegalUTF8String);
    }

    // Refused, with Qt's own error, as before: invalid text that belongs to no list entry (the
    // whole answer is the one thing), invalid bytes outside strings, or a body that is broken
    // in other ways too.
    void whatCannotBeNarrowedDownIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("warns");
        QTest::newRow("profile name")
            << QByteArray("{\"id\":\"me\",\"displayName\":\"\xFF\"}") << true;
        QTest::newRow("outside strings") << QByteArray("{\"items\":[1,2]}\xFF") << false;
        QTest::newRow("between entries") << QByteArray("{\"items\":[1,\xFF 2]}") << false;
        QTest::newRow("cut off too")
            << QByteArray("{\"items\":[{\"id\":\"\xFF\"},{\"id\":") << false;
    }

    void whatCannotBeNarrowedDownIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, warns);
        if (warns)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("outside any list entry")));
        QJsonParseError error;
        QVERIFY(JsonBody::parse(body, &error).isNull());
        QJsonParseError qtError;
        QJsonDocument::fromJson(body, &qtError);
        QCOMPARE(error.error, qtError.error);
        QCOMPARE(error.offset, qtError.offset);
    }

    // Other errors are Qt's, untouched.
    void otherErrorsAreQtsOwn()
    {
        QJsonParseError error;
        QVERIFY(JsonBody::parse("{\"items\":[", &error).isNull());
        QJsonParseError qtError;
        QJsonDocument::fromJson("{\"items\":[", &qtError);
        QCOMPARE(error.error, qtError.error);
        QCOMPARE(error.offset, qtError.offset);
    }

    // Many bad entries in one large page: each goes alone, in one pass.
    void halfOfALargePageIsBad()
    {
        QList<QByteArray> items;
        QStringList expected;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray id = QByteArray::number(i);
            items.append(spaceJson(id, i % 2 ? "bad \xC3" : "good \xC3\xA9"));
            if (i % 2 == 0)
                expected.append(QString::fromLatin1(id));
        }
        // 10,000 warnings: counted here rather than printed.
        static int leftOutLines = 0;
        static int refusedLines = 0;
        leftOutLines = refusedLines = 0;
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) {
                leftOutLines += text.contains(QLatin1String("Leaving out entry"));
                refusedLines += text.contains(QLatin1String("refused"));
            });
        const QJsonDocument document = JsonBody::parse(listJson(items));
        qInstallMessageHandler(previous);
        QCOMPARE(leftOutLines, 10000);
        QCOMPARE(refusedLines, 0);
        QCOMPARE(idsOf(document), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonBody)
#include "tst_jsonbody.moc"
