// Unread counts, desktop notifications and the tray, through the app's real code
// (AppController, its controllers and panes) against the emulator over real HTTP, with the
// session remembered in memory (no keychain needed).
//
// Notifications reach a fake org.freedesktop.Notifications that the test registers on a D-Bus
// session of its own: a dbus-daemon it starts, whose address it sets in
// DBUS_SESSION_BUS_ADDRESS before anything connects. The suite runs inside
// scripts/ctest-in-session.sh, whose private session bus the tests running beside this one
// share; another test's app could notify there too, so this test does not listen on it.
// The fake records each Notify (summary, body, replaces_id, actions, hints), answers
// GetCapabilities with "body-markup", and sends ActionInvoked and NotificationClosed when the
// test says.
//
// New messages come three ways: through the calls the live layer makes
// (UnreadController::messageArrived and friends, called here directly to choose what arrives),
// live from the emulator's device socket (a colleague posts), and through the quiet refresh
// that runs while live updates cannot connect, which fetches the open space's newest page when
// the spaces list shows activity there.
//
// The tray: offscreen (and on a bare X server) Qt has no system tray
// (QSystemTrayIcon::isSystemTrayAvailable() is false), which is outside our control. So the
// app here runs without one, as it does on such desktops, and TrayController's menu, painted
// icon and the close-to-tray behaviour are tested without the icon itself.

#include "appcontroller.h"
#include "attentioncontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "conversationcontroller.h"
#include "emulatorsession.h"
#include "freedesktopnotifier.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "model/displaytext.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "notificationactions.h"
#include "notificationcontroller.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "store/notificationsettings.h"
#include "store/unreadcounts.h"
#include "translations.h"
#include "traycontroller.h"
#include "unreadcontroller.h"
#include "webexemulator.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>
#include <QUuid>

namespace {
constexpr int WaitMs = 30000;
constexpr int RoomCount = 40;
const QString FakeConnectionName = QStringLiteral("fake-notification-server");
} // namespace

// org.freedesktop.Notifications as the Desktop Notifications Specification describes it,
// enough of it to record what the app asks for.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0; // what the server answered
    };

    QList<Call> calls;
    QList<uint> closeRequests;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        // As the specification says: replacing keeps the id, else a new one.
        const uint id = replacesId != 0 ? replacesId : m_next++;
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, timeout, id});
        return id;
    }
    QStringList GetCapabilities() const
    {
        return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("body-markup")};
    }
    void CloseNotification(uint id) { closeRequests.append(id); }

signals:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_next = 1;
};

