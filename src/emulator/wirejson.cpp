#include "wirejson.h"

#include "webexids.h"

#include <QJsonArray>

QString WireJson::avatarPath(const SeedData::Person &person)
{
    return QStringLiteral("/avatars/%1~1600").arg(person.id);
}

QJsonObject WireJson::person(const SeedData &data, int index, const QString &origin)
{
    const SeedData::Person &p = data.people().at(index);
    QJsonObject o{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("emails"), QJsonArray{p.email}},
        {QStringLiteral("displayName"), p.displayName},
        {QStringLiteral("orgId"), data.orgId()},
        {QStringLiteral("created"), WebexIds::timestamp(p.created)},
        {QStringLiteral("lastModified"), WebexIds::timestamp(p.lastModified)},
        {QStringLiteral("type"), p.type},
        // Strings, not booleans: that is how the wire document describes it.
        {QStringLiteral("invitePending"), QStringLiteral("false")},
        {QStringLiteral("loginEnabled"), p.type == QLatin1String("person")},
    };
    QJsonArray phones;
    if (!p.phone.isEmpty()) {
        phones.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("work")},
                                  {QStringLiteral("value"), p.phone},
                                  {QStringLiteral("primary"), true}});
    }
    o.insert(QStringLiteral("phoneNumbers"), phones);
    if (!p.firstName.isEmpty())
        o.insert(QStringLiteral("firstName"), p.firstName);
    if (!p.lastName.isEmpty())
        o.insert(QStringLiteral("lastName"), p.lastName);
    if (!p.nickName.isEmpty())
        o.insert(QStringLiteral("nickName"), p.nickName);
    if (p.hasAvatar)
        o.insert(QStringLiteral("avatar"), origin + avatarPath(p));
    if (p.lastActivity.isValid())
        o.insert(QStringLiteral("lastActivity"), WebexIds::timestamp(p.lastActivity));
    if (!p.status.isEmpty())
        o.insert(QStringLiteral("status"), p.status);
    if (!p.timezone.isEmpty())
        o.insert(QStringLiteral("timezone"), p.timezone);
    return o;
}

QJsonObject WireJson::room(const SeedData &data, int index)
{
    const SeedData::Room &r = data.rooms().at(index);
    QJsonObject o{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("title"), r.title},
        {QStringLiteral("type"), r.direct ? QStringLiteral("direct") : QStringLiteral("group")},
        {QStringLiteral("isLocked"), r.isLocked},
        {QStringLiteral("lastActivity"), WebexIds::timestamp(r.lastActivity)},
        {QStringLiteral("creatorId"), data.people().at(r.creator).id},
        {QStringLiteral("created"), WebexIds::timestamp(r.created)},
        {QStringLiteral("ownerId"), data.orgId()},
        {QStringLiteral("isPublic"), r.isPublic},
        {QStringLiteral("isReadOnly"), r.isReadOnly},
    };
    if (r.team >= 0)
        o.insert(QStringLiteral("teamId"), data.teams().at(r.team).id);
    if (r.announcementOnly >= 0)
        o.insert(QStringLiteral("isAnnouncementOnly"), r.announcementOnly == 1);
    if (!r.description.isEmpty())
        o.insert(QStringLiteral("description"), r.description);
    return o;
}

QJsonObject WireJson::team(const SeedData &data, int index)
{
    const SeedData::Team &t = data.teams().at(index);
    QJsonObject o{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("creatorId"), data.people().at(t.creator).id},
        {QStringLiteral("created"), WebexIds::timestamp(t.created)},
    };
    if (!t.description.isEmpty())
        o.insert(QStringLiteral("description"), t.description);
    return o;
}

QJsonObject WireJson::message(SeedData &data, int room, int index, const QString &origin)
{
    const SeedData::Room &r = data.rooms().at(room);
    const SeedData::Message &m = data.messages(room).at(index);
    const SeedData::Person &p = data.people().at(m.person);
    QJsonObject o{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("roomId"), r.id},
        {QStringLiteral("roomType"), r.direct ? QStringLiteral("direct") : QStringLiteral("group")},
        {QStringLiteral("text"), m.text},
        {QStringLiteral("personId"), p.id},
        {QStringLiteral("personEmail"), p.email},
        {QStringLiteral("created"), WebexIds::timestamp(m.created)},
    };
    if (!m.markdown.isEmpty())
        o.insert(QStringLiteral("markdown"), m.markdown);
    if (!m.html.isEmpty())
        o.insert(QStringLiteral("html"), m.html);
    if (m.parent >= 0)
        o.insert(QStringLiteral("parentId"), data.messages(room).at(m.parent).id);
    if (m.updated.isValid())
        o.insert(QStringLiteral("updated"), WebexIds::timestamp(m.updated));
    if (!m.mentioned.isEmpty()) {
        QJsonArray people;
        for (int person : m.mentioned)
            people.append(data.people().at(person).id);
        o.insert(QStringLiteral("mentionedPeople"), people);
    }
    if (m.mentionsAll) // the only group Webex mentions; absent when no group is mentioned
        o.insert(QStringLiteral("mentionedGroups"), QJsonArray{QStringLiteral("all")});
    if (!m.files.isEmpty()) {
        // Absent, not empty, on a message without files (as Webex).
        QJsonArray files;
        for (int content : m.files)
            files.append(origin + QStringLiteral("/v1/contents/") + data.contents().at(content).id);
        o.insert(QStringLiteral("files"), files);
    }
    return o;
}

QJsonObject WireJson::membership(const SeedData &data, int room, int person)
{
    const SeedData::Room &r = data.rooms().at(room);
    const SeedData::Person &p = data.people().at(person);
    // Webex membership ids encode person and room together.
    const QString uuid = p.uuid + QLatin1Char(':') + r.uuid;
    return QJsonObject{
        {QStringLiteral("id"), WebexIds::encode(QStringLiteral("MEMBERSHIP"), uuid)},
        {QStringLiteral("roomId"), r.id},
        {QStringLiteral("personId"), p.id},
        {QStringLiteral("personEmail"), p.email},
        {QStringLiteral("personDisplayName"), p.displayName},
        {QStringLiteral("personOrgId"), data.orgId()},
        {QStringLiteral("isModerator"), r.isLocked && person == r.creator},
        {QStringLiteral("isMonitor"), false},
        {QStringLiteral("isRoomHidden"), false},
        {QStringLiteral("roomType"), r.direct ? QStringLiteral("direct") : QStringLiteral("group")},
        {QStringLiteral("created"), WebexIds::timestamp(r.created)},
    };
}
