// Conversations in the Webex emulator, over real HTTP on loopback: mentions (the mentionedPeople
// filter, the seeded ones, those a client writes in markdown, @all), direct messages by person
// (toPersonId, toPersonEmail, messages/direct) and the people search behind them.
#include "emulatorreply.h"
#include "webexemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString percent(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

using EmulatorReply::Reply;

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(key("id")).toString());
    return ids;
}

QStringList mentionedPeople(const QJsonObject &message)
{
    QStringList ids;
    for (const QJsonValue &id : message.value(key("mentionedPeople")).toArray())
        ids.append(id.toString());
    return ids;
}

bool mentionsAll(const QJsonObject &message)
{
    return message.value(key("mentionedGroups")).toArray() == QJsonArray{key("all")};
}

} // namespace

class TestEmulatorConversations : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    Reply call(const QByteArray &verb, const QUrl &url, const QString &token,
               const QJsonObject &body = {})
    {
        const QNetworkRequest request = EmulatorReply::bearer(url, token);
        if (body.isEmpty())
            return EmulatorReply::send(m_nam, request, verb);
        return EmulatorReply::send(m_nam, request, verb, EmulatorReply::compact(body),
                                   EmulatorReply::JsonType);
    }

    Reply get(WebexEmulator &emulator, const QString &pathAndQuery, const QString &token)
    {
        return call("GET", QUrl(emulator.baseUrl().toString() + pathAndQuery), token);
    }

    Reply post(WebexEmulator &emulator, const QJsonObject &body, const QString &token)
    {
        return call("POST", QUrl(emulator.baseUrl().toString() + key("/messages")), token, body);
    }

    static void verifyWebexError(const Reply &reply, int status)
    {
        QCOMPARE(reply.status, status);
        const QJsonObject json = reply.json();
        QVERIFY(!json.value(key("message")).toString().isEmpty());
        QCOMPARE(json.value(key("errors")).toArray().size(), 1);
        QVERIFY(json.value(key("trackingId")).toString().startsWith(QLatin1String("ROUTER_")));
    }

    /// The busy seeded group spaces (every seventh space, as SeedData makes them), in seeding
    /// order.
    QStringList busyGroupRooms(WebexEmulator &emulator, const QString &token)
    {
        QStringList result;
        const QStringList rooms = emulator.roomIds();
        for (int i = 0; i < rooms.size(); i += 7) {
            const Reply room = get(emulator, key("/rooms/") + rooms.at(i), token);
            if (room.json().value(key("type")).toString() == QLatin1String("group"))
                result.append(rooms.at(i));
        }
        return result;
    }

    /// A group space the user can post in.
    QString writableGroupRoom(WebexEmulator &emulator, const QString &token)
    {
        for (const QJsonValue &value :
             get(emulator, key("/rooms?type=group&max=1000"), token).items()) {
            const QJsonObject room = value.toObject();
            if (!room.value(key("isReadOnly")).toBool() &&
                !room.value(key("isAnnouncementOnly")).toBool())
                return room.value(key("id")).toString();
        }
        return {};
    }

    /// A seeded person with no direct space with the user yet.
    static int personWithoutDirectSpace(const WebexEmulator &emulator)
    {
        for (int person = int(emulator.personIds().size()) - 1; person > 0; --person) {
            if (emulator.directRoomWith(person).isEmpty())
                return person;
        }
        return -1;
    }

private slots:
    void mentionedPeopleListsOnlyMentionsOfMe();
    void mentionedPeopleOfAnyoneElseIs400();
    void seededBusySpacesMentionTheUser();
    void colleagueMentionsEveryone();
    void markdownMentionsAreResolved();
    void toPersonEmailMakesTheDirectSpaceOnce();
    void toPersonIdUsesTheExistingDirectSpace();
    void directMessageTargetsMustBeExactlyOne();
    void unknownRecipientIs404();
    void messagesDirectListsTheOneOnOne();
    void peopleSearchMatchesTheStartOfAnyName();
};

