#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

class QByteArray;

// RFC 8288 (formerly 5988) Link header, as Webex pages its lists:
//   Link: <https://webexapis.com/v1/rooms?max=1000&cursor=...>; rel="next"
class LinkHeader
{
public:
    // Relation (lower case) -> URL as written (possibly relative; resolve against the request
    // URL). Tolerates several links, extra parameters, quoted or bare rel values, several
    // relations in one rel ("next last"), spaces and commas inside <...>. The first link of a
    // relation wins. Malformed entries are skipped, not fatal.
    [[nodiscard]] static QHash<QString, QUrl> parse(const QByteArray &value);

    // The rel="next" URL, or an empty QUrl when there is none.
    [[nodiscard]] static QUrl next(const QByteArray &value);
};
