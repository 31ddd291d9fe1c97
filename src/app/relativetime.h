#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

// "just now", "5 min ago", "3 h ago", "yesterday", a weekday within the week, then a date.
// Times in lists are read at a glance: "5 min ago" says more than "14:05" until it gets old,
// and then a date says more than "312 h ago". `now` is a parameter so tests need no clock.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    [[nodiscard]] static QString format(const QDateTime &then, const QDateTime &now,
                                        const QLocale &locale = QLocale());
    [[nodiscard]] static QString format(const QDateTime &then)
    {
        return format(then, QDateTime::currentDateTimeUtc());
    }
};
