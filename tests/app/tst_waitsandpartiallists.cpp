// What the header, the spaces and the messages say while Webex makes us wait ("Webex asks us to
// wait; trying again at 3:05 PM." with Retry now), and when a list is not whole ("2 of your
// spaces loaded; the rest could not be loaded: ..."). The controllers with their real panes
// (WorkspacePanes), against a ScriptedWebex, which can answer 429 with any Retry-After, fail
// any page, or never stop paging (the emulator does none of these on purpose).

#include "api/apierror.h"
#include "api/webexclient.h"
#include "conversationcontroller.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "scriptedwebex.h"
#include "shownprofile.h"
#include "spacescontroller.h"
#include "statebanner.h"
#include "translations.h"
#include "webexanswers.h"
#include "workspacepanes.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

using Request = TestHttpServer::Request;
using Response = TestHttpServer::Response;
using namespace WebexAnswers;

QByteArray messagesJson(const QStringList &ids)
{
    QByteArray out = "{\"items\":[";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += "{\"id\":\"" + ids.at(i).toUtf8() +
               "\",\"roomId\":\"R1\",\"text\":\"hello\",\"personId\":\"ME\","
               "\"personEmail\":\"t@example.com\",\"created\":\"2024-01-01T00:00:0" +
               QByteArray::number(i) + ".000Z\"}";
    }
    return out + "]}";
}

Response rateLimited(const QByteArray &retryAfter)
{
    return Response::json(429, R"({"message":"Too Many Requests","trackingId":"RL_1"})")
        .withHeader("Retry-After", retryAfter);
}

// What the controllers say for a wait until `retryAt`: an hour away, so the sentence does
// not depend on the moment it was made (no seconds).
QString expectedWait(ApiError::Kind kind, const QDateTime &retryAt)
{
    ApiError error;
    error.kind = kind;
    return error.waitSentence(retryAt, retryAt.addSecs(-3600));
}

} // namespace

class TestWaitsAndPartialLists : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void profileSaysUntilWhenItWaitsAndRetryNowLoadsIt();
    void spacesSayUntilWhenTheyWaitThenLoadingWhenTheRetryRuns();
    void messagesSayUntilWhenTheyWait();
    void aLongServerErrorWaitIsSaidToo();
    void aShortWaitKeepsSayingLoading();
    void spacesLoadedBeforeAFailureAreCountedWithTheReason();
    void spacesOfEndlessPagesAreCountedWithoutRetry();
    void messagesShownBeforeAFailedPageAreCountedWithTheReason();

private:
    [[nodiscard]] WebexClient *newClient();
    // The retryWaiting of a call that waited, once the controllers have seen it.
    [[nodiscard]] static QDateTime waitedUntil(QSignalSpy &waiting);

    std::unique_ptr<ScriptedWebex> m_webex;
    std::unique_ptr<WorkspacePanes> m_panes;
    std::unique_ptr<ProfileController> m_profile;
    // Short for m_panes' and m_webex's.
    MainWindow *m_window = nullptr;
    SpacesController *m_spaces = nullptr;
    ConversationController *m_conversation = nullptr;
    TestHttpServer *m_server = nullptr;
};

