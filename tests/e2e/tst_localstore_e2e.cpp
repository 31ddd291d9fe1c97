// End to end, the local store (docs/STORE.md): the app's real code against the emulator over
// real HTTP, run twice as a person starts it twice. The second start shows the spaces and the
// open space's messages from the store before Webex answers anything (the emulator holds every
// answer back), then catches up, Webex winning: a message deleted meanwhile goes, an edited one
// changes, a space left leaves the list, nothing is shown twice. Signing out deletes the store;
// Forget Local Data deletes it and the session goes on with a new, empty one.

#include "api/connectivity.h"
#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "model/searchresultlistmodel.h"
#include "outbox.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "searchpane.h"
#include "sessioncontroller.h"
#include "spacedrafts.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "statebanner.h"
#include "store/localstore.h"
#include "store/storeworker.h"
#include "storecontroller.h"
#include "translations.h"
#include "webexemulator.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
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

// The texts of the space's messages as Webex has them, oldest first (GET messages, as any
// client reads them).
QStringList textsOnWebex(WebexEmulator &emulator, const QString &roomId)
{
    QUrl url = emulator.baseUrl();
    url.setPath(url.path() + QStringLiteral("/messages"));
    url.setQuery(QStringLiteral("roomId=") + QString::fromLatin1(QUrl::toPercentEncoding(roomId)) +
                 QStringLiteral("&max=100"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + emulator.issueAccessToken().toUtf8());
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(WaitMs) || reply->error() != QNetworkReply::NoError)
        return {QStringLiteral("(no answer)")};
    QStringList texts;
    const QJsonArray items =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items)
        texts.prepend(item.toObject().value(QStringLiteral("text")).toString());
    return texts;
}

// Types `text` into the composer and presses Enter, as a person sends.
void send(Composer *composer, const QString &text)
{
    QTest::keyClicks(composer->editor(), text);
    QTest::keyClick(composer->editor(), Qt::Key_Return);
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
    void initTestCase();
    void init();
    void cleanup();

    void aRestartShowsWhatWasKeptBeforeWebexAnswersThenCatchesUp();
    void draftsStayWithTheirSpaceAndSurviveARestart();
    void anUnsentMessageToASpaceNotOpenWaitsInItsComposer();
    void offlineMessagesAreSentInOrderOnceWebexIsBack();
    void queuedMessagesSurviveARestart();
    void aMessageFoundBySearchOpensAtItsPlace();
    void signingOutDeletesTheStore();
    void countsKeptByAnEarlierVersionMoveIntoTheStore();
    void forgetLocalDataDeletesItAndKeepsGoing();

private:
    // The app with its remembered session, once its spaces and the profile are in and live
    // updates flow.
    std::unique_ptr<AppController> startSignedIn();
    // Opens the space as a click would and waits until `text` is among its messages.
    bool openAndWaitFor(AppController &app, const QString &roomId, const QString &text);

    std::unique_ptr<MemorySessionStore> m_session;
};

