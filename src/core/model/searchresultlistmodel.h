#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

struct SearchHit;

// The messages a search of the local store found (MessageSearch), newest first, for the search
// results list: where (space), who, when, and the excerpt with the matched words marked. The
// excerpt is untrusted text: ExcerptHtmlRole escapes it before it marks the matches, so a
// message can never bring markup of its own into the list.
class SearchResultListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        MessageIdRole = Qt::UserRole + 1, /**< The message's Webex id. */
        RoomIdRole,                       /**< Its space's id. */
        RoomTitleRole,                    /**< The space's title; "Untitled space" when blank. */
        SenderNameRole,                   /**< Who wrote it (name, else address). */
        CreatedRole,                      /**< When, UTC QDateTime (invalid when unknown). */
        ExcerptRole,                      /**< One line of plain text around the matches. */
        ExcerptHtmlRole,                  /**< The same, escaped, the matches in <b>…</b>. */
    };
    Q_ENUM(Roles)

    explicit SearchResultListModel(QObject *parent = nullptr);
    ~SearchResultListModel() override;

    // The hits of one search, replacing the last ones (a reset: a new query is a new list).
    void setHits(const QList<SearchHit> &hits);
    void clear();
    // The row of message `messageId`, or -1.
    [[nodiscard]] int rowOf(const QString &messageId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    // DisplayRole, AccessibleTextRole and ToolTipRole: "Sender in Space, time: excerpt", plain.
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // The excerpt as rich text: escaped, the marked matches (MessageSearch::MatchStart and
    // MatchEnd) bold; unpaired markers are dropped.
    [[nodiscard]] static QString excerptHtml(const QString &excerpt);
    // The excerpt without its markers.
    [[nodiscard]] static QString plainExcerpt(const QString &excerpt);

private:
    QList<SearchHit> m_hits;
};
