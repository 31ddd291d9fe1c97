// One frame from the live socket: EventFrame::parse (and ActivityEvent, ActivityIds under it).
// Whatever the bytes, the result keeps the promises LiveSocket and the app rely on: bounded
// strings, ids that are a uuid or a REST id, the ids each kind needs, and a reason for a refusal.

#include "fuzzcheck.h"

#include "live/activityids.h"
#include "live/eventframe.h"

#include <QSet>

namespace {

// An id field: empty, a uuid written the one way, or a REST id that decodes.
bool isIdOrEmpty(const QString &id)
{
    if (id.isEmpty())
        return true;
    if (ActivityIds::isUuid(id))
        return id == ActivityIds::uuidOf(id); // lower case, no braces
    return ActivityIds::decode(id).has_value();
}

void checkActivity(const ActivityEvent &event, const QString &shown)
{
    using Kind = ActivityEvent::Kind;
    FUZZ_CHECK(!event.verb.isEmpty() && event.verb.size() <= EventFrame::MaxVerbLength, shown);
    FUZZ_CHECK(event.kind == ActivityEvent::kindOf(event.verb, event.parentType, event.objectType),
               shown);
    if (event.kind == Kind::Ignored)
        return; // nothing else of it is read
    for (const QString &id :
         {event.activityUuid, event.parentUuid, event.objectUuid, event.actorUuid, event.spaceUuid})
        FUZZ_CHECK(isIdOrEmpty(id), shown);
    // What each kind needs to be acted on is there.
    switch (event.kind) {
    case Kind::Posted:
        FUZZ_CHECK(!event.activityUuid.isEmpty() && !event.spaceUuid.isEmpty(), shown);
        break;
    case Kind::Replied:
        FUZZ_CHECK(!event.activityUuid.isEmpty() && !event.parentUuid.isEmpty() &&
                       !event.spaceUuid.isEmpty(),
                   shown);
        break;
    case Kind::Edited:
        FUZZ_CHECK(!event.parentUuid.isEmpty() && !event.spaceUuid.isEmpty(), shown);
        break;
    case Kind::Deleted:
    case Kind::Acknowledged:
    case Kind::Added:
    case Kind::Left:
        FUZZ_CHECK(!event.objectUuid.isEmpty() && !event.spaceUuid.isEmpty(), shown);
        break;
    case Kind::Created:
    case Kind::Hidden:
        FUZZ_CHECK(!event.objectUuid.isEmpty() && event.spaceUuid == event.objectUuid, shown);
        break;
    case Kind::SpaceChanged:
    case Kind::ContentUpdated:
        FUZZ_CHECK(!event.spaceUuid.isEmpty(), shown);
        break;
    case Kind::Ignored:
        break;
    }
    // Shown before the REST fetch: bounded, never half a surrogate pair at the cut.
    FUZZ_CHECK(event.actorName.size() <= EventFrame::MaxNameLength, shown);
    FUZZ_CHECK(event.actorName.isEmpty() || !event.actorName.back().isHighSurrogate(), shown);
    FUZZ_CHECK(event.actorEmail.size() <= EventFrame::MaxEmailLength, shown);
    FUZZ_CHECK(event.parentType.size() <= EventFrame::MaxVerbLength, shown);
    FUZZ_CHECK(event.objectType.size() <= EventFrame::MaxVerbLength, shown);
    if (!event.spaceGlobalId.isEmpty()) {
        const std::optional<ActivityIds::Decoded> room = ActivityIds::decode(event.spaceGlobalId);
        FUZZ_CHECK(room && room->type == QLatin1String("ROOM"), shown);
    }
    FUZZ_CHECK(!event.published.isValid() || event.published.timeSpec() == Qt::UTC, shown);
    FUZZ_CHECK(event.mentionedUuids.size() <= EventFrame::MaxMentions, shown);
    const QSet<QString> unique(event.mentionedUuids.cbegin(), event.mentionedUuids.cend());
    FUZZ_CHECK(unique.size() == event.mentionedUuids.size(), shown);
    for (const QString &mentioned : event.mentionedUuids)
        FUZZ_CHECK(!mentioned.isEmpty() && isIdOrEmpty(mentioned), shown);
    // The message id the app would fetch is a REST id naming the same uuid.
    if (event.kind == Kind::Posted) {
        const QString cluster = ActivityIds::clusterOf(event.spaceGlobalId, event.spaceUuid);
        const QString restId =
            ActivityIds::toRestId(ActivityIds::Type::Message, event.activityUuid, cluster);
        FUZZ_CHECK(!restId.isEmpty(), shown);
        FUZZ_CHECK(ActivityIds::uuidOf(restId) == ActivityIds::uuidOf(event.activityUuid), shown);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = Fuzz::bytes(data, size);
    const EventFrame frame = EventFrame::parse(bytes);
    const QString shown = QString::fromLatin1(bytes.left(200).toBase64());

    FUZZ_CHECK(frame.id.size() <= EventFrame::MaxIdLength, shown);
    FUZZ_CHECK(!frame.sequenceNumber || (*frame.sequenceNumber >= 0 &&
                                         *frame.sequenceNumber <= EventFrame::MaxSequenceNumber),
               shown);
    FUZZ_CHECK(frame.eventType.size() <= EventFrame::MaxEventTypeLength, shown);
    if (bytes.size() > EventFrame::MaxBytes)
        FUZZ_CHECK(frame.type == EventFrame::Type::Invalid && frame.id.isEmpty(), shown);
    switch (frame.type) {
    case EventFrame::Type::Invalid:
        FUZZ_CHECK(!frame.why.isEmpty(), shown);
        break;
    case EventFrame::Type::Pong:
        FUZZ_CHECK(frame.hasId(), shown); // a pong answers a ping by its id
        break;
    case EventFrame::Type::Readiness:
        FUZZ_CHECK(frame.eventType.startsWith(QLatin1String("mercury.")), shown);
        break;
    case EventFrame::Type::Activity:
        FUZZ_CHECK(frame.activity.frameId == frame.id, shown);
        checkActivity(frame.activity, shown);
        break;
    case EventFrame::Type::Shutdown:
    case EventFrame::Type::Other:
        break;
    }
    // The same bytes, the same answer.
    const EventFrame again = EventFrame::parse(bytes);
    FUZZ_CHECK(again.type == frame.type && again.id == frame.id, shown);
    return 0;
}
