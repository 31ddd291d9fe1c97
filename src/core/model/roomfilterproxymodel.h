#pragma once

// QPointer needs the complete type.
#include "model/roomlistmodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStringList>

// Finding a space: filter text, kind and team over RoomListModel (keeps its order). Reads the
// folded title RoomListModel computed once per space, so typing stays fast with 10,000 spaces;
// any other source model is read through its roles and folded on the fly.
class RoomFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Kind {
        All,    ///< Every space.
        Direct, ///< One-to-one spaces only.
        Group,  ///< Group spaces only.
    };
    Q_ENUM(Kind)

    explicit RoomFilterProxyModel(QObject *parent = nullptr);

    // Case- and accent-insensitive ("cafe" finds "Café", "zurich" finds "Zürich"); matched on
    // the title; every whitespace-separated word must match somewhere in it.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }
    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const { return m_kind; }
    void setTeamId(const QString &teamId /*empty: any*/);
    [[nodiscard]] QString teamId() const { return m_teamId; }

    void setSourceModel(QAbstractItemModel *source) override;

    // NFD, strip combining marks, casefold.
    [[nodiscard]] static QString foldForSearch(const QString &s);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    void refilter();
    // RoomListModel's rows are read directly: through data() and QVariant, each row cost
    // three look-ups and copies, a quarter of a keystroke's time with 10,000 spaces.
    [[nodiscard]] bool acceptsRoomAt(int row) const;

    QPointer<RoomListModel> m_rooms; // the source, when it is one
    QString m_text;
    QStringList m_words; // folded
    Kind m_kind = Kind::All;
    QString m_teamId;
};
