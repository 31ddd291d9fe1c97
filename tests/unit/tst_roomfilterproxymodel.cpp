#include "model/room.h"
#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>
#include <QTimeZone>

#include <memory>

using Kind = RoomFilterProxyModel::Kind;

namespace {

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), QTimeZone(0));

Room room(const QString &id, const QString &title, Room::Kind kind = Room::Kind::Group,
          const QString &teamId = {}, int minutes = 0)
{
    Room r;
    r.id = id;
    r.title = title;
    r.kind = kind;
    r.teamId = teamId;
    r.lastActivity = epoch.addSecs(minutes * 60);
    return r;
}

// Source rows newest first: the ids tell the order the proxy must keep.
QList<Room> fixture()
{
    return {
        room(QStringLiteral("cafe"), QStringLiteral("Café Crème"), Room::Kind::Group,
             QStringLiteral("T1"), 90),
        room(QStringLiteral("zurich"), QStringLiteral("Zürich Office"), Room::Kind::Group,
             QStringLiteral("T2"), 80),
        room(QStringLiteral("ana"), QStringLiteral("Ana Núñez"), Room::Kind::Direct, {}, 70),
        room(QStringLiteral("plan"), QStringLiteral("Release planning 2024"), Room::Kind::Group,
             QStringLiteral("T1"), 60),
        room(QStringLiteral("strasse"), QStringLiteral("Hauptstraße Team"), Room::Kind::Group,
             QStringLiteral("T2"), 50),
        room(QStringLiteral("bjorn"), QStringLiteral("Bjørn Ødegård"), Room::Kind::Direct, {}, 40),
        room(QStringLiteral("greek"), QStringLiteral("ΟΜΑΔΑ Αθήνα"), Room::Kind::Group, {}, 30),
        room(QStringLiteral("upper"), QStringLiteral("RELEASE notes"), Room::Kind::Group,
             QStringLiteral("T2"), 20),
        room(QStringLiteral("cafe2"), QStringLiteral("cafe (decomposed e\u0301)"),
             Room::Kind::Direct, {}, 10),
    };
}

QStringList visible(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(RoomListModel::IdRole).toString());
    return ids;
}

} // namespace

class TestRoomFilterProxyModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<RoomFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

