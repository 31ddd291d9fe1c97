#include "activityfeed.h"

#include "seeddata.h"
#include "webexids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString freshUuid()
{
    return WebexIds::uuid(*QRandomGenerator::global());
}

QString now()
{
    return WebexIds::timestamp(QDateTime::currentDateTimeUtc());
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QJsonObject ActivityFeed::person(int index) const
{
    const SeedData::Person &p = m_data.people().at(index);
    return QJsonObject{{key("id"), p.uuid},
                       {key("objectType"), key("person")},
                       {key("entryUUID"), p.uuid},
                       {key("emailAddress"), p.email},
                       {key("displayName"), p.displayName},
                       {key("orgId"), m_data.orgUuid()}};
}

QJsonObject ActivityFeed::conversation(int room) const
{
    const SeedData::Room &r = m_data.rooms().at(room);
    QJsonArray tags;
    if (r.direct)
        tags.append(key("ONE_ON_ONE"));
    if (r.isLocked)
        tags.append(key("LOCKED"));
    return QJsonObject{
        {key("id"), r.uuid},
        {key("objectType"), key("conversation")},
        {key("url"), m_origin + QStringLiteral("/conversation/api/v1/conversations/") + r.uuid},
        {key("tags"), tags},
        {key("globalId"), r.id},
    };
}

QString ActivityFeed::encryptionKeyUrl(int room) const
{
    return QStringLiteral("kms://kms-emulator.invalid/keys/") + m_data.rooms().at(room).uuid;
}

QString ActivityFeed::ciphertext(int room) const
{
    QRandomGenerator *rng = QRandomGenerator::global();
    const QByteArray header = QByteArrayLiteral("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"") +
                              encryptionKeyUrl(room).toLatin1() + QByteArrayLiteral("\"}");
    const auto random = [rng](int bytes) {
        QByteArray out(bytes, Qt::Uninitialized);
        for (char &c : out)
            c = char(rng->bounded(256));
        return out;
    };
    // header..iv.ciphertext.tag, as a direct-key JWE in compact form.
    return base64Url(header) + QStringLiteral("..") + base64Url(random(12)) + QLatin1Char('.') +
           base64Url(random(24)) + QLatin1Char('.') + base64Url(random(16));
}

QJsonObject ActivityFeed::comment(int room) const
{
    return QJsonObject{{key("objectType"), key("comment")}, {key("displayName"), ciphertext(room)}};
}

QJsonObject ActivityFeed::content(int room, int message) const
{
    const SeedData::Message &m = m_data.messages(room).at(message);
    QJsonArray items;
    bool images = true;
    for (int index : m.files) {
        const SeedData::Content &c = m_data.contents().at(index);
        images = images && c.type.startsWith("image/");
        items.append(QJsonObject{{key("objectType"), key("file")},
                                 {key("displayName"), ciphertext(room)},
                                 {key("fileSize"), double(c.bytes.size())},
                                 {key("mimeType"), QString::fromLatin1(c.type)},
                                 {key("scr"), ciphertext(room)}});
    }
    // The SDK's categories: "images" when every file is one, else "documents" (videos aside).
    QJsonObject object{{key("objectType"), key("content")},
                       {key("contentCategory"), images ? key("images") : key("documents")},
                       {key("files"), QJsonObject{{key("items"), items}}}};
    if (!m.text.isEmpty())
        object.insert(key("displayName"), ciphertext(room));
    return object;
}

QJsonObject ActivityFeed::activity(const QString &id, const QString &verb, int actor,
                                   const QString &published) const
{
    return QJsonObject{
        {key("id"), id},
        {key("objectType"), key("activity")},
        {key("verb"), verb},
        {key("url"), m_origin + QStringLiteral("/conversation/api/v1/activities/") + id},
        {key("published"), published},
        {key("actor"), person(actor)},
    };
}

void ActivityFeed::publish(QList<int> people, const QJsonObject &activity)
{
    if (m_sink)
        m_sink(people, activity);
}

void ActivityFeed::posted(int room, int message)
{
    const SeedData::Message &m = m_data.messages(room).at(message);
    const bool share = !m.files.isEmpty();
    QJsonObject a = activity(m.uuid, share ? key("share") : key("post"), m.person,
                             WebexIds::timestamp(m.created));
    QJsonObject object = share ? content(room, message) : comment(room);
    if (!m.mentioned.isEmpty()) {
        // Who is mentioned travels in the clear (uuids), beside the encrypted text.
        QJsonArray items;
        for (int person : m.mentioned)
            items.append(QJsonObject{{key("id"), m_data.people().at(person).uuid},
                                     {key("objectType"), key("person")}});
        object.insert(key("mentions"), QJsonObject{{key("items"), items}});
    }
    if (m.mentionsAll) {
        // Not verified: the shape the conversation service gives a mention of everyone.
        const QJsonObject everyone{{key("groupType"), key("all")},
                                   {key("objectType"), key("groupMention")}};
        object.insert(key("groupMentions"), QJsonObject{{key("items"), QJsonArray{everyone}}});
    }
    a.insert(key("object"), object);
    a.insert(key("target"), conversation(room));
    a.insert(key("clientTempId"), QStringLiteral("tmp-") + freshUuid());
    a.insert(key("encryptionKeyUrl"), encryptionKeyUrl(room));
    if (m.parent >= 0) {
        const SeedData::Message &root = m_data.messages(room).at(m.parent);
        a.insert(key("parent"), QJsonObject{{key("id"), root.uuid}, {key("type"), key("reply")}});
    }
    publish(m_data.members(room), a);
}

void ActivityFeed::edited(int room, int message)
{
    const SeedData::Message &m = m_data.messages(room).at(message);
    QJsonObject a = activity(freshUuid(), key("post"), m.person, WebexIds::timestamp(m.updated));
    a.insert(key("object"), comment(room));
    a.insert(key("target"), conversation(room));
    a.insert(key("clientTempId"), QStringLiteral("tmp-") + freshUuid());
    a.insert(key("encryptionKeyUrl"), encryptionKeyUrl(room));
    a.insert(key("parent"), QJsonObject{{key("id"), m.uuid}, {key("type"), key("edit")}});
    publish(m_data.members(room), a);
}

void ActivityFeed::deleted(int room, int message, int actor)
{
    const SeedData::Message &m = m_data.messages(room).at(message);
    QJsonObject a = activity(freshUuid(), key("delete"), actor, now());
    a.insert(key("object"), QJsonObject{{key("id"), m.uuid}, {key("objectType"), key("activity")}});
    a.insert(key("target"), conversation(room));
    publish(m_data.members(room), a);
}

void ActivityFeed::acknowledged(int room, int message, int actor)
{
    const SeedData::Message &m = m_data.messages(room).at(message);
    QJsonObject a = activity(freshUuid(), key("acknowledge"), actor, now());
    a.insert(key("object"), QJsonObject{{key("id"), m.uuid}, {key("objectType"), key("activity")}});
    a.insert(key("target"), conversation(room));
    publish(m_data.members(room), a);
}

void ActivityFeed::added(int room, int who, int actor)
{
    QJsonObject a = activity(freshUuid(), key("add"), actor, now());
    a.insert(key("object"), person(who));
    a.insert(key("target"), conversation(room));
    publish(m_data.members(room), a);
}

void ActivityFeed::left(int room, int who, int actor)
{
    QJsonObject a = activity(freshUuid(), key("leave"), actor, now());
    a.insert(key("object"), person(who));
    a.insert(key("target"), conversation(room));
    QList<int> people = m_data.members(room);
    if (!people.contains(who))
        people.append(who);
    publish(people, a);
}

void ActivityFeed::created(int room, int actor)
{
    QJsonArray participants;
    for (int member : m_data.members(room))
        participants.append(person(member));
    QJsonObject space = conversation(room);
    space.insert(key("participants"), QJsonObject{{key("items"), participants}});
    QJsonObject a = activity(freshUuid(), key("create"), actor, now());
    a.insert(key("object"), space);
    publish(m_data.members(room), a);
}
