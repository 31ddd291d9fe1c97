// End to end, the local store (docs/STORE.md): the app's real code against the emulator over
// real HTTP, run twice as a person starts it twice. The second start shows the spaces and the
// open space's messages from the store before Webex answers anything (the emulator holds every
// answer back), then catches up, Webex winning: a message deleted meanwhile goes, an edited one
// changes, a space left leaves the list, nothing is shown twice. Signing out deletes the store;
// Forget Local Data deletes it and the session goes on with a new, empty one.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "mainwindow.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "sessioncontroller.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "storecontroller.h"
#include "webexemulator.h"

#include <QAction>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <chrono>
#include <memory>

namespace {
constexpr int WaitMs = 60000;

QStringList messageTexts(const MessageListModel *model)
{
    QStringList texts;
    for (int row = 0; model && row < model->rowCount(); ++row)
        texts.append(model->index(row).data(MessageListModel::TextRole).toString());
    return texts;
}

QStringList messageIds(const MessageListModel *model)
{
    QStringList ids;
    for (int row = 0; model && row < model->rowCount(); ++row)
        ids.append(model->index(row).data(MessageListModel::IdRole).toString());
    return ids;
}

QStringList roomIds(const RoomListModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row).data(RoomListModel::IdRole).toString());
    return ids;
}
} // namespace

class TestLocalStoreEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aRestartShowsWhatWasKeptBeforeWebexAnswersThenCatchesUp();
    void signingOutDeletesTheStore();
    void forgetLocalDataDeletesItAndKeepsGoing();

private:
    // The app with its remembered session, once its spaces and the profile are in.
    std::unique_ptr<AppController> startSignedIn();
    // Opens the space as a click would and waits until `text` is among its messages.
    bool openAndWaitFor(AppController &app, const QString &roomId, const QString &text);

    std::unique_ptr<MemorySessionStore> m_session;
};

void TestLocalStoreEndToEnd::init()
{
    QVERIFY(restartEmulator(40));
    m_session = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_session.get(), &SessionStore::saved);
    m_session->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestLocalStoreEndToEnd::cleanup()
{
    stopEmulator();
    m_session.reset();
}

std::unique_ptr<AppController> TestLocalStoreEndToEnd::startSignedIn()
{
    auto app = std::make_unique<AppController>(startupOptions(), m_session.get());
    QSignalSpy loaded(app->spaces(), &SpacesController::roomsLoaded);
    QSignalSpy profile(app->profile(), &ProfileController::profileShown);
    app->start();
    app->mainWindow()->resize(1000, 700);
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() && !profile.isEmpty(); }, WaitMs))
        return nullptr;
    return app;
}

bool TestLocalStoreEndToEnd::openAndWaitFor(AppController &app, const QString &roomId,
                                            const QString &text)
{
    if (!app.mainWindow()->roomsPane()->openRoomById(roomId))
        return false;
    return QTest::qWaitFor(
        [&] { return messageTexts(app.conversation()->messageModel()).contains(text); }, WaitMs);
}

