// End to end, the spaces and messages: the app's real code (AppController, its controllers and
// panes) against the emulator over real HTTP, with the session restored as after a restart
// from a session store in memory (MemorySessionStore), so no Secret Service is needed: no
// sign-in browser is needed here, the sign-in itself and the keychain are covered by
// tst_signin_e2e and tst_appprocess. Widgets are driven by keyboard and mouse.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "statebanner.h"
#include "webexemulator.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {
constexpr int WaitMs = 60000;

int countRequests(const WebexEmulator &emulator, const QString &path, const QString &queryItem)
{
    int n = 0;
    for (const QUrl &url : emulator.requestedUrls()) {
        if (url.path() == path && (queryItem.isEmpty() || QUrlQuery(url).hasQueryItem(queryItem)))
            ++n;
    }
    return n;
}

// The ids of the spaces a list shows with the new-activity mark, in list order.
QStringList markedRoomIds(const QListView &list)
{
    QStringList ids;
    for (int row = 0; row < list.model()->rowCount(); ++row) {
        const QModelIndex index = list.model()->index(row, 0);
        if (index.data(RoomListModel::HasNewActivityRole).toBool())
            ids.append(index.data(RoomListModel::IdRole).toString());
    }
    return ids;
}

// The ids of the spaces a list shows, sorted, for comparing with what the emulator has.
QStringList listedRoomIds(const QListView &list)
{
    QStringList ids;
    for (int row = 0; row < list.model()->rowCount(); ++row)
        ids.append(list.model()->index(row, 0).data(RoomListModel::IdRole).toString());
    ids.sort();
    return ids;
}

// Every space the emulator has, sorted ids by team id ("" for no team), read as any client
// reads them: GET /v1/rooms, here in one page. Empty when the emulator did not answer so.
QHash<QString, QStringList> roomIdsByTeam(WebexEmulator &emulator)
{
    QUrl url = emulator.baseUrl();
    url.setPath(url.path() + QStringLiteral("/rooms"));
    url.setQuery(QStringLiteral("max=1000"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + emulator.issueAccessToken().toUtf8());
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(WaitMs) || reply->error() != QNetworkReply::NoError ||
        reply->hasRawHeader("Link")) // a second page: this helper reads one
        return {};
    QHash<QString, QStringList> byTeam;
    const QJsonArray items =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject room = item.toObject();
        byTeam[room.value(QStringLiteral("teamId")).toString()].append(
            room.value(QStringLiteral("id")).toString());
    }
    for (QStringList &ids : byTeam)
        ids.sort();
    return byTeam;
}
} // namespace

class TestWorkspaceEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void selectingASpaceShowsItsMessages();
    void scrollingToTheTopLoadsOlderMessages();
    void refreshWhileOlderMessagesLoadKeepsBoth();
    void composerSendsWithEnter();
    void failedSendKeepsTheDraftAndSaysWhy();
    void ctrlKFindsACafeAndEnterOpensIt();
    void teamChoiceListsExactlyThatTeamsSpaces();
    void periodicRefreshIsOneRequestPerInterval();
    void newActivityIsMarkedUntilTheSpaceIsOpened();
    void retryButtonsRunTheFailedRequestsAgain();

private:
    // A controller whose session is already remembered; returns once the spaces are in.
    // The app with its remembered session once the spaces are in and, unless `live` is false
    // (no device), live updates flow and their first catch-up is over, so that nothing a test
    // does races it.
    std::unique_ptr<AppController> startSignedIn(bool live = true);
    // Clicks a space's row, as a person would.
    void clickRoom(AppController &controller, const QString &roomId);
    // Clicks it and waits for its first page of messages; false if they never came.
    bool openByClick(AppController &controller, const QString &roomId);

    std::unique_ptr<MemorySessionStore> m_store;
};

void TestWorkspaceEndToEnd::init()
{
    // No keychain: the session store is the app's in-memory one (AppController takes any
    // SessionStore), so these tests need no Secret Service.
    QVERIFY(restartEmulator(150));
    m_store = std::make_unique<MemorySessionStore>();
    // Signed in before: a session with a valid access token is remembered.
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestWorkspaceEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
}

