// End to end, conversations as people have them (issue 13): editing and deleting your own
// messages (item 2) and threads (item 1). The app's real code (AppController,
// ConversationController, MessageEditController, the messages pane, its menus and keys) against
// the emulator over real HTTP on loopback, live updates on. The session comes from a session
// store in memory. Each test writes its own message through the composer first, as a person
// would, and works through the keyboard and the message's menu.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "messageeditbox.h"
#include "messageeditcontroller.h"
#include "messageitemdelegate.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "messagetextedit.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/roomlistmodel.h"
#include "model/searchresultlistmodel.h"
#include "openspace.h"
#include "roomspane.h"
#include "searchcontroller.h"
#include "searchfield.h"
#include "searchpane.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "store/localstore.h"
#include "storecontroller.h"
#include "webexemulator.h"

#include <QAccessible>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <memory>

namespace {
constexpr int WaitMs = 60000;

// The action of `menu` whose text (without the & of its shortcut) is `text`, or null.
QAction *actionNamed(const QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (QString(action->text()).remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

// Chooses `action` of the open `menu` as the keyboard does: highlighted, then Enter (the menu
// closes itself, then triggers it).
// The offscreen platform makes every popup it shows the active window and gives activation to
// no one when it closes; a desktop's window manager gives it back to the main window. So does
// this, then the main window's focus is where the app last put it.
void choose(QMenu *menu, QAction *action)
{
    QWidget *window = menu->parentWidget()->window();
    menu->setActiveAction(action);
    QTest::keyClick(menu, Qt::Key_Return);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
}
} // namespace

class TestConversationEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editFromTheMenuSavesAndMarksTheMessage();
    void upInTheEmptyComposerEditsTheLastOneAndEscapeKeepsIt();
    void othersMessagesOfferNeitherEditNorDelete();
    void aRefusedEditKeepsTheTextAndSaysWhy();
    void anEditRefusedAfterLeavingTheSpaceIsStillSaid();
    void deleteAsksFirstAndTheMessageGoes();
    void aMessageAlreadyDeletedElsewhereGoesWithoutComplaint();

    void repliesShowUnderTheirMessageAndOpenByKey();
    void rAnswersInTheThreadAndTheReplyShowsThere();
    void escapeTakesTheReplyBack();
    void aReplyToAThreadFarAboveIsBroughtIntoView();
    void aMentionOfMeArrivesMarked();

private:
    // The app signed in and live, with a group space open in which the person has just written
    // `text` (confirmed by Webex); null otherwise. m_roomId and m_messageId say which.
    std::unique_ptr<AppController> startWithMyMessage(const QString &text);
    [[nodiscard]] MessagesPane *pane(AppController &app) const
    {
        return app.mainWindow()->messagesPane();
    }
    [[nodiscard]] QMenu *openMenuOf(AppController &app, const QString &messageId) const;

    std::unique_ptr<MemorySessionStore> m_store;
    QString m_roomId;
    QString m_messageId;
};

void TestConversationEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConversationEndToEnd::init()
{
    QSettings().clear();
    QVERIFY(restartEmulator(20));
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
}

void TestConversationEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
}

std::unique_ptr<AppController> TestConversationEndToEnd::startWithMyMessage(const QString &text)
{
    auto app = startLiveApp(m_store.get());
    if (!app)
        return nullptr;
    m_roomId = postableGroupSpace(*app);
    if (m_roomId.isEmpty() || !openSpaceByClick(*app, m_roomId, WaitMs))
        return nullptr;
    MessageTextEdit *edit = pane(*app)->composer()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    const MessageListModel *messages = app->conversation()->messageModel();
    if (!QTest::qWaitFor(
            [&] {
                const int last = messages->rowCount() - 1;
                return last >= 0 && messages->index(last).data(MessageListModel::OwnRole).toBool();
            },
            WaitMs))
        return nullptr;
    m_messageId =
        messages->index(messages->rowCount() - 1).data(MessageListModel::IdRole).toString();
    return app;
}

QMenu *TestConversationEndToEnd::openMenuOf(AppController &app, const QString &messageId) const
{
    MessageListView *view = pane(app)->view();
    const QModelIndex shown = pane(app)->threads()->indexOfMessage(messageId);
    if (!shown.isValid())
        return nullptr;
    view->setCurrentIndex(shown);
    view->setFocus();
    // The Menu key, as the keyboard opens it.
    QTest::keyClick(view, Qt::Key_Menu);
    return view->openMenu();
}