void TestLocalStoreEndToEnd::aRestartShowsWhatWasKeptBeforeWebexAnswersThenCatchesUp()
{
    const QStringList rooms = emulator()->roomIds();
    const QString open = rooms.at(1);
    const QString first = emulator()->colleaguePosts(open, QStringLiteral("kept: first"));
    const QString second = emulator()->colleaguePosts(open, QStringLiteral("kept: second"));
    QVERIFY(!emulator()->colleaguePosts(open, QStringLiteral("kept: third")).isEmpty());
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QStringList listed;
    QStringList shown;
    {
        auto app = startSignedIn();
        QVERIFY(app);
        QVERIFY(openAndWaitFor(*app, open, QStringLiteral("kept: third")));
        listed = roomIds(app->spaces()->roomModel());
        shown = messageIds(app->conversation()->messageModel());
        app->localData()->store()->waitForIdle();
    } // the app is closed

    // While it was closed: the first message was deleted, the second edited, a space left.
    QVERIFY(emulator()->deleteMessageAsAuthor(first));
    QVERIFY(emulator()->editMessageAsAuthor(second, QStringLiteral("kept: second, edited")));
    QString left;
    for (const QString &id : listed) {
        if (id != open && emulator()->removeFromSpace(id, 0, 0)) {
            left = id;
            break;
        }
    }
    QVERIFY(!left.isEmpty());
    // Webex holds every answer back for a while: what shows before is the store's.
    emulator()->setLatency(std::chrono::seconds(5));
    int apiAnswers = 0;
    connect(emulator(), &WebexEmulator::requestServed, this,
            [&](const QString &, const QUrl &url, int) {
                if (url.path().startsWith(QLatin1String("/v1/")))
                    ++apiAnswers;
            });

    auto app = std::make_unique<AppController>(startupOptions(), m_session.get());
    QSignalSpy loaded(app->spaces(), &SpacesController::roomsLoaded);
    app->start();
    app->mainWindow()->resize(1000, 700);
    const RoomListModel *roomModel = app->spaces()->roomModel();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return roomModel->rowCount() == listed.size() &&
                   app->conversation()->openRoomId() == open &&
                   messageIds(app->conversation()->messageModel()) == shown;
        },
        WaitMs));
    // All of it from the store: Webex has not answered a single API call yet.
    QCOMPARE(apiAnswers, 0);
    QCOMPARE(roomIds(roomModel), listed);
    QVERIFY(
        messageTexts(app->conversation()->messageModel()).contains(QStringLiteral("kept: first")));
    QVERIFY(app->mainWindow()->roomsPane()->isVisible());

    // Webex answers: it wins.
    QVERIFY(loaded.wait(WaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(roomModel->rowOf(left) < 0, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        !messageTexts(app->conversation()->messageModel()).contains(QStringLiteral("kept: first")),
        WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(messageTexts(app->conversation()->messageModel())
                                 .contains(QStringLiteral("kept: second, edited")),
                             WaitMs);
    QVERIFY(apiAnswers > 0);
    QCOMPARE(roomModel->rowCount(), listed.size() - 1);
    const QStringList ids = messageIds(app->conversation()->messageModel());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size()); // nothing twice
    QVERIFY(!ids.contains(first));

    // And the store agrees: the deleted message and the space left are gone from it too.
    const QString path = app->localData()->store()->path();
    app->localData()->store()->waitForIdle();
    StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
    QCOMPARE(reader.open(path).outcome, StoreFile::Outcome::Opened);
    bool hasOlder = false;
    QStringList storedTexts;
    for (const Message &m : reader.newestMessages(open, 100, &hasOlder))
        storedTexts.append(m.text);
    QVERIFY(!storedTexts.contains(QStringLiteral("kept: first")));
    QVERIFY(storedTexts.contains(QStringLiteral("kept: second, edited")));
    QCOMPARE(reader.roomCount(), listed.size() - 1);
    emulator()->setLatency(std::chrono::milliseconds(0));
}

void TestLocalStoreEndToEnd::signingOutDeletesTheStore()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QString room = emulator()->roomIds().at(2);
    QVERIFY(!emulator()->colleaguePosts(room, QStringLiteral("private words")).isEmpty());
    QVERIFY(openAndWaitFor(*app, room, QStringLiteral("private words")));
    LocalStore *store = app->localData()->store();
    store->waitForIdle();
    const QString path = store->path();
    QVERIFY(QFileInfo::exists(path));

    QSignalSpy forgotten(store, &LocalStore::forgotten);
    app->mainWindow()->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QVERIFY(forgotten.wait(WaitMs));
    QVERIFY(forgotten.constFirst().constFirst().toBool());
    for (const char *suffix : {"", "-wal", "-shm"})
        QVERIFY2(!QFileInfo::exists(path + QLatin1String(suffix)), suffix);
    // The next start has no store to read.
    StoreController next(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                         startupOptions().keychainService);
    QVERIFY(!next.restore(startupOptions().apiBase.baseUrl().host()));
}

void TestLocalStoreEndToEnd::forgetLocalDataDeletesItAndKeepsGoing()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QStringList rooms = emulator()->roomIds();
    QVERIFY(
        !emulator()->colleaguePosts(rooms.at(3), QStringLiteral("before forgetting")).isEmpty());
    QVERIFY(openAndWaitFor(*app, rooms.at(3), QStringLiteral("before forgetting")));
    LocalStore *store = app->localData()->store();
    store->waitForIdle();
    const QString path = store->path();

    QSignalSpy forgotten(store, &LocalStore::forgotten);
    QSignalSpy opened(store, &LocalStore::opened);
    auto *action = app->mainWindow()->findChild<QAction *>(QStringLiteral("forgetLocalDataAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    // Asked first; Cancel is the default.
    QMessageBox *box = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (box = app->mainWindow()->findChild<QMessageBox *>()); }));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QPushButton *remove = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            remove = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(remove);
    QVERIFY(!remove->accessibleName().isEmpty() || !remove->text().isEmpty());
    remove->click();
    QVERIFY(forgotten.wait(WaitMs));
    QVERIFY(forgotten.constFirst().constFirst().toBool());
    QVERIFY(opened.wait(WaitMs)); // a new one, for the rest of the session
    store->waitForIdle();
    {
        StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
        QCOMPARE(reader.open(path).outcome, StoreFile::Outcome::Opened);
        bool hasOlder = false;
        QVERIFY(reader.newestMessages(rooms.at(3), 10, &hasOlder).isEmpty());
        QCOMPARE(reader.roomCount(), 0);
    }
    // Still signed in, and what comes now is kept again.
    QVERIFY(!emulator()->colleaguePosts(rooms.at(4), QStringLiteral("after forgetting")).isEmpty());
    QVERIFY(openAndWaitFor(*app, rooms.at(4), QStringLiteral("after forgetting")));
    store->waitForIdle();
    StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
    QCOMPARE(reader.open(path).outcome, StoreFile::Outcome::Opened);
    bool hasOlder = false;
    QStringList texts;
    for (const Message &m : reader.newestMessages(rooms.at(4), 10, &hasOlder))
        texts.append(m.text);
    QVERIFY(texts.contains(QStringLiteral("after forgetting")));
}

QTEST_MAIN(TestLocalStoreEndToEnd)
#include "tst_localstore_e2e.moc"