std::unique_ptr<AppController> TestWorkspaceEndToEnd::startSignedIn(bool live)
{
    auto controller = std::make_unique<AppController>(startupOptions(), m_store.get());
    QSignalSpy roomsLoaded(controller->spaces(), &SpacesController::roomsLoaded);
    controller->start();
    controller->mainWindow()->resize(1000, 700);
    if (!QTest::qWaitFor(
            [&] {
                return !roomsLoaded.isEmpty() &&
                       (!live ||
                        (controller->live()->isLive() && controller->live()->catchUpsDone() >= 1));
            },
            WaitMs))
        return nullptr;
    return controller;
}

void TestWorkspaceEndToEnd::clickRoom(AppController &controller, const QString &roomId)
{
    QListView *list = controller.mainWindow()->roomsPane()->view();
    QModelIndex index;
    for (int row = 0; row < list->model()->rowCount() && !index.isValid(); ++row) {
        if (list->model()->index(row, 0).data(RoomListModel::IdRole).toString() == roomId)
            index = list->model()->index(row, 0);
    }
    QVERIFY2(index.isValid(), "the space is not in the list");
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

bool TestWorkspaceEndToEnd::openByClick(AppController &controller, const QString &roomId)
{
    QSignalSpy shown(controller.conversation(), &ConversationController::messagesShown);
    clickRoom(controller, roomId);
    return !QTest::currentTestFailed() &&
           QTest::qWaitFor([&shown] { return !shown.isEmpty(); }, WaitMs);
}

void TestWorkspaceEndToEnd::selectingASpaceShowsItsMessages()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    // Seeded spaces whose index is a multiple of 7 hold more than a page of messages.
    const QString roomId = emulator()->roomIds().at(0);
    QSignalSpy shown(controller->conversation(), &ConversationController::messagesShown);
    clickRoom(*controller, roomId);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    QCOMPARE(controller->conversation()->openRoomId(), roomId);

    MessageListModel *messages = controller->conversation()->messageModel();
    QCOMPARE(messages->rowCount(), 50);
    QVERIFY(messages->hasOlder());
    QCOMPARE(countRequests(*emulator(), QStringLiteral("/v1/messages"), QString()), 1);
    // Every row has its text and, once the batch look-up answered, its sender's name.
    QTRY_VERIFY_WITH_TIMEOUT(!messages->index(49, 0)
                                  .data(MessageListModel::SenderNameRole)
                                  .toString()
                                  .contains(QLatin1Char('@')),
                             WaitMs);
    QVERIFY(!messages->index(0, 0).data(MessageListModel::SafeHtmlRole).toString().isEmpty());
    // Senders were looked up in batches, not one by one.
    QVERIFY(emulator()->requestCount(QStringLiteral("/v1/people")) <= 2);

    MessagesPane *pane = controller->mainWindow()->messagesPane();
    QVERIFY(pane->view()->isVisible());
    // The page's 50 messages, replies in their (closed) threads: one row for each of the others.
    QCOMPARE(messages->rowCount(), 50);
    int replies = 0;
    for (int row = 0; row < messages->rowCount(); ++row)
        replies += pane->threads()->replyCount(
            messages->index(row, 0).data(MessageListModel::IdRole).toString());
    QCOMPARE(pane->view()->model()->rowCount(), 50 - replies);
    QCOMPARE(pane->banner()->state(), StateBanner::State::Hidden);
    // Opened means seen: no new-activity mark on it any more.
    const int row = controller->spaces()->roomModel()->rowOf(roomId);
    QVERIFY(!controller->spaces()
                 ->roomModel()
                 ->index(row, 0)
                 .data(RoomListModel::HasNewActivityRole)
                 .toBool());
}

