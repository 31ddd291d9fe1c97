#include "restapi.h"

#include "activityfeed.h"
#include "hostilecontent.h"
#include "pagecursor.h"
#include "seeddata.h"
#include "webexids.h"
#include "wirejson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <limits>

namespace {

constexpr int kMaxPeopleIds = 85;
constexpr int kMaxMessageBytes = 7439;

const QString kNotFound = QStringLiteral("The requested resource could not be found.");

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// people?displayName=: Webex documents "starts with"; that it also finds people by the start of
// their last name (as its clients' search does) is not verified. The emulator matches the start
// of the whole name or of any word in it, in any case ("kow" finds "Emily Kowalski", so does
// "emily k").
bool nameMatches(QStringView displayName, QStringView query)
{
    if (displayName.startsWith(query, Qt::CaseInsensitive))
        return true;
    for (qsizetype space = displayName.indexOf(QLatin1Char(' ')); space >= 0;
         space = displayName.indexOf(QLatin1Char(' '), space + 1)) {
        if (displayName.mid(space + 1).startsWith(query, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

RestApi::RestApi(SeedData &data, ActivityFeed &feed) : m_data(data), m_feed(feed) {}

EmulatorResponse RestApi::badRequest(const EmulatorRequest &request, const QString &message) const
{
    return EmulatorResponse::webexError(400, message, request.trackingId);
}

EmulatorResponse RestApi::notFound(const EmulatorRequest &request, const QString &message) const
{
    return EmulatorResponse::webexError(404, message, request.trackingId);
}

EmulatorResponse RestApi::handle(const EmulatorRequest &request)
{
    const QStringList parts = request.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // parts[0] == "v1"
    if (parts.size() < 2 || parts.size() > 3)
        return notFound(request, kNotFound);
    const QString &resource = parts.at(1);
    const QString item = parts.size() == 3 ? parts.at(2) : QString();
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";

    const auto methodNotAllowed = [&request] {
        return EmulatorResponse::webexError(
            405, QStringLiteral("The HTTP method is not supported for this resource."),
            request.trackingId);
    };

    if (resource == QLatin1String("people")) {
        if (!get)
            return methodNotAllowed();
        if (item == QLatin1String("me"))
            return me(request);
        return item.isEmpty() ? listPeople(request) : getPerson(request, item);
    }
    if (resource == QLatin1String("rooms")) {
        if (item.isEmpty() && post)
            return createRoom(request);
        if (!get)
            return methodNotAllowed();
        return item.isEmpty() ? listRooms(request) : getRoom(request, item);
    }
    if (resource == QLatin1String("teams")) {
        if (!get)
            return methodNotAllowed();
        return item.isEmpty() ? listTeams(request) : getTeam(request, item);
    }
    if (resource == QLatin1String("messages")) {
        if (item.isEmpty() && post)
            return createMessage(request);
        if (!item.isEmpty() && request.method == "PUT")
            return editMessage(request, item);
        if (!item.isEmpty() && request.method == "DELETE")
            return deleteMessage(request, item);
        if (!get)
            return methodNotAllowed();
        if (item == QLatin1String("direct"))
            return listDirectMessages(request);
        return item.isEmpty() ? listMessages(request) : getMessage(request, item);
    }
    if (resource == QLatin1String("memberships") && item.isEmpty()) {
        if (post)
            return createMembership(request);
        if (!get)
            return methodNotAllowed();
        return listMemberships(request);
    }
    if (resource == QLatin1String("memberships") && request.method == "DELETE")
        return deleteMembership(request, item);
    return notFound(request, kNotFound);
}

bool RestApi::pagingState(const EmulatorRequest &request, int defaultMax, const QJsonObject &fresh,
                          QJsonObject *state, int *max, EmulatorResponse *error) const
{
    if (request.hasQuery(key("cursor"))) {
        if (!PageCursor::decode(request.queryValue(key("cursor")), state)) {
            *error = badRequest(request, QStringLiteral("Invalid cursor."));
            return false;
        }
    } else {
        *state = fresh;
        state->insert(key("o"), 0);
    }
    *max = state->value(key("m")).toInt(defaultMax);
    if (!maxParameter(request, max, error))
        return false;
    state->insert(key("m"), *max);
    return true;
}

bool RestApi::maxParameter(const EmulatorRequest &request, int *max, EmulatorResponse *error) const
{
    if (!request.hasQuery(key("max")))
        return true;
    bool ok = false;
    *max = request.queryValue(key("max")).toInt(&ok);
    if (!ok || *max < 1 || *max > 1000) {
        *error = badRequest(request, QStringLiteral("max must be an integer between 1 and 1000."));
        return false;
    }
    return true;
}

EmulatorResponse RestApi::page(const QJsonArray &items, const QString &path, int max,
                               const QJsonObject &state, bool hasMore) const
{
    EmulatorResponse response = EmulatorResponse::json(200, QJsonObject{{key("items"), items}});
    if (hasMore)
        response.setHeader("Link", PageCursor::nextLink(m_origin, path, max, state));
    return response;
}

void RestApi::setMyDisplayNameBytes(qint64 bytes)
{
    // Built once: tens of megabytes are not rebuilt for every answer.
    m_myHostileDisplayName = bytes > 0 ? HostileContent::displayName(bytes) : QString();
}

QJsonObject RestApi::person(int index) const
{
    QJsonObject o = WireJson::person(m_data, index, m_origin);
    if (index == SeedData::me() && !m_myHostileDisplayName.isEmpty())
        o.insert(key("displayName"), m_myHostileDisplayName);
    return o;
}

EmulatorResponse RestApi::me(const EmulatorRequest &request)
{
    // Whoever the token belongs to. (Spaces and messages stay those of the seeded user.)
    const QJsonObject me = person(request.person);
    return EmulatorResponse::json(200,
                                  m_profileWrongTypes ? HostileContent::withWrongTypes(me) : me);
}

EmulatorResponse RestApi::getPerson(const EmulatorRequest &request, const QString &id)
{
    const int index = m_data.personIndex(id);
    if (index < 0)
        return notFound(request, QStringLiteral("Person not found."));
    return EmulatorResponse::json(200, person(index));
}

EmulatorResponse RestApi::listPeople(const EmulatorRequest &request)
{
    if (request.hasQuery(key("id"))) {
        const QStringList ids =
            request.queryValue(key("id")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (ids.size() > kMaxPeopleIds) {
            return badRequest(
                request,
                QStringLiteral("The id parameter can list at most %1 ids.").arg(kMaxPeopleIds));
        }
        QJsonArray items;
        QJsonArray notFoundIds;
        for (const QString &id : ids) {
            const int index = m_data.personIndex(id.trimmed());
            if (index >= 0)
                items.append(person(index));
            else
                notFoundIds.append(id.trimmed());
        }
        QJsonObject body{{key("items"), items}};
        if (!notFoundIds.isEmpty())
            body.insert(key("notFoundIds"), notFoundIds);
        return EmulatorResponse::json(200, body);
    }
    if (request.hasQuery(key("email"))) {
        const int index = m_data.personByEmail(request.queryValue(key("email")));
        QJsonArray items;
        if (index >= 0)
            items.append(person(index));
        return EmulatorResponse::json(200, QJsonObject{{key("items"), items}});
    }
    if (!request.hasQuery(key("displayName")) && !request.hasQuery(key("cursor"))) {
        return badRequest(
            request, QStringLiteral("One of the parameters id, email or displayName is required."));
    }
    QJsonObject state;
    int max = 0;
    EmulatorResponse error;
    if (!pagingState(request, 100, {{key("n"), request.queryValue(key("displayName"))}}, &state,
                     &max, &error))
        return error;
    const QString name = state.value(key("n")).toString();
    const int offset = state.value(key("o")).toInt();
    QJsonArray items;
    int matched = 0;
    bool hasMore = false;
    for (int i = 0; i < m_data.people().size(); ++i) {
        if (!nameMatches(m_data.people().at(i).displayName, name))
            continue;
        if (matched++ < offset)
            continue;
        if (items.size() == max) {
            hasMore = true;
            break;
        }
        items.append(person(i));
    }
    state.insert(key("o"), offset + max);
    return page(items, QStringLiteral("/v1/people"), max, state, hasMore);
}

EmulatorResponse RestApi::getRoom(const EmulatorRequest &request, const QString &id)
{
    const int index = m_data.roomIndex(id);
    if (index < 0 || m_data.userLeft(index))
        return notFound(request, QStringLiteral("Room not found."));
    return EmulatorResponse::json(200, WireJson::room(m_data, index));
}

EmulatorResponse RestApi::listRooms(const EmulatorRequest &request)
{
    QJsonObject fresh;
    if (!request.hasQuery(key("cursor"))) {
        const QString sortBy = request.queryValue(key("sortBy"));
        if (!sortBy.isEmpty() && sortBy != QLatin1String("id") &&
            sortBy != QLatin1String("lastactivity") && sortBy != QLatin1String("created"))
            return badRequest(request,
                              QStringLiteral("sortBy must be one of id, lastactivity, created."));
        const QString type = request.queryValue(key("type"));
        if (!type.isEmpty() && type != QLatin1String("direct") && type != QLatin1String("group"))
            return badRequest(request, QStringLiteral("type must be direct or group."));
        const QString teamId = request.queryValue(key("teamId"));
        if (!teamId.isEmpty() && m_data.teamIndex(teamId) < 0)
            return notFound(request, QStringLiteral("Team not found."));
        fresh = {{key("s"), sortBy}, {key("t"), type}, {key("team"), teamId}};
    }
    QJsonObject state;
    int max = 0;
    EmulatorResponse error;
    if (!pagingState(request, 100, fresh, &state, &max, &error))
        return error;
    if (m_endlessRoomPageSize > 0)
        max = m_endlessRoomPageSize;

    const QString sortBy = state.value(key("s")).toString();
    const QString type = state.value(key("t")).toString();
    const int team = m_data.teamIndex(state.value(key("team")).toString());
    const bool byTeam = !state.value(key("team")).toString().isEmpty();
    const auto &rooms = m_data.rooms();

    QList<int> selected;
    selected.reserve(rooms.size());
    for (int i = 0; i < rooms.size(); ++i) {
        const SeedData::Room &r = rooms.at(i);
        if (m_data.userLeft(i))
            continue;
        if (type == QLatin1String("direct") && !r.direct)
            continue;
        if (type == QLatin1String("group") && r.direct)
            continue;
        if (byTeam && r.team != team)
            continue;
        selected.append(i);
    }
    // Ties broken by id so every page boundary is stable.
    if (sortBy == QLatin1String("lastactivity")) {
        std::sort(selected.begin(), selected.end(), [&rooms](int a, int b) {
            const auto &ra = rooms.at(a);
            const auto &rb = rooms.at(b);
            return ra.lastActivity != rb.lastActivity ? ra.lastActivity > rb.lastActivity
                                                      : ra.id < rb.id;
        });
    } else if (sortBy == QLatin1String("id")) {
        std::sort(selected.begin(), selected.end(),
                  [&rooms](int a, int b) { return rooms.at(a).id < rooms.at(b).id; });
    } else {
        // Default and "created": newest space first.
        std::sort(selected.begin(), selected.end(), [&rooms](int a, int b) {
            const auto &ra = rooms.at(a);
            const auto &rb = rooms.at(b);
            return ra.created != rb.created ? ra.created > rb.created : ra.id < rb.id;
        });
    }

    const int offset = std::max(state.value(key("o")).toInt(), 0);
    QJsonArray items;
    const int end = std::min(int(selected.size()), offset + max);
    for (int i = offset; i < end; ++i)
        items.append(WireJson::room(m_data, selected.at(i)));
    if (m_endlessRoomPageSize > 0) {
        // Past the last space the offset keeps growing, so every next link is a new URL: a
        // client that only watches for a repeated link never stops.
        state.insert(key("o"), offset + max);
        return page(items, QStringLiteral("/v1/rooms"), max, state, true);
    }
    state.insert(key("o"), end);
    return page(items, QStringLiteral("/v1/rooms"), max, state, end < selected.size());
}

EmulatorResponse RestApi::getTeam(const EmulatorRequest &request, const QString &id)
{
    const int index = m_data.teamIndex(id);
    if (index < 0)
        return notFound(request, QStringLiteral("Team not found."));
    return EmulatorResponse::json(200, WireJson::team(m_data, index));
}

EmulatorResponse RestApi::listTeams(const EmulatorRequest &request)
{
    QJsonObject state;
    int max = 0;
    EmulatorResponse error;
    if (!pagingState(request, 100, {}, &state, &max, &error))
        return error;
    const int offset = std::max(state.value(key("o")).toInt(), 0);
    const int end = std::min(int(m_data.teams().size()), offset + max);
    QJsonArray items;
    for (int i = offset; i < end; ++i)
        items.append(WireJson::team(m_data, i));
    state.insert(key("o"), end);
    return page(items, QStringLiteral("/v1/teams"), max, state, end < m_data.teams().size());
}

EmulatorResponse RestApi::getMessage(const EmulatorRequest &request, const QString &id)
{
    const auto [room, index] = m_data.findMessage(id);
    if (room < 0 || m_data.userLeft(room))
        return notFound(request, QStringLiteral("Message not found."));
    return EmulatorResponse::json(200, WireJson::message(m_data, room, index, m_origin));
}

EmulatorResponse RestApi::listMessages(const EmulatorRequest &request)
{
    QJsonObject fresh;
    if (!request.hasQuery(key("cursor"))) {
        const QString roomId = request.queryValue(key("roomId"));
        if (roomId.isEmpty())
            return badRequest(request, QStringLiteral("roomId is required."));
        const int room = m_data.roomIndex(roomId);
        if (room < 0 || m_data.userLeft(room))
            return notFound(request,
                            QStringLiteral("Could not find a room with the given roomId."));
        const auto &messages = m_data.messages(room);
        int before = int(messages.size());
        if (request.hasQuery(key("beforeMessage"))) {
            before = m_data.messageIndex(room, request.queryValue(key("beforeMessage")));
            if (before < 0)
                return badRequest(request,
                                  QStringLiteral("beforeMessage is not a message of this room."));
        } else if (request.hasQuery(key("before"))) {
            const QDateTime time =
                QDateTime::fromString(request.queryValue(key("before")), Qt::ISODateWithMs);
            if (!time.isValid())
                return badRequest(request, QStringLiteral("before must be an ISO 8601 time."));
            const auto it = std::lower_bound(
                messages.cbegin(), messages.cend(), time,
                [](const SeedData::Message &m, const QDateTime &t) { return m.created < t; });
            before = int(it - messages.cbegin());
        }
        QString parentId = request.queryValue(key("parentId"));
        if (!parentId.isEmpty() && m_data.messageIndex(room, parentId) < 0)
            return badRequest(request, QStringLiteral("parentId is not a message of this room."));
        int mentioned = -1;
        EmulatorResponse error;
        if (!mentionedPeopleFilter(request, &mentioned, &error))
            return error;
        fresh = {
            {key("r"), roomId}, {key("b"), before}, {key("p"), parentId}, {key("who"), mentioned}};
    }
    QJsonObject state;
    int max = 0;
    EmulatorResponse error;
    if (!pagingState(request, 50, fresh, &state, &max, &error))
        return error;
    const int mentioned = state.value(key("who")).toInt(-1);
    if (mentioned >= 0 && max > 100) {
        // As Webex documents it: "Cannot exceed 100 if used with mentionedPeople".
        return badRequest(request,
                          QStringLiteral("max cannot exceed 100 when mentionedPeople is given."));
    }
    const int room = m_data.roomIndex(state.value(key("r")).toString());
    if (room < 0)
        return badRequest(request, QStringLiteral("Invalid cursor."));
    const auto &messages = m_data.messages(room);
    const QString parentId = state.value(key("p")).toString();
    const int parent = parentId.isEmpty() ? -1 : m_data.messageIndex(room, parentId);

    // Newest first, walking down from the (exclusive) "before" position; the cursor keeps
    // a position in the room's history, so new messages do not shift later pages.
    QJsonArray items;
    int last = -1;
    bool hasMore = false;
    for (int i = std::min(state.value(key("b")).toInt(), int(messages.size())) - 1; i >= 0; --i) {
        const SeedData::Message &m = messages.at(i);
        if (m.deleted || (parent >= 0 && m.parent != parent) ||
            (mentioned >= 0 && !m.mentioned.contains(mentioned)))
            continue;
        if (items.size() == max) {
            hasMore = true;
            break;
        }
        items.append(WireJson::message(m_data, room, i, m_origin));
        last = i;
    }
    state.insert(key("b"), last);
    return page(items, QStringLiteral("/v1/messages"), max, state, hasMore);
}

bool RestApi::mentionedPeopleFilter(const EmulatorRequest &request, int *person,
                                    EmulatorResponse *error) const
{
    *person = -1;
    if (!request.hasQuery(key("mentionedPeople")))
        return true;
    // Webex: "Only me or the person ID of the current user may be specified." Its wording of the
    // 400 for anyone else is not known here; this one is the emulator's.
    const QString myId = m_data.people().at(request.person).id;
    const QStringList people =
        request.queryValue(key("mentionedPeople")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool onlyMe = !people.isEmpty() &&
                        std::all_of(people.cbegin(), people.cend(), [&myId](const QString &who) {
                            return who.trimmed() == key("me") || who.trimmed() == myId;
                        });
    if (!onlyMe) {
        *error = badRequest(
            request, QStringLiteral("mentionedPeople can only be me or your own person id."));
        return false;
    }
    // Messages that name the caller. Whether Webex also lists those that mention everyone
    // (<@all>) is not documented; the emulator leaves them out: "mentioned" means by name here.
    *person = request.person;
    return true;
}

EmulatorResponse RestApi::listDirectMessages(const EmulatorRequest &request)
{
    const bool byId = request.hasQuery(key("personId"));
    const bool byEmail = request.hasQuery(key("personEmail"));
    if (byId == byEmail)
        return badRequest(request, QStringLiteral("Give one of personId and personEmail."));
    const int person = byId ? m_data.personIndex(request.queryValue(key("personId")))
                            : m_data.personByEmail(request.queryValue(key("personEmail")));
    if (person < 0) // (Webex's status and wording here are not verified.)
        return notFound(request, QStringLiteral("Could not find a person with the given id or "
                                                "email."));
    int max = std::numeric_limits<int>::max(); // one page, all of it, unless max= says less
    EmulatorResponse error;
    if (!maxParameter(request, &max, &error))
        return error;
    const int room = m_data.directRoomWith(person);
    QJsonArray items;
    if (room < 0) // no direct space yet: no messages
        return EmulatorResponse::json(200, QJsonObject{{key("items"), items}});
    const auto &messages = m_data.messages(room);
    const QString parentId = request.queryValue(key("parentId"));
    const int parent = parentId.isEmpty() ? -1 : m_data.messageIndex(room, parentId);
    if (!parentId.isEmpty() && parent < 0)
        return badRequest(request, QStringLiteral("parentId is not a message of this space."));
    for (int i = int(messages.size()) - 1; i >= 0 && items.size() < max; --i) {
        if (messages.at(i).deleted || (parent >= 0 && messages.at(i).parent != parent))
            continue;
        items.append(WireJson::message(m_data, room, i, m_origin));
    }
    return EmulatorResponse::json(200, QJsonObject{{key("items"), items}});
}

bool RestApi::jsonBody(const EmulatorRequest &request, QJsonObject *body,
                       EmulatorResponse *error) const
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = badRequest(request, QStringLiteral("The request body is not a JSON object."));
        return false;
    }
    *body = document.object();
    return true;
}

bool RestApi::messageContent(const EmulatorRequest &request, bool withFile, const QString &text,
                             const QString &markdown, MentionMarkup::Content *content,
                             EmulatorResponse *error) const
{
    if (text.isEmpty() && markdown.isEmpty() && !withFile) {
        *error = badRequest(request, QStringLiteral("A message needs text or markdown."));
        return false;
    }
    if (text.toUtf8().size() > kMaxMessageBytes || markdown.toUtf8().size() > kMaxMessageBytes) {
        *error = badRequest(
            request, QStringLiteral("The message is longer than %1 bytes.").arg(kMaxMessageBytes));
        return false;
    }
    *content = {};
    content->text = text;
    if (!markdown.isEmpty()) {
        // Mentions are written in the markdown only; a text sent beside it is kept as sent.
        *content = MentionMarkup::fromMarkdown(m_data, markdown);
        if (!text.isEmpty())
            content->text = text;
    }
    return true;
}

EmulatorResponse RestApi::createMessage(const EmulatorRequest &request)
{
    if (MultipartForm::isFormData(request.contentType))
        return createMessageFromForm(request);
    QJsonObject body;
    EmulatorResponse error;
    if (!jsonBody(request, &body, &error))
        return error;
    NewMessage message;
    message.roomId = body.value(key("roomId")).toString();
    message.toPersonId = body.value(key("toPersonId")).toString();
    message.toPersonEmail = body.value(key("toPersonEmail")).toString();
    message.text = body.value(key("text")).toString();
    message.markdown = body.value(key("markdown")).toString();
    message.parentId = body.value(key("parentId")).toString();
    return postMessage(request, message);
}

EmulatorResponse RestApi::createMessageFromForm(const EmulatorRequest &request)
{
    QString why;
    const auto parts =
        MultipartForm::parse(request.body, MultipartForm::boundaryOf(request.contentType), &why);
    if (!parts)
        return badRequest(request, why);
    NewMessage message;
    QStringList seen;
    for (const MultipartForm::Part &part : *parts) {
        if (part.name == QLatin1String("files")) {
            // Webex takes one file per message. (Its wording for more is not known here.)
            if (message.file)
                return badRequest(request, QStringLiteral("A message can carry only one file."));
            // Webex also takes a URL it fetches itself; the emulator fetches nothing.
            if (!part.fileName)
                return badRequest(request, QStringLiteral("files must be an uploaded file."));
            if (part.fileName->isEmpty())
                return badRequest(request, QStringLiteral("The file has no name."));
            message.file = part;
            continue;
        }
        if (part.fileName) {
            return badRequest(
                request,
                QStringLiteral("Only the files field can carry a file, not %1.").arg(part.name));
        }
        QString *field = part.name == QLatin1String("roomId")          ? &message.roomId
                         : part.name == QLatin1String("toPersonId")    ? &message.toPersonId
                         : part.name == QLatin1String("toPersonEmail") ? &message.toPersonEmail
                         : part.name == QLatin1String("text")          ? &message.text
                         : part.name == QLatin1String("markdown")      ? &message.markdown
                         : part.name == QLatin1String("parentId")      ? &message.parentId
                                                                       : nullptr;
        if (!field)
            continue; // as in a JSON body, fields the emulator does not know are ignored
        if (seen.contains(part.name))
            return badRequest(request, QStringLiteral("%1 is given twice.").arg(part.name));
        seen.append(part.name);
        *field = QString::fromUtf8(part.body);
    }
    if (message.file && message.file->body.size() > m_uploadLimitBytes) {
        // The wording is the emulator's; the status is what clients act on.
        return EmulatorResponse::webexError(
            413,
            QStringLiteral("The file is larger than %1 bytes, the most a message can carry.")
                .arg(m_uploadLimitBytes),
            request.trackingId);
    }
    return postMessage(request, message);
}

bool RestApi::messageTarget(const EmulatorRequest &request, const NewMessage &message, int *room,
                            int *recipient, EmulatorResponse *error) const
{
    const int targets = int(!message.roomId.isEmpty()) + int(!message.toPersonId.isEmpty()) +
                        int(!message.toPersonEmail.isEmpty());
    if (targets != 1) {
        // (Webex's wording is not known here.)
        *error =
            badRequest(request, targets == 0 ? QStringLiteral("roomId is required.")
                                             : QStringLiteral("Give only one of roomId, "
                                                              "toPersonId and toPersonEmail."));
        return false;
    }
    *recipient = -1;
    if (!message.roomId.isEmpty()) {
        *room = m_data.roomIndex(message.roomId);
        if (*room < 0 || m_data.userLeft(*room)) {
            *error =
                notFound(request, QStringLiteral("Could not find a room with the given roomId."));
            return false;
        }
        return true;
    }
    *recipient = message.toPersonId.isEmpty() ? m_data.personByEmail(message.toPersonEmail)
                                              : m_data.personIndex(message.toPersonId);
    if (*recipient < 0) {
        // 404 as for an unknown room; Webex's status and wording here are not verified.
        *error = notFound(request, message.toPersonId.isEmpty()
                                       ? QStringLiteral("Could not find a person with the given "
                                                        "email.")
                                       : QStringLiteral("Could not find a person with the given "
                                                        "id."));
        return false;
    }
    if (*recipient == SeedData::me()) {
        *error = badRequest(request, QStringLiteral("A direct message needs another person."));
        return false;
    }
    *room = m_data.directRoomWith(*recipient);
    return true;
}

EmulatorResponse RestApi::postMessage(const EmulatorRequest &request, const NewMessage &message)
{
    int room = -1;
    int recipient = -1;
    EmulatorResponse error;
    if (!messageTarget(request, message, &room, &recipient, &error))
        return error;
    MentionMarkup::Content content;
    if (!messageContent(request, message.file.has_value(), message.text, message.markdown, &content,
                        &error))
        return error;
    int parent = -1;
    if (room >= 0) {
        const SeedData::Room &r = m_data.rooms().at(room);
        if ((r.isReadOnly || r.announcementOnly == 1) && r.creator != SeedData::me()) {
            return EmulatorResponse::webexError(
                403, QStringLiteral("Only moderators can post in this space."), request.trackingId);
        }
        if (!message.parentId.isEmpty())
            parent = m_data.messageIndex(room, message.parentId);
    }
    if (!message.parentId.isEmpty() && (parent < 0 || m_data.messages(room).at(parent).parent >= 0))
        return badRequest(
            request, QStringLiteral("parentId must be a thread's first message in this room."));
    if (room < 0) {
        // The first message to someone makes the direct space, as Webex does; its members hear
        // of the space before the message.
        room = m_data.addDirectRoom(recipient, SeedData::me());
        m_feed.created(room, SeedData::me());
    }
    // Messages are the seeded user's, whoever's the token (as for people/me's spaces).
    const SeedData::Message &m =
        m_data.addMessage(room, SeedData::me(), content.text, content.markdown, content.html,
                          parent, content.people, content.all);
    const int index = m_data.messageIndex(room, m.id);
    if (message.file) {
        const QByteArray type = message.file->contentType.isEmpty()
                                    ? QByteArrayLiteral("application/octet-stream")
                                    : message.file->contentType;
        m_data.attachFile(room, index, *message.file->fileName, type, message.file->body);
    }
    m_feed.posted(room, index);
    return EmulatorResponse::json(200, WireJson::message(m_data, room, index, m_origin));
}

EmulatorResponse RestApi::editMessage(const EmulatorRequest &request, const QString &id)
{
    // PUT /messages/{messageId} as Webex documents it: roomId, and text or markdown.
    QJsonObject body;
    EmulatorResponse error;
    if (!jsonBody(request, &body, &error))
        return error;
    const QString roomId = body.value(key("roomId")).toString();
    if (roomId.isEmpty())
        return badRequest(request, QStringLiteral("roomId is required."));
    const auto [room, index] = m_data.findMessage(id);
    if (room < 0 || m_data.userLeft(room))
        return notFound(request, QStringLiteral("Message not found."));
    if (m_data.rooms().at(room).id != roomId)
        return badRequest(request, QStringLiteral("roomId is not the room of the message."));
    MentionMarkup::Content content;
    if (!messageContent(request, false, body.value(key("text")).toString(),
                        body.value(key("markdown")).toString(), &content, &error))
        return error;
    if (m_data.messages(room).at(index).person != SeedData::me()) {
        return EmulatorResponse::webexError(
            403, QStringLiteral("Only the author can edit a message."), request.trackingId);
    }
    m_data.editMessage(room, index, content.text, content.markdown, content.html, content.people,
                       content.all);
    m_feed.edited(room, index);
    return EmulatorResponse::json(200, WireJson::message(m_data, room, index, m_origin));
}

EmulatorResponse RestApi::deleteMessage(const EmulatorRequest &request, const QString &id)
{
    const auto [room, index] = m_data.findMessage(id);
    if (room < 0 || m_data.userLeft(room))
        return notFound(request, QStringLiteral("Message not found."));
    if (m_data.messages(room).at(index).person != SeedData::me()) {
        return EmulatorResponse::webexError(
            403, QStringLiteral("Only the author can delete a message."), request.trackingId);
    }
    m_data.deleteMessage(room, index);
    m_feed.deleted(room, index, SeedData::me());
    EmulatorResponse response;
    response.status = 204;
    return response;
}

EmulatorResponse RestApi::createRoom(const EmulatorRequest &request)
{
    QJsonObject body;
    EmulatorResponse error;
    if (!jsonBody(request, &body, &error))
        return error;
    const QString title = body.value(key("title")).toString().trimmed();
    if (title.isEmpty())
        return badRequest(request, QStringLiteral("title is required."));
    if (body.contains(key("teamId")))
        return badRequest(request, QStringLiteral("The emulator creates no team spaces."));
    const int room = m_data.addRoom(title, SeedData::me(), {SeedData::me()});
    m_feed.created(room, SeedData::me());
    return EmulatorResponse::json(200, WireJson::room(m_data, room));
}

EmulatorResponse RestApi::createMembership(const EmulatorRequest &request)
{
    QJsonObject body;
    EmulatorResponse error;
    if (!jsonBody(request, &body, &error))
        return error;
    const QString roomId = body.value(key("roomId")).toString();
    if (roomId.isEmpty())
        return badRequest(request, QStringLiteral("roomId is required."));
    const int room = m_data.roomIndex(roomId);
    if (room < 0 || m_data.userLeft(room))
        return notFound(request, QStringLiteral("Could not find a room with the given roomId."));
    int person = -1;
    if (body.contains(key("personId")))
        person = m_data.personIndex(body.value(key("personId")).toString());
    else if (body.contains(key("personEmail")))
        person = m_data.personByEmail(body.value(key("personEmail")).toString());
    else
        return badRequest(request, QStringLiteral("personId or personEmail is required."));
    if (person < 0)
        return notFound(request, QStringLiteral("Person not found."));
    if (m_data.rooms().at(room).direct)
        return badRequest(request, QStringLiteral("No one can be added to a direct space."));
    if (!m_data.addMember(room, person)) {
        return EmulatorResponse::webexError(
            409, QStringLiteral("The person is already a member of the space."),
            request.trackingId);
    }
    m_feed.added(room, person, SeedData::me());
    return EmulatorResponse::json(200, WireJson::membership(m_data, room, person));
}

EmulatorResponse RestApi::deleteMembership(const EmulatorRequest &request, const QString &id)
{
    // "<person uuid>:<room uuid>" (section 5.2 of docs/LIVE-EVENTS.md).
    const QStringList uuids =
        WebexIds::decode(QStringLiteral("MEMBERSHIP"), id).split(QLatin1Char(':'));
    const int person =
        uuids.size() == 2
            ? m_data.personIndex(WebexIds::encode(QStringLiteral("PEOPLE"), uuids.at(0)))
            : -1;
    const int room = uuids.size() == 2
                         ? m_data.roomIndex(WebexIds::encode(QStringLiteral("ROOM"), uuids.at(1)))
                         : -1;
    if (person < 0 || room < 0 || m_data.userLeft(room) || !m_data.members(room).contains(person))
        return notFound(request, QStringLiteral("Membership not found."));
    if (m_data.rooms().at(room).direct)
        return badRequest(request, QStringLiteral("No one can leave a direct space."));
    m_data.removeMember(room, person);
    m_feed.left(room, person, SeedData::me());
    EmulatorResponse response;
    response.status = 204;
    return response;
}

EmulatorResponse RestApi::listMemberships(const EmulatorRequest &request)
{
    QJsonObject fresh;
    if (!request.hasQuery(key("cursor"))) {
        const QString roomId = request.queryValue(key("roomId"));
        if (!roomId.isEmpty() &&
            (m_data.roomIndex(roomId) < 0 || m_data.userLeft(m_data.roomIndex(roomId))))
            return notFound(request,
                            QStringLiteral("Could not find a room with the given roomId."));
        int person = -1;
        if (request.hasQuery(key("personId"))) {
            person = m_data.personIndex(request.queryValue(key("personId")));
            if (person < 0)
                return EmulatorResponse::json(200, QJsonObject{{key("items"), QJsonArray()}});
        } else if (request.hasQuery(key("personEmail"))) {
            person = m_data.personByEmail(request.queryValue(key("personEmail")));
            if (person < 0)
                return EmulatorResponse::json(200, QJsonObject{{key("items"), QJsonArray()}});
        }
        fresh = {{key("r"), roomId}, {key("who"), person}};
    }
    QJsonObject state;
    int max = 0;
    EmulatorResponse error;
    if (!pagingState(request, 100, fresh, &state, &max, &error))
        return error;
    const QString roomId = state.value(key("r")).toString();
    const int person = state.value(key("who")).toInt(-1);
    const int offset = std::max(state.value(key("o")).toInt(), 0);

    // Pairs of (room, person) in a stable order.
    QList<QPair<int, int>> pairs;
    if (!roomId.isEmpty()) {
        const int room = m_data.roomIndex(roomId);
        for (int member : m_data.members(room)) {
            if (person < 0 || member == person)
                pairs.append({room, member});
        }
    } else if (person < 0 || person == SeedData::me()) {
        // Without a room: the user's own memberships, one per space.
        for (int room = 0; room < m_data.rooms().size(); ++room) {
            if (!m_data.userLeft(room))
                pairs.append({room, SeedData::me()});
        }
    }
    const int end = std::min(int(pairs.size()), offset + max);
    QJsonArray items;
    for (int i = offset; i < end; ++i)
        items.append(WireJson::membership(m_data, pairs.at(i).first, pairs.at(i).second));
    state.insert(key("o"), end);
    return page(items, QStringLiteral("/v1/memberships"), max, state, end < pairs.size());
}
