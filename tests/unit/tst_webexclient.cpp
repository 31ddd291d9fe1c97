#include "api/apibase.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/person.h"
#include "model/room.h"
#include "webexanswers.h"
#include "webexclientfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {

using namespace WebexAnswers;

// people/me with this display name (plain ASCII, no escaping needed).
QByteArray profileNamed(const QByteArray &name)
{
    return QByteArray("{\"id\":\"ME\",\"displayName\":\"") + name +
           QByteArray("\",\"emails\":[\"t@example.com\"]}");
}

} // namespace

class TestWebexClient : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    void meSendsTheExpectedHeaders()
    {
        server()->setHandler([](const Request &) { return Response::json(200, meJson); });
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());

        QCOMPARE(fetched.first().first().value<Person>().id, QStringLiteral("ME"));
        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/v1/people/me"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QVERIFY2(request.header("TrackingID").startsWith("WebexDesk_"),
                 request.header("TrackingID").constData());
        QCOMPARE(request.header("TrackingID").size(), qsizetype(10 + 36)); // prefix + UUID
    }

    void noTokenNoAuthorizationHeader()
    {
        client()->setAccessToken(QString());
        server()->setHandler([](const Request &) { return Response::json(200, meJson); });
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QVERIFY(!server()->requests().first().hasHeader("Authorization"));
    }

    void anAnswerOverTheEndpointsLimitIsCutOffAndSaysSo()
    {
        // people/me accepts 1 MiB: a profile of 2 MiB (one huge name) is not read.
        const QByteArray huge = profileNamed(QByteArray(2 * 1024 * 1024, 'x'));
        server()->setHandler([huge](const Request &) { return Response::json(200, huge); });
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QVERIFY(fetched.isEmpty());
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY2(error.message.contains(QStringLiteral("1 MB")), qPrintable(error.message));
        QCOMPARE(server()->requests().size(), 1); // the same answer would come again: no retry

        // Just under the limit it is read.
        const QByteArray large = profileNamed(QByteArray(900 * 1024, 'y'));
        server()->setHandler([large](const Request &) { return Response::json(200, large); });
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QVERIFY(fetched.first().first().value<Person>().displayName.startsWith(u'y'));
    }

    void meThatIsNotAPersonIsAParseError()
    {
        server()->setHandler([](const Request &) { return Response::json(200, "[1,2,3]"); });
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Parse);
    }

    void pagingAcrossThreePages()
    {
        const QByteArray origin = server()->origin();
        server()->setHandler([origin](const Request &request) {
            const QUrlQuery query(request.url());
            const QString cursor = query.queryItemValue(QStringLiteral("cursor"));
            if (cursor.isEmpty()) // absolute next link, with Webex's max=null
                return Response::json(200, roomsJson({QStringLiteral("a"), QStringLiteral("b")}))
                    .withHeader("Link",
                                "<" + origin + "/v1/rooms?max=null&cursor=two>; rel=\"next\"");
            if (cursor == QLatin1String("two")) // relative next link among other relations
                return Response::json(200, roomsJson({QStringLiteral("c")}))
                    .withHeader("Link", "<" + origin +
                                            "/v1/rooms?max=1000>; rel=\"first\", "
                                            "</v1/rooms?max=1000&cursor=three>; rel=next");
            return Response::json(200, roomsJson({QStringLiteral("d"), QStringLiteral("e")}));
        });

        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        client()->fetchAllRooms();
        QVERIFY(done.wait());

        QCOMPARE(failed.size(), 0);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().toInt(), 5);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(idsOf(pages.at(0).at(0).value<QList<Room>>()),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(pages.at(0).at(1).toInt(), 1);
        QCOMPARE(idsOf(pages.at(1).at(0).value<QList<Room>>()), QStringList{QStringLiteral("c")});
        QCOMPARE(pages.at(1).at(1).toInt(), 2);
        QCOMPARE(idsOf(pages.at(2).at(0).value<QList<Room>>()),
                 QStringList({QStringLiteral("d"), QStringLiteral("e")}));
        QCOMPARE(pages.at(2).at(1).toInt(), 3);

        const QList<Request> &requests = server()->requests();
        QCOMPARE(requests.size(), 3);
        const QUrlQuery first(requests.at(0).url());
        QCOMPARE(requests.at(0).url().path(), QStringLiteral("/v1/rooms"));
        QCOMPARE(first.queryItemValue(QStringLiteral("max")), QStringLiteral("1000"));
        QCOMPARE(first.queryItemValue(QStringLiteral("sortBy")), QStringLiteral("lastactivity"));
        // max=null is asked for as a full page again.
        QCOMPARE(QUrlQuery(requests.at(1).url()).queryItemValue(QStringLiteral("max")),
                 QStringLiteral("1000"));
        QCOMPARE(QUrlQuery(requests.at(2).url()).queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("three"));
        for (const Request &request : requests)
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
    }

    void crossHostNextLinkRefused()
    {
        TestHttpServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setHandler([](const Request &) { return Response::json(200, roomsJson({})); });
        const QByteArray otherOrigin = elsewhere.origin();
        server()->setHandler([otherOrigin](const Request &) {
            return Response::json(200, roomsJson({QStringLiteral("a")}))
                .withHeader("Link", "<" + otherOrigin + "/v1/rooms?cursor=2>; rel=\"next\"");
        });

        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("another origin")));
        client()->fetchAllRooms();
        QVERIFY(failed.wait());

        QCOMPARE(pages.size(), 1); // what arrived before the bad link is still delivered
        QCOMPARE(done.size(), 0);
        QCOMPARE(elsewhere.requests().size(), 0); // the token never went there
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY(error.message.contains(QStringLiteral("127.0.0.1")));
    }

    void pagingLoopStopsWithWhatCame()
    {
        // A cursor that never moves: the pages would never end. What came is kept, and the
        // list ends there, marked as not complete.
        const QByteArray origin = server()->origin();
        server()->setHandler([origin](const Request &) {
            return Response::json(200, roomsJson({QStringLiteral("a"), QStringLiteral("b")}))
                .withHeader("Link", "<" + origin + "/v1/rooms?max=1000&cursor=same>; rel=next");
        });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Stopped following")));
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(pages.size(), 2);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(done.first().at(0).toInt(), 4);
        QCOMPARE(done.first().at(1).toBool(), false); // not complete
    }

    void aLastPageEndsTheListComplete()
    {
        server()->setHandler(
            [](const Request &) { return Response::json(200, roomsJson({QStringLiteral("a")})); });
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        QCOMPARE(done.first().at(1).toBool(), true);
    }

    void pageThatIsNotAnItemsObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << QByteArray(R"([{"id":"a"}])");
        QTest::newRow("no items") << QByteArray(R"({"rooms":[]})");
        QTest::newRow("items not array") << QByteArray(R"({"items":{"id":"a"}})");
        QTest::newRow("not json") << QByteArray("<html>oops</html>");
        QTest::newRow("empty") << QByteArray();
    }

    void pageThatIsNotAnItemsObject()
    {
        QFETCH(QByteArray, body);
        server()->setHandler([body](const Request &) { return Response::json(200, body); });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        client()->fetchAllRooms();
        QVERIFY(failed.wait());
        QCOMPARE(pages.size(), 0);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Parse);
    }

    void badItemsAreSkipped()
    {
        server()->setHandler([](const Request &) {
            return Response::json(
                200, R"({"items":[{"id":"a","title":"A"},5,{"title":"no id"},{"id":"b"}]})");
        });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipping space 1 ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipping space 2 ")));
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        QCOMPARE(idsOf(pages.first().first().value<QList<Room>>()),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(done.first().first().toInt(), 2);
    }

    void newRoomsFetchCancelsTheRunningOne()
    {
        int roomRequests = 0;
        server()->setHandler([&roomRequests](const Request &) {
            // The first answer never comes; the second fetch must not wait for it.
            if (++roomRequests == 1)
                return Response{0, {}, {}};
            return Response::json(200, roomsJson({QStringLiteral("fresh")}));
        });
        QSignalSpy received(server(), &TestHttpServer::requestReceived);
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);

        client()->fetchAllRooms();
        QVERIFY(received.wait());
        client()->fetchAllRooms();
        QVERIFY(done.wait());

        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0); // the cancelled fetch reports nothing
        QCOMPARE(pages.size(), 1);
        QCOMPARE(idsOf(pages.first().first().value<QList<Room>>()),
                 QStringList{QStringLiteral("fresh")});
    }

    void cancelAllReportsNothing()
    {
        server()->setHandler([](const Request &request) {
            if (request.target.startsWith("/v1/people/me"))
                return Response{0, {}, {}};
            return Response{200, "png", {}};
        });
        QSignalSpy received(server(), &TestHttpServer::requestReceived);
        QSignalSpy meFetched(client(), &WebexClient::meFetched);
        QSignalSpy meFailed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(received.wait());
        client()->cancelAll();

        // A later call completes normally; by then the cancelled one would have reported.
        QSignalSpy image(client(), &WebexClient::imageFetched);
        client()->fetchImage(server()->url(QStringLiteral("/a.png")));
        QVERIFY(image.wait());
        QCOMPARE(meFetched.size(), 0);
        QCOMPARE(meFailed.size(), 0);
    }

    void imageHasNoAuthorization()
    {
        TestHttpServer cdn;
        QVERIFY(cdn.listen());
        cdn.setHandler([](const Request &) { return Response{200, "cdn-bytes", {}}; });
        server()->setHandler([](const Request &) { return Response{200, "same-origin", {}}; });

        QSignalSpy fetched(client(), &WebexClient::imageFetched);
        const QUrl onCdn = cdn.url(QStringLiteral("/avatar/1600"));
        // Even an image on the API's own origin goes without the token: avatars are public.
        const QUrl onApi = server()->url(QStringLiteral("/v1/avatar.png"));
        client()->fetchImage(onCdn);
        client()->fetchImage(onApi);
        client()->fetchImage(onCdn); // already on its way: not fetched twice
        QTRY_COMPARE(fetched.size(), 2);

        QHash<QUrl, QByteArray> bytes;
        for (const QList<QVariant> &args : std::as_const(fetched))
            bytes.insert(args.at(0).toUrl(), args.at(1).toByteArray());
        QCOMPARE(bytes.value(onCdn), QByteArray("cdn-bytes"));
        QCOMPARE(bytes.value(onApi), QByteArray("same-origin"));

        QCOMPARE(cdn.requests().size(), 1);
        QCOMPARE(server()->requests().size(), 1);
        QVERIFY(!cdn.requests().first().hasHeader("Authorization"));
        QVERIFY(!server()->requests().first().hasHeader("Authorization"));
        QVERIFY(!cdn.requests().first().hasHeader("TrackingID"));
    }

    void imageFromInsecureOriginRefused_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("http remote") << QUrl(QStringLiteral("http://example.com/a.png"));
        QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd"));
        QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.com/a.png"));
        QTest::newRow("empty") << QUrl();
    }

    void imageFromInsecureOriginRefused()
    {
        QFETCH(QUrl, url);
        QSignalSpy failed(client(), &WebexClient::imageFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing")));
        client()->fetchImage(url);
        QCOMPARE(failed.size(), 0); // reported later, never from inside the call
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toUrl(), url);
        QVERIFY(failed.first().at(1).value<ApiError>().isError());
        QCOMPARE(server()->requests().size(), 0);
    }

    void rateLimitHonoursRetryAfter()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"Too Many Requests","trackingId":"R1"})")
                    .withHeader("Retry-After", "3");
            return Response::json(200, meJson);
        });
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());

        QCOMPARE(retries.size(), 1);
        const int delay = retries.first().at(2).toInt();
        QCOMPARE(delay, qRound(3000 * 0.02)); // Retry-After, scaled
        const ApiError reason = retries.first().at(1).value<ApiError>();
        QCOMPARE(reason.kind, ApiError::Kind::RateLimited);
        QCOMPARE(reason.retryAfterSeconds, 3);

        const QList<Request> &requests = server()->requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY2(gapMs(requests.at(0), requests.at(1)) >= delay,
                 qPrintable(QStringLiteral("retried after %1 ms, before %2 ms")
                                .arg(gapMs(requests.at(0), requests.at(1)))
                                .arg(delay)));
        // Same logical request, same tracking ID.
        QCOMPARE(requests.at(1).header("TrackingID"), requests.at(0).header("TrackingID"));
        QCOMPARE(requests.at(1).header("Authorization"), QByteArray("Bearer test-token"));
    }

    void rateLimitWithoutRetryAfterWaitsFifteenSeconds()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"slow down"})");
            return Response::json(200, meJson);
        });
        client()->setRetryDelayScale(0.01);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QCOMPARE(retries.size(), 1);
        const int delay = retries.first().at(2).toInt();
        QCOMPARE(delay, 150);
        QVERIFY(gapMs(server()->requests().at(0), server()->requests().at(1)) >= delay);
    }

    void rateLimitGivesUpAfterThreeRetries()
    {
        server()->setHandler([](const Request &) {
            return Response::json(429, R"({"message":"Too Many Requests"})")
                .withHeader("Retry-After", "1");
        });
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(server()->requests().size(), 1 + RetryPolicy::MaxRetries);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::RateLimited);
        QCOMPARE(error.httpStatus, 429);
        QCOMPARE(error.retryAfterSeconds, 1);
    }

    void serverErrorTwiceThenSuccess()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count <= 2)
                return Response::json(503, R"({"message":"Service Unavailable"})");
            return Response::json(200, roomsJson({QStringLiteral("a")}));
        });
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        client()->fetchAllRooms();
        QVERIFY(done.wait());

        QCOMPARE(failed.size(), 0);
        QCOMPARE(retries.size(), 2);
        const int first = retries.at(0).at(2).toInt();
        const int second = retries.at(1).at(2).toInt();
        QCOMPARE(first, qRound(1000 * 0.02));
        QCOMPARE(second, qRound(2000 * 0.02)); // exponential
        const QList<Request> &requests = server()->requests();
        QCOMPARE(requests.size(), 3);
        QVERIFY(gapMs(requests.at(0), requests.at(1)) >= first);
        QVERIFY(gapMs(requests.at(1), requests.at(2)) >= second);
        QCOMPARE(requests.at(2).url(), requests.at(0).url());
    }

    void serverErrorGivesUp()
    {
        server()->setHandler([](const Request &) {
            return Response::json(500, R"({"message":"boom","trackingId":"T500"})");
        });
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(server()->requests().size(), 1 + RetryPolicy::MaxRetries);
        QCOMPARE(retries.size(), RetryPolicy::MaxRetries);
        QCOMPARE(retries.at(2).at(2).toInt(), qRound(4000 * 0.02));
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 500);
        QCOMPARE(error.trackingId, QStringLiteral("T500"));
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("400") << 400;
        QTest::newRow("403") << 403;
        QTest::newRow("404") << 404;
        QTest::newRow("501") << 501;
    }

    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        server()->setHandler(
            [status](const Request &) { return Response::json(status, R"({"message":"no"})"); });
        QSignalSpy failed(client(), &WebexClient::meFailed);
        QSignalSpy unauthorized(client(), &WebexClient::unauthorized);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus, status);
        QCOMPARE(unauthorized.size(), 0);
    }

    void unauthorizedIsSignalled()
    {
        server()->setHandler([](const Request &) {
            return Response::json(401, R"({"message":"The request requires a valid access token )"
                                       R"(set in the Authorization request header.",)"
                                       R"("trackingId":"ROUTER_401"})")
                .withHeader("trackingid", "HDR");
        });
        QSignalSpy unauthorized(client(), &WebexClient::unauthorized);
        QSignalSpy roomsFailed(client(), &WebexClient::roomsFailed);
        client()->fetchAllRooms();
        QVERIFY(unauthorized.wait());
        QCOMPARE(unauthorized.size(), 1);
        QCOMPARE(roomsFailed.size(), 1);
        const ApiError error = unauthorized.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.trackingId, QStringLiteral("ROUTER_401"));
        QCOMPARE(server()->requests().size(), 1); // a 401 is not retried here
    }

    void unauthorizedWaitsForOneNewTokenThenRetries()
    {
        // Only the renewed token is good; the old one gets 401 as an expired token would.
        server()->setHandler([](const Request &request) {
            if (request.header("Authorization") != "Bearer renewed-token")
                return Response::json(401, R"({"message":"expired","trackingId":"ROUTER_1"})");
            if (request.url().path() == QLatin1String("/v1/people/me"))
                return Response::json(200, R"({"id":"me","displayName":"Renée"})");
            return Response::json(200, R"({"items":[{"id":"r1","title":"One","type":"group"}]})");
        });
        client()->setAccessTokenRenewal(true);
        QSignalSpy rejected(client(), &WebexClient::accessTokenRejected);
        QSignalSpy me(client(), &WebexClient::meFetched);
        QSignalSpy rooms(client(), &WebexClient::roomsFetched);
        QSignalSpy unauthorized(client(), &WebexClient::unauthorized);
        client()->fetchMe();
        client()->fetchAllRooms();
        QTRY_COMPARE(server()->requests().size(), 2);
        QTRY_COMPARE(rejected.size(), 1); // once for both calls
        QCOMPARE(me.size(), 0);

        client()->setAccessToken(QStringLiteral("renewed-token"));
        QTRY_COMPARE(me.size(), 1);
        QTRY_COMPARE(rooms.size(), 1);
        QCOMPARE(me.first().first().value<Person>().displayName, QStringLiteral("Renée"));
        QCOMPARE(server()->requests().size(), 4);
        QCOMPARE(unauthorized.size(), 0);
    }

    // Two calls side by side, one refused at once, the other refused later, after the token
    // was renewed already: the late one goes again with the new token, and nobody is asked for
    // another renewal (a race the whole suite under load showed).
    void aLate401AfterTheRenewalGoesAgainAtOnce()
    {
        server()->setHandler([](const Request &request) {
            if (request.header("Authorization") == "Bearer renewed-token") {
                if (request.url().path() == QLatin1String("/v1/people/me"))
                    return Response::json(200, R"({"id":"me","displayName":"Renée"})");
                return Response::json(200, R"({"items":[]})");
            }
            Response refused = Response::json(401, R"({"message":"expired"})");
            // The spaces' refusal is on its way longer than the renewal takes.
            if (request.url().path() == QLatin1String("/v1/rooms"))
                refused.after(300);
            return refused;
        });
        client()->setAccessTokenRenewal(true);
        QSignalSpy rejected(client(), &WebexClient::accessTokenRejected);
        QSignalSpy me(client(), &WebexClient::meFetched);
        QSignalSpy rooms(client(), &WebexClient::roomsFetched);
        client()->fetchMe();
        client()->fetchAllRooms();
        QVERIFY(rejected.wait());
        client()->setAccessToken(QStringLiteral("renewed-token")); // before the late 401
        QTRY_COMPARE(me.size(), 1);
        QTRY_COMPARE(rooms.size(), 1);
        QCOMPARE(rejected.size(), 1);
    }

    void imageRefusedWith401FailsWithoutWaitingForRenewal()
    {
        // Avatars go without a token, so a new one would not help: the image fails at once.
        server()->setHandler([](const Request &) {
            return Response::json(401, R"({"message":"no","trackingId":"CDN_1"})");
        });
        client()->setAccessTokenRenewal(true);
        QSignalSpy rejected(client(), &WebexClient::accessTokenRejected);
        QSignalSpy failed(client(), &WebexClient::imageFailed);
        const QUrl avatar = server()->url(QStringLiteral("/avatar.png"));
        client()->fetchImage(avatar);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().toUrl(), avatar);
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus, 401);
        QCOMPARE(rejected.size(), 0);
    }

    void quietRefreshAndFullRoomListDoNotReplaceEachOther()
    {
        // Both GET rooms, but they are different requests: one must not cancel the other.
        server()->setHandler(
            [](const Request &) { return Response::json(200, roomsJson({QStringLiteral("a")})); });
        QSignalSpy all(client(), &WebexClient::roomsFetched);
        QSignalSpy recent(client(), &WebexClient::recentRoomsFetched);
        client()->fetchAllRooms();
        client()->fetchRecentRooms();
        QTRY_COMPARE(all.size(), 1);
        QTRY_COMPARE(recent.size(), 1);
        QCOMPARE(server()->requests().size(), 2);
    }

    void unauthorizedAgainAfterRenewalFails()
    {
        server()->setHandler([](const Request &) {
            return Response::json(401, R"({"message":"no","trackingId":"ROUTER_2"})");
        });
        client()->setAccessTokenRenewal(true);
        QSignalSpy rejected(client(), &WebexClient::accessTokenRejected);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QTRY_COMPARE(rejected.size(), 1);
        client()->setAccessToken(QStringLiteral("also-refused"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 401);
        QCOMPARE(server()->requests().size(), 2); // one renewal, not a loop
        QCOMPARE(rejected.size(), 1);
    }

    void abandonedWaitingCallsFail()
    {
        server()->setHandler([](const Request &) {
            return Response::json(401, R"({"message":"expired","trackingId":"ROUTER_3"})");
        });
        client()->setAccessTokenRenewal(true);
        QSignalSpy rejected(client(), &WebexClient::accessTokenRejected);
        QSignalSpy failed(client(), &WebexClient::roomsFailed);
        client()->fetchAllRooms();
        QTRY_COMPARE(rejected.size(), 1);
        QCOMPARE(failed.size(), 0);
        client()->abandonWaitingCalls();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().trackingId, QStringLiteral("ROUTER_3"));
    }

    void transferTimeoutIsATimeout()
    {
        server()->setHandler([](const Request &) { return Response{0, {}, {}}; });
        client()->setTransferTimeout(200);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Timeout);
    }

    void connectionRefusedIsANetworkError()
    {
        const QUrl url = server()->url(QStringLiteral("/v1"));
        server()->close(); // nothing listens there any more
        WebexClient client(*ApiBase::fromUserInput(url.toString(), nullptr), network());
        client.setRetryDelayScale(0.01); // a GET is tried again on a refused connection
        QSignalSpy failed(&client, &WebexClient::meFailed);
        QSignalSpy retries(&client, &WebexClient::retryScheduled);
        client.fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Network);
        QCOMPARE(retries.size(), RetryPolicy::MaxRetries);
    }
};

QTEST_GUILESS_MAIN(TestWebexClient)
#include "tst_webexclient.moc"
