#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

class QRandomGenerator;

/// The emulator's world: the signed-in user, other people, teams, rooms and (generated on
/// first use) each room's members and messages. Everything derives from the seed, so two
/// emulators with the same options serve the same titles and ids; only timestamps move
/// with the clock, keeping "last activity" recent.
class SeedData
{
public:
    struct Person
    {
        QString uuid;
        QString id;
        QString displayName;
        QString firstName; ///< Empty for bots: the field is then absent.
        QString lastName;
        QString nickName; ///< Optional.
        QString email;
        QString phone;    ///< Optional; phoneNumbers is then an empty array.
        QString type;     ///< person | bot
        QString status;   ///< Optional.
        QString timezone; ///< Optional.
        QDateTime created;
        QDateTime lastModified;
        QDateTime lastActivity; ///< Optional (null when absent).
        bool hasAvatar = true;
        int hue = 0; ///< Avatar colour.
    };

    struct Team
    {
        QString uuid;
        QString id;
        QString name;
        QString description; ///< Optional.
        QDateTime created;
        int creator = 0;
    };

    struct Room
    {
        QString uuid;
        QString id;
        QString title;
        QString description; ///< Optional.
        bool direct = false;
        int team = -1;  ///< Index into teams(), -1 for none.
        int other = -1; ///< Direct rooms: the other person.
        bool isLocked = false;
        bool isPublic = false;
        bool isReadOnly = false;
        int announcementOnly = -1; ///< -1: field absent, else 0/1.
        QDateTime created;
        QDateTime lastActivity;
        int creator = 0;
    };

    struct Message
    {
        QString uuid;
        QString id;
        int person = 0;
        QString text;
        QString markdown; ///< Optional.
        QString html;     ///< Optional, only with markdown.
        int parent = -1;  ///< Index of the thread's first message in the same room.
        QDateTime created;
        QDateTime updated;        ///< Optional (edited messages).
        bool deleted = false;     ///< Deleted: no longer listed or fetched, its index stays.
        QList<int> mentioned;     ///< People mentioned (indices): mentionedPeople, object.mentions.
        bool mentionsAll = false; ///< Everyone mentioned (`<@all>`): mentionedGroups ["all"].
        QList<int> files;         ///< Its files, as indices into contents(): `files` on the wire.
    };

    /// A stored file, served at /v1/contents/{id}.
    struct Content
    {
        QString uuid;
        QString id;        ///< Unpadded base64 of "ciscospark://us/CONTENT/<uuid>/0", as Webex's.
        QString name;      ///< As the sender gave it: any Unicode, hostile too.
        QByteArray type;   ///< MIME type, as the sender gave it.
        QByteArray bytes;  ///< Seeded files of one kind share one buffer (implicit sharing).
        int room = -1;     ///< Whose members may fetch it.
        QString messageId; ///< The message that carries it; deleted with it.
    };

    SeedData(quint32 seed, int roomCount);

    [[nodiscard]] static int me() { return 0; }
    [[nodiscard]] const QList<Person> &people() const { return m_people; }
    [[nodiscard]] const QList<Team> &teams() const { return m_teams; }
    [[nodiscard]] const QList<Room> &rooms() const { return m_rooms; }
    [[nodiscard]] QString orgId() const { return m_orgId; }
    [[nodiscard]] QString orgUuid() const { return m_orgUuid; }

    /// The direct space of the user and `person`; -1 when they have none.
    [[nodiscard]] int directRoomWith(int person) const
    {
        return m_directRoomByPerson.value(person, -1);
    }

    /// Index lookups by wire id (or email); -1 when unknown.
    [[nodiscard]] int personIndex(const QString &id) const { return m_personById.value(id, -1); }
    [[nodiscard]] int personByEmail(const QString &email) const;
    [[nodiscard]] int roomIndex(const QString &id) const { return m_roomById.value(id, -1); }
    [[nodiscard]] int teamIndex(const QString &id) const { return m_teamById.value(id, -1); }

