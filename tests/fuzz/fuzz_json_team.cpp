// One team of GET teams, as JSON: Team::fromJson.

#include "jsonmodel.h"

#include "model/team.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    const std::optional<Team> team = Fuzz::checkedFromJson<Team>(document.object());
    if (team)
        Fuzz::checkUtc(team->created);
    return 0;
}
