// End to end, live updates (issue 11): the app's real code (AppController, LiveController and
// the panes) against the emulator over real HTTP and its device WebSocket on loopback. The
// session is restored from a session store in memory (no Secret Service needed), with a refresh
// token the emulator accepts, so a 4401 on the socket renews it for real.
//
// What a colleague does goes through the emulator as Webex would push it (colleaguePosts,
// editMessageAsAuthor, ...). The quiet refresh of the spaces is left at its minute: anything
// that shows up before it came live, and the tests check that no GET /v1/rooms happened
// meanwhile. How fast a message is painted is measured by bench_live, not asserted here.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "openspace.h"
#include "profilecontroller.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "statebanner.h"
#include "unreadrecount.h"
#include "webexemulator.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace {
constexpr int WaitMs = 60000;

// How many rows of the open space show `text`.
int rowsWithText(const MessageListModel *messages, const QString &text)
{
    int rows = 0;
    for (int row = 0; row < messages->rowCount(); ++row)
        rows += messages->index(row, 0).data(MessageListModel::TextRole).toString() == text;
    return rows;
}

int rowOfRoom(const RoomListModel *rooms, const QString &roomId)
{
    return rooms->rowOf(roomId);
}
} // namespace

class TestLiveEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void aColleaguesMessageAppearsInTheOpenSpaceWithoutPolling();
    void aMessageInAnotherSpaceMovesItUpWithItsCount();
    void editsAndDeletionsShowInTheOpenSpace();
    void myOwnMessageIsShownOnce();
    void nothingPostedWhileTheSocketWasDownIsLost();
    void otherSpacesAreCountedAfterAReconnect();
    void aRefusedTokenIsRenewedAndLiveComesBack();
    void aDeviceWebexForgotIsRegisteredAgain();
    void updatesAreSaidToBeDelayedWhileLiveIsDown();
    void spacesIJoinOrLeaveComeAndGo();

private:
    // The app with its remembered session, once the spaces and the profile are in and live
    // updates flow; null otherwise.
    std::unique_ptr<AppController> startLive();
    // A group space of mine other than those in `except`, not at the top of the list, with
    // someone else in it.
    [[nodiscard]] QString groupSpace(AppController &app, const QStringList &except = {}) const;

    std::unique_ptr<MemorySessionStore> m_store;
};

void TestLiveEndToEnd::initTestCase()
{
    // Seen times, unread counts and the kept device live in QSettings: the test's own.
    QStandardPaths::setTestModeEnabled(true);
}

void TestLiveEndToEnd::init()
{
    // Every test starts with none of them: the emulator's seeded ids are the same each time.
    QSettings().clear();
    QVERIFY(restartEmulator(30));
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestLiveEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
}

std::unique_ptr<AppController> TestLiveEndToEnd::startLive()
{
    // The whole list, then live, then the one catch-up that follows going live (the newest
    // spaces page, the recount): from then on no GET /v1/rooms is expected while live.
    return startLiveApp(
        m_store.get(),
        [](AppController &app) { app.live()->setDelayScale(0.05); }, // reconnects in tens of ms
        [](AppController &app) { return app.live()->catchUpsDone() >= 1; });
}

