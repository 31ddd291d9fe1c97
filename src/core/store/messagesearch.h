#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

class QSqlDatabase;

// One stored message that a search found.
struct SearchHit
{
    QString messageId;
    QString roomId;
    QString parentId;  ///< The thread's first message for a reply; empty otherwise.
    QString roomTitle; ///< Empty when the space is not stored.
    QString senderId;
    QString senderName; ///< The person's display name, else the message's sender email.
    QDateTime created;  ///< UTC; invalid when unknown.
    // One line of plain text around the first match (about ExcerptLength characters, "…" where
    // it was cut), the matched parts between MessageSearch::MatchStart and MatchEnd. Those two
    // characters never come from the message itself: the UI escapes the text, then turns them
    // into highlighting.
    QString excerpt;
};

struct SearchResult
{
    QList<SearchHit> hits; ///< Newest first, at most the limit asked for.
    // How many messages match, counted up to CandidateLimit; totalCapped: counting stopped
    // there, at least that many match ("2,000+").
    int total = 0;
    bool totalCapped = false;
    // Terms beyond MaxTerms, or characters beyond MaxTermLength, were left out.
    bool queryShortened = false;
    // A term of 1-2 CJK characters: only the ShortTermScan messages stored last were searched.
    bool recentOnly = false;
    // One sentence when the store could not be searched; hits are then empty.
    QString problem;
};

// Searches the messages of the local store (docs/STORE.md, "Search") through one open QtSql
// connection of the calling thread: synchronous, bounded, meant for a worker thread.
//
// What a person types is never FTS5 syntax: it is split at white space into terms and every term
// is quoted, so quotes, operators (AND, OR, NOT, NEAR), `*`, `^`, `:` and brackets are plain text.
// All terms must match. A term is matched against words, any case and accent, as a prefix
// ("caf" finds "Café"; a term of one letter before the last term is that word only). A term with
// Chinese, Japanese, Korean, Thai, Lao, Khmer or Myanmar characters (scripts that do not separate
// words by spaces) is found anywhere in the text: by its trigrams when it has 3 characters or
// more, by a scan of the ShortTermScan messages stored last when it has 1 or 2.
// Only messages.text is searched (Webex's plain text), never the markdown or HTML.
class MessageSearch
{
    Q_DECLARE_TR_FUNCTIONS(MessageSearch)

public:
    static constexpr QChar MatchStart = u'\uE000'; ///< Private use: begins a matched part.
    static constexpr QChar MatchEnd = u'\uE001';   ///< Private use: ends it.

    static constexpr int MaxTerms = 16;      ///< Terms after these are left out.
    static constexpr int MaxTermLength = 64; ///< UTF-16 units of one term; the rest is left out.
    // Matches taken in the order they were stored (newest stored first), then ordered by time:
    // with more matches than this the hits are the newest of the ones stored last (docs/STORE.md).
    static constexpr int CandidateLimit = 2000;
    // A term of 1-2 CJK characters has no trigram: it is looked for in this many messages, the
    // ones stored last, so that the scan stays bounded.
    static constexpr int ShortTermScan = 20000;
    static constexpr int ExcerptLength = 160; ///< Characters of an excerpt, without the markers.
    static constexpr int MaxLimit = 500;      ///< A larger limit is lowered to this.

    // The newest `limit` messages that match `query`. An empty query (or one without a letter or
    // digit) finds nothing and is no problem.
    [[nodiscard]] static SearchResult search(const QSqlDatabase &db, const QString &query,
                                             int limit);
};

Q_DECLARE_METATYPE(SearchResult)