void TestWorkspaceEndToEnd::scrollingToTheTopLoadsOlderMessages()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    const QString roomId = emulator()->roomIds().at(0);
    const int total = emulator()->messageCount(roomId);
    QVERIFY(total > 50);
    QVERIFY(openByClick(*controller, roomId));
    QCOMPARE(
        countRequests(*emulator(), QStringLiteral("/v1/messages"), QStringLiteral("beforeMessage")),
        0);
    QSignalSpy shown(controller->conversation(), &ConversationController::messagesShown);

    QListView *view = controller->mainWindow()->messagesPane()->view();
    // The newest message is in view first; then the person scrolls up to the top.
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    view->verticalScrollBar()->setValue(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    QCOMPARE(
        countRequests(*emulator(), QStringLiteral("/v1/messages"), QStringLiteral("beforeMessage")),
        1);
    QCOMPARE(controller->conversation()->messageModel()->rowCount(), qMin(total, 100));
    // The view keeps its place instead of jumping to the top (which would load the next page)
    // once it has laid out the new rows, which QListView does a moment later.
    QTRY_VERIFY(view->verticalScrollBar()->value() > 0);
    QCOMPARE(
        countRequests(*emulator(), QStringLiteral("/v1/messages"), QStringLiteral("beforeMessage")),
        1);
}

void TestWorkspaceEndToEnd::refreshWhileOlderMessagesLoadKeepsBoth()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    const QString roomId = emulator()->roomIds().at(0);
    const int total = emulator()->messageCount(roomId);
    QVERIFY(total > 50);
    QVERIFY(openByClick(*controller, roomId));

    // A slow network: the older page is still on its way when F5 is pressed, and by then
    // someone has written.
    emulator()->setLatency(std::chrono::milliseconds(400));
    QVERIFY(emulator()->postFromSomeoneElse(roomId, QStringLiteral("Fresh news")));
    MessagesPane *pane = controller->mainWindow()->messagesPane();
    QListView *view = pane->view();
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    view->verticalScrollBar()->setValue(0);
    QVERIFY(pane->isLoadingOlder());
    QTest::keyClick(controller->mainWindow(), Qt::Key_F5);

    // Both arrive: the older page (not cancelled by the refresh) and the new message.
    MessageListModel *messages = controller->conversation()->messageModel();
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), qMin(total, 100) + 1, WaitMs);
    QCOMPARE(
        messages->index(messages->rowCount() - 1, 0).data(MessageListModel::TextRole).toString(),
        QStringLiteral("Fresh news"));
    QCOMPARE(
        countRequests(*emulator(), QStringLiteral("/v1/messages"), QStringLiteral("beforeMessage")),
        1);
}

void TestWorkspaceEndToEnd::composerSendsWithEnter()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    // A space of mine in which anyone may post: not read-only, not announcement-only.
    RoomListModel *rooms = controller->spaces()->roomModel();
    QString roomId;
    for (int row = 0; row < rooms->rowCount() && roomId.isEmpty(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        if (!i.data(RoomListModel::ReadOnlyRole).toBool() &&
            !i.data(RoomListModel::AnnouncementOnlyRole).toBool())
            roomId = i.data(RoomListModel::IdRole).toString();
    }
    QSignalSpy shown(controller->conversation(), &ConversationController::messagesShown);
    clickRoom(*controller, roomId);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    const int before = emulator()->messageCount(roomId);
    MessageListModel *messages = controller->conversation()->messageModel();
    const int rows = messages->rowCount();

    Composer *composer = controller->mainWindow()->messagesPane()->composer();
    QPlainTextEdit *edit = composer->editor();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Hello **team**"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(edit, QStringLiteral("second line"));
    QCOMPARE(composer->text(), QStringLiteral("Hello **team**\nsecond line"));
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/messages")), 1); // nothing sent yet
    QTest::keyClick(edit, Qt::Key_Return);

    // At once: the message is in the list, pending, and the field is empty.
    QCOMPARE(messages->rowCount(), rows + 1);
    QVERIFY(messages->index(rows, 0).data(MessageListModel::PendingRole).toBool());
    QVERIFY(composer->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(messages->rowCount() - 1, 0).data(MessageListModel::PendingRole).toBool(),
        WaitMs);
    QCOMPARE(emulator()->messageCount(roomId), before + 1);
    QCOMPARE(messages->rowCount(), rows + 1);
    const QString text = messages->index(rows, 0).data(MessageListModel::TextRole).toString();
    QVERIFY2(text.contains(QStringLiteral("second line")), qPrintable(text));
    QVERIFY(messages->index(rows, 0).data(MessageListModel::SendErrorRole).toString().isEmpty());
}

