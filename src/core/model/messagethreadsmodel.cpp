#include "model/messagethreadsmodel.h"

#include "model/messagelistmodel.h"

#include <QCoreApplication>

#include <tuple>

MessageThreadsModel::MessageThreadsModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void MessageThreadsModel::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        sourceModel()->disconnect(this);
    m_expanded.clear();
    m_stale = true;
    // Connected before the base class's own connections, so the index is marked stale before
    // it sorts and filters the change.
    if (source) {
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this] { m_stale = true; });
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    onSourceRowsAboutToBeRemoved(first, last);
                });
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            m_stale = true;
            m_expanded.clear();
        });
        connect(source, &QAbstractItemModel::dataChanged, this, [this] { m_stale = true; });
    }
    QSortFilterProxyModel::setSourceModel(source);
    if (source) {
        // After the base class has placed the new rows.
        connect(source, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    onSourceRowsInserted(first, last);
                });
        connect(source, &QAbstractItemModel::rowsRemoved, this,
                &MessageThreadsModel::onSourceRowsRemoved);
    }
    sort(0);
}

QString MessageThreadsModel::idAt(int sourceRow) const
{
    return sourceModel()->index(sourceRow, 0).data(MessageListModel::IdRole).toString();
}

QString MessageThreadsModel::parentAt(int sourceRow) const
{
    return sourceModel()->index(sourceRow, 0).data(MessageListModel::ParentIdRole).toString();
}

void MessageThreadsModel::reindex() const
{
    if (!m_stale || !sourceModel())
        return;
    m_stale = false;
    m_rowOfId.clear();
    m_replyCounts.clear();
    const int rows = sourceModel()->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QString id = idAt(row);
        if (!id.isEmpty())
            m_rowOfId.insert(id, row);
    }
    for (int row = 0; row < rows; ++row) {
        const QString parent = parentAt(row);
        if (!parent.isEmpty() && m_rowOfId.contains(parent))
            ++m_replyCounts[parent];
    }
}

int MessageThreadsModel::rootRowOf(int sourceRow) const
{
    const QString parent = parentAt(sourceRow);
    if (parent.isEmpty())
        return -1;
    reindex();
    return m_rowOfId.value(parent, -1);
}

int MessageThreadsModel::replyCount(const QString &rootId) const
{
    reindex();
    return m_replyCounts.value(rootId);
}

bool MessageThreadsModel::isExpanded(const QString &rootId) const
{
    return m_expanded.contains(rootId);
}

void MessageThreadsModel::setExpanded(const QString &rootId, bool expanded)
{
    if (rootId.isEmpty() || expanded == m_expanded.contains(rootId))
        return;
    if (expanded)
        m_expanded.insert(rootId);
    else
        m_expanded.remove(rootId);
    invalidateFilter(); // the replies are inserted or removed under their first message
    announceCounts({rootId});
}

QModelIndex MessageThreadsModel::indexOfMessage(const QString &messageId) const
{
    reindex();
    const int row = m_rowOfId.value(messageId, -1);
    return row < 0 ? QModelIndex() : mapFromSource(sourceModel()->index(row, 0));
}

QModelIndex MessageThreadsModel::revealMessage(const QString &messageId)
{
    reindex();
    const int row = m_rowOfId.value(messageId, -1);
    if (row < 0)
        return {};
    if (rootRowOf(row) >= 0)
        setExpanded(parentAt(row), true);
    return mapFromSource(sourceModel()->index(row, 0));
}

bool MessageThreadsModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // A reply is shown when its thread is open, or when its first message is not loaded.
    return rootRowOf(sourceRow) < 0 || m_expanded.contains(parentAt(sourceRow));
}

bool MessageThreadsModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // (the thread's place, first message before replies, the row's own place)
    const auto key = [this](int row) {
        const int root = rootRowOf(row);
        return root < 0 ? std::make_tuple(row, 0, row) : std::make_tuple(root, 1, row);
    };
    return key(left.row()) < key(right.row());
}

