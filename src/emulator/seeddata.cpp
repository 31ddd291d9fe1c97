#include "seeddata.h"

#include "mentionmarkup.h"
#include "samplefiles.h"
#include "webexids.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace {

// Display form and the ASCII form used to build e-mail addresses.
struct Name
{
    const char *display;
    const char *ascii;
};

// Non-ASCII on purpose: the client must carry UTF-8 end to end.
const Name kFirstNames[] = {
    {"Zoë", "zoe"},           {"José", "jose"},         {"Björn", "bjorn"},
    {"Łukasz", "lukasz"},     {"Søren", "soren"},       {"François", "francois"},
    {"Chloé", "chloe"},       {"Ana", "ana"},           {"Mei", "mei"},
    {"Hiroshi", "hiroshi"},   {"Priya", "priya"},       {"Олег", "oleg"},
    {"Δημήτρης", "dimitris"}, {"Anh", "anh"},           {"Fatma", "fatma"},
    {"Siobhán", "siobhan"},   {"Jürgen", "jurgen"},     {"Inês", "ines"},
    {"Kwame", "kwame"},       {"Ngozi", "ngozi"},       {"Lars", "lars"},
    {"Maria", "maria"},       {"David", "david"},       {"Emily", "emily"},
    {"Carlos", "carlos"},     {"Aiko", "aiko"},         {"Olivia", "olivia"},
    {"Noah", "noah"},         {"Yasmin", "yasmin"},     {"Ravi", "ravi"},
    {"Ælfric", "aelfric"},    {"Dorothée", "dorothee"},
};

const Name kLastNames[] = {
    {"Müller", "muller"},     {"García", "garcia"},     {"Ørsted", "orsted"},
    {"Dvořák", "dvorak"},     {"Yılmaz", "yilmaz"},     {"Nakamura", "nakamura"},
    {"O'Brien", "obrien"},    {"Kowalski", "kowalski"}, {"Singh", "singh"},
    {"田中", "tanaka"},       {"Smith", "smith"},       {"Rossi", "rossi"},
    {"Nguyễn", "nguyen"},     {"Ivanova", "ivanova"},   {"Papadopoulos", "papadopoulos"},
    {"Ångström", "angstrom"}, {"Lefèvre", "lefevre"},   {"Johansson", "johansson"},
    {"Okafor", "okafor"},     {"Chen", "chen"},         {"Fernández", "fernandez"},
    {"Brown", "brown"},       {"Schäfer", "schafer"},   {"Novák", "novak"},
    {"Kim", "kim"},           {"da Silva", "dasilva"},  {"Hernández", "hernandez"},
    {"Wójcik", "wojcik"},
};

const char *const kBots[] = {"Jira Bot", "Standup Bot", "Pagerduty", "Giphy", "Release Notifier"};

const char *const kRoomTopics[] = {
    "Café Zürich",         "Ωmega",
    "東京チーム",          "Ünïcödé",
    "Design Crit",         "Release Train",
    "Équipe Nord",         "Команда Альфа",
    "Incident Review 🚀",   "Coffee ☕ & Chat",
    "Quarterly Planning",  "Frontend Guild",
    "Backend Guild",       "Café Lisboa",
    "Support Escalations", "Marketing Sync",
    "São Paulo Office",    "Hiring Panel",
    "Architecture",        "Ops On-Call",
    "Product Council",     "Ideas & Feedback",
    "Kraków Dev Hub",      "Überraschung",
    "Customer Voice",      "Data & Analytics",
    "Security Champions",  "Offsite 2024",
    "Book Club 📚",         "Random",
};

const char *const kTeamNames[] = {
    "Engineering", "Équipe Produit",         "Marketing ✨", "サポート",
    "Sales EMEA",  "Research & Development", "Operations",  "Ωmega Program",
};

const char *const kDescriptions[] = {
    "Where we talk about the work.",
    "Weekly updates, decisions and links.",
    "Ask anything — we answer in English, Français or Deutsch.",
    "Announcements only; questions in the thread, please.",
};

const char *const kStatuses[] = {"active", "inactive",    "DoNotDisturb", "meeting",
                                 "call",   "OutOfOffice", "presenting",   "unknown"};

