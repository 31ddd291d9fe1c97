#include "messagesearch.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcMessageSearch, "webexdesk.store.search")

namespace {

// A query longer than this is cut before it is split: more than MaxTerms terms of
// MaxTermLength with a space between each fit in it.
constexpr qsizetype MaxQueryLength = 4096;
// An excerpt starts this many characters before the first match at most, so that the match has
// some context; it ends at a word when one ends in its last EndSlack characters.
constexpr qsizetype LeadBeforeMatch = 40;
constexpr qsizetype EndSlack = 24;
// Highlighted places of one term found by substring in a message: more are not needed for an
// excerpt of ExcerptLength characters.
constexpr int MaxShortTermRanges = 64;

// Scripts written without spaces between words (Korean with particles attached to them): a word
// index holds whole runs of them, so only the trigram index finds a part of a run.
bool isUnspacedScript(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Bopomofo:
    case QChar::Script_Hangul:
    case QChar::Script_Yi:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return true;
    default:
        return false;
    }
}

bool isMarker(QChar c)
{
    return c == MessageSearch::MatchStart || c == MessageSearch::MatchEnd;
}

// Explicit embeddings, overrides and isolates: in a one-line excerpt cut anywhere they could
// reorder what follows them on the row.
bool isBidiControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

// The terms of a query, each in the form the SQL needs.
struct Terms
{
    QStringList words;     ///< FTS5 strings for message_words, quoted, prefixes but see termsOf.
    QStringList trigrams;  ///< FTS5 strings for message_trigrams, quoted.
    QStringList shortText; ///< 1-2 CJK characters, ASCII letters lowered (as SQLite's lower()).
    bool shortened = false;

    [[nodiscard]] bool isEmpty() const
    {
        return words.isEmpty() && trigrams.isEmpty() && shortText.isEmpty();
    }
};

// An FTS5 string: between double quotes, a double quote doubled. Inside one, FTS5 sees no
// operator, column filter or bracket: the tokenizer gets the characters as they are.
QString quoted(const QString &term)
{
    QString text = term;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

QString lowerAscii(const QString &text)
{
    QString lowered = text;
    for (QChar &c : lowered) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return lowered;
}

Terms termsOf(QString query)
{
    Terms terms;
    if (query.size() > MaxQueryLength) {
        query.truncate(MaxQueryLength);
        if (query.back().isHighSurrogate())
            query.chop(1);
        terms.shortened = true;
    }
    struct Term
    {
        QString text;
        int characters = 0;
        bool unspaced = false;
    };
    QList<Term> kept;
    QSet<QString> seen;
    const QStringList parts = query.simplified().split(u' ', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        Term term;
        term.text.reserve(part.size());
        for (const QChar c : part) {
            if (c.category() != QChar::Other_Control && !isMarker(c))
                term.text.append(c);
        }
        if (term.text.size() > MessageSearch::MaxTermLength) {
            term.text.truncate(MessageSearch::MaxTermLength);
            if (term.text.back().isHighSurrogate())
                term.text.chop(1);
            terms.shortened = true;
        }
        // Only letters and digits are indexed (unicode61 keeps letters, numbers and private use
        // characters; everything else separates words): a term without them, such as "**" or
        // "_", can match nothing and is left out.
        bool indexed = false;
        for (const char32_t c : term.text.toUcs4()) {
            ++term.characters;
            indexed = indexed || QChar::isLetterOrNumber(c) ||
                      QChar::category(c) == QChar::Other_PrivateUse;
            term.unspaced = term.unspaced || isUnspacedScript(c);
        }
        if (!indexed || seen.contains(term.text.toCaseFolded()))
            continue;
        if (kept.size() == MessageSearch::MaxTerms) {
            terms.shortened = true;
            break;
        }
        seen.insert(term.text.toCaseFolded());
        kept.append(term);
    }
    for (qsizetype i = 0; i < kept.size(); ++i) {
        const Term &term = kept.at(i);
        if (term.unspaced && term.characters >= 3)
            terms.trigrams.append(quoted(term.text));
        else if (term.unspaced)
            terms.shortText.append(lowerAscii(term.text));
        // One letter before the last term is that word ("a", "I"): as a prefix it would match
        // most of the store and cost FTS5 a merge of every word that starts with it (15-20 ms
        // each over 100,000 messages). The last one is being typed: a prefix.
        else if (term.characters == 1 && i + 1 < kept.size())
            terms.words.append(quoted(term.text));
        else
            terms.words.append(quoted(term.text) + u'*');
    }
    return terms;
}

// A matched part of a message's text: [first, second) in UTF-16 units.
using Range = std::pair<qsizetype, qsizetype>;

// FTS5's highlight() gives the text with a start and an end marker inserted around each match.
// The text may hold those characters itself (anyone can write them into a message), so the
// places are found by walking both: a character of `marked` that is the text's next one is the
// text's own. That can only mistake an inserted marker for a neighbouring one of the text, and
// the excerpt drops the text's markers, so it shows the same either way.
void addMarkedRanges(const QString &text, const QString &marked, QList<Range> *ranges)
{
    qsizetype i = 0;
    qsizetype open = -1;
    for (const QChar c : marked) {
        if (i < text.size() && text.at(i) == c) {
            ++i;
        } else if (c == MessageSearch::MatchStart) {
            if (open < 0)
                open = i;
        } else if (c == MessageSearch::MatchEnd) {
            if (open >= 0)
                ranges->append({open, i});
            open = -1;
        } else {
            return; // not this text with markers: no highlighting from it
        }
    }
}

void addSubstringRanges(const QString &text, const QString &term, QList<Range> *ranges)
{
    qsizetype from = 0;
    for (int n = 0; n < MaxShortTermRanges; ++n) {
        const qsizetype at = text.indexOf(term, from, Qt::CaseInsensitive);
        if (at < 0)
            return;
        ranges->append({at, at + term.size()});
        from = at + term.size();
    }
}

bool isBlank(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Control;
}

bool hasTextIn(const QString &text, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = text.at(i);
        if (!isBlank(c) && !isMarker(c) && !isBidiControl(c))
            return true;
    }
    return false;
}