void TestWorkspaceEndToEnd::failedSendKeepsTheDraftAndSaysWhy()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    // A read-only or announcement-only space someone else created: Webex answers 403.
    RoomListModel *rooms = controller->spaces()->roomModel();
    const QString me = emulator()->personIds().first();
    QString roomId;
    for (int row = 0; row < rooms->rowCount() && roomId.isEmpty(); ++row) {
        const std::optional<Room> room = rooms->roomAt(row);
        if ((room->isReadOnly || room->isAnnouncementOnly) && room->creatorId != me)
            roomId = room->id;
    }
    QVERIFY2(!roomId.isEmpty(), "the seed has no space where posting is refused");
    QSignalSpy shown(controller->conversation(), &ConversationController::messagesShown);
    clickRoom(*controller, roomId);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    const int before = emulator()->messageCount(roomId);

    Composer *composer = controller->mainWindow()->messagesPane()->composer();
    QTest::keyClicks(composer->editor(), QStringLiteral("Can I post here?"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!composer->problem().isEmpty(), WaitMs);
    QCOMPARE(composer->text(), QStringLiteral("Can I post here?"));
    QVERIFY2(composer->problem().contains(QStringLiteral("not sent")),
             qPrintable(composer->problem()));
    QVERIFY2(composer->problem().contains(QStringLiteral("moderators")),
             qPrintable(composer->problem()));
    QCOMPARE(emulator()->messageCount(roomId), before);
    // The row stays, marked with the reason.
    MessageListModel *messages = controller->conversation()->messageModel();
    const QModelIndex last = messages->index(messages->rowCount() - 1, 0);
    QVERIFY(!last.data(MessageListModel::SendErrorRole).toString().isEmpty());
}

void TestWorkspaceEndToEnd::ctrlKFindsACafeAndEnterOpensIt()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    MainWindow *window = controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    RoomsPane *pane = window->roomsPane();
    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(pane->filterEdit()->hasFocus());
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("cafe"));
    QListView *list = pane->view();
    QVERIFY(list->model()->rowCount() >= 1);
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QString title =
            list->model()->index(row, 0).data(RoomListModel::TitleRole).toString();
        QVERIFY2(title.startsWith(QStringLiteral("Café")), qPrintable(title));
    }
    // Down moves into the list, Down again to the next match if any, Enter opens it.
    QTest::keyClick(pane->filterEdit(), Qt::Key_Down);
    QTRY_VERIFY(list->hasFocus());
    const QString expected = list->currentIndex().data(RoomListModel::IdRole).toString();
    QVERIFY(!expected.isEmpty());
    QSignalSpy shown(controller->conversation(), &ConversationController::messagesShown);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    QCOMPARE(controller->conversation()->openRoomId(), expected);
}

