// The app's controllers, each driven directly against the emulator over real HTTP, with the
// real pane it drives: SpacesController (the rooms pane), ConversationController (the
// messages pane), ProfileController (the header), and DemoEmulatorProcess (the demo's Webex,
// the real webex-emulator program). No session, no keychain: a token comes from the emulator.

#include "api/apibase.h"
#include "api/webexclient.h"
#include "conversationcontroller.h"
#include "demoemulatorprocess.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/person.h"
#include "model/roomlistmodel.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "shownprofile.h"
#include "spacescontroller.h"
#include "statebanner.h"
#include "webexemulator.h"
#include "workspacepanes.h"

#include <QComboBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int WaitMs = 20000;
constexpr int RoomCount = 120;
} // namespace

class TestControllers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void spacesLoadAllPagesAndTeamsIntoThePane();
    void spacesRefreshAsksForTheFirstPageOnlyAndReportsActivity();
    void spacesKeepSeenTimesPerAccountAndForgetThemOnSignOut();
    void spacesFailureShowsInThePaneWithRetry();
    void conversationOpensASpaceWithSendersNamed();
    void conversationSendsAndConfirms();
    void conversationLoadsNewestOnActivityOfTheOpenSpaceOnly();
    void conversationFailedSendPutsTheTextBack();
    void profileShowsNameAndTellsWhoIsSignedIn();
    void demoEmulatorProcessStartsAndServesItsOwnIntegration();
    void demoEmulatorProcessThatIsNotThereFails();

private:
    [[nodiscard]] WebexClient *newClient();
    [[nodiscard]] bool loadSpaces(SpacesController *spaces);
    // A space with at least `minimum` messages (the emulator seeds some with few or none).
    [[nodiscard]] QString roomWithMessages(int minimum) const;
    // Both controllers begun on one client, the spaces loaded, and a space with at least
    // `minimum` messages (any space for 0) opened and shown; its id, or empty on failure.
    [[nodiscard]] QString beginAndOpenSpace(int minimum);

    std::unique_ptr<WebexEmulator> m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<WorkspacePanes> m_panes;
    // Short for m_panes'.
    MainWindow *m_window = nullptr;
    SpacesController *m_spaces = nullptr;
    ConversationController *m_conversation = nullptr;
};

void TestControllers::init()
{
    m_emulator = std::make_unique<WebexEmulator>(EmulatorOptions{
        QStringLiteral("Cclient0000controllers"), QStringLiteral("secret-controllers"),
        QStringLiteral("http://localhost:5000/auth/cisco/callback"), RoomCount});
    QVERIFY(m_emulator->listen());
    m_panes = std::make_unique<WorkspacePanes>();
    m_window = m_panes->window();
    m_spaces = m_panes->spaces();
    m_conversation = m_panes->conversation();
}

void TestControllers::cleanup()
{
    m_panes.reset();
    m_emulator.reset();
}

WebexClient *TestControllers::newClient()
{
    auto *client = new WebexClient(*ApiBase::fromUserInput(m_emulator->baseUrl().toString()),
                                   &m_network, this);
    client->setAccessToken(m_emulator->issueAccessToken());
    return client;
}

bool TestControllers::loadSpaces(SpacesController *spaces)
{
    QSignalSpy loaded(spaces, &SpacesController::roomsLoaded);
    spaces->load();
    return loaded.wait(WaitMs) || loaded.count() == 1;
}

QString TestControllers::roomWithMessages(int minimum) const
{
    for (const QString &id : m_emulator->roomIds()) {
        if (m_emulator->messageCount(id) >= minimum)
            return id;
    }
    return {};
}

QString TestControllers::beginAndOpenSpace(int minimum)
{
    WebexClient *client = newClient();
    m_spaces->begin(client, QStringLiteral("127.0.0.1"), false);
    m_conversation->begin(client);
    if (!loadSpaces(m_spaces))
        return {};
    const QString roomId =
        minimum > 0 ? roomWithMessages(minimum) : m_emulator->roomIds().constFirst();
    if (roomId.isEmpty())
        return {};
    QSignalSpy shown(m_conversation, &ConversationController::messagesShown);
    m_conversation->openRoom(roomId, QStringLiteral("A space"));
    return shown.wait(WaitMs) ? roomId : QString();
}