const char *const kTimezones[] = {"America/Los_Angeles", "Europe/Zurich",     "Asia/Tokyo",
                                  "Europe/London",       "America/Sao_Paulo", "Asia/Kolkata"};

const char *const kTexts[] = {
    "Good morning! ☀️",
    "Can we move the sync to 15:00?",
    "Voilà, the draft is in the shared folder.",
    "LGTM 👍",
    "The build on main is green again.",
    "Schöne Grüße aus Zürich!",
    "どうもありがとうございます",
    "I'll take the action item.",
    "Has anyone seen the latest numbers?",
    "Привет всем!",
    "Let's discuss this in the next retro.",
    "Thanks, that fixed it.",
    "Reminder: offsite agenda due Friday.",
    "Ωmega release notes are published.",
};

template <typename T, qsizetype N> constexpr qsizetype count(const T (&)[N])
{
    return N;
}

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

SeedData::SeedData(quint32 seed, int roomCount) : m_seed(seed)
{
    // Whole seconds keep timestamps stable within one run; ms are added per item.
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch()).toUTC();
    roomCount = std::max(roomCount, 0);
    QRandomGenerator rng(seed);
    m_orgUuid = WebexIds::uuid(rng);
    m_orgId = WebexIds::encode(QStringLiteral("ORGANIZATION"), m_orgUuid);
    generatePeople(300 + roomCount / 10);
    generateTeams(std::max(3, roomCount / 40));
    generateRooms(roomCount);
}

void SeedData::generatePeople(int count)
{
    QRandomGenerator rng(m_seed * 7919u + 1u);
    m_people.reserve(count + 1);
    QSet<QString> emails;
    const QString domain = QStringLiteral("example.com");
    for (int i = 0; i <= count; ++i) {
        Person p;
        p.uuid = WebexIds::uuid(rng);
        p.id = WebexIds::encode(QStringLiteral("PEOPLE"), p.uuid);
        p.hue = int(rng.bounded(360));
        const bool bot = i > 0 && i % 40 == 0;
        if (bot) {
            p.type = QStringLiteral("bot");
            p.displayName = utf8(kBots[(i / 40) % ::count(kBots)]);
            QString local = p.displayName.toLower().remove(QLatin1Char(' '));
            if (emails.contains(local + QStringLiteral("@webex.bot")))
                local += QString::number(i);
            p.email = local + QStringLiteral("@webex.bot");
        } else {
            p.type = QStringLiteral("person");
            const Name &first = kFirstNames[rng.bounded(int(::count(kFirstNames)))];
            const Name &last = kLastNames[rng.bounded(int(::count(kLastNames)))];
            p.firstName = utf8(first.display);
            p.lastName = utf8(last.display);
            p.displayName = p.firstName + QLatin1Char(' ') + p.lastName;
            QString local =
                QLatin1String(first.ascii) + QLatin1Char('.') + QLatin1String(last.ascii);
            if (emails.contains(local + QLatin1Char('@') + domain))
                local += QString::number(i);
            p.email = local + QLatin1Char('@') + domain;
            if (rng.bounded(10) < 4)
                p.nickName = p.firstName;
            if (rng.bounded(2) == 0 || i == me())
                p.phone = QStringLiteral("+1 408 555 %1").arg(1000 + i % 9000);
            if (rng.bounded(10) < 8 || i == me())
                p.status = QLatin1String(kStatuses[rng.bounded(int(::count(kStatuses)))]);
            if (rng.bounded(10) < 7 || i == me())
                p.timezone = QLatin1String(kTimezones[rng.bounded(int(::count(kTimezones)))]);
            p.hasAvatar = i == me() || rng.bounded(10) != 0;
        }
        emails.insert(p.email);
        p.created = m_now.addSecs(-qint64(rng.bounded(3 * 365 * 86400) + 200 * 86400))
                        .addMSecs(rng.bounded(1000));
        p.lastModified = p.created.addSecs(rng.bounded(150 * 86400));
        if (!bot && (rng.bounded(100) < 85 || i == me()))
            p.lastActivity =
                m_now.addSecs(-qint64(rng.bounded(30 * 86400))).addMSecs(rng.bounded(1000));
        if (i == me())
            p.status = QStringLiteral("active");
        m_personById.insert(p.id, i);
        m_personByEmail.insert(p.email.toLower(), i);
        m_people.append(std::move(p));
    }
}

