#pragma once

#include <QHash>
#include <QIdentityProxyModel>

class Team;

// The spaces as the list shows and reads them: adds, over the rooms model (through its filter),
// what only the app knows how to say: the team's name, and a sentence a screen reader reads
// for each row ("Space · Design · Locked · Muted · New activity · 5 min ago", as the
// description and the tooltip), so locked, read-only, announcement-only and muted spaces are
// not marked by an icon alone. Titles (the accessible name) pass through as RoomListModel gives
// them (one line, a placeholder when blank), with the unread count after them when there is
// one ("Design, 3 unread messages": the badge in words, the title isolated); the team's name
// is isolated (FSI...PDI) inside the sentence, and the tooltip is the sentence escaped, never
// markup.
class RoomPresentationModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    enum Roles {
        TeamNameRole = Qt::UserRole + 500, /**< Team::shownName(), empty when none or unknown. */
        DetailTextRole,                    /**< The second line: kind, team, marks. */
    };
    Q_ENUM(Roles)

    using QIdentityProxyModel::QIdentityProxyModel;

    void setTeams(const QList<Team> &teams);

    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // The sentence above, with the relative time of `now`.
    [[nodiscard]] QString description(const QModelIndex &index) const;
    // The row's accessible text: the title, and the unread count when there is one.
    [[nodiscard]] static QString accessibleText(const QString &title, int unread);

private:
    [[nodiscard]] QString detailText(const QModelIndex &index) const;

    QHash<QString, QString> m_teamNames; // team id -> name
};
