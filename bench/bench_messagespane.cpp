// The open space on screen: MainWindow at a typical size with its MessagesPane
// (MessageListModel, MessageItemDelegate, rows as tall as their text) over 300 messages of a
// group space, run with QT_QPA_PLATFORM=offscreen. Avatars show initials: no image is fetched.
// Opening a space waits for each page to be sanitised off the UI thread (pageAdded), so its
// wall time includes that work and the hand-over between threads.
#include "benchdata.h"
#include "frametimes.h"
#include "scrollframes.h"

#include "avatarcache.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"

#include <QListView>
#include <QScrollBar>
#include <QtTest>

#include <memory>

namespace {
const QSize WindowSize(1280, 800);
constexpr int MessageCount = 300;
constexpr int MessagePage = 50; // GET messages?max=50, as WebexClient::fetchMessages
} // namespace

class BenchMessagesPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void openSpace_data();
    void openSpace();
    void scrollFrame_data();
    void scrollFrame();

private:
    // Opens the space and merges `pages` pages of 50, newest first, as scrolling up loads them.
    void open(int pages);
    [[nodiscard]] QListView *view() const { return m_window->messagesPane()->view(); }

    std::unique_ptr<BenchData> m_data;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<MainWindow> m_window;
    QList<Message> m_newestFirst;
};

void BenchMessagesPane::initTestCase()
{
    m_data = std::make_unique<BenchData>(1000); // the spaces do not matter here
    m_newestFirst = m_data->messagesNewestFirst(MessageCount);
    QCOMPARE(m_newestFirst.size(), MessageCount);
    // Every sender is known, so names show at once and nothing is asked for.
    m_messages = std::make_unique<MessageListModel>();
    m_messages->setSenders(m_data->messageSenders());
    m_avatars = std::make_unique<AvatarCache>();
    m_window = std::make_unique<MainWindow>();
    m_window->setAvatarCache(m_avatars.get());
    m_window->messagesPane()->setAvatarCache(m_avatars.get());
    m_window->messagesPane()->setModel(m_messages.get());
    m_window->showWorkspace();
    m_window->showProfile(m_data->me());
    m_window->resize(WindowSize);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ScrollFrames::settle();
}

void BenchMessagesPane::cleanupTestCase()
{
    m_window.reset();
}

void BenchMessagesPane::open(int pages)
{
    MessagesPane *pane = m_window->messagesPane();
    m_messages->setRoom(m_data->messageRoomId());
    pane->showRoom(QStringLiteral("Café Zürich"), QString());
    pane->showLoading();
    ScrollFrames::settle();
    for (int page = 0; page < pages; ++page) {
        const int from = page * MessagePage;
        // Sanitised off the UI thread, then merged: as ConversationController, the pane is told
        // once the model says the page is in.
        QSignalSpy added(m_messages.get(), &MessageListModel::pageAdded);
        m_messages->addPage(m_newestFirst.mid(from, MessagePage),
                            from + MessagePage < m_newestFirst.size());
        QVERIFY(added.wait());
        if (page == 0)
            pane->showLoaded();
        ScrollFrames::settle();
    }
}

void BenchMessagesPane::openSpace_data()
{
    QTest::addColumn<int>("pages");
    QTest::newRow("first page of 50") << 1;
    QTest::newRow("6 pages, 300 messages") << MessageCount / MessagePage;
}

void BenchMessagesPane::openSpace()
{
    QFETCH(int, pages);
    // One iteration: switch to the space, merge the pages, paint after each.
    QBENCHMARK
    {
        open(pages);
    }
    QCOMPARE(m_messages->rowCount(), pages * MessagePage);
}

void BenchMessagesPane::scrollFrame_data()
{
    QTest::addColumn<bool>("page");
    QTest::newRow("page down") << true;
    QTest::newRow("wheel notch") << false;
}

void BenchMessagesPane::scrollFrame()
{
    QFETCH(bool, page);
    open(MessageCount / MessagePage);
    QCOMPARE(m_messages->rowCount(), MessageCount);
    const bool firstCall = FrameTimes::firstCall();
    if (firstCall)
        qInfo().noquote() << "message list viewport" << view()->viewport()->size() << "scroll range"
                          << view()->verticalScrollBar()->maximum() << "px";

    ScrollFrames scroll(view());
    const int step = page ? scroll.pageStep() : scroll.wheelStep();
    scroll.benchmark(step, "px", firstCall);
}

QTEST_MAIN(BenchMessagesPane)
#include "bench_messagespane.moc"