void SeedData::generateTeams(int count)
{
    QRandomGenerator rng(m_seed * 104729u + 3u);
    m_teams.reserve(count);
    const qsizetype names = ::count(kTeamNames);
    for (int i = 0; i < count; ++i) {
        Team t;
        t.uuid = WebexIds::uuid(rng);
        t.id = WebexIds::encode(QStringLiteral("TEAM"), t.uuid);
        t.name = utf8(kTeamNames[i % names]);
        if (i >= names)
            t.name += QStringLiteral(" %1").arg(i / names + 1);
        if (rng.bounded(2) == 0)
            t.description = utf8(kDescriptions[rng.bounded(int(::count(kDescriptions)))]);
        t.created = m_now.addSecs(-qint64(rng.bounded(400 * 86400) + 130 * 86400))
                        .addMSecs(rng.bounded(1000));
        t.creator = rng.bounded(3) == 0 ? me() : 1 + int(rng.bounded(int(m_people.size()) - 1));
        m_teamById.insert(t.id, i);
        m_teams.append(std::move(t));
    }
}

void SeedData::generateRooms(int count)
{
    QRandomGenerator rng(m_seed * 15485863u + 5u);
    m_rooms.reserve(count);
    m_details.resize(count);
    const int directCount = std::min(count * 3 / 10, int(m_people.size()) - 1);
    const qsizetype topics = ::count(kRoomTopics);

    // Kinds first, then shuffled, so direct and group spaces interleave in every order.
    QList<bool> kinds(count, false);
    for (int i = 0; i < directCount; ++i)
        kinds[i] = true;
    for (int i = count - 1; i > 0; --i)
        std::swap(kinds[i], kinds[int(rng.bounded(i + 1))]);

    int nextOther = 1;
    int groupNumber = 0;
    int teamGeneral = 0;
    for (int i = 0; i < count; ++i) {
        Room r;
        r.uuid = WebexIds::uuid(rng);
        r.id = WebexIds::encode(QStringLiteral("ROOM"), r.uuid);
        r.direct = kinds[i];
        // Spread over the last four months, some within the last hours.
        r.lastActivity = m_now.addSecs(-qint64(rng.bounded(120 * 86400)) - 60)
                             .addMSecs(-qint64(rng.bounded(1000)));
        r.created = r.lastActivity.addSecs(-qint64(rng.bounded(400 * 86400)))
                        .addMSecs(-qint64(rng.bounded(1000)));
        if (r.direct) {
            r.other = nextOther++;
            r.title = m_people.at(r.other).displayName;
            r.creator = rng.bounded(2) == 0 ? me() : r.other;
            m_directRoomByPerson.insert(r.other, i);
        } else {
            if (teamGeneral < m_teams.size()) {
                // Each team's general space carries the team's name, as in Webex.
                r.team = teamGeneral++;
                r.title = m_teams.at(r.team).name;
            } else {
                const int k = groupNumber++;
                r.title = utf8(kRoomTopics[k % topics]);
                if (k >= topics)
                    r.title += QStringLiteral(" %1").arg(k / topics + 1);
                if (rng.bounded(5) == 0)
                    r.team = int(rng.bounded(int(m_teams.size())));
            }
            r.isLocked = rng.bounded(100) < 15;
            r.isReadOnly = rng.bounded(100) < 4;
            if (rng.bounded(10) < 7)
                r.announcementOnly = rng.bounded(100) < 7 ? 1 : 0;
            r.isPublic = rng.bounded(100) < 3;
            if (r.isPublic || rng.bounded(4) == 0)
                r.description = utf8(kDescriptions[rng.bounded(int(::count(kDescriptions)))]);
            r.creator = rng.bounded(5) < 2 ? me() : 1 + int(rng.bounded(int(m_people.size()) - 1));
        }
        // The first busy group space (see detail()) is where someone mentions everyone.
        if (m_everyoneMentionedRoom < 0 && !r.direct && i % 7 == 0)
            m_everyoneMentionedRoom = i;
        m_roomById.insert(r.id, i);
        m_rooms.append(std::move(r));
    }
}

