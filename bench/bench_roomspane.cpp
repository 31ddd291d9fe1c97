// The real room list on screen: MainWindow at a typical size with its RoomsPane (filter proxy,
// RoomPresentationModel, RoomItemDelegate) over 10,000 spaces, run with
// QT_QPA_PLATFORM=offscreen. A frame is a scroll step and the event-loop turn that paints it.
#include "benchdata.h"
#include "frametimes.h"
#include "residentmemory.h"
#include "scrollframes.h"

#include "mainwindow.h"
#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"
#include "roomspane.h"

#include <QLineEdit>
#include <QListView>
#include <QtTest>

#include <memory>

namespace {
// A common laptop window (the app opens at 1000x680; many people make it larger).
const QSize WindowSize(1280, 800);
} // namespace

class BenchRoomsPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scrollFrame_data();
    void scrollFrame();
    void typeAndDeleteCafeInPane();
    void loadPagesWhileShown();

private:
    [[nodiscard]] QListView *view() const { return m_window->roomsPane()->view(); }

    std::unique_ptr<BenchData> m_data;
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<MainWindow> m_window;
};

void BenchRoomsPane::initTestCase()
{
    m_data = std::make_unique<BenchData>();
    m_rooms = std::make_unique<RoomListModel>();
    m_window = std::make_unique<MainWindow>();
    m_window->roomsPane()->setModel(m_rooms.get());
    m_window->showWorkspace();
    m_window->showProfile(m_data->me());
    m_window->resize(WindowSize);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ScrollFrames::settle();

    const qint64 before = ResidentMemory::kibibytes();
    const QList<QList<Room>> pages = BenchData::pages(m_data->rooms());
    for (const QList<Room> &page : pages) {
        m_rooms->appendRooms(page);
        m_window->roomsPane()->showLoading(m_rooms->rowCount());
        ScrollFrames::settle();
    }
    m_window->roomsPane()->setTeams(m_data->teams());
    m_window->roomsPane()->showLoaded(m_rooms->rowCount());
    ScrollFrames::settle();
    const qint64 loaded = ResidentMemory::kibibytes();
    QCOMPARE(view()->model()->rowCount(), BenchData::SpaceCount);

    qInfo().noquote() << "window" << m_window->size() << "room list viewport"
                      << view()->viewport()->size() << "row height"
                      << view()->visualRect(view()->model()->index(0, 0)).height() << "px";
    qInfo().noquote().nospace() << "VmRSS with the window shown, no spaces: "
                                << ResidentMemory::format(before) << "; with "
                                << BenchData::SpaceCount
                                << " spaces shown: " << ResidentMemory::format(loaded) << " (+"
                                << ResidentMemory::format(loaded - before) << ")";
}

void BenchRoomsPane::cleanupTestCase()
{
    // After every benchmark, including full passes over the list: what the view keeps.
    qInfo().noquote() << "VmRSS at the end:" << ResidentMemory::format(ResidentMemory::kibibytes());
    m_window.reset();
}

void BenchRoomsPane::scrollFrame_data()
{
    QTest::addColumn<bool>("page");
    QTest::newRow("page down") << true;
    QTest::newRow("wheel notch") << false;
}

void BenchRoomsPane::scrollFrame()
{
    QFETCH(bool, page);
    ScrollFrames scroll(view());
    const int step = page ? scroll.pageStep() : scroll.wheelStep();
    scroll.benchmark(step, "rows", FrameTimes::firstCall());
}

void BenchRoomsPane::typeAndDeleteCafeInPane()
{
    // Through the real field: textChanged -> RoomFilterProxyModel -> RoomPresentationModel ->
    // the list's rows, then the turn of the event loop that lays out and paints the pane.
    QLineEdit *field = m_window->roomsPane()->filterEdit();
    const QStringList keystrokes{
        QStringLiteral("c"),   QStringLiteral("ca"), QStringLiteral("caf"), QStringLiteral("cafe"),
        QStringLiteral("caf"), QStringLiteral("ca"), QStringLiteral("c"),   QString()};
    if (FrameTimes::firstCall()) {
        QList<FrameTimes> perKeystroke(keystrokes.size());
        for (int round = 0; round < 10; ++round) {
            for (qsizetype i = 0; i < keystrokes.size(); ++i) {
                perKeystroke[i].start();
                field->setText(keystrokes.at(i));
                ScrollFrames::settle();
                perKeystroke[i].stop();
            }
        }
        for (qsizetype i = 0; i < keystrokes.size(); ++i) {
            qInfo().noquote().nospace() << "keystroke " << (i + 1) << " -> \"" << keystrokes.at(i)
                                        << "\" and its frame: " << perKeystroke.at(i).summary();
        }
    }
    int matchesCafe = 0;
    // One iteration: all 8 keystrokes with their frames; divide by 8 for one.
    QBENCHMARK
    {
        for (qsizetype i = 0; i < keystrokes.size(); ++i) {
            field->setText(keystrokes.at(i));
            ScrollFrames::settle();
            if (i == 3)
                matchesCafe = view()->model()->rowCount();
        }
    }
    QVERIFY(matchesCafe > 0);
    QCOMPARE(view()->model()->rowCount(), BenchData::SpaceCount);
}

void BenchRoomsPane::loadPagesWhileShown()
{
    // Signing in with 10,000 spaces: each page of 1000 arrives, is merged, and the list and
    // the "Loading… n so far" line are painted before the next one.
    const QList<QList<Room>> pages = BenchData::pages(m_data->rooms());
    const auto load = [&](FrameTimes *perPage) {
        m_rooms->clear();
        for (const QList<Room> &page : pages) {
            if (perPage)
                perPage->start();
            m_rooms->appendRooms(page);
            m_window->roomsPane()->showLoading(m_rooms->rowCount());
            ScrollFrames::settle();
            if (perPage)
                perPage->stop();
        }
    };
    if (FrameTimes::firstCall()) {
        FrameTimes perPage;
        for (int round = 0; round < 3; ++round)
            load(&perPage);
        qInfo().noquote() << "one page of 1000 merged and painted:" << perPage.summary();
    }
    // One iteration: clear, then the 10 pages with a frame each.
    QBENCHMARK
    {
        load(nullptr);
    }
    m_window->roomsPane()->showLoaded(m_rooms->rowCount());
    QCOMPARE(view()->model()->rowCount(), BenchData::SpaceCount);
}

QTEST_MAIN(BenchRoomsPane)
#include "bench_roomspane.moc"
