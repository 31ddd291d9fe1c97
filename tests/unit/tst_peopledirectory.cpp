#include "api/apibase.h"
#include "api/webexclient.h"
#include "model/peopledirectory.h"
#include "testhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using Response = TestHttpServer::Response;
using Request = TestHttpServer::Request;

namespace {

QStringList idsIn(const Request &request)
{
    return QUrlQuery(request.url())
        .queryItemValue(QStringLiteral("id"))
        .split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QStringList people(int from, int count)
{
    QStringList out;
    for (int i = from; i < from + count; ++i)
        out.append(QStringLiteral("P%1").arg(i));
    return out;
}

} // namespace

class TestPeopleDirectory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebexClient> m_client;
    std::unique_ptr<PeopleDirectory> m_directory;
    QSet<QString> m_unknown; // ids the server leaves out of its answer
    int m_failStatus = 0;

private slots:
    void init()
    {
        m_unknown.clear();
        m_failStatus = 0;
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_server->setHandler([this](const Request &request) {
            if (m_failStatus)
                return Response::json(m_failStatus, R"({"message":"failed"})");
            QJsonArray items;
            for (const QString &id : idsIn(request)) {
                if (!m_unknown.contains(id))
                    items.append(QJsonObject{{"id", id}, {"displayName", "Name of " + id}});
            }
            return Response::json(
                200, QJsonDocument(QJsonObject{{"items", items}}).toJson(QJsonDocument::Compact));
        });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<WebexClient>(
            *ApiBase::fromUserInput(m_server->url(QStringLiteral("/v1")).toString(), nullptr),
            m_network.get());
        m_client->setAccessToken(QStringLiteral("t"));
        m_directory = std::make_unique<PeopleDirectory>(m_client.get());
    }

    void cleanup()
    {
        m_directory.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void asksOfOneTurnGoTogether()
    {
        QSignalSpy changed(m_directory.get(), &PeopleDirectory::peopleChanged);
        // 120 senders asked for in many small calls in one turn, with repeats.
        for (int i = 0; i < 120; i += 10) {
            m_directory->request(people(i, 10));
            m_directory->request(people(0, 5));
        }
        QCOMPARE(m_server->requests().size(), 0); // nothing before the next turn
        QCOMPARE(m_directory->pendingCount(), 120);
        QTRY_COMPARE(m_directory->pendingCount(), 0);

        QCOMPARE(m_server->requests().size(), 2);
        QSet<QString> asked;
        int total = 0;
        for (const Request &request : m_server->requests()) {
            const QStringList ids = idsIn(request);
            QVERIFY(ids.size() <= 85);
            total += int(ids.size());
            asked.unite(QSet<QString>(ids.cbegin(), ids.cend()));
        }
        QCOMPARE(total, 120);
        QCOMPARE(asked.size(), 120);
        QCOMPARE(m_directory->person(QStringLiteral("P7"))->displayName,
                 QStringLiteral("Name of P7"));

        QSet<QString> announced;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QStringList ids = args.first().toStringList();
            announced.unite(QSet<QString>(ids.cbegin(), ids.cend()));
        }
        QCOMPARE(announced, asked);

        // Known now: asking again sends nothing.
        m_directory->request(people(0, 120));
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void inFlightIdsAreNotAskedTwice()
    {
        m_directory->request(people(0, 3));
        QTRY_COMPARE(m_server->requests().size(), 1); // sent, the answer may still be coming
        m_directory->request(people(0, 3));
        QTRY_COMPARE(m_directory->pendingCount(), 0);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void unknownPeopleAreNotAskedForAgainAtOnce()
    {
        m_unknown = {QStringLiteral("P1")};
        QSignalSpy changed(m_directory.get(), &PeopleDirectory::peopleChanged);
        m_directory->request(people(0, 3));
        QTRY_COMPARE(m_directory->pendingCount(), 0);
        QVERIFY(!m_directory->person(QStringLiteral("P1")));
        QVERIFY(m_directory->person(QStringLiteral("P2")));
        // Announced too, so views stop waiting for a name.
        QVERIFY(changed.first().first().toStringList().contains(QStringLiteral("P1")));

        m_directory->request({QStringLiteral("P1")});
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1);

        // After the retry period it is asked for again.
        m_directory->setRetryAfterFailure(0);
        m_directory->request({QStringLiteral("P1")});
        QTRY_COMPARE(m_server->requests().size(), 2);
        QCOMPARE(idsIn(m_server->requests().last()), QStringList{QStringLiteral("P1")});
    }

    void failuresAreRememberedForAWhile()
    {
        m_failStatus = 400;
        m_directory->request(people(0, 5));
        QTRY_COMPARE(m_directory->pendingCount(), 0);
        QCOMPARE(m_server->requests().size(), 1);
        for (int i = 0; i < 10; ++i) // every message row asking again: no storm
            m_directory->request(people(0, 5));
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1);

        m_failStatus = 0;
        m_directory->setRetryAfterFailure(0);
        m_directory->request(people(0, 5));
        QTRY_VERIFY(m_directory->person(QStringLiteral("P4")).has_value());
        QCOMPARE(m_server->requests().size(), 2);
    }

    void insertFillsTheCacheWithoutARequest()
    {
        Person me;
        me.id = QStringLiteral("ME");
        me.displayName = QStringLiteral("Me");
        QSignalSpy changed(m_directory.get(), &PeopleDirectory::peopleChanged);
        m_directory->insert(me);
        QCOMPARE(changed.size(), 1);
        m_directory->request({QStringLiteral("ME"), QString()});
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(m_directory->person(QStringLiteral("ME"))->displayName, QStringLiteral("Me"));
    }

    void knownAnswersFromTheCacheOnly()
    {
        Person ada;
        ada.id = QStringLiteral("ADA");
        ada.displayName = QStringLiteral("Ada");
        Person grace;
        grace.id = QStringLiteral("GRACE");
        grace.displayName = QStringLiteral("Grace");
        m_directory->insert(ada);
        m_directory->insert(grace);

        // Unknown and empty ids are left out, duplicates come once, the order is the caller's.
        const QList<Person> known =
            m_directory->known({QStringLiteral("GRACE"), QStringLiteral("NOBODY"), QString(),
                                QStringLiteral("ADA"), QStringLiteral("GRACE")});
        QCOMPARE(known.size(), 2);
        QCOMPARE(known.at(0).displayName, QStringLiteral("Grace"));
        QCOMPARE(known.at(1).displayName, QStringLiteral("Ada"));
        QVERIFY(m_directory->known({QStringLiteral("NOBODY")}).isEmpty());
        QTest::qWait(20);
        QCOMPARE(m_server->requests().size(), 0); // asking the cache sends nothing
    }
};

QTEST_GUILESS_MAIN(TestPeopleDirectory)
#include "tst_peopledirectory.moc"
