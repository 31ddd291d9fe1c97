#include "model/team.h"

#include "model/displaytext.h"
#include "model/jsonfields.h"
#include "model/webextime.h"

#include <QCoreApplication>
#include <QJsonObject>

std::optional<Team> Team::fromJson(const QJsonObject &o, QString *error)
{
    using namespace JsonFields;

    Team t;
    t.id = string(o, QLatin1String("id"));
    if (t.id.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Team", "A team without an id was received.");
        return std::nullopt;
    }
    t.name = DisplayText::singleLine(string(o, QLatin1String("name"))); // a filter entry, a row
    t.description = string(o, QLatin1String("description"));
    t.created = WebexTime::parse(string(o, QLatin1String("created")));

    if (error)
        error->clear();
    return t;
}

QString Team::shownName() const
{
    return DisplayText::singleLine(name, QCoreApplication::translate("Team", "Unnamed team"));
}
