#include "model/room.h"
#include "model/roomfilterproxymodel.h"
#include "model/roomlistmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <random>

namespace {

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), QTimeZone(0));

// A room whose last activity is `minutes` after the epoch; negative means "unknown".
Room room(const QString &id, int minutes, Room::Kind kind = Room::Kind::Group)
{
    Room r;
    r.id = id;
    r.title = QStringLiteral("Title ") + id;
    r.kind = kind;
    if (minutes >= 0)
        r.lastActivity = epoch.addSecs(minutes * 60);
    return r;
}

QStringList order(const RoomListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.data(model.index(row), RoomListModel::IdRole).toString());
    return ids;
}

QStringList ids(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestRoomListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RoomListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private slots:
    void init()
    {
        m_model = std::make_unique<RoomListModel>();
        // Checks every signal and the model's consistency after each change, failing the test.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void emptyModel()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->roomAt(0));
        QVERIFY(!m_model->roomAt(-1));
        QCOMPARE(m_model->rowOf(QStringLiteral("x")), -1);
        m_model->clear(); // nothing to reset
        m_model->appendRooms({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void pagesOutOfOrderAreSortedNewestFirst()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        // The oldest page first, then the newest, then one that falls in between.
        m_model->appendRooms({room(QStringLiteral("c"), 10), room(QStringLiteral("d"), 5)});
        m_model->appendRooms({room(QStringLiteral("a"), 100), room(QStringLiteral("b"), 50)});
        m_model->appendRooms({room(QStringLiteral("x"), 30), room(QStringLiteral("y"), 1),
                              room(QStringLiteral("z"), 7)});

        QCOMPARE(order(*m_model), ids("a b x c z d y"));
        QCOMPARE(reset.size(), 0); // pages are inserted, never a reset

        // Insert ranges: [0,1]; then a+b at the top in one range [0,1]; then x at 2, z at 4
        // and y at 6, each its own range because existing rows lie between them.
        QCOMPARE(inserted.size(), 5);
        const auto range = [&inserted](int i) {
            return qMakePair(inserted.at(i).at(1).toInt(), inserted.at(i).at(2).toInt());
        };
        QCOMPARE(range(0), qMakePair(0, 1));
        QCOMPARE(range(1), qMakePair(0, 1));
        QCOMPARE(range(2), qMakePair(2, 2));
        QCOMPARE(range(3), qMakePair(4, 4));
        QCOMPARE(range(4), qMakePair(6, 6));
    }

    void scatteredPageIsOneLayoutChangeThatKeepsPersistentIndexes()
    {
        // 20 spaces at even minutes, then a page of 20 at odd minutes: each new space lands
        // between two old ones, far more places than MaxInsertRuns.
        QList<Room> even;
        QList<Room> odd;
        for (int i = 0; i < 20; ++i) {
            even.append(room(QStringLiteral("e%1").arg(i, 2, 10, QLatin1Char('0')), 2 * i));
            odd.append(room(QStringLiteral("o%1").arg(i, 2, 10, QLatin1Char('0')), 2 * i + 1));
        }
        m_model->appendRooms(even);
        // A filter on top, as in the app: "0" matches e00..e09 and e10 (and their odd peers).
        RoomFilterProxyModel filter;
        filter.setSourceModel(m_model.get());
        filter.setFilterText(QStringLiteral("0"));
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 11); // e10, e09, ..., e00

        const QPersistentModelIndex newest = m_model->index(0);    // e19
        const QPersistentModelIndex middle = m_model->index(10);   // e09
        const QPersistentModelIndex oldest = m_model->index(19);   // e00
        const QPersistentModelIndex selected = filter.index(4, 0); // e06
        QCOMPARE(selected.data(RoomListModel::IdRole).toString(), QStringLiteral("e06"));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        std::shuffle(odd.begin(), odd.end(), std::mt19937(3)); // a page in any order
        m_model->appendRooms(odd);

        QStringList expected;
        for (int i = 19; i >= 0; --i)
            expected << QStringLiteral("o%1").arg(i, 2, 10, QLatin1Char('0'))
                     << QStringLiteral("e%1").arg(i, 2, 10, QLatin1Char('0'));
        QCOMPARE(order(*m_model), expected);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(layout.size(), 1);
        QCOMPARE(newest.row(), 1);
        QCOMPARE(newest.data(RoomListModel::IdRole).toString(), QStringLiteral("e19"));
        QCOMPARE(middle.row(), 21);
        QCOMPARE(middle.data(RoomListModel::IdRole).toString(), QStringLiteral("e09"));
        QCOMPARE(oldest.row(), 39);
        QCOMPARE(oldest.data(RoomListModel::IdRole).toString(), QStringLiteral("e00"));
        QCOMPARE(m_model->rowOf(QStringLiteral("o07")), 24);

        // The proxy follows: the new matches are in, the selection is still on e06.
        QCOMPARE(filter.rowCount(), 22);
        QCOMPARE(selected.data(RoomListModel::IdRole).toString(), QStringLiteral("e06"));
        QCOMPARE(selected.row(), 9); // o10 e10 o09 e09 o08 e08 o07 e07 o06 e06
        QCOMPARE(filter.index(0, 0).data(RoomListModel::IdRole).toString(), QStringLiteral("o10"));
        // Folded titles of the new spaces are there for the filter.
        QCOMPARE(m_model->index(0).data(RoomListModel::FoldedTitleRole).toString(),
                 QStringLiteral("title o19"));
    }

    void consecutiveNewRoomsShareOneInsert()
    {
        m_model->appendRooms({room(QStringLiteral("old"), 1)});
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->appendRooms({room(QStringLiteral("n3"), 30), room(QStringLiteral("n1"), 50),
                              room(QStringLiteral("n2"), 40)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(order(*m_model), ids("n1 n2 n3 old"));
    }

    void duplicateUpdatedInPlace()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 30), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("c"), 10)});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);

        Room renamed = room(QStringLiteral("b"), 20);
        renamed.title = QStringLiteral("Renamed");
        m_model->appendRooms({renamed});

        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(m_model->data(m_model->index(1)).toString(), QStringLiteral("Renamed"));
    }

    void duplicateWithNewerActivityMovesUp()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 30), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("c"), 10)});
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->appendRooms({room(QStringLiteral("c"), 99)});
        QCOMPARE(order(*m_model), ids("c a b"));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().at(1).toInt(), 2); // from row 2
        QCOMPARE(moved.first().at(4).toInt(), 0); // to before row 0
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    }

    void duplicateWithOlderActivityMovesDown()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 30), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("c"), 10), room(QStringLiteral("d"), 5)});
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        m_model->appendRooms({room(QStringLiteral("a"), 7)});
        QCOMPARE(order(*m_model), ids("b c a d"));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("a")), 2);
    }

    void severalMovesInOnePageAreOneLayoutChange()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 50), room(QStringLiteral("b"), 40),
                              room(QStringLiteral("c"), 30), room(QStringLiteral("d"), 20),
                              room(QStringLiteral("e"), 10)});
        const QPersistentModelIndex followed = m_model->index(3); // "d"
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Room renamed = room(QStringLiteral("e"), 60);
        renamed.title = QStringLiteral("Caf\u00e9");
        // A refresh: "d" and "e" got new messages, "a" is unchanged.
        m_model->appendRooms(
            {renamed, room(QStringLiteral("d"), 55), room(QStringLiteral("a"), 50)});
        QCOMPARE(order(*m_model), ids("e d a b c"));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(layout.size(), 1);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(followed.row(), 1); // a selection on "d" stays on "d"
        QCOMPARE(followed.data(RoomListModel::IdRole).toString(), QStringLiteral("d"));
        QCOMPARE(m_model->index(0).data(RoomListModel::FoldedTitleRole).toString(),
                 QStringLiteral("cafe"));
        QCOMPARE(m_model->rowOf(QStringLiteral("c")), 4);
    }

    void duplicatesWithinOnePage()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 10), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("a"), 30)});
        QCOMPARE(order(*m_model), ids("a b"));
        QCOMPARE(m_model->roomAt(0)->lastActivity, epoch.addSecs(30 * 60)); // the last copy
    }

    void unknownActivitySortsLastAndTiesById()
    {
        Room createdOnly = room(QStringLiteral("created"), -1);
        createdOnly.created = epoch.addSecs(15 * 60);
        m_model->appendRooms({room(QStringLiteral("never2"), -1), room(QStringLiteral("t2"), 20),
                              createdOnly, room(QStringLiteral("never1"), -1),
                              room(QStringLiteral("t1"), 20)});
        QCOMPARE(order(*m_model), ids("t1 t2 created never1 never2"));
    }

    void randomPagesGiveTheSameOrder()
    {
        // 300 spaces with updates, delivered in shuffled pages of random sizes with duplicates:
        // the model must end up with each id once, in the reference order, while the tester
        // checks every intermediate signal.
        QRandomGenerator random(20240601); // fixed seed: reproducible
        QHash<QString, Room> latest;
        QList<Room> stream;
        for (int i = 0; i < 300; ++i) {
            const Room r = room(QStringLiteral("r%1").arg(i), int(random.bounded(500)) - 20);
            stream.append(r);
        }
        for (int i = 0; i < 120; ++i) { // later copies with other activity times
            Room r = stream.at(int(random.bounded(300)));
            r.lastActivity = epoch.addSecs(qint64(random.bounded(500)) * 60);
            r.title = QStringLiteral("updated %1").arg(i);
            stream.append(r);
        }
        std::shuffle(stream.begin(), stream.begin() + 300, std::mt19937(7));
        for (const Room &r : std::as_const(stream))
            latest.insert(r.id, r);

        qsizetype at = 0;
        while (at < stream.size()) {
            const qsizetype size = qMin<qsizetype>(1 + random.bounded(40), stream.size() - at);
            m_model->appendRooms(stream.mid(at, size));
            at += size;
        }

        QList<Room> reference = latest.values();
        std::sort(reference.begin(), reference.end(), RoomListModel::isBefore);
        QCOMPARE(m_model->rowCount(), 300);
        for (int row = 0; row < reference.size(); ++row) {
            const std::optional<Room> r = m_model->roomAt(row);
            QVERIFY(r);
            QCOMPARE(r->id, reference.at(row).id);
            QCOMPARE(r->title, reference.at(row).title);
        }
    }

    void rolesAndData()
    {
        Room r = room(QStringLiteral("R"), 1, Room::Kind::Direct);
        r.title = QString::fromUtf16(u"Gr\u00e2ce \u2014 H\u00f6pper");
        r.teamId = QStringLiteral("T");
        r.isLocked = true;
        r.isReadOnly = true;
        r.isAnnouncementOnly = true;
        r.isPublic = true;
        r.description = QStringLiteral("desc");
        m_model->appendRooms({r});
        const QModelIndex i = m_model->index(0);

        QCOMPARE(m_model->data(i, Qt::DisplayRole).toString(), r.title);
        QCOMPARE(m_model->data(i, Qt::AccessibleTextRole).toString(), r.title);
        QCOMPARE(m_model->data(i, Qt::ToolTipRole).toString(), r.title);
        QCOMPARE(m_model->data(i, RoomListModel::TitleRole).toString(), r.title);
        QCOMPARE(m_model->data(i, RoomListModel::IdRole).toString(), QStringLiteral("R"));
        QCOMPARE(m_model->data(i, RoomListModel::KindRole).toInt(), int(Room::Kind::Direct));
        QVERIFY(m_model->data(i, RoomListModel::IsDirectRole).toBool());
        QCOMPARE(m_model->data(i, RoomListModel::LastActivityRole).toDateTime(), r.lastActivity);
        QCOMPARE(m_model->data(i, RoomListModel::TeamIdRole).toString(), QStringLiteral("T"));
        QVERIFY(m_model->data(i, RoomListModel::LockedRole).toBool());
        QVERIFY(m_model->data(i, RoomListModel::ReadOnlyRole).toBool());
        QVERIFY(m_model->data(i, RoomListModel::AnnouncementOnlyRole).toBool());
        QVERIFY(m_model->data(i, RoomListModel::PublicRole).toBool());
        QCOMPARE(m_model->data(i, RoomListModel::DescriptionRole).toString(),
                 QStringLiteral("desc"));
        QVERIFY(!m_model->data(i, Qt::DecorationRole).isValid());
        QVERIFY(!m_model->data(m_model->index(5), RoomListModel::IdRole).isValid());

        const QHash<int, QByteArray> names = m_model->roleNames();
        QCOMPARE(names.value(RoomListModel::IdRole), QByteArray("id"));
        QCOMPARE(names.value(RoomListModel::TitleRole), QByteArray("title"));
        QCOMPARE(names.value(RoomListModel::IsDirectRole), QByteArray("isDirect"));
        QCOMPARE(names.value(RoomListModel::LastActivityRole), QByteArray("lastActivity"));
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    }

    // What a row shows and a screen reader reads is one line of plain text: no override, no
    // NUL (which ended the accessible name), no line break; a blank title has a placeholder.
    // Rooms made here (not through Room::fromJson) carry the raw text, so this is the model's
    // own cleaning.
    void displayAndAccessibleTextAreCleaned()
    {
        Room spoof = room(QStringLiteral("a"), 3);
        spoof.title = QString::fromUtf16(u"invoice\u202Efdp.exe");
        Room broken = room(QStringLiteral("b"), 2);
        broken.title = QStringLiteral("Design") + QChar(0) + QStringLiteral(" review\nsecond line");
        Room blank = room(QStringLiteral("c"), 1);
        blank.title = QStringLiteral(" \n\t ");
        Room blankDirect = room(QStringLiteral("d"), 0, Room::Kind::Direct);
        blankDirect.title.clear();
        Room huge = room(QStringLiteral("e"), -1);
        huge.title = QString(5 * 1024 * 1024, QLatin1Char('x'));
        m_model->appendRooms({spoof, broken, blank, blankDirect, huge});

        const auto shown = [this](int row, int role) {
            return m_model->data(m_model->index(row), role).toString();
        };
        for (const int role :
             {int(Qt::DisplayRole), int(Qt::AccessibleTextRole), int(Qt::ToolTipRole)}) {
            QCOMPARE(shown(0, role), QStringLiteral("invoicefdp.exe"));
            QCOMPARE(shown(1, role), QStringLiteral("Design review second line"));
            QCOMPARE(shown(2, role), QStringLiteral("Untitled space"));
            QCOMPARE(shown(3, role), QStringLiteral("Unnamed person"));
            QCOMPARE(shown(4, role).size(), qsizetype(200));
            QVERIFY(shown(4, role).endsWith(QChar(0x2026)));
        }
        QCOMPARE(shown(0, RoomListModel::TitleRole), QStringLiteral("invoicefdp.exe"));
        QCOMPARE(shown(2, RoomListModel::TitleRole), QString()); // the title itself: blank
        // Search finds what is shown, the placeholder included.
        QCOMPARE(shown(1, RoomListModel::FoldedTitleRole),
                 RoomFilterProxyModel::foldForSearch(QStringLiteral("Design review second line")));
        QCOMPARE(shown(2, RoomListModel::FoldedTitleRole),
                 RoomFilterProxyModel::foldForSearch(QStringLiteral("Untitled space")));
    }

    void clearResets()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 1), room(QStringLiteral("b"), 2)});
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("a")), -1);
        m_model->appendRooms({room(QStringLiteral("a"), 1)}); // a fresh insert, not an update
        QCOMPARE(m_model->rowCount(), 1);
    }

    void removeRoomTakesItsRowOnly_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("left");
        QTest::newRow("first") << QStringLiteral("a") << 0 << ids("b c d");
        QTest::newRow("middle") << QStringLiteral("c") << 2 << ids("a b d");
        QTest::newRow("last") << QStringLiteral("d") << 3 << ids("a b c");
    }

    // We left a space (or were removed): its row goes, in one rowsRemoved, and nothing else
    // moves or changes.
    void removeRoomTakesItsRowOnly()
    {
        QFETCH(QString, id);
        QFETCH(int, row);
        QFETCH(QStringList, left);
        m_model->appendRooms({room(QStringLiteral("a"), 40), room(QStringLiteral("b"), 30),
                              room(QStringLiteral("c"), 20), room(QStringLiteral("d"), 10)});
        const QPersistentModelIndex other = m_model->index(row == 0 ? 3 : 0);
        const QString otherId = other.data(RoomListModel::IdRole).toString();
        QSignalSpy aboutToBeRemoved(m_model.get(), &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        m_model->removeRoom(id);
        QCOMPARE(aboutToBeRemoved.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), row);
        QCOMPARE(removed.first().at(2).toInt(), row);
        QCOMPARE(inserted.size() + changed.size() + layout.size() + reset.size(), 0);
        QCOMPARE(order(*m_model), left);
        QCOMPARE(m_model->rowOf(id), -1);
        QVERIFY(!m_model->roomAt(3));
        QCOMPARE(other.data(RoomListModel::IdRole).toString(), otherId);
        for (const QString &kept : left) {
            const int at = m_model->rowOf(kept);
            QCOMPARE(m_model->index(at).data(RoomListModel::IdRole).toString(), kept);
            QCOMPARE(m_model->foldedTitleAt(at), QStringLiteral("title ") + kept);
        }

        // Removed again (a second leave event): nothing.
        m_model->removeRoom(id);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_model->rowCount(), 3);
    }

    // A complete list from Webex: the spaces it did not hold go, one removal per run of
    // neighbouring rows, the rest untouched and findable.
    void keepOnlyRemovesTheOthersARunAtATime()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 60), room(QStringLiteral("b"), 50),
                              room(QStringLiteral("c"), 40), room(QStringLiteral("d"), 30),
                              room(QStringLiteral("e"), 20), room(QStringLiteral("f"), 10)});
        const QPersistentModelIndex kept = m_model->index(2); // c
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->keepOnly({QStringLiteral("c"), QStringLiteral("f"), QStringLiteral("unlisted")});
        QCOMPARE(order(*m_model), ids("c f"));
        // Runs: d-e (rows 3-4), then a-b (rows 0-1).
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 3);
        QCOMPARE(removed.at(0).at(2).toInt(), 4);
        QCOMPARE(removed.at(1).at(1).toInt(), 0);
        QCOMPARE(removed.at(1).at(2).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(kept.data(RoomListModel::IdRole).toString(), QStringLiteral("c"));
        QCOMPARE(m_model->rowOf(QStringLiteral("a")), -1);
        QCOMPARE(m_model->rowOf(QStringLiteral("f")), 1);
        QCOMPARE(m_model->foldedTitleAt(1), QStringLiteral("title f"));
        // Nothing listed: all go.
        m_model->keepOnly({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void removeRoomOfAnUnknownIdDoesNothing()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 2), room(QStringLiteral("b"), 1)});
        QSignalSpy aboutToBeRemoved(m_model.get(), &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->removeRoom(QStringLiteral("zzz"));
        m_model->removeRoom(QString());
        QCOMPARE(aboutToBeRemoved.size() + removed.size() + changed.size() + reset.size(), 0);
        QCOMPARE(order(*m_model), ids("a b"));

        RoomListModel empty;
        QSignalSpy emptyRemoved(&empty, &QAbstractItemModel::rowsAboutToBeRemoved);
        empty.removeRoom(QStringLiteral("a"));
        QCOMPARE(emptyRemoved.size(), 0);
        QCOMPARE(empty.rowCount(), 0);
    }

    // Added to the space again later: a fresh insert at its sorted place, shown once, with its
    // title found by the filter again.
    void aRemovedRoomComesBackAsANewRow()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 30), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("c"), 10)});
        RoomFilterProxyModel filter;
        filter.setSourceModel(m_model.get());
        filter.setFilterText(QStringLiteral("title b"));
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 1);

        m_model->removeRoom(QStringLiteral("b"));
        QCOMPARE(filter.rowCount(), 0);

        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->appendRooms({room(QStringLiteral("b"), 40)});
        QCOMPARE(inserted.size(), 1); // an insert, not an update of a row that is gone
        QCOMPARE(changed.size(), 0);
        QCOMPARE(order(*m_model), ids("b a c"));
        QCOMPARE(m_model->rowOf(QStringLiteral("b")), 0);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(RoomListModel::IdRole).toString(), QStringLiteral("b"));
    }

    void newActivitySinceLastSeen()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 10), room(QStringLiteral("b"), 20),
                              room(QStringLiteral("c"), -1)});
        const auto isNew = [this](const QString &id) {
            return m_model->index(m_model->rowOf(id))
                .data(RoomListModel::HasNewActivityRole)
                .toBool();
        };
        // Never seen: not marked (a first start would mark everything).
        QVERIFY(!isNew(QStringLiteral("a")));

        QSignalSpy seenChanged(m_model.get(), &RoomListModel::lastSeenChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setLastSeen({{QStringLiteral("a"), epoch.addSecs(5 * 60)},
                              {QStringLiteral("b"), epoch.addSecs(20 * 60)},
                              {QStringLiteral("c"), epoch}});
        QCOMPARE(seenChanged.size(), 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(isNew(QStringLiteral("a")));  // active at 10, seen at 5
        QVERIFY(!isNew(QStringLiteral("b"))); // seen exactly then
        QVERIFY(!isNew(QStringLiteral("c"))); // no known activity

        m_model->markSeen(QStringLiteral("a"), epoch.addSecs(11 * 60));
        QVERIFY(!isNew(QStringLiteral("a")));
        QCOMPARE(seenChanged.size(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), m_model->rowOf(QStringLiteral("a")));

        // Seen times only move forward.
        m_model->markSeen(QStringLiteral("a"), epoch);
        QCOMPARE(seenChanged.size(), 2);
        QCOMPARE(m_model->lastSeen().value(QStringLiteral("a")), epoch.addSecs(11 * 60));

        // New activity after being seen: a refresh brings it.
        m_model->appendRooms({room(QStringLiteral("b"), 30)});
        QVERIFY(isNew(QStringLiteral("b")));

        // Spaces not (yet) in the list may be marked too; they keep their time.
        m_model->markSeen(QStringLiteral("later"), epoch);
        QCOMPARE(m_model->lastSeen().size(), 4);
    }

    void neverOpenedSpacesCountAsSeenAtTheBaseline()
    {
        m_model->appendRooms({room(QStringLiteral("old"), 10), room(QStringLiteral("new"), 30),
                              room(QStringLiteral("opened"), 40),
                              room(QStringLiteral("quiet"), -1)});
        const auto isNew = [this](const QString &id) {
            return m_model->index(m_model->rowOf(id))
                .data(RoomListModel::HasNewActivityRole)
                .toBool();
        };
        m_model->setLastSeen({{QStringLiteral("opened"), epoch.addSecs(45 * 60)}});
        QVERIFY(!isNew(QStringLiteral("new"))); // no baseline yet: never opened, never marked

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setSeenBaseline(epoch.addSecs(20 * 60));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
                 QList<int>{RoomListModel::HasNewActivityRole});
        QCOMPARE(m_model->seenBaseline(), epoch.addSecs(20 * 60));
        QVERIFY(!isNew(QStringLiteral("old")));    // active before the baseline
        QVERIFY(isNew(QStringLiteral("new")));     // active after it, never opened
        QVERIFY(!isNew(QStringLiteral("opened"))); // its own seen time wins over the baseline
        QVERIFY(!isNew(QStringLiteral("quiet")));  // no known activity

        // Opening it clears the mark; a later message brings it back.
        m_model->markSeen(QStringLiteral("new"), epoch.addSecs(31 * 60));
        QVERIFY(!isNew(QStringLiteral("new")));
        m_model->appendRooms({room(QStringLiteral("old"), 50)});
        QVERIFY(isNew(QStringLiteral("old")));

        m_model->setSeenBaseline({});
        QVERIFY(!m_model->seenBaseline().isValid());
        QVERIFY(!isNew(QStringLiteral("old")));
    }

    // The counts and mutes come from the stores (UnreadCounts, NotificationSettings); the model
    // shows them per row, announces only the rows that changed, and keeps a count for a space
    // that is not listed yet.
    void unreadCountsAndMutesPerRow()
    {
        m_model->appendRooms({room(QStringLiteral("a"), 10), room(QStringLiteral("b"), 20)});
        const auto unread = [this](const QString &id) {
            return m_model->index(m_model->rowOf(id)).data(RoomListModel::UnreadCountRole).toInt();
        };
        QCOMPARE(unread(QStringLiteral("a")), 0);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setUnreadCount(QStringLiteral("a"), 3);
        QCOMPARE(unread(QStringLiteral("a")), 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), m_model->rowOf(QStringLiteral("a")));
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(RoomListModel::UnreadCountRole));
        m_model->setUnreadCount(QStringLiteral("a"), 3); // no change: no signal
        QCOMPARE(changed.size(), 1);

        m_model->setUnreadCount(QStringLiteral("later"), 2);
        QCOMPARE(m_model->unreadCount(QStringLiteral("later")), 2);
        m_model->appendRooms({room(QStringLiteral("later"), 30)});
        QCOMPARE(unread(QStringLiteral("later")), 2);

        m_model->setUnreadCounts({{QStringLiteral("b"), 1}, {QStringLiteral("c"), -4}});
        QCOMPARE(unread(QStringLiteral("a")), 0);
        QCOMPARE(unread(QStringLiteral("b")), 1);
        QCOMPARE(m_model->unreadCount(QStringLiteral("c")), 0);

        QVERIFY(!m_model->index(0).data(RoomListModel::MutedRole).toBool());
        m_model->setMuted(QStringLiteral("b"), true);
        QVERIFY(m_model->index(m_model->rowOf(QStringLiteral("b")))
                    .data(RoomListModel::MutedRole)
                    .toBool());
        m_model->setMutedRooms({QStringLiteral("a")});
        QVERIFY(!m_model->index(m_model->rowOf(QStringLiteral("b")))
                     .data(RoomListModel::MutedRole)
                     .toBool());
        QVERIFY(m_model->index(m_model->rowOf(QStringLiteral("a")))
                    .data(RoomListModel::MutedRole)
                    .toBool());
        QCOMPARE(m_model->roleNames().value(RoomListModel::UnreadCountRole),
                 QByteArray("unreadCount"));
    }

    void newRoles()
    {
        Room r = room(QStringLiteral("x"), 1);
        r.title = QStringLiteral("Caf\u00e9 Z\u00fcrich");
        m_model->appendRooms({r});
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(RoomListModel::FoldedTitleRole).toString(),
                 QStringLiteral("cafe zurich"));
        QVERIFY(index.data(RoomListModel::AvatarRole).toUrl().isEmpty());
        const QHash<int, QByteArray> names = m_model->roleNames();
        QCOMPARE(names.value(RoomListModel::HasNewActivityRole), QByteArray("hasNewActivity"));
        QCOMPARE(names.value(RoomListModel::FoldedTitleRole), QByteArray("foldedTitle"));
    }
};

QTEST_GUILESS_MAIN(TestRoomListModel)
#include "tst_roomlistmodel.moc"
