// When WebexClient tries a call again, how often, after how long, and what it says meanwhile:
// RetryPolicy's rules on their own (which errors, the budget, the backoff and its jitter,
// Retry-After), then the same on the wire against TestHttpServer (cut-off answers, resets,
// refused connections, a silent server, POSTs that may have arrived, Retry now).

#include "api/apibase.h"
#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "api/webexclient.h"
#include "model/message.h"
#include "model/person.h"
#include "webexanswers.h"
#include "webexclientfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <QSet>

#include <optional>

Q_DECLARE_METATYPE(TestHttpServer::Response)

namespace {

using namespace WebexAnswers;

QByteArray sentMessageJson()
{
    const QJsonObject message{
        {QStringLiteral("id"), QStringLiteral("SENT")},
        {QStringLiteral("roomId"), QStringLiteral("R1")},
        {QStringLiteral("personId"), QStringLiteral("ME")},
        {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00.000Z")}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

ApiError httpError(int status, int retryAfterSeconds = -1)
{
    ApiError error;
    // As ApiError::fromReply names them.
    error.kind = status == 429 || (status == 423 && retryAfterSeconds >= 0)
                     ? ApiError::Kind::RateLimited
                     : ApiError::Kind::Http;
    error.httpStatus = status;
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

ApiError transportError(ApiError::Kind kind, QNetworkReply::NetworkError networkError,
                        int status = 0)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.networkError = int(networkError);
    return error;
}

} // namespace

class TestWebexClientRetries : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    // ---- the rules ---------------------------------------------------------------------------

    void causeOfEachError_data()
    {
        using Cause = RetryPolicy::Cause;
        using Kind = ApiError::Kind;
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<int>("cause");
        QTest::newRow("429") << httpError(429) << int(Cause::RateLimited);
        QTest::newRow("423 with Retry-After: scanning")
            << httpError(423, 3) << int(Cause::Scanning);
        QTest::newRow("423 without Retry-After") << httpError(423) << int(Cause::Final);
        QTest::newRow("408") << httpError(408) << int(Cause::ServerError);
        for (int status : {500, 502, 503, 504})
            QTest::addRow("%d", status) << httpError(status) << int(Cause::ServerError);
        for (int status : {400, 401, 403, 404, 409, 501, 505})
            QTest::addRow("%d", status) << httpError(status) << int(Cause::Final);
        QTest::newRow("refused") << transportError(Kind::Network,
                                                   QNetworkReply::ConnectionRefusedError)
                                 << int(Cause::Connection);
        QTest::newRow("reset before an answer")
            << transportError(Kind::Network, QNetworkReply::RemoteHostClosedError)
            << int(Cause::Connection);
        QTest::newRow("host not found")
            << transportError(Kind::Network, QNetworkReply::HostNotFoundError)
            << int(Cause::Connection);
        QTest::newRow("network unreachable")
            << transportError(Kind::Network, QNetworkReply::UnknownNetworkError)
            << int(Cause::Connection);
        QTest::newRow("proxy refused")
            << transportError(Kind::Network, QNetworkReply::ProxyConnectionRefusedError)
            << int(Cause::Connection);
        QTest::newRow("bad scheme")
            << transportError(Kind::Network, QNetworkReply::ProtocolUnknownError)
            << int(Cause::Final);
        QTest::newRow("cut off") << transportError(Kind::CutOff,
                                                   QNetworkReply::RemoteHostClosedError, 200)
                                 << int(Cause::CutOff);
        QTest::newRow("timeout") << transportError(Kind::Timeout, QNetworkReply::TimeoutError)
                                 << int(Cause::Timeout);
        QTest::newRow("tls") << transportError(Kind::Tls, QNetworkReply::SslHandshakeFailedError)
                             << int(Cause::Final);
        QTest::newRow("bad json, complete")
            << ApiError::parseError(QStringLiteral("not JSON")) << int(Cause::Final);
    }

    void causeOfEachError()
    {
        QFETCH(ApiError, error);
        QFETCH(int, cause);
        QCOMPARE(int(RetryPolicy::causeOf(error)), cause);
    }

    void onlyWhatSurelyDidNotArriveMayBeSentAgain_data()
    {
        using Kind = ApiError::Kind;
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<bool>("again");
        QTest::newRow("429: refused by Webex") << httpError(429) << true;
        QTest::newRow("refused connection")
            << transportError(Kind::Network, QNetworkReply::ConnectionRefusedError) << true;
        QTest::newRow("500") << httpError(500) << false;
        QTest::newRow("503 with Retry-After") << httpError(503, 5) << false;
        QTest::newRow("reset") << transportError(Kind::Network,
                                                 QNetworkReply::RemoteHostClosedError)
                               << false;
        QTest::newRow("host not found")
            << transportError(Kind::Network, QNetworkReply::HostNotFoundError) << false;
        QTest::newRow("cut off") << transportError(Kind::CutOff,
                                                   QNetworkReply::RemoteHostClosedError, 200)
                                 << false;
        QTest::newRow("timeout") << transportError(Kind::Timeout, QNetworkReply::TimeoutError)
                                 << false;
    }

    void onlyWhatSurelyDidNotArriveMayBeSentAgain()
    {
        QFETCH(ApiError, error);
        QFETCH(bool, again);
        QCOMPARE(RetryPolicy::surelyNotApplied(error), again);
    }

    void theBudgetOfOneCall()
    {
        using Cause = RetryPolicy::Cause;
        RetryPolicy::Counts counts;
        QVERIFY(!counts.allow(Cause::Final));
        // Rate limits and failures have budgets of their own.
        for (int i = 0; i < RetryPolicy::MaxRetries; ++i) {
            QVERIFY(counts.allow(Cause::RateLimited));
            counts.count(Cause::RateLimited);
        }
        QVERIFY(!counts.allow(Cause::RateLimited));
        QVERIFY(counts.allow(Cause::ServerError));

        // Server errors, connections and cut-off answers share one.
        counts.count(Cause::ServerError);
        counts.count(Cause::Connection);
        QVERIFY(counts.allow(Cause::CutOff));
        counts.count(Cause::CutOff);
        QVERIFY(!counts.allow(Cause::ServerError));
        QVERIFY(!counts.allow(Cause::Connection));

        // A timeout gets one retry, out of the failures' budget.
        RetryPolicy::Counts silent;
        QVERIFY(silent.allow(Cause::Timeout));
        silent.count(Cause::Timeout);
        QVERIFY(!silent.allow(Cause::Timeout));
        QVERIFY(silent.allow(Cause::ServerError));
        QCOMPARE(silent.failures, 1);

        // A file being scanned waits longer than a rate limit lasts: a budget of its own, which
        // takes nothing from the others.
        RetryPolicy::Counts scanned;
        QVERIFY(RetryPolicy::MaxScanRetries > RetryPolicy::MaxRetries);
        for (int i = 0; i < RetryPolicy::MaxScanRetries; ++i) {
            QVERIFY(scanned.allow(Cause::Scanning));
            scanned.count(Cause::Scanning);
        }
        QVERIFY(!scanned.allow(Cause::Scanning));
        QVERIFY(scanned.allow(Cause::RateLimited));
        QVERIFY(scanned.allow(Cause::ServerError));
        QCOMPARE(scanned.rateLimits, 0);
        QCOMPARE(scanned.failures, 0);
    }

    void backoffDoublesWithEqualJitterUpToACap_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("full");
        QTest::newRow("1") << 1 << 1000;
        QTest::newRow("2") << 2 << 2000;
        QTest::newRow("3") << 3 << 4000;
        QTest::newRow("6") << 6 << 30000;   // 32 s, capped
        QTest::newRow("40") << 40 << 30000; // no overflow
        QTest::newRow("0") << 0 << 1000;    // nonsense counts as the first
    }

    void backoffDoublesWithEqualJitterUpToACap()
    {
        QFETCH(int, attempt);
        QFETCH(int, full);
        RetryPolicy policy;
        policy.setRandomSource([] { return 0.0; });
        QCOMPARE(policy.backoffMs(attempt), full / 2);
        policy.setRandomSource([] { return 1.0; });
        QCOMPARE(policy.backoffMs(attempt), full);
        policy.setRandomSource([] { return 0.5; });
        QCOMPARE(policy.backoffMs(attempt), full / 2 + full / 4);
        policy.setRandomSource([] { return 7.0; }); // a bad source is clamped
        QCOMPARE(policy.backoffMs(attempt), full);
        policy.setRandomSource([] { return -1.0; });
        QCOMPARE(policy.backoffMs(attempt), full / 2);

        // The real source stays within [full/2, full] and spreads.
        policy.setRandomSource({});
        QSet<int> seen;
        for (int i = 0; i < 200; ++i) {
            const int delay = policy.backoffMs(attempt);
            QVERIFY2(delay >= full / 2 && delay <= full, qPrintable(QString::number(delay)));
            seen.insert(delay);
        }
        QVERIFY2(seen.size() > 10, "the jitter should spread the delays");
    }

    void waitsWhatRetryAfterSaysWithinBounds_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<int>("expected"); // -1: no retry
        QTest::newRow("429, 7 s") << httpError(429, 7) << 7000;
        QTest::newRow("429, 0 s: at least 1 s") << httpError(429, 0) << 1000;
        QTest::newRow("429 without: 15 s") << httpError(429) << 15000;
        QTest::newRow("429, an hour") << httpError(429, 3600) << 3600 * 1000;
        QTest::newRow("429, more than an hour: fail") << httpError(429, 3601) << -1;
        QTest::newRow("429, a day: fail")
            << httpError(429, ApiError::RetryAfterCeilingSeconds) << -1;
        QTest::newRow("503, 5 s") << httpError(503, 5) << 5000;
        QTest::newRow("503, more than an hour: fail") << httpError(503, 7200) << -1;
        QTest::newRow("503 without: backoff") << httpError(503) << 1000;
        QTest::newRow("500 ignores Retry-After") << httpError(500, 50) << 1000;
    }

