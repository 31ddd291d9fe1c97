#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

/// One HTTP request as the emulator's handlers see it: a plain value, independent of the
/// QtHttpServer version (whose request API changed between 6.4 and 6.8).
struct EmulatorRequest
{
    QByteArray method;             ///< "GET", "POST", ...
    QUrl url;                      ///< As received; path() is decoded.
    QHash<QString, QString> query; ///< Decoded query items ('+' read as a space, last one wins).
    QByteArray body;
    QByteArray authorization; ///< The Authorization header, raw.
    QByteArray contentType;
    QString trackingId; ///< Assigned by the emulator; echoed in header and error body.
    int person = 0;     ///< Whose access token came with it (index into SeedData::people()).

    [[nodiscard]] QString path() const { return url.path(); }
    [[nodiscard]] QString queryValue(const QString &key) const { return query.value(key); }
    [[nodiscard]] bool hasQuery(const QString &key) const { return query.contains(key); }

    /// Decodes application/x-www-form-urlencoded text (also a URL's query): '+' is a space,
    /// which QUrlQuery does not do.
    static QHash<QString, QString> parseForm(const QByteArray &encoded);
};