QVariant MessageThreadsModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case ReplyCountRole:
        return replyCount(QSortFilterProxyModel::data(index, MessageListModel::IdRole).toString());
    case ExpandedRole:
        return isExpanded(QSortFilterProxyModel::data(index, MessageListModel::IdRole).toString());
    case InThreadRole:
        return index.isValid() && rootRowOf(mapToSource(index).row()) >= 0;
    case ThreadRootRole: {
        if (!index.isValid())
            return QString();
        const int row = mapToSource(index).row();
        if (rootRowOf(row) >= 0)
            return parentAt(row);
        const QString id = idAt(row);
        return replyCount(id) > 0 ? id : QString();
    }
    case Qt::AccessibleDescriptionRole: {
        // What the eye sees of threads, after what the list says of the message.
        const QString described = QSortFilterProxyModel::data(index, role).toString();
        QString thread;
        const int replies = data(index, ReplyCountRole).toInt();
        if (replies > 0) {
            thread =
                data(index, ExpandedRole).toBool()
                    ? QCoreApplication::translate("MessageThreadsModel",
                                                  "%n reply(ies), shown below", nullptr, replies)
                    : QCoreApplication::translate("MessageThreadsModel", "%n reply(ies), hidden",
                                                  nullptr, replies);
        } else if (data(index, InThreadRole).toBool()) {
            thread = QCoreApplication::translate("MessageThreadsModel", "Reply in a thread");
        }
        if (thread.isEmpty())
            return described;
        return described.isEmpty()
                   ? thread
                   : described +
                         QCoreApplication::translate("MessageListModel", ", ",
                                                     "separator between facts about a message") +
                         thread;
    }
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

bool MessageThreadsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != ExpandedRole || !index.isValid())
        return QSortFilterProxyModel::setData(index, value, role);
    const QString id = QSortFilterProxyModel::data(index, MessageListModel::IdRole).toString();
    if (replyCount(id) == 0)
        return false;
    setExpanded(id, value.toBool());
    return true;
}

QHash<int, QByteArray> MessageThreadsModel::roleNames() const
{
    QHash<int, QByteArray> names = QSortFilterProxyModel::roleNames();
    names.insert(ReplyCountRole, "replyCount");
    names.insert(ExpandedRole, "expanded");
    names.insert(InThreadRole, "inThread");
    names.insert(ThreadRootRole, "threadRoot");
    return names;
}

void MessageThreadsModel::onSourceRowsInserted(int first, int last)
{
    m_stale = true;
    reindex();
    QSet<QString> roots;
    bool newRoots = false;
    for (int row = first; row <= last; ++row) {
        if (rootRowOf(row) >= 0)
            roots.insert(parentAt(row)); // a new reply: its thread's count changed
        const QString id = idAt(row);
        if (m_replyCounts.contains(id))
            newRoots = true; // a first message came for replies already listed
    }
    if (newRoots) {
        // Replies shown on their own until now go under it (and hide): a whole new order.
        invalidate();
        return;
    }
    announceCounts(roots);
}

void MessageThreadsModel::onSourceRowsAboutToBeRemoved(int first, int last)
{
    reindex();
    for (int row = first; row <= last; ++row) {
        if (rootRowOf(row) >= 0)
            m_rootsLosingReplies.insert(parentAt(row));
        if (m_replyCounts.value(idAt(row)) > 0)
            m_rootsRemoved = true; // its replies stay, on their own
    }
    m_stale = true;
}

void MessageThreadsModel::onSourceRowsRemoved()
{
    m_stale = true;
    const QSet<QString> roots = std::exchange(m_rootsLosingReplies, {});
    if (std::exchange(m_rootsRemoved, false)) {
        invalidate();
        return;
    }
    announceCounts(roots);
}

void MessageThreadsModel::announceCounts(const QSet<QString> &roots)
{
    for (const QString &root : roots) {
        const QModelIndex shown = indexOfMessage(root);
        if (shown.isValid())
            emit dataChanged(shown, shown, {ReplyCountRole, ExpandedRole});
    }
}
