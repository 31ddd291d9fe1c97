#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/message.h"
#include "model/room.h"
#include "webexclientfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// WebexClient's fetches of one message (GET messages/{id}) and one space (GET rooms/{id}), which
// the live layer makes for each event, on the wire of a small test server: what comes back, what
// fails and how, that one id asked twice is one request, that no id that is not a REST id ever
// reaches a path, and that a rate limit is waited out.

namespace {

// Shaped like Webex's ids: base64 of "ciscospark://us/MESSAGE/<uuid>" and ".../ROOM/<uuid>".
const QString MessageId = QStringLiteral(
    "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk");
const QString OtherMessageId = QStringLiteral(
    "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvMDAwMDAwMDAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk");
const QString RoomId =
    QStringLiteral("Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0");

QJsonObject messageObject(const QString &id, const QString &text = QStringLiteral("Hello"))
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("roomId"), RoomId},
            {QStringLiteral("roomType"), QStringLiteral("group")},
            {QStringLiteral("text"), text},
            {QStringLiteral("personId"), QStringLiteral("P1")},
            {QStringLiteral("personEmail"), QStringLiteral("ada@example.com")},
            {QStringLiteral("created"), QStringLiteral("2024-01-01T10:00:00.000Z")}};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray roomJson(const QString &id)
{
    return compact({{QStringLiteral("id"), id},
                    {QStringLiteral("title"), QStringLiteral("Design review")},
                    {QStringLiteral("type"), QStringLiteral("group")},
                    {QStringLiteral("lastActivity"), QStringLiteral("2024-01-02T03:04:05.000Z")},
                    {QStringLiteral("created"), QStringLiteral("2023-12-01T00:00:00.000Z")}});
}

// A message whose JSON is exactly `bytes` long (its text is the padding).
QByteArray messageJsonOfSize(qsizetype bytes)
{
    const qsizetype bare = compact(messageObject(MessageId, QString())).size();
    return compact(messageObject(MessageId, QString(bytes - bare, QLatin1Char('x'))));
}

constexpr qsizetype OneMiB = 1024 * 1024;

} // namespace

