#pragma once

#include "model/room.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

// The user's spaces, newest activity first, for the room list view. Pages from WebexClient are
// merged in as they arrive (with row inserts, not resets, so the view keeps its selection and
// scroll position); a space seen again is updated in place or moved, never duplicated.
// Order: lastActivity (else created) descending, spaces without either last, then id, so the
// final order does not depend on the order the pages came in.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    // Titles are one line (DisplayText::singleLine). TitleRole is the title itself, empty when
    // blank; Qt::DisplayRole, Qt::AccessibleTextRole and Qt::ToolTipRole give it as a row shows
    // it (displayTitle): "Untitled space" when blank, "Unnamed person" for a direct space.
    enum Roles {
        IdRole = Qt::UserRole + 1, /**< The space's Webex ID (QString). */
        TitleRole,                 /**< The title; for direct spaces the other person's name. */
        KindRole,                  /**< Room::Kind as int. */
        IsDirectRole,              /**< True for a one-to-one space. */
        LastActivityRole,          /**< Last activity, UTC QDateTime (invalid when unknown). */
        TeamIdRole,                /**< The team's ID, empty when not in a team. */
        LockedRole,                /**< Moderated space. */
        ReadOnlyRole,              /**< Nobody can post. */
        AnnouncementOnlyRole,      /**< Only moderators can post. */
        DescriptionRole,           /**< The space's description, may be empty. */
        PublicRole,                /**< Listed publicly in the organisation. */
        HasNewActivityRole,        /**< True when lastActivity is after the time the space was last
                                        seen (setLastSeen, markSeen); a space never opened counts
                                        as seen at the baseline (setSeenBaseline). With neither,
                                        false: otherwise a first start would mark every space. */
        AvatarRole,      /**< QUrl, always empty: Webex's rooms carry no picture, and for a
                              direct space the other person is only known through
                              GET memberships, which this model does not do. The view
                              shows initials of the title instead. */
        FoldedTitleRole, /**< The shown title folded for search (RoomFilterProxyModel::
                              foldForSearch), computed once per title, not per keystroke. */
        UnreadCountRole, /**< Messages from others not read yet (int, 0 when none or unknown:
                              HasNewActivityRole is the mark for "new, count unknown").
                              Set from UnreadCounts (setUnreadCount). */
        MutedRole,       /**< The person muted the space's notifications (setMuted). */
    };
    Q_ENUM(Roles)

    explicit RoomListModel(QObject *parent = nullptr);

    // Merges one page: new spaces are inserted at their sorted place (consecutive ones in one
    // beginInsertRows range; a page that would need more than MaxInsertRuns ranges is merged in
    // one layout change instead); a known id is updated in place (dataChanged) or moved; when a
    // page moves several known spaces, they move in one layout change.
    void appendRooms(const QList<Room> &rooms);
    void clear();
    // We left the space or were removed from it: its row goes (its seen time and count stay
    // with their owners, who are told separately).
    void removeRoom(const QString &roomId);
    // Webex listed all of the person's spaces: every other one goes, in one pass, a row removal
    // per run of neighbouring rows (10,000 spaces left at once must not cost 10,000 scans).
    void keepOnly(const QSet<QString> &roomIds);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // When each space was last looked at (UTC), for HasNewActivityRole. The app stores it
    // between sessions; markSeen() is called when a space is opened.
    void setLastSeen(const QHash<QString, QDateTime> &lastSeenByRoomId);
    void markSeen(const QString &roomId, const QDateTime &when);
    [[nodiscard]] QHash<QString, QDateTime> lastSeen() const { return m_lastSeen; }
    // Spaces never opened count as seen at this time (UTC), so activity in them after it is
    // marked too: the app sets it to when it first showed this account's spaces. Invalid (the
    // default): a never-opened space is never marked.
    void setSeenBaseline(const QDateTime &baseline);
    [[nodiscard]] QDateTime seenBaseline() const { return m_seenBaseline; }

    // How many messages of each space are unread (UnreadCounts keeps them; the model only shows
    // them). A space's count is kept while the space is not listed, for when it is.
    void setUnreadCounts(const QHash<QString, int> &countsByRoomId);
    void setUnreadCount(const QString &roomId, int count);
    [[nodiscard]] int unreadCount(const QString &roomId) const { return m_unread.value(roomId); }
    // Which spaces are muted (NotificationSettings keeps them).
    void setMutedRooms(const QSet<QString> &roomIds);
    void setMuted(const QString &roomId, bool muted);

    [[nodiscard]] std::optional<Room> roomAt(int row) const;
    // Without copies, for the filter's per-row test; row must be valid.
    [[nodiscard]] const Room &roomRef(int row) const { return m_rooms.at(row); }
    [[nodiscard]] QString foldedTitleAt(int row) const;
    [[nodiscard]] int rowOf(const QString &id) const; ///< -1 when absent.

    // The title as a row shows it: one line, a placeholder when blank.
    [[nodiscard]] static QString displayTitle(const Room &room);

    // The model's sort order: true when a belongs above b.
    [[nodiscard]] static bool isBefore(const Room &a, const Room &b);

    // Up to this many separate places for one page's new spaces, each gets its own row insert
    // (a view animates and keeps its scroll position best with those); beyond, the page is
    // merged in one layout change, which costs one pass however scattered the page is.
    static constexpr int MaxInsertRuns = 8;

signals:
    void lastSeenChanged();

private:
    [[nodiscard]] bool hasNewActivity(const Room &room) const;
    void updateRoom(const Room &room);
    // How many of these known spaces would have to move to keep the order.
    [[nodiscard]] int movesOf(const QList<Room> &updates) const;
    // Applies updates that move several spaces at once, in one layout change.
    void reorderWith(const QList<Room> &updates);
    void insertSorted(QList<Room> rooms);

    QList<Room> m_rooms;
    QHash<QString, QString> m_foldedTitles; // id -> folded title: folding 10,000 titles on
                                            // every keystroke would be too slow
    QSet<QString> m_ids;                    // to tell an update from an insert without a scan
    QHash<QString, QDateTime> m_lastSeen;
    QDateTime m_seenBaseline;
    QHash<QString, int> m_unread; // only counts above 0
    QSet<QString> m_muted;
};