namespace {
IncomingMessage incoming(const QString &roomId, const QString &messageId, const QString &sender,
                         const QString &text)
{
    IncomingMessage message;
    message.roomId = roomId;
    message.messageId = messageId;
    message.senderId = QStringLiteral("someone-else");
    message.senderName = sender;
    message.text = text;
    message.created = QDateTime::currentDateTimeUtc();
    return message;
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void aMessageInAnotherSpaceCountsAndNotifies();
    void moreMessagesReplaceTheSpacesNotification();
    void clickingTheNotificationOpensTheSpaceInTheFrontWindow();
    void hiddenTextLeavesTheBodyEmpty();
    void mutedSpacesAndDoNotDisturbStaySilentButMentionsGetThrough();
    void todaysRefreshCountsAndNotifiesTheOpenSpaceWhileTheWindowIsInactive();
    void openingASpaceNotifiesNothingOfWhatItShows();
    void aColleaguesLiveMessageNotifiesAndItsClickOpensTheSpace();
    void aLiveMentionGetsThroughAMutedSpaceButNotDoNotDisturb();
    void readingElsewhereAndLeavingClearTheCount();
    void countsSurviveARestart();
    void rowMenuMutesAndMarksRead();
    void trayMenuAndIcon();
    void closingWithATrayHidesAndSaysSoOnce();

private:
    // The app with a remembered session, its spaces loaded and the window active; null on
    // failure.
    std::unique_ptr<AppController> startSignedIn();
    // The same, once live updates flow, with another window active; null on failure.
    std::unique_ptr<AppController> startLiveElsewhere();
    [[nodiscard]] bool activate(QWidget *window);
    // Another window takes the focus: the main window is not active any more.
    [[nodiscard]] bool deactivate(AppController &app);
    [[nodiscard]] QString titleOf(AppController &app, const QString &roomId) const;
    // The row of a space as the list shows it (through the filter and presentation models).
    [[nodiscard]] QModelIndex rowOf(AppController &app, const QString &roomId) const;
    // A group space (not direct), other than `except`.
    [[nodiscard]] QString groupSpace(AppController &app, const QString &except = {}) const;

    QProcess m_bus;
    std::unique_ptr<FakeNotificationServer> m_server;
    std::unique_ptr<WebexEmulator> m_emulator;
    std::unique_ptr<MemorySessionStore> m_store;
    std::unique_ptr<QWidget> m_otherWindow;
    QString m_profile; // the keychain service, which names the local store
};

void TestNotifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The English catalogue: its plural forms ("1 unread message", "2 unread messages").
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    // A session bus of our own, before anything in the process connects to one.
    m_bus.setProgram(QStringLiteral("dbus-daemon"));
    m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                        QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
    m_bus.start();
    QVERIFY2(m_bus.waitForStarted(), "dbus-daemon (Debian: dbus-daemon) could not be started");
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), WaitMs);
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QVERIFY(QDBusConnection::sessionBus().isConnected());

    // The fake service on a connection of its own, as a separate program would be.
    QDBusConnection fake =
        QDBusConnection::connectToBus(QString::fromUtf8(address), FakeConnectionName);
    QVERIFY(fake.isConnected());
    m_server = std::make_unique<FakeNotificationServer>();
    QVERIFY(
        fake.registerObject(QString::fromLatin1(FreedesktopNotifier::Path), m_server.get(),
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(fake.registerService(QString::fromLatin1(FreedesktopNotifier::Service)));
    QVERIFY(FreedesktopNotifier::isAvailable(QDBusConnection::sessionBus()));
}

void TestNotifications::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(FakeConnectionName);
    m_server.reset();
    m_bus.kill();
    m_bus.waitForFinished();
}

void TestNotifications::init()
{
    QSettings().clear();
    m_profile = QStringLiteral("webex-desk-test-") + QUuid::createUuid().toString(QUuid::Id128);
    m_server->calls.clear();
    m_server->closeRequests.clear();
    m_emulator = std::make_unique<WebexEmulator>(EmulatorOptions{
        QStringLiteral("Cclient0000notifications"), QStringLiteral("secret-notifications"),
        QStringLiteral("http://localhost:5000/auth/cisco/callback"), RoomCount});
    QVERIFY(m_emulator->listen());
    m_store = std::make_unique<MemorySessionStore>();
    const StoredSession session = sessionSignedInTo(*m_emulator);
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(session);
    QVERIFY(saved.wait());
    m_otherWindow = std::make_unique<QWidget>();
    m_otherWindow->setWindowTitle(QStringLiteral("Another program"));
    m_otherWindow->resize(200, 100);
}

void TestNotifications::cleanup()
{
    m_otherWindow.reset();
    m_emulator.reset();
    m_store.reset();
}

std::unique_ptr<AppController> TestNotifications::startLiveElsewhere()
{
    auto app = startSignedIn();
    // Live, after the whole list and the one catch-up that follows going live (so no
    // GET /v1/rooms is expected from then on).
    if (!app || !QTest::qWaitFor(
                    [&] {
                        return app->live()->isLive() &&
                               m_emulator->requestCount(QStringLiteral("/v1/rooms")) >= 2;
                    },
                    WaitMs))
        return nullptr;
    if (!deactivate(*app))
        return nullptr;
    return app;
}

std::unique_ptr<AppController> TestNotifications::startSignedIn()
{
    StartupOptions options;
    options.apiBase = *ApiBase::fromUserInput(m_emulator->baseUrl().toString());
    // A local store of this test function's own (the keychain service names it): a restart
    // within the function finds what the last start kept.
    options.keychainService = m_profile;
    auto app = std::make_unique<AppController>(options, m_store.get());
    QSignalSpy loaded(app->spaces(), &SpacesController::roomsLoaded);
    QSignalSpy profile(app->profile(), &ProfileController::profileShown);
    app->start();
    app->mainWindow()->resize(1000, 700);
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() && !profile.isEmpty(); }, WaitMs))
        return nullptr;
    if (!activate(app->mainWindow()))
        return nullptr;
    return app;
}

