#pragma once

#include <QJsonObject>
#include <QString>

/// The opaque `cursor` of Link-header paging. It carries the position and every filter of
/// the first request, so a client that follows `next` verbatim gets the same listing.
class PageCursor
{
public:
    [[nodiscard]] static QString encode(const QJsonObject &state);
    /// False when the text is not a cursor this emulator wrote.
    [[nodiscard]] static bool decode(const QString &cursor, QJsonObject *state);
    /// `<origin/v1/...?max=N&cursor=...>; rel="next"`
    [[nodiscard]] static QByteArray nextLink(const QString &origin, const QString &path, int max,
                                             const QJsonObject &state);
};
