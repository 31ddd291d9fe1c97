// The messages pane from the keyboard and for screen readers: links reachable without a mouse
// (Enter, the context menu), what the rows say to assistive technology, and older messages
// asked for when there is no scroll bar to scroll to the top with, or by Home, Up and PageUp.
// Links are caught with QDesktopServices::setUrlHandler, so nothing is really opened.

#include "avatarcache.h"
#include "composer.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"

#include <QAccessible>
#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

// A message sent minutesAgo minutes ago by Ada; html is what Webex sends (sanitised by the model).
Message message(const QString &id, const QString &html, int minutesAgo,
                const QString &text = QString())
{
    Message m;
    m.id = id;
    m.roomId = QStringLiteral("room");
    m.html = html;
    m.text = text.isEmpty() ? QStringLiteral("Text of %1").arg(id) : text;
    m.personId = QStringLiteral("p1");
    m.personEmail = QStringLiteral("ada@example.com");
    m.created = QDateTime::currentDateTimeUtc().addSecs(-60LL * minutesAgo);
    return m;
}

// count plain messages, the newest first (as Webex sends a page), the oldest firstAge minutes old.
QList<Message> page(const QString &prefix, int count, int newestAge)
{
    QList<Message> out;
    for (int i = 0; i < count; ++i)
        out.append(message(prefix + QString::number(i),
                           QStringLiteral("<p>%1 %2</p>").arg(prefix).arg(i), newestAge + i));
    return out;
}

// Lets queued calls and the view's delayed layout run; no clock involved.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

QStringList actionTexts(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    return texts;
}

QAction *actionNamed(const QMenu *menu, const QString &text, int occurrence = 0)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text && occurrence-- == 0)
            return action;
    }
    return nullptr;
}

} // namespace

// Receives what QDesktopServices::openUrl would hand to the browser or mail program.
class LinkCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestMessagesPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void focusStartsAtTheNewestMessage();
    void enterOpensTheOnlyLink();
    void enterOffersSeveralLinksInAMenu();
    void contextMenuOffersCopyAndEachLink();
    void contextMenuFromMenuKeyShiftF10AndMouse();
    void rowsTellScreenReadersAboutLinks();
    void shortFirstPageAsksForOlderOncePerPage();
    void tallerViewAsksForOlder();
    void homeAsksForOlder();
    void upOnTheFirstMessageAsksForOlder();
    void pageUpAtTheTopAsksForOlder();
    void failedPageMayBeAskedForAgain();

private:
    // A pane showing a loaded space with these messages (newest first), in a window of its own.
    void showSpace(const QList<Message> &newestFirst, bool hasOlder, int height = 400);
    // Adds a page to the model and waits until it is merged.
    void addPage(const QList<Message> &newestFirst, bool hasOlder);
    [[nodiscard]] MessageListView *view() const { return m_pane->view(); }
    void focusView();
    // The current message at `row` and the view at the top, reached without asking for older
    // messages on the way (as if a page was loading meanwhile).
    void reachTopAt(int row);

    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<MessagesPane> m_pane;
    LinkCatcher m_links;
};

void TestMessagesPane::init()
{
    for (const char *scheme : {"http", "https", "mailto", "file", "javascript", "data"})
        QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_links, "open");
    m_links.opened.clear();
    m_model = std::make_unique<MessageListModel>();
    m_avatars = std::make_unique<AvatarCache>();
    m_pane = std::make_unique<MessagesPane>();
    m_pane->setAvatarCache(m_avatars.get());
    m_pane->setModel(m_model.get());
}

void TestMessagesPane::cleanup()
{
    m_pane.reset();
    m_model.reset();
    m_avatars.reset();
    for (const char *scheme : {"http", "https", "mailto", "file", "javascript", "data"})
        QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
}

void TestMessagesPane::showSpace(const QList<Message> &newestFirst, bool hasOlder, int height)
{
    m_pane->resize(500, height);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    m_model->setRoom(QStringLiteral("room"));
    m_pane->showRoom(QStringLiteral("Design"), QString());
    m_pane->showLoading();
    // In ConversationController's order: the page into the model, then, once the model has
    // merged it (it is sanitised off the UI thread), the pane told it has loaded.
    addPage(newestFirst, hasOlder);
    m_pane->setLoadingOlder(false);
    m_pane->showLoaded();
}

void TestMessagesPane::addPage(const QList<Message> &newestFirst, bool hasOlder)
{
    QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
    m_model->addPage(newestFirst, hasOlder);
    QVERIFY(added.wait());
}