int SeedData::personByEmail(const QString &email) const
{
    return m_personByEmail.value(email.toLower(), -1);
}

SeedData::RoomDetail &SeedData::detail(int room)
{
    RoomDetail &d = m_details[room];
    if (d.generated)
        return d;
    d.generated = true;
    const Room &r = m_rooms.at(room);
    QRandomGenerator rng(m_seed * 2654435761u + quint32(room) * 40503u + 7u);

    d.members.append(me());
    if (r.direct) {
        d.members.append(r.other);
    } else {
        const int wanted = 2 + int(rng.bounded(8));
        while (d.members.size() < wanted + 1) {
            const int p = 1 + int(rng.bounded(int(m_people.size()) - 1));
            if (!d.members.contains(p))
                d.members.append(p);
        }
        if (r.creator != me() && !d.members.contains(r.creator))
            d.members.append(r.creator);
    }

    const int n = room % 7 == 0 ? 55 + int(rng.bounded(100)) : 3 + int(rng.bounded(20));
    QList<Message> newestFirst;
    newestFirst.reserve(n);
    QDateTime at = r.lastActivity;
    for (int i = 0; i < n; ++i) {
        Message m;
        m.uuid = WebexIds::uuid(rng);
        m.id = WebexIds::encode(QStringLiteral("MESSAGE"), m.uuid);
        m.person = d.members.at(int(rng.bounded(int(d.members.size()))));
        m.text = utf8(kTexts[rng.bounded(int(::count(kTexts)))]);
        if (rng.bounded(5) == 0) {
            m.markdown = QStringLiteral("**Note:** ") + m.text;
            m.html = QStringLiteral("<p><strong>Note:</strong> ") + m.text.toHtmlEscaped() +
                     QStringLiteral("</p>");
            m.text = QStringLiteral("Note: ") + m.text;
        }
        m.created = at;
        if (rng.bounded(20) == 0 && at.secsTo(m_now) > 600)
            m.updated = at.addSecs(60 + rng.bounded(500));
        newestFirst.append(std::move(m));
        at = at.addSecs(-qint64(60 + rng.bounded(600 * 60))).addMSecs(-qint64(rng.bounded(1000)));
    }
    d.messages.reserve(n);
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it)
        d.messages.append(std::move(*it));
    // Replies point at an earlier thread starter; Webex threads are one level deep.
    for (int i = 1; i < d.messages.size(); ++i) {
        if (rng.bounded(10) == 0) {
            const int parent = int(rng.bounded(i));
            if (d.messages.at(parent).parent < 0)
                d.messages[i].parent = parent;
        }
    }
    // The busy spaces have a thread among their newest messages, so the first page shows one
    // (the demo, and a person trying threads out): two replies to the sixth newest message.
    const int count = int(d.messages.size());
    if (room % 7 == 0 && count >= 6) {
        const int starter = count - 6;
        d.messages[starter].parent = -1;
        const auto hasReplies = [&d](int message) {
            return std::any_of(d.messages.cbegin(), d.messages.cend(),
                               [message](const Message &m) { return m.parent == message; });
        };
        for (int reply : {count - 4, count - 2}) {
            if (!hasReplies(reply)) // one level deep: a thread's starter stays one
                d.messages[reply].parent = starter;
        }
    }
    for (int i = 0; i < d.messages.size(); ++i) {
        d.messageById.insert(d.messages.at(i).id, i);
        m_messageLocation.insert(d.messages.at(i).id, {room, i});
    }
    seedFiles(room, d, rng);
    seedMentions(room, d);
    return d;
}

