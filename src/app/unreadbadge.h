#pragma once

#include <QCoreApplication>
#include <QString>

// How an unread count is written where there is little room (the list's badge, the tray
// icon): the number up to MaxShownCount, then "99+".
class UnreadBadge
{
    Q_DECLARE_TR_FUNCTIONS(UnreadBadge)

public:
    static constexpr int MaxShownCount = 99;

    [[nodiscard]] static QString text(int unread);
};
