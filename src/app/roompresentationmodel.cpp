#include "roompresentationmodel.h"

#include "model/displaytext.h"
#include "model/roomlistmodel.h"
#include "model/team.h"
#include "relativetime.h"
#include "unreadbadge.h"

#include <QLocale>
#include <QTextDocument>

void RoomPresentationModel::setTeams(const QList<Team> &teams)
{
    m_teamNames.clear();
    for (const Team &team : teams)
        m_teamNames.insert(team.id, team.shownName());
    if (rowCount() > 0)
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, 0),
            {TeamNameRole, DetailTextRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
}

QVariant RoomPresentationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case TeamNameRole:
        return m_teamNames.value(index.data(RoomListModel::TeamIdRole).toString());
    case DetailTextRole:
        return detailText(index);
    case Qt::ToolTipRole:
        // A tooltip with a tag in its first line is shown as rich text: a team named
        // "<img src=...>" would be drawn as one. Escaped, it reads as written.
        return Qt::convertFromPlainText(description(index));
    case Qt::AccessibleDescriptionRole:
        return description(index);
    case Qt::AccessibleTextRole:
        return accessibleText(index.data(Qt::DisplayRole).toString(),
                              index.data(RoomListModel::UnreadCountRole).toInt());
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> RoomPresentationModel::roleNames() const
{
    QHash<int, QByteArray> names = QIdentityProxyModel::roleNames();
    names.insert(TeamNameRole, "teamName");
    names.insert(DetailTextRole, "detailText");
    return names;
}

QString RoomPresentationModel::detailText(const QModelIndex &index) const
{
    QStringList parts;
    parts << (index.data(RoomListModel::IsDirectRole).toBool() ? tr("Direct") : tr("Space"));
    const QString team = data(index, TeamNameRole).toString();
    if (!team.isEmpty())
        parts << DisplayText::isolated(team); // its direction stays inside, ours outside
    if (index.data(RoomListModel::LockedRole).toBool())
        parts << tr("Locked");
    if (index.data(RoomListModel::ReadOnlyRole).toBool())
        parts << tr("Read-only");
    if (index.data(RoomListModel::AnnouncementOnlyRole).toBool())
        parts << tr("Announcements only");
    if (index.data(RoomListModel::MutedRole).toBool())
        parts << tr("Muted", "a space whose notifications are turned off");
    return parts.join(tr(" · ", "separator between facts about a space"));
}

QString RoomPresentationModel::description(const QModelIndex &index) const
{
    QStringList parts{detailText(index)};
    // The count, when known, is in the accessible text; the dot means "new, count unknown".
    if (index.data(RoomListModel::HasNewActivityRole).toBool() &&
        index.data(RoomListModel::UnreadCountRole).toInt() == 0)
        parts << tr("New activity");
    const QString when =
        RelativeTime::format(index.data(RoomListModel::LastActivityRole).toDateTime());
    if (!when.isEmpty())
        parts << when;
    return parts.join(tr(" · ", "separator between facts about a space"));
}

QString RoomPresentationModel::accessibleText(const QString &title, int unread)
{
    if (unread <= 0)
        return title;
    // Above what the badge shows, the same words it says ("99+").
    if (unread > UnreadBadge::MaxShownCount)
        return tr("%1, more than %2 unread messages", "space title, a number")
            .arg(DisplayText::isolated(title), QLocale().toString(UnreadBadge::MaxShownCount));
    return tr("%1, %n unread message(s)", "space title", unread).arg(DisplayText::isolated(title));
}