void SeedData::seedMentions(int room, RoomDetail &d)
{
    // The demo shows mentions from the seeded data: in each busy group space a colleague
    // mentions the user among the newest messages, and in the first of them someone mentions
    // everyone. Fixed positions (clear of the thread's and the files' messages) and no draws
    // from the room's generator keep the rest of the seeded data as it was.
    const int count = int(d.messages.size());
    if (room % 7 != 0 || m_rooms.at(room).direct || count < 15 || d.members.size() < 2)
        return;
    const auto mention = [&](int index, const QList<int> &people, bool all) {
        Message &m = d.messages[index];
        if (m.person == me()) // a colleague's message; the same one for the same seed
            m.person = d.members.at(1 + room % int(d.members.size() - 1));
        const MentionMarkup::Content content = MentionMarkup::leading(*this, people, all, m.text);
        m.text = content.text;
        m.markdown = content.markdown;
        m.html = content.html;
        m.mentioned = content.people;
        m.mentionsAll = content.all;
    };
    mention(count - 5, {me()}, false);
    if (room == m_everyoneMentionedRoom)
        mention(count - 12, {}, true);
}

void SeedData::seedFiles(int room, RoomDetail &d, QRandomGenerator &rng)
{
    // The busy spaces (those with a thread above) show files on their first page too: a picture
    // and a document among the ten newest messages, beside the thread's messages.
    const int count = int(d.messages.size());
    if (room % 7 != 0 || count < 10)
        return;
    const QString imageUuid = WebexIds::uuid(rng);
    const QString documentUuid = WebexIds::uuid(rng);
    const bool pdf = rng.bounded(2) == 0;
    // One buffer per kind for every space: seeding 10,000 spaces must stay cheap.
    storeContent(room, count - 3, imageUuid, QStringLiteral("whiteboard.png"),
                 QByteArrayLiteral("image/png"), SampleFiles::whiteboardPng());
    if (pdf) {
        storeContent(room, count - 8, documentUuid, QStringLiteral("Q3 plan.pdf"),
                     QByteArrayLiteral("application/pdf"), SampleFiles::planPdf());
    } else {
        storeContent(room, count - 8, documentUuid, QStringLiteral("notes.txt"),
                     QByteArrayLiteral("text/plain"), SampleFiles::notesText());
    }
}

int SeedData::storeContent(int room, int message, const QString &uuid, const QString &name,
                           const QByteArray &type, const QByteArray &bytes)
{
    Message &m = m_details[room].messages[message];
    Content c;
    c.uuid = uuid;
    // Webex's content ids end in a version ("/0"), unlike its other ids.
    c.id = WebexIds::encode(QStringLiteral("CONTENT"), uuid + QStringLiteral("/0"));
    c.name = name;
    c.type = type;
    c.bytes = bytes;
    c.room = room;
    c.messageId = m.id;
    const int index = int(m_contents.size());
    m_contentById.insert(c.id, index);
    m_contents.append(std::move(c));
    m.files.append(index);
    return index;
}

int SeedData::attachFile(int room, int message, const QString &name, const QByteArray &type,
                         const QByteArray &bytes)
{
    detail(room);
    return storeContent(room, message, WebexIds::uuid(*QRandomGenerator::global()), name, type,
                        bytes);
}

const QList<int> &SeedData::members(int room)
{
    return detail(room).members;
}

const QList<SeedData::Message> &SeedData::messages(int room)
{
    return detail(room).messages;
}

int SeedData::messageIndex(int room, const QString &messageId)
{
    const int index = detail(room).messageById.value(messageId, -1);
    return index >= 0 && !detail(room).messages.at(index).deleted ? index : -1;
}

QPair<int, int> SeedData::findMessage(const QString &messageId) const
{
    const QPair<int, int> location = m_messageLocation.value(messageId, {-1, -1});
    if (location.first >= 0 && m_details.at(location.first).messages.at(location.second).deleted)
        return {-1, -1};
    return location;
}

QString SeedData::chatter(quint32 pick)
{
    return utf8(kTexts[pick % ::count(kTexts)]);
}

int SeedData::someoneElseIn(int room, quint32 pick)
{
    QList<int> others = members(room);
    others.removeAll(me());
    return others.isEmpty() ? -1 : others.at(int(pick % quint32(others.size())));
}

