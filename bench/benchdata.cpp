#include "benchdata.h"

#include "seeddata.h"
#include "wirejson.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace {
// Fixed, so every run and every machine measures the same titles.
constexpr quint32 Seed = 20240;
// Avatars are not fetched in the benchmarks; the URL only has to look like the emulator's.
const QString AvatarOrigin = QStringLiteral("http://127.0.0.1:5000");
} // namespace

BenchData::BenchData(int spaceCount) : m_seed(std::make_unique<SeedData>(Seed, spaceCount))
{
    const QList<SeedData::Room> &seedRooms = m_seed->rooms();
    m_byActivity.reserve(seedRooms.size());
    for (int i = 0; i < seedRooms.size(); ++i)
        m_byActivity.append(i);
    std::stable_sort(m_byActivity.begin(), m_byActivity.end(), [&](int a, int b) {
        return seedRooms.at(a).lastActivity > seedRooms.at(b).lastActivity;
    });
    for (const QJsonArray &page : wirePages(PageSize))
        m_rooms += parseRooms(page);
    m_me = *Person::fromJson(WireJson::person(*m_seed, SeedData::me(), AvatarOrigin));
}

BenchData::~BenchData() = default;

QList<QJsonArray> BenchData::wirePages(int pageSize) const
{
    QList<QJsonArray> pages;
    QJsonArray page;
    for (const int index : m_byActivity) {
        page.append(WireJson::room(*m_seed, index));
        if (page.size() == pageSize) {
            pages.append(page);
            page = QJsonArray();
        }
    }
    if (!page.isEmpty())
        pages.append(page);
    return pages;
}

QList<Room> BenchData::parseRooms(const QJsonArray &page)
{
    QList<Room> rooms;
    rooms.reserve(page.size());
    for (const QJsonValue &value : page) {
        if (const std::optional<Room> room = Room::fromJson(value.toObject()))
            rooms.append(*room);
    }
    return rooms;
}

QList<QList<Room>> BenchData::pages(const QList<Room> &rooms, int pageSize)
{
    QList<QList<Room>> pages;
    for (qsizetype from = 0; from < rooms.size(); from += pageSize)
        pages.append(rooms.mid(from, pageSize));
    return pages;
}

QList<Room> BenchData::shuffledRooms() const
{
    QList<Room> rooms = m_rooms;
    QRandomGenerator rng(Seed);
    for (qsizetype i = rooms.size() - 1; i > 0; --i)
        std::swap(rooms[i], rooms[qsizetype(rng.bounded(quint32(i + 1)))]);
    return rooms;
}

QList<Team> BenchData::teams() const
{
    QList<Team> teams;
    for (int i = 0; i < m_seed->teams().size(); ++i) {
        if (const std::optional<Team> team = Team::fromJson(WireJson::team(*m_seed, i)))
            teams.append(*team);
    }
    return teams;
}

int BenchData::messageRoomIndex() const
{
    // The first group space with several members: senders, names and avatars vary by row.
    const QList<SeedData::Room> &rooms = m_seed->rooms();
    for (int i = 0; i < rooms.size(); ++i) {
        if (!rooms.at(i).direct && rooms.at(i).team < 0)
            return i;
    }
    return 0;
}

QString BenchData::messageRoomId() const
{
    return m_seed->rooms().at(messageRoomIndex()).id;
}

QList<Message> BenchData::messagesNewestFirst(int count)
{
    const int room = messageRoomIndex();
    // The seed gives a space a few dozen messages; more are posted by its members, with the
    // seed's own texts (some markdown with HTML), until there are `count`.
    const QList<SeedData::Message> seeded = m_seed->messages(room);
    const QList<int> members = m_seed->members(room);
    for (int i = int(seeded.size()); i < count; ++i) {
        const SeedData::Message &model = seeded.at(i % seeded.size());
        m_seed->addMessage(room, members.at(i % members.size()), model.text, model.markdown,
                           model.html, -1);
    }
    const int total = int(m_seed->messages(room).size());
    QList<Message> newestFirst;
    for (int i = total - 1; i >= 0 && newestFirst.size() < count; --i) {
        if (const std::optional<Message> message =
                Message::fromJson(WireJson::message(*m_seed, room, i)))
            newestFirst.append(*message);
    }
    return newestFirst;
}

QList<Person> BenchData::messageSenders() const
{
    QList<Person> people;
    for (const int index : m_seed->members(messageRoomIndex())) {
        if (const std::optional<Person> person =
                Person::fromJson(WireJson::person(*m_seed, index, AvatarOrigin)))
            people.append(*person);
    }
    return people;
}