void TestEmulatorConversations::mentionedPeopleListsOnlyMentionsOfMe()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString myId = emulator.personIds().at(0);
    const QString roomId = busyGroupRooms(emulator, token).value(0);
    QVERIFY(!roomId.isEmpty());
    const QStringList mentions = {emulator.colleagueMentionsUser(roomId, key("one")),
                                  emulator.colleagueMentionsUser(roomId, key("two")),
                                  emulator.colleagueMentionsUser(roomId, key("three"))};
    QVERIFY(!emulator.colleagueMentionsAll(roomId, key("everyone, not by name")).isEmpty());
    QVERIFY(!emulator.colleaguePosts(roomId, key("nobody")).isEmpty());

    // The whole history, newest first, keeping those that name me.
    QStringList expected;
    const QString all = key("/messages?max=1000&roomId=") + roomId;
    for (const QJsonValue &value : get(emulator, all, token).items()) {
        if (mentionedPeople(value.toObject()).contains(myId))
            expected.append(value.toObject().value(key("id")).toString());
    }
    QCOMPARE(expected.mid(0, 3), QStringList({mentions.at(2), mentions.at(1), mentions.at(0)}));
    QVERIFY(expected.size() >= 4); // and the seeded one

    const QString filtered = key("/messages?roomId=") + roomId + key("&mentionedPeople=");
    const Reply byMe = get(emulator, filtered + key("me"), token);
    QCOMPARE(byMe.status, 200);
    QCOMPARE(idsOf(byMe.items()), expected);
    QVERIFY(byMe.nextLink().isEmpty());
    // My own id means the same.
    QCOMPARE(idsOf(get(emulator, filtered + percent(myId), token).items()), expected);

    // Paging, as for the plain listing: pages of two, the cursor keeps the filter.
    QStringList paged;
    Reply page = get(emulator, filtered + key("me&max=2"), token);
    int pages = 0;
    while (true) {
        QCOMPARE(page.status, 200);
        QVERIFY(page.items().size() <= 2);
        paged += idsOf(page.items());
        ++pages;
        if (page.nextLink().isEmpty())
            break;
        page = call("GET", page.nextLink(), token);
    }
    QCOMPARE(paged, expected);
    QCOMPARE(pages, int(expected.size() + 1) / 2);

    // beforeMessage: only the older mentions.
    QCOMPARE(
        idsOf(get(emulator, filtered + key("me&beforeMessage=") + mentions.at(1), token).items()),
        expected.mid(2));
    // Webex: "Cannot exceed 100 if used with mentionedPeople".
    QCOMPARE(get(emulator, filtered + key("me&max=100"), token).status, 200);
    verifyWebexError(get(emulator, filtered + key("me&max=101"), token), 400);
}

void TestEmulatorConversations::mentionedPeopleOfAnyoneElseIs400()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = emulator.roomIds().first();
    const QString filtered = key("/messages?roomId=") + roomId + key("&mentionedPeople=");
    verifyWebexError(get(emulator, filtered + percent(emulator.personIds().at(1)), token), 400);
    verifyWebexError(
        get(emulator, filtered + key("me,") + percent(emulator.personIds().at(2)), token), 400);
    verifyWebexError(get(emulator, filtered, token), 400);
    // roomId stays required.
    verifyWebexError(get(emulator, key("/messages?mentionedPeople=me"), token), 400);
    // Another account's "me" is that person.
    const QString theirToken = emulator.issueAccessTokenFor(1);
    QCOMPARE(get(emulator, filtered + percent(emulator.personIds().at(1)), theirToken).status, 200);
    verifyWebexError(get(emulator, filtered + percent(emulator.personIds().at(0)), theirToken),
                     400);
}

