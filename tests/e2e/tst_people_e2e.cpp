// End to end, mentions and people (issue 13, items 4 and 5): the Mentions view lists what
// mentions you and opens it in place; New message (Ctrl+N) finds people as you type, with one
// search at a time, and opens your space with them or starts one with the first message; a
// sender's card, from the message's menu, writes to them. The app's real code against the
// emulator over real HTTP on loopback, live updates on.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "directmessagescontroller.h"
#include "e2efixture.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "mentioncompleter.h"
#include "mentionscontroller.h"
#include "mentionswindow.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "messagetextedit.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/roomlistmodel.h"
#include "model/searchresultlistmodel.h"
#include "newmessagedialog.h"
#include "openspace.h"
#include "personcard.h"
#include "spacescontroller.h"
#include "webexemulator.h"

#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {
constexpr int WaitMs = 60000;

int requestsWith(const WebexEmulator &emulator, const QString &path, const QString &parameter)
{
    int count = 0;
    const QList<QUrl> urls = emulator.requestedUrls();
    for (const QUrl &url : urls) {
        if (url.path() == path && QUrlQuery(url).hasQueryItem(parameter))
            ++count;
    }
    return count;
}

QAction *actionStartingWith(const QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (QString(action->text()).remove(QLatin1Char('&')).startsWith(text))
            return action;
    }
    return nullptr;
}
} // namespace

class TestPeopleEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void theMentionsViewListsWhatMentionsYouAndOpensIt();
    void newMessageFindsPeopleWithOneSearchAtATime();
    void aFirstMessageStartsTheSpace();
    void aSendersCardWritesToThem();
    void atCompletesAMemberAndTheMentionReachesWebex();

private:
    std::unique_ptr<AppController> start();

    std::unique_ptr<MemorySessionStore> m_store;
};

void TestPeopleEndToEnd::init()
{
    QSettings().clear();
    QVERIFY(restartEmulator(20));
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestPeopleEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
}

std::unique_ptr<AppController> TestPeopleEndToEnd::start()
{
    return startLiveApp(m_store.get());
}

void TestPeopleEndToEnd::theMentionsViewListsWhatMentionsYouAndOpensIt()
{
    auto app = start();
    QVERIFY(app);
    const QString roomId = postableGroupSpace(*app);
    QVERIFY(!roomId.isEmpty());
    const QString mention =
        emulator()->colleagueMentionsUser(roomId, QStringLiteral("can you check the numbers?"));
    QVERIFY(!mention.isEmpty());
    // Someone else's mention, not of me: not listed.
    const QString plain = emulator()->colleaguePosts(roomId, QStringLiteral("lunch?"));
    QVERIFY(!plain.isEmpty());

    // View > Mentions, by its shortcut.
    QTest::keyClick(app->mainWindow(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    MentionsController *mentions = app->mentions();
    QTRY_VERIFY(mentions->window() && mentions->window()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!mentions->isLoading(), WaitMs);
    const SearchResultListModel *model = mentions->model();
    QVERIFY(model->rowOf(mention) >= 0);
    QCOMPARE(model->rowOf(plain), -1);
    QVERIFY(mentions->window()->status().contains(QStringLiteral("mention you")));
    QCOMPARE(mentions->window()->list()->accessibleDescription(), mentions->window()->status());
    // Webex lists mentions per space: at most SpacesAsked asked.
    const int asked = requestsWith(*emulator(), QStringLiteral("/v1/messages"),
                                   QStringLiteral("mentionedPeople"));
    QVERIFY(asked >= 1 && asked <= MentionsController::SpacesAsked);
    // The sender is named once Webex says who they are.
    const QModelIndex row = model->index(model->rowOf(mention));
    QTRY_VERIFY(
        !row.data(SearchResultListModel::SenderNameRole).toString().contains(QLatin1Char('@')));

    // Enter opens the space at that message.
    QListView *list = mentions->window()->list();
    list->setFocus();
    list->setCurrentIndex(row);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), roomId, WaitMs);
    MessagesPane *pane = app->mainWindow()->messagesPane();
    QTRY_VERIFY_WITH_TIMEOUT(
        pane->view()->currentIndex().data(MessageListModel::IdRole).toString() == mention, WaitMs);
}

