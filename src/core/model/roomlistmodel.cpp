#include "model/roomlistmodel.h"

#include "logging.h"
#include "model/displaytext.h"
#include "model/roomfilterproxymodel.h"
#include "model/sortedinsertion.h"

#include <QCoreApplication>
#include <QHash>
#include <QUrl>

#include <algorithm>

namespace {

QDateTime sortTime(const Room &room)
{
    return room.lastActivity.isValid() ? room.lastActivity : room.created;
}

} // namespace

RoomListModel::RoomListModel(QObject *parent) : QAbstractListModel(parent) {}

bool RoomListModel::isBefore(const Room &a, const Room &b)
{
    const QDateTime ta = sortTime(a);
    const QDateTime tb = sortTime(b);
    if (ta.isValid() != tb.isValid())
        return ta.isValid();
    if (ta != tb)
        return ta > tb;
    return a.id < b.id; // a total order: the result is the same whatever order pages came in
}

void RoomListModel::appendRooms(const QList<Room> &rooms)
{
    // The last copy of an id within one page wins, as it would across pages.
    QHash<QString, qsizetype> lastIndex;
    for (qsizetype i = 0; i < rooms.size(); ++i)
        lastIndex.insert(rooms.at(i).id, i);

    QList<Room> updates;
    QList<Room> inserts;
    for (qsizetype i = 0; i < rooms.size(); ++i) {
        const Room &room = rooms.at(i);
        if (room.id.isEmpty() || lastIndex.value(room.id) != i)
            continue;
        (m_ids.contains(room.id) ? updates : inserts).append(room);
    }
    if (movesOf(updates) > 1) {
        reorderWith(updates);
    } else {
        for (const Room &room : std::as_const(updates))
            updateRoom(room);
    }
    insertSorted(std::move(inserts));
}

int RoomListModel::movesOf(const QList<Room> &updates) const
{
    // An estimate against the rows as they are: enough to choose between moving rows one by
    // one and one layout change; both end in the same order.
    if (updates.size() < 2)
        return int(updates.size());
    QHash<QString, int> rowById; // one pass, not a scan of the list per update
    rowById.reserve(m_rooms.size());
    for (int row = 0; row < m_rooms.size(); ++row)
        rowById.insert(m_rooms.at(row).id, row);
    int moves = 0;
    const int last = int(m_rooms.size()) - 1;
    for (const Room &room : updates) {
        const int row = rowById.value(room.id, -1);
        if ((row > 0 && !isBefore(m_rooms.at(row - 1), room)) ||
            (row >= 0 && row < last && !isBefore(room, m_rooms.at(row + 1))))
            ++moves;
    }
    return moves;
}

void RoomListModel::reorderWith(const QList<Room> &updates)
{
    // One layout change for the whole page: moving rows one by one made a proxy on this model
    // (the filter) rebuild its mapping of 10,000 rows once per moved space.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QStringList persistentIds;
    persistentIds.reserve(persistent.size());
    for (const QModelIndex &index : persistent)
        persistentIds.append(m_rooms.at(index.row()).id);

    // The others keep their order: take the updated spaces out, sort those few, and merge the
    // two sorted lists in one pass (sorting all 10,000 again cost more than the moves).
    QHash<QString, const Room *> freshById;
    for (const Room &room : updates)
        freshById.insert(room.id, &room);
    QList<Room> others;
    others.reserve(m_rooms.size());
    for (Room &room : m_rooms) {
        const Room *fresh = freshById.value(room.id);
        if (!fresh)
            others.append(std::move(room));
        else if (fresh->title != room.title || fresh->kind != room.kind)
            m_foldedTitles.insert(room.id,
                                  RoomFilterProxyModel::foldForSearch(displayTitle(*fresh)));
    }
    QList<Room> updated = updates;
    std::sort(updated.begin(), updated.end(), isBefore);
    QList<Room> merged;
    merged.reserve(m_rooms.size());
    std::merge(std::make_move_iterator(others.begin()), std::make_move_iterator(others.end()),
               std::make_move_iterator(updated.begin()), std::make_move_iterator(updated.end()),
               std::back_inserter(merged), isBefore);
    m_rooms = std::move(merged);
    QHash<QString, int> rowById;
    rowById.reserve(m_rooms.size());
    for (int row = 0; row < m_rooms.size(); ++row)
        rowById.insert(m_rooms.at(row).id, row);

    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i)
        moved.append(index(rowById.value(persistentIds.at(i)), persistent.at(i).column()));
    changePersistentIndexList(persistent, moved);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    for (const Room &room : updates) {
        const QModelIndex changed = index(rowById.value(room.id));
        emit dataChanged(changed, changed);
    }
}

