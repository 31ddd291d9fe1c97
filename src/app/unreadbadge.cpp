#include "unreadbadge.h"

#include <QLocale>

QString UnreadBadge::text(int unread)
{
    if (unread > MaxShownCount)
        return tr("%1+", "more unread messages than a badge shows")
            .arg(QLocale().toString(MaxShownCount));
    return QLocale().toString(unread);
}