class TestWebexClientSingle : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    void aMessageByItsId()
    {
        server()->setHandler(
            [](const Request &) { return Response::json(200, compact(messageObject(MessageId))); });
        QSignalSpy fetched(client(), &WebexClient::messageFetched);
        QSignalSpy failed(client(), &WebexClient::messageFetchFailed);
        client()->fetchMessage(MessageId);
        QVERIFY(fetched.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.size(), 1);
        const Message message = fetched.first().first().value<Message>();
        QCOMPARE(message.id, MessageId);
        QCOMPARE(message.roomId, RoomId);
        QCOMPARE(message.text, QStringLiteral("Hello"));
        QCOMPARE(message.personEmail, QStringLiteral("ada@example.com"));
        QVERIFY(message.created.isValid());

        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, "/v1/messages/" + MessageId.toLatin1());
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        QVERIFY(request.header("TrackingID").startsWith("WebexDesk_"));
    }

    void aSpaceByItsId()
    {
        server()->setHandler([](const Request &) { return Response::json(200, roomJson(RoomId)); });
        QSignalSpy fetched(client(), &WebexClient::roomFetched);
        QSignalSpy failed(client(), &WebexClient::roomFetchFailed);
        client()->fetchRoom(RoomId);
        QVERIFY(fetched.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(fetched.size(), 1);
        const Room room = fetched.first().first().value<Room>();
        QCOMPARE(room.id, RoomId);
        QCOMPARE(room.title, QStringLiteral("Design review"));
        QCOMPARE(room.kind, Room::Kind::Group);
        QVERIFY(room.lastActivity.isValid());

        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(server()->requests().first().target, "/v1/rooms/" + RoomId.toLatin1());
        QCOMPARE(server()->requests().first().header("Authorization"),
                 QByteArray("Bearer test-token"));
    }

    // Every character a REST id may have (base64 and base64url) reaches the path as that id.
    void everyRestIdCharacterReachesThePathIntact()
    {
        const QString id = QStringLiteral("AZaz09-_+=");
        server()->setHandler([](const Request &request) {
            // The id as the server reads it from the path.
            const QString asked = request.url().path().section(QLatin1Char('/'), -1);
            return Response::json(200, compact(messageObject(asked)));
        });
        QSignalSpy fetched(client(), &WebexClient::messageFetched);
        client()->fetchMessage(id);
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(server()->requests().first().url().path(), QStringLiteral("/v1/messages/") + id);
        QCOMPARE(fetched.first().first().value<Message>().id, id);
    }

    void notFound_data()
    {
        QTest::addColumn<bool>("room");
        QTest::newRow("message") << false;
        QTest::newRow("space") << true;
    }

    // A message deleted (or a space left) before we asked: 404, said once, not retried.
    void notFound()
    {
        QFETCH(bool, room);
        server()->setHandler([](const Request &) {
            return Response::json(
                404, compact({{QStringLiteral("message"),
                               QStringLiteral("The requested resource could not be found.")},
                              {QStringLiteral("trackingId"), QStringLiteral("ROUTER_1")}}));
        });
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy failed(client(),
                          room ? &WebexClient::roomFetchFailed : &WebexClient::messageFetchFailed);
        const QString id = room ? RoomId : MessageId;
        if (room)
            client()->fetchRoom(id);
        else
            client()->fetchMessage(id);
        QVERIFY(failed.wait());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(messageFetched.size() + roomFetched.size(), 0);
        QCOMPARE(failed.first().at(0).toString(), id);
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(error.trackingId, QStringLiteral("ROUTER_1"));
        QVERIFY(!error.userMessage().isEmpty());
        QCOMPARE(server()->requests().size(), 1);
    }

    void notWhatWebexSends_data()
    {
        QTest::addColumn<bool>("room");
        QTest::addColumn<QByteArray>("body");
        for (const bool room : {false, true}) {
            const char *what = room ? "space" : "message";
            QTest::addRow("%s: not JSON", what) << room << QByteArray("<html>Gateway</html>");
            QTest::addRow("%s: empty", what) << room << QByteArray();
            QTest::addRow("%s: cut JSON", what) << room << QByteArray("{\"id\":\"abc");
            QTest::addRow("%s: an array", what) << room << QByteArray("[{\"id\":\"abc\"}]");
            QTest::addRow("%s: a string", what) << room << QByteArray("\"abc\"");
            QTest::addRow("%s: a list answer", what)
                << room << QByteArray("{\"items\":[{\"id\":\"abc\"}]}");
            QTest::addRow("%s: id a number", what) << room << QByteArray("{\"id\":42}");
            QTest::addRow("%s: id null", what) << room << QByteArray("{\"id\":null}");
        }
    }

    // A 200 whose body is no message (or space): failed as a parse error, not retried.
    void notWhatWebexSends()
    {
        QFETCH(bool, room);
        QFETCH(QByteArray, body);
        server()->setHandler([body](const Request &) { return Response::json(200, body); });
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy failed(client(),
                          room ? &WebexClient::roomFetchFailed : &WebexClient::messageFetchFailed);
        const QString id = room ? RoomId : MessageId;
        if (room)
            client()->fetchRoom(id);
        else
            client()->fetchMessage(id);
        QVERIFY(failed.wait());
        QCOMPARE(messageFetched.size() + roomFetched.size(), 0);
        QCOMPARE(failed.first().at(0).toString(), id);
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY(!error.userMessage().isEmpty());
        QCOMPARE(server()->requests().size(), 1);
    }

    void atMostOneMiB_data()
    {
        QTest::addColumn<bool>("room");
        QTest::addColumn<qsizetype>("bytes");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("message of 1 MiB") << false << OneMiB << true;
        QTest::newRow("message one byte more") << false << OneMiB + 1 << false;
        QTest::newRow("message of 3 MiB") << false << 3 * OneMiB << false;
        QTest::newRow("space one byte more") << true << OneMiB + 1 << false;
    }

    // The cap is the endpoint's own (1 MiB), not the 16 MiB every other call may read.
    void atMostOneMiB()
    {
        QFETCH(bool, room);
        QFETCH(qsizetype, bytes);
        QFETCH(bool, accepted);
        const QByteArray body =
            room ? roomJson(RoomId) + QByteArray(bytes - roomJson(RoomId).size(), ' ')
                 : messageJsonOfSize(bytes);
        QCOMPARE(body.size(), bytes);
        server()->setHandler([body](const Request &) { return Response::json(200, body); });
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy messageFailed(client(), &WebexClient::messageFetchFailed);
        QSignalSpy roomFailed(client(), &WebexClient::roomFetchFailed);
        if (room)
            client()->fetchRoom(RoomId);
        else
            client()->fetchMessage(MessageId);
        QTRY_COMPARE_WITH_TIMEOUT(messageFetched.size() + roomFetched.size() +
                                      messageFailed.size() + roomFailed.size(),
                                  1, 10000);
        QCOMPARE(server()->requests().size(), 1); // the same answer would come again
        if (accepted) {
            QCOMPARE(messageFetched.size(), 1);
            QCOMPARE(messageFetched.first().first().value<Message>().text.size(),
                     OneMiB - compact(messageObject(MessageId, QString())).size());
            return;
        }
        QSignalSpy &failed = room ? roomFailed : messageFailed;
        QCOMPARE(failed.size(), 1);
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Parse);
        QVERIFY2(error.message.contains(QLatin1String("1 MB")), qPrintable(error.message));
    }

    void theSameIdAskedTwiceIsOneRequest_data()
    {
        QTest::addColumn<bool>("room");
        QTest::newRow("message") << false;
        QTest::newRow("space") << true;
    }

    void theSameIdAskedTwiceIsOneRequest()
    {
        QFETCH(bool, room);
        const QString id = room ? RoomId : MessageId;
        server()->setHandler([room](const Request &request) {
            const QString asked = request.url().path().section(QLatin1Char('/'), -1);
            return Response::json(200, room ? roomJson(asked) : compact(messageObject(asked)));
        });
        QSignalSpy received(server(), &TestHttpServer::requestReceived);
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy &fetched = room ? roomFetched : messageFetched;
        const auto fetch = [this, room](const QString &which) {
            if (room)
                client()->fetchRoom(which);
            else
                client()->fetchMessage(which);
        };
        // Back to back: the first cannot have been answered (no event loop ran in between).
        fetch(id);
        fetch(id); // joins the first: one request, one answer
        // Once more when the request has reached the server and its answer is on its way: not
        // cancelled and sent again either.
        QVERIFY(received.wait());
        QCOMPARE(fetched.size(), 0);
        fetch(id);
        QVERIFY(fetched.wait());
        // Another id afterwards: had the second call gone out, it would have been sent before
        // this one, and its answer would be here before this one's.
        const QString other = room ? MessageId : OtherMessageId;
        fetch(other);
        QTRY_COMPARE(fetched.size(), 2);
        const auto idOf = [room](const QList<QVariant> &arguments) {
            return room ? arguments.first().value<Room>().id
                        : arguments.first().value<Message>().id;
        };
        QCOMPARE(idOf(fetched.at(0)), id);
        QCOMPARE(idOf(fetched.at(1)), other);
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(received.size(), 2);
        int forId = 0;
        for (const Request &request : server()->requests())
            forId += request.url().path().endsWith(id) ? 1 : 0;
        QCOMPARE(forId, 1);

        // Once answered, the same id is asked for again: joining is for calls on their way.
        fetch(id);
        QTRY_COMPARE(fetched.size(), 3);
        QCOMPARE(server()->requests().size(), 3);
    }

    // A message and a space with the same id are two calls (joined per endpoint only).
    void aMessageAndASpaceOfOneIdAreTwoCalls()
    {
        server()->setHandler([](const Request &request) {
            const QString asked = request.url().path().section(QLatin1Char('/'), -1);
            return Response::json(200, request.url().path().startsWith(QLatin1String("/v1/rooms"))
                                           ? roomJson(asked)
                                           : compact(messageObject(asked)));
        });
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        client()->fetchMessage(MessageId);
        client()->fetchRoom(MessageId);
        QTRY_COMPARE(messageFetched.size() + roomFetched.size(), 2);
        QCOMPARE(messageFetched.size(), 1);
        QCOMPARE(roomFetched.size(), 1);
        QCOMPARE(server()->requests().size(), 2);
    }

    void notARestId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("a slash") << QStringLiteral("a/b");
        QTest::newRow("dot dot") << QStringLiteral("../x");
        QTest::newRow("dot dot only") << QStringLiteral("..");
        QTest::newRow("600 characters") << QString(600, QLatin1Char('A'));
        QTest::newRow("encoded slash") << QStringLiteral("%2F");
        QTest::newRow("query") << QStringLiteral("abc?max=1000");
        QTest::newRow("fragment") << QStringLiteral("abc#x");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("backslash") << QStringLiteral("a\\b");
        QTest::newRow("non-ASCII letter") << QStringLiteral("Caf\u00e9");
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("abc");
    }

    // Nothing but a REST id goes into a path: anything else fails at once (queued, never from
    // inside the call), and not a byte goes on the wire.
    void notARestId()
    {
        QFETCH(QString, id);
        QVERIFY(!WebexClient::isRestId(id));
        server()->setHandler([](const Request &) { return Response::json(200, "{}"); });
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy messageFailed(client(), &WebexClient::messageFetchFailed);
        QSignalSpy roomFailed(client(), &WebexClient::roomFetchFailed);
        client()->fetchMessage(id);
        client()->fetchRoom(id);
        QCOMPARE(messageFailed.size() + roomFailed.size(), 0); // not from inside the call
        QTRY_COMPARE(messageFailed.size() + roomFailed.size(), 2);
        QCOMPARE(messageFailed.size(), 1);
        QCOMPARE(roomFailed.size(), 1);
        QCOMPARE(messageFetched.size() + roomFetched.size(), 0);
        for (const QSignalSpy *failed : {&messageFailed, &roomFailed}) {
            QCOMPARE(failed->first().at(0).toString(), id); // the id as the caller gave it
            const ApiError error = failed->first().at(1).value<ApiError>();
            QCOMPARE(error.kind, ApiError::Kind::Parse);
            QCOMPARE(error.httpStatus, 0);
            QVERIFY(!error.userMessage().isEmpty());
        }
        // A valid id afterwards is the first and only request the server sees.
        server()->setHandler(
            [](const Request &) { return Response::json(200, compact(messageObject(MessageId))); });
        client()->fetchMessage(MessageId);
        QVERIFY(messageFetched.wait());
        QCOMPARE(server()->requests().size(), 1);
        QCOMPARE(server()->requests().first().target, "/v1/messages/" + MessageId.toLatin1());
    }

    void isRestId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("message id") << MessageId << true;
        QTest::newRow("room id") << RoomId << true;
        QTest::newRow("base64 padding and plus") << QStringLiteral("ab+c==") << true;
        QTest::newRow("base64url") << QStringLiteral("ab-_c") << true;
        QTest::newRow("512 characters") << QString(512, QLatin1Char('A')) << true;
        QTest::newRow("513 characters") << QString(513, QLatin1Char('A')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << QStringLiteral("a.b") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("percent") << QStringLiteral("a%2Fb") << false;
        QTest::newRow("tilde") << QStringLiteral("a~b") << false;
        QTest::newRow("colon") << QStringLiteral("ciscospark://us/MESSAGE/1") << false;
        QTest::newRow("newline") << QStringLiteral("abc\n") << false;
        QTest::newRow("fullwidth digit") << QStringLiteral("abc\uff11") << false;
    }

    void isRestId()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(WebexClient::isRestId(id), valid);
    }

    void rateLimitedThenFetched_data()
    {
        QTest::addColumn<bool>("room");
        QTest::newRow("message") << false;
        QTest::newRow("space") << true;
    }

    // 429 with Retry-After: the call waits (retryWaiting names its kind and id), goes again
    // (retryStarted), and the answer comes as if nothing happened. A second ask while it waits
    // joins it.
    void rateLimitedThenFetched()
    {
        QFETCH(bool, room);
        const QString id = room ? RoomId : MessageId;
        int count = 0;
        server()->setHandler([&count, room, id](const Request &) {
            if (++count == 1)
                return Response::json(429, compact({{QStringLiteral("message"),
                                                     QStringLiteral("Too many requests")}}))
                    .withHeader("Retry-After", "2");
            return Response::json(200, room ? roomJson(id) : compact(messageObject(id)));
        });
        QSignalSpy waiting(client(), &WebexClient::retryWaiting);
        QSignalSpy started(client(), &WebexClient::retryStarted);
        QSignalSpy messageFetched(client(), &WebexClient::messageFetched);
        QSignalSpy roomFetched(client(), &WebexClient::roomFetched);
        QSignalSpy messageFailed(client(), &WebexClient::messageFetchFailed);
        QSignalSpy roomFailed(client(), &WebexClient::roomFetchFailed);
        QSignalSpy &fetched = room ? roomFetched : messageFetched;
        const auto fetch = [this, room, id] {
            if (room)
                client()->fetchRoom(id);
            else
                client()->fetchMessage(id);
        };
        fetch();
        QVERIFY(waiting.wait());
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().at(0).value<WebexClient::CallKind>(),
                 room ? WebexClient::CallKind::RoomById : WebexClient::CallKind::MessageById);
        QCOMPARE(waiting.first().at(1).toString(), id);
        const ApiError reason = waiting.first().at(3).value<ApiError>();
        QCOMPARE(reason.kind, ApiError::Kind::RateLimited);
        QCOMPARE(reason.retryAfterSeconds, 2);
        fetch(); // waiting counts as on its way: joined

        QVERIFY(fetched.wait());
        QCOMPARE(fetched.size(), 1);
        QCOMPARE(messageFailed.size() + roomFailed.size(), 0);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).value<WebexClient::CallKind>(),
                 room ? WebexClient::CallKind::RoomById : WebexClient::CallKind::MessageById);
        QCOMPARE(started.first().at(1).toString(), id);
        QCOMPARE(server()->requests().size(), 2);
        // One logical call: one tracking ID.
        QCOMPARE(server()->requests().at(1).header("TrackingID"),
                 server()->requests().at(0).header("TrackingID"));
        if (room)
            QCOMPARE(roomFetched.first().first().value<Room>().id, id);
        else
            QCOMPARE(messageFetched.first().first().value<Message>().id, id);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientSingle)
#include "tst_webexclientsingle.moc"