void RoomListModel::updateRoom(const Room &room)
{
    const int row = rowOf(room.id);
    if (row < 0)
        return;
    if (m_rooms.at(row).title != room.title || m_rooms.at(row).kind != room.kind)
        m_foldedTitles.insert(room.id, RoomFilterProxyModel::foldForSearch(displayTitle(room)));
    m_rooms[row] = room;

    const auto begin = m_rooms.begin();
    const int last = int(m_rooms.size()) - 1;
    int finalRow = row;
    if (row > 0 && !isBefore(m_rooms.at(row - 1), room)) {
        // Newer now: find its place among the rows above.
        const int target = int(std::lower_bound(begin, begin + row, room, isBefore) - begin);
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target);
        m_rooms.move(row, target);
        endMoveRows();
        finalRow = target;
    } else if (row < last && !isBefore(room, m_rooms.at(row + 1))) {
        // Older now: find its place among the rows below. Qt counts the destination before
        // the move; QList::move counts it after.
        const int target =
            int(std::lower_bound(begin + row + 1, m_rooms.end(), room, isBefore) - begin);
        beginMoveRows(QModelIndex(), row, row, QModelIndex(), target);
        m_rooms.move(row, target - 1);
        endMoveRows();
        finalRow = target - 1;
    }
    const QModelIndex changed = index(finalRow);
    emit dataChanged(changed, changed);
}

void RoomListModel::insertSorted(QList<Room> rooms)
{
    if (rooms.isEmpty())
        return;
    std::sort(rooms.begin(), rooms.end(), isBefore);
    const QList<SortedInsertion::Run> runs =
        SortedInsertion::runsOf(m_rooms, m_rooms.size(), rooms, isBefore);
    // Known before any row is announced: a view or the filter may read the new rows at once.
    for (const Room &room : std::as_const(rooms)) {
        m_ids.insert(room.id);
        m_foldedTitles.insert(room.id, RoomFilterProxyModel::foldForSearch(displayTitle(room)));
    }
    const auto same = [](const Room &room) { return room; };

    if (runs.size() <= MaxInsertRuns) {
        SortedInsertion::insertRuns(m_rooms, rooms, runs, same,
                                    [this](int first, int last, const auto &insert) {
                                        beginInsertRows(QModelIndex(), first, last);
                                        insert();
                                        endInsertRows();
                                    });
    } else {
        // A page that lands all over the list (pages out of order): one merge and one layout
        // change. Hundreds of inserts cost a shift of the list and, with the filter proxy on
        // top, an update of its whole mapping each (79 ms a page of 1000 into 9000).
        emit layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        const QModelIndexList persistent = persistentIndexList();
        m_rooms = SortedInsertion::merged(std::move(m_rooms), rooms, runs, same);
        QModelIndexList moved;
        moved.reserve(persistent.size());
        for (const QModelIndex &index : persistent)
            moved.append(this->index(SortedInsertion::rowAfter(runs, index.row()), index.column()));
        changePersistentIndexList(persistent, moved);
        emit layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    }
    qCDebug(lcModel) << "Room list has" << m_rooms.size() << "spaces";
}

void RoomListModel::clear()
{
    if (m_rooms.isEmpty())
        return;
    beginResetModel();
    m_rooms.clear();
    m_ids.clear();
    m_foldedTitles.clear();
    endResetModel();
}

void RoomListModel::removeRoom(const QString &roomId)
{
    const int row = rowOf(roomId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rooms.removeAt(row);
    m_ids.remove(roomId);
    m_foldedTitles.remove(roomId);
    endRemoveRows();
}

void RoomListModel::keepOnly(const QSet<QString> &roomIds)
{
    // From the end, so the rows still to look at keep their numbers.
    int row = int(m_rooms.size()) - 1;
    while (row >= 0) {
        if (roomIds.contains(m_rooms.at(row).id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !roomIds.contains(m_rooms.at(row).id))
            --row;
        const int first = row + 1;
        beginRemoveRows(QModelIndex(), first, last);
        for (int gone = first; gone <= last; ++gone) {
            const QString &id = m_rooms.at(gone).id;
            m_ids.remove(id);
            m_foldedTitles.remove(id);
        }
        m_rooms.remove(first, last - first + 1);
        endRemoveRows();
    }
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    // A flat list: only the invisible root has children.
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    // An invalid index is a normal question (e.g. index(row) past the end); anything else that
    // fails the check is a bug in the caller, which checkIndex() reports.
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        return displayTitle(room);
    case TitleRole:
        return DisplayText::singleLine(room.title);
    case IdRole:
        return room.id;
    case KindRole:
        return int(room.kind);
    case IsDirectRole:
        return room.kind == Room::Kind::Direct;
    case LastActivityRole:
        return room.lastActivity;
    case TeamIdRole:
        return room.teamId;
    case LockedRole:
        return room.isLocked;
    case ReadOnlyRole:
        return room.isReadOnly;
    case AnnouncementOnlyRole:
        return room.isAnnouncementOnly;
    case DescriptionRole:
        return room.description;
    case PublicRole:
        return room.isPublic;
    case HasNewActivityRole:
        return hasNewActivity(room);
    case AvatarRole:
        return QUrl();
    case FoldedTitleRole:
        return m_foldedTitles.value(room.id);
    case UnreadCountRole:
        return m_unread.value(room.id);
    case MutedRole:
        return m_muted.contains(room.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TitleRole, "title");
    names.insert(KindRole, "kind");
    names.insert(IsDirectRole, "isDirect");
    names.insert(LastActivityRole, "lastActivity");
    names.insert(TeamIdRole, "teamId");
    names.insert(LockedRole, "isLocked");
    names.insert(ReadOnlyRole, "isReadOnly");
    names.insert(AnnouncementOnlyRole, "isAnnouncementOnly");
    names.insert(DescriptionRole, "description");
    names.insert(PublicRole, "isPublic");
    names.insert(HasNewActivityRole, "hasNewActivity");
    names.insert(AvatarRole, "avatar");
    names.insert(FoldedTitleRole, "foldedTitle");
    names.insert(UnreadCountRole, "unreadCount");
    names.insert(MutedRole, "muted");
    return names;
}

std::optional<Room> RoomListModel::roomAt(int row) const
{
    if (row < 0 || row >= m_rooms.size())
        return std::nullopt;
    return m_rooms.at(row);
}

QString RoomListModel::foldedTitleAt(int row) const
{
    return m_foldedTitles.value(m_rooms.at(row).id);
}

int RoomListModel::rowOf(const QString &id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).id == id)
            return row;
    }
    return -1;
}

