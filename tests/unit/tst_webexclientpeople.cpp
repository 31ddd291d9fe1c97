#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/membership.h"
#include "model/message.h"
#include "model/person.h"
#include "webexclientfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

// WebexClient's people and mentions on the wire of a small test server: the mentions of a
// space, its members (every page), people found by name or address with one search in flight,
// and a message to one person (toPersonEmail).

namespace {

QByteArray items(const QJsonArray &array)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), array}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject message(const QString &id)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("roomId"), QStringLiteral("R1")},
            {QStringLiteral("text"), QStringLiteral("Ana, look")},
            {QStringLiteral("personId"), QStringLiteral("P2")},
            {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00.000Z")}};
}

QJsonObject member(const QString &person, const QString &name)
{
    return {{QStringLiteral("id"), QStringLiteral("MB_") + person},
            {QStringLiteral("roomId"), QStringLiteral("R1")},
            {QStringLiteral("personId"), person},
            {QStringLiteral("personEmail"), person.toLower() + QStringLiteral("@example.com")},
            {QStringLiteral("personDisplayName"), name}};
}

QJsonObject person(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), name},
            {QStringLiteral("emails"), QJsonArray{id.toLower() + QStringLiteral("@example.com")}}};
}

} // namespace

class TestWebexClientPeople : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    void mentionsAreAskedForPerSpace()
    {
        server()->setHandler([](const Request &) {
            return Response::json(
                200, items({message(QStringLiteral("M1")), message(QStringLiteral("M2"))}));
        });
        QSignalSpy fetched(client(), &WebexClient::mentionsFetched);
        client()->fetchMentions(QStringLiteral("R1"));
        QVERIFY(fetched.wait());
        QCOMPARE(fetched.first().at(0).toString(), QStringLiteral("R1"));
        QCOMPARE(fetched.first().at(1).value<QList<Message>>().size(), 2);
        const QUrlQuery query(server()->requests().first().url());
        QCOMPARE(server()->requests().first().url().path(), QStringLiteral("/v1/messages"));
        QCOMPARE(query.queryItemValue(QStringLiteral("roomId")), QStringLiteral("R1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("mentionedPeople")), QStringLiteral("me"));
        QCOMPARE(query.queryItemValue(QStringLiteral("max")),
                 QString::number(WebexClient::MentionsPageSize));
    }

    void membersComeFromEveryPage()
    {
        server()->setHandler([this](const Request &request) {
            if (!QUrlQuery(request.url()).hasQueryItem(QStringLiteral("cursor")))
                return Response::json(200,
                                      items({member(QStringLiteral("P1"), QStringLiteral("Ana"))}))
                    .withHeader("Link",
                                "<" +
                                    server()
                                        ->url(QStringLiteral("/v1/memberships?cursor=2&max=1000"))
                                        .toEncoded() +
                                    ">; rel=\"next\"");
            return Response::json(
                200, items({member(QStringLiteral("P2"), QStringLiteral("Ben")),
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("X")}}}));
        });
        QSignalSpy fetched(client(), &WebexClient::membersFetched);
        client()->fetchMembers(QStringLiteral("R1"));
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 2);
        const QList<Membership> members = fetched.first().at(1).value<QList<Membership>>();
        QCOMPARE(members.size(), 2); // the entry without a person is skipped
        QCOMPARE(members.at(1).personDisplayName, QStringLiteral("Ben"));
        QCOMPARE(members.at(1).personEmail, QStringLiteral("p2@example.com"));
        QCOMPARE(
            QUrlQuery(server()->requests().first().url()).queryItemValue(QStringLiteral("roomId")),
            QStringLiteral("R1"));
    }

    void aSearchByNameOrByAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        QTest::newRow("name") << QStringLiteral(" Emily ") << QStringLiteral("displayName")
                              << QStringLiteral("Emily");
        QTest::newRow("address") << QStringLiteral("ana@example.com") << QStringLiteral("email")
                                 << QStringLiteral("ana@example.com");
        QTest::newRow("a line break is no search")
            << QStringLiteral("Em\nily") << QStringLiteral("displayName")
            << QStringLiteral("Em ily");
    }

    void aSearchByNameOrByAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        server()->setHandler([](const Request &) {
            return Response::json(200,
                                  items({person(QStringLiteral("P1"), QStringLiteral("Emily"))}));
        });
        QSignalSpy found(client(), &WebexClient::peopleFound);
        client()->searchPeople(text);
        QVERIFY(found.wait());
        QCOMPARE(found.first().at(0).toString(), text);
        QCOMPARE(found.first().at(1).value<QList<Person>>().size(), 1);
        const QUrlQuery query(server()->requests().first().url());
        QCOMPARE(query.queryItemValue(parameter), value);
        QCOMPARE(query.queryItemValue(QStringLiteral("max")),
                 QString::number(WebexClient::PeopleSearchSize));
    }

    void aNewSearchReplacesTheRunningOne()
    {
        int calls = 0;
        server()->setHandler([&calls](const Request &request) {
            ++calls;
            if (QUrlQuery(request.url()).queryItemValue(QStringLiteral("displayName")) ==
                QStringLiteral("E")) {
                Response r;
                r.status = 0; // the first never answers: the second takes its place
                return r;
            }
            return Response::json(200,
                                  items({person(QStringLiteral("P1"), QStringLiteral("Emily"))}));
        });
        QSignalSpy found(client(), &WebexClient::peopleFound);
        QSignalSpy failed(client(), &WebexClient::peopleSearchFailed);
        client()->searchPeople(QStringLiteral("E"));
        QTRY_COMPARE(calls, 1);
        client()->searchPeople(QStringLiteral("Em"));
        QVERIFY(found.wait());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).toString(), QStringLiteral("Em"));
        QCOMPARE(failed.size(), 0); // the replaced one says nothing
    }

    void anEmptySearchAsksNothing()
    {
        QSignalSpy failed(client(), &WebexClient::peopleSearchFailed);
        client()->searchPeople(QStringLiteral("   "));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Local);
        QCOMPARE(server()->requests().size(), 0);
    }

    void aDirectMessageGoesToTheAddress()
    {
        QJsonObject answer = message(QStringLiteral("M9"));
        answer.insert(QStringLiteral("roomId"), QStringLiteral("DIRECT"));
        answer.insert(QStringLiteral("roomType"), QStringLiteral("direct"));
        server()->setHandler([answer](const Request &) {
            return Response::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        client()->sendDirectMessage(QStringLiteral("ana@example.com"), QStringLiteral("hi"),
                                    QStringLiteral("t1"));
        QVERIFY(sent.wait());
        QCOMPARE(sent.first().at(0).toString(), QStringLiteral("t1"));
        QCOMPARE(sent.first().at(1).value<Message>().roomId, QStringLiteral("DIRECT"));
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QStringLiteral("toPersonEmail")).toString(),
                 QStringLiteral("ana@example.com"));
        QCOMPARE(body.value(QStringLiteral("markdown")).toString(), QStringLiteral("hi"));
        QVERIFY(!body.contains(QStringLiteral("roomId")));
    }

    void aDirectMessageToNoAddressIsRefused_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("markdown");
        QTest::newRow("no at") << QStringLiteral("ana") << QStringLiteral("hi");
        QTest::newRow("two lines") << QStringLiteral("a@b.c\nBcc: x@y.z") << QStringLiteral("hi");
        QTest::newRow("a space") << QStringLiteral("a b@c.d") << QStringLiteral("hi");
        QTest::newRow("empty text") << QStringLiteral("a@b.c") << QStringLiteral("  ");
    }

    void aDirectMessageToNoAddressIsRefused()
    {
        QFETCH(QString, address);
        QFETCH(QString, markdown);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendDirectMessage(address, markdown, QStringLiteral("t"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Local);
        QCOMPARE(server()->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientPeople)
#include "tst_webexclientpeople.moc"
