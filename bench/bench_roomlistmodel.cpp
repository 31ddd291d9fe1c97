// RoomListModel with 10,000 spaces: loading them page by page as WebexClient delivers them, a
// refresh merging the first page again, and the memory 10,000 spaces take.
#include "benchdata.h"
#include "residentmemory.h"

#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"

#include <QtTest>

#include <memory>

class BenchRoomListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void appendPages_data();
    void appendPages();
    void refreshFirstPage_data();
    void refreshFirstPage();
    void memoryOf10000Spaces();

private:
    std::unique_ptr<BenchData> m_data;
};

void BenchRoomListModel::initTestCase()
{
    m_data = std::make_unique<BenchData>();
    QCOMPARE(m_data->rooms().size(), BenchData::SpaceCount);
}

void BenchRoomListModel::appendPages_data()
{
    QTest::addColumn<bool>("shuffled");
    QTest::addColumn<bool>("withFilter");
    // As fetchAllRooms asks (sortBy=lastactivity): each page goes below the last.
    QTest::newRow("newest first, model alone") << false << false;
    // The app always has the filter proxy (and the view) on the model.
    QTest::newRow("newest first, with filter proxy") << false << true;
    // Pages whose spaces land all over the model: many small inserts in the middle.
    QTest::newRow("arbitrary order, model alone") << true << false;
    QTest::newRow("arbitrary order, with filter proxy") << true << true;
}

void BenchRoomListModel::appendPages()
{
    QFETCH(bool, shuffled);
    QFETCH(bool, withFilter);
    const QList<QList<Room>> pages =
        BenchData::pages(shuffled ? m_data->shuffledRooms() : m_data->rooms());
    QCOMPARE(pages.size(), BenchData::SpaceCount / BenchData::PageSize);

    // One iteration: an empty model, the 10 pages of 1000, and (unavoidably) its destruction.
    QBENCHMARK
    {
        RoomListModel model;
        RoomFilterProxyModel filter;
        if (withFilter)
            filter.setSourceModel(&model);
        for (const QList<Room> &page : pages)
            model.appendRooms(page);
        QCOMPARE(model.rowCount(), BenchData::SpaceCount);
    }
}

void BenchRoomListModel::refreshFirstPage_data()
{
    QTest::addColumn<int>("moved");
    QTest::addColumn<bool>("withFilter");
    // F5 or the quiet refresh: the newest 1000 again, nothing new (one merge per iteration).
    QTest::newRow("unchanged, model alone") << 0 << false;
    QTest::newRow("unchanged, with filter proxy") << 0 << true;
    // 50 spaces of the page had new activity and move to the top; the next merge moves them
    // back (two merges per iteration: halve the figure for one refresh).
    QTest::newRow("50 moved up and back, model alone") << 50 << false;
    QTest::newRow("50 moved up and back, with filter proxy") << 50 << true;
}

void BenchRoomListModel::refreshFirstPage()
{
    QFETCH(int, moved);
    QFETCH(bool, withFilter);
    RoomListModel model;
    RoomFilterProxyModel filter;
    if (withFilter)
        filter.setSourceModel(&model);
    for (const QList<Room> &page : BenchData::pages(m_data->rooms()))
        model.appendRooms(page);

    const QList<Room> firstPage = m_data->rooms().mid(0, BenchData::PageSize);
    QList<Room> withActivity = firstPage;
    const QDateTime newest = firstPage.first().lastActivity;
    // Spread over the page (every 20th space), newer than anything: each moves to the top.
    for (int i = 0; i < moved; ++i) {
        Room &room = withActivity[qsizetype(i) * (BenchData::PageSize / moved)];
        room.lastActivity = newest.addSecs(60 + i);
    }

    QBENCHMARK
    {
        if (moved > 0)
            model.appendRooms(withActivity);
        model.appendRooms(firstPage);
    }
    QCOMPARE(model.rowCount(), BenchData::SpaceCount);
    QCOMPARE(model.index(0).data(RoomListModel::IdRole).toString(), firstPage.first().id);
}

void BenchRoomListModel::memoryOf10000Spaces()
{
    // Baseline: the wire pages are in memory, as the network would deliver them. Measured:
    // parsing each page, merging it, and dropping the parsed copy, as the app does.
    const QList<QJsonArray> wire = m_data->wirePages();
    m_data.reset(); // only the wire pages and Qt remain
    const qint64 before = ResidentMemory::kibibytes();
    QElapsedTimer timer;
    timer.start();
    auto model = std::make_unique<RoomListModel>();
    RoomFilterProxyModel filter;
    filter.setSourceModel(model.get());
    for (const QJsonArray &page : wire)
        model->appendRooms(BenchData::parseRooms(page));
    const qint64 elapsed = timer.elapsed();
    const qint64 after = ResidentMemory::kibibytes();
    QCOMPARE(model->rowCount(), BenchData::SpaceCount);
    qInfo().noquote().nospace() << "VmRSS before loading " << BenchData::SpaceCount
                                << " spaces: " << ResidentMemory::format(before)
                                << ", after: " << ResidentMemory::format(after) << " (+"
                                << ResidentMemory::format(after - before) << ", "
                                << QByteArray::number(double(after - before) * 1024.0 /
                                                          BenchData::SpaceCount,
                                                      'f', 0)
                                << " bytes per space; parse + merge took " << elapsed << " ms)";
    model.reset();
    const qint64 released = ResidentMemory::kibibytes();
    qInfo().noquote() << "VmRSS after the model is deleted:" << ResidentMemory::format(released);
}

QTEST_GUILESS_MAIN(BenchRoomListModel)
#include "bench_roomlistmodel.moc"
