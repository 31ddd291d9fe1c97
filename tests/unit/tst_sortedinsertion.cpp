#include "model/sortedinsertion.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <random>

namespace {

using SortedInsertion::Run;

// The batch and the list hold numbers; a tie is told apart by a letter, to see which goes first.
struct Item
{
    int key = 0;
    QChar tag;
};

bool keyBefore(const Item &a, const Item &b)
{
    return a.key < b.key;
}

QList<Item> items(std::initializer_list<int> keys, QChar tag)
{
    QList<Item> out;
    for (int key : keys)
        out.append(Item{key, tag});
    return out;
}

QString text(const QList<Item> &list)
{
    QStringList parts;
    for (const Item &item : list)
        parts.append(QString::number(item.key) + item.tag);
    return parts.join(QLatin1Char(' '));
}

Item same(const Item &item)
{
    return item;
}

} // namespace

class TestSortedInsertion : public QObject
{
    Q_OBJECT

private slots:
    void runsGroupItemsThatLandTogether()
    {
        const QList<Item> list = items({10, 20, 30}, u'o');
        const QList<Item> batch = items({1, 2, 15, 31, 32, 33}, u'n');
        const QList<Run> runs = SortedInsertion::runsOf(list, list.size(), batch, keyBefore);
        // 1 2 above 10; 15 between 10 and 20; 31 32 33 below 30.
        QCOMPARE(runs, QList<Run>({Run{0, 0, 2}, Run{3, 2, 1}, Run{6, 3, 3}}));
    }

    void equalKeysGoBelowTheListsOwn()
    {
        const QList<Item> list = items({10, 20}, u'o');
        const QList<Item> batch = items({10, 20}, u'n');
        const QList<Run> runs = SortedInsertion::runsOf(list, list.size(), batch, keyBefore);
        QCOMPARE(text(SortedInsertion::merged(list, batch, runs, same)),
                 QStringLiteral("10o 10n 20o 20n"));
    }

    void rowsFromEndStayAtTheBottom()
    {
        // The last two rows (pending messages, say) are not part of the order.
        const QList<Item> list = {Item{10, u'o'}, Item{20, u'o'}, Item{5, u'p'}, Item{1, u'p'}};
        const QList<Item> batch = items({15, 25}, u'n');
        const QList<Run> runs = SortedInsertion::runsOf(list, 2, batch, keyBefore);
        QCOMPARE(runs, QList<Run>({Run{1, 0, 1}, Run{3, 1, 1}}));
        QCOMPARE(text(SortedInsertion::merged(list, batch, runs, same)),
                 QStringLiteral("10o 15n 20o 25n 5p 1p"));
    }

    void emptyListOrBatch()
    {
        const QList<Item> none;
        const QList<Item> some = items({1, 2}, u'n');
        QCOMPARE(SortedInsertion::runsOf(none, 0, some, keyBefore), QList<Run>({Run{0, 0, 2}}));
        QVERIFY(SortedInsertion::runsOf(some, some.size(), none, keyBefore).isEmpty());
        QCOMPARE(text(SortedInsertion::merged(some, none, {}, same)), QStringLiteral("1n 2n"));
    }

    void insertRunsAnnouncesEachRunWithTheListInStep()
    {
        QList<Item> list = items({10, 20, 30}, u'o');
        const QList<Item> batch = items({5, 25, 26, 40}, u'n');
        const QList<Run> runs = SortedInsertion::runsOf(list, list.size(), batch, keyBefore);
        QList<QPair<int, int>> announced;
        QStringList before;
        QStringList after;
        SortedInsertion::insertRuns(list, batch, runs, same,
                                    [&](int first, int last, const auto &insert) {
                                        announced.append({first, last});
                                        before.append(text(list));
                                        insert();
                                        after.append(text(list));
                                    });
        const QList<QPair<int, int>> ranges = {{0, 0}, {3, 4}, {6, 6}};
        QCOMPARE(announced, ranges);
        // The list changes only inside the announcement, one run at a time, as beginInsertRows
        // and endInsertRows require.
        QCOMPARE(before, QStringList({"10o 20o 30o", "5n 10o 20o 30o", "5n 10o 20o 25n 26n 30o"}));
        QCOMPARE(after.last(), QStringLiteral("5n 10o 20o 25n 26n 30o 40n"));
        QCOMPARE(text(list),
                 text(SortedInsertion::merged(items({10, 20, 30}, u'o'), batch, runs, same)));
    }

    void rowAfterFollowsTheOldRows()
    {
        const QList<Item> list = items({10, 20, 30, 40}, u'o');
        const QList<Item> batch = items({5, 6, 25, 50}, u'n');
        const QList<Run> runs = SortedInsertion::runsOf(list, list.size(), batch, keyBefore);
        const QList<Item> result = SortedInsertion::merged(list, batch, runs, same);
        for (int row = 0; row < list.size(); ++row) {
            const int moved = SortedInsertion::rowAfter(runs, row);
            QCOMPARE(result.at(moved).key, list.at(row).key);
            QCOMPARE(result.at(moved).tag, QChar(u'o'));
        }
        QCOMPARE(SortedInsertion::rowAfter({}, 3), 3);
    }

    void randomBatchesMatchASortedWhole()
    {
        // Against the obvious answer: everything sorted with stable_sort, old items first on ties.
        std::mt19937 random(42);
        for (int round = 0; round < 50; ++round) {
            QList<Item> list;
            QList<Item> batch;
            for (int i = int(random() % 30); i > 0; --i)
                list.append(Item{int(random() % 40), u'o'});
            for (int i = int(random() % 30); i > 0; --i)
                batch.append(Item{int(random() % 40), u'n'});
            std::stable_sort(list.begin(), list.end(), keyBefore);
            std::stable_sort(batch.begin(), batch.end(), keyBefore);
            QList<Item> expected = list + batch;
            std::stable_sort(expected.begin(), expected.end(), keyBefore);

            const QList<Run> runs = SortedInsertion::runsOf(list, list.size(), batch, keyBefore);
            QCOMPARE(text(SortedInsertion::merged(list, batch, runs, same)), text(expected));
            QList<Item> stepwise = list;
            SortedInsertion::insertRuns(stepwise, batch, runs, same,
                                        [](int, int, const auto &insert) { insert(); });
            QCOMPARE(text(stepwise), text(expected));
            for (int i = 1; i < runs.size(); ++i) // a run is never next to the one before
                QVERIFY(runs.at(i).row > runs.at(i - 1).row + runs.at(i - 1).count);
        }
    }
};

QTEST_GUILESS_MAIN(TestSortedInsertion)
#include "tst_sortedinsertion.moc"
