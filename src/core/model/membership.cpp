#include "model/membership.h"

#include "model/displaytext.h"
#include "model/jsonfields.h"

#include <QCoreApplication>
#include <QJsonObject>

std::optional<Membership> Membership::fromJson(const QJsonObject &o, QString *error)
{
    using namespace JsonFields;

    Membership m;
    m.id = string(o, QLatin1String("id"));
    m.personId = string(o, QLatin1String("personId"));
    if (m.id.isEmpty() || m.personId.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Membership",
                                                 "A membership without an id or a person was "
                                                 "received.");
        return std::nullopt;
    }
    m.roomId = string(o, QLatin1String("roomId"));
    // Both are shown in a list and written into a mention: one line each.
    m.personEmail = DisplayText::singleLine(string(o, QLatin1String("personEmail")));
    m.personDisplayName = DisplayText::singleLine(string(o, QLatin1String("personDisplayName")));
    m.isModerator = boolean(o, QLatin1String("isModerator"));
    m.isMonitor = boolean(o, QLatin1String("isMonitor"));
    if (error)
        error->clear();
    return m;
}