void TestEmulatorConversations::seededBusySpacesMentionTheUser()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString myId = emulator.personIds().at(0);
    const QStringList busy = busyGroupRooms(emulator, token);
    QVERIFY(busy.size() >= 10);
    QStringList everyoneMentioned;
    for (const QString &roomId : busy) {
        const QJsonArray newest =
            get(emulator, key("/messages?max=15&roomId=") + roomId, token).items();
        QCOMPARE(newest.size(), 15);
        int mentionsOfMe = 0;
        for (const QJsonValue &value : newest) {
            const QJsonObject message = value.toObject();
            const QString id = message.value(key("id")).toString();
            if (mentionsAll(message)) {
                everyoneMentioned.append(roomId);
                QVERIFY(message.value(key("markdown")).toString().startsWith(key("<@all> ")));
                QVERIFY(message.value(key("html"))
                            .toString()
                            .startsWith(key("<p><spark-mention data-object-type=\"groupMention\" "
                                            "data-group-type=\"all\">All</spark-mention> ")));
                QVERIFY(message.value(key("personId")).toString() != myId);
                QVERIFY(emulator.mentionsAll(id));
            }
            if (!message.contains(key("mentionedPeople")))
                continue;
            ++mentionsOfMe;
            // As colleagueMentionsUser writes it.
            QCOMPARE(mentionedPeople(message), QStringList{myId});
            QCOMPARE(emulator.mentionedPeopleOf(id), QStringList{myId});
            QVERIFY(message.value(key("personId")).toString() != myId);
            QVERIFY(message.value(key("text"))
                        .toString()
                        .startsWith(emulator.userDisplayName() + QLatin1Char(' ')));
            QVERIFY(message.value(key("markdown"))
                        .toString()
                        .startsWith(QStringLiteral("<@personId:%1|%2> ")
                                        .arg(myId, emulator.userDisplayName())));
            QVERIFY(message.value(key("html"))
                        .toString()
                        .startsWith(QStringLiteral("<p><spark-mention data-object-type=\"person\" "
                                                   "data-object-id=\"%1\">")
                                        .arg(myId)));
        }
        QCOMPARE(mentionsOfMe, 1);
    }
    // Everyone is mentioned in one space: the first busy group space.
    QCOMPARE(everyoneMentioned, QStringList{busy.first()});

    // The same messages for the same seed.
    WebexEmulator again;
    QVERIFY(again.listen());
    const QString path = key("/messages?mentionedPeople=me&roomId=") + busy.at(3);
    QCOMPARE(idsOf(get(again, path, again.issueAccessToken()).items()),
             idsOf(get(emulator, path, token).items()));
}

void TestEmulatorConversations::colleagueMentionsEveryone()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = busyGroupRooms(emulator, token).value(1);
    const QString id = emulator.colleagueMentionsAll(roomId, key("lunch <now>?"));
    QVERIFY(!id.isEmpty());
    QVERIFY(emulator.mentionsAll(id));
    QVERIFY(emulator.mentionedPeopleOf(id).isEmpty());
    const QJsonObject message = get(emulator, key("/messages/") + id, token).json();
    QVERIFY(mentionsAll(message));
    QVERIFY(!message.contains(key("mentionedPeople")));
    QCOMPARE(message.value(key("text")).toString(), key("All lunch <now>?"));
    QCOMPARE(message.value(key("markdown")).toString(), key("<@all> lunch <now>?"));
    QCOMPARE(message.value(key("html")).toString(),
             key("<p><spark-mention data-object-type=\"groupMention\" data-group-type=\"all\">"
                 "All</spark-mention> lunch &lt;now&gt;?</p>"));
    // mentionedPeople=me lists mentions by name only (the emulator's choice; Webex does not
    // document whether it lists those of everyone).
    QVERIFY(
        !idsOf(get(emulator, key("/messages?mentionedPeople=me&roomId=") + roomId, token).items())
             .contains(id));
    // A message that mentions no group has no mentionedGroups.
    const QString plain = emulator.colleaguePosts(roomId, key("plain"));
    QVERIFY(
        !get(emulator, key("/messages/") + plain, token).json().contains(key("mentionedGroups")));
    QVERIFY(!emulator.mentionsAll(plain));
    QVERIFY(!emulator.mentionsAll(key("unknown")));
    QVERIFY(emulator.mentionedPeopleOf(key("unknown")).isEmpty());
    QVERIFY(emulator.colleagueMentionsAll(key("unknown"), key("x")).isEmpty());
}