void TestLocalStoreEndToEnd::initTestCase()
{
    // The English catalogue: its plural forms ("1 message found").
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

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
    // Live updates flow and their first catch-up (a page of spaces, counts) is over, so
    // nothing it writes into the store races a test.
    if (!QTest::qWaitFor(
            [&] {
                return !loaded.isEmpty() && !profile.isEmpty() && app->live()->isLive() &&
                       app->live()->catchUpsDone() >= 1;
            },
            WaitMs))
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
    const QString unread = rooms.at(2);
    {
        auto app = startSignedIn();
        QVERIFY(app);
        QVERIFY(openAndWaitFor(*app, open, QStringLiteral("kept: third")));
        listed = roomIds(app->spaces()->roomModel());
        shown = messageIds(app->conversation()->messageModel());
        // Two messages arrive live in a space not open: unread.
        QVERIFY(!emulator()->colleaguePosts(unread, QStringLiteral("unread one")).isEmpty());
        QVERIFY(!emulator()->colleaguePosts(unread, QStringLiteral("unread two")).isEmpty());
        const RoomListModel *model = app->spaces()->roomModel();
        QTRY_COMPARE_WITH_TIMEOUT(
            model->index(model->rowOf(unread)).data(RoomListModel::UnreadCountRole).toInt(), 2,
            WaitMs);
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
    // The team filter too.
    auto *teams =
        app->mainWindow()->roomsPane()->findChild<QComboBox *>(QStringLiteral("roomTeam"));
    QVERIFY(teams);
    QTRY_VERIFY(teams->count() > 1);
    // The unread count too.
    const auto unreadCount = [&] {
        return roomModel->index(roomModel->rowOf(unread))
            .data(RoomListModel::UnreadCountRole)
            .toInt();
    };
    QTRY_COMPARE(unreadCount(), 2);
    // All of it from the store: Webex has not answered a single API call yet.
    QCOMPARE(apiAnswers, 0);
    QCOMPARE(roomIds(roomModel), listed);
    QVERIFY(
        messageTexts(app->conversation()->messageModel()).contains(QStringLiteral("kept: first")));
    QVERIFY(app->mainWindow()->roomsPane()->isVisible());
    // The pane shows that space, not "No space open": the workspace was not reset after it.
    const int openRow = roomModel->rowOf(open);
    QVERIFY(openRow >= 0);
    auto *title =
        app->mainWindow()->messagesPane()->findChild<QLabel *>(QStringLiteral("roomTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), roomModel->index(openRow).data(Qt::DisplayRole).toString());

    // Webex answers: it wins.
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), WaitMs); // may have come during the checks
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
    // Webex's pages bring the unread messages again: still counted once.
    QCOMPARE(unreadCount(), 2);

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

void TestLocalStoreEndToEnd::draftsStayWithTheirSpaceAndSurviveARestart()
{
    const QStringList rooms = emulator()->roomIds();
    const QString a = rooms.at(2);
    const QString b = rooms.at(3);
    QVERIFY(!emulator()->colleaguePosts(a, QStringLiteral("in a")).isEmpty());
    QVERIFY(!emulator()->colleaguePosts(b, QStringLiteral("in b")).isEmpty());
    {
        auto app = startSignedIn();
        QVERIFY(app);
        Composer *composer = app->mainWindow()->messagesPane()->composer();
        QVERIFY(openAndWaitFor(*app, a, QStringLiteral("in a")));
        QTest::keyClicks(composer->editor(), QStringLiteral("half a thought"));
        QVERIFY(openAndWaitFor(*app, b, QStringLiteral("in b")));
        // The other space's composer is its own.
        QCOMPARE(composer->text(), QString());
        QTest::keyClicks(composer->editor(), QStringLiteral("for b"));
        QVERIFY(openAndWaitFor(*app, a, QStringLiteral("in a")));
        QCOMPARE(composer->text(), QStringLiteral("half a thought"));
        QTest::keyClicks(composer->editor(), QStringLiteral(", more"));
    } // closed while the last keystrokes wait to be written

    auto app = startSignedIn();
    QVERIFY(app);
    Composer *composer = app->mainWindow()->messagesPane()->composer();
    // The space open at the close opens again, with what was being written in it.
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), a, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(composer->text(), QStringLiteral("half a thought, more"), WaitMs);
    QVERIFY(openAndWaitFor(*app, b, QStringLiteral("in b")));
    QTRY_COMPARE_WITH_TIMEOUT(composer->text(), QStringLiteral("for b"), WaitMs);
    // Sent: the draft goes.
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(composer->text(), QString(), WaitMs);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return messageTexts(app->conversation()->messageModel())
                .contains(QStringLiteral("for b"));
        },
        WaitMs));
    QTest::qWait(SpaceDrafts::SaveDelayMs + 200);
    app->localData()->store()->waitForIdle();
    StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
    QCOMPARE(reader.open(app->localData()->store()->path()).outcome, StoreFile::Outcome::Opened);
    QCOMPARE(reader.draft(b), QString());
    QCOMPARE(reader.draft(a), QStringLiteral("half a thought, more"));
}