void TestMessagesPane::focusView()
{
    m_pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
    // From somewhere else, as a person tabs in: the view gets a focus-in of its own.
    m_pane->composer()->editor()->setFocus(Qt::TabFocusReason);
    view()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(view()->hasFocus());
}

void TestMessagesPane::reachTopAt(int row)
{
    m_pane->setLoadingOlder(true);
    view()->setCurrentIndex(m_pane->threads()->mapFromSource(m_model->index(row)));
    view()->verticalScrollBar()->setValue(0);
    m_pane->setLoadingOlder(false);
    settle();
}

void TestMessagesPane::focusStartsAtTheNewestMessage()
{
    showSpace(page(QStringLiteral("m"), 30, 1), false);
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    QTRY_COMPARE(view()->verticalScrollBar()->value(), view()->verticalScrollBar()->maximum());
    focusView();
    // Not the oldest row (the base class's choice), which would jump to the top.
    QCOMPARE(view()->currentIndex().row(), 29);
    QCOMPARE(view()->verticalScrollBar()->value(), view()->verticalScrollBar()->maximum());
    QTest::keyClick(view(), Qt::Key_Up);
    QCOMPARE(view()->currentIndex().row(), 28);
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(view()->currentIndex().row(), 29);
    QCOMPARE(older.count(), 0);
}

void TestMessagesPane::enterOpensTheOnlyLink()
{
    showSpace({message(QStringLiteral("linked"),
                       QStringLiteral("<p>see <a href=\"https://example.com/one\">the doc</a> "
                                      "<a href=\"javascript:alert(1)\">not this</a></p>"),
                       1),
               message(QStringLiteral("plain"), QStringLiteral("<p>no links</p>"), 2)},
              false);
    focusView();
    QCOMPARE(view()->currentIndex().row(), 1); // the newest, which has the link
    QTest::keyClick(view(), Qt::Key_Return);
    QCOMPARE(m_links.opened, QList<QUrl>{QUrl(QStringLiteral("https://example.com/one"))});
    QVERIFY(!view()->openMenu()); // one link: opened at once, no menu

    QTest::keyClick(view(), Qt::Key_Up);
    QCOMPARE(view()->currentIndex().row(), 0);
    QTest::keyClick(view(), Qt::Key_Enter); // the keypad's Enter; no link here
    QCOMPARE(m_links.opened.size(), 1);
    QVERIFY(!view()->openMenu());
}

void TestMessagesPane::enterOffersSeveralLinksInAMenu()
{
    showSpace({message(QStringLiteral("links"),
                       QStringLiteral("<p><a href=\"https://a.example/\">A</a> "
                                      "<a href=\"file:///etc/passwd\">F</a> "
                                      "<a href=\"javascript:alert(1)\">J</a> "
                                      "<a href=\"mailto:b@example.com\">B</a></p>"),
                       1)},
              false);
    focusView();
    QTest::keyClick(view(), Qt::Key_Return);
    QCOMPARE(m_links.opened.size(), 0); // several: the person chooses
    QMenu *menu = view()->openMenu();
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QVERIFY(!menu->accessibleName().isEmpty());
    // file: and javascript: are not offered at all.
    QCOMPARE(actionTexts(menu), (QStringList{QStringLiteral("https://a.example/"),
                                             QStringLiteral("mailto:b@example.com")}));
    // The menu is worked by keyboard too: the first link is active, Down and Enter open the second.
    QCOMPARE(menu->activeAction(), menu->actions().constFirst());
    QTest::keyClick(menu, Qt::Key_Down);
    QTest::keyClick(menu, Qt::Key_Return);
    QCOMPARE(m_links.opened, QList<QUrl>{QUrl(QStringLiteral("mailto:b@example.com"))});
    QTRY_VERIFY(!view()->openMenu());
}