void TestEmulatorConversations::markdownMentionsAreResolved()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = writableGroupRoom(emulator, token);
    QVERIFY(!roomId.isEmpty());
    const QStringList people = emulator.personIds();
    const QString email = emulator.personEmail(5).toUpper(); // addresses match in any case
    const QString markdown =
        QStringLiteral("**Hi** <@personEmail:%1|Ada> and <@personId:%2|Bo & co>, <@all>; "
                       "<@personEmail:nobody@example.org|Ghost> <@personId:%3>")
            .arg(email, people.at(7), people.at(0));
    const Reply reply =
        post(emulator, {{key("roomId"), roomId}, {key("markdown"), markdown}}, token);
    QCOMPARE(reply.status, 200);
    const QJsonObject message = reply.json();
    const QString id = message.value(key("id")).toString();
    QCOMPARE(mentionedPeople(message), QStringList({people.at(5), people.at(7), people.at(0)}));
    QVERIFY(mentionsAll(message));
    QCOMPARE(message.value(key("markdown")).toString(), markdown);
    // The names where the tags were (the user's own name when the tag gives none); an address
    // nobody has stays as written.
    QCOMPARE(message.value(key("text")).toString(),
             QStringLiteral("Hi Ada and Bo & co, All; <@personEmail:nobody@example.org|Ghost> %1")
                 .arg(emulator.userDisplayName()));
    QCOMPARE(message.value(key("html")).toString(),
             QStringLiteral("<p>**Hi** "
                            "<spark-mention data-object-type=\"person\" data-object-id=\"%1\">Ada"
                            "</spark-mention> and "
                            "<spark-mention data-object-type=\"person\" data-object-id=\"%2\">"
                            "Bo &amp; co</spark-mention>, "
                            "<spark-mention data-object-type=\"groupMention\" "
                            "data-group-type=\"all\">All</spark-mention>; "
                            "&lt;@personEmail:nobody@example.org|Ghost&gt; "
                            "<spark-mention data-object-type=\"person\" data-object-id=\"%3\">"
                            "%4</spark-mention></p>")
                 .arg(people.at(5), people.at(7), people.at(0),
                      emulator.userDisplayName().toHtmlEscaped()));
    QCOMPARE(emulator.mentionedPeopleOf(id),
             QStringList({people.at(5), people.at(7), people.at(0)}));
    QVERIFY(emulator.mentionsAll(id));
    // It mentions the user: mentionedPeople=me lists it first.
    QCOMPARE(
        idsOf(get(emulator, key("/messages?mentionedPeople=me&roomId=") + roomId, token).items())
            .value(0),
        id);

    // A text sent beside the markdown is kept; plain text is never read for mentions.
    const Reply both =
        post(emulator,
             {{key("roomId"), roomId},
              {key("text"), key("for text-only clients")},
              {key("markdown"), QStringLiteral("<@personId:%1|X>").arg(people.at(9))}},
             token);
    QCOMPARE(both.json().value(key("text")).toString(), key("for text-only clients"));
    QCOMPARE(mentionedPeople(both.json()), QStringList{people.at(9)});
    const Reply text = post(emulator,
                            {{key("roomId"), roomId},
                             {key("text"), QStringLiteral("<@personId:%1|X>").arg(people.at(9))}},
                            token);
    QVERIFY(!text.json().contains(key("mentionedPeople")));

    // An edit's mentions are those of its new markdown.
    const Reply edited = call("PUT", QUrl(emulator.baseUrl().toString() + key("/messages/") + id),
                              token, {{key("roomId"), roomId}, {key("markdown"), key("no one")}});
    QCOMPARE(edited.status, 200);
    QVERIFY(!edited.json().contains(key("mentionedPeople")));
    QVERIFY(!edited.json().contains(key("mentionedGroups")));
    QVERIFY(emulator.mentionedPeopleOf(id).isEmpty());
}

void TestEmulatorConversations::toPersonEmailMakesTheDirectSpaceOnce()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const int person = personWithoutDirectSpace(emulator);
    QVERIFY(person > 0);
    const int rooms = emulator.roomCount();

    const Reply first = post(
        emulator, {{key("toPersonEmail"), emulator.personEmail(person)}, {key("text"), key("Hi")}},
        token);
    QCOMPARE(first.status, 200);
    const QString roomId = first.json().value(key("roomId")).toString();
    QCOMPARE(first.json().value(key("roomType")).toString(), key("direct"));
    QCOMPARE(first.json().value(key("personEmail")).toString(), emulator.userEmail());
    QCOMPARE(emulator.directRoomWith(person), roomId);
    QCOMPARE(emulator.roomCount(), rooms + 1);

    // Titled with the other person's name, as the user sees a direct space; the two of them.
    const QJsonObject room = get(emulator, key("/rooms/") + roomId, token).json();
    QCOMPARE(room.value(key("type")).toString(), key("direct"));
    QCOMPARE(room.value(key("title")).toString(), emulator.personDisplayName(person));
    QCOMPARE(room.value(key("creatorId")).toString(), emulator.personIds().at(0));
    QStringList members;
    for (const QJsonValue &m : get(emulator, key("/memberships?roomId=") + roomId, token).items())
        members.append(m.toObject().value(key("personId")).toString());
    QCOMPARE(members, QStringList({emulator.personIds().at(0), emulator.personIds().at(person)}));
    // The newest space in the user's list.
    QCOMPARE(idsOf(get(emulator, key("/rooms?sortBy=lastactivity&max=1"), token).items()),
             QStringList{roomId});

    // The second message goes to the same space.
    const Reply second = post(
        emulator,
        {{key("toPersonEmail"), emulator.personEmail(person)}, {key("markdown"), key("*again*")}},
        token);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(key("roomId")).toString(), roomId);
    QCOMPARE(emulator.roomCount(), rooms + 1);
    QCOMPARE(emulator.messageCount(roomId), 2);
    // And a reply in it by roomId, as to any space.
    const Reply reply = post(emulator,
                             {{key("roomId"), roomId},
                              {key("parentId"), first.json().value(key("id"))},
                              {key("text"), key("threaded")}},
                             token);
    QCOMPARE(reply.status, 200);
}

