// End to end, the waits that have no banner of their own (issue 10, "Say what is happening"):
// the app's real code (AppController, its controllers and panes) against the emulator over real
// HTTP, rate limited with its knobs (429 with Retry-After: 3600, on one path only). A message
// sent while Webex asks us to wait says so in the composer and goes, once, on Send now; names
// and teams that wait say so in the status bar and load on Retry now. The session is restored
// from a session store in memory, so no Secret Service is needed. No timed assertions: every
// wait is an hour, ended by the button a person would press.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "lookupwaitscontroller.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "openspace.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "statebanner.h"
#include "webexemulator.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {
constexpr int WaitMs = 60000;
constexpr int RetryAfterSeconds = 3600;

// The times "trying again at ..." may name for a wait of an hour that began around now: rounded
// up to the minute, and the 429 came a little after now, so one to three minutes on is right.
QStringList timesAnHourFromNow()
{
    const QDateTime retryAt = QDateTime::currentDateTime().addSecs(RetryAfterSeconds);
    const QTime minute(retryAt.time().hour(), retryAt.time().minute());
    QStringList times;
    for (int minutes = 0; minutes <= 3; ++minutes)
        times.append(QLocale().toString(minute.addSecs(60 * minutes), QLocale::ShortFormat));
    return times;
}

bool saysOneOf(const QString &text, const QString &start, const QStringList &times)
{
    return text.startsWith(start) &&
           std::any_of(times.cbegin(), times.cend(), [&](const QString &t) {
               return text.endsWith(QStringLiteral(" at %1.").arg(t));
           });
}
} // namespace

class TestWaitsEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aRateLimitedSendSaysSoAndSendNowSendsItOnce();
    void rateLimitedNamesSayWhatWaitsInTheStatusBar();
    void rateLimitedTeamsSayWhatWaitsInTheStatusBar();

private:
    // The app with its remembered session; returns once the spaces and the profile are in.
    std::unique_ptr<AppController> startSignedIn();
    // A space of mine in which anyone may post, whose newest messages include someone else's.
    [[nodiscard]] QString postableRoom(AppController &controller) const;

    std::unique_ptr<MemorySessionStore> m_store;
};

void TestWaitsEndToEnd::init()
{
    QVERIFY(restartEmulator(30));
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestWaitsEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
}

std::unique_ptr<AppController> TestWaitsEndToEnd::startSignedIn()
{
    auto controller = std::make_unique<AppController>(startupOptions(), m_store.get());
    QSignalSpy roomsLoaded(controller->spaces(), &SpacesController::roomsLoaded);
    QSignalSpy profileShown(controller->profile(), &ProfileController::profileShown);
    controller->start();
    controller->mainWindow()->resize(1000, 700);
    if (!QTest::qWaitFor([&] { return !roomsLoaded.isEmpty() && !profileShown.isEmpty(); }, WaitMs))
        return nullptr;
    return controller;
}

QString TestWaitsEndToEnd::postableRoom(AppController &controller) const
{
    RoomListModel *rooms = controller.spaces()->roomModel();
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        if (!i.data(RoomListModel::ReadOnlyRole).toBool() &&
            !i.data(RoomListModel::AnnouncementOnlyRole).toBool() &&
            emulator()->messageCount(i.data(RoomListModel::IdRole).toString()) > 1)
            return i.data(RoomListModel::IdRole).toString();
    }
    return {};
}