bool TestNotifications::activate(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

bool TestNotifications::deactivate(AppController &app)
{
    if (!activate(m_otherWindow.get()))
        return false;
    return QTest::qWaitFor([&] { return !app.attention()->unread()->isWindowActive(); }, WaitMs);
}

QString TestNotifications::titleOf(AppController &app, const QString &roomId) const
{
    RoomListModel *rooms = app.spaces()->roomModel();
    return RoomListModel::displayTitle(*rooms->roomAt(rooms->rowOf(roomId)));
}

QModelIndex TestNotifications::rowOf(AppController &app, const QString &roomId) const
{
    QListView *list = app.mainWindow()->roomsPane()->view();
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(RoomListModel::IdRole).toString() == roomId)
            return index;
    }
    return {};
}

QString TestNotifications::groupSpace(AppController &app, const QString &except) const
{
    RoomListModel *rooms = app.spaces()->roomModel();
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const Room &room = rooms->roomRef(row);
        if (room.kind == Room::Kind::Group && room.id != except && !room.title.trimmed().isEmpty())
            return room.id;
    }
    return {};
}

void TestNotifications::aMessageInAnotherSpaceCountsAndNotifies()
{
    auto app = startSignedIn();
    QVERIFY(app);
    MainWindow *window = app->mainWindow();
    const QString baseTitle = window->windowTitle();
    QVERIFY(!baseTitle.startsWith(QLatin1Char('(')));
    const QString roomId = groupSpace(*app);
    QVERIFY(!roomId.isEmpty());

    // The live layer's call: a message from someone else, in a space that is not open.
    app->attention()->unread()->messageArrived(
        incoming(roomId, QStringLiteral("m1"), QStringLiteral("Ada Lovelace"),
                 QStringLiteral("Lunch & <b>cake</b>?\nSecond line")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    const FakeNotificationServer::Call call = m_server->calls.first();
    QCOMPARE(call.summary, DisplayText::isolated(QStringLiteral("Ada Lovelace")) +
                               QStringLiteral(" in ") +
                               DisplayText::isolated(titleOf(*app, roomId)));
    // The first line only, escaped: the server reads markup ("body-markup").
    QCOMPARE(call.body, QStringLiteral("Lunch &amp; &lt;b&gt;cake&lt;/b&gt;?"));
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Open")}));
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral(WEBEXDESK_APP_ID));
    QCOMPARE(call.appIcon, QStringLiteral(WEBEXDESK_APP_ID));

    // Counted: the row is bold with a badge, the screen reader hears the count, and the title
    // has the total.
    const QModelIndex row = rowOf(*app, roomId);
    QCOMPARE(row.data(RoomListModel::UnreadCountRole).toInt(), 1);
    QCOMPARE(row.data(Qt::AccessibleTextRole).toString(),
             DisplayText::isolated(titleOf(*app, roomId)) + QStringLiteral(", 1 unread message"));
    QCOMPARE(window->windowTitle(), QStringLiteral("(1) ") + baseTitle);
    app->attention()->unread()->messageArrived(incoming(
        roomId, QStringLiteral("m2"), QStringLiteral("Ada Lovelace"), QStringLiteral("And tea")));
    QTRY_COMPARE(row.data(Qt::AccessibleTextRole).toString(),
                 DisplayText::isolated(titleOf(*app, roomId)) +
                     QStringLiteral(", 2 unread messages"));
    QCOMPARE(window->windowTitle(), QStringLiteral("(2) ") + baseTitle);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 2, WaitMs);

    // The same message again (an event and a catch-up page): neither counted nor notified.
    const int notified = int(m_server->calls.size());
    app->attention()->unread()->messageArrived(incoming(
        roomId, QStringLiteral("m2"), QStringLiteral("Ada Lovelace"), QStringLiteral("And tea")));
    QTest::qWait(200); // a notification would be sent on the event loop's next turn
    QCOMPARE(int(m_server->calls.size()), notified);
    QCOMPARE(app->attention()->unread()->total(), 2);

    // My own message counts nothing and notifies nobody.
    IncomingMessage mine = incoming(roomId, QStringLiteral("m3"), QString(), QStringLiteral("Hi"));
    mine.fromMe = true;
    app->attention()->unread()->messageArrived(mine);
    QTest::qWait(200);
    QCOMPARE(int(m_server->calls.size()), notified);
    QCOMPARE(app->attention()->unread()->total(), 0); // I wrote there: I have read it
    QCOMPARE(window->windowTitle(), baseTitle);
}