void TestLocalStoreEndToEnd::anUnsentMessageToASpaceNotOpenWaitsInItsComposer()
{
    const QStringList rooms = emulator()->roomIds();
    QVERIFY(!emulator()->colleaguePosts(rooms.at(2), QStringLiteral("in a")).isEmpty());
    QVERIFY(!emulator()->colleaguePosts(rooms.at(3), QStringLiteral("in b")).isEmpty());
    auto app = startSignedIn();
    QVERIFY(app);
    Composer *composer = app->mainWindow()->messagesPane()->composer();
    QVERIFY(openAndWaitFor(*app, rooms.at(2), QStringLiteral("in a")));
    // Webex refuses the message, and takes a moment to say so: the person has moved on.
    emulator()->setFaultPath(QStringLiteral("/v1/messages"));
    emulator()->setFaultMethod("POST");
    emulator()->failNext(1, 400);
    emulator()->setLatency(std::chrono::milliseconds(1500));
    QTest::keyClicks(composer->editor(), QStringLiteral("never lost"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QCOMPARE(composer->text(), QString());
    QVERIFY(app->mainWindow()->roomsPane()->openRoomById(rooms.at(3)));
    auto *status = app->mainWindow()->findChild<QLabel *>(QStringLiteral("noticeLabel"));
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("was not sent")), WaitMs);
    QCOMPARE(composer->text(), QString()); // this space's own composer
    emulator()->setLatency(std::chrono::milliseconds(0));
    QVERIFY(openAndWaitFor(*app, rooms.at(2), QStringLiteral("in a")));
    QTRY_COMPARE_WITH_TIMEOUT(composer->text(), QStringLiteral("never lost"), WaitMs);
}

void TestLocalStoreEndToEnd::offlineMessagesAreSentInOrderOnceWebexIsBack()
{
    const QString room = emulator()->roomIds().at(2);
    QVERIFY(!emulator()->colleaguePosts(room, QStringLiteral("before the outage")).isEmpty());
    auto app = startSignedIn();
    QVERIFY(app);
    QVERIFY(openAndWaitFor(*app, room, QStringLiteral("before the outage")));
    Composer *composer = app->mainWindow()->messagesPane()->composer();

    QVERIFY(emulator()->setUnreachable(true));
    // F5 finds out: its calls fail without an answer.
    app->mainWindow()->findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    StateBanner *offline = app->mainWindow()->offlineBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!app->connectivity()->isOnline(), WaitMs);
    QVERIFY(offline->isVisible());
    QVERIFY(offline->text().contains(QStringLiteral("offline")));
    QVERIFY(!offline->accessibleName().isEmpty());
    // What was shown stays.
    QVERIFY(messageTexts(app->conversation()->messageModel())
                .contains(QStringLiteral("before the outage")));

    send(composer, QStringLiteral("offline one"));
    send(composer, QStringLiteral("offline two"));
    send(composer, QStringLiteral("offline three"));
    QCOMPARE(app->conversation()->outbox()->size(), 3);
    MessageListModel *model = app->conversation()->messageModel();
    for (const char *text : {"offline one", "offline two", "offline three"}) {
        const int row = messageTexts(model).indexOf(QLatin1String(text));
        QVERIFY2(row >= 0, text);
        QVERIFY(model->index(row).data(MessageListModel::PendingRole).toBool());
    }
    // Said where it is written, too.
    QVERIFY(composer->sendWaiting().contains(QStringLiteral("Waiting for the network")));
    app->localData()->store()->waitForIdle();
    {
        StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
        QCOMPARE(reader.open(app->localData()->store()->path()).outcome,
                 StoreFile::Outcome::Opened);
        QCOMPARE(reader.outgoing().size(), 3);
    }

    // Webex is back; Try Now, as a person would, rather than the next probe.
    QVERIFY(emulator()->setUnreachable(false));
    QPushButton *tryNow = offline->findChild<QPushButton *>();
    QVERIFY(tryNow && tryNow->isVisible());
    tryNow->click();
    QTRY_VERIFY_WITH_TIMEOUT(app->connectivity()->isOnline(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->outbox()->size(), 0, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!offline->isVisible(), WaitMs);
    // Sent in the order written, each once.
    const QStringList onWebex = textsOnWebex(*emulator(), room);
    QCOMPARE(onWebex.mid(onWebex.size() - 3),
             QStringList({"offline one", "offline two", "offline three"}));
    QCOMPARE(onWebex.count(QStringLiteral("offline two")), 1);
    // The rows are Webex's messages now, not waiting.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row).data(MessageListModel::PendingRole).toBool())
                    return false;
            }
            return true;
        }(),
        WaitMs);
    QCOMPARE(messageTexts(model).count(QStringLiteral("offline three")), 1);
    app->localData()->store()->waitForIdle();
    StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
    QCOMPARE(reader.open(app->localData()->store()->path()).outcome, StoreFile::Outcome::Opened);
    QCOMPARE(reader.outgoing().size(), 0);
}

