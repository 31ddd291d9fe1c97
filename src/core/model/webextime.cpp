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
    if (match.capturedLength(3) == 0)
        iso += QLatin1Char('Z');
    else if (iso.endsWith(QLatin1Char('z')))
        iso[iso.size() - 1] = QLatin1Char('Z');

    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

QString toString(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace WebexTime
