#include "api/apierror.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>

namespace {

// A finished reply with whatever status, headers and error a test needs; the setters are
// protected in QNetworkReply, hence the subclass.
class FakeReply : public QNetworkReply
{
public:
    FakeReply(int status, QNetworkReply::NetworkError error, const QString &errorText = {})
    {
        // open() first: it resets the error string that setError() sets.
        open(ReadOnly);
        setUrl(QUrl(QStringLiteral("https://webexapis.com/v1/rooms")));
        if (status > 0)
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        if (error != NoError)
            setError(error, errorText);
        setFinished(true);
    }
    void header(const QByteArray &name, const QByteArray &value) { setRawHeader(name, value); }
    void abort() override {}

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void none()
    {
        FakeReply reply(200, QNetworkReply::NoError);
        const ApiError error = ApiError::fromReply(&reply, R"({"items":[]})");
        QCOMPARE(error.kind, ApiError::Kind::None);
        QVERIFY(!error.isError());
        QVERIFY(error.userMessage().isEmpty());
    }

    void webexBody()
    {
        FakeReply reply(404, QNetworkReply::ContentNotFoundError, QStringLiteral("Not Found"));
        reply.header("trackingid", "HEADER_ID");
        const ApiError error = ApiError::fromReply(
            &reply, R"({"message":"The requested resource could not be found.",)"
                    R"("errors":[{"description":"The requested resource could not be found."}],)"
                    R"("trackingId":"ROUTER_62E068B0-1234"})");
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(error.message, QStringLiteral("The requested resource could not be found."));
        // The body's ID wins over the header's: it is the one Webex support looks up.
        QCOMPARE(error.trackingId, QStringLiteral("ROUTER_62E068B0-1234"));
        const QString text = error.userMessage();
        QVERIFY2(text.contains(QStringLiteral("The requested resource could not be found.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Tracking ID: ROUTER_62E068B0-1234")),
                 qPrintable(text));
    }

    void descriptionWhenNoMessage()
    {
        FakeReply reply(400, QNetworkReply::ProtocolInvalidOperationError);
        const ApiError error = ApiError::fromReply(
            &reply, R"({"errors":[{"description":"Bad roomId."}],"trackingId":"T1"})");
        QCOMPARE(error.message, QStringLiteral("Bad roomId."));
        QCOMPARE(error.trackingId, QStringLiteral("T1"));
    }

    void headerTrackingIdAndQtMessage()
    {
        FakeReply reply(502, QNetworkReply::UnknownServerError, QStringLiteral("Bad Gateway"));
        reply.header("TrackingID", "ROUTER_HDR");
        const ApiError error = ApiError::fromReply(&reply, "<html>proxy page</html>");
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 502);
        QCOMPARE(error.trackingId, QStringLiteral("ROUTER_HDR"));
        QCOMPARE(error.message, QStringLiteral("Bad Gateway"));
        QVERIFY(error.userMessage().contains(QStringLiteral("502")));
    }

    void nonAsciiMessage()
    {
        FakeReply reply(403, QNetworkReply::ContentAccessDenied);
        const ApiError error = ApiError::fromReply(
            &reply,
            QStringLiteral(u"{\"message\":\"Zugriff verweigert: \u00c4rger \u2713\"}").toUtf8());
        QCOMPARE(error.message, QStringLiteral(u"Zugriff verweigert: \u00c4rger \u2713"));
    }