void TestLocalStoreEndToEnd::queuedMessagesSurviveARestart()
{
    const QString room = emulator()->roomIds().at(2);
    QVERIFY(!emulator()->colleaguePosts(room, QStringLiteral("before the outage")).isEmpty());
    {
        auto app = startSignedIn();
        QVERIFY(app);
        QVERIFY(openAndWaitFor(*app, room, QStringLiteral("before the outage")));
        QVERIFY(emulator()->setUnreachable(true));
        app->mainWindow()->findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!app->connectivity()->isOnline(), WaitMs);
        Composer *composer = app->mainWindow()->messagesPane()->composer();
        send(composer, QStringLiteral("queued first"));
        send(composer, QStringLiteral("queued second"));
        QCOMPARE(app->conversation()->outbox()->size(), 2);
    } // closed while offline
    QVERIFY(emulator()->setUnreachable(false));

    auto app = startSignedIn();
    QVERIFY(app);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->outbox()->size(), 0, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        textsOnWebex(*emulator(), room).contains(QStringLiteral("queued second")), WaitMs);
    const QStringList onWebex = textsOnWebex(*emulator(), room);
    QCOMPARE(onWebex.mid(onWebex.size() - 2), QStringList({"queued first", "queued second"}));
    QCOMPARE(onWebex.count(QStringLiteral("queued first")), 1);
}

