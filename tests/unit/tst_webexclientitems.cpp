#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/displaytext.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "webexclientfixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// What one bad item in an answer costs: that item, logged, never the page. Against the small
// test server, so the bytes on the wire are exactly the ones written here.
class TestWebexClientItems : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    // The case: a page of three spaces whose middle title holds the bytes FF FE.
    void aTitleThatIsNotUtf8CostsOnlyItsSpace()
    {
        const QByteArray body = "{\"items\":["
                                "{\"id\":\"a\",\"title\":\"One\",\"type\":\"group\"},"
                                "{\"id\":\"b\",\"title\":\"T\xFF\xFEwo\",\"type\":\"group\"},"
                                "{\"id\":\"c\",\"title\":\"Three\",\"type\":\"group\"}]}";
        server()->setHandler([body](const Request &) { return Response::json(200, body); });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "Leaving out entry 1 of a list: its text is not "
                                               "valid UTF-8")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Invalid UTF-8 in an answer")));
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        QVERIFY(failed.isEmpty());
        const QList<Room> rooms = pages.first().first().value<QList<Room>>();
        QCOMPARE(idsOf(rooms), QStringList({QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(rooms.at(1).title, QStringLiteral("Three"));
        QCOMPARE(done.first().first().toInt(), 2);
    }

    // A required field (the id) of the wrong type costs its item; optional fields of the wrong
    // type read as absent.
    void wrongTypesCostOnlyTheirItem()
    {
        server()->setHandler([](const Request &) {
            return Response::json(200, "{\"items\":[{\"id\":5,\"title\":\"number id\"},"
                                       "{\"id\":[\"b\"],\"title\":\"list id\"},"
                                       "{\"id\":null},"
                                       "{\"id\":\"c\",\"title\":7,\"type\":[],"
                                       "\"lastActivity\":false,\"isLocked\":{}},"
                                       "{\"id\":\"d\",\"title\":\"Fine\"}]}");
        });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        for (int i = 0; i < 3; ++i)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("Skipping space %1 ").arg(i)));
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        const QList<Room> rooms = pages.first().first().value<QList<Room>>();
        QCOMPARE(idsOf(rooms), QStringList({QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(rooms.at(0).title, QString());
        QVERIFY(!rooms.at(0).lastActivity.isValid());
        QVERIFY(!rooms.at(0).isLocked);
        QCOMPARE(rooms.at(1).title, QStringLiteral("Fine"));
    }

    void aTeamThatIsNotUtf8CostsOnlyItself()
    {
        server()->setHandler([](const Request &) {
            return Response::json(200, "{\"items\":[{\"id\":\"t1\",\"name\":\"Design\"},"
                                       "{\"id\":\"t2\",\"name\":\"\xC0\xAF\"},"
                                       "{\"id\":\"t3\",\"name\":\"Ops\"}]}");
        });
        QSignalSpy teams(client(), &WebexClient::teamsFetched);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("entry 1 of a list")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("Invalid UTF-8 in an answer")));
        client()->fetchTeams();
        QVERIFY(teams.wait());
        QCOMPARE(idsOf(teams.first().first().value<QList<Team>>()),
                 QStringList({QStringLiteral("t1"), QStringLiteral("t3")}));
    }

    // A name from the wire arrives as one line, cut to a sane length: the cleaning happens
    // where the answer is read, before anything copies or folds it.
    void namesArriveAsOneLine()
    {
        QByteArray name = "Mallory\\n\\u202Egnp.exe\\u0000";
        name += QByteArray(300 * 1024, 'M');
        server()->setHandler([name](const Request &) {
            return Response::json(200, "{\"id\":\"ME\",\"displayName\":\"" + name +
                                           "\",\"emails\":[\"m@example.com\\u2028x\",5]}");
        });
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        const Person me = fetched.first().first().value<Person>();
        QVERIFY(me.displayName.startsWith(QStringLiteral("Mallory gnp.exeMMM")));
        QCOMPARE(me.displayName.size(), DisplayText::MaxLength);
        QCOMPARE(me.emails, QStringList{QStringLiteral("m@example.com x")});
    }
};

QTEST_GUILESS_MAIN(TestWebexClientItems)
#include "tst_webexclientitems.moc"
