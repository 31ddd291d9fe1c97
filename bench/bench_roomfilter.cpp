// RoomFilterProxyModel over 10,000 spaces: typing "cafe" one keystroke at a time and deleting
// it again, and switching the kind and team choices. The model alone, without a view:
// bench_roomspane measures a keystroke through the real pane, with its repaint.
#include "benchdata.h"
#include "frametimes.h"

#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"

#include <QtTest>

#include <memory>

class BenchRoomFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typeAndDeleteCafe_data();
    void typeAndDeleteCafe();
    void switchKind();
    void switchTeam();
    void foldTitle();

private:
    std::unique_ptr<BenchData> m_data;
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<RoomFilterProxyModel> m_filter;
    QList<Team> m_teams;
};

void BenchRoomFilter::initTestCase()
{
    m_data = std::make_unique<BenchData>();
    m_rooms = std::make_unique<RoomListModel>();
    for (const QList<Room> &page : BenchData::pages(m_data->rooms()))
        m_rooms->appendRooms(page);
    m_filter = std::make_unique<RoomFilterProxyModel>();
    m_filter->setSourceModel(m_rooms.get());
    m_teams = m_data->teams();
    QCOMPARE(m_filter->rowCount(), BenchData::SpaceCount);
    QVERIFY(m_teams.size() >= 5);
}

void BenchRoomFilter::typeAndDeleteCafe_data()
{
    QTest::addColumn<RoomFilterProxyModel::Kind>("kind");
    QTest::newRow("all spaces") << RoomFilterProxyModel::Kind::All;
    QTest::newRow("group spaces only") << RoomFilterProxyModel::Kind::Group;
}

void BenchRoomFilter::typeAndDeleteCafe()
{
    QFETCH(RoomFilterProxyModel::Kind, kind);
    m_filter->setKind(kind);
    // What the field holds after each keystroke: c, a, f, e, then four Backspaces.
    const QStringList keystrokes{
        QStringLiteral("c"),   QStringLiteral("ca"), QStringLiteral("caf"), QStringLiteral("cafe"),
        QStringLiteral("caf"), QStringLiteral("ca"), QStringLiteral("c"),   QString()};
    if (FrameTimes::firstCall()) {
        // Each keystroke timed alone, over ten rounds: the slowest one is what a person feels.
        QList<FrameTimes> perKeystroke(keystrokes.size());
        for (int round = 0; round < 10; ++round) {
            for (qsizetype i = 0; i < keystrokes.size(); ++i) {
                perKeystroke[i].start();
                m_filter->setFilterText(keystrokes.at(i));
                m_filter->rowCount(); // the view asks at once; the proxy maps lazily
                perKeystroke[i].stop();
                if (round == 0 && i == 3)
                    qInfo().noquote() << "\"cafe\" matches" << m_filter->rowCount() << "of"
                                      << m_rooms->rowCount();
            }
        }
        for (qsizetype i = 0; i < keystrokes.size(); ++i) {
            qInfo().noquote().nospace() << "keystroke " << (i + 1) << " -> \"" << keystrokes.at(i)
                                        << "\": " << perKeystroke.at(i).summary();
        }
    }

    int matchesCafe = 0;
    // One iteration: all 8 keystrokes; divide by 8 for one.
    QBENCHMARK
    {
        for (qsizetype i = 0; i < keystrokes.size(); ++i) {
            m_filter->setFilterText(keystrokes.at(i));
            m_filter->rowCount(); // the view asks at once; the proxy maps lazily
            if (i == 3)
                matchesCafe = m_filter->rowCount();
        }
    }
    QVERIFY(matchesCafe > 0); // "Café Zürich", "Café Lisboa" and their numbered siblings
    m_filter->setKind(RoomFilterProxyModel::Kind::All);
}

void BenchRoomFilter::switchKind()
{
    const QList<RoomFilterProxyModel::Kind> kinds{RoomFilterProxyModel::Kind::Direct,
                                                  RoomFilterProxyModel::Kind::Group,
                                                  RoomFilterProxyModel::Kind::All};
    if (FrameTimes::firstCall()) {
        FrameTimes perSwitch;
        for (int round = 0; round < 10; ++round) {
            for (const RoomFilterProxyModel::Kind kind : kinds) {
                perSwitch.start();
                m_filter->setKind(kind);
                m_filter->rowCount(); // the view asks at once; the proxy maps lazily
                perSwitch.stop();
            }
        }
        qInfo().noquote() << "one kind switch:" << perSwitch.summary();
    }
    // One iteration: All -> Direct -> Spaces -> All (3 switches).
    QBENCHMARK
    {
        for (const RoomFilterProxyModel::Kind kind : kinds) {
            m_filter->setKind(kind);
            m_filter->rowCount(); // the view asks at once; the proxy maps lazily
        }
    }
    QCOMPARE(m_filter->rowCount(), BenchData::SpaceCount);
}

void BenchRoomFilter::switchTeam()
{
    if (FrameTimes::firstCall()) {
        FrameTimes perSwitch;
        for (int round = 0; round < 10; ++round) {
            for (int i = 0; i <= 5; ++i) {
                perSwitch.start();
                m_filter->setTeamId(i < 5 ? m_teams.at(i).id : QString());
                m_filter->rowCount(); // the view asks at once; the proxy maps lazily
                perSwitch.stop();
            }
        }
        qInfo().noquote() << "one team switch:" << perSwitch.summary();
    }
    // One iteration: five teams one after the other, then "All teams" (6 switches).
    QBENCHMARK
    {
        for (int i = 0; i <= 5; ++i) {
            m_filter->setTeamId(i < 5 ? m_teams.at(i).id : QString());
            m_filter->rowCount(); // the view asks at once; the proxy maps lazily
        }
    }
    QCOMPARE(m_filter->rowCount(), BenchData::SpaceCount);
}

void BenchRoomFilter::foldTitle()
{
    // What RoomListModel pays once per new title (and the filter once per keystroke).
    const QString title = QStringLiteral("Café Zürich 12 — Équipe Straße");
    QString folded;
    QBENCHMARK
    {
        folded = RoomFilterProxyModel::foldForSearch(title);
    }
    QCOMPARE(folded, QStringLiteral("cafe zurich 12 — equipe strasse"));
}

QTEST_GUILESS_MAIN(BenchRoomFilter)
#include "bench_roomfilter.moc"
