// What the composer and the status bar say while a call that has no banner of its own waits for
// Webex: a message being sent ("Webex asks us to wait; sending at 3:05 PM." with Send now, in
// the composer and the message's row), and the look-ups behind the panes: teams, senders' names
// and pictures ("Webex asks us to wait before loading names; trying again at 3:05 PM." with
// Retry now, in the status bar). And what stays when such a look-up fails after its waits: the
// e-mail address for a name, the initials for a picture, and a note saying so, never a spinner.
// The controllers with their real panes, against the unit tests' scripted TestHttpServer, which
// answers 429 with any Retry-After as often as a test asks. Nothing here waits for a clock:
// every wait is an hour, ended by the buttons a person would press.

#include "api/apibase.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "avatarcache.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "lookupwaitscontroller.h"
#include "mainwindow.h"
#include "messageitemdelegate.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "roomspane.h"
#include "spacescontroller.h"
#include "statebanner.h"
#include "testhttpserver.h"
#include "translations.h"
#include "waitsentences.h"

#include <QAccessible>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace {

using Request = TestHttpServer::Request;
using Response = TestHttpServer::Response;
using Kind = WebexClient::CallKind;

const QByteArray roomsJson = R"({"items":[{"id":"R1","title":"Room one","type":"group",)"
                             R"("lastActivity":"2024-01-02T00:00:00.000Z"},)"
                             R"({"id":"R2","title":"Room two","type":"group",)"
                             R"("lastActivity":"2024-01-01T00:00:00.000Z"}]})";
// One message from someone else, whose name is looked up (people?id=P2).
const QByteArray messagesJson =
    R"({"items":[{"id":"M1","roomId":"R1","text":"hello","personId":"P2",)"
    R"("personEmail":"pat@example.com","created":"2024-01-01T00:00:00.000Z"}]})";
const QByteArray patJson = R"({"items":[{"id":"P2","displayName":"Pat Doe",)"
                           R"("emails":["pat@example.com"]}]})";
const QByteArray teamsJson = R"({"items":[{"id":"T1","name":"Team one"}]})";

// What Webex answers to a message sent: the message.
QByteArray sentJson(const QString &text)
{
    const QJsonObject message{
        {QStringLiteral("id"), QStringLiteral("SENT1")},
        {QStringLiteral("roomId"), QStringLiteral("R1")},
        {QStringLiteral("text"), text},
        {QStringLiteral("personId"), QStringLiteral("ME")},
        {QStringLiteral("personEmail"), QStringLiteral("t@example.com")},
        {QStringLiteral("created"), QStringLiteral("2024-01-03T00:00:00.000Z")}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

Response rateLimited()
{
    return Response::json(429, R"({"message":"Too Many Requests","trackingId":"RL_1"})")
        .withHeader("Retry-After", "3600");
}

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_ARGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// What a wait until `retryAt` reads as: an hour away, so the time has no seconds and does not
// depend on the moment the sentence was made.
ApiError rateLimit()
{
    ApiError error;
    error.kind = ApiError::Kind::RateLimited;
    return error;
}

QString sendingSentence(const QDateTime &retryAt)
{
    return WaitSentences::sending(rateLimit(), retryAt, retryAt.addSecs(-3600));
}

QString lookupSentence(Kind call, const QDateTime &retryAt)
{
    return WaitSentences::lookup(call, rateLimit(), retryAt, retryAt.addSecs(-3600));
}

// What a screen reader reads of a widget when it asks.
QString readOut(QWidget *widget, QAccessible::Text what)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(what) : QStringLiteral("(not accessible)");
}

} // namespace

class TestSendingAndLookupWaits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everySentenceNamesWhatWaits();
    void aRateLimitedSendSaysWhenInTheComposerAndSendNowSendsItOnce();
    void aSendThatFailsAfterItsWaitsClearsTheSentenceAndGivesTheTextBack();
    void aShortSendWaitKeepsSayingSending();
    void aWaitingSendIsSaidInItsOwnSpaceOnly();
    void namesThatWaitSayItInTheStatusBarAndRetryNowLoadsThem();
    void namesThatFailAfterTheirWaitsKeepTheAddressesAndSaySo();
    void teamsThatWaitSayItInTheStatusBar();
    void picturesThatWaitSayItAndAFailedOneKeepsItsInitials();
    void theWaitsEndWithTheSession();