void TestLocalStoreEndToEnd::aMessageFoundBySearchOpensAtItsPlace()
{
    const QStringList rooms = emulator()->roomIds();
    const QString room = rooms.at(6);
    const QString target = QStringLiteral("Meet at the Café du Monde");
    QVERIFY(!emulator()->colleaguePosts(room, target).isEmpty());
    // More than a page after it: it is not among the newest.
    for (int i = 0; i < 60; ++i)
        QVERIFY(!emulator()->colleaguePosts(room, QStringLiteral("later %1").arg(i)).isEmpty());
    auto app = startSignedIn();
    QVERIFY(app);
    QVERIFY(openAndWaitFor(*app, room, QStringLiteral("later 59")));
    QVERIFY(!messageTexts(app->conversation()->messageModel()).contains(target));
    // Read back as a person scrolls up: the older page that holds it is loaded, so it is kept.
    MessagesPane *pane = app->mainWindow()->messagesPane();
    QVERIFY(QTest::qWaitFor(
        [&] {
            pane->view()->scrollToTop();
            return messageTexts(app->conversation()->messageModel()).contains(target);
        },
        WaitMs));
    // Somewhere else when searching.
    QVERIFY(app->mainWindow()->roomsPane()->openRoomById(rooms.at(2)));
    QCOMPARE(app->conversation()->openRoomId(), rooms.at(2));
    app->localData()->store()->waitForIdle();

    // Ctrl+Shift+F, wherever focus is; no accents, part of a word.
    app->mainWindow()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(app->mainWindow()));
    QTest::keyClick(app->mainWindow(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    SearchPane *search = app->mainWindow()->searchPane();
    QTRY_VERIFY(search->field()->hasFocus());
    QTest::keyClicks(search->field(), QStringLiteral("cafe mon"));
    QTRY_VERIFY_WITH_TIMEOUT(search->showsResults(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(search->countLabel()->text(), QStringLiteral("1 message found."),
                              WaitMs);
    // Screen readers hear the count, on the label and on the list.
    QCOMPARE(search->countLabel()->accessibleName(), QStringLiteral("1 message found."));
    QCOMPARE(search->resultsView()->accessibleDescription(), QStringLiteral("1 message found."));
    QVERIFY(!search->field()->accessibleName().isEmpty());
    QVERIFY(!search->resultsView()->accessibleName().isEmpty());
    const QModelIndex hit = search->resultsView()->model()->index(0, 0);
    QCOMPARE(hit.data(SearchResultListModel::MessageIdRole).toString().isEmpty(), false);
    QVERIFY(hit.data(SearchResultListModel::ExcerptHtmlRole)
                .toString()
                .contains(QStringLiteral("<b>Café</b>")));
    QVERIFY(!hit.data(SearchResultListModel::RoomTitleRole).toString().isEmpty());
    QVERIFY(hit.data(Qt::AccessibleTextRole).toString().contains(target));

    // Down into the results, Enter: the space opens at that message, older than its newest
    // page, which is loaded around it.
    QTest::keyClick(search->field(), Qt::Key_Down);
    QVERIFY(search->resultsView()->hasFocus());
    QTest::keyClick(search->resultsView(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), room, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        pane->view()->currentIndex().data(MessageListModel::TextRole).toString(), target, WaitMs);
    const QRect shown = pane->view()->visualRect(pane->view()->currentIndex());
    QVERIFY(pane->view()->viewport()->rect().intersects(shown));

    // Escape goes back: from the results to the field, from the field to the spaces.
    QTest::keyClick(search->resultsView(), Qt::Key_Escape);
    QVERIFY(search->field()->hasFocus());
    QTest::keyClick(search->field(), Qt::Key_Escape);
    QVERIFY(!search->showsResults());
    QCOMPARE(search->field()->text(), QString());
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

void TestLocalStoreEndToEnd::countsKeptByAnEarlierVersionMoveIntoTheStore()
{
    // Versions before the store kept the unread counts in the settings, per API host.
    const QString room = emulator()->roomIds().at(4);
    const QString key =
        QStringLiteral("spaces/unread/") + startupOptions().apiBase.baseUrl().host();
    QSettings().setValue(key, QVariantMap{{room, QVariantMap{{QStringLiteral("count"), 3}}}});
    auto app = startSignedIn();
    QVERIFY(app);
    const RoomListModel *rooms = app->spaces()->roomModel();
    QTRY_COMPARE(rooms->index(rooms->rowOf(room)).data(RoomListModel::UnreadCountRole).toInt(), 3);
    QVERIFY(!QSettings().contains(key)); // moved, not copied
    LocalStore *store = app->localData()->store();
    store->waitForIdle();
    StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
    QCOMPARE(reader.open(store->path()).outcome, StoreFile::Outcome::Opened);
    const QList<ReadState> kept = reader.readStates(10, 10);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().roomId, room);
    QCOMPARE(kept.constFirst().unreadCount, 3);
}

void TestLocalStoreEndToEnd::forgetLocalDataDeletesItAndKeepsGoing()
{
    auto app = startSignedIn();
    QVERIFY(app);
    const QStringList rooms = emulator()->roomIds();
    QVERIFY(
        !emulator()->colleaguePosts(rooms.at(3), QStringLiteral("before forgetting")).isEmpty());
    // A space nothing happens in afterwards: its messages come only with this page.
    const QString quiet = rooms.at(5);
    QVERIFY(app->mainWindow()->roomsPane()->openRoomById(quiet));
    QVERIFY(QTest::qWaitFor([&] { return app->conversation()->messageModel()->rowCount() > 0; },
                            WaitMs));
    QVERIFY(openAndWaitFor(*app, rooms.at(3), QStringLiteral("before forgetting")));
    LocalStore *store = app->localData()->store();
    store->waitForIdle();
    {
        StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
        QCOMPARE(reader.open(store->path()).outcome, StoreFile::Outcome::Opened);
        bool hasOlder = false;
        QVERIFY(!reader.newestMessages(quiet, 10, &hasOlder).isEmpty());
    }
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
    // Both answers may come in one turn of the event loop: waited for as counts, not as new
    // signals (QSignalSpy::wait would miss one already emitted).
    QTRY_VERIFY_WITH_TIMEOUT(!forgotten.isEmpty(), WaitMs);
    QVERIFY(forgotten.constFirst().constFirst().toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), WaitMs); // a new one, for the rest of the session
    store->waitForIdle();
    {
        // What was kept is gone. (The open space's newest message may be written again by its
        // live event, which can come after: the store keeps what the session brings.)
        StoreWorker reader(QStringLiteral("tst_localstore_e2e"));
        QCOMPARE(reader.open(path).outcome, StoreFile::Outcome::Opened);
        bool hasOlder = false;
        QVERIFY(reader.newestMessages(quiet, 10, &hasOlder).isEmpty());
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
