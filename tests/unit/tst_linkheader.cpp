#include "api/linkheader.h"

#include <QTest>

class TestLinkHeader : public QObject
{
    Q_OBJECT

private slots:
    void next_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");

        QTest::newRow("webex")
            << QByteArray(
                   R"(<https://webexapis.com/v1/rooms?max=1000&cursor=Y3Vyc29y>; rel="next")")
            << QStringLiteral("https://webexapis.com/v1/rooms?max=1000&cursor=Y3Vyc29y");
        QTest::newRow("webex max=null")
            << QByteArray(R"(<https://webexapis.com/v1/rooms?max=null&cursor=abc>; rel="next")")
            << QStringLiteral("https://webexapis.com/v1/rooms?max=null&cursor=abc");
        QTest::newRow("unquoted rel") << QByteArray("<https://a.example/p2>; rel=next")
                                      << QStringLiteral("https://a.example/p2");
        QTest::newRow("upper-case rel") << QByteArray("<https://a.example/p2>; REL=\"NEXT\"")
                                        << QStringLiteral("https://a.example/p2");
        QTest::newRow("no spaces") << QByteArray("<https://a.example/p2>;rel=\"next\"")
                                   << QStringLiteral("https://a.example/p2");
        QTest::newRow("lots of spaces")
            << QByteArray("  <https://a.example/p2>  ;  rel = \"next\"  ")
            << QStringLiteral("https://a.example/p2");
        QTest::newRow("several links")
            << QByteArray(
                   R"(<https://a.example/p1>; rel="first", <https://a.example/p0>; rel="prev", )"
                   R"(<https://a.example/p2>; rel="next")")
            << QStringLiteral("https://a.example/p2");
        QTest::newRow("several rels") << QByteArray(R"(<https://a.example/p9>; rel="next last")")
                                      << QStringLiteral("https://a.example/p9");
        QTest::newRow("rel among others")
            << QByteArray(
                   R"(<https://a.example/p2>; title="Page, two; really"; rel="next"; type="application/json")")
            << QStringLiteral("https://a.example/p2");
        QTest::newRow("comma inside url")
            << QByteArray(
                   R"(<https://a.example/people?id=a,b,c&x=1;y>; rel="next", <https://a.example/f>; rel=first)")
            << QStringLiteral("https://a.example/people?id=a,b,c&x=1;y");
        QTest::newRow("next not first")
            << QByteArray(
                   R"(<https://a.example/p1>; rel="prev", <https://a.example/p3>; rel="next")")
            << QStringLiteral("https://a.example/p3");
        QTest::newRow("first next wins")
            << QByteArray(R"(<https://a.example/a>; rel="next", <https://a.example/b>; rel="next")")
            << QStringLiteral("https://a.example/a");
        QTest::newRow("only prev")
            << QByteArray(R"(<https://a.example/p1>; rel="prev")") << QString();
        QTest::newRow("nextish is not next")
            << QByteArray(R"(<https://a.example/x>; rel="nextpage")") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("garbage") << QByteArray("this is not a link header") << QString();
        QTest::newRow("unterminated")
            << QByteArray(R"(<https://a.example/p2; rel="next")") << QString();
        QTest::newRow("garbage then link")
            << QByteArray(R"(junk; rel="next", <https://a.example/ok>; rel="next")")
            << QStringLiteral("https://a.example/ok");
        QTest::newRow("relative") << QByteArray(R"(</v1/rooms?cursor=2>; rel="next")")
                                  << QStringLiteral("/v1/rooms?cursor=2");
        QTest::newRow("escaped quote in param")
            << QByteArray(R"(<https://a.example/p2>; title="a \"quoted\" title"; rel="next")")
            << QStringLiteral("https://a.example/p2");
    }

    void next()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        const QUrl url = LinkHeader::next(header);
        if (expected.isEmpty())
            QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
        else
            QCOMPARE(url, QUrl::fromEncoded(expected.toUtf8()));
    }

    void parseAll()
    {
        const QHash<QString, QUrl> links = LinkHeader::parse(
            R"(<https://a.example/1>; rel="first", <https://a.example/9>; rel="next last",)"
            R"( <https://a.example/0>; rel=prev)");
        QCOMPARE(links.size(), 4);
        QCOMPARE(links.value(QStringLiteral("first")), QUrl(QStringLiteral("https://a.example/1")));
        QCOMPARE(links.value(QStringLiteral("next")), QUrl(QStringLiteral("https://a.example/9")));
        QCOMPARE(links.value(QStringLiteral("last")), QUrl(QStringLiteral("https://a.example/9")));
        QCOMPARE(links.value(QStringLiteral("prev")), QUrl(QStringLiteral("https://a.example/0")));
    }

    void maxNullKeptVerbatim()
    {
        // The parser reports what the server sent; repairing max=null is the client's business.
        const QUrl url =
            LinkHeader::next(R"(<https://webexapis.com/v1/rooms?max=null&cursor=abc>; rel="next")");
        QCOMPARE(url.query(), QStringLiteral("max=null&cursor=abc"));
    }
};

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "tst_linkheader.moc"