void TestConversationEndToEnd::editFromTheMenuSavesAndMarksTheMessage()
{
    auto app = startWithMyMessage(QStringLiteral("See you at 10"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    const MessageListModel *messages = app->conversation()->messageModel();
    // Something is being written meanwhile: the edit leaves it alone.
    QTest::keyClicks(messagesPane->composer()->editor(), QStringLiteral("half a thought"));

    QMenu *menu = openMenuOf(*app, m_messageId);
    QVERIFY(menu);
    QAction *edit = actionNamed(menu, QStringLiteral("Edit Message"));
    QVERIFY(edit);
    QVERIFY(actionNamed(menu, QStringLiteral("Delete Message…")));
    choose(menu, edit);
    QTRY_VERIFY(!pane(*app)->view()->openMenu());

    MessageEditBox *box = messagesPane->editBox();
    QVERIFY(messagesPane->isEditing());
    QVERIFY(!messagesPane->composer()->isVisibleTo(messagesPane));
    QCOMPARE(box->text(), QStringLiteral("See you at 10"));
    QTRY_VERIFY(box->editor()->hasFocus());
    // Screen readers can name every control of the box.
    QCOMPARE(box->editor()->accessibleName(), QStringLiteral("Edit message"));
    QVERIFY(!box->findChild<QPushButton *>(QStringLiteral("editSaveButton"))
                 ->accessibleName()
                 .isEmpty());
    QVERIFY(!box->findChild<QPushButton *>(QStringLiteral("editCancelButton"))
                 ->accessibleName()
                 .isEmpty());

    QTest::keyClick(box->editor(), Qt::Key_Backspace);
    QTest::keyClick(box->editor(), Qt::Key_Backspace);
    QTest::keyClicks(box->editor(), QStringLiteral("11, room **B**"));
    QTest::keyClick(box->editor(), Qt::Key_Return);

    // Webex has the new text, the row shows it with its mark, and the composer is back with
    // what was being written.
    QTRY_VERIFY_WITH_TIMEOUT(!messagesPane->isEditing(), WaitMs);
    QCOMPARE(emulator()->messageContent(m_messageId).value_or(QString()),
             QStringLiteral("See you at 11, room **B**"));
    const int row = messages->rowOf(m_messageId);
    QVERIFY(row >= 0);
    QVERIFY(messages->index(row).data(MessageListModel::EditedRole).toBool());
    QVERIFY(messages->index(row)
                .data(MessageListModel::TextRole)
                .toString()
                .contains(QStringLiteral("11, room")));
    QVERIFY2(messages->index(row)
                 .data(Qt::AccessibleDescriptionRole)
                 .toString()
                 .contains(QStringLiteral("Edited")),
             qPrintable(messages->index(row).data(Qt::AccessibleDescriptionRole).toString()));
    QCOMPARE(messagesPane->composer()->text(), QStringLiteral("half a thought"));
    QTRY_VERIFY(messagesPane->composer()->editor()->hasFocus());
    QCOMPARE(emulator()->requestCount("PUT", QStringLiteral("/v1/messages/") + m_messageId), 1);
    // The live event of the same edit changes nothing more: one row, still edited.
    QTest::qWait(300);
    QCOMPARE(messages->rowOf(m_messageId), row);
    QVERIFY(messages->index(row).data(MessageListModel::EditedRole).toBool());
}

void TestConversationEndToEnd::upInTheEmptyComposerEditsTheLastOneAndEscapeKeepsIt()
{
    auto app = startWithMyMessage(QStringLiteral("first"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    MessageTextEdit *composer = messagesPane->composer()->editor();
    QTest::keyClicks(composer, QStringLiteral("second"));
    QTest::keyClick(composer, Qt::Key_Return);
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        messages->lastOwnRow() == messages->rowCount() - 1 &&
            messages->index(messages->lastOwnRow()).data(MessageListModel::TextRole).toString() ==
                QStringLiteral("second"),
        WaitMs);
    const QString second =
        messages->index(messages->lastOwnRow()).data(MessageListModel::IdRole).toString();

    // Up with something written moves the cursor as always; in an empty field it edits.
    QTest::keyClicks(composer, QStringLiteral("x"));
    QTest::keyClick(composer, Qt::Key_Up);
    QVERIFY(!messagesPane->isEditing());
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClick(composer, Qt::Key_Up);
    QVERIFY(messagesPane->isEditing());
    QCOMPARE(messagesPane->editBox()->messageId(), second);
    QCOMPARE(messagesPane->editBox()->text(), QStringLiteral("second"));

    // Escape: nothing is sent, the composer is back and focused.
    QTest::keyClicks(messagesPane->editBox()->editor(), QStringLiteral(" changed"));
    QTest::keyClick(messagesPane->editBox()->editor(), Qt::Key_Escape);
    QVERIFY(!messagesPane->isEditing());
    QTRY_VERIFY(composer->hasFocus());
    QTest::qWait(200);
    QCOMPARE(emulator()->requestCount("PUT", QStringLiteral("/v1/messages/") + second), 0);
    QCOMPARE(emulator()->messageContent(second).value_or(QString()), QStringLiteral("second"));

    // Saving the text unchanged sends nothing either.
    QTest::keyClick(composer, Qt::Key_Up);
    QVERIFY(messagesPane->isEditing());
    QTest::keyClick(messagesPane->editBox()->editor(), Qt::Key_Return);
    QVERIFY(!messagesPane->isEditing());
    QTest::qWait(200);
    QCOMPARE(emulator()->requestCount("PUT", QStringLiteral("/v1/messages/") + second), 0);
    QVERIFY(!messages->index(messages->rowOf(second)).data(MessageListModel::EditedRole).toBool());
}

void TestConversationEndToEnd::othersMessagesOfferNeitherEditNorDelete()
{
    auto app = startWithMyMessage(QStringLiteral("mine"));
    QVERIFY(app);
    const MessageListModel *messages = app->conversation()->messageModel();
    QString theirs;
    for (int row = 0; row < messages->rowCount() && theirs.isEmpty(); ++row) {
        if (!messages->index(row).data(MessageListModel::OwnRole).toBool())
            theirs = messages->index(row).data(MessageListModel::IdRole).toString();
    }
    QVERIFY(!theirs.isEmpty());
    QMenu *menu = openMenuOf(*app, theirs);
    QVERIFY(menu);
    QVERIFY(actionNamed(menu, QStringLiteral("Copy Text")));
    QVERIFY(!actionNamed(menu, QStringLiteral("Edit Message")));
    QVERIFY(!actionNamed(menu, QStringLiteral("Delete Message…")));
    menu->close();
    // The Delete key on it does nothing; nor does asking the controller directly.
    QTest::keyClick(pane(*app)->view(), Qt::Key_Delete);
    QVERIFY(!app->messageEdits()->deleteQuestion());
    QVERIFY(!app->messageEdits()->editMessage(theirs));
    QVERIFY(!app->messageEdits()->askToDelete(theirs));
    QVERIFY(!pane(*app)->isEditing());
}

void TestConversationEndToEnd::aRefusedEditKeepsTheTextAndSaysWhy()
{
    auto app = startWithMyMessage(QStringLiteral("typo hre"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    QVERIFY(app->messageEdits()->editMessage(m_messageId));
    // Webex refuses the next PUT (as it refuses an edit of someone else's message).
    emulator()->setFaultPath(QStringLiteral("/v1/messages/"));
    emulator()->setFaultMethod("PUT");
    emulator()->failNext(1, 403);
    MessageEditBox *box = messagesPane->editBox();
    box->editor()->selectAll();
    QTest::keyClicks(box->editor(), QStringLiteral("typo here"));
    QTest::keyClick(box->editor(), Qt::Key_Return);
    QVERIFY(box->isSaving());

    QTRY_VERIFY_WITH_TIMEOUT(!box->problem().isEmpty(), WaitMs);
    QVERIFY2(box->problem().contains(QStringLiteral("only the person who wrote")),
             qPrintable(box->problem()));
    QVERIFY(!box->isSaving());
    QVERIFY(messagesPane->isEditing());
    QCOMPARE(box->text(), QStringLiteral("typo here")); // nothing typed is lost
    const auto *problem = box->findChild<QLabel *>(QStringLiteral("editProblem"));
    QCOMPARE(problem->accessibleName(), box->problem());
    QCOMPARE(emulator()->messageContent(m_messageId).value_or(QString()),
             QStringLiteral("typo hre"));

    // Saved again, it goes through.
    QTest::keyClick(box->editor(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!messagesPane->isEditing(), WaitMs);
    QCOMPARE(emulator()->messageContent(m_messageId).value_or(QString()),
             QStringLiteral("typo here"));
}

void TestConversationEndToEnd::anEditRefusedAfterLeavingTheSpaceIsStillSaid()
{
    auto app = startWithMyMessage(QStringLiteral("see you tmrw"));
    QVERIFY(app);
    QVERIFY(app->messageEdits()->editMessage(m_messageId));
    MessageEditBox *box = pane(*app)->editBox();
    QTest::keyClicks(box->editor(), QStringLiteral("!"));
    // Webex takes its time, then refuses; meanwhile the person opens another space.
    emulator()->setLatency(std::chrono::milliseconds(800));
    emulator()->setFaultPath(QStringLiteral("/v1/messages/"));
    emulator()->setFaultMethod("PUT");
    emulator()->failNext(1, 403);
    QSignalSpy notices(app->messageEdits(), &MessageEditController::notice);
    QTest::keyClick(box->editor(), Qt::Key_Return);
    QString other;
    const RoomListModel *rooms = app->spaces()->roomModel();
    for (int row = 0; row < rooms->rowCount() && other.isEmpty(); ++row) {
        const QString id = rooms->index(row, 0).data(RoomListModel::IdRole).toString();
        if (id != m_roomId)
            other = id;
    }
    QVERIFY(app->mainWindow()->roomsPane()->openRoomById(other));
    QVERIFY(!pane(*app)->isEditing());
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, WaitMs);
    QVERIFY2(notices.first().at(0).toString().contains(QStringLiteral("not saved")),
             qPrintable(notices.first().at(0).toString()));
    QCOMPARE(emulator()->messageContent(m_messageId).value_or(QString()),
             QStringLiteral("see you tmrw"));
}

void TestConversationEndToEnd::deleteAsksFirstAndTheMessageGoes()
{
    auto app = startWithMyMessage(QStringLiteral("oops, wrong space zanzibar"));
    QVERIFY(app);
    const MessageListModel *messages = app->conversation()->messageModel();
    const int rows = messages->rowCount();
    // Found by a search of the messages kept here, too.
    app->localData()->store()->waitForIdle();
    SearchPane *search = app->mainWindow()->searchPane();
    QTest::keyClicks(search->field(), QStringLiteral("zanzibar"));
    QTRY_COMPARE_WITH_TIMEOUT(app->search()->results()->rowCount(), 1, WaitMs);

    // Cancel keeps it: no request.
    QMenu *menu = openMenuOf(*app, m_messageId);
    QVERIFY(menu);
    choose(menu, actionNamed(menu, QStringLiteral("Delete Message…")));
    QMessageBox *question = app->messageEdits()->deleteQuestion();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    QVERIFY(question->text().contains(QStringLiteral("Delete this message")));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    QTest::keyClick(question, Qt::Key_Escape);
    QTRY_VERIFY(!app->messageEdits()->deleteQuestion());
    QTest::qWait(200);
    QCOMPARE(messages->rowCount(), rows);
    QVERIFY(emulator()->messageContent(m_messageId).has_value());

    // The Delete key on the message, then Delete: gone from Webex and from the list.
    MessageListView *view = pane(*app)->view();
    view->setCurrentIndex(pane(*app)->threads()->indexOfMessage(m_messageId));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    question = app->messageEdits()->deleteQuestion();
    QVERIFY(question);
    auto *remove = question->findChild<QPushButton *>(QStringLiteral("deleteButton"));
    QVERIFY(remove);
    QVERIFY(!remove->accessibleName().isEmpty() || !remove->text().isEmpty());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowOf(m_messageId), -1, WaitMs);
    QCOMPARE(messages->rowCount(), rows - 1);
    QVERIFY(!emulator()->messageContent(m_messageId).has_value());
    // Gone from the search results (and the store) as well.
    QTRY_COMPARE_WITH_TIMEOUT(app->search()->results()->rowCount(), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(search->countLabel()->text(), QStringLiteral("No messages found."),
                              WaitMs);
    // The live event of the same deletion changes nothing more.
    QTest::qWait(300);
    QCOMPARE(messages->rowCount(), rows - 1);
}

void TestConversationEndToEnd::aMessageAlreadyDeletedElsewhereGoesWithoutComplaint()
{
    auto app = startWithMyMessage(QStringLiteral("deleted on my phone"));
    QVERIFY(app);
    const MessageListModel *messages = app->conversation()->messageModel();
    // Deleted on another device while live events are held back: the row is still here.
    app->live()->end(false);
    QVERIFY(emulator()->deleteMessageAsAuthor(m_messageId));
    QVERIFY(messages->rowOf(m_messageId) >= 0);
    QSignalSpy notices(app->messageEdits(), &MessageEditController::notice);
    QVERIFY(app->messageEdits()->askToDelete(m_messageId));
    QPushButton *remove = app->messageEdits()->deleteQuestion()->findChild<QPushButton *>(
        QStringLiteral("deleteButton"));
    QTest::mouseClick(remove, Qt::LeftButton);
    // Webex answers 404: the row goes, and nobody is told of a failure.
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowOf(m_messageId), -1, WaitMs);
    QCOMPARE(notices.size(), 0);
}

void TestConversationEndToEnd::repliesShowUnderTheirMessageAndOpenByKey()
{
    auto app = startWithMyMessage(QStringLiteral("Who is in for lunch?"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    MessageThreadsModel *threads = messagesPane->threads();
    // Two colleagues answer in my message's thread, live; then someone posts to the space.
    QVERIFY(!emulator()->colleaguePosts(m_roomId, QStringLiteral("Me!"), m_messageId).isEmpty());
    QVERIFY(!emulator()
                 ->colleaguePosts(m_roomId, QStringLiteral("Count me in"), m_messageId)
                 .isEmpty());
    const QString later = emulator()->colleaguePosts(m_roomId, QStringLiteral("Unrelated news"));
    QTRY_VERIFY_WITH_TIMEOUT(threads->indexOfMessage(later).isValid(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(threads->replyCount(m_messageId), 2, WaitMs);

    // Closed: the replies are not rows; the first message says how many there are.
    QModelIndex first = threads->indexOfMessage(m_messageId);
    QCOMPARE(threads->indexOfMessage(later).row(), first.row() + 1);
    QCOMPARE(first.data(MessageThreadsModel::ReplyCountRole).toInt(), 2);
    // (The tests load no translation: English plurals read "reply(ies)" here.)
    const QString described = first.data(Qt::AccessibleDescriptionRole).toString();
    QVERIFY2(described.contains(QStringLiteral("2 repl")) &&
                 described.contains(QStringLiteral("hidden")),
             qPrintable(described));

    // Right opens the thread under it, Left closes it, as in a tree.
    MessageListView *view = messagesPane->view();
    view->setFocus();
    view->setCurrentIndex(first);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(threads->isExpanded(m_messageId));
    first = threads->indexOfMessage(m_messageId);
    const QModelIndex reply = threads->index(first.row() + 1, 0);
    QCOMPARE(reply.data(MessageListModel::TextRole).toString(), QStringLiteral("Me!"));
    QVERIFY(reply.data(MessageThreadsModel::InThreadRole).toBool());
    QCOMPARE(threads->index(first.row() + 2, 0).data(MessageListModel::TextRole).toString(),
             QStringLiteral("Count me in"));
    QCOMPARE(threads->indexOfMessage(later).row(), first.row() + 3);
    QVERIFY(reply.data(Qt::AccessibleDescriptionRole)
                .toString()
                .contains(QStringLiteral("Reply in a thread")));
    // Left on a reply goes up to the thread's first message; Left again closes the thread.
    view->setCurrentIndex(threads->index(first.row() + 2, 0));
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(view->currentIndex().data(MessageListModel::IdRole).toString(), m_messageId);
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(!threads->isExpanded(m_messageId));
    QCOMPARE(threads->indexOfMessage(later).row(), threads->indexOfMessage(m_messageId).row() + 1);

    // The menu says it too.
    QMenu *menu = openMenuOf(*app, m_messageId);
    QVERIFY(menu);
    QAction *show = actionNamed(menu, QStringLiteral("Show 2 Reply(ies)"));
    QVERIFY2(show, "no Show 2 Replies in the menu");
    choose(menu, show);
    QVERIFY(threads->isExpanded(m_messageId));

    // A new reply, live, goes in place: after the others, before what came later.
    const QString third =
        emulator()->colleaguePosts(m_roomId, QStringLiteral("Me three"), m_messageId);
    QTRY_VERIFY_WITH_TIMEOUT(threads->indexOfMessage(third).isValid(), WaitMs);
    QCOMPARE(threads->indexOfMessage(third).row(), threads->indexOfMessage(m_messageId).row() + 3);
    QVERIFY(threads->indexOfMessage(third).data(MessageThreadsModel::InThreadRole).toBool());
    QCOMPARE(threads->indexOfMessage(later).row(), threads->indexOfMessage(third).row() + 1);
}

void TestConversationEndToEnd::rAnswersInTheThreadAndTheReplyShowsThere()
{
    auto app = startWithMyMessage(QStringLiteral("Release on Friday?"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    MessageThreadsModel *threads = messagesPane->threads();
    const QString later = emulator()->colleaguePosts(m_roomId, QStringLiteral("Coffee's ready"));
    QTRY_VERIFY_WITH_TIMEOUT(threads->indexOfMessage(later).isValid(), WaitMs);

    MessageListView *view = messagesPane->view();
    view->setFocus();
    view->setCurrentIndex(threads->indexOfMessage(m_messageId));
    QTest::keyClick(view, Qt::Key_R);
    Composer *composer = messagesPane->composer();
    QCOMPARE(composer->replyTo(), m_messageId);
    QVERIFY2(composer->replySentence().contains(QStringLiteral("Release on Friday?")),
             qPrintable(composer->replySentence()));
    QVERIFY(composer->findChild<QWidget *>(QStringLiteral("replyBar"))->isVisibleTo(composer));
    QVERIFY(composer->editor()->accessibleDescription().contains(composer->replySentence()));
    QVERIFY(!composer->findChild<QPushButton *>(QStringLiteral("cancelReplyButton"))
                 ->accessibleName()
                 .isEmpty());
    QTRY_VERIFY(composer->editor()->hasFocus());

    QTest::keyClicks(composer->editor(), QStringLiteral("Yes, after the demo"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    // At once: under the message it answers, the thread open; the composer writes to the space
    // again.
    QVERIFY(composer->replyTo().isEmpty());
    QVERIFY(threads->isExpanded(m_messageId));
    const QModelIndex pending = threads->index(threads->indexOfMessage(m_messageId).row() + 1, 0);
    QVERIFY(pending.data(MessageListModel::PendingRole).toBool());
    QVERIFY(pending.data(MessageThreadsModel::InThreadRole).toBool());
    // Webex has it as a reply in that thread.
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(!threads->index(threads->indexOfMessage(m_messageId).row() + 1, 0)
                                  .data(MessageListModel::PendingRole)
                                  .toBool(),
                             WaitMs);
    const QModelIndex reply = threads->index(threads->indexOfMessage(m_messageId).row() + 1, 0);
    QCOMPARE(reply.data(MessageListModel::TextRole).toString(),
             QStringLiteral("Yes, after the demo"));
    QCOMPARE(reply.data(MessageListModel::ParentIdRole).toString(), m_messageId);
    QCOMPARE(emulator()
                 ->messageContent(reply.data(MessageListModel::IdRole).toString())
                 .value_or(QString()),
             QStringLiteral("Yes, after the demo"));
    QCOMPARE(threads->replyCount(m_messageId), 1);
    QCOMPARE(threads->indexOfMessage(later).row(), threads->indexOfMessage(m_messageId).row() + 2);
    Q_UNUSED(messages)
}

void TestConversationEndToEnd::escapeTakesTheReplyBack()
{
    auto app = startWithMyMessage(QStringLiteral("A question"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    MessageListView *view = messagesPane->view();
    view->setFocus();
    view->setCurrentIndex(messagesPane->threads()->indexOfMessage(m_messageId));
    QTest::keyClick(view, Qt::Key_R);
    Composer *composer = messagesPane->composer();
    QCOMPARE(composer->replyTo(), m_messageId);
    QTest::keyClicks(composer->editor(), QStringLiteral("to the space after all"));
    QTest::keyClick(composer->editor(), Qt::Key_Escape);
    QVERIFY(composer->replyTo().isEmpty());
    QVERIFY(!composer->findChild<QWidget *>(QStringLiteral("replyBar"))->isVisibleTo(composer));
    QCOMPARE(composer->text(), QStringLiteral("to the space after all")); // nothing typed is lost
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        messages->index(messages->rowCount() - 1).data(MessageListModel::OwnRole).toBool() &&
            messages->index(messages->rowCount() - 1).data(MessageListModel::TextRole).toString() ==
                QStringLiteral("to the space after all"),
        WaitMs);
    QVERIFY(messages->index(messages->rowCount() - 1)
                .data(MessageListModel::ParentIdRole)
                .toString()
                .isEmpty());
    QCOMPARE(messagesPane->threads()->replyCount(m_messageId), 0);
}

void TestConversationEndToEnd::aReplyToAThreadFarAboveIsBroughtIntoView()
{
    auto app = startWithMyMessage(QStringLiteral("Plan for Q3?"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    MessageThreadsModel *threads = messagesPane->threads();
    // Enough talk after it that my message is far above the newest.
    QString last;
    for (int n = 0; n < 30; ++n)
        last = emulator()->colleaguePosts(m_roomId, QStringLiteral("Chatter %1").arg(n));
    QTRY_VERIFY_WITH_TIMEOUT(threads->indexOfMessage(last).isValid(), WaitMs);
    MessageListView *view = messagesPane->view();
    view->setFocus();
    view->setCurrentIndex(threads->indexOfMessage(m_messageId));
    QTest::keyClick(view, Qt::Key_R);
    view->scrollToBottom();
    const QRect viewport = view->viewport()->rect();
    QVERIFY(!viewport.intersects(view->visualRect(threads->indexOfMessage(m_messageId))));

    QTest::keyClicks(messagesPane->composer()->editor(), QStringLiteral("Draft by Friday"));
    QTest::keyClick(messagesPane->composer()->editor(), Qt::Key_Return);
    // The reply, in its thread far above, is what the person now sees.
    const QModelIndex reply = threads->index(threads->indexOfMessage(m_messageId).row() + 1, 0);
    QVERIFY(reply.data(MessageListModel::PendingRole).toBool());
    QTRY_VERIFY(viewport.intersects(view->visualRect(reply)));
}

void TestConversationEndToEnd::aMentionOfMeArrivesMarked()
{
    auto app = startWithMyMessage(QStringLiteral("Anyone free to review?"));
    QVERIFY(app);
    MessagesPane *messagesPane = pane(*app);
    // Live, as Webex sends it: <spark-mention data-object-id="my id">my name</spark-mention>.
    const QString id = emulator()->colleagueMentionsUser(m_roomId, QStringLiteral("I can"));
    QTRY_VERIFY_WITH_TIMEOUT(messagesPane->threads()->indexOfMessage(id).isValid(), WaitMs);
    const QModelIndex row = messagesPane->threads()->indexOfMessage(id);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(MessageListModel::SafeHtmlRole)
                                 .toString()
                                 .contains(QStringLiteral("data-mention")),
                             WaitMs);
    auto *delegate = qobject_cast<MessageItemDelegate *>(messagesPane->view()->itemDelegate());
    QVERIFY(delegate);
    QStyleOptionViewItem option;
    option.initFrom(messagesPane->view());
    option.rect = messagesPane->view()->visualRect(row);
    QTextDocument *doc = delegate->bodyDocument(option, row);
    bool marked = false;
    bool restPlain = true;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const bool tinted =
                it.fragment().charFormat().hasProperty(QTextFormat::BackgroundBrush);
            if (it.fragment().text().contains(emulator()->userDisplayName()))
                marked = tinted;
            else if (tinted)
                restPlain = false;
        }
    }
    QVERIFY2(marked, qPrintable(row.data(MessageListModel::SafeHtmlRole).toString()));
    QVERIFY(restPlain);
}

QTEST_MAIN(TestConversationEndToEnd)
#include "tst_conversation_e2e.moc"
