#include "relativetime.h"

QString RelativeTime::format(const QDateTime &then, const QDateTime &now, const QLocale &locale)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = then.secsTo(now);
    // A clock a little ahead of Webex's makes fresh messages look slightly "future": still now.
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    // Calendar days, in the person's time zone: "yesterday" at 00:30 means the day before.
    const QDate day = then.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    const qint64 days = day.daysTo(today);
    if (days == 0)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    if (days == 1)
        return tr("yesterday");
    if (days < 7)
        return locale.dayName(day.dayOfWeek(), QLocale::LongFormat);
    if (day.year() == today.year())
        return locale.toString(day, tr("d MMM", "date format within the current year"));
    return locale.toString(day, QLocale::ShortFormat);
}
