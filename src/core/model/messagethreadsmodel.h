#pragma once

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

// The open space's messages (a MessageListModel) as Webex shows threads: a reply goes under the
// message that began its thread, and a thread's replies are hidden until it is opened, which
// shows as "3 replies" on that first message (ReplyCountRole, ExpandedRole). Threads are one
// level deep, as Webex's. Only replies move: without them the rows are in MessageListModel's
// order. A reply whose first message is not loaded stays where it is, as an ordinary row; since
// replies are newer than their first message and pages are loaded from the newest back, a first
// message that is loaded has all its replies loaded too, so the counts are whole.
class MessageThreadsModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum Roles {
        ReplyCountRole = Qt::UserRole + 100, /**< A thread's first message: its replies (int). */
        ExpandedRole,   /**< A thread's first message: whether its replies are shown (bool);
                             settable. */
        InThreadRole,   /**< A reply shown under its first message (bool): drawn indented. */
        ThreadRootRole, /**< The id of the thread a row belongs to: its own for a first message,
                             its parent's for a reply whose first message is loaded; else empty. */
    };
    Q_ENUM(Roles)

    explicit MessageThreadsModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    [[nodiscard]] int replyCount(const QString &rootId) const;
    [[nodiscard]] bool isExpanded(const QString &rootId) const;
    // Shows or hides the replies of thread `rootId` (rows inserted or removed under it).
    void setExpanded(const QString &rootId, bool expanded);
    // The row of message `messageId`, or an invalid index when it is not listed or hidden.
    [[nodiscard]] QModelIndex indexOfMessage(const QString &messageId) const;
    // The same, opening its thread first when it is a hidden reply.
    QModelIndex revealMessage(const QString &messageId);

    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // Where each message is in the source and how many replies each thread has: rebuilt when
    // the source has changed, the first time it is needed.
    void reindex() const;
    [[nodiscard]] QString idAt(int sourceRow) const;
    [[nodiscard]] QString parentAt(int sourceRow) const;
    // The source row of the loaded first message of the reply at `sourceRow`, or -1.
    [[nodiscard]] int rootRowOf(int sourceRow) const;
    void onSourceRowsInserted(int first, int last);
    void onSourceRowsAboutToBeRemoved(int first, int last);
    void onSourceRowsRemoved();
    // Repaints the first messages of `roots` (their counts changed).
    void announceCounts(const QSet<QString> &roots);

    mutable bool m_stale = true;
    mutable QHash<QString, int> m_rowOfId;     // message id -> source row
    mutable QHash<QString, int> m_replyCounts; // thread's first message id -> replies loaded
    QSet<QString> m_expanded;
    QSet<QString> m_rootsLosingReplies; // between rowsAboutToBeRemoved and rowsRemoved
    bool m_rootsRemoved = false;
};