    void waitsWhatRetryAfterSaysWithinBounds()
    {
        QFETCH(ApiError, error);
        QFETCH(int, expected);
        RetryPolicy policy;
        // Retry-After is a minimum: no jitter takes anything off it.
        for (double random : {0.0, 1.0}) {
            policy.setRandomSource([random] { return random; });
            const std::optional<int> delay = policy.delayMs(error, 1);
            if (expected < 0) {
                QVERIFY(!delay);
                continue;
            }
            QVERIFY(delay);
            const bool retryAfterCounts = error.kind == ApiError::Kind::RateLimited ||
                                          (error.httpStatus == 503 && error.retryAfterSeconds >= 0);
            if (retryAfterCounts)
                QCOMPARE(*delay, expected);
            else
                QCOMPARE(*delay, random == 0.0 ? expected / 2 : expected);
        }
    }

    // ---- on the wire -------------------------------------------------------------------------

    void aCutOffAnswerIsRetriedLikeA500()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1) // Content-Length says all of it; 12 bytes come
                return Response::json(200, meJson).cutOffAfter(12);
            return Response::json(200, meJson);
        });
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().at(1).value<ApiError>().kind, ApiError::Kind::CutOff);
        QCOMPARE(retries.first().at(2).toInt(), qRound(1000 * 0.02)); // backoff, as for a 500
        QCOMPARE(fetched.first().first().value<Person>().id, QStringLiteral("ME"));
    }

    void anAnswerAlwaysCutOffGivesUpAndSaysSo()
    {
        server()->setHandler(
            [](const Request &) { return Response::json(200, meJson).cutOffAfter(5); });
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(server()->requests().size(), 1 + RetryPolicy::MaxRetries);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::CutOff);
        QVERIFY2(error.userMessage().contains(QStringLiteral("broke off")),
                 qPrintable(error.userMessage()));
    }

    void badJsonInACompleteAnswerIsNotRetried()
    {
        // The same bytes would come again: the difference from a cut-off answer is that this
        // one arrived whole (as many bytes as Content-Length said).
        server()->setHandler(
            [](const Request &) { return Response::json(200, R"({"id":"ME","displayName":)"); });
        QSignalSpy failed(client(), &WebexClient::meFailed);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Parse);
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(retries.size(), 0);
    }

    void aPageCutOffIsRetriedAndThePagingGoesOn()
    {
        const QByteArray origin = server()->origin();
        const QByteArray page = R"({"items":[{"id":"a","title":"A","type":"group"}]})";
        int second = 0;
        server()->setHandler([origin, page, &second](const Request &request) {
            if (!request.target.contains("cursor=2"))
                return Response::json(200, page).withHeader(
                    "Link", "<" + origin + "/v1/rooms?max=1000&cursor=2>; rel=next");
            if (++second == 1)
                return Response::json(200, R"({"items":[{"id":"b","title":"B"}]})").cutOffAfter(9);
            return Response::json(200, R"({"items":[{"id":"b","title":"B","type":"group"}]})");
        });
        QSignalSpy pages(client(), &WebexClient::roomsPageFetched);
        QSignalSpy done(client(), &WebexClient::roomsFetched);
        client()->fetchAllRooms();
        QVERIFY(done.wait());
        QCOMPARE(pages.size(), 2);
        QCOMPARE(done.first().at(0).toInt(), 2);
        QCOMPARE(done.first().at(1).toBool(), true);
        QCOMPARE(server()->requests().size(), 3);
    }

    void aResetBeforeAnyAnswerIsRetried()
    {
        // Qt itself sends a request again on a connection closed before any answer (a few
        // times); after that, it is a failed connection, which our retry takes up.
        bool retried = false;
        connect(client(), &WebexClient::retryScheduled, this, [&retried] { retried = true; });
        server()->setHandler([&retried](const Request &) {
            return retried ? Response::json(200, meJson) : Response::reset();
        });
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QCOMPARE(retries.size(), 1);
        QCOMPARE(RetryPolicy::causeOf(retries.first().at(1).value<ApiError>()),
                 RetryPolicy::Cause::Connection);
    }

    void aRefusedGetIsRetriedUntilTheServerListens()
    {
        const quint16 port = server()->port();
        server()->close();
        server()->setHandler([](const Request &) { return Response::json(200, meJson); });
        client()->setRetryDelayScale(0.2); // 200 ms: time to listen again before the retry
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(retries.wait());
        QVERIFY(server()->listen(port));
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 1);
    }

    void reachabilityIsToldByEveryCall()
    {
        // An HTTP error is an answer: Webex is there.
        server()->setHandler(
            [](const Request &) { return Response::json(404, R"({"message":"no"})"); });
        QSignalSpy reached(client(), &WebexClient::webexReached);
        QSignalSpy unreachable(client(), &WebexClient::webexUnreachable);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(reached.size(), 1);
        QCOMPARE(unreachable.size(), 0);

        // No answer at all, after the retries: unreachable, said before the call's failure.
        server()->close();
        client()->setRetryDelayScale(0.01);
        failed.clear();
        reached.clear();
        QList<QByteArray> order;
        connect(client(), &WebexClient::webexUnreachable, this,
                [&order] { order.append("unreachable"); });
        connect(client(), &WebexClient::meFailed, this, [&order] { order.append("failed"); });
        client()->fetchMe();
        QVERIFY(failed.wait());
        QCOMPARE(unreachable.size(), 1);
        QCOMPARE(unreachable.constFirst().constFirst().value<ApiError>().kind,
                 ApiError::Kind::Network);
        QCOMPARE(order, QList<QByteArray>({"unreachable", "failed"}));
        QCOMPARE(reached.size(), 0);
    }

    void aSilentServerIsAskedOnceMoreThenItSaysSo()
    {
        server()->setHandler([](const Request &) { return Response{0, {}, {}}; });
        client()->setTransferTimeout(200);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Timeout);
        QCOMPARE(retries.size(), RetryPolicy::MaxTimeoutRetries);
        QCOMPARE(server()->requests().size(), 1 + RetryPolicy::MaxTimeoutRetries);
    }

    void aPostThatMayHaveArrivedIsNeverSentAgain_data()
    {
        QTest::addColumn<Response>("response");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("cut off") << Response::json(200, sentMessageJson()).cutOffAfter(10) << 0;
        QTest::newRow("reset") << Response::reset() << 0;
        QTest::newRow("503 with Retry-After")
            << Response::json(503, R"({"message":"busy"})").withHeader("Retry-After", "1") << 0;
        QTest::newRow("408") << Response::json(408, R"({"message":"slow"})") << 0;
        QTest::newRow("silent") << Response{0, {}, {}} << 200;
    }

    void aPostThatMayHaveArrivedIsNeverSentAgain()
    {
        QFETCH(Response, response);
        QFETCH(int, timeoutMs);
        server()->setHandler([response](const Request &) { return response; });
        if (timeoutMs > 0)
            client()->setTransferTimeout(timeoutMs);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("once"), QStringLiteral("t"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(retries.size(), 0);
        // A retry (20 ms scaled, at most 1 s for the Retry-After) would have arrived by now.
        QTest::qWait(1100 * 0.02 + 100);
        QCOMPARE(server()->requests().size(), 1);
    }

    void aRateLimitedPostIsSentAgain()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"slow down"})")
                    .withHeader("Retry-After", "1");
            return Response::json(200, sentMessageJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        client()->sendMessage(QStringLiteral("R1"), QStringLiteral("once"), QStringLiteral("t"));
        QVERIFY(sent.wait());
        QCOMPARE(server()->requests().size(), 2);
    }

    void retryAfterInEachFormOnTheWire_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("expectedMs"); // unscaled; -1: not retried
        // Dates in the past (they cannot be late) wait the least, a second.
        QTest::newRow("seconds") << QByteArray("2") << 2000;
        QTest::newRow("IMF-fixdate, past") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << 1000;
        QTest::newRow("RFC 850, past") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << 1000;
        QTest::newRow("asctime, past") << QByteArray("Sun Nov  6 08:49:37 1994") << 1000;
        QTest::newRow("negative: as absent") << QByteArray("-5") << 15000;
        QTest::newRow("garbage: as absent") << QByteArray("soon, maybe") << 15000;
        QTest::newRow("huge: not waited for") << QByteArray("99999999999999999999") << -1;
        QTest::newRow("far date: not waited for")
            << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << -1;
    }

    void retryAfterInEachFormOnTheWire()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, expectedMs);
        int count = 0;
        server()->setHandler([&count, retryAfter](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"wait"})")
                    .withHeader("Retry-After", retryAfter);
            return Response::json(200, meJson);
        });
        client()->setRetryDelayScale(0.01);
        QSignalSpy retries(client(), &WebexClient::retryScheduled);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        QSignalSpy failed(client(), &WebexClient::meFailed);
        client()->fetchMe();
        if (expectedMs < 0) {
            QVERIFY(failed.wait());
            QCOMPARE(retries.size(), 0);
            QCOMPARE(server()->requests().size(), 1);
            // It says how long Webex asked for, not a bare failure.
            QVERIFY2(failed.first().first().value<ApiError>().userMessage().contains(
                         QStringLiteral("in 24 hour")),
                     qPrintable(failed.first().first().value<ApiError>().userMessage()));
            return;
        }
        QVERIFY(fetched.wait());
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().at(2).toInt(), qRound(expectedMs * 0.01));
    }

    void aWaitSaysWhichCallWaitsAndUntilWhen()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"wait"})")
                    .withHeader("Retry-After", "3600");
            return Response::json(200, R"({"items":[]})");
        });
        client()->setRetryDelayScale(1.0); // the real hour
        QSignalSpy waiting(client(), &WebexClient::retryWaiting);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        client()->fetchMessages(QStringLiteral("ROOM-1"));
        QVERIFY(waiting.wait());
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(waiting.first().at(0).value<WebexClient::CallKind>(),
                 WebexClient::CallKind::Messages);
        QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("ROOM-1"));
        const QDateTime retryAt = waiting.first().at(2).toDateTime();
        QVERIFY(retryAt >= before.addSecs(3600) && retryAt <= after.addSecs(3600));
        QCOMPARE(waiting.first().at(3).value<ApiError>().retryAfterSeconds, 3600);
        QVERIFY(client()->hasWaitingRetries());
    }

    void retryNowSendsAWaitingCallAtOnce()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(429, R"({"message":"wait"})")
                    .withHeader("Retry-After", "3600");
            return Response::json(200, meJson);
        });
        client()->setRetryDelayScale(1.0); // an hour, unless asked now
        QSignalSpy waiting(client(), &WebexClient::retryWaiting);
        QSignalSpy started(client(), &WebexClient::retryStarted);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(waiting.wait());
        QCOMPARE(started.size(), 0);

        client()->retryNow();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).value<WebexClient::CallKind>(), WebexClient::CallKind::Me);
        QVERIFY(!client()->hasWaitingRetries());
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 2);
        // Same logical call: same tracking ID.
        QCOMPARE(server()->requests().at(1).header("TrackingID"),
                 server()->requests().at(0).header("TrackingID"));
    }

    void retryNowWithNothingWaitingDoesNothing()
    {
        QSignalSpy started(client(), &WebexClient::retryStarted);
        client()->retryNow();
        QCOMPARE(started.size(), 0);
        QCOMPARE(server()->requests().size(), 0);
    }

    void aWaitEndsByItselfWithRetryStarted()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(503, R"({"message":"busy"})");
            return Response::json(200, meJson);
        });
        QSignalSpy waiting(client(), &WebexClient::retryWaiting);
        QSignalSpy started(client(), &WebexClient::retryStarted);
        QSignalSpy fetched(client(), &WebexClient::meFetched);
        client()->fetchMe();
        QVERIFY(fetched.wait());
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(started.size(), 1);
        QCOMPARE(waiting.first().at(3).value<ApiError>().httpStatus, 503);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientRetries)
#include "tst_webexclientretries.moc"