void TestPeopleEndToEnd::newMessageFindsPeopleWithOneSearchAtATime()
{
    auto app = start();
    QVERIFY(app);
    // Someone the user has a one-to-one space with, by that space's title.
    const RoomListModel *rooms = app->spaces()->roomModel();
    QString directId;
    QString name;
    for (int row = 0; row < rooms->rowCount() && directId.isEmpty(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        if (i.data(RoomListModel::IsDirectRole).toBool()) {
            directId = i.data(RoomListModel::IdRole).toString();
            name = i.data(RoomListModel::TitleRole).toString();
        }
    }
    QVERIFY(!directId.isEmpty());

    QTest::keyClick(app->mainWindow(), Qt::Key_N, Qt::ControlModifier);
    DirectMessagesController *direct = app->directMessages();
    QTRY_VERIFY(direct->dialog() && direct->dialog()->isVisible());
    NewMessageDialog *dialog = direct->dialog();
    QVERIFY(!dialog->searchField()->accessibleName().isEmpty());
    QVERIFY(!dialog->results()->accessibleName().isEmpty());
    const int before =
        requestsWith(*emulator(), QStringLiteral("/v1/people"), QStringLiteral("displayName"));
    // Typed quickly: one search, after the pause, for the whole text.
    const QString typed = name.left(4);
    QTest::keyClicks(dialog->searchField(), typed);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->results()->model()->rowCount() > 0, WaitMs);
    QCOMPARE(requestsWith(*emulator(), QStringLiteral("/v1/people"), QStringLiteral("displayName")),
             before + 1);
    QVERIFY(dialog->status().contains(QStringLiteral("found")));
    // Down into the results, to the person, Enter: their space opens.
    int target = -1;
    for (int r = 0; r < dialog->results()->model()->rowCount(); ++r) {
        if (dialog->results()->model()->index(r, 0).data().toString().contains(name))
            target = r;
    }
    QVERIFY(target >= 0);
    QTest::keyClick(dialog->searchField(), Qt::Key_Down);
    QVERIFY(dialog->results()->hasFocus());
    dialog->results()->setCurrentIndex(dialog->results()->model()->index(target, 0));
    QTest::keyClick(dialog->results(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), directId, WaitMs);
    QTRY_VERIFY(!direct->dialog());
}

void TestPeopleEndToEnd::aFirstMessageStartsTheSpace()
{
    auto app = start();
    QVERIFY(app);
    // Someone without a one-to-one space with the user.
    int person = -1;
    for (int i = 1; i < emulator()->personIds().size() && person < 0; ++i) {
        if (emulator()->directRoomWith(i).isEmpty())
            person = i;
    }
    QVERIFY(person > 0);
    const QString email = emulator()->personEmail(person);
    QTest::keyClick(app->mainWindow(), Qt::Key_N, Qt::ControlModifier);
    DirectMessagesController *direct = app->directMessages();
    QTRY_VERIFY(direct->dialog());
    QPointer<NewMessageDialog> dialog = direct->dialog();
    // By address, the whole of it.
    QTest::keyClicks(dialog->searchField(), email);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->results()->model()->rowCount() == 1, WaitMs);
    QVERIFY(requestsWith(*emulator(), QStringLiteral("/v1/people"), QStringLiteral("email")) >= 1);
    QTest::keyClick(dialog->searchField(), Qt::Key_Return);
    QTRY_VERIFY(dialog && dialog->isWritingFirstMessage());
    QVERIFY(dialog->messageField()->hasFocus());
    QTest::keyClicks(dialog->messageField(), QStringLiteral("Hello, a first word"));
    QTest::keyClick(dialog->messageField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!emulator()->directRoomWith(person).isEmpty(), WaitMs);
    const QString roomId = emulator()->directRoomWith(person);
    QTRY_COMPARE_WITH_TIMEOUT(app->conversation()->openRoomId(), roomId, WaitMs);
    // The space shows the message, and the list learns of the space.
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() >= 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app->spaces()->roomModel()->rowOf(roomId) >= 0, WaitMs);
}