void TestWorkspaceEndToEnd::teamChoiceListsExactlyThatTeamsSpaces()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    MainWindow *window = controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    RoomsPane *pane = window->roomsPane();
    auto *teams = pane->findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QVERIFY2(teams, "the spaces pane has no team choice");

    // The teams come with a request of their own (GET /v1/teams): "All teams", then each team.
    const int teamCount = int(emulator()->teamIds().size());
    QVERIFY(teamCount >= 2);
    QTRY_COMPARE_WITH_TIMEOUT(teams->count(), 1 + teamCount, WaitMs);
    QTRY_VERIFY(teams->isVisible());
    QCOMPARE(teams->currentIndex(), 0);
    // Its own name, not the chosen item's text, which Qt on Linux reports as a combo box's
    // accessible name when none is set.
    QVERIFY2(!teams->accessibleName().isEmpty(), "the team choice has no accessible name");

    const QHash<QString, QStringList> byTeam = roomIdsByTeam(*emulator());
    QVERIFY2(!byTeam.isEmpty(), "the emulator did not list its spaces");
    QStringList all;
    for (const QStringList &ids : byTeam)
        all += ids;
    all.sort();
    QCOMPARE(all.size(), emulator()->roomCount());
    QListView *list = pane->view();
    QCOMPARE(listedRoomIds(*list), all);

    // A person tabs to the choice and arrows through the teams: each shows its spaces only.
    teams->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(teams->hasFocus());
    for (int item = 1; item <= teamCount; ++item) {
        QTest::keyClick(teams, Qt::Key_Down);
        QCOMPARE(teams->currentIndex(), item);
        const QString teamId = teams->currentData().toString();
        const QStringList expected = byTeam.value(teamId);
        // Every team has at least its general space; none has them all.
        QVERIFY2(!expected.isEmpty(), qPrintable(teams->currentText()));
        QVERIFY(expected.size() < all.size());
        QCOMPARE(listedRoomIds(*list), expected);
        for (int row = 0; row < list->model()->rowCount(); ++row)
            QCOMPARE(list->model()->index(row, 0).data(RoomListModel::TeamIdRole).toString(),
                     teamId);
    }

    // Back to all teams: every space again.
    QTest::keyClick(teams, Qt::Key_Home);
    QCOMPARE(teams->currentIndex(), 0);
    QCOMPARE(listedRoomIds(*list), all);
}