private:
    [[nodiscard]] WebexClient *newClient();
    // The spaces listed and R1 open with its message shown; false if they did not come.
    [[nodiscard]] bool openRoomOne(WebexClient *client);
    // Types `text` into the composer and presses Enter, as a person would.
    void typeAndSend(const QString &text);
    // While a call waits: presses `button`, and again each time `waiting` reports that it waits
    // again, until `failed` comes; false if neither came after a press.
    [[nodiscard]] static bool pressUntilFailed(QSignalSpy &waiting, QSignalSpy &failed,
                                               const std::function<QPushButton *()> &button);
    [[nodiscard]] static QDateTime waitedUntil(QSignalSpy &waiting, Kind call);

    [[nodiscard]] Composer *composer() const { return m_window->messagesPane()->composer(); }
    [[nodiscard]] MessageListModel *messages() const { return m_conversation->messageModel(); }
    [[nodiscard]] QString lastRowStatus() const;

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<SpacesController> m_spaces;
    std::unique_ptr<ConversationController> m_conversation;
    std::unique_ptr<LookupWaitsController> m_lookups;
    std::unique_ptr<WebexClient> m_client;
};

void TestSendingAndLookupWaits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // English sentences and an American clock ("3:05 PM").
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

void TestSendingAndLookupWaits::init()
{
    QSettings().clear();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_window = std::make_unique<MainWindow>();
    m_avatars = std::make_unique<AvatarCache>();
    m_window->setAvatarCache(m_avatars.get());
    m_spaces = std::make_unique<SpacesController>(m_window->roomsPane());
    m_conversation = std::make_unique<ConversationController>(
        m_window->messagesPane(), m_spaces->roomModel(), m_avatars.get());
    m_lookups = std::make_unique<LookupWaitsController>(m_window.get());
    m_window->resize(1000, 700);
    m_window->show();
    m_window->showWorkspace();
}