void TestNotifications::moreMessagesReplaceTheSpacesNotification()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString first = groupSpace(*app);
    const QString second = groupSpace(*app, first);
    UnreadController *unread = app->attention()->unread();
    unread->messageArrived(
        incoming(first, QStringLiteral("a1"), QStringLiteral("Ada"), QStringLiteral("one")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    const uint id = m_server->calls.at(0).id;
    unread->messageArrived(
        incoming(first, QStringLiteral("a2"), QStringLiteral("Grace"), QStringLiteral("two")));
    QTRY_COMPARE(m_server->calls.size(), 2);
    QCOMPARE(m_server->calls.at(1).replacesId, id); // the same bubble, replaced
    QCOMPARE(m_server->calls.at(1).body, QStringLiteral("two"));
    // Another space has a bubble of its own.
    unread->messageArrived(
        incoming(second, QStringLiteral("b1"), QStringLiteral("Ada"), QStringLiteral("three")));
    QTRY_COMPARE(m_server->calls.size(), 3);
    QCOMPARE(m_server->calls.at(2).replacesId, 0u);

    // Messages arriving together (a page, a burst): one Notify, of the newest.
    unread->messageArrived(
        incoming(second, QStringLiteral("b2"), QStringLiteral("Ada"), QStringLiteral("four")));
    unread->messageArrived(
        incoming(second, QStringLiteral("b3"), QStringLiteral("Ada"), QStringLiteral("five")));
    QTRY_COMPARE(m_server->calls.size(), 4);
    QTest::qWait(200);
    QCOMPARE(m_server->calls.size(), 4);
    QCOMPARE(m_server->calls.at(3).body, QStringLiteral("five"));

    // The person dismissed the first space's bubble: the next one is a new bubble.
    emit m_server->NotificationClosed(id, 2);
    auto *freedesktop = qobject_cast<FreedesktopNotifier *>(app->attention()->notifier());
    QVERIFY(freedesktop);
    QTRY_COMPARE_WITH_TIMEOUT(freedesktop->idOf(first), 0u, WaitMs);
    unread->messageArrived(
        incoming(first, QStringLiteral("a3"), QStringLiteral("Ada"), QStringLiteral("six")));
    QTRY_COMPARE(m_server->calls.size(), 5);
    QCOMPARE(m_server->calls.at(4).replacesId, 0u);
}

void TestNotifications::clickingTheNotificationOpensTheSpaceInTheFrontWindow()
{
    auto app = startSignedIn();
    QVERIFY(app);
    QVERIFY(deactivate(*app));
    app->mainWindow()->showMinimized();
    const QString roomId = groupSpace(*app);
    app->attention()->unread()->messageArrived(incoming(
        roomId, QStringLiteral("c1"), QStringLiteral("Ada"), QStringLiteral("Look at this")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    QCOMPARE(app->attention()->unread()->total(), 1);

    QSignalSpy shown(app->conversation(), &ConversationController::messagesShown);
    emit m_server->ActionInvoked(m_server->calls.first().id, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), roomId, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), WaitMs);
    MainWindow *window = app->mainWindow();
    QVERIFY(window->isVisible());
    QVERIFY(!(window->windowState() & Qt::WindowMinimized));
    QVERIFY(QTest::qWaitForWindowActive(window));
    // The list shows it as the current row, and reading it in the active window clears it.
    QCOMPARE(window->roomsPane()->view()->currentIndex().data(RoomListModel::IdRole).toString(),
             roomId);
    QTRY_COMPARE(app->attention()->unread()->total(), 0);
    QVERIFY(!window->windowTitle().startsWith(QLatin1Char('(')));
    // Read: its bubble is taken back.
    QTRY_VERIFY(m_server->closeRequests.contains(m_server->calls.first().id));

    // Another app's notification ids, and actions we never offered, open nothing.
    app->conversation()->openRoom(groupSpace(*app, roomId), QStringLiteral("Other"));
    emit m_server->ActionInvoked(999, QStringLiteral("default"));
    QTest::qWait(200);
    QVERIFY(app->conversation()->openRoomId() != roomId);
}

void TestNotifications::hiddenTextLeavesTheBodyEmpty()
{
    auto app = startSignedIn();
    QVERIFY(app);
    // The Notifications menu, as the person finds it in the menu bar.
    auto *menu = app->mainWindow()->findChild<QMenu *>(QStringLiteral("notificationsMenu"));
    QVERIFY(menu);
    QVERIFY(app->mainWindow()->menuBar()->actions().contains(menu->menuAction()));
    QCOMPARE(menu->accessibleName(), QStringLiteral("Notifications"));
    QAction *hide = app->attention()->actions()->hideMessageText();
    QVERIFY(menu->actions().contains(hide));
    QVERIFY(!hide->text().isEmpty());
    hide->trigger();
    QVERIFY(app->attention()->settings()->hidesMessageText());
    const QString roomId = groupSpace(*app);
    app->attention()->unread()->messageArrived(
        incoming(roomId, QStringLiteral("h1"), QStringLiteral("Ada"), QStringLiteral("A secret")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    QVERIFY(m_server->calls.first().body.isEmpty());
    QVERIFY(m_server->calls.first().summary.contains(QStringLiteral("Ada")));
    // Kept for the next start.
    QVERIFY(QSettings().value(QStringLiteral("notifications/hideMessageText")).toBool());
}

void TestNotifications::mutedSpacesAndDoNotDisturbStaySilentButMentionsGetThrough()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    UnreadController *unread = app->attention()->unread();
    app->attention()->settings()->setMuted(roomId, true);
    QVERIFY(rowOf(*app, roomId).data(RoomListModel::MutedRole).toBool());
    unread->messageArrived(
        incoming(roomId, QStringLiteral("q1"), QStringLiteral("Ada"), QStringLiteral("psst")));
    QTest::qWait(200);
    QVERIFY(m_server->calls.isEmpty());
    QCOMPARE(unread->total(), 1); // counted all the same

    IncomingMessage mention =
        incoming(roomId, QStringLiteral("q2"), QStringLiteral("Ada"), QStringLiteral("@you"));
    mention.mentionsMe = true;
    unread->messageArrived(mention);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    QCOMPARE(m_server->calls.first().summary, DisplayText::isolated(QStringLiteral("Ada")) +
                                                  QStringLiteral(" mentioned you in ") +
                                                  DisplayText::isolated(titleOf(*app, roomId)));

    // Do Not Disturb, from the action the tray shares: nothing, not even a mention.
    app->attention()->actions()->doNotDisturb()->trigger();
    QVERIFY(app->attention()->settings()->doNotDisturb());
    mention.messageId = QStringLiteral("q3");
    unread->messageArrived(mention);
    unread->messageArrived(incoming(groupSpace(*app, roomId), QStringLiteral("q4"),
                                    QStringLiteral("Ada"), QStringLiteral("hello")));
    QTest::qWait(200);
    QCOMPARE(m_server->calls.size(), 1);
    QCOMPARE(unread->total(), 4);
}

void TestNotifications::todaysRefreshCountsAndNotifiesTheOpenSpaceWhileTheWindowIsInactive()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    QSignalSpy shown(app->conversation(), &ConversationController::messagesShown);
    QVERIFY(app->mainWindow()->roomsPane()->openRoom(roomId));
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(app->attention()->unread()->total(), 0); // open in the active window: read

    // The person switches to another program; a colleague posts in the open space.
    QVERIFY(deactivate(*app));
    QVERIFY(m_emulator->postFromSomeoneElse(roomId, QStringLiteral("Are you there?\nHello")));
    shown.clear();
    app->spaces()->refresh(); // the minute's refresh (F5): activity in the open space
    QVERIFY(shown.wait(WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(app->attention()->unread()->total(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    QCOMPARE(m_server->calls.first().body, QStringLiteral("Are you there?"));
    QVERIFY(app->mainWindow()->windowTitle().startsWith(QStringLiteral("(1) ")));
    QCOMPARE(rowOf(*app, roomId).data(RoomListModel::UnreadCountRole).toInt(), 1);

    // Back to the window: the open space is read.
    QVERIFY(activate(app->mainWindow()));
    QTRY_COMPARE(app->attention()->unread()->total(), 0);
    QVERIFY(!app->mainWindow()->windowTitle().startsWith(QLatin1Char('(')));
    QVERIFY(!rowOf(*app, roomId).data(RoomListModel::HasNewActivityRole).toBool());
}

void TestNotifications::openingASpaceNotifiesNothingOfWhatItShows()
{
    // As before live updates came, or while they cannot connect (the device service refuses
    // us): what is new comes with pages of the open space.
    m_emulator->refuseDevices(503);
    auto app = startSignedIn();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    QVERIFY(m_emulator->postFromSomeoneElse(roomId, QStringLiteral("Written while away")));
    // Opened while the window is not active (a notification's click, before the window
    // manager has activated it): its first page counts what is new, but tells nobody.
    QVERIFY(deactivate(*app));
    QSignalSpy shown(app->conversation(), &ConversationController::messagesShown);
    QVERIFY(app->mainWindow()->roomsPane()->openRoom(roomId));
    QVERIFY(shown.wait(WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(app->attention()->unread()->total(), 1, WaitMs);
    QTest::qWait(200);
    QVERIFY(m_server->calls.isEmpty());
    // The next message in it, while the window is still elsewhere, does.
    QVERIFY(m_emulator->postFromSomeoneElse(roomId, QStringLiteral("And another")));
    shown.clear();
    app->spaces()->refresh();
    QVERIFY(shown.wait(WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    QCOMPARE(m_server->calls.first().body, QStringLiteral("And another"));
    QCOMPARE(app->attention()->unread()->total(), 2);
}

void TestNotifications::aColleaguesLiveMessageNotifiesAndItsClickOpensTheSpace()
{
    auto app = startLiveElsewhere();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    const int polls = m_emulator->requestCount(QStringLiteral("/v1/rooms"));

    // A colleague posts; Webex pushes it to the device socket; nobody polls.
    QVERIFY(
        !m_emulator->colleaguePosts(roomId, QStringLiteral("Live hello\nSecond line")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    const FakeNotificationServer::Call call = m_server->calls.first();
    QCOMPARE(call.body, QStringLiteral("Live hello"));
    // "<sender> in <space>", the sender named by the event before any look-up.
    const QString in = QStringLiteral(" in ") + DisplayText::isolated(titleOf(*app, roomId));
    QVERIFY2(call.summary.endsWith(in), qPrintable(call.summary));
    const QString sender = call.summary.chopped(in.size());
    QVERIFY2(sender.size() > 2 && !sender.contains(QLatin1Char('@')), qPrintable(sender));
    QCOMPARE(app->attention()->unread()->total(), 1);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/rooms")), polls);

    // The click opens the space in the raised window, which reads it.
    emit m_server->ActionInvoked(call.id, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), roomId, WaitMs);
    QVERIFY(QTest::qWaitForWindowActive(app->mainWindow()));
    QTRY_COMPARE_WITH_TIMEOUT(app->attention()->unread()->total(), 0, WaitMs);
}

void TestNotifications::aLiveMentionGetsThroughAMutedSpaceButNotDoNotDisturb()
{
    auto app = startLiveElsewhere();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    app->attention()->settings()->setMuted(roomId, true);
    UnreadController *unread = app->attention()->unread();

    // Muted: a colleague's message counts, silently.
    QVERIFY(!m_emulator->colleaguePosts(roomId, QStringLiteral("psst")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(unread->total(), 1, WaitMs);
    QTest::qWait(200);
    QVERIFY(m_server->calls.isEmpty());

    // A mention of me (the activity's object.mentions) gets through.
    QVERIFY(!m_emulator->colleagueMentionsUser(roomId, QStringLiteral("need you")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->calls.size(), 1, WaitMs);
    const QString summary = m_server->calls.first().summary;
    QVERIFY2(summary.endsWith(QStringLiteral(" mentioned you in ") +
                              DisplayText::isolated(titleOf(*app, roomId))),
             qPrintable(summary));
    // The text as Webex writes a mention: the name, then the words.
    QCOMPARE(m_server->calls.first().body,
             m_emulator->userDisplayName() + QStringLiteral(" need you"));

    // Do Not Disturb: not even a mention.
    app->attention()->actions()->doNotDisturb()->trigger();
    QVERIFY(!m_emulator->colleagueMentionsUser(roomId, QStringLiteral("again")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(unread->total(), 3, WaitMs);
    QTest::qWait(200);
    QCOMPARE(m_server->calls.size(), 1);
}

void TestNotifications::readingElsewhereAndLeavingClearTheCount()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString first = groupSpace(*app);
    const QString second = groupSpace(*app, first);
    UnreadController *unread = app->attention()->unread();
    for (int n = 1; n <= 3; ++n)
        unread->messageArrived(incoming(first, QStringLiteral("r%1").arg(n), QStringLiteral("Ada"),
                                        QStringLiteral("x")));
    unread->messageArrived(
        incoming(second, QStringLiteral("s1"), QStringLiteral("Ada"), QStringLiteral("y")));
    QCOMPARE(unread->total(), 4);
    // Our own read receipt from the phone, up to the newest of the first space.
    unread->acknowledgedElsewhere(first, QStringLiteral("r3"));
    QCOMPARE(rowOf(*app, first).data(RoomListModel::UnreadCountRole).toInt(), 0);
    QCOMPARE(unread->total(), 1);
    unread->spaceLeft(second);
    QCOMPARE(unread->total(), 0);
    QVERIFY(!app->mainWindow()->windowTitle().startsWith(QLatin1Char('(')));
}

void TestNotifications::countsSurviveARestart()
{
    QString roomId;
    {
        auto app = startSignedIn();
        QVERIFY(app);
        roomId = groupSpace(*app);
        app->attention()->unread()->messageArrived(
            incoming(roomId, QStringLiteral("k1"), QStringLiteral("Ada"), QStringLiteral("x")));
        app->attention()->unread()->messageArrived(
            incoming(roomId, QStringLiteral("k2"), QStringLiteral("Ada"), QStringLiteral("y")));
        app->attention()->settings()->setMuted(roomId, true);
    }
    auto app = startSignedIn();
    QVERIFY(app);
    QCOMPARE(app->attention()->unread()->total(), 2);
    const QModelIndex row = rowOf(*app, roomId);
    QCOMPARE(row.data(RoomListModel::UnreadCountRole).toInt(), 2);
    QVERIFY(row.data(RoomListModel::MutedRole).toBool());
    QVERIFY(app->mainWindow()->windowTitle().startsWith(QStringLiteral("(2) ")));
}

void TestNotifications::rowMenuMutesAndMarksRead()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString roomId = groupSpace(*app);
    app->attention()->unread()->messageArrived(
        incoming(roomId, QStringLiteral("w1"), QStringLiteral("Ada"), QStringLiteral("x")));
    RoomsPane *pane = app->mainWindow()->roomsPane();
    QListView *list = pane->view();
    const QModelIndex row = rowOf(*app, roomId);
    list->scrollTo(row);
    // The Menu key on the current row, as a keyboard user opens it.
    list->setCurrentIndex(row);
    QContextMenuEvent keyboard(QContextMenuEvent::Keyboard, QPoint(), QPoint());
    QApplication::sendEvent(list, &keyboard);
    QMenu *menu = pane->rowMenu();
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QVERIFY(menu->accessibleName().contains(titleOf(*app, roomId)));
    auto *mute = menu->findChild<QAction *>(QStringLiteral("muteAction"));
    auto *markRead = menu->findChild<QAction *>(QStringLiteral("markReadAction"));
    QVERIFY(mute && markRead);
    QVERIFY(!mute->isChecked());
    QVERIFY(markRead->isEnabled());
    mute->trigger();
    menu->close();
    QVERIFY(app->attention()->settings()->isMuted(roomId));
    QVERIFY(rowOf(*app, roomId).data(RoomListModel::MutedRole).toBool());
    QVERIFY(rowOf(*app, roomId)
                .data(Qt::AccessibleDescriptionRole)
                .toString()
                .contains(QStringLiteral("Muted")));

    // A right click on the row: the same menu, now checked; Mark as Read clears the count.
    QContextMenuEvent mouse(QContextMenuEvent::Mouse, list->visualRect(row).center(),
                            list->viewport()->mapToGlobal(list->visualRect(row).center()));
    QApplication::sendEvent(list->viewport(), &mouse);
    QTRY_VERIFY(menu->isVisible());
    mute = menu->findChild<QAction *>(QStringLiteral("muteAction"));
    markRead = menu->findChild<QAction *>(QStringLiteral("markReadAction"));
    QVERIFY(mute->isChecked());
    markRead->trigger();
    menu->close();
    QCOMPARE(app->attention()->unread()->total(), 0);
}

void TestNotifications::trayMenuAndIcon()
{
    // No tray offscreen (see the top of the file): the menu and the painted icon alone.
    QSettings file(QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                       .filePath(QStringLiteral("tray-test.ini")),
                   QSettings::IniFormat);
    file.clear();
    NotificationSettings settings(&file);
    NotificationActions actions(&settings);
    TrayController tray(actions.doNotDisturb(), false);
    QVERIFY(!tray.icon());
    const QList<QAction *> items = tray.menu()->actions();
    QCOMPARE(items.size(), 4); // Open, Do Not Disturb, a separator, Quit
    QCOMPARE(items.at(0), tray.openAction());
    QCOMPARE(items.at(1), actions.doNotDisturb());
    QCOMPARE(items.at(3), tray.quitAction());
    for (QAction *action : {tray.openAction(), actions.doNotDisturb(), tray.quitAction()})
        QVERIFY(!action->text().isEmpty()); // what a screen reader says for a menu item
    QVERIFY(!tray.menu()->accessibleName().isEmpty());

    QSignalSpy open(&tray, &TrayController::openRequested);
    QSignalSpy quit(&tray, &TrayController::quitRequested);
    tray.openAction()->trigger();
    QCOMPARE(open.count(), 1);
    items.at(1)->trigger();
    QVERIFY(settings.doNotDisturb());
    QVERIFY(actions.doNotDisturb()->isChecked());
    settings.setDoNotDisturb(false); // from elsewhere: the tray's check mark follows
    QVERIFY(!actions.doNotDisturb()->isChecked());
    tray.quitAction()->trigger();
    QCOMPARE(quit.count(), 1);

    // The icon carries the total: unchanged without, a red badge with it.
    QCOMPARE(tray.toolTip(), QStringLiteral("Webex Desk"));
    const QImage plain = TrayController::paintIcon(0, 32);
    const QImage three = TrayController::paintIcon(3, 32);
    QVERIFY(plain != three);
    const QColor corner = three.pixelColor(28, 6);
    QVERIFY2(corner.red() > 150 && corner.green() < 100, "the badge is red, top right");
    QVERIFY(TrayController::paintIcon(3, 32) != TrayController::paintIcon(120, 32));
    tray.setUnreadTotal(3);
    QCOMPARE(tray.unreadTotal(), 3);
    QCOMPARE(tray.toolTip(), QStringLiteral("Webex Desk: 3 unread messages"));
    QCOMPARE(tray.currentIcon().pixmap(32).toImage().convertToFormat(three.format()), three);
}

void TestNotifications::closingWithATrayHidesAndSaysSoOnce()
{
    // A window as it is where there is a tray (the icon itself cannot be made offscreen).
    // Another window stays open, so closing this one is never the last window closed.
    QVERIFY(activate(m_otherWindow.get()));
    MainWindow window;
    RoomListModel rooms;
    AttentionController::Options options;
    options.tray = true;
    AttentionController attention(&window, &rooms);
    attention.useDesktop(options);
    QVERIFY(attention.tray());
    QVERIFY(attention.actions()->keepRunningInTray()->isVisible());
    QVERIFY(window.hidesOnClose()); // on by default where there is a tray
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy hidden(&window, &MainWindow::hiddenOnClose);
    QVERIFY(!attention.settings()->trayHintShown());
    QVERIFY(!window.close()); // hidden, not closed
    QCOMPARE(hidden.count(), 1);
    QVERIFY(!window.isVisible());
    QVERIFY(attention.settings()->trayHintShown()); // said once, remembered
    // The tray's Open brings it back.
    attention.tray()->openAction()->trigger();
    QVERIFY(window.isVisible());

    // Turned off: closing closes, as without a tray.
    attention.actions()->keepRunningInTray()->trigger();
    QVERIFY(!window.hidesOnClose());
    QVERIFY(window.close());
    attention.actions()->keepRunningInTray()->trigger();

    // Quit closes even when closing would hide, and says so.
    window.show();
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    window.quit();
    QCOMPARE(quit.count(), 1);
    QVERIFY(!window.isVisible());
    QApplication::setQuitOnLastWindowClosed(false); // the test's application goes on
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