    /// People in a room, the user first (unless the user left it). Generated on first use.
    const QList<int> &members(int room);
    /// Whether the user has left this space (or was never in it, for a space someone else
    /// created): it is then missing from the user's lists. Cheap: generates nothing.
    [[nodiscard]] bool userLeft(int room) const { return m_roomsWithoutUser.contains(room); }
    /// A room's messages, oldest first; the last one's creation is the room's lastActivity.
    const QList<Message> &messages(int room);
    /// Index of a message in its room's messages(), -1 when unknown.
    [[nodiscard]] int messageIndex(int room, const QString &messageId);
    /// Finds a message by id in rooms generated so far: {room, index} or {-1, -1}.
    [[nodiscard]] QPair<int, int> findMessage(const QString &messageId) const;

    /// Files of every message generated so far, in the order they were stored.
    [[nodiscard]] const QList<Content> &contents() const { return m_contents; }
    /// Index into contents() by wire id; -1 when unknown.
    [[nodiscard]] int contentIndex(const QString &id) const { return m_contentById.value(id, -1); }
    /// Stores a file for a message of a room and lists it among the message's files. Returns
    /// the content's index.
    int attachFile(int room, int message, const QString &name, const QByteArray &type,
                   const QByteArray &bytes);

    /// One of the generated chat lines, picked by `pick` (any number; it wraps around).
    [[nodiscard]] static QString chatter(quint32 pick);
    /// A member of the room other than the user (for a direct room, the other person); -1 for
    /// a room with no one else.
    [[nodiscard]] int someoneElseIn(int room, quint32 pick);

    const Message &addMessage(int room, int person, const QString &text, const QString &markdown,
                              const QString &html, int parent, const QList<int> &mentioned = {},
                              bool mentionsAll = false);
    /// A space renamed, as Webex lets its members do (the hostile knobs use it).
    void setRoomTitle(int room, const QString &title);
    /// The author changes a message's text: `updated` becomes now. Its mentions become those
    /// of the new text.
    void editMessage(int room, int message, const QString &text, const QString &markdown,
                     const QString &html, const QList<int> &mentioned = {},
                     bool mentionsAll = false);
    /// The message is gone from lists and look-ups; replies to it stay.
    void deleteMessage(int room, int message);
    /// False when the person is a member already.
    bool addMember(int room, int person);
    /// False when the person is not a member.
    bool removeMember(int room, int person);
    /// A new group space created now by `creator`, with `members` (the creator is added if
    /// missing). Returns its index.
    int addRoom(const QString &title, int creator, const QList<int> &members);
    /// A new direct space of the user and `person` (not the user), created now by `creator`
    /// (one of the two) and titled with the person's name, as the user sees it. Returns its
    /// index.
    int addDirectRoom(int person, int creator);

private:
    struct RoomDetail
    {
        bool generated = false;
        QList<int> members;
        QList<Message> messages;
        QHash<QString, int> messageById;
    };

    void generatePeople(int count);
    void generateTeams(int count);
    void generateRooms(int count);
    RoomDetail &detail(int room);
    /// The busy spaces' files, drawn from the room's own generator (after everything else, so
    /// the rest of the seeded data stays what it was before files existed).
    void seedFiles(int room, RoomDetail &detail, QRandomGenerator &rng);
    /// The busy group spaces' mentions, at fixed positions among their newest messages.
    void seedMentions(int room, RoomDetail &detail);
    int storeContent(int room, int message, const QString &uuid, const QString &name,
                     const QByteArray &type, const QByteArray &bytes);

    quint32 m_seed;
    QDateTime m_now;
    QString m_orgUuid;
    QString m_orgId;
    QList<Person> m_people;
    QList<Team> m_teams;
    QList<Room> m_rooms;
    QList<RoomDetail> m_details;
    QHash<QString, int> m_personById;
    QHash<QString, int> m_personByEmail;
    QHash<QString, int> m_roomById;
    QHash<QString, int> m_teamById;
    QHash<QString, QPair<int, int>> m_messageLocation;
    QSet<int> m_roomsWithoutUser;
    QHash<int, int> m_directRoomByPerson;
    int m_everyoneMentionedRoom = -1; ///< The seeded space with a message that mentions all.
    QList<Content> m_contents;
    QHash<QString, int> m_contentById;
};
