#include "model/roomlistmodel.h"

#include "logging.h"
#include "model/roomfilterproxymodel.h"

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

    QList<Room> inserts;
    for (qsizetype i = 0; i < rooms.size(); ++i) {
        const Room &room = rooms.at(i);
        if (room.id.isEmpty() || lastIndex.value(room.id) != i)
            continue;
        if (m_ids.contains(room.id))
            updateRoom(room);
        else
            inserts.append(room);
    }
    insertSorted(std::move(inserts));
}

void RoomListModel::updateRoom(const Room &room)
{
    const int row = rowOf(room.id);
    if (row < 0)
        return;
    if (m_rooms.at(row).title != room.title)
        m_foldedTitles.insert(room.id, RoomFilterProxyModel::foldForSearch(room.title));
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

    // Both lists are sorted, so insertion points only grow; new rooms that land between the
    // same two existing rows go in with one beginInsertRows.
    qsizetype next = 0;
    int searchFrom = 0;
    while (next < rooms.size()) {
        const auto begin = m_rooms.cbegin();
        const int position = int(
            std::lower_bound(begin + searchFrom, m_rooms.cend(), rooms.at(next), isBefore) - begin);
        qsizetype end = next + 1;
        while (end < rooms.size() &&
               (position == m_rooms.size() || isBefore(rooms.at(end), m_rooms.at(position))))
            ++end;

        const int count = int(end - next);
        beginInsertRows(QModelIndex(), position, position + count - 1);
        for (qsizetype i = next; i < end; ++i) {
            m_rooms.insert(position + int(i - next), rooms.at(i));
            m_ids.insert(rooms.at(i).id);
            m_foldedTitles.insert(rooms.at(i).id,
                                  RoomFilterProxyModel::foldForSearch(rooms.at(i).title));
        }
        endInsertRows();

        searchFrom = position + count;
        next = end;
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
    case TitleRole:
        return room.title;
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