private slots:
    void init()
    {
        m_rooms = std::make_unique<RoomListModel>();
        m_proxy = std::make_unique<RoomFilterProxyModel>();
        m_proxy->setSourceModel(m_rooms.get());
        m_sourceTester = std::make_unique<QAbstractItemModelTester>(
            m_rooms.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_sourceTester.reset();
        m_proxy.reset();
        m_rooms.reset();
    }

    void fold_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("folded");
        QTest::newRow("acute") << QStringLiteral("Café") << QStringLiteral("cafe");
        QTest::newRow("decomposed") << QStringLiteral("Cafe\u0301") << QStringLiteral("cafe");
        QTest::newRow("umlaut") << QStringLiteral("ZÜRICH") << QStringLiteral("zurich");
        QTest::newRow("tilde") << QStringLiteral("Núñez") << QStringLiteral("nunez");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
        QTest::newRow("o stroke") << QStringLiteral("Bjørn Ø") << QStringLiteral("bjorn o");
        QTest::newRow("ligature") << QStringLiteral("Œuvre") << QStringLiteral("oeuvre");
        QTest::newRow("greek final sigma") << QStringLiteral("ΟΔΟΣ") << QStringLiteral("οδοσ");
        QTest::newRow("greek tonos") << QStringLiteral("Αθήνα") << QStringLiteral("αθηνα");
        QTest::newRow("cjk unchanged") << QStringLiteral("日本") << QStringLiteral("日本");
        QTest::newRow("empty") << QString() << QString();
    }

    void fold()
    {
        QFETCH(QString, input);
        QFETCH(QString, folded);
        QCOMPARE(RoomFilterProxyModel::foldForSearch(input), folded);
    }

    void filterTable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("team");
        QTest::addColumn<QStringList>("expected");

        const QStringList all{"cafe",  "zurich", "ana",   "plan", "strasse",
                              "bjorn", "greek",  "upper", "cafe2"};
        QTest::newRow("nothing set") << QString() << Kind::All << QString() << all;
        QTest::newRow("only spaces") << QStringLiteral("   ") << Kind::All << QString() << all;
        QTest::newRow("cafe finds Café and a decomposed é")
            << QStringLiteral("cafe") << Kind::All << QString() << QStringList{"cafe", "cafe2"};
        QTest::newRow("accent typed finds plain too")
            << QStringLiteral("CAFÉ") << Kind::All << QString() << QStringList{"cafe", "cafe2"};
        QTest::newRow("zurich finds Zürich")
            << QStringLiteral("zurich") << Kind::All << QString() << QStringList{"zurich"};
        QTest::newRow("nunez finds Núñez")
            << QStringLiteral("nunez") << Kind::All << QString() << QStringList{"ana"};
        QTest::newRow("strasse finds Straße")
            << QStringLiteral("strasse") << Kind::All << QString() << QStringList{"strasse"};
        QTest::newRow("bjorn finds Bjørn")
            << QStringLiteral("bjorn") << Kind::All << QString() << QStringList{"bjorn"};
        QTest::newRow("greek without tonos")
            << QStringLiteral("αθηνα") << Kind::All << QString() << QStringList{"greek"};
        QTest::newRow("case") << QStringLiteral("release") << Kind::All << QString()
                              << QStringList{"plan", "upper"};
        QTest::newRow("two words, any order")
            << QStringLiteral("2024 release") << Kind::All << QString() << QStringList{"plan"};
        QTest::newRow("every word must match")
            << QStringLiteral("release zurich") << Kind::All << QString() << QStringList{};
        QTest::newRow("words in the middle")
            << QStringLiteral("ffice ric") << Kind::All << QString() << QStringList{"zurich"};
        QTest::newRow("extra whitespace") << QStringLiteral("  release \t notes ") << Kind::All
                                          << QString() << QStringList{"upper"};
        QTest::newRow("no match") << QStringLiteral("xyzzy") << Kind::All << QString()
                                  << QStringList{};
        QTest::newRow("direct only")
            << QString() << Kind::Direct << QString() << QStringList{"ana", "bjorn", "cafe2"};
        QTest::newRow("group only")
            << QString() << Kind::Group << QString()
            << QStringList{"cafe", "zurich", "plan", "strasse", "greek", "upper"};
        QTest::newRow("team T1") << QString() << Kind::All << QStringLiteral("T1")
                                 << QStringList{"cafe", "plan"};
        QTest::newRow("team T2 and text") << QStringLiteral("release") << Kind::All
                                          << QStringLiteral("T2") << QStringList{"upper"};
        QTest::newRow("text and kind")
            << QStringLiteral("cafe") << Kind::Direct << QString() << QStringList{"cafe2"};
        QTest::newRow("text, kind and team")
            << QStringLiteral("cafe") << Kind::Group << QStringLiteral("T1") << QStringList{"cafe"};
        QTest::newRow("direct in a team: none")
            << QString() << Kind::Direct << QStringLiteral("T1") << QStringList{};
        QTest::newRow("unknown team")
            << QString() << Kind::All << QStringLiteral("T9") << QStringList{};
    }

    void filterTable()
    {
        QFETCH(QString, text);
        QFETCH(Kind, kind);
        QFETCH(QString, team);
        QFETCH(QStringList, expected);
        m_rooms->appendRooms(fixture());
        m_proxy->setFilterText(text);
        m_proxy->setKind(kind);
        m_proxy->setTeamId(team);
        QCOMPARE(visible(*m_proxy), expected);

        // Set in the other order (team, kind, text) the result is the same.
        m_proxy->setFilterText({});
        m_proxy->setKind(Kind::All);
        m_proxy->setTeamId({});
        QCOMPARE(m_proxy->rowCount(), m_rooms->rowCount());
        m_proxy->setTeamId(team);
        m_proxy->setKind(kind);
        m_proxy->setFilterText(text);
        QCOMPARE(visible(*m_proxy), expected);
    }

    void filterHoldsWhilePagesArrive()
    {
        m_proxy->setFilterText(QStringLiteral("cafe"));
        const QList<Room> rooms = fixture();
        m_rooms->appendRooms(rooms.mid(0, 4));
        QCOMPARE(visible(*m_proxy), QStringList{"cafe"});
        m_rooms->appendRooms(rooms.mid(4));
        QCOMPARE(visible(*m_proxy), QStringList({"cafe", "cafe2"}));
    }

    void renamedRoomIsFilteredAgain()
    {
        m_rooms->appendRooms(fixture());
        m_proxy->setFilterText(QStringLiteral("kaffee"));
        QCOMPARE(m_proxy->rowCount(), 0);
        Room renamed = fixture().at(1);
        renamed.title = QStringLiteral("Kaffee Zürich");
        m_rooms->appendRooms({renamed});
        QCOMPARE(visible(*m_proxy), QStringList{"zurich"});
        QCOMPARE(m_rooms
                     ->data(m_rooms->index(m_rooms->rowOf(QStringLiteral("zurich"))),
                            RoomListModel::FoldedTitleRole)
                     .toString(),
                 QStringLiteral("kaffee zurich"));
    }

    void otherSourceModelsAreFoldedOnTheFly()
    {
        QStringListModel plain({QStringLiteral("Café"), QStringLiteral("Tea")});
        RoomFilterProxyModel proxy;
        proxy.setSourceModel(&plain);
        proxy.setFilterText(QStringLiteral("cafe"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Café"));
    }

    void tenThousandRooms()
    {
        // Not timed (CI machines vary); it proves the filter works at this size and that the
        // folded titles are there for every row, so no keystroke folds 10,000 titles.
        QList<Room> rooms;
        rooms.reserve(10000);
        for (int i = 0; i < 10000; ++i)
            rooms.append(room(QStringLiteral("r%1").arg(i),
                              i % 100 == 0 ? QStringLiteral("Équipe %1").arg(i)
                                           : QStringLiteral("Space %1").arg(i),
                              i % 3 ? Room::Kind::Group : Room::Kind::Direct, {}, i));
        m_proxyTester.reset(); // its per-change checks would dominate the run
        m_sourceTester.reset();
        m_rooms->appendRooms(rooms);
        for (int row = 0; row < m_rooms->rowCount(); row += 997)
            QVERIFY(!m_rooms->index(row).data(RoomListModel::FoldedTitleRole).toString().isEmpty());
        const QString typed = QStringLiteral("equipe");
        for (qsizetype n = 1; n <= typed.size(); ++n)
            m_proxy->setFilterText(typed.left(n));
        QCOMPARE(m_proxy->rowCount(), 100);
        m_proxy->setKind(Kind::Direct);
        QCOMPARE(m_proxy->rowCount(), 34); // i % 300 == 0 for i < 10000
    }

    void settersIgnoreNoChange()
    {
        m_rooms->appendRooms(fixture());
        // A change is one layout change (not a removal per run of rows: see refilter()).
        QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        m_proxy->setFilterText(QStringLiteral("cafe"));
        const int removals = int(layout.size());
        QCOMPARE(removals, 1);
        m_proxy->setFilterText(QStringLiteral("cafe"));
        m_proxy->setFilterText(QStringLiteral("CAFE ")); // folds to the same words
        m_proxy->setKind(Kind::All);
        m_proxy->setTeamId({});
        QCOMPARE(layout.size(), removals);
        QCOMPARE(m_proxy->filterText(), QStringLiteral("CAFE "));
    }
};

QTEST_GUILESS_MAIN(TestRoomFilterProxyModel)
#include "tst_roomfilterproxymodel.moc"
