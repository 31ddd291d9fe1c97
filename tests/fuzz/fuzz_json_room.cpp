// One space of GET rooms, as JSON: Room::fromJson.

#include "jsonmodel.h"

#include "model/room.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    const std::optional<Room> room = Fuzz::checkedFromJson<Room>(document.object());
    if (!room)
        return 0;
    Fuzz::checkUtc(room->lastActivity);
    Fuzz::checkUtc(room->created);
    // "direct" (any case) is a one-to-one space; everything else a group.
    const bool direct = document.object()
                            .value(QLatin1String("type"))
                            .toString()
                            .compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0;
    FUZZ_CHECK((room->kind == Room::Kind::Direct) == direct, room->id);
    return 0;
}
