#include "live/activityevent.h"

#include "live/activityids.h"
#include "live/eventframe.h"
#include "model/webextime.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

namespace {

// Reading one id field: absent is not the same as present and unusable.
enum class IdRead { Absent, Valid, Bad };

// An id from an activity: a uuid (written in lower case, without braces) or a REST id that
// ActivityIds::decode accepts, kept as it is (section 7.1).
IdRead readId(const QJsonObject &object, QLatin1String key, QString *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return IdRead::Absent;
    if (!value.isString())
        return IdRead::Bad;
    const QString text = value.toString();
    if (text.isEmpty())
        return IdRead::Absent;
    if (ActivityIds::isUuid(text)) {
        *out = ActivityIds::uuidOf(text);
        return IdRead::Valid;
    }
    if (ActivityIds::decode(text)) {
        *out = text;
        return IdRead::Valid;
    }
    return IdRead::Bad;
}

// A short string (a verb, a type name), or empty when absent, not a string or too long.
QString shortString(const QJsonObject &object, QLatin1String key, int maxLength)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return {};
    const QString text = value.toString();
    return text.size() <= maxLength ? text : QString();
}

// A name to show before the REST fetch: cut at maxLength, never in the middle of a pair.
QString cutName(const QJsonObject &object, QLatin1String key, int maxLength)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return {};
    QString text = value.toString();
    if (text.size() > maxLength) {
        qsizetype end = maxLength;
        if (text.at(end - 1).isHighSurrogate())
            --end;
        text.truncate(end);
    }
    return text;
}

QJsonObject objectAt(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isObject() ? value.toObject() : QJsonObject();
}

QJsonArray arrayAt(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isArray() ? value.toArray() : QJsonArray();
}

bool fail(QString *why, const char *reason)
{
    if (why)
        *why = QString::fromLatin1(reason);
    return false;
}

} // namespace

ActivityEvent::Kind ActivityEvent::kindOf(const QString &verb, const QString &parentType,
                                          const QString &objectType)
{
    // docs/LIVE-EVENTS.md, section 4.2. Edits are a post whose parent is the edited message;
    // replies are a post or share whose parent is the thread's root.
    if (verb == QLatin1String("post") || verb == QLatin1String("share")) {
        if (parentType == QLatin1String("edit"))
            return Kind::Edited;
        if (parentType == QLatin1String("reply"))
            return Kind::Replied;
        return Kind::Posted;
    }
    if (verb == QLatin1String("update"))
        return objectType == QLatin1String("content") ? Kind::ContentUpdated : Kind::SpaceChanged;
    if (verb == QLatin1String("assign") || verb == QLatin1String("unassign"))
        return Kind::SpaceChanged;
    if (verb == QLatin1String("delete") || verb == QLatin1String("tombstone"))
        return Kind::Deleted;
    if (verb == QLatin1String("acknowledge"))
        return Kind::Acknowledged;
    // "add" is also how a reaction arrives (object reaction2, parent.type reaction): only a
    // person added is a membership.
    if (verb == QLatin1String("add"))
        return objectType == QLatin1String("person") && parentType != QLatin1String("reaction")
                   ? Kind::Added
                   : Kind::Ignored;
    if (verb == QLatin1String("leave"))
        return objectType.isEmpty() || objectType == QLatin1String("person") ? Kind::Left
                                                                             : Kind::Ignored;
    if (verb == QLatin1String("create"))
        return Kind::Created;
    if (verb == QLatin1String("hide"))
        return Kind::Hidden;
    // cardAction, assignModerator, unassignModerator, lock, unlock, favorite, unfavorite,
    // schedule, and anything Webex adds later.
    return Kind::Ignored;
}

