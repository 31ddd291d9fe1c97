#pragma once

#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"

#include <QJsonArray>
#include <QList>

#include <memory>

class SeedData;

// Realistic data for the benchmarks: the emulator's seeded world (SeedData, the same generator
// as --demo: accented and non-Latin titles such as "Café Zürich", direct and group spaces, teams)
// turned into wire JSON by the emulator's WireJson and parsed by core's fromJson, so the values
// are exactly what the app holds after GET rooms / teams / messages. Same seed, same titles.
class BenchData
{
public:
    static constexpr int SpaceCount = 10000;
    static constexpr int PageSize = 1000; // GET rooms?max=1000, as WebexClient::fetchAllRooms

    explicit BenchData(int spaceCount = SpaceCount);
    ~BenchData();

    // The spaces as GET rooms?sortBy=lastactivity returns them: newest activity first, in pages
    // of pageSize JSON objects.
    [[nodiscard]] QList<QJsonArray> wirePages(int pageSize = PageSize) const;
    [[nodiscard]] static QList<Room> parseRooms(const QJsonArray &page);

    // Parsed spaces, newest activity first.
    [[nodiscard]] const QList<Room> &rooms() const { return m_rooms; }
    // rooms() cut into pages, in the order given (newest first, or shuffled: see below).
    [[nodiscard]] static QList<QList<Room>> pages(const QList<Room> &rooms,
                                                  int pageSize = PageSize);
    // The spaces in an order unrelated to their activity (fixed seed): every page lands all
    // over the model, the worst case for RoomListModel's sorted inserts.
    [[nodiscard]] QList<Room> shuffledRooms() const;

    [[nodiscard]] QList<Team> teams() const;
    [[nodiscard]] const Person &me() const { return m_me; }

    // One group space with `count` messages, as pages of GET messages deliver them (newest
    // first), and the people who sent them (to give MessageListModel::setSenders up front).
    [[nodiscard]] QString messageRoomId() const;
    [[nodiscard]] QList<Message> messagesNewestFirst(int count);
    [[nodiscard]] QList<Person> messageSenders() const;

private:
    [[nodiscard]] int messageRoomIndex() const;

    std::unique_ptr<SeedData> m_seed;
    QList<int> m_byActivity; // seed room indexes, newest activity first
    QList<Room> m_rooms;
    Person m_me;
};