void TestEmulatorConversations::toPersonIdUsesTheExistingDirectSpace()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString existing =
        idsOf(get(emulator, key("/rooms?type=direct&max=1"), token).items()).value(0);
    QVERIFY(!existing.isEmpty());
    int person = -1;
    for (int i = 1; i < emulator.personIds().size() && person < 0; ++i) {
        if (emulator.directRoomWith(i) == existing)
            person = i;
    }
    QVERIFY(person > 0);
    const int rooms = emulator.roomCount();
    const int before = emulator.messageCount(existing);
    const Reply reply = post(
        emulator, {{key("toPersonId"), emulator.personIds().at(person)}, {key("text"), key("Yo")}},
        token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(key("roomId")).toString(), existing);
    QCOMPARE(reply.json().value(key("roomType")).toString(), key("direct"));
    QCOMPARE(emulator.roomCount(), rooms);
    QCOMPARE(emulator.messageCount(existing), before + 1);

    // A person with no direct space yet, by id.
    const int newcomer = personWithoutDirectSpace(emulator);
    const Reply created =
        post(emulator,
             {{key("toPersonId"), emulator.personIds().at(newcomer)}, {key("text"), key("Hello")}},
             token);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(key("roomId")).toString(), emulator.directRoomWith(newcomer));
    QCOMPARE(emulator.roomCount(), rooms + 1);
}

void TestEmulatorConversations::directMessageTargetsMustBeExactlyOne()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = emulator.roomIds().first();
    const QString email = emulator.personEmail(3);
    const QString id = emulator.personIds().at(3);
    const int rooms = emulator.roomCount();
    verifyWebexError(
        post(emulator,
             {{key("roomId"), roomId}, {key("toPersonEmail"), email}, {key("text"), key("x")}},
             token),
        400);
    verifyWebexError(
        post(emulator, {{key("roomId"), roomId}, {key("toPersonId"), id}, {key("text"), key("x")}},
             token),
        400);
    verifyWebexError(
        post(emulator,
             {{key("toPersonId"), id}, {key("toPersonEmail"), email}, {key("text"), key("x")}},
             token),
        400);
    verifyWebexError(post(emulator, {{key("text"), key("to no one")}}, token), 400);
    // Not to oneself; nor with no text; nor a reply in a space that does not exist yet.
    verifyWebexError(post(emulator,
                          {{key("toPersonEmail"), emulator.userEmail()}, {key("text"), key("me")}},
                          token),
                     400);
    const int newcomer = personWithoutDirectSpace(emulator);
    const QString newcomerEmail = emulator.personEmail(newcomer);
    verifyWebexError(post(emulator, {{key("toPersonEmail"), newcomerEmail}}, token), 400);
    verifyWebexError(post(emulator,
                          {{key("toPersonEmail"), newcomerEmail},
                           {key("parentId"), key("nothing")},
                           {key("text"), key("x")}},
                          token),
                     400);
    // None of them made a space.
    QCOMPARE(emulator.roomCount(), rooms);
    QVERIFY(emulator.directRoomWith(newcomer).isEmpty());
}

void TestEmulatorConversations::unknownRecipientIs404()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const int rooms = emulator.roomCount();
    verifyWebexError(
        post(emulator,
             {{key("toPersonEmail"), key("nobody@nowhere.example")}, {key("text"), key("Hello?")}},
             token),
        404);
    verifyWebexError(post(emulator,
                          {{key("toPersonId"), key("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub2JvZHk")},
                           {key("text"), key("Hello?")}},
                          token),
                     404);
    QCOMPARE(emulator.roomCount(), rooms);
}