void TestControllers::spacesLoadAllPagesAndTeamsIntoThePane()
{
    m_spaces->begin(newClient(), QStringLiteral("127.0.0.1"), false);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    m_spaces->load();
    QVERIFY(loaded.wait(WaitMs));
    QCOMPARE(loaded.first().first().toInt(), RoomCount);
    QCOMPARE(m_spaces->roomModel()->rowCount(), RoomCount);
    QCOMPARE(m_window->roomsPane()->view()->model()->rowCount(), RoomCount);
    auto *count = m_window->roomsPane()->findChild<QLabel *>(QStringLiteral("roomsStatusLabel"));
    QVERIFY(count->text().contains(QString::number(RoomCount)));
    // The team filter lists the emulator's teams.
    auto *teams = m_window->roomsPane()->findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QTRY_COMPARE_WITH_TIMEOUT(teams->count(), 1 + int(m_emulator->teamIds().size()), WaitMs);
}

void TestControllers::spacesRefreshAsksForTheFirstPageOnlyAndReportsActivity()
{
    m_spaces->begin(newClient(), QStringLiteral("127.0.0.1"), false);
    QVERIFY(loadSpaces(m_spaces));
    const QString roomId = m_emulator->roomIds().constLast();
    QVERIFY(m_emulator->postFromSomeoneElse(roomId, QStringLiteral("Are you there?")));
    QSignalSpy activity(m_spaces, &SpacesController::roomActivity);
    const int before = m_emulator->requestCount(QStringLiteral("/v1/rooms"));
    m_spaces->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!activity.isEmpty(), WaitMs);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/rooms")), before + 1);
    QCOMPARE(m_emulator->requestedUrls().constLast().query(),
             QStringLiteral("sortBy=lastactivity&max=100"));
    bool reported = false;
    for (const QList<QVariant> &args : activity)
        reported = reported || args.at(0).toString() == roomId;
    QVERIFY(reported);
    // The space moved to the top of the list.
    QCOMPARE(m_spaces->roomModel()->roomAt(0)->id, roomId);
}

void TestControllers::spacesKeepSeenTimesPerAccountAndForgetThemOnSignOut()
{
    const QString account = QStringLiteral("127.0.0.1");
    m_spaces->begin(newClient(), account, false);
    QVERIFY(loadSpaces(m_spaces));
    const QString roomId = m_emulator->roomIds().constFirst();
    const QDateTime when = QDateTime::currentDateTimeUtc();
    m_spaces->roomModel()->markSeen(roomId, when);
    m_spaces->end(false);
    QCOMPARE(m_spaces->roomModel()->rowCount(), 0);

    // The next session of the account remembers it.
    m_spaces->begin(newClient(), account, false);
    QVERIFY(m_spaces->roomModel()->lastSeen().contains(roomId));
    QVERIFY(qAbs(m_spaces->roomModel()->lastSeen().value(roomId).msecsTo(when)) < 1000);

    // Signing out forgets it.
    m_spaces->end(true);
    m_spaces->begin(newClient(), account, false);
    QVERIFY(m_spaces->roomModel()->lastSeen().isEmpty());
}

void TestControllers::spacesFailureShowsInThePaneWithRetry()
{
    m_spaces->begin(newClient(), QStringLiteral("127.0.0.1"), false);
    m_emulator->failNext(1, 404); // not retried: the list fails
    m_spaces->load();
    auto *banner = m_window->roomsPane()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), WaitMs);
    QSignalSpy loaded(m_spaces, &SpacesController::roomsLoaded);
    emit m_window->roomsPane()->retryRequested();
    QVERIFY(loaded.wait(WaitMs));
    QCOMPARE(m_spaces->roomModel()->rowCount(), RoomCount);
}

void TestControllers::conversationOpensASpaceWithSendersNamed()
{
    const QString roomId = beginAndOpenSpace(5);
    QVERIFY(!roomId.isEmpty());
    QCOMPARE(m_conversation->openRoomId(), roomId);
    MessageListModel *messages = m_conversation->messageModel();
    QVERIFY(messages->rowCount() >= 5);
    QCOMPARE(m_window->messagesPane()->view()->model(), m_window->messagesPane()->threads());
    QCOMPARE(m_window->messagesPane()->threads()->sourceModel(), messages);
    // Senders are looked up in batches (people?id=...) and their names replace the e-mails.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->requestCount(QStringLiteral("/v1/people")) >= 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(0).data(MessageListModel::SenderNameRole).toString().contains(u'@'),
        WaitMs);
    // Opening it counts as seeing it.
    QVERIFY(m_spaces->roomModel()->lastSeen().contains(roomId));
    // Chosen again: the composer gets the keyboard.
    m_conversation->openRoom(roomId, QStringLiteral("A space"));
    QTRY_VERIFY(m_window->messagesPane()->findChild<QPlainTextEdit *>()->hasFocus());
}

