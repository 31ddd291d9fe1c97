#pragma once

#include <QDateTime>
#include <QString>

// Webex timestamps: "2016-04-21T19:12:48.920Z", sometimes without the milliseconds. A namespace,
// not a class: there is no state, just the one wire format in both directions.
namespace WebexTime {

// Returns a UTC QDateTime, or an invalid one for anything that is not an ISO 8601 date and time.
// A missing zone designator is read as UTC (Webex always means UTC); an explicit offset is
// converted to UTC.
[[nodiscard]] QDateTime parse(const QString &text);

// The wire form with milliseconds, e.g. for "before=" query parameters.
[[nodiscard]] QString toString(const QDateTime &time);

} // namespace WebexTime
