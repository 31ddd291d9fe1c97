#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/message.h"
#include "webexclientfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// WebexClient's edit (PUT messages/{id}) and delete (DELETE messages/{id}) on the wire of a
// small test server: what is sent, what each answer becomes, what is refused without a request,
// and which failures are tried again (both are idempotent, so as a GET is).

namespace {

QByteArray editedJson(const QString &id, const QString &markdown)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("roomId"), QStringLiteral("R1")},
                           {QStringLiteral("text"), markdown},
                           {QStringLiteral("markdown"), markdown},
                           {QStringLiteral("personId"), QStringLiteral("ME")},
                           {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00.000Z")},
                           {QStringLiteral("updated"), QStringLiteral("2024-01-01T00:05:00.000Z")}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestWebexClientEdits : public WebexClientFixture
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    void editPutsRoomAndMarkdown()
    {
        server()->setHandler([](const Request &) {
            return Response::json(200, editedJson(QStringLiteral("M1"), QStringLiteral("fixed")));
        });
        QSignalSpy edited(client(), &WebexClient::messageEdited);
        QSignalSpy failed(client(), &WebexClient::editFailed);
        client()->editMessage(QStringLiteral("M1"), QStringLiteral("R1"), QStringLiteral("fixed"));
        QVERIFY(edited.wait());
        QCOMPARE(failed.size(), 0);
        const Message message = edited.first().at(0).value<Message>();
        QCOMPARE(message.id, QStringLiteral("M1"));
        QCOMPARE(message.markdown, QStringLiteral("fixed"));
        QCOMPARE(message.updated, QDateTime(QDate(2024, 1, 1), QTime(0, 5), Qt::UTC));

        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("PUT"));
        QCOMPARE(request.target, QByteArray("/v1/messages/M1"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        QVERIFY(request.header("Content-Type").startsWith("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QStringLiteral("roomId")).toString(), QStringLiteral("R1"));
        QCOMPARE(body.value(QStringLiteral("markdown")).toString(), QStringLiteral("fixed"));
        QCOMPARE(body.size(), 2);
    }

    void editRefusedByWebexSaysWhy()
    {
        server()->setHandler([](const Request &) {
            return Response::json(
                403, R"({"message":"Only the author can edit a message.","trackingId":"T_9"})");
        });
        QSignalSpy failed(client(), &WebexClient::editFailed);
        client()->editMessage(QStringLiteral("THEIRS"), QStringLiteral("R1"), QStringLiteral("x"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("THEIRS"));
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.message, QStringLiteral("Only the author can edit a message."));
        QCOMPARE(error.trackingId, QStringLiteral("T_9"));
        QCOMPARE(server()->requests().size(), 1); // a refusal is not tried again
    }

    void editAnsweredWithAnotherMessageFails()
    {
        server()->setHandler([](const Request &) {
            return Response::json(200, editedJson(QStringLiteral("OTHER"), QStringLiteral("x")));
        });
        QSignalSpy edited(client(), &WebexClient::messageEdited);
        QSignalSpy failed(client(), &WebexClient::editFailed);
        client()->editMessage(QStringLiteral("M1"), QStringLiteral("R1"), QStringLiteral("x"));
        QVERIFY(failed.wait());
        QCOMPARE(edited.size(), 0);
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Parse);
    }

    void editRefusedWithoutARequest_data()
    {
        QTest::addColumn<QString>("messageId");
        QTest::addColumn<QString>("roomId");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << "M1"
                               << "R1"
                               << " \n "
                               << "empty";
        QTest::newRow("too long") << "M1"
                                  << "R1" << QString(WebexClient::MaxMarkdownBytes + 1, 'x')
                                  << "too long";
        QTest::newRow("too long in UTF-8")
            << "M1"
            << "R1" << QString(WebexClient::MaxMarkdownBytes / 2 + 1, QChar(0xe9)) << "too long";
        QTest::newRow("no space") << "M1"
                                  << ""
                                  << "x"
                                  << "No space";
        QTest::newRow("a path, not an id") << "../../rooms/R1"
                                           << "R1"
                                           << "x"
                                           << "not a Webex id";
        QTest::newRow("a query") << "M1?max=1"
                                 << "R1"
                                 << "x"
                                 << "not a Webex id";
    }

    void editRefusedWithoutARequest()
    {
        QFETCH(QString, messageId);
        QFETCH(QString, roomId);
        QFETCH(QString, markdown);
        QFETCH(QString, why);
        QSignalSpy failed(client(), &WebexClient::editFailed);
        client()->editMessage(messageId, roomId, markdown);
        QCOMPARE(failed.size(), 0); // never from inside the call
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), messageId);
        const ApiError error = failed.first().at(1).value<ApiError>();
        QVERIFY2(error.message.contains(why), qPrintable(error.message));
        QCOMPARE(server()->requests().size(), 0);
    }

    void editRetriedAfterAServerError()
    {
        int count = 0;
        server()->setHandler([&count](const Request &) {
            if (++count == 1)
                return Response::json(503, R"({"message":"busy"})");
            return Response::json(200, editedJson(QStringLiteral("M1"), QStringLiteral("fixed")));
        });
        QSignalSpy edited(client(), &WebexClient::messageEdited);
        client()->editMessage(QStringLiteral("M1"), QStringLiteral("R1"), QStringLiteral("fixed"));
        QVERIFY(edited.wait());
        // The same edit twice leaves the same message: a PUT may be repeated, unlike a POST.
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(server()->requests().at(1).body, server()->requests().at(0).body);
    }

    void deleteSendsDelete()
    {
        server()->setHandler([](const Request &) {
            Response response;
            response.status = 204;
            return response;
        });
        QSignalSpy deleted(client(), &WebexClient::messageDeleted);
        QSignalSpy failed(client(), &WebexClient::deleteFailed);
        client()->deleteMessage(QStringLiteral("M1"));
        QVERIFY(deleted.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(deleted.first().at(0).toString(), QStringLiteral("M1"));
        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("DELETE"));
        QCOMPARE(request.target, QByteArray("/v1/messages/M1"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        QVERIFY(request.body.isEmpty());
    }

    void deleteAskedTwiceIsOneRequest()
    {
        server()->setHandler([](const Request &) {
            Response response;
            response.status = 204;
            return response;
        });
        QSignalSpy deleted(client(), &WebexClient::messageDeleted);
        client()->deleteMessage(QStringLiteral("M1"));
        client()->deleteMessage(QStringLiteral("M1"));
        QVERIFY(deleted.wait());
        QTest::qWait(50); // a second answer would come now
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(server()->requests().size(), 1);
    }

    void deleteFailuresNameTheMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("not yours") << 403;
        QTest::newRow("already gone") << 404;
    }

    void deleteFailuresNameTheMessage()
    {
        QFETCH(int, status);
        server()->setHandler([status](const Request &) {
            return Response::json(status, R"({"message":"No.","trackingId":"T_3"})");
        });
        QSignalSpy deleted(client(), &WebexClient::messageDeleted);
        QSignalSpy failed(client(), &WebexClient::deleteFailed);
        client()->deleteMessage(QStringLiteral("M2"));
        QVERIFY(failed.wait());
        QCOMPARE(deleted.size(), 0);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("M2"));
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus, status);
        QCOMPARE(server()->requests().size(), 1);
    }

    void deleteOfANonIdSendsNothing()
    {
        QSignalSpy failed(client(), &WebexClient::deleteFailed);
        client()->deleteMessage(QStringLiteral("../people/me"));
        QVERIFY(failed.wait());
        QVERIFY(failed.first().at(1).value<ApiError>().message.contains(
            QStringLiteral("not a Webex id")));
        QCOMPARE(server()->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientEdits)
#include "tst_webexclientedits.moc"