void TestWaitsEndToEnd::aRateLimitedSendSaysSoAndSendNowSendsItOnce()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    const QString roomId = postableRoom(*controller);
    QVERIFY(!roomId.isEmpty());
    QVERIFY(openSpaceByClick(*controller, roomId, WaitMs));
    const int before = emulator()->messageCount(roomId);
    // Every answer to POST /v1/messages, by status: the message goes exactly once.
    QSignalSpy served(emulator(), &WebexEmulator::requestServed);
    const auto posts = [&served] {
        QList<int> statuses;
        for (const QList<QVariant> &request : std::as_const(served)) {
            if (request.at(0).toString() == QLatin1String("POST") &&
                request.at(1).toUrl().path() == QLatin1String("/v1/messages"))
                statuses.append(request.at(2).toInt());
        }
        return statuses;
    };

    // Webex rate limits the next call to /v1/messages: the message about to be sent.
    emulator()->setFaultPath(QStringLiteral("/v1/messages"));
    emulator()->rateLimitNext(1, RetryAfterSeconds);
    const QStringList times = timesAnHourFromNow();
    Composer *composer = controller->mainWindow()->messagesPane()->composer();
    QPlainTextEdit *edit = composer->editor();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Rate limited, then sent once"));
    QTest::keyClick(edit, Qt::Key_Return);

    // The composer says until when, with Send now; the message waits in its row.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return saysOneOf(composer->sendWaiting(),
                                      QStringLiteral("Webex asks us to wait; sending at "), times);
                 },
                 WaitMs),
             qPrintable(composer->sendWaiting()));
    QCOMPARE(posts(), QList<int>{429});
    QCOMPARE(emulator()->messageCount(roomId), before);
    StateBanner *waiting = composer->sendWaitingBanner();
    QVERIFY(waiting->isVisible());
    QCOMPARE(waiting->accessibleName(), composer->sendWaiting());
    QCOMPARE(waiting->retryButton()->accessibleName(), QStringLiteral("Send now"));
    MessageListModel *messages = controller->conversation()->messageModel();
    const QModelIndex row = messages->index(messages->rowCount() - 1, 0);
    QVERIFY(row.data(MessageListModel::PendingRole).toBool());
    QCOMPARE(row.data(MessageListModel::TextRole).toString(),
             QStringLiteral("Rate limited, then sent once"));
    QVERIFY(composer->text().isEmpty());

    // Send now: sent, once; the sentence goes.
    QTest::mouseClick(waiting->retryButton(), Qt::LeftButton);
    QVERIFY(composer->sendWaiting().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(messages->rowCount() - 1, 0).data(MessageListModel::PendingRole).toBool(),
        WaitMs);
    QCOMPARE(posts(), (QList<int>{429, 200}));
    QCOMPARE(emulator()->messageCount(roomId), before + 1);
    QVERIFY(messages->index(messages->rowCount() - 1, 0)
                .data(MessageListModel::SendErrorRole)
                .toString()
                .isEmpty());
    QVERIFY(composer->sendWaiting().isEmpty());
    QVERIFY(!waiting->isVisible());
    QVERIFY(composer->problem().isEmpty());
}

void TestWaitsEndToEnd::rateLimitedNamesSayWhatWaitsInTheStatusBar()
{
    auto controller = startSignedIn();
    QVERIFY(controller);
    const QString roomId = postableRoom(*controller);
    QVERIFY(!roomId.isEmpty());
    // The profile is in (people/me): the next call under /v1/people is a look-up of names.
    emulator()->setFaultPath(QStringLiteral("/v1/people"));
    emulator()->rateLimitNext(1, RetryAfterSeconds);
    const QStringList times = timesAnHourFromNow();
    QVERIFY(openSpaceByClick(*controller, roomId, WaitMs));

    MainWindow *window = controller->mainWindow();
    StateBanner *status = window->lookupBanner();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return saysOneOf(status->text(),
                                      QStringLiteral("Webex asks us to wait before loading names; "
                                                     "trying again at "),
                                      times);
                 },
                 WaitMs),
             qPrintable(status->text()));
    QCOMPARE(status->state(), StateBanner::State::Waiting);
    QVERIFY(status->isVisible());
    QCOMPARE(status->retryButton()->accessibleName(), QStringLiteral("Retry now"));
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/people")), 1);
    // Meanwhile the senders are shown by their addresses.
    MessageListModel *messages = controller->conversation()->messageModel();
    const auto addressesShown = [messages] {
        int n = 0;
        for (int r = 0; r < messages->rowCount(); ++r)
            n += messages->index(r, 0)
                     .data(MessageListModel::SenderNameRole)
                     .toString()
                     .contains(QLatin1Char('@'));
        return n;
    };
    QVERIFY(addressesShown() > 0);

    QTest::mouseClick(status->retryButton(), Qt::LeftButton);
    QCOMPARE(status->state(), StateBanner::State::Hidden);
    QTRY_COMPARE_WITH_TIMEOUT(addressesShown(), 0, WaitMs);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/people")), 2);
    QCOMPARE(status->state(), StateBanner::State::Hidden);
}

void TestWaitsEndToEnd::rateLimitedTeamsSayWhatWaitsInTheStatusBar()
{
    QVERIFY(!emulator()->teamIds().isEmpty());
    emulator()->setFaultPath(QStringLiteral("/v1/teams"));
    emulator()->rateLimitNext(1, RetryAfterSeconds);
    const QStringList times = timesAnHourFromNow();
    auto controller = startSignedIn(); // the spaces and the profile are not held up
    QVERIFY(controller);

    StateBanner *status = controller->mainWindow()->lookupBanner();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return saysOneOf(status->text(),
                                      QStringLiteral("Webex asks us to wait before loading your "
                                                     "teams; trying again at "),
                                      times);
                 },
                 WaitMs),
             qPrintable(status->text()));
    auto *teamChoice =
        controller->mainWindow()->roomsPane()->findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QVERIFY(teamChoice);
    QVERIFY(teamChoice->isHidden());

    QTest::mouseClick(status->retryButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(teamChoice->isVisible(), WaitMs);
    QVERIFY(teamChoice->count() > 1); // "All teams" and the teams
    QCOMPARE(status->state(), StateBanner::State::Hidden);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/teams")), 2);
}

QTEST_MAIN(TestWaitsEndToEnd)
#include "tst_waits_e2e.moc"