QString TestLiveEndToEnd::groupSpace(AppController &app, const QStringList &except) const
{
    const RoomListModel *rooms = app.spaces()->roomModel();
    for (int row = 1; row < rooms->rowCount(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        const QString id = i.data(RoomListModel::IdRole).toString();
        if (!except.contains(id) && i.data(RoomListModel::IsDirectRole).toBool() == false &&
            !i.data(RoomListModel::ReadOnlyRole).toBool() &&
            !i.data(RoomListModel::AnnouncementOnlyRole).toBool() &&
            emulator()->messageCount(id) > 1)
            return id;
    }
    return {};
}

void TestLiveEndToEnd::aColleaguesMessageAppearsInTheOpenSpaceWithoutPolling()
{
    auto app = startLive();
    QVERIFY(app);
    // While live, no quiet refresh is scheduled: nothing is asked while nothing happens.
    QVERIFY(!app->spaces()->isRefreshScheduled());
    const QString roomId = groupSpace(*app);
    QVERIFY(!roomId.isEmpty());
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    MessageListModel *messages = app->conversation()->messageModel();
    const int roomsPolls = emulator()->requestCount(QStringLiteral("/v1/rooms"));
    const int acks = emulator()->socketAckCount();

    const QString id = emulator()->colleaguePosts(roomId, QStringLiteral("Live, no refresh"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowOf(id) >= 0, WaitMs);
    QCOMPARE(rowsWithText(messages, QStringLiteral("Live, no refresh")), 1);
    // It came by the event (acked) and one GET of the message, not by a poll of the spaces.
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/rooms")), roomsPolls);
    QVERIFY(emulator()->socketAckCount() > acks);
    // Its space is the most recently active one now.
    QCOMPARE(rowOfRoom(app->spaces()->roomModel(), roomId), 0);
}

void TestLiveEndToEnd::aMessageInAnotherSpaceMovesItUpWithItsCount()
{
    auto app = startLive();
    QVERIFY(app);
    const QString open = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, open, WaitMs));
    const QString other = groupSpace(*app, {open});
    QVERIFY(!other.isEmpty());
    RoomListModel *rooms = app->spaces()->roomModel();
    QVERIFY(rowOfRoom(rooms, other) > 0);
    const int roomsPolls = emulator()->requestCount(QStringLiteral("/v1/rooms"));

    QVERIFY(!emulator()->colleaguePosts(other, QStringLiteral("Over here")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(rowOfRoom(rooms, other), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rooms->unreadCount(other), 1, WaitMs);
    QVERIFY(app->mainWindow()->windowTitle().startsWith(QStringLiteral("(1) ")));
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/rooms")), roomsPolls);
    // The open space did not change.
    QCOMPARE(app->conversation()->openRoomId(), open);
}

void TestLiveEndToEnd::editsAndDeletionsShowInTheOpenSpace()
{
    auto app = startLive();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    MessageListModel *messages = app->conversation()->messageModel();
    const QString id = emulator()->colleaguePosts(roomId, QStringLiteral("Frist"));
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowOf(id) >= 0, WaitMs);
    const int rows = messages->rowCount();

    QVERIFY(emulator()->editMessageAsAuthor(id, QStringLiteral("First")));
    QTRY_COMPARE_WITH_TIMEOUT(
        messages->index(messages->rowOf(id), 0).data(MessageListModel::TextRole).toString(),
        QStringLiteral("First"), WaitMs);
    QCOMPARE(messages->rowCount(), rows); // replaced where it was, not added
    // An edit is not news: nothing more to read anywhere.
    QCOMPARE(app->spaces()->roomModel()->unreadCount(roomId), 0);

    QVERIFY(emulator()->deleteMessageAsAuthor(id));
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowOf(id), -1, WaitMs);
    QCOMPARE(messages->rowCount(), rows - 1);
}