// One line of `text` around its first matched part, about ExcerptLength characters long, the
// matched parts between the markers; the text's own markers, controls and line breaks are gone.
QString excerptOf(const QString &text, QList<Range> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    QList<Range> parts;
    for (const Range &range : std::as_const(ranges)) {
        if (range.first >= range.second)
            continue;
        if (!parts.isEmpty() && range.first <= parts.last().second)
            parts.last().second = std::max(parts.last().second, range.second);
        else
            parts.append(range);
    }

    const qsizetype size = text.size();
    const qsizetype anchor = parts.isEmpty() ? 0 : parts.first().first;
    qsizetype begin = std::max<qsizetype>(0, anchor - LeadBeforeMatch);
    if (begin > 0) {
        // From the start of a word when one starts before the match.
        for (qsizetype i = begin; i < anchor; ++i) {
            if (text.at(i).isSpace()) {
                begin = i + 1;
                break;
            }
        }
        if (begin < size && text.at(begin).isLowSurrogate())
            ++begin;
    }
    qsizetype end = std::min(size, begin + MessageSearch::ExcerptLength);
    if (end < size) {
        if (text.at(end).isLowSurrogate())
            --end;
        // To the end of a word when one ends near the cut, keeping the first match whole.
        const qsizetype lowest = std::max(begin + MessageSearch::ExcerptLength - EndSlack,
                                          parts.isEmpty() ? qsizetype(0) : parts.first().second);
        for (qsizetype i = end; i > lowest; --i) {
            if (text.at(i).isSpace()) {
                end = i;
                break;
            }
        }
    }

    QString out;
    out.reserve(end - begin + 8);
    const bool cutBefore = begin > 0 && hasTextIn(text, 0, begin);
    if (cutBefore)
        out.append(u'\u2026');
    const qsizetype start = out.size();
    qsizetype next = 0;
    while (next < parts.size() && parts.at(next).second <= begin)
        ++next;
    bool inside = false;
    bool pendingSpace = false;
    for (qsizetype i = begin; i < end; ++i) {
        if (inside && i == parts.at(next).second) {
            out.append(MessageSearch::MatchEnd);
            inside = false;
            ++next;
        }
        if (!inside && next < parts.size() && i >= parts.at(next).first) {
            if (pendingSpace && out.size() > start)
                out.append(u' ');
            pendingSpace = false;
            out.append(MessageSearch::MatchStart);
            inside = true;
        }
        const QChar c = text.at(i);
        if (isMarker(c) || isBidiControl(c))
            continue;
        if (isBlank(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && out.size() > start && !out.endsWith(MessageSearch::MatchStart))
            out.append(u' ');
        pendingSpace = false;
        out.append(c);
    }
    if (inside)
        out.append(MessageSearch::MatchEnd);
    if (end < size && hasTextIn(text, end, size))
        out.append(u'\u2026');
    return out;
}

QString joined(const QList<qint64> &rowids)
{
    QStringList numbers;
    numbers.reserve(rowids.size());
    for (const qint64 rowid : rowids)
        numbers.append(QString::number(rowid));
    return numbers.join(u',');
}

// The statement that finds the matching messages and the stored details of the newest `limit`,
// with the driving index's highlight() of each (NULL when no index drives).
// Named placeholders, each used once: :words, :trigrams, :scan, :s0..., :open, :close, :window,
// :limit.
QString findingStatement(const Terms &terms)
{
    QString from;
    QString key;
    QString marks = QStringLiteral("NULL");
    QStringList where;
    // The index drives: FTS5 walks its rowids newest stored first and stops at the window, and
    // marks the matches while it is on the row (a second pass over a prefix match costs as much
    // again: for "t", every word that starts with t). CROSS JOIN keeps it the outer loop.
    if (!terms.words.isEmpty()) {
        from = QStringLiteral("message_words d CROSS JOIN messages m ON m.rowid = d.rowid");
        key = QStringLiteral("d.rowid");
        marks = QStringLiteral("highlight(d.message_words, 0, :open, :close)");
        where.append(QStringLiteral("d.message_words MATCH :words"));
        // "+": SQLite keeps the IN list to itself. Handed to FTS5, each rowid of it would run
        // the words' match again (2.4 s instead of 5 ms for "the 京タワ" in bench_search).
        if (!terms.trigrams.isEmpty())
            where.append(QStringLiteral("+d.rowid IN (SELECT rowid FROM message_trigrams"
                                        " WHERE message_trigrams MATCH :trigrams)"));
    } else if (!terms.trigrams.isEmpty()) {
        from = QStringLiteral("message_trigrams d CROSS JOIN messages m ON m.rowid = d.rowid");
        key = QStringLiteral("d.rowid");
        marks = QStringLiteral("highlight(d.message_trigrams, 0, :open, :close)");
        where.append(QStringLiteral("d.message_trigrams MATCH :trigrams"));
    } else {
        from = QStringLiteral("messages m");
        key = QStringLiteral("m.rowid");
    }
    if (!terms.shortText.isEmpty()) {
        where.append(key +
                     QStringLiteral(" > (SELECT coalesce(max(rowid), 0) FROM messages) - :scan"));
        for (qsizetype i = 0; i < terms.shortText.size(); ++i)
            where.append(QStringLiteral("instr(lower(m.text), :s%1) > 0").arg(i));
    }
    const QString candidates = QStringLiteral("SELECT m.rowid AS rowid, m.created AS created, ") +
                               marks + QStringLiteral(" AS marks FROM ") + from +
                               QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")) +
                               QStringLiteral(" ORDER BY ") + key +
                               QStringLiteral(" DESC LIMIT :window");
    // Newest first among the candidates; a message without a time last.
    return QStringLiteral("WITH found AS (SELECT rowid, created, marks, count(*) OVER () AS total"
                          " FROM (") +
           candidates +
           QStringLiteral(
               ") ORDER BY created DESC, rowid DESC LIMIT :limit)"
               " SELECT f.total, m.rowid, m.id, m.room_id, m.parent_id, coalesce(s.title, ''),"
               " m.person_id, coalesce(nullif(p.display_name, ''), m.person_email), m.created,"
               " m.text, f.marks"
               " FROM found f CROSS JOIN messages m ON m.rowid = f.rowid"
               " LEFT JOIN spaces s ON s.id = m.room_id"
               " LEFT JOIN people p ON p.id = m.person_id"
               " ORDER BY f.created DESC, f.rowid DESC");
}

struct Found
{
    qint64 rowid = 0;
    QString text;
    QList<Range> ranges;
};

} // namespace

