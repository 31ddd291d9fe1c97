#include "model/webextime.h"

#include <QRegularExpression>

namespace WebexTime {

QDateTime parse(const QString &text)
{
    // Qt::ISODate alone would also accept a bare date and read a zoneless time as local time;
    // both would silently shift activity ordering, so check the shape first.
    static const QRegularExpression shape(
        QStringLiteral(
            R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = shape.match(trimmed);
    if (!match.hasMatch())
        return {};

    QString iso = trimmed;
    // Digits past the milliseconds are dropped, not rounded: Qt rounds ".9999" up to the next
    // second, which turned 9999-12-31T23:59:59.9999 into the year 10000.
    if (match.capturedLength(2) > 4)
        iso.remove(match.capturedStart(2) + 4, match.capturedLength(2) - 4);
    if (match.capturedLength(3) == 0)
        iso += QLatin1Char('Z');
    else if (iso.endsWith(QLatin1Char('z')))
        iso[iso.size() - 1] = QLatin1Char('Z');

    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    // Only what toString() can write back (years 1 to 9999 in UTC; an offset can push a time
    // past either end): a time that prints as nothing would be sent as an empty "before=".
    const QDateTime utc = parsed.toUTC();
    const int year = utc.date().year();
    if (year < 1 || year > 9999)
        return {};
    return utc;
}

QString toString(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace WebexTime