void TestLiveEndToEnd::myOwnMessageIsShownOnce()
{
    auto app = startLive();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    MessageListModel *messages = app->conversation()->messageModel();
    const int acks = emulator()->socketAckCount();

    // Sent from here: Webex pushes it back to this device as well.
    app->conversation()->sendMessage(QStringLiteral("Mine, once"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(messages->rowCount() - 1, 0).data(MessageListModel::PendingRole).toBool(),
        WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(emulator()->socketAckCount() > acks, WaitMs);
    // Whatever came first (the answer to the POST or the event), one row.
    QTest::qWait(200);
    QCOMPARE(rowsWithText(messages, QStringLiteral("Mine, once")), 1);
    QCOMPARE(app->spaces()->roomModel()->unreadCount(roomId), 0);
}

void TestLiveEndToEnd::nothingPostedWhileTheSocketWasDownIsLost()
{
    auto app = startLive();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    MessageListModel *messages = app->conversation()->messageModel();
    const int roomsPolls = emulator()->requestCount(QStringLiteral("/v1/rooms"));
    QSignalSpy liveChanged(app->live(), &LiveController::liveChanged);

    // The connection drops (no close frame); three messages are posted before the app can
    // know: the emulator is in this thread, so the app hears of the drop only afterwards.
    emulator()->dropSockets();
    const QStringList texts = {QStringLiteral("While away 1"), QStringLiteral("While away 2"),
                               QStringLiteral("While away 3")};
    for (const QString &text : texts)
        QVERIFY(!emulator()->colleaguePosts(roomId, text).isEmpty());

    // Live again, and the catch-up (the newest spaces, then the open space's newest messages)
    // brings all three, once each.
    QTRY_VERIFY_WITH_TIMEOUT(liveChanged.size() >= 2 && app->live()->isLive(), WaitMs);
    for (const QString &text : texts)
        QTRY_COMPARE_WITH_TIMEOUT(rowsWithText(messages, text), 1, WaitMs);
    QVERIFY(emulator()->requestCount(QStringLiteral("/v1/rooms")) > roomsPolls);
    QTest::qWait(200);
    for (const QString &text : texts)
        QCOMPARE(rowsWithText(messages, text), 1);
}

void TestLiveEndToEnd::otherSpacesAreCountedAfterAReconnect()
{
    auto app = startLive();
    QVERIFY(app);
    const QString open = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, open, WaitMs));
    const QString first = groupSpace(*app, {open});
    const QString second = groupSpace(*app, {open, first});
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    RoomListModel *rooms = app->spaces()->roomModel();
    QSignalSpy liveChanged(app->live(), &LiveController::liveChanged);
    QSignalSpy recounted(app->live()->recount(), &UnreadRecount::finished);
    const int pagesAsked = emulator()->requestCount(QStringLiteral("/v1/messages"));

    // Posted while the socket is down: no event brings them, so only the catch-up can count
    // them. The spaces page shows their activity; the recount asks for their messages.
    emulator()->dropSockets();
    QVERIFY(!emulator()->colleaguePosts(first, QStringLiteral("Missed 1")).isEmpty());
    QVERIFY(!emulator()->colleaguePosts(first, QStringLiteral("Missed 2")).isEmpty());
    QVERIFY(!emulator()->colleaguePosts(second, QStringLiteral("Missed 3")).isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(liveChanged.size() >= 2 && app->live()->isLive(), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!recounted.isEmpty(), WaitMs);
    QCOMPARE(rooms->unreadCount(first), 2);
    QCOMPARE(rooms->unreadCount(second), 1);
    QVERIFY(app->mainWindow()->windowTitle().startsWith(QStringLiteral("(3) ")));
    // One page for each of the two: no other space was behind its count, and the open space
    // had nothing new.
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/messages")), pagesAsked + 2);
}

void TestLiveEndToEnd::aRefusedTokenIsRenewedAndLiveComesBack()
{
    auto app = startLive();
    QVERIFY(app);
    const int refreshes = emulator()->requestCount(QStringLiteral("/v1/access_token"));
    QSignalSpy liveChanged(app->live(), &LiveController::liveChanged);

    emulator()->closeSockets(4401, QStringLiteral("Unauthorized"));
    QTRY_VERIFY_WITH_TIMEOUT(!liveChanged.isEmpty(), WaitMs);
    // The token was renewed with the refresh token, and the socket authorized with the new one.
    QTRY_VERIFY_WITH_TIMEOUT(
        emulator()->requestCount(QStringLiteral("/v1/access_token")) > refreshes, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app->live()->isLive(), WaitMs);
    QCOMPARE(emulator()->liveSocketCount(0), 1);

    // And it works: a colleague's message arrives.
    const QString roomId = groupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    const QString id = emulator()->colleaguePosts(roomId, QStringLiteral("After renewal"));
    QTRY_VERIFY_WITH_TIMEOUT(app->conversation()->messageModel()->rowOf(id) >= 0, WaitMs);
}

void TestLiveEndToEnd::aDeviceWebexForgotIsRegisteredAgain()
{
    auto app = startLive();
    QVERIFY(app);
    QCOMPARE(emulator()->deviceCount(0), 1);
    QSignalSpy liveChanged(app->live(), &LiveController::liveChanged);

    // Webex forgets every device and the connection drops: the socket's upgrade now answers
    // 404, so the app registers a new device and is live on it.
    emulator()->forgetDevices();
    emulator()->dropSockets();
    QTRY_VERIFY_WITH_TIMEOUT(liveChanged.size() >= 2 && app->live()->isLive(), WaitMs);
    QCOMPARE(emulator()->deviceCount(0), 1);
    QVERIFY(emulator()->refusedSocketUpgradeCount() >= 1);
    QCOMPARE(emulator()->liveSocketCount(0), 1);
}

void TestLiveEndToEnd::updatesAreSaidToBeDelayedWhileLiveIsDown()
{
    auto app = startLive();
    QVERIFY(app);
    StateBanner *banner = app->mainWindow()->liveBanner();
    QVERIFY(!banner->isVisible());

    // The device service refuses us and the socket goes: live is down, the window says so, and
    // the quiet refresh runs again.
    emulator()->refuseDevices(503);
    emulator()->forgetDevices();
    emulator()->dropSockets();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), WaitMs);
    QVERIFY2(banner->text().startsWith(QStringLiteral("Updates are delayed. ")),
             qPrintable(banner->text()));
    QCOMPARE(banner->accessibleName(), banner->text());
    QCOMPARE(banner->retryButton()->accessibleName(), QStringLiteral("Reconnect live updates"));
    QVERIFY(app->spaces()->isRefreshScheduled());

    // Webex is back; Reconnect: live again, the sentence goes, the refresh stops.
    emulator()->refuseDevices(0);
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app->live()->isLive(), WaitMs);
    QVERIFY(!banner->isVisible());
    QVERIFY(!app->spaces()->isRefreshScheduled());
}

void TestLiveEndToEnd::spacesIJoinOrLeaveComeAndGo()
{
    auto app = startLive();
    QVERIFY(app);
    RoomListModel *rooms = app->spaces()->roomModel();

    // A colleague makes a space with me: it is listed.
    const QString created = emulator()->createSpaceWithUser(QStringLiteral("Made live"));
    QVERIFY(!created.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(rooms->rowOf(created) >= 0, WaitMs);

    // I am removed from another: it goes.
    const QString left = groupSpace(*app, {created});
    QVERIFY(emulator()->removeFromSpace(left, 0, 1));
    QTRY_COMPARE_WITH_TIMEOUT(rooms->rowOf(left), -1, WaitMs);

    // And added back: it comes back.
    QVERIFY(emulator()->addToSpace(left, 0, 1));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->rowOf(left) >= 0, WaitMs);
}

QTEST_MAIN(TestLiveEndToEnd)
#include "tst_live_e2e.moc"