void TestControllers::conversationSendsAndConfirms()
{
    QVERIFY(!beginAndOpenSpace(0).isEmpty());
    const int before = m_conversation->messageModel()->rowCount();
    // As the pane sends it: Enter in the composer.
    emit m_window->messagesPane()->sendRequested(QStringLiteral("Hello **there**"));
    MessageListModel *messages = m_conversation->messageModel();
    QCOMPARE(messages->rowCount(), before + 1);
    QVERIFY(messages->index(before).data(MessageListModel::PendingRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(before).data(MessageListModel::IdRole).toString().isEmpty(), WaitMs);
    QVERIFY(!messages->index(before).data(MessageListModel::PendingRole).toBool());
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/messages")) >= 2, true);
}

void TestControllers::conversationLoadsNewestOnActivityOfTheOpenSpaceOnly()
{
    const QString roomId = beginAndOpenSpace(0);
    QVERIFY(!roomId.isEmpty());
    QSignalSpy shown(m_conversation, &ConversationController::messagesShown);
    const int asked = m_emulator->requestCount(QStringLiteral("/v1/messages"));
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(5);

    m_conversation->onRoomActivity(m_emulator->roomIds().constLast(), later); // not open
    m_conversation->onRoomActivity(roomId, QDateTime(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC));
    QTest::qWait(200);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/messages")), asked);

    m_conversation->onRoomActivity(roomId, later); // new activity in the open space
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/messages")), asked + 1);
    QCOMPARE(m_spaces->roomModel()->lastSeen().value(roomId), later);
}

void TestControllers::conversationFailedSendPutsTheTextBack()
{
    QVERIFY(!beginAndOpenSpace(5).isEmpty());
    // The senders' look-up first, so the failure below meets the POST and nothing else.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->requestCount(QStringLiteral("/v1/people")) >= 1, WaitMs);
    MessageListModel *messages = m_conversation->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(0).data(MessageListModel::SenderNameRole).toString().contains(u'@'),
        WaitMs);
    m_emulator->failNext(1, 500); // a POST is not retried after a 5xx
    m_conversation->sendMessage(QStringLiteral("Will this arrive?"));
    auto *editor = m_window->messagesPane()->findChild<QPlainTextEdit *>();
    QTRY_COMPARE_WITH_TIMEOUT(editor->toPlainText(), QStringLiteral("Will this arrive?"), WaitMs);
    const int last = messages->rowCount() - 1;
    QVERIFY(!messages->index(last).data(MessageListModel::SendErrorRole).toString().isEmpty());
}

void TestControllers::profileShowsNameAndTellsWhoIsSignedIn()
{
    ProfileController profile(m_window);
    profile.begin(newClient());
    QSignalSpy shown(&profile, &ProfileController::profileShown);
    profile.load();
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(shown.first().first().value<Person>().displayName, m_emulator->userDisplayName());
    QCOMPARE(ShownProfile::name(*m_window), m_emulator->userDisplayName());
    QVERIFY(!ShownProfile::picture(*m_window)->pixmap().isNull());
}

void TestControllers::demoEmulatorProcessStartsAndServesItsOwnIntegration()
{
    DemoEmulatorProcess demo;
    demo.setProgram(QStringLiteral(WEBEXDESK_EMULATOR_PATH));
    QSignalSpy ready(&demo, &DemoEmulatorProcess::ready);
    QSignalSpy failed(&demo, &DemoEmulatorProcess::failed);
    demo.start(25, 0);
    QVERIFY(ready.wait(WaitMs));
    QVERIFY(failed.isEmpty());
    QVERIFY(ApiBase::isLoopbackHost(demo.apiBase().baseUrl().host()));
    QVERIFY(demo.credentials().isComplete());
    // Made up for this run: not the emulator's well-known demo Integration.
    QVERIFY(demo.credentials().clientId() != EmulatorOptions().clientId);
    QVERIFY(demo.credentials().clientSecret() != EmulatorOptions().clientSecret);
    // It answers as Webex does: without a token, 401.
    WebexClient client(demo.apiBase(), &m_network);
    QSignalSpy meFailed(&client, &WebexClient::meFailed);
    client.fetchMe();
    QVERIFY(meFailed.wait(WaitMs));
    QCOMPARE(meFailed.first().first().value<ApiError>().httpStatus, 401);
}

void TestControllers::demoEmulatorProcessThatIsNotThereFails()
{
    DemoEmulatorProcess demo;
    demo.setProgram(QStringLiteral("/nonexistent/webex-emulator"));
    QSignalSpy ready(&demo, &DemoEmulatorProcess::ready);
    QSignalSpy failed(&demo, &DemoEmulatorProcess::failed);
    demo.start(25, 0);
    QVERIFY(failed.wait(WaitMs));
    QCOMPARE(failed.count(), 1);
    QVERIFY(ready.isEmpty());
    QVERIFY(
        failed.first().first().toString().contains(QStringLiteral("/nonexistent/webex-emulator")));
}

QTEST_MAIN(TestControllers)
#include "tst_controllers.moc"