SearchResult MessageSearch::search(const QSqlDatabase &db, const QString &query, int limit)
{
    SearchResult result;
    const Terms terms = termsOf(query);
    result.queryShortened = terms.shortened;
    result.recentOnly = !terms.shortText.isEmpty();
    if (terms.isEmpty() || limit <= 0)
        return result;
    limit = std::min(limit, MaxLimit);

    const auto failed = [&result](const QSqlQuery &q) {
        qCWarning(lcMessageSearch) << "Search failed:" << q.lastError().text();
        result = SearchResult{};
        result.problem = tr("The messages kept on this computer cannot be searched (%1).")
                             .arg(q.lastError().text().left(200));
        return result;
    };

    // One read transaction: the text and its highlighting come from the same snapshot even while
    // the writer commits. (If the caller has one open, its own is used.)
    QSqlDatabase connection = db;
    const bool ownTransaction = connection.transaction();
    const auto finish = [&]() {
        if (ownTransaction)
            connection.commit();
    };

    QSqlQuery find(db);
    find.setForwardOnly(true);
    if (!find.prepare(findingStatement(terms))) {
        finish();
        return failed(find);
    }
    if (!terms.words.isEmpty())
        find.bindValue(QStringLiteral(":words"), terms.words.join(QStringLiteral(" AND ")));
    if (!terms.trigrams.isEmpty())
        find.bindValue(QStringLiteral(":trigrams"), terms.trigrams.join(QStringLiteral(" AND ")));
    if (!terms.shortText.isEmpty()) {
        find.bindValue(QStringLiteral(":scan"), ShortTermScan);
        for (qsizetype i = 0; i < terms.shortText.size(); ++i)
            find.bindValue(QStringLiteral(":s%1").arg(i), terms.shortText.at(i));
    }
    if (!terms.words.isEmpty() || !terms.trigrams.isEmpty()) {
        find.bindValue(QStringLiteral(":open"), QString(MatchStart));
        find.bindValue(QStringLiteral(":close"), QString(MatchEnd));
    }
    find.bindValue(QStringLiteral(":window"), CandidateLimit);
    find.bindValue(QStringLiteral(":limit"), limit);
    if (!find.exec()) {
        finish();
        return failed(find);
    }

    QList<Found> found;
    while (find.next()) {
        result.total = find.value(0).toInt();
        SearchHit hit;
        hit.messageId = find.value(2).toString();
        hit.roomId = find.value(3).toString();
        hit.parentId = find.value(4).toString();
        hit.roomTitle = find.value(5).toString();
        hit.senderId = find.value(6).toString();
        hit.senderName = find.value(7).toString();
        if (!find.value(8).isNull())
            hit.created = QDateTime::fromMSecsSinceEpoch(find.value(8).toLongLong(), Qt::UTC);
        result.hits.append(hit);
        Found f{find.value(1).toLongLong(), find.value(9).toString(), {}};
        addMarkedRanges(f.text, find.value(10).toString(), &f.ranges);
        found.append(f);
    }
    result.totalCapped = result.total >= CandidateLimit;
    if (find.lastError().isValid()) {
        finish();
        return failed(find);
    }
    find.finish();
    if (found.isEmpty()) {
        finish();
        return result;
    }

    // Where the matches are: the driving index marked its own; the trigram terms beside words
    // are marked here, once over the hits' range of rowids and filtered by SQLite (+rowid: not
    // handed to FTS5, which would run the whole match again for each rowid of an IN list).
    if (!terms.words.isEmpty() && !terms.trigrams.isEmpty()) {
        QList<qint64> rowids;
        for (const Found &f : std::as_const(found))
            rowids.append(f.rowid);
        const auto [lowest, highest] = std::minmax_element(rowids.cbegin(), rowids.cend());
        QSqlQuery marks(db);
        marks.setForwardOnly(true);
        if (!marks.prepare(QStringLiteral("SELECT rowid, highlight(message_trigrams, 0, :open,"
                                          " :close) FROM message_trigrams"
                                          " WHERE message_trigrams MATCH :trigrams"
                                          " AND rowid BETWEEN %1 AND %2 AND +rowid IN (%3)")
                               .arg(*lowest)
                               .arg(*highest)
                               .arg(joined(rowids)))) {
            finish();
            return failed(marks);
        }
        marks.bindValue(QStringLiteral(":open"), QString(MatchStart));
        marks.bindValue(QStringLiteral(":close"), QString(MatchEnd));
        marks.bindValue(QStringLiteral(":trigrams"), terms.trigrams.join(QStringLiteral(" AND ")));
        if (!marks.exec()) {
            finish();
            return failed(marks);
        }
        while (marks.next()) {
            const qint64 rowid = marks.value(0).toLongLong();
            for (Found &f : found) {
                if (f.rowid == rowid)
                    addMarkedRanges(f.text, marks.value(1).toString(), &f.ranges);
            }
        }
    }
    finish();

    for (qsizetype i = 0; i < found.size(); ++i) {
        Found &f = found[i];
        for (const QString &term : terms.shortText)
            addSubstringRanges(f.text, term, &f.ranges);
        result.hits[i].excerpt = excerptOf(f.text, f.ranges);
    }
    return result;
}