QString RoomListModel::displayTitle(const Room &room)
{
    // Titles are cleaned when read (Room::fromJson); again here, which costs little on at most
    // DisplayText::MaxLength characters, for spaces that came from elsewhere.
    const QString title = DisplayText::singleLine(room.title);
    if (!title.isEmpty())
        return title;
    return room.kind == Room::Kind::Direct
               ? QCoreApplication::translate("RoomListModel", "Unnamed person",
                                             "a one-to-one space whose title is blank")
               : QCoreApplication::translate("RoomListModel", "Untitled space");
}

bool RoomListModel::hasNewActivity(const Room &room) const
{
    const QDateTime seen = m_lastSeen.value(room.id, m_seenBaseline);
    if (!seen.isValid() || !room.lastActivity.isValid())
        return false;
    return room.lastActivity > seen;
}

void RoomListModel::setSeenBaseline(const QDateTime &baseline)
{
    m_seenBaseline = baseline.isValid() ? baseline.toUTC() : QDateTime();
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0), index(int(m_rooms.size()) - 1), {HasNewActivityRole});
}

void RoomListModel::setLastSeen(const QHash<QString, QDateTime> &lastSeenByRoomId)
{
    m_lastSeen.clear();
    for (auto it = lastSeenByRoomId.cbegin(); it != lastSeenByRoomId.cend(); ++it) {
        if (!it.key().isEmpty() && it.value().isValid())
            m_lastSeen.insert(it.key(), it.value().toUTC());
    }
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0), index(int(m_rooms.size()) - 1), {HasNewActivityRole});
    emit lastSeenChanged();
}

void RoomListModel::markSeen(const QString &roomId, const QDateTime &when)
{
    if (roomId.isEmpty() || !when.isValid())
        return;
    const QDateTime utc = when.toUTC();
    const auto it = m_lastSeen.constFind(roomId);
    // Seen times only move forward: a late answer must not bring an old mark back.
    if (it != m_lastSeen.cend() && *it >= utc)
        return;
    m_lastSeen.insert(roomId, utc);
    const int row = rowOf(roomId);
    if (row >= 0)
        emit dataChanged(index(row), index(row), {HasNewActivityRole});
    emit lastSeenChanged();
}

void RoomListModel::setUnreadCounts(const QHash<QString, int> &countsByRoomId)
{
    m_unread.clear();
    for (auto it = countsByRoomId.cbegin(); it != countsByRoomId.cend(); ++it) {
        if (!it.key().isEmpty() && it.value() > 0)
            m_unread.insert(it.key(), it.value());
    }
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0), index(int(m_rooms.size()) - 1),
                         {UnreadCountRole, Qt::AccessibleTextRole});
}

void RoomListModel::setUnreadCount(const QString &roomId, int count)
{
    if (roomId.isEmpty() || m_unread.value(roomId) == qMax(0, count))
        return;
    if (count > 0)
        m_unread.insert(roomId, count);
    else
        m_unread.remove(roomId);
    const int row = rowOf(roomId);
    if (row >= 0)
        emit dataChanged(index(row), index(row), {UnreadCountRole, Qt::AccessibleTextRole});
}

void RoomListModel::setMutedRooms(const QSet<QString> &roomIds)
{
    m_muted = roomIds;
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0), index(int(m_rooms.size()) - 1), {MutedRole});
}

void RoomListModel::setMuted(const QString &roomId, bool muted)
{
    if (roomId.isEmpty() || m_muted.contains(roomId) == muted)
        return;
    if (muted)
        m_muted.insert(roomId);
    else
        m_muted.remove(roomId);
    const int row = rowOf(roomId);
    if (row >= 0)
        emit dataChanged(index(row), index(row), {MutedRole});
}