void TestSendingAndLookupWaits::cleanup()
{
    m_lookups.reset();
    m_conversation.reset();
    m_window.reset();
    m_spaces.reset();
    m_avatars.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

WebexClient *TestSendingAndLookupWaits::newClient()
{
    m_client = std::make_unique<WebexClient>(
        *ApiBase::fromUserInput(m_server->url(QStringLiteral("/v1")).toString()), m_network.get());
    m_client->setAccessToken(QStringLiteral("test-token"));
    m_client->setJitterSource([] { return 1.0; });
    // Real delays: a Retry-After of an hour waits an hour, unless someone presses a button.
    return m_client.get();
}

bool TestSendingAndLookupWaits::openRoomOne(WebexClient *client)
{
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    m_conversation->begin(client);
    m_lookups->watch(client);
    QSignalSpy loaded(m_spaces.get(), &SpacesController::roomsLoaded);
    m_spaces->load();
    if (!loaded.wait())
        return false;
    QSignalSpy shown(m_conversation.get(), &ConversationController::messagesShown);
    m_conversation->openRoom(QStringLiteral("R1"), QStringLiteral("Room one"));
    return shown.wait();
}

void TestSendingAndLookupWaits::typeAndSend(const QString &text)
{
    QPlainTextEdit *edit = composer()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

bool TestSendingAndLookupWaits::pressUntilFailed(QSignalSpy &waiting, QSignalSpy &failed,
                                                 const std::function<QPushButton *()> &button)
{
    // Each press sends the call again; Webex answers 429 again, and the call waits again, until
    // its retries are used up (RetryPolicy::MaxRetries) and it fails.
    for (int presses = 0; presses < 10 && failed.isEmpty(); ++presses) {
        const qsizetype waits = waiting.count();
        button()->click();
        if (!QTest::qWaitFor([&] { return waiting.count() > waits || !failed.isEmpty(); }))
            return false;
    }
    return !failed.isEmpty();
}

QDateTime TestSendingAndLookupWaits::waitedUntil(QSignalSpy &waiting, Kind call)
{
    const auto find = [&]() -> QDateTime {
        for (const QList<QVariant> &arguments : std::as_const(waiting)) {
            if (arguments.at(0).value<Kind>() == call)
                return arguments.at(2).toDateTime();
        }
        return {};
    };
    if (QTest::qWaitFor([&] { return find().isValid(); }))
        return find();
    return {};
}

QString TestSendingAndLookupWaits::lastRowStatus() const
{
    auto *delegate =
        qobject_cast<MessageItemDelegate *>(m_window->messagesPane()->view()->itemDelegate());
    if (!delegate || messages()->rowCount() == 0)
        return QStringLiteral("(no row)");
    return delegate->statusText(messages()->index(messages()->rowCount() - 1, 0));
}

void TestSendingAndLookupWaits::everySentenceNamesWhatWaits()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime later = now.addSecs(3600);
    ApiError server;
    server.kind = ApiError::Kind::Http;
    server.httpStatus = 503;
    ApiError refused;
    refused.kind = ApiError::Kind::Network;
    const QString when = ApiError::waitTime(later, now);
    QVERIFY(!when.isEmpty());

    QCOMPARE(WaitSentences::sending(rateLimit(), later, now),
             QStringLiteral("Webex asks us to wait; sending at %1.").arg(when));
    QCOMPARE(WaitSentences::sending(server, later, now),
             QStringLiteral("Webex is having trouble; sending at %1.").arg(when));
    QCOMPARE(WaitSentences::sending(refused, later, now),
             QStringLiteral("The connection to Webex failed; sending at %1.").arg(when));

    const QList<QPair<Kind, QString>> lookups{{Kind::Teams, QStringLiteral("your teams")},
                                              {Kind::People, QStringLiteral("names")},
                                              {Kind::Image, QStringLiteral("pictures")}};
    for (const auto &[call, what] : lookups) {
        QCOMPARE(WaitSentences::lookup(call, rateLimit(), later, now),
                 QStringLiteral("Webex asks us to wait before loading %1; trying again at %2.")
                     .arg(what, when));
        QCOMPARE(WaitSentences::lookup(call, server, later, now),
                 QStringLiteral("Webex is having trouble loading %1; trying again at %2.")
                     .arg(what, when));
        QCOMPARE(WaitSentences::lookup(call, refused, later, now),
                 QStringLiteral("The connection to Webex failed while loading %1; trying again "
                                "at %2.")
                     .arg(what, when));
        QVERIFY(LookupWaitsController::isLookup(call));
    }
    // The other calls have a place of their own that says it.
    for (const Kind call : {Kind::Me, Kind::Rooms, Kind::RecentRooms, Kind::Messages, Kind::Send}) {
        QVERIFY(WaitSentences::lookup(call, rateLimit(), later, now).isEmpty());
        QVERIFY(!LookupWaitsController::isLookup(call));
    }
    // The same clock as every other wait sentence: seconds when it is seconds away.
    QCOMPARE(WaitSentences::sending(rateLimit(), now.addSecs(20), now),
             QStringLiteral("Webex asks us to wait; sending at %1.")
                 .arg(ApiError::waitTime(now.addSecs(20), now)));
    QVERIFY(ApiError::waitTime(now.addSecs(20), now).count(QLatin1Char(':')) == 2);
    QCOMPARE(rateLimit().waitSentence(later, now),
             QStringLiteral("Webex asks us to wait; trying again at %1.").arg(when));
}

void TestSendingAndLookupWaits::aRateLimitedSendSaysWhenInTheComposerAndSendNowSendsItOnce()
{
    int posts = 0;
    m_server->setHandler([&posts](const Request &request) {
        const QString path = request.url().path();
        if (request.method == "POST" && path == QLatin1String("/v1/messages"))
            return ++posts == 1
                       ? rateLimited()
                       : Response::json(200, sentJson(QStringLiteral("See you at **ten**")));
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, messagesJson);
        if (path == QLatin1String("/v1/people"))
            return Response::json(200, patJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QVERIFY(openRoomOne(client));
    const int rows = messages()->rowCount();
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy sent(client, &WebexClient::messageSent);

    typeAndSend(QStringLiteral("See you at **ten**"));
    const QDateTime retryAt = waitedUntil(waiting, Kind::Send);
    QVERIFY(retryAt.isValid());
    QCOMPARE(posts, 1);

    // The composer says until when, with Send now; the field is free for the next message.
    const QString sentence = sendingSentence(retryAt);
    QVERIFY2(sentence.startsWith(QStringLiteral("Webex asks us to wait; sending at ")),
             qPrintable(sentence));
    QVERIFY(sentence.endsWith(QStringLiteral(" PM.")) || sentence.endsWith(QStringLiteral(" AM.")));
    QCOMPARE(composer()->sendWaiting(), sentence);
    StateBanner *banner = composer()->sendWaitingBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->state(), StateBanner::State::Waiting);
    QVERIFY(banner->retryButton()->isVisible());
    QCOMPARE(banner->retryButton()->text(), QStringLiteral("Send no&w"));
    QCOMPARE(banner->retryButton()->accessibleName(), QStringLiteral("Send now"));
    QVERIFY(composer()->text().isEmpty());
    QVERIFY(composer()->problem().isEmpty());
    // The composer says it; the status bar is for what has no place of its own.
    QCOMPARE(m_window->lookupBanner()->state(), StateBanner::State::Hidden);

    // The text is kept, in its row, which says the same instead of "Sending…".
    QCOMPARE(messages()->rowCount(), rows + 1);
    const QModelIndex row = messages()->index(rows, 0);
    QVERIFY(row.data(MessageListModel::PendingRole).toBool());
    QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("See you at **ten**"));
    QCOMPARE(lastRowStatus(), sentence);

    // A screen reader reads it: the line's name is the sentence (set through the setter, which
    // tells the screen reader it changed), and the field the person is in describes it too.
    QCOMPARE(readOut(banner, QAccessible::Name), sentence);
    QVERIFY2(readOut(composer()->editor(), QAccessible::Description).startsWith(sentence),
             qPrintable(readOut(composer()->editor(), QAccessible::Description)));
    QCOMPARE(readOut(banner->retryButton(), QAccessible::Name), QStringLiteral("Send now"));

    // Send now: on its way at once ("Sending…" again), then sent, once.
    banner->retryButton()->click();
    QVERIFY(composer()->sendWaiting().isEmpty());
    QVERIFY(!banner->isVisible());
    QCOMPARE(lastRowStatus(), QStringLiteral("Sending…"));
    QVERIFY(!readOut(composer()->editor(), QAccessible::Description).contains(sentence));
    QVERIFY(sent.wait());
    QCOMPARE(posts, 2);
    QCOMPARE(messages()->rowCount(), rows + 1);
    QVERIFY(!messages()->index(rows, 0).data(MessageListModel::PendingRole).toBool());
    QCOMPARE(messages()->index(rows, 0).data(MessageListModel::IdRole).toString(),
             QStringLiteral("SENT1"));
    QVERIFY(lastRowStatus().isEmpty());
    QVERIFY(composer()->sendWaiting().isEmpty());
    // Nothing else waits, so a second press (there is no button now) could send nothing more.
    QVERIFY(!client->hasWaitingRetries());
}

void TestSendingAndLookupWaits::aSendThatFailsAfterItsWaitsClearsTheSentenceAndGivesTheTextBack()
{
    int posts = 0;
    m_server->setHandler([&posts](const Request &request) {
        const QString path = request.url().path();
        if (request.method == "POST") {
            ++posts;
            return rateLimited(); // every time
        }
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, messagesJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QVERIFY(openRoomOne(client));
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy failed(client, &WebexClient::sendFailed);
    typeAndSend(QStringLiteral("Lunch?"));
    QVERIFY(waitedUntil(waiting, Kind::Send).isValid());
    QVERIFY(!composer()->sendWaiting().isEmpty());

    QVERIFY(pressUntilFailed(waiting, failed,
                             [this] { return composer()->sendWaitingBanner()->retryButton(); }));
    QCOMPARE(posts, 4); // the first and three retries: RetryPolicy::MaxRetries

    // No more "sending at": the text is back in the field, with why, and the row says so.
    QVERIFY(composer()->sendWaiting().isEmpty());
    QVERIFY(!composer()->sendWaitingBanner()->isVisible());
    QCOMPARE(composer()->text(), QStringLiteral("Lunch?"));
    QVERIFY2(composer()->problem().startsWith(QStringLiteral("Your message was not sent.")),
             qPrintable(composer()->problem()));
    QVERIFY2(lastRowStatus().startsWith(QStringLiteral("Not sent: ")), qPrintable(lastRowStatus()));
    QVERIFY(!readOut(composer()->editor(), QAccessible::Description)
                 .contains(QStringLiteral("sending at")));
}

void TestSendingAndLookupWaits::aShortSendWaitKeepsSayingSending()
{
    int posts = 0;
    m_server->setHandler([&posts](const Request &request) {
        const QString path = request.url().path();
        if (request.method == "POST")
            return ++posts == 1 ? Response::json(429, R"({"message":"slow down"})")
                                      .withHeader("Retry-After", "1")
                                : Response::json(200, sentJson(QStringLiteral("Quick")));
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, messagesJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QVERIFY(openRoomOne(client));
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy sent(client, &WebexClient::messageSent);
    typeAndSend(QStringLiteral("Quick"));
    QVERIFY(waitedUntil(waiting, Kind::Send).isValid());
    // A second is not worth a sentence: the row keeps saying "Sending…".
    QVERIFY(composer()->sendWaiting().isEmpty());
    QCOMPARE(lastRowStatus(), QStringLiteral("Sending…"));
    QVERIFY(sent.wait());
    QCOMPARE(posts, 2);
}

void TestSendingAndLookupWaits::aWaitingSendIsSaidInItsOwnSpaceOnly()
{
    int posts = 0;
    m_server->setHandler([&posts](const Request &request) {
        const QString path = request.url().path();
        if (request.method == "POST")
            return ++posts == 1 ? rateLimited()
                                : Response::json(200, sentJson(QStringLiteral("In R1")));
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, R"({"items":[]})");
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QVERIFY(openRoomOne(client));
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    typeAndSend(QStringLiteral("In R1"));
    const QDateTime retryAt = waitedUntil(waiting, Kind::Send);
    QVERIFY(retryAt.isValid());
    QCOMPARE(composer()->sendWaiting(), sendingSentence(retryAt));

    // Another space: its composer has nothing waiting.
    QSignalSpy shown(m_conversation.get(), &ConversationController::messagesShown);
    m_conversation->openRoom(QStringLiteral("R2"), QStringLiteral("Room two"));
    QVERIFY(composer()->sendWaiting().isEmpty());
    QVERIFY(shown.wait());
    QVERIFY(composer()->sendWaiting().isEmpty());

    // Back: the message sent there still waits, and says so.
    m_conversation->openRoom(QStringLiteral("R1"), QStringLiteral("Room one"));
    QCOMPARE(composer()->sendWaiting(), sendingSentence(retryAt));
    QSignalSpy sent(client, &WebexClient::messageSent);
    composer()->sendWaitingBanner()->retryButton()->click();
    QVERIFY(sent.wait());
    QCOMPARE(posts, 2);
    QVERIFY(composer()->sendWaiting().isEmpty());
}

void TestSendingAndLookupWaits::namesThatWaitSayItInTheStatusBarAndRetryNowLoadsThem()
{
    int lookups = 0;
    m_server->setHandler([&lookups](const Request &request) {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/people"))
            return ++lookups == 1 ? rateLimited() : Response::json(200, patJson);
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, messagesJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QVERIFY(openRoomOne(client));
    const QDateTime retryAt = waitedUntil(waiting, Kind::People);
    QVERIFY(retryAt.isValid());

    // The status bar says what waits and until when; the row shows the address meanwhile.
    StateBanner *status = m_window->lookupBanner();
    const QString sentence = lookupSentence(Kind::People, retryAt);
    QVERIFY2(sentence.startsWith(
                 QStringLiteral("Webex asks us to wait before loading names; trying again at ")),
             qPrintable(sentence));
    QCOMPARE(status->state(), StateBanner::State::Waiting);
    QCOMPARE(status->text(), sentence);
    QCOMPARE(m_lookups->sentence(), sentence);
    QVERIFY(status->isVisible());
    QVERIFY(status->retryButton()->isVisible());
    QCOMPARE(status->retryButton()->accessibleName(), QStringLiteral("Retry now"));
    QCOMPARE(readOut(status, QAccessible::Name), sentence);
    QCOMPARE(messages()->index(0, 0).data(MessageListModel::SenderNameRole).toString(),
             QStringLiteral("pat@example.com"));

    // Retry now: asked at once, the sentence goes; then the name.
    status->retryButton()->click();
    QCOMPARE(status->state(), StateBanner::State::Hidden);
    QVERIFY(!status->isVisible());
    QTRY_COMPARE(messages()->index(0, 0).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Pat Doe"));
    QCOMPARE(lookups, 2);
    QCOMPARE(status->state(), StateBanner::State::Hidden);
}

void TestSendingAndLookupWaits::namesThatFailAfterTheirWaitsKeepTheAddressesAndSaySo()
{
    m_server->setHandler([](const Request &request) {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/people"))
            return rateLimited(); // every time
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages"))
            return Response::json(200, messagesJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy failed(client, &WebexClient::peopleFailed);
    QVERIFY(openRoomOne(client));
    QVERIFY(waitedUntil(waiting, Kind::People).isValid());
    StateBanner *status = m_window->lookupBanner();
    QVERIFY(pressUntilFailed(waiting, failed, [status] { return status->retryButton(); }));

    // Not a spinner, not an empty name: the address stays, and the status bar says why.
    QCOMPARE(messages()->index(0, 0).data(MessageListModel::SenderNameRole).toString(),
             QStringLiteral("pat@example.com"));
    QCOMPARE(status->state(), StateBanner::State::Notice);
    QCOMPARE(status->text(), QStringLiteral("Some names could not be loaded; their e-mail "
                                            "addresses are shown instead."));
    QVERIFY(status->retryButton()->isHidden());
    QVERIFY(!m_lookups->isWaiting());
}

void TestSendingAndLookupWaits::teamsThatWaitSayItInTheStatusBar()
{
    int teamCalls = 0;
    m_server->setHandler([&teamCalls](const Request &request) {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/teams"))
            return ++teamCalls == 1 ? rateLimited() : Response::json(200, teamsJson);
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        return Response::json(200, R"({"items":[]})");
    });
    WebexClient *client = newClient();
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    m_lookups->watch(client);
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QSignalSpy loaded(m_spaces.get(), &SpacesController::roomsLoaded);
    QSignalSpy teams(client, &WebexClient::teamsFetched);
    m_spaces->load();
    const QDateTime retryAt = waitedUntil(waiting, Kind::Teams);
    QVERIFY(retryAt.isValid());
    // The spaces are not held up by it.
    QVERIFY(!loaded.isEmpty() || loaded.wait());

    StateBanner *status = m_window->lookupBanner();
    QCOMPARE(status->state(), StateBanner::State::Waiting);
    QCOMPARE(status->text(), lookupSentence(Kind::Teams, retryAt));
    QVERIFY2(status->text().startsWith(QStringLiteral(
                 "Webex asks us to wait before loading your teams; trying again at ")),
             qPrintable(status->text()));
    auto *teamChoice = m_window->roomsPane()->findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QVERIFY(teamChoice);
    QVERIFY(teamChoice->isHidden());

    status->retryButton()->click();
    QVERIFY(teams.wait());
    QCOMPARE(teamCalls, 2);
    QCOMPARE(status->state(), StateBanner::State::Hidden);
    QVERIFY(teamChoice->isVisible());
}

void TestSendingAndLookupWaits::picturesThatWaitSayItAndAFailedOneKeepsItsInitials()
{
    int missing = 0;
    int other = 0;
    const QByteArray png = pngBytes();
    m_server->setHandler([&missing, &other, png](const Request &request) {
        if (request.url().path() == QLatin1String("/avatars/pat.png")) {
            ++missing;
            return rateLimited(); // every time
        }
        ++other;
        Response picture = Response::json(200, png);
        picture.headers = {{"Content-Type", "image/png"}};
        return picture;
    });
    m_avatars->begin(*ApiBase::fromUserInput(m_server->url(QStringLiteral("/v1")).toString()));
    WebexClient *downloads = m_avatars->downloads();
    QVERIFY(downloads);
    m_lookups->watch(downloads);
    QSignalSpy waiting(downloads, &WebexClient::retryWaiting);
    QSignalSpy failed(downloads, &WebexClient::imageFailed);

    const QUrl url = m_server->url(QStringLiteral("/avatars/pat.png"));
    const QPalette palette = m_window->palette();
    const QImage initials =
        m_avatars->avatar(QUrl(), QStringLiteral("Pat Doe"), 32, 1.0, palette).toImage();
    QCOMPARE(m_avatars->avatar(url, QStringLiteral("Pat Doe"), 32, 1.0, palette).toImage(),
             initials);
    const QDateTime retryAt = waitedUntil(waiting, Kind::Image);
    QVERIFY(retryAt.isValid());
    StateBanner *status = m_window->lookupBanner();
    QCOMPARE(status->state(), StateBanner::State::Waiting);
    QCOMPARE(status->text(), lookupSentence(Kind::Image, retryAt));

    QVERIFY(pressUntilFailed(waiting, failed, [status] { return status->retryButton(); }));
    QCOMPARE(missing, 4);
    // The initials stay, the picture is not asked for again, and the status bar says why.
    QCOMPARE(m_avatars->avatar(url, QStringLiteral("Pat Doe"), 32, 1.0, palette).toImage(),
             initials);
    QCOMPARE(status->state(), StateBanner::State::Notice);
    QCOMPARE(status->text(),
             QStringLiteral("Some pictures could not be loaded; initials are shown instead."));
    QCOMPARE(missing, 4);

    // Pictures come again: the note has had its day.
    QSignalSpy changed(m_avatars.get(), &AvatarCache::avatarChanged);
    const QUrl another = m_server->url(QStringLiteral("/avatars/sam.png"));
    (void)m_avatars->avatar(another, QStringLiteral("Sam Roe"), 32, 1.0, palette);
    QVERIFY(changed.wait());
    QCOMPARE(other, 1);
    QCOMPARE(status->state(), StateBanner::State::Hidden);
    QCOMPARE(missing, 4);
}

void TestSendingAndLookupWaits::theWaitsEndWithTheSession()
{
    m_server->setHandler([](const Request &request) {
        const QString path = request.url().path();
        if (path == QLatin1String("/v1/rooms"))
            return Response::json(200, roomsJson);
        if (path == QLatin1String("/v1/messages") && request.method == "GET")
            return Response::json(200, messagesJson);
        return rateLimited(); // people, teams and sending
    });
    WebexClient *client = newClient();
    QSignalSpy waiting(client, &WebexClient::retryWaiting);
    QVERIFY(openRoomOne(client));
    QVERIFY(waitedUntil(waiting, Kind::People).isValid());
    typeAndSend(QStringLiteral("Bye"));
    QVERIFY(waitedUntil(waiting, Kind::Send).isValid());
    QCOMPARE(m_window->lookupBanner()->state(), StateBanner::State::Waiting);
    QVERIFY(!composer()->sendWaiting().isEmpty());

    // Signed out: nothing of the session is said any more.
    client->cancelAll();
    m_lookups->end();
    m_conversation->end();
    m_spaces->end(true);
    QCOMPARE(m_window->lookupBanner()->state(), StateBanner::State::Hidden);
    QVERIFY(composer()->sendWaiting().isEmpty());
}

QTEST_MAIN(TestSendingAndLookupWaits)
#include "tst_sendingandlookupwaits.moc"
