#include "model/roomfilterproxymodel.h"

#include "model/roomlistmodel.h"

#include <QRegularExpression>

RoomFilterProxyModel::RoomFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // The source is sorted already (by last activity); the proxy only filters.
    setDynamicSortFilter(true);
    // dataChanged() for this role (or for all roles, as RoomListModel sends after a refresh)
    // filters the row again; HasNewActivityRole changes do not, which keeps marking seen cheap.
    setFilterRole(RoomListModel::FoldedTitleRole);
}

QString RoomFilterProxyModel::foldForSearch(const QString &s)
{
    // Letters that are not composed of a base and a mark, so NFD leaves them alone, but that
    // people type without the stroke or ligature.
    static const QHash<QChar, QString> extra{
        {QChar(0x00DF), QStringLiteral("ss")}, // ß
        {QChar(0x00E6), QStringLiteral("ae")}, // æ
        {QChar(0x0153), QStringLiteral("oe")}, // œ
        {QChar(0x00F8), QStringLiteral("o")},  // ø
        {QChar(0x0142), QStringLiteral("l")},  // ł
        {QChar(0x0111), QStringLiteral("d")},  // đ
        {QChar(0x0131), QStringLiteral("i")},  // dotless ı
    };

    const QString decomposed = s.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        switch (c.category()) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            continue;
        default:
            break;
        }
        out.append(c);
    }
    out = out.toCaseFolded();
    for (qsizetype i = out.size() - 1; i >= 0; --i) {
        const auto it = extra.constFind(out.at(i));
        if (it != extra.cend())
            out.replace(i, 1, *it);
    }
    return out;
}

void RoomFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList words = foldForSearch(text).split(whitespace, Qt::SkipEmptyParts);
    m_text = text;
    if (words == m_words)
        return;
    m_words = words;
    refilter();
}

void RoomFilterProxyModel::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    refilter();
}

void RoomFilterProxyModel::setTeamId(const QString &teamId)
{
    if (teamId == m_teamId)
        return;
    m_teamId = teamId;
    refilter();
}

void RoomFilterProxyModel::refilter()
{
    // invalidate(), not invalidateFilter(): the latter removes and inserts rows one run at a
    // time, rebuilding the whole mapping for each run, which made clearing the filter over
    // 10,000 spaces cost ~40 ms (bench_roomfilter). One layout change costs a few ms; views
    // keep their current and selected rows through it.
    invalidate();
}

void RoomFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    m_rooms = qobject_cast<RoomListModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

bool RoomFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_rooms && !sourceParent.isValid())
        return acceptsRoomAt(sourceRow);
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);

    if (m_kind != Kind::All) {
        const bool direct = index.data(RoomListModel::IsDirectRole).toBool();
        if (direct != (m_kind == Kind::Direct))
            return false;
    }
    if (!m_teamId.isEmpty() && index.data(RoomListModel::TeamIdRole).toString() != m_teamId)
        return false;
    if (m_words.isEmpty())
        return true;

    QString title = index.data(RoomListModel::FoldedTitleRole).toString();
    if (title.isEmpty()) // another source model: fold on the fly
        title = foldForSearch(index.data(Qt::DisplayRole).toString());
    for (const QString &word : m_words) {
        if (!title.contains(word))
            return false;
    }
    return true;
}

bool RoomFilterProxyModel::acceptsRoomAt(int row) const
{
    const Room &room = m_rooms->roomRef(row);
    if (m_kind != Kind::All && (room.kind == Room::Kind::Direct) != (m_kind == Kind::Direct))
        return false;
    if (!m_teamId.isEmpty() && room.teamId != m_teamId)
        return false;
    if (m_words.isEmpty())
        return true; // the title's look-up costs more than the rest: only when needed
    const QString title = m_rooms->foldedTitleAt(row);
    for (const QString &word : m_words) {
        if (!title.contains(word))
            return false;
    }
    return true;
}