const SeedData::Message &SeedData::addMessage(int room, int person, const QString &text,
                                              const QString &markdown, const QString &html,
                                              int parent, const QList<int> &mentioned,
                                              bool mentionsAll)
{
    RoomDetail &d = detail(room);
    QRandomGenerator *rng = QRandomGenerator::global();
    Message m;
    m.uuid = WebexIds::uuid(*rng);
    m.id = WebexIds::encode(QStringLiteral("MESSAGE"), m.uuid);
    m.person = person;
    m.text = text;
    m.markdown = markdown;
    m.html = html;
    m.parent = parent;
    m.mentioned = mentioned;
    m.mentionsAll = mentionsAll;
    // Never older than the newest message, even if the clock is coarse.
    m.created =
        std::max(QDateTime::currentDateTimeUtc(),
                 d.messages.isEmpty() ? QDateTime() : d.messages.last().created.addMSecs(1));
    m_rooms[room].lastActivity = m.created;
    const int index = int(d.messages.size());
    d.messageById.insert(m.id, index);
    m_messageLocation.insert(m.id, {room, index});
    d.messages.append(std::move(m));
    return d.messages.last();
}

void SeedData::setRoomTitle(int room, const QString &title)
{
    m_rooms[room].title = title;
}

void SeedData::editMessage(int room, int message, const QString &text, const QString &markdown,
                           const QString &html, const QList<int> &mentioned, bool mentionsAll)
{
    Message &m = detail(room).messages[message];
    m.text = text;
    m.markdown = markdown;
    m.html = html;
    m.mentioned = mentioned;
    m.mentionsAll = mentionsAll;
    // Never before its creation, even if the clock is coarse.
    m.updated = std::max(QDateTime::currentDateTimeUtc(), m.created.addMSecs(1));
}

void SeedData::deleteMessage(int room, int message)
{
    detail(room).messages[message].deleted = true;
}

bool SeedData::addMember(int room, int person)
{
    RoomDetail &d = detail(room);
    if (d.members.contains(person))
        return false;
    // The user first, as generated.
    if (person == me())
        d.members.prepend(person);
    else
        d.members.append(person);
    if (person == me())
        m_roomsWithoutUser.remove(room);
    return true;
}

bool SeedData::removeMember(int room, int person)
{
    if (!detail(room).members.removeOne(person))
        return false;
    if (person == me())
        m_roomsWithoutUser.insert(room);
    return true;
}

int SeedData::addRoom(const QString &title, int creator, const QList<int> &members)
{
    QRandomGenerator *rng = QRandomGenerator::global();
    Room r;
    r.uuid = WebexIds::uuid(*rng);
    r.id = WebexIds::encode(QStringLiteral("ROOM"), r.uuid);
    r.title = title;
    r.creator = creator;
    r.created = QDateTime::currentDateTimeUtc();
    r.lastActivity = r.created;
    const int index = int(m_rooms.size());
    m_roomById.insert(r.id, index);
    m_rooms.append(std::move(r));

    RoomDetail d;
    d.generated = true; // a new space: no history to make up
    if (members.contains(me()) || creator == me())
        d.members.append(me());
    if (creator != me())
        d.members.append(creator);
    for (int person : members) {
        if (!d.members.contains(person))
            d.members.append(person);
    }
    if (!d.members.contains(me()))
        m_roomsWithoutUser.insert(index);
    m_details.append(std::move(d));
    return index;
}

int SeedData::addDirectRoom(int person, int creator)
{
    QRandomGenerator *rng = QRandomGenerator::global();
    Room r;
    r.uuid = WebexIds::uuid(*rng);
    r.id = WebexIds::encode(QStringLiteral("ROOM"), r.uuid);
    r.direct = true;
    r.other = person;
    r.title = m_people.at(person).displayName;
    r.creator = creator;
    r.created = QDateTime::currentDateTimeUtc();
    r.lastActivity = r.created;
    const int index = int(m_rooms.size());
    m_roomById.insert(r.id, index);
    m_directRoomByPerson.insert(person, index);
    m_rooms.append(std::move(r));

    RoomDetail d;
    d.generated = true; // a new space: no history to make up
    d.members = {me(), person};
    m_details.append(std::move(d));
    return index;
}