void TestMessagesPane::contextMenuOffersCopyAndEachLink()
{
    showSpace({message(QStringLiteral("links"),
                       QStringLiteral("<p>Read <a href=\"https://a.example/\">A</a>, "
                                      "<a href=\"javascript:alert(1)\">J</a> and "
                                      "<a href=\"https://b.example/x?y=1&amp;z=2\">B</a></p>"),
                       1, QStringLiteral("Read A, J and B"))},
              false);
    focusView();
    QTest::keyClick(view(), Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = view()->openMenu();
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    // '&' doubled: in a menu a single one would mark a shortcut letter and vanish. The address
    // comes from someone else's message: isolated (FSI...PDI) inside our "Open Link".
    const QString openA = QStringLiteral("Open Link \u2068https://a.example/\u2069");
    QCOMPARE(
        actionTexts(menu),
        (QStringList{QStringLiteral("Copy Text"),
                     QStringLiteral("Show Profile of \u2068ada@example.com\u2069"),
                     QStringLiteral("Reply in Thread"), openA, QStringLiteral("Copy Link Address"),
                     QStringLiteral("Open Link \u2068https://b.example/x?y=1&&z=2\u2069"),
                     QStringLiteral("Copy Link Address")}));

    actionNamed(menu, QStringLiteral("Copy Text"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Read A, J and B"));
    actionNamed(menu, QStringLiteral("Copy Link Address"), 1)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("https://b.example/x?y=1&z=2"));
    actionNamed(menu, openA)->trigger();
    QCOMPARE(m_links.opened, QList<QUrl>{QUrl(QStringLiteral("https://a.example/"))});
    menu->close();

    // Ctrl+C copies the text too (not "Sender: text", the base class's choice).
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(view(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Read A, J and B"));
}

void TestMessagesPane::contextMenuFromMenuKeyShiftF10AndMouse()
{
    showSpace({message(QStringLiteral("linked"),
                       QStringLiteral("<p><a href=\"https://a.example/\">A</a></p>"), 1),
               message(QStringLiteral("plain"), QStringLiteral("<p>plain</p>"), 2)},
              false);
    focusView();
    QCOMPARE(view()->currentIndex().row(), 1);

    // The Menu key, as a key and as the context menu event most platforms make of it.
    QTest::keyClick(view(), Qt::Key_Menu);
    QVERIFY(view()->openMenu());
    // Copy, Show Profile, Reply, Open and Copy the link
    QCOMPARE(actionTexts(view()->openMenu()).size(), 5);
    view()->openMenu()->close();
    QTRY_VERIFY(!view()->openMenu());
    QContextMenuEvent keyboard(QContextMenuEvent::Keyboard, QPoint(1, 1),
                               view()->mapToGlobal(QPoint(1, 1)));
    QCoreApplication::sendEvent(view(), &keyboard);
    QVERIFY(view()->openMenu());
    QCOMPARE(actionTexts(view()->openMenu()).size(), 5); // the current message, with its link
    view()->openMenu()->close();
    QTRY_VERIFY(!view()->openMenu());

    // A right click on the other message: its menu, and it becomes the current one.
    const QPoint onPlain =
        view()->visualRect(m_pane->threads()->mapFromSource(m_model->index(0))).center();
    QContextMenuEvent mouse(QContextMenuEvent::Mouse, onPlain,
                            view()->viewport()->mapToGlobal(onPlain));
    QCoreApplication::sendEvent(view()->viewport(), &mouse);
    QVERIFY(view()->openMenu());
    QCOMPARE(actionTexts(view()->openMenu()),
             (QStringList{QStringLiteral("Copy Text"),
                          QStringLiteral("Show Profile of \u2068ada@example.com\u2069"),
                          QStringLiteral("Reply in Thread")}));
    QCOMPARE(view()->currentIndex().row(), 0);
}

void TestMessagesPane::rowsTellScreenReadersAboutLinks()
{
    showSpace({message(QStringLiteral("links"),
                       QStringLiteral("<p><a href=\"https://a.example/\">A</a> and "
                                      "<a href=\"https://b.example/\">B</a></p>"),
                       1, QStringLiteral("A and B"))},
              false);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(view());
    QVERIFY(list);
    QAccessibleInterface *row = nullptr;
    for (int i = 0; i < list->childCount() && !row; ++i) {
        QAccessibleInterface *child = list->child(i);
        if (child && child->text(QAccessible::Name).contains(QStringLiteral("A and B")))
            row = child;
    }
    QVERIFY2(row, "no accessible row with the message's text");
    const QString name = row->text(QAccessible::Name);
    const QString description = row->text(QAccessible::Description);
    QVERIFY2(name.contains(QStringLiteral("ada@example.com")), qPrintable(name)); // the sender
    const QDateTime sent = m_model->index(0).data(MessageListModel::CreatedRole).toDateTime();
    QVERIFY2(description.contains(QLocale().toString(sent.toLocalTime(), QLocale::ShortFormat)),
             qPrintable(description));
    // "2 link(s)" without a catalogue, "2 links" with the English one.
    QVERIFY2(description.contains(QStringLiteral("2 link")), qPrintable(description));
}

void TestMessagesPane::shortFirstPageAsksForOlderOncePerPage()
{
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    showSpace(page(QStringLiteral("new"), 2, 1), true, 900);
    QVERIFY(!view()->canScroll());
    // No scroll bar, so nobody can scroll to the top: the pane asks by itself, once.
    QTRY_COMPARE(older.count(), 1);
    settle();
    m_pane->resize(500, 950);
    settle();
    QCOMPARE(older.count(), 1); // the same page is not asked for again

    // ConversationController's answer: loading, then the page, sanitised and merged. Nothing
    // more is asked while it loads.
    m_pane->setLoadingOlder(true);
    QSignalSpy added(m_model.get(), &MessageListModel::pageAdded);
    m_model->addPage(page(QStringLiteral("older"), 2, 100), true);
    settle();
    QCOMPARE(older.count(), 1);
    QTRY_COMPARE(added.count(), 1);
    settle();
    QCOMPARE(older.count(), 1);
    m_pane->setLoadingOlder(false);
    m_pane->showLoaded();
    // Still no scroll bar, and Webex has more: the next page, one at a time.
    QTRY_COMPARE(older.count(), 2);

    m_pane->setLoadingOlder(true);
    addPage(page(QStringLiteral("oldest"), 2, 200), false);
    m_pane->setLoadingOlder(false);
    m_pane->showLoaded();
    settle();
    QCOMPARE(m_model->rowCount(), 6);
    QVERIFY(!view()->canScroll());
    QCOMPARE(older.count(), 2); // the beginning of the space: nothing more to ask for
    focusView();
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(older.count(), 2);
}

void TestMessagesPane::tallerViewAsksForOlder()
{
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    showSpace(page(QStringLiteral("m"), 30, 1), true);
    QTRY_VERIFY(view()->canScroll());
    settle();
    QCOMPARE(older.count(), 0); // a scroll bar: the person scrolls up when they want to

    // The window grows taller than all rows: no scroll bar any more.
    m_pane->resize(500, m_pane->height() + view()->verticalScrollBar()->maximum() + 200);
    QTRY_VERIFY(!view()->canScroll());
    QTRY_COMPARE(older.count(), 1);
    settle();
    QCOMPARE(older.count(), 1);
}

void TestMessagesPane::homeAsksForOlder()
{
    showSpace(page(QStringLiteral("m"), 30, 1), true);
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    focusView();
    QVERIFY(view()->canScroll());
    QTest::keyClick(view(), Qt::Key_PageUp); // from the bottom: not at the top yet
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(older.count(), 0);
    // At the top already (reached while a page was loading), so scrolling asks nothing: Home does.
    reachTopAt(2);
    QCOMPARE(older.count(), 0);
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(view()->currentIndex().row(), 0);
    QCOMPARE(older.count(), 1);
    // Pressed again while that page loads (AppController says so at once): nothing more.
    m_pane->setLoadingOlder(true);
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(older.count(), 1);
}

void TestMessagesPane::upOnTheFirstMessageAsksForOlder()
{
    showSpace(page(QStringLiteral("m"), 30, 1), true);
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    focusView();
    // Reach the second message while a page is loading (so reaching the top asks nothing).
    reachTopAt(1);
    QCOMPARE(older.count(), 0);
    QTest::keyClick(view(), Qt::Key_Up); // onto the first message
    QCOMPARE(view()->currentIndex().row(), 0);
    QCOMPARE(older.count(), 0);
    QTest::keyClick(view(), Qt::Key_Up); // past it
    QCOMPARE(older.count(), 1);
}

void TestMessagesPane::pageUpAtTheTopAsksForOlder()
{
    showSpace(page(QStringLiteral("m"), 30, 1), true);
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    focusView();
    reachTopAt(2);
    QCOMPARE(older.count(), 0);
    QTest::keyClick(view(), Qt::Key_PageUp);
    QCOMPARE(older.count(), 1);
}

void TestMessagesPane::failedPageMayBeAskedForAgain()
{
    QSignalSpy older(m_pane.get(), &MessagesPane::olderRequested);
    showSpace(page(QStringLiteral("m"), 2, 1), true, 900);
    QTRY_COMPARE(older.count(), 1);
    m_pane->setLoadingOlder(true);
    m_pane->showProblem(QStringLiteral("No network."));
    // Not by itself (a failing page would be asked for in a loop), but when the person asks.
    settle();
    QCOMPARE(older.count(), 1);
    focusView();
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(older.count(), 2);
}

QTEST_MAIN(TestMessagesPane)
#include "tst_messagespane.moc"