void TestWorkspaceEndToEnd::periodicRefreshIsOneRequestPerInterval()
{
    // The quiet refresh runs while live updates cannot connect (here: the device service
    // refuses us); once live, it stops (tst_live_e2e).
    emulator()->refuseDevices(503);
    auto controller = startSignedIn(false);
    QVERIFY(controller);
    constexpr int IntervalMs = 400;
    QList<qint64> at;
    QElapsedTimer clock;
    clock.start();
    connect(emulator(), &WebexEmulator::requestServed, this,
            [&](const QString &, const QUrl &url, int) {
                if (url.path() == QLatin1String("/v1/rooms"))
                    at.append(clock.elapsed());
            });
    controller->spaces()->setRefreshInterval(IntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(at.size() >= 4, WaitMs);
    // Never a burst: consecutive refreshes are (at least about) one interval apart.
    for (int i = 1; i < at.size(); ++i)
        QVERIFY2(at.at(i) - at.at(i - 1) >= IntervalMs * 8 / 10,
                 qPrintable(QStringLiteral("%1 ms apart").arg(at.at(i) - at.at(i - 1))));
    // Each is the one-page refresh (sorted by last activity), not a reload of every page.
    int recent = 0;
    for (const QUrl &url : emulator()->requestedUrls()) {
        if (url.path() == QLatin1String("/v1/rooms") &&
            QUrlQuery(url).queryItemValue(QStringLiteral("max")) == QLatin1String("100"))
            ++recent;
    }
    QVERIFY(recent >= 4);
}

void TestWorkspaceEndToEnd::newActivityIsMarkedUntilTheSpaceIsOpened()
{
    QSettings().remove(QStringLiteral("spaces")); // this account's first start on this computer
    // Without live updates (the device service refuses us) a refresh is all that tells of new
    // activity, and the mark is the dot: "new, how many not known". (Live, a message arrives
    // counted, and a catch-up recounts: tst_live_e2e.)
    emulator()->refuseDevices(503);
    auto controller = startSignedIn(false);
    QVERIFY(controller);
    MainWindow *window = controller->mainWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QListView *list = window->roomsPane()->view();
    // A first start marks nothing: everything before it is history.
    QCOMPARE(markedRoomIds(*list), QStringList());

    // A colleague writes in the quietest space, one never opened here; F5 brings it.
    const int last = list->model()->rowCount() - 1;
    const QString quiet = list->model()->index(last, 0).data(RoomListModel::IdRole).toString();
    QVERIFY(emulator()->postFromSomeoneElse(quiet, QStringLiteral("Are you there?")));
    QTest::keyClick(window, Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(markedRoomIds(*list), QStringList{quiet}, WaitMs);
    const QModelIndex top = list->model()->index(0, 0);
    QCOMPARE(top.data(RoomListModel::IdRole).toString(), quiet); // newest activity first
    QVERIFY2(
        top.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("New activity")),
        qPrintable(top.data(Qt::AccessibleDescriptionRole).toString()));

    // Opening it clears the mark and shows the message.
    QVERIFY(openByClick(*controller, quiet));
    QCOMPARE(markedRoomIds(*list), QStringList());
    MessageListModel *messages = controller->conversation()->messageModel();
    QCOMPARE(
        messages->index(messages->rowCount() - 1, 0).data(MessageListModel::TextRole).toString(),
        QStringLiteral("Are you there?"));

    // While the app is closed, someone writes in another space: the next start marks it,
    // and not the one already read.
    const QString other = list->model()->index(last, 0).data(RoomListModel::IdRole).toString();
    QVERIFY(other != quiet);
    controller.reset();
    QVERIFY(emulator()->postFromSomeoneElse(other, QStringLiteral("Back tomorrow.")));
    controller = startSignedIn(false);
    QVERIFY(controller);
    QCOMPARE(markedRoomIds(*controller->mainWindow()->roomsPane()->view()), QStringList{other});
}

void TestWorkspaceEndToEnd::retryButtonsRunTheFailedRequestsAgain()
{
    // The three calls after the token is known (profile, spaces, teams) fail with a 400,
    // which no client retries by itself: only the Retry buttons bring them back.
    AppController controller(startupOptions(), m_store.get());
    emulator()->failNext(3, 400);
    controller.start();
    MainWindow *window = controller.mainWindow();
    StateBanner *profile = window->profileBanner();
    StateBanner *rooms = window->roomsPane()->banner();
    QTRY_COMPARE_WITH_TIMEOUT(profile->state(), StateBanner::State::Error, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rooms->state(), StateBanner::State::Error, WaitMs);
    QVERIFY(rooms->retryButton()->isVisible());

    QSignalSpy roomsLoaded(controller.spaces(), &SpacesController::roomsLoaded);
    QSignalSpy profileShown(controller.profile(), &ProfileController::profileShown);
    profile->retryButton()->click();
    rooms->retryButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(profileShown.count(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QCOMPARE(profile->state(), StateBanner::State::Hidden);
    QCOMPARE(rooms->state(), StateBanner::State::Hidden);
    QCOMPARE(controller.spaces()->roomModel()->rowCount(), emulator()->roomCount());

    // The messages: the first page fails, Retry asks for it again. Once live updates have
    // caught up, whose requests would otherwise take the failure.
    QTRY_VERIFY_WITH_TIMEOUT(controller.live()->isLive() && controller.live()->catchUpsDone() >= 1,
                             WaitMs);
    emulator()->failNext(1, 400);
    QSignalSpy shown(controller.conversation(), &ConversationController::messagesShown);
    clickRoom(controller, emulator()->roomIds().at(1));
    StateBanner *messages = window->messagesPane()->banner();
    QTRY_COMPARE_WITH_TIMEOUT(messages->state(), StateBanner::State::Error, WaitMs);
    QCOMPARE(shown.count(), 0);
    const int asked = emulator()->requestCount(QStringLiteral("/v1/messages"));
    messages->retryButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, WaitMs);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/messages")), asked + 1);
    QVERIFY(controller.conversation()->messageModel()->rowCount() > 0);
}

QTEST_MAIN(TestWorkspaceEndToEnd)
#include "tst_workspace_e2e.moc"