void TestEmulatorConversations::messagesDirectListsTheOneOnOne()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const int person = personWithoutDirectSpace(emulator);
    const QString email = emulator.personEmail(person);
    const QString byEmail = key("/messages/direct?personEmail=") + percent(email);

    // No direct space yet: nothing to list.
    const Reply none = get(emulator, byEmail, token);
    QCOMPARE(none.status, 200);
    QVERIFY(none.json().value(key("items")).isArray());
    QVERIFY(none.items().isEmpty());

    QStringList sent;
    for (const char *text : {"one", "two", "three"}) {
        const Reply reply =
            post(emulator, {{key("toPersonEmail"), email}, {key("text"), key(text)}}, token);
        QCOMPARE(reply.status, 200);
        sent.prepend(reply.json().value(key("id")).toString());
    }
    const QString roomId = emulator.directRoomWith(person);
    const QString colleague = emulator.colleaguePosts(roomId, key("four"));
    QVERIFY(!colleague.isEmpty());
    sent.prepend(colleague);

    const Reply listed = get(emulator, byEmail, token);
    QCOMPARE(listed.status, 200);
    QCOMPARE(idsOf(listed.items()), sent); // newest first
    for (const QJsonValue &item : listed.items())
        QCOMPARE(item.toObject().value(key("roomType")).toString(), key("direct"));
    QCOMPARE(listed.items().at(0).toObject().value(key("personEmail")).toString(), email);
    QCOMPARE(idsOf(get(emulator,
                       key("/messages/direct?personId=") + percent(emulator.personIds().at(person)),
                       token)
                       .items()),
             sent);
    QCOMPARE(idsOf(get(emulator, byEmail + key("&max=2"), token).items()), sent.mid(0, 2));
    QCOMPARE(emulator.requestCount(key("/v1/messages/direct")), 4);

    verifyWebexError(get(emulator, byEmail + key("&max=0"), token), 400);
    verifyWebexError(get(emulator, key("/messages/direct"), token), 400);
    verifyWebexError(
        get(emulator, key("/messages/direct?personEmail=nobody%40nowhere.example"), token), 404);
    // Only GET.
    verifyWebexError(
        call("DELETE", QUrl(emulator.baseUrl().toString() + key("/messages/direct")), token), 404);
}

void TestEmulatorConversations::peopleSearchMatchesTheStartOfAnyName()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    // Someone whose last name starts with "Kow" (the seeded names are the same for every run).
    int kowalski = -1;
    for (int i = 1; i < emulator.personIds().size() && kowalski < 0; ++i) {
        if (emulator.personDisplayName(i).contains(key(" Kow")))
            kowalski = i;
    }
    QVERIFY(kowalski > 0);
    const int countBefore = emulator.requestCount(key("/v1/people"));

    const auto search = [&](const QString &query) {
        QStringList ids;
        for (const QJsonValue &person :
             get(emulator, key("/people?max=1000&displayName=") + percent(query), token).items())
            ids.append(person.toObject().value(key("id")).toString());
        return ids;
    };
    const QStringList found = search(key("kow"));
    QVERIFY(found.contains(emulator.personIds().at(kowalski)));
    QCOMPARE(search(key("KOWAL")), found); // in any case
    // Everyone found has a name, or a word in it, that starts so.
    static const QRegularExpression wordStart(QStringLiteral("(^|\\s)kow"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (const QString &id : found) {
        const int index = int(emulator.personIds().indexOf(id));
        QVERIFY2(wordStart.match(emulator.personDisplayName(index)).hasMatch(),
                 qPrintable(emulator.personDisplayName(index)));
    }
    // The first name and the start of the last, as a person types them.
    const QString name = emulator.personDisplayName(kowalski);
    QVERIFY(search(name.left(name.indexOf(key(" Kow")) + 4))
                .contains(emulator.personIds().at(kowalski)));
    // Not inside a word.
    QVERIFY(!search(key("owalski")).contains(emulator.personIds().at(kowalski)));

    // max is honoured, the rest comes by the next link.
    const Reply page = get(emulator, key("/people?max=1&displayName=a"), token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.items().size(), 1);
    QVERIFY(!page.nextLink().isEmpty());
    const Reply next = call("GET", page.nextLink(), token);
    QCOMPARE(next.items().size(), 1);
    QVERIFY(idsOf(next.items()) != idsOf(page.items()));
    QCOMPARE(emulator.requestCount(key("/v1/people")), countBefore + 6);
}

QTEST_GUILESS_MAIN(TestEmulatorConversations)
#include "tst_emulator_conversations.moc"
