#include "api/apierror.h"

#include <QNetworkReply>
#include <QTest>

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
