#include "model/room.h"

#include "logging.h"
#include "model/displaytext.h"
#include "model/jsonfields.h"
#include "model/webextime.h"

#include <QCoreApplication>
#include <QJsonObject>

std::optional<Room> Room::fromJson(const QJsonObject &o, QString *error)
{
    using namespace JsonFields;

    Room r;
    r.id = string(o, QLatin1String("id"));
    if (r.id.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Room", "A space without an id was received.");
        return std::nullopt;
    }
    // Shown in one line everywhere (the list, the header, sentences): cleaned once, here,
    // before the list folds it for search.
    r.title = DisplayText::singleLine(string(o, QLatin1String("title")));
    r.teamId = string(o, QLatin1String("teamId"));
    r.creatorId = string(o, QLatin1String("creatorId"));
    r.ownerId = string(o, QLatin1String("ownerId"));
    r.description = string(o, QLatin1String("description"));

    const QString type = string(o, QLatin1String("type"));
    if (type.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0) {
        r.kind = Kind::Direct;
    } else {
        // "group", and anything Webex adds later, is shown as a group space.
        r.kind = Kind::Group;
        if (type.compare(QLatin1String("group"), Qt::CaseInsensitive) != 0)
            qCDebug(lcModel) << "Unknown room type" << type << "read as group for" << r.id;
    }

    r.isLocked = boolean(o, QLatin1String("isLocked"));
    r.isPublic = boolean(o, QLatin1String("isPublic"));
    r.isReadOnly = boolean(o, QLatin1String("isReadOnly"));
    r.isAnnouncementOnly = boolean(o, QLatin1String("isAnnouncementOnly"));
    r.lastActivity = WebexTime::parse(string(o, QLatin1String("lastActivity")));
    r.created = WebexTime::parse(string(o, QLatin1String("created")));

    if (error)
        error->clear();
    return r;
}
