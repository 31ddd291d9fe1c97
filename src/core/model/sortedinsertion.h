#pragma once

#include <QList>

#include <algorithm>
#include <utility>

// Merging a sorted batch (a page) into a model's sorted list, as RoomListModel and
// MessageListModel both do. The batch's items land in runs: consecutive items that go between
// the same two rows of the list. A model announces each run with one beginInsertRows /
// endInsertRows (insertRuns), or, when a batch lands in so many places that announcing each
// would cost more than the merge (every insert makes a proxy model update its whole mapping),
// takes the merged list at once (merged) under one layout change, moving its persistent
// indexes with rowAfter.
namespace SortedInsertion {

struct Run
{
    int row = 0;         ///< Its first row, in the list as it is once the runs above are in.
    qsizetype first = 0; ///< Its first item in the batch.
    qsizetype count = 0; ///< How many consecutive batch items it holds.

    friend bool operator==(const Run &a, const Run &b)
    {
        return a.row == b.row && a.first == b.first && a.count == b.count;
    }
};

// Where the batch goes: list[0, end) and batch are sorted by the same order, and
// goesBefore(batchItem, listItem) says a batch item belongs above a list item. A batch item goes
// below the list items it does not go before, so equal items keep the list's first. Rows from
// end on (e.g. messages still being sent) stay below every run. One binary search per run.
template <typename List, typename Batch, typename GoesBefore>
[[nodiscard]] QList<Run> runsOf(const List &list, qsizetype end, const Batch &batch,
                                GoesBefore goesBefore)
{
    QList<Run> runs;
    const auto begin = list.cbegin();
    const auto stop = begin + end;
    auto place = begin;
    qsizetype next = 0;
    while (next < batch.size()) {
        place = std::upper_bound(place, stop, batch.at(next), goesBefore);
        qsizetype count = 1;
        while (next + count < batch.size() &&
               (place == stop || goesBefore(batch.at(next + count), *place)))
            ++count;
        runs.append(Run{int((place - begin) + next), next, count});
        next += count;
    }
    return runs;
}

// Inserts the runs one by one, top to bottom. announce(firstRow, lastRow, insert) must call
// insert() between beginInsertRows(firstRow, lastRow) and endInsertRows(): the list holds the
// run only then, as the model's signals require. make(batchItem) gives the list's item.
template <typename List, typename Batch, typename Make, typename Announce>
void insertRuns(List &list, const Batch &batch, const QList<Run> &runs, Make make,
                Announce announce)
{
    for (const Run &run : runs) {
        announce(run.row, int(run.row + run.count - 1), [&] {
            // One shift of the rows below per run, not one per item.
            list.insert(run.row, run.count, typename List::value_type());
            for (qsizetype i = 0; i < run.count; ++i)
                list[run.row + i] = make(batch.at(run.first + i));
        });
    }
}

// The list with every run in, built in one pass.
template <typename List, typename Batch, typename Make>
[[nodiscard]] List merged(List list, const Batch &batch, const QList<Run> &runs, Make make)
{
    List out;
    out.reserve(list.size() + batch.size());
    qsizetype taken = 0;
    for (const Run &run : runs) {
        const qsizetype before = run.row - run.first; // the run's place in the old list
        for (; taken < before; ++taken)
            out.append(std::move(list[taken]));
        for (qsizetype i = 0; i < run.count; ++i)
            out.append(make(batch.at(run.first + i)));
    }
    for (; taken < list.size(); ++taken)
        out.append(std::move(list[taken]));
    return out;
}

// Where a row of the old list is once every run is in: below it by the items inserted above.
[[nodiscard]] inline int rowAfter(const QList<Run> &runs, int oldRow)
{
    // Runs are in order of their old place (row - first); count those at or above oldRow.
    const auto firstBelow =
        std::upper_bound(runs.cbegin(), runs.cend(), oldRow,
                         [](int row, const Run &run) { return row < int(run.row - run.first); });
    if (firstBelow == runs.cbegin())
        return oldRow;
    const Run &last = *(firstBelow - 1);
    return oldRow + int(last.first + last.count);
}

} // namespace SortedInsertion