std::optional<ActivityEvent> ActivityEvent::fromJson(const QJsonObject &activity,
                                                     const QString &frameId, QString *why)
{
    ActivityEvent event;
    event.frameId = frameId;
    const QJsonValue verb = activity.value(QLatin1String("verb"));
    if (!verb.isString() || verb.toString().isEmpty()) {
        fail(why, "the activity has no verb");
        return std::nullopt;
    }
    if (verb.toString().size() > EventFrame::MaxVerbLength) {
        fail(why, "the activity's verb is too long");
        return std::nullopt;
    }
    event.verb = verb.toString();

    const QJsonObject parent = objectAt(activity, QLatin1String("parent"));
    const QJsonObject object = objectAt(activity, QLatin1String("object"));
    const QJsonObject target = objectAt(activity, QLatin1String("target"));
    const QJsonObject actor = objectAt(activity, QLatin1String("actor"));
    event.parentType = shortString(parent, QLatin1String("type"), EventFrame::MaxVerbLength);
    event.objectType = shortString(object, QLatin1String("objectType"), EventFrame::MaxVerbLength);
    event.kind = kindOf(event.verb, event.parentType, event.objectType);
    if (event.kind == Kind::Ignored)
        return event; // nothing of it is used: its fields are not checked

    // Every id that is there must be usable; which must be there depends on the kind.
    bool bad = false;
    const auto id = [&bad](const QJsonObject &from, const char *key, QString *out) {
        if (readId(from, QLatin1String(key), out) == IdRead::Bad)
            bad = true;
    };
    id(activity, "id", &event.activityUuid);
    id(parent, "id", &event.parentUuid);
    id(target, "id", &event.spaceUuid);
    id(object, "id", &event.objectUuid);
    // A person object (add, leave) names the person by entryUUID first, as the actor does.
    QString objectEntry;
    id(object, "entryUUID", &objectEntry);
    if (!objectEntry.isEmpty() && (event.kind == Kind::Added || event.kind == Kind::Left))
        event.objectUuid = objectEntry;
    id(actor, "entryUUID", &event.actorUuid);
    if (event.actorUuid.isEmpty())
        id(actor, "id", &event.actorUuid);
    if (bad) {
        fail(why, "an id of the activity is neither a uuid nor a Webex id");
        return std::nullopt;
    }
    if (event.kind == Kind::Created || event.kind == Kind::Hidden)
        event.spaceUuid = event.objectUuid; // the space is the object (section 4.2)

    const auto need = [&why](const QString &value, const char *reason) {
        return !value.isEmpty() || fail(why, reason);
    };
    bool complete = true;
    switch (event.kind) {
    case Kind::Posted:
        complete = need(event.activityUuid, "a post has no activity id") &&
                   need(event.spaceUuid, "a post has no target id");
        break;
    case Kind::Replied:
        complete = need(event.activityUuid, "a reply has no activity id") &&
                   need(event.parentUuid, "a reply has no parent id") &&
                   need(event.spaceUuid, "a reply has no target id");
        break;
    case Kind::Edited:
        complete = need(event.parentUuid, "an edit has no parent id") &&
                   need(event.spaceUuid, "an edit has no target id");
        break;
    case Kind::Deleted:
    case Kind::Acknowledged:
    case Kind::Added:
    case Kind::Left:
        complete = need(event.objectUuid, "the activity has no object id") &&
                   need(event.spaceUuid, "the activity has no target id");
        break;
    case Kind::Created:
    case Kind::Hidden:
        complete = need(event.objectUuid, "the activity has no object id");
        break;
    case Kind::SpaceChanged:
    case Kind::ContentUpdated:
        complete = need(event.spaceUuid, "the activity has no target id");
        break;
    case Kind::Ignored:
        break;
    }
    if (!complete)
        return std::nullopt;

    // Nice to have: a wrong type or form leaves the field empty.
    const QString email =
        shortString(actor, QLatin1String("emailAddress"), EventFrame::MaxEmailLength);
    event.actorEmail = email.contains(QLatin1Char('@')) ? email : QString();
    event.actorName = cutName(actor, QLatin1String("displayName"), EventFrame::MaxNameLength);
    const QString globalId =
        shortString(target, QLatin1String("globalId"), ActivityIds::MaxRestIdLength);
    const std::optional<ActivityIds::Decoded> room = ActivityIds::decode(globalId);
    if (room && room->type == ActivityIds::typeName(ActivityIds::Type::Room))
        event.spaceGlobalId = globalId;
    event.published = WebexTime::parse(shortString(activity, QLatin1String("published"), 64));

    const QJsonArray tags = arrayAt(target, QLatin1String("tags"));
    for (qsizetype i = 0; i < tags.size() && i < 64; ++i) {
        if (tags.at(i).toString() == QLatin1String("ONE_ON_ONE"))
            event.isDirect = true;
    }
    const QJsonArray mentions =
        arrayAt(objectAt(object, QLatin1String("mentions")), QLatin1String("items"));
    QSet<QString> seen;
    for (qsizetype i = 0; i < mentions.size() && i < EventFrame::MaxMentions; ++i) {
        QString mentioned;
        if (!mentions.at(i).isObject() ||
            readId(mentions.at(i).toObject(), QLatin1String("id"), &mentioned) != IdRead::Valid ||
            seen.contains(mentioned))
            continue;
        seen.insert(mentioned);
        event.mentionedUuids.append(mentioned);
    }
    event.hasFiles =
        event.verb == QLatin1String("share") ||
        !arrayAt(objectAt(object, QLatin1String("files")), QLatin1String("items")).isEmpty();
    return event;
}

namespace {

bool samePerson(const QString &a, const QString &b)
{
    const QString first = ActivityIds::uuidOf(a);
    return !first.isEmpty() && first.compare(ActivityIds::uuidOf(b), Qt::CaseInsensitive) == 0;
}

} // namespace

bool ActivityEvent::isBy(const QString &personUuid) const
{
    return samePerson(actorUuid, personUuid);
}

bool ActivityEvent::isAbout(const QString &personUuid) const
{
    return (kind == Kind::Added || kind == Kind::Left) && samePerson(objectUuid, personUuid);
}
