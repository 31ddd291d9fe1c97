#include "api/apibase.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "webexclientfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

// WebexClient's calls for teams, messages, sending, people and the recent-rooms refresh, on the
// wire of a small test server (the emulator tests in tests/emulator-client cover the real API).

namespace {

QByteArray items(const QJsonArray &array)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), array}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject messageJson(const QString &id, const QString &roomId = QStringLiteral("R1"))
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("roomId"), roomId},
            {QStringLiteral("text"), QStringLiteral("text of ") + id},
            {QStringLiteral("personId"), QStringLiteral("P1")},
            {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00.000Z")}};
}

QByteArray messagesJson(const QStringList &ids, const QString &roomId = QStringLiteral("R1"))
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(messageJson(id, roomId));
    return items(array);
}

} // namespace

class TestWebexClientMessaging : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    // --- teams -------------------------------------------------------------------------------
    void teamsAcrossPages()
    {
        const QByteArray origin = server()->origin();
        server()->setHandler([origin](const Request &request) {
            if (!request.target.contains("cursor")) {
                return Response::json(200, items({QJsonObject{{"id", "T1"}, {"name", "One"}},
                                                  QJsonObject{{"id", "T2"}, {"name", "Two"}}}))
                    .withHeader("Link",
                                "<" + origin + "/v1/teams?max=null&cursor=2>; rel=\"next\"");
            }
            return Response::json(
                200,
                items({QJsonObject{
                    {"id", "T3"}, {"name", "Three"}, {"created", "2020-01-02T03:04:05.000Z"}}}));
        });
        QSignalSpy fetched(client(), &WebexClient::teamsFetched);
        QSignalSpy failed(client(), &WebexClient::teamsFailed);
        client()->fetchTeams();
        QVERIFY(fetched.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.size(), 1); // one signal with every page's teams
        const QList<Team> teams = fetched.first().first().value<QList<Team>>();
        QCOMPARE(teams.size(), 3);
        QCOMPARE(teams.at(2).name, QStringLiteral("Three"));
        QVERIFY(teams.at(2).created.isValid());

        const QList<Request> &requests = server()->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).url().path(), QStringLiteral("/v1/teams"));
        QCOMPARE(QUrlQuery(requests.at(0).url()).queryItemValue(QStringLiteral("max")),
                 QStringLiteral("1000"));
        // max=null in the next link is replaced by a real page size.
        QCOMPARE(QUrlQuery(requests.at(1).url()).queryItemValue(QStringLiteral("max")),
                 QStringLiteral("1000"));
        QCOMPARE(requests.at(1).header("Authorization"), QByteArray("Bearer test-token"));
    }

    void teamsFailure()
    {
        server()->setHandler([](const Request &) {
            return Response::json(403, R"({"message":"Nope","trackingId":"T_1"})");
        });
        QSignalSpy failed(client(), &WebexClient::teamsFailed);
        client()->fetchTeams();
        QVERIFY(failed.wait());
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.message, QStringLiteral("Nope"));
        QCOMPARE(error.trackingId, QStringLiteral("T_1"));
    }

    // --- messages ----------------------------------------------------------------------------
    void messagesQuery_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<bool>("link");
        QTest::newRow("latest, more") << QString() << true;
        QTest::newRow("latest, all") << QString() << false;
        QTest::newRow("older, more") << QStringLiteral("M9") << true;
        QTest::newRow("older, last page") << QStringLiteral("M9") << false;
    }

    void messagesQuery()
    {
        QFETCH(QString, before);
        QFETCH(bool, link);
        const QByteArray origin = server()->origin();
        server()->setHandler([origin, link](const Request &) {
            Response response = Response::json(200, messagesJson({"M3", "M2", "M1"}));
            if (link)
                response.withHeader("Link", "<" + origin + "/v1/messages?cursor=x>; rel=\"next\"");
            return response;
        });
        QSignalSpy fetched(client(), &WebexClient::messagesFetched);
        client()->fetchMessages(QStringLiteral("R1"), before);
        QVERIFY(fetched.wait());

        QCOMPARE(fetched.first().at(0).toString(), QStringLiteral("R1"));
        QCOMPARE(idsOf(fetched.first().at(1).value<QList<Message>>()),
                 QStringList({"M3", "M2", "M1"}));
        QCOMPARE(fetched.first().at(2).toBool(), link);

        QCOMPARE(server()->requests().size(), 1); // the next link is not followed
        const QUrl url = server()->requests().first().url();
        const QUrlQuery query(url);
        QCOMPARE(url.path(), QStringLiteral("/v1/messages"));
        QCOMPARE(query.queryItemValue(QStringLiteral("roomId")), QStringLiteral("R1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("max")), QStringLiteral("50"));
        QCOMPARE(query.hasQueryItem(QStringLiteral("beforeMessage")), !before.isEmpty());
        QCOMPARE(query.queryItemValue(QStringLiteral("beforeMessage")), before);
    }

    void messagesForTheSameRoomReplaceARunningCall()
    {
        int count = 0;
        server()->setHandler([&count](const Request &request) {
            ++count;
            const QString room = QUrlQuery(request.url()).queryItemValue(QStringLiteral("roomId"));
            if (count == 1)
                return Response{0, {}, {}}; // R1, first call: never answered
            return Response::json(200, messagesJson({room + QStringLiteral("-new")}, room));
        });
        QSignalSpy received(server(), &TestHttpServer::requestReceived);
        QSignalSpy fetched(client(), &WebexClient::messagesFetched);
        QSignalSpy failed(client(), &WebexClient::messagesFailed);
        client()->fetchMessages(QStringLiteral("R1"));
        QVERIFY(received.wait());
        client()->fetchMessages(QStringLiteral("R2")); // another room: both go on
        client()->fetchMessages(QStringLiteral("R1")); // replaces the first R1 call
        QTRY_COMPARE(fetched.size(), 2);
        QTest::qWait(50);
        QCOMPARE(fetched.size(), 2);
        QCOMPARE(failed.size(), 0); // the replaced call reports nothing
        QSet<QString> rooms;
        for (const QList<QVariant> &args : std::as_const(fetched))
            rooms.insert(args.at(0).toString());
        QCOMPARE(rooms, QSet<QString>({QStringLiteral("R1"), QStringLiteral("R2")}));
    }

    void messagesFailureNamesTheRoom()
    {
        server()->setHandler([](const Request &) {
            return Response::json(404, R"({"message":"Could not find a room","trackingId":"X"})");
        });
        QSignalSpy failed(client(), &WebexClient::messagesFailed);
        client()->fetchMessages(QStringLiteral("GONE"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("GONE"));
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus, 404);
    }

    void messagesRetriedAfter503()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(503, R"({"message":"busy"})");
            return Response::json(200, messagesJson({"M1"}));
        });
        QSignalSpy fetched(client(), &WebexClient::messagesFetched);
        client()->fetchMessages(QStringLiteral("R1"));
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 2); // a GET may be repeated
    }

    // --- sending -----------------------------------------------------------------------------
    void sendPostsMarkdown()
    {
        server()->setHandler([](const Request &) {
            QJsonObject sent = messageJson(QStringLiteral("SERVER-ID"));
            sent.insert(QStringLiteral("markdown"), QStringLiteral("**hi** \u00e9"));
            return Response::json(200, QJsonDocument(sent).toJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("**hi** \u00e9"),
                              QStringLiteral("tag-1"));
        QVERIFY(sent.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sent.first().at(0).toString(), QStringLiteral("tag-1"));
        QCOMPARE(sent.first().at(1).value<Message>().id, QStringLiteral("SERVER-ID"));

        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/v1/messages"));
        QVERIFY(request.header("Content-Type").startsWith("application/json"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QStringLiteral("roomId")).toString(), QStringLiteral("R1"));
        QCOMPARE(body.value(QStringLiteral("markdown")).toString(),
                 QStringLiteral("**hi** \u00e9"));
        QCOMPARE(body.size(), 2);
    }

    void sendNotRetriedAfterAServerError_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("502") << 502;
        QTest::newRow("503") << 503;
        QTest::newRow("504") << 504;
        QTest::newRow("400") << 400;
    }

    void sendNotRetriedAfterAServerError()
    {
        QFETCH(int, status);
        server()->setHandler([status](const Request &) {
            return Response::json(status, R"({"message":"It broke","trackingId":"S_1"})");
        });
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("hello"),
                              QStringLiteral("tag-2"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("tag-2"));
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.message, QStringLiteral("It broke"));
        QTest::qWait(100); // a retry (20 ms scaled) would have arrived by now
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(retries.size(), 0);
    }

    void sendRetriedAfterRateLimit()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"slow down"})")
                    .withHeader("Retry-After", "2");
            return Response::json(200, QJsonDocument(messageJson(QStringLiteral("S2"))).toJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("hello"),
                              QStringLiteral("tag-3"));
        QVERIFY(sent.wait());
        QCOMPARE(server()->requests().size(), 2);
        const int delay = retries.first().at(2).toInt();
        QCOMPARE(delay, qRound(2000 * 0.02));
        QVERIFY(gapMs(server()->requests().at(0), server()->requests().at(1)) >= delay);
        // The same body both times.
        QCOMPARE(server()->requests().at(1).body, server()->requests().at(0).body);
    }

    void sendRetriedAfterConnectionRefused()
    {
        const quint16 port = server()->port();
        server()->close(); // refused: the message never left
        server()->setHandler([](const Request &) {
            return Response::json(200, QJsonDocument(messageJson(QStringLiteral("S3"))).toJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        client()->setRetryDelayScale(0.2); // 200 ms: time to listen again before the retry
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("hello"),
                              QStringLiteral("tag-4"));
        QVERIFY(retries.wait());
        QVERIFY(server()->listen(port));
        QVERIFY(sent.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(sent.first().at(1).value<Message>().id, QStringLiteral("S3"));
    }

    void sendTimeoutIsNotRetried()
    {
        server()->setHandler([](const Request &) { return Response{0, {}, {}}; });
        client()->setTransferTimeout(200);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("hello"),
                              QStringLiteral("tag-5"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Timeout);
        QTest::qWait(100);
        QCOMPARE(server()->requests().size(), 1); // it may have been posted: not sent again
    }

    void sendRefusedBeforeTheNetwork_data()
    {
        QTest::addColumn<QString>("roomId");
        QTest::addColumn<QString>("markdown");
        QTest::newRow("empty") << QStringLiteral("R1") << QString();
        QTest::newRow("blank") << QStringLiteral("R1") << QStringLiteral(" \n ");
        QTest::newRow("no room") << QString() << QStringLiteral("hi");
        QTest::newRow("7440 bytes") << QStringLiteral("R1") << QString(7440, QLatin1Char('x'));
        // 3720 two-byte characters: 7440 bytes, although only 3720 characters.
        QTest::newRow("7440 bytes of UTF-8")
            << QStringLiteral("R1") << QString(3720, QChar(0x00e9));
    }

    void sendRefusedBeforeTheNetwork()
    {
        QFETCH(QString, roomId);
        QFETCH(QString, markdown);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendMessage(roomId, markdown, QStringLiteral("tag-6"));
        QCOMPARE(failed.size(), 0); // never from inside the call
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("tag-6"));
        QVERIFY(!failed.first().at(1).value<ApiError>().userMessage().isEmpty());
        QCOMPARE(server()->requests().size(), 0);
    }

    void sendAtTheLimitGoesOut()
    {
        server()->setHandler([](const Request &) {
            return Response::json(200, QJsonDocument(messageJson(QStringLiteral("S7"))).toJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        client()->sendMessage(QStringLiteral("R1"), QString(7439, QLatin1Char('x')),
                              QStringLiteral("tag-7"));
        QVERIFY(sent.wait());
    }

    // --- people ------------------------------------------------------------------------------
    void peopleInBatchesOf85()
    {
        server()->setHandler([](const Request &request) {
            const QStringList ids = QUrlQuery(request.url())
                                        .queryItemValue(QStringLiteral("id"))
                                        .split(QLatin1Char(','));
            QJsonArray array;
            for (const QString &id : ids) {
                if (id != QLatin1String("P7")) // one unknown person: left out, as Webex does
                    array.append(QJsonObject{{"id", id}, {"displayName", "Name " + id}});
            }
            return Response::json(200, items(array));
        });
        QStringList asked;
        for (int i = 0; i < 200; ++i)
            asked.append(QStringLiteral("P%1").arg(i));
        asked += asked.mid(0, 30); // duplicates
        asked.append(QString());   // and an empty id
        QSignalSpy fetched(client(), &WebexClient::peopleFetched);
        QSignalSpy batches(client(), &WebexClient::peopleBatchFetched);
        client()->fetchPeople(asked);
        QTRY_COMPARE(batches.size(), 3); // 85 + 85 + 30

        QCOMPARE(server()->requests().size(), 3);
        QSet<QString> requested;
        int total = 0;
        for (const Request &request : server()->requests()) {
            QCOMPARE(request.url().path(), QStringLiteral("/v1/people"));
            const QStringList ids = QUrlQuery(request.url())
                                        .queryItemValue(QStringLiteral("id"))
                                        .split(QLatin1Char(','));
            QVERIFY(ids.size() <= 85);
            total += int(ids.size());
            for (const QString &id : ids)
                requested.insert(id);
        }
        QCOMPARE(total, 200); // no id twice
        QCOMPARE(requested.size(), 200);
        QVERIFY(!requested.contains(QString()));

        int people = 0;
        QSet<QString> batchIds;
        for (int i = 0; i < fetched.size(); ++i) {
            people += int(fetched.at(i).first().value<QList<Person>>().size());
            for (const QString &id : batches.at(i).first().toStringList())
                batchIds.insert(id);
        }
        QCOMPARE(people, 199);
        QCOMPARE(batchIds, requested);
    }

    void peopleFailureNamesTheBatch()
    {
        server()->setHandler(
            [](const Request &) { return Response::json(400, R"({"message":"bad id"})"); });
        QSignalSpy failed(client(), &WebexClient::peopleFailed);
        client()->fetchPeople({QStringLiteral("A"), QStringLiteral("B")});
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toStringList(), QStringList({"A", "B"}));
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus, 400);
    }

    // --- recent rooms ------------------------------------------------------------------------
    void recentRoomsIsOneRequest()
    {
        const QByteArray origin = server()->origin();
        server()->setHandler([origin](const Request &) {
            return Response::json(200, items({QJsonObject{{"id", "R1"}, {"title", "One"}},
                                              QJsonObject{{"id", "R2"}, {"title", "Two"}}}))
                .withHeader("Link", "<" + origin + "/v1/rooms?cursor=2>; rel=\"next\"");
        });
        QSignalSpy fetched(client(), &WebexClient::recentRoomsFetched);
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        client()->fetchRecentRooms();
        QVERIFY(fetched.wait());
        QCOMPARE(fetched.first().first().value<QList<Room>>().size(), 2);
        QTest::qWait(50);
        QCOMPARE(server()->requests().size(), 1); // the first page only
        QCOMPARE(pages.size(), 0);                // not mistaken for the full list
        const QUrlQuery query(server()->requests().first().url());
        QCOMPARE(server()->requests().first().url().path(), QStringLiteral("/v1/rooms"));
        QCOMPARE(query.queryItemValue(QStringLiteral("sortBy")), QStringLiteral("lastactivity"));
        QCOMPARE(query.queryItemValue(QStringLiteral("max")), QStringLiteral("100"));
    }

    void recentRoomsFailureIsARoomsFailure()
    {
        server()->setHandler([](const Request &) {
            return Response::json(401,
                                  R"({"message":"The request requires a valid access token"})");
        });
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        QSignalSpy unauthorized(client(), &WebexClient::unauthorized);
        client()->fetchRecentRooms();
        QVERIFY(failed.wait());
        QCOMPARE(unauthorized.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientMessaging)
#include "tst_webexclientmessaging.moc"