void TestWaitsAndPartialLists::initTestCase()
{
    // English plurals ("3 spaces") and an American clock ("3:05 PM").
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

void TestWaitsAndPartialLists::init()
{
    m_webex = std::make_unique<ScriptedWebex>();
    QVERIFY(m_webex->start());
    m_server = m_webex->server();
    m_panes = std::make_unique<WorkspacePanes>();
    m_window = m_panes->window();
    m_spaces = m_panes->spaces();
    m_conversation = m_panes->conversation();
    m_profile = std::make_unique<ProfileController>(m_window);
}

void TestWaitsAndPartialLists::cleanup()
{
    m_profile.reset();
    m_panes.reset();
    m_webex.reset();
}

WebexClient *TestWaitsAndPartialLists::newClient()
{
    WebexClient *client = m_webex->client();
    client->setJitterSource([] { return 1.0; });
    // Real delays: a Retry-After of an hour waits an hour, unless someone says "Retry now".
    return client;
}

QDateTime TestWaitsAndPartialLists::waitedUntil(QSignalSpy &waiting)
{
    if (waiting.isEmpty() && !waiting.wait())
        return {};
    return waiting.first().at(2).toDateTime();
}

void TestWaitsAndPartialLists::profileSaysUntilWhenItWaitsAndRetryNowLoadsIt()
{
    int count = 0;
    m_server->setHandler([&count](const Request &) {
        return ++count == 1 ? rateLimited("3600") : Response::json(200, meJson);
    });
    WebexClient *client = newClient();
    m_profile->begin(client);
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy shown(m_profile.get(), &ProfileController::profileShown);
    m_profile->load();
    const QDateTime retryAt = waitedUntil(waiting);
    QVERIFY(retryAt.isValid());

    // Not "Loading your profile..." for an hour: the header says until when.
    StateBanner *banner = m_window->profileBanner();
    QCOMPARE(banner->state(), StateBanner::State::Waiting);
    QCOMPARE(banner->text(), expectedWait(ApiError::Kind::RateLimited, retryAt));
    QVERIFY2(banner->text().startsWith(QStringLiteral("Webex asks us to wait; trying again at ")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral(" PM.")) ||
            banner->text().contains(QStringLiteral(" AM.")));
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Your profile is not loaded yet."));
    QVERIFY(banner->retryButton()->isVisible());
    QCOMPARE(banner->retryButton()->text(), QStringLiteral("Retry &now"));

    // Retry now: asked at once, "Loading" meanwhile, then the profile.
    banner->retryButton()->click();
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Loading your profile…"));
    QVERIFY(shown.wait());
    QCOMPARE(count, 2);
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Test User"));
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
}

void TestWaitsAndPartialLists::spacesSayUntilWhenTheyWaitThenLoadingWhenTheRetryRuns()
{
    int count = 0;
    m_server->setHandler([&count](const Request &request) {
        if (request.url().path() != QLatin1String("/v1/rooms"))
            return Response::json(200, R"({"items":[]})"); // the teams
        return ++count == 1
                   ? rateLimited("3600")
                   : Response::json(200, roomsJson({QStringLiteral("a"), QStringLiteral("b")}));
    });
    WebexClient *client = newClient();
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    m_spaces->load();
    const QDateTime retryAt = waitedUntil(waiting);
    QVERIFY(retryAt.isValid());
    QCOMPARE(waiting.first().at(0).value<WebexClient::CallKind>(), WebexClient::CallKind::Rooms);

    StateBanner *banner = m_window->roomsPane()->banner();
    QCOMPARE(banner->state(), StateBanner::State::Waiting);
    QCOMPARE(banner->text(), expectedWait(ApiError::Kind::RateLimited, retryAt));
    QVERIFY(banner->retryButton()->isVisible());

    banner->retryButton()->click();
    QCOMPARE(banner->state(), StateBanner::State::Loading); // the retry runs
    QVERIFY(loaded.wait());
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
    QCOMPARE(m_spaces->roomModel()->rowCount(), 2);
}

void TestWaitsAndPartialLists::messagesSayUntilWhenTheyWait()
{
    int messageCalls = 0;
    m_server->setHandler([&messageCalls](const Request &request) {
        if (request.url().path() == QLatin1String("/v1/messages"))
            return ++messageCalls == 1
                       ? rateLimited("Sun, 06 Nov 2094 08:49:37 GMT") // too far: not waited for
                       : (messageCalls == 2 ? rateLimited("3600")
                                            : Response::json(200, messagesJson({"M1"})));
        if (request.url().path() == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson({QStringLiteral("R1")}));
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    m_conversation->begin(client);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    m_spaces->load();
    QVERIFY(loaded.wait());

    // A wait of more than an hour is not waited: it fails at once and says for how long.
    StateBanner *banner = m_window->messagesPane()->banner();
    m_conversation->openRoom(QStringLiteral("R1"), QStringLiteral("Room R1"));
    QTRY_COMPARE(banner->state(), StateBanner::State::Error);
    QVERIFY2(banner->text().contains(QStringLiteral("hours")), qPrintable(banner->text()));

    // Retry: this time Webex asks for an hour, and the pane says until when.
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy shown(m_conversation, &ConversationController::messagesShown);
    banner->retryButton()->click();
    const QDateTime retryAt = waitedUntil(waiting);
    QVERIFY(retryAt.isValid());
    QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("R1"));
    QCOMPARE(banner->state(), StateBanner::State::Waiting);
    QCOMPARE(banner->text(), expectedWait(ApiError::Kind::RateLimited, retryAt));

    banner->retryButton()->click(); // Retry now
    QVERIFY(shown.wait());
    QCOMPARE(messageCalls, 3);
    QCOMPARE(m_conversation->messageModel()->rowCount(), 1);
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
}

void TestWaitsAndPartialLists::aLongServerErrorWaitIsSaidToo()
{
    int count = 0;
    m_server->setHandler([&count](const Request &) {
        return ++count == 1 ? Response::json(503, R"({"message":"maintenance"})")
                                  .withHeader("Retry-After", "1800")
                            : Response::json(200, meJson);
    });
    WebexClient *client = newClient();
    m_profile->begin(client);
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    m_profile->load();
    const QDateTime retryAt = waitedUntil(waiting);
    QVERIFY(retryAt.isValid());
    StateBanner *banner = m_window->profileBanner();
    QCOMPARE(banner->state(), StateBanner::State::Waiting);
    QCOMPARE(banner->text(), expectedWait(ApiError::Kind::Http, retryAt));
    QVERIFY2(banner->text().startsWith(QStringLiteral("Webex is having trouble; trying again at ")),
             qPrintable(banner->text()));
}

void TestWaitsAndPartialLists::aShortWaitKeepsSayingLoading()
{
    int count = 0;
    m_server->setHandler([&count](const Request &) {
        return ++count == 1 ? Response::json(503, R"({"message":"busy"})")
                            : Response::json(200, meJson);
    });
    WebexClient *client = newClient();
    client->setRetryDelayScale(0.02); // the first backoff: 20 ms
    m_profile->begin(client);
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy shown(m_profile.get(), &ProfileController::profileShown);
    m_profile->load();
    QVERIFY(waitedUntil(waiting).isValid());
    // Too short to be worth a sentence.
    QCOMPARE(m_window->profileBanner()->state(), StateBanner::State::Hidden);
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Loading your profile…"));
    QVERIFY(shown.wait());
}

void TestWaitsAndPartialLists::spacesLoadedBeforeAFailureAreCountedWithTheReason()
{
    const QByteArray origin = m_server->origin();
    int failures = 0;
    m_server->setHandler([origin, &failures](const Request &request) {
        if (request.url().path() != QLatin1String("/v1/rooms"))
            return Response::json(200, R"({"items":[]})");
        if (!request.target.contains("cursor=2"))
            return Response::json(200, roomsJson({QStringLiteral("a"), QStringLiteral("b")}))
                .withHeader("Link", "<" + origin + "/v1/rooms?max=1000&cursor=2>; rel=next");
        if (++failures == 1) // the second page: not retried
            return Response::json(404, R"({"message":"No such cursor","trackingId":"PG_2"})");
        return Response::json(200, roomsJson({QStringLiteral("c")}));
    });
    m_spaces->begin(newClient(), QStringLiteral("127.0.0.1"), false);
    m_spaces->load();
    StateBanner *banner = m_window->roomsPane()->banner();
    QTRY_COMPARE(banner->state(), StateBanner::State::Error);

    // Not "Your spaces could not be loaded." while two are listed.
    ApiError why;
    why.kind = ApiError::Kind::Http;
    why.httpStatus = 404;
    why.message = QStringLiteral("No such cursor");
    why.trackingId = QStringLiteral("PG_2");
    QCOMPARE(banner->text(), QStringLiteral("2 of your spaces loaded; the rest could not be "
                                            "loaded: ") +
                                 why.userMessage());
    QVERIFY(banner->retryButton()->isVisible());
    auto *count = m_window->roomsPane()->findChild<QLabel *>(QStringLiteral("roomsStatusLabel"));
    QCOMPARE(count->text(), QStringLiteral("2 spaces"));

    // Retry loads it all.
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    banner->retryButton()->click();
    QVERIFY(loaded.wait());
    QCOMPARE(m_spaces->roomModel()->rowCount(), 3);
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
    QCOMPARE(count->text(), QStringLiteral("3 spaces"));
}

void TestWaitsAndPartialLists::spacesOfEndlessPagesAreCountedWithoutRetry()
{
    // Page after page links to the same next page: the paging stops, the list stays.
    const QByteArray origin = m_server->origin();
    m_server->setHandler([origin](const Request &request) {
        if (request.url().path() != QLatin1String("/v1/rooms"))
            return Response::json(200, R"({"items":[]})");
        const QStringList ids = request.target.contains("cursor=")
                                    ? QStringList{QStringLiteral("c")}
                                    : QStringList{QStringLiteral("a"), QStringLiteral("b")};
        return Response::json(200, roomsJson(ids))
            .withHeader("Link", "<" + origin + "/v1/rooms?max=1000&cursor=again>; rel=next");
    });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Stopped following")));
    m_spaces->begin(newClient(), QStringLiteral("127.0.0.1"), false);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    m_spaces->load();
    QVERIFY(loaded.wait());
    StateBanner *banner = m_window->roomsPane()->banner();
    QCOMPARE(banner->state(), StateBanner::State::Notice);
    QCOMPARE(banner->text(), QStringLiteral("3 spaces loaded; Webex kept sending more pages, so "
                                            "the rest were not loaded."));
    QVERIFY(banner->retryButton()->isHidden()); // the same pages would come again
    auto *count = m_window->roomsPane()->findChild<QLabel *>(QStringLiteral("roomsStatusLabel"));
    QCOMPARE(count->text(), QStringLiteral("3 spaces"));
    // Filtering does not make the notice go away.
    m_window->roomsPane()->filterEdit()->setText(QStringLiteral("Room a"));
    m_window->roomsPane()->filterEdit()->clear();
    QCOMPARE(banner->state(), StateBanner::State::Notice);
}

void TestWaitsAndPartialLists::messagesShownBeforeAFailedPageAreCountedWithTheReason()
{
    const QByteArray origin = m_server->origin();
    m_server->setHandler([origin](const Request &request) {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson({QStringLiteral("R1")}));
        if (path != QLatin1String("/v1/messages"))
            return Response::json(200, R"({"items":[]})");
        if (!QUrlQuery(request.url()).hasQueryItem(QStringLiteral("beforeMessage")))
            return Response::json(200, messagesJson({"M2", "M1"}))
                .withHeader("Link", "<" + origin +
                                        "/v1/messages?roomId=R1&max=50&cursor=old>; "
                                        "rel=\"next\"");
        return Response::json(403, R"({"message":"Older messages are hidden","trackingId":"OM"})");
    });
    WebexClient *client = newClient();
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    m_conversation->begin(client);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    m_spaces->load();
    QVERIFY(loaded.wait());
    m_conversation->openRoom(QStringLiteral("R1"), QStringLiteral("Room R1"));
    // Two messages do not fill the pane: it asks for older ones by itself, which fail.
    StateBanner *banner = m_window->messagesPane()->banner();
    QTRY_COMPARE(banner->state(), StateBanner::State::Error);
    QVERIFY2(banner->text().startsWith(QStringLiteral(
                 "2 messages shown; the rest could not be loaded: Webex refused access")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Tracking ID: OM")));
    QCOMPARE(m_conversation->messageModel()->rowCount(), 2);
}

QTEST_MAIN(TestWaitsAndPartialLists)
#include "tst_waitsandpartiallists.moc"