    void unauthorized()
    {
        FakeReply reply(401, QNetworkReply::AuthenticationRequiredError);
        const ApiError error = ApiError::fromReply(
            &reply, R"({"message":"The request requires a valid access token set in the )"
                    R"(Authorization request header.","trackingId":"X"})");
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 401);
        QVERIFY(error.userMessage().contains(QStringLiteral("sign in")));
    }

    void rateLimited_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("seconds");
        QTest::newRow("429 with 7")
            << 429 << QByteArray("7") << int(ApiError::Kind::RateLimited) << 7;
        QTest::newRow("429 without")
            << 429 << QByteArray() << int(ApiError::Kind::RateLimited) << -1;
        QTest::newRow("429 garbage")
            << 429 << QByteArray("soon") << int(ApiError::Kind::RateLimited) << -1;
        QTest::newRow("423 with 3")
            << 423 << QByteArray("3") << int(ApiError::Kind::RateLimited) << 3;
        QTest::newRow("423 without") << 423 << QByteArray() << int(ApiError::Kind::Http) << -1;
        QTest::newRow("429 past date") << 429 << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT")
                                       << int(ApiError::Kind::RateLimited) << 0;
    }

    void rateLimited()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, kind);
        QFETCH(int, seconds);
        FakeReply reply(status, QNetworkReply::UnknownContentError);
        if (!retryAfter.isEmpty())
            reply.header("Retry-After", retryAfter);
        const ApiError error = ApiError::fromReply(&reply, QByteArray());
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.retryAfterSeconds, seconds);
        QVERIFY(!error.userMessage().isEmpty());
    }

    void transportErrors_data()
    {
        QTest::addColumn<int>("networkError");
        QTest::addColumn<int>("kind");
        QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError)
                             << int(ApiError::Kind::Tls);
        QTest::newRow("timeout") << int(QNetworkReply::TimeoutError)
                                 << int(ApiError::Kind::Timeout);
        QTest::newRow("transfer timeout abort")
            << int(QNetworkReply::OperationCanceledError) << int(ApiError::Kind::Timeout);
        QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError)
                                 << int(ApiError::Kind::Network);
        QTest::newRow("dns") << int(QNetworkReply::HostNotFoundError)
                             << int(ApiError::Kind::Network);
    }

    void transportErrors()
    {
        QFETCH(int, networkError);
        QFETCH(int, kind);
        FakeReply reply(0, QNetworkReply::NetworkError(networkError), QStringLiteral("qt text"));
        const ApiError error = ApiError::fromReply(&reply, QByteArray());
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, 0);
        QCOMPARE(error.message, QStringLiteral("qt text"));
        QVERIFY(error.userMessage().contains(QStringLiteral("qt text")));
        QVERIFY(!error.userMessage().contains(QStringLiteral("Tracking ID")));
    }

    void retryAfterInEveryForm_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("seconds");
        // now is Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's own example date) in these rows.
        QTest::newRow("delay-seconds") << QByteArray("120") << 120;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("spaces around") << QByteArray("  7 ") << 7;
        QTest::newRow("leading zeros") << QByteArray("0007") << 7;
        QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:50:37 GMT") << 60;
        QTest::newRow("IMF-fixdate, any case") << QByteArray("sun, 06 NOV 1994 08:50:37 gmt") << 60;
        QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:51:37 GMT") << 120;
        QTest::newRow("asctime, one-digit day") << QByteArray("Sun Nov  6 08:52:37 1994") << 180;
        QTest::newRow("asctime, two-digit day")
            << QByteArray("Mon Nov 07 08:49:37 1994") << 24 * 3600;
        QTest::newRow("a leap second") << QByteArray("Sun, 06 Nov 1994 08:49:60 GMT") << 22;
        QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << 0;
        QTest::newRow("RFC 850, past century") << QByteArray("Sunday, 06-Nov-44 08:49:37 GMT")
                                               << 0; // 1944: more than 50 years ahead as 2044
        QTest::newRow("huge delay")
            << QByteArray("99999999999999999999999") << ApiError::RetryAfterCeilingSeconds;
        QTest::newRow("more than a day")
            << QByteArray("100000") << ApiError::RetryAfterCeilingSeconds;
        QTest::newRow("far date") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT")
                                  << ApiError::RetryAfterCeilingSeconds;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("plus sign") << QByteArray("+5") << -1;
        QTest::newRow("fraction") << QByteArray("1.5") << -1;
        QTest::newRow("unit") << QByteArray("5s") << -1;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("empty") << QByteArray("   ") << -1;
        QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:50:37 CET") << -1;
        QTest::newRow("no such day") << QByteArray("Sun, 31 Feb 1994 08:50:37 GMT") << -1;
        QTest::newRow("no such month") << QByteArray("Sun, 06 Foo 1994 08:50:37 GMT") << -1;
        QTest::newRow("no such hour") << QByteArray("Sun, 06 Nov 1994 25:50:37 GMT") << -1;
        QTest::newRow("ISO 8601") << QByteArray("1994-11-06T08:50:37Z") << -1;
    }

    void retryAfterInEveryForm()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, seconds);
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
        QCOMPARE(ApiError::parseRetryAfter(value, now), seconds);
    }

    void rfc850TwoDigitYearsFollowTheFiftyYearRule()
    {
        // In 2030, "94" is 2094 (64 years ahead: too far) so 1994; "70" is 2070 (40 years).
        const QDateTime now(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
        QCOMPARE(ApiError::parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now), 0);
        QCOMPARE(ApiError::parseRetryAfter("Tuesday, 01-Jan-30 00:01:00 GMT", now), 60);
        QCOMPARE(ApiError::parseRetryAfter("Tuesday, 01-Jan-70 00:00:00 GMT", now),
                 ApiError::RetryAfterCeilingSeconds);
    }

    void aBodyCutOffIsNotBadJson()
    {
        // Status and headers came, then "Connection closed" before the announced end.
        FakeReply cut(200, QNetworkReply::RemoteHostClosedError,
                      QStringLiteral("Connection closed"));
        const ApiError error = ApiError::fromReply(&cut, R"({"items":[)");
        QCOMPARE(error.kind, ApiError::Kind::CutOff);
        QCOMPARE(error.networkError, int(QNetworkReply::RemoteHostClosedError));
        QVERIFY(error.userMessage().contains(QStringLiteral("broke off")));

        // Closed before any answer: a failed connection, not a cut-off answer.
        FakeReply reset(0, QNetworkReply::RemoteHostClosedError,
                        QStringLiteral("Connection closed"));
        QCOMPARE(ApiError::fromReply(&reset, {}).kind, ApiError::Kind::Network);

        // A 500 cut off is still a 500.
        FakeReply server(500, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(ApiError::fromReply(&server, {}).kind, ApiError::Kind::Http);

        // Complete, but not JSON: no error here (the endpoint's parser says Parse).
        FakeReply whole(200, QNetworkReply::NoError);
        QCOMPARE(ApiError::fromReply(&whole, R"({"items":[)").kind, ApiError::Kind::None);
        FakeReply announcedWhole(200, QNetworkReply::NoError);
        announcedWhole.header("Content-Length", "10");
        QCOMPARE(ApiError::fromReply(&announcedWhole, R"({"items":[)").kind, ApiError::Kind::None);
    }

    void fewerBytesThanAnnouncedIsACutOffEvenWithoutAnError()
    {
        // Qt at times takes a close that comes with the last bytes for the end of the answer.
        FakeReply shorter(200, QNetworkReply::NoError);
        shorter.header("Content-Length", "1000");
        QCOMPARE(ApiError::fromReply(&shorter, R"({"items":[)").kind, ApiError::Kind::CutOff);

        // A compressed answer's length counts other bytes than the inflated body Qt gives.
        FakeReply compressed(200, QNetworkReply::NoError);
        compressed.header("Content-Length", "1000");
        compressed.header("Content-Encoding", "gzip");
        QCOMPARE(ApiError::fromReply(&compressed, R"({"items":[)").kind, ApiError::Kind::None);

        // A length that is not a number says nothing.
        FakeReply garbage(200, QNetworkReply::NoError);
        garbage.header("Content-Length", "lots");
        QCOMPARE(ApiError::fromReply(&garbage, R"({"items":[)").kind, ApiError::Kind::None);
    }

    void longRateLimitsAreSaidInMinutesOrHours()
    {
        ApiError error;
        error.kind = ApiError::Kind::RateLimited;
        error.httpStatus = 429;
        error.retryAfterSeconds = 30;
        QVERIFY(error.userMessage().contains(QStringLiteral("30 second")));
        error.retryAfterSeconds = 3601;
        QVERIFY(error.userMessage().contains(QStringLiteral("61 minute")));
        error.retryAfterSeconds = 24 * 3600;
        QVERIFY(error.userMessage().contains(QStringLiteral("24 hour")));
    }

    void waitSentenceSaysWhenInLocalTime()
    {
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // "HH:mm"
        const QDateTime now = QDateTime(QDate(2024, 5, 1), QTime(14, 4, 10)).toUTC();
        ApiError rate;
        rate.kind = ApiError::Kind::RateLimited;
        // An hour away, at hh:mm:10: rounded up to the next minute, never earlier than the retry.
        QCOMPARE(rate.waitSentence(now.addSecs(3600), now),
                 QStringLiteral("Webex asks us to wait; trying again at 15:05."));
        // On the minute: that minute.
        QCOMPARE(rate.waitSentence(now.addSecs(50), now),
                 QStringLiteral("Webex asks us to wait; trying again at 14:05:00."));
        // Less than a minute away: with seconds.
        QCOMPARE(rate.waitSentence(now.addSecs(20), now),
                 QStringLiteral("Webex asks us to wait; trying again at 14:04:30."));

        ApiError server;
        server.kind = ApiError::Kind::Http;
        server.httpStatus = 503;
        QCOMPARE(server.waitSentence(now.addSecs(120), now),
                 QStringLiteral("Webex is having trouble; trying again at 14:07."));
        ApiError network;
        network.kind = ApiError::Kind::CutOff;
        QCOMPARE(network.waitSentence(now.addSecs(5), now),
                 QStringLiteral("The connection to Webex failed; trying again at 14:04:15."));

        // A locale with a 12-hour clock keeps its own form.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString american = rate.waitSentence(now.addSecs(20), now);
        QLocale::setDefault(saved);
        QVERIFY2(american.contains(QStringLiteral("2:04:30")), qPrintable(american));
    }

    void parseError()
    {
        const ApiError error = ApiError::parseError(QStringLiteral("no items"));
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY(error.isError());
        QCOMPARE(error.message, QStringLiteral("no items"));
    }

    // Webex's message is placed in our sentence: one paragraph, cut to a sane length, isolated
    // (FSI...PDI) so an override in it cannot turn our words or the tracking ID around.
    void webexsWordsAreIsolatedInOurSentence()
    {
        FakeReply reply(400, QNetworkReply::ProtocolInvalidOperationError);
        QByteArray body = "{\"message\":\"Bad\\u202e request\\n";
        body += QByteArray(1024 * 1024, 'x');
        body += "\",\"trackingId\":\"T\\u202e1\\n\"}";
        const ApiError error = ApiError::fromReply(&reply, body);
        const QString text = error.userMessage();
        QVERIFY2(text.contains(QStringLiteral("Details: \u2068Bad request xxx")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("x\u2026\u2069 Tracking ID: T1")));
        QVERIFY(!text.contains(QChar(0x202E)));
        QVERIFY(!text.contains(QLatin1Char('\n')));
        QVERIFY(text.size() < 1000);
    }

    void variantRoundTrip()
    {
        ApiError error = ApiError::parseError(QStringLiteral("x"));
        error.trackingId = QStringLiteral("T");
        const QVariant v = QVariant::fromValue(error);
        QCOMPARE(v.value<ApiError>().trackingId, QStringLiteral("T"));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
