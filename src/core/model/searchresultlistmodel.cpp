#include "searchresultlistmodel.h"

#include "model/displaytext.h"
#include "store/messagesearch.h"

#include <QCoreApplication>
#include <QLocale>

SearchResultListModel::SearchResultListModel(QObject *parent) : QAbstractListModel(parent) {}

SearchResultListModel::~SearchResultListModel() = default;

void SearchResultListModel::setHits(const QList<SearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

void SearchResultListModel::clear()
{
    setHits({});
}

int SearchResultListModel::rowOf(const QString &messageId) const
{
    for (int row = 0; row < m_hits.size(); ++row) {
        if (m_hits.at(row).messageId == messageId)
            return row;
    }
    return -1;
}

int SearchResultListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QString SearchResultListModel::plainExcerpt(const QString &excerpt)
{
    QString plain = excerpt;
    plain.remove(MessageSearch::MatchStart);
    plain.remove(MessageSearch::MatchEnd);
    return plain;
}

QString SearchResultListModel::excerptHtml(const QString &excerpt)
{
    QString html;
    html.reserve(excerpt.size() + 32);
    QString run;
    bool inside = false;
    const auto flush = [&] {
        html += run.toHtmlEscaped();
        run.clear();
    };
    for (const QChar c : excerpt) {
        if (c == MessageSearch::MatchStart && !inside) {
            flush();
            html += QStringLiteral("<b>");
            inside = true;
        } else if (c == MessageSearch::MatchEnd && inside) {
            flush();
            html += QStringLiteral("</b>");
            inside = false;
        } else if (c != MessageSearch::MatchStart && c != MessageSearch::MatchEnd) {
            run += c;
        }
    }
    flush();
    if (inside)
        html += QStringLiteral("</b>");
    return html;
}

QVariant SearchResultListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    const auto title = [&hit] {
        return DisplayText::singleLine(
            hit.roomTitle, QCoreApplication::translate("SearchResultListModel", "Untitled space"));
    };
    switch (role) {
    case MessageIdRole:
        return hit.messageId;
    case RoomIdRole:
        return hit.roomId;
    case RoomTitleRole:
        return title();
    case SenderNameRole:
        return DisplayText::singleLine(hit.senderName);
    case CreatedRole:
        return hit.created;
    case ExcerptRole:
        return plainExcerpt(hit.excerpt);
    case ExcerptHtmlRole:
        return excerptHtml(hit.excerpt);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: {
        const QString when = hit.created.isValid() ? QLocale().toString(hit.created.toLocalTime(),
                                                                        QLocale::ShortFormat)
                                                   : QString();
        return QCoreApplication::translate("SearchResultListModel", "%1 in %2, %3: %4")
            .arg(DisplayText::isolated(DisplayText::singleLine(hit.senderName)),
                 DisplayText::isolated(title()), when, plainExcerpt(hit.excerpt));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(RoomIdRole, "roomId");
    names.insert(RoomTitleRole, "roomTitle");
    names.insert(SenderNameRole, "senderName");
    names.insert(CreatedRole, "created");
    names.insert(ExcerptRole, "excerpt");
    names.insert(ExcerptHtmlRole, "excerptHtml");
    return names;
}