void TestPeopleEndToEnd::aSendersCardWritesToThem()
{
    auto app = start();
    QVERIFY(app);
    const QString roomId = postableGroupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    const QString id = emulator()->colleaguePosts(roomId, QStringLiteral("who am I?"));
    MessagesPane *pane = app->mainWindow()->messagesPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->threads()->indexOfMessage(id).isValid(), WaitMs);
    const QModelIndex shown = pane->threads()->indexOfMessage(id);
    const QString sender = shown.data(MessageListModel::SenderIdRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(
        !shown.data(MessageListModel::SenderNameRole).toString().contains(QLatin1Char('@')),
        WaitMs);
    const QString name = shown.data(MessageListModel::SenderNameRole).toString();
    pane->view()->setCurrentIndex(shown);
    pane->view()->setFocus();
    QTest::keyClick(pane->view(), Qt::Key_Menu);
    QMenu *menu = pane->view()->openMenu();
    QVERIFY(menu);
    QAction *profile = actionStartingWith(menu, QStringLiteral("Show Profile"));
    QVERIFY(profile);
    menu->setActiveAction(profile);
    QTest::keyClick(menu, Qt::Key_Return);
    DirectMessagesController *direct = app->directMessages();
    QTRY_VERIFY(direct->card());
    PersonCard *card = direct->card();
    QCOMPARE(card->person().id, sender);
    QCOMPARE(card->windowTitle(), name);
    QVERIFY(!card->messageButton()->accessibleName().isEmpty());
    const Person person = card->person();
    card->messageButton()->click(); // the card closes
    // Their space, or the first message to them.
    QTRY_VERIFY_WITH_TIMEOUT(app->conversation()->openRoomId() == direct->directSpaceWith(person) ||
                                 (direct->dialog() && direct->dialog()->isWritingFirstMessage()),
                             WaitMs);
}

void TestPeopleEndToEnd::atCompletesAMemberAndTheMentionReachesWebex()
{
    auto app = start();
    QVERIFY(app);
    const QString roomId = postableGroupSpace(*app);
    QVERIFY(openSpaceByClick(*app, roomId, WaitMs));
    Composer *composer = app->mainWindow()->messagesPane()->composer();
    MessageTextEdit *edit = composer->editor();
    edit->setFocus();
    // The space's members come from memberships?roomId; '@' lists them (and @all first).
    QTRY_VERIFY_WITH_TIMEOUT(emulator()->requestCount(QStringLiteral("/v1/memberships")) >= 1,
                             WaitMs);
    QTest::keyClicks(edit, QStringLiteral("Look "));
    QTest::keyClick(edit, Qt::Key_At);
    QTRY_VERIFY_WITH_TIMEOUT(composer->mentionCompleter()->isOpen(), WaitMs);
    QListView *list = composer->mentionCompleter()->popup();
    QVERIFY(!list->accessibleName().isEmpty());
    QVERIFY(list->model()->rowCount() >= 2);
    // Down past "Everyone" to the first person, Enter inserts them, the field keeps the focus.
    QTest::keyClick(edit, Qt::Key_Down);
    const QString row = list->currentIndex().data(Qt::AccessibleTextRole).toString();
    const QString email = row.section(QStringLiteral(", "), -1);
    QVERIFY2(email.contains(QLatin1Char('@')), qPrintable(row));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!composer->mentionCompleter()->isOpen());
    QVERIFY(edit->hasFocus());
    QVERIFY(composer->text().contains(QStringLiteral("<@personEmail:") + email));
    QTest::keyClicks(edit, QStringLiteral("please"));
    QTest::keyClick(edit, Qt::Key_Return);
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const int last = messages->rowCount() - 1;
            return last >= 0 && messages->index(last).data(MessageListModel::OwnRole).toBool();
        }(),
        WaitMs);
    const QString id =
        messages->index(messages->rowCount() - 1).data(MessageListModel::IdRole).toString();
    // Webex knows whom it mentions.
    const QStringList mentioned = emulator()->mentionedPeopleOf(id);
    QCOMPARE(mentioned.size(), 1);
    int person = -1;
    for (int i = 0; i < emulator()->personIds().size(); ++i) {
        if (emulator()->personIds().at(i) == mentioned.first())
            person = i;
    }
    QVERIFY(person >= 0);
    QCOMPARE(emulator()->personEmail(person), email);
}

QTEST_MAIN(TestPeopleEndToEnd)
#include "tst_people_e2e.moc"
