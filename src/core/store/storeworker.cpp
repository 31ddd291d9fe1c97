#include "storeworker.h"

#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "store/messagesearch.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

Q_LOGGING_CATEGORY(lcStore, "webexdesk.store")

namespace {

// Times are milliseconds since the epoch, UTC; NULL when unknown (docs/STORE.md).
QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Lists are kept one item per line: ids, URLs and addresses never hold a line break.
QString joined(const QStringList &items)
{
    return items.join(QLatin1Char('\n'));
}

QStringList split(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

// One statement, prepared once per call of a write and bound per row.
class Statement
{
public:
    Statement(const QSqlDatabase &db, const QString &sql) : m_query(db)
    {
        m_ok = m_query.prepare(sql);
    }
    QSqlQuery &query() { return m_query; }
    // Binds `values` in order and runs it; on failure *detail says why.
    bool run(const QVariantList &values, QString *detail)
    {
        if (!m_ok) {
            *detail = m_query.lastError().text();
            return false;
        }
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &value = values.at(i);
            // QtSql binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                m_query.bindValue(i, QString(QLatin1String("")));
            else
                m_query.bindValue(i, value);
        }
        if (m_query.exec())
            return true;
        *detail = m_query.lastError().text();
        return false;
    }

private:
    QSqlQuery m_query;
    bool m_ok = false;
};

// `ids` in the temporary table `table` of this connection (made when missing, emptied first),
// so a statement joins them instead of binding thousands of parameters.
bool fillIdTable(const QSqlDatabase &db, const QString &table, const QStringList &ids,
                 QString *detail)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1(id TEXT PRIMARY KEY NOT NULL)"
                               " WITHOUT ROWID")
                    .arg(table)) ||
        !q.exec(QStringLiteral("DELETE FROM %1").arg(table))) {
        *detail = q.lastError().text();
        return false;
    }
    Statement insert(db, QStringLiteral("INSERT OR IGNORE INTO %1(id) VALUES (?)").arg(table));
    for (const QString &id : ids) {
        if (!insert.run({id}, detail))
            return false;
    }
    return true;
}

const QString RoomColumns = QStringLiteral(
    "id, title, kind, team_id, creator_id, owner_id, description, is_locked, is_public,"
    " is_read_only, is_announcement_only, last_activity, created");

const QString MessageColumns =
    QStringLiteral("id, room_id, room_type, person_id, person_email, text, markdown, html,"
                   " parent_id, files, created, updated");

Room roomFrom(const QSqlQuery &q)
{
    Room room;
    room.id = q.value(0).toString();
    room.title = q.value(1).toString();
    room.kind =
        q.value(2).toInt() == int(Room::Kind::Direct) ? Room::Kind::Direct : Room::Kind::Group;
    room.teamId = q.value(3).toString();
    room.creatorId = q.value(4).toString();
    room.ownerId = q.value(5).toString();
    room.description = q.value(6).toString();
    room.isLocked = q.value(7).toBool();
    room.isPublic = q.value(8).toBool();
    room.isReadOnly = q.value(9).toBool();
    room.isAnnouncementOnly = q.value(10).toBool();
    room.lastActivity = timeFrom(q.value(11));
    room.created = timeFrom(q.value(12));
    return room;
}

Message messageFrom(const QSqlQuery &q)
{
    Message message;
    message.id = q.value(0).toString();
    message.roomId = q.value(1).toString();
    message.roomType = q.value(2).toString();
    message.personId = q.value(3).toString();
    message.personEmail = q.value(4).toString();
    message.text = q.value(5).toString();
    message.markdown = q.value(6).toString();
    message.html = q.value(7).toString();
    message.parentId = q.value(8).toString();
    message.files = split(q.value(9).toString());
    message.created = timeFrom(q.value(10));
    message.updated = timeFrom(q.value(11));
    return message;
}

} // namespace

StoreWorker::StoreWorker(QString connectionName) : m_connection(std::move(connectionName)) {}

StoreWorker::~StoreWorker()
{
    close();
}

QSqlDatabase StoreWorker::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

StoreFile::Opening StoreWorker::open(const QString &path)
{
    close();
    const StoreFile::Opening opening = StoreFile::open(path, m_connection);
    m_open = opening.isOpen();
    m_problem.clear();
    return opening;
}

void StoreWorker::close()
{
    if (m_open)
        StoreFile::close(m_connection);
    m_open = false;
}

void StoreWorker::stop(const QString &detail)
{
    qCWarning(lcStore) << "The store stops after a failed write:" << detail;
    m_problem = tr("Messages can no longer be kept on this computer (%1); the app goes on "
                   "with what it has in memory.")
                    .arg(detail.left(200));
}

template <typename Write> bool StoreWorker::transaction(const char *what, Write &&write)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = database();
    if (!db.transaction()) {
        stop(db.lastError().text());
        return false;
    }
    QString detail;
    if (!write(db, &detail)) {
        db.rollback();
        stop(QString::fromLatin1(what) + QStringLiteral(": ") + detail);
        return false;
    }
    if (!db.commit()) {
        detail = db.lastError().text();
        db.rollback();
        stop(detail);
        return false;
    }
    return true;
}

bool StoreWorker::writeOne(const char *what, const QString &sql, const QVariantList &values)
{
    return transaction(what, [&](const QSqlDatabase &db, QString *detail) {
        return Statement(db, sql).run(values, detail);
    });
}

bool StoreWorker::saveRooms(const QList<Room> &rooms)
{
    if (rooms.isEmpty())
        return isOpen();
    return transaction("spaces", [&](const QSqlDatabase &db, QString *detail) {
        Statement upsert(db, QStringLiteral("INSERT OR REPLACE INTO spaces(") + RoomColumns +
                                 QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        for (const Room &room : rooms) {
            if (!upsert.run({room.id, room.title, int(room.kind), room.teamId, room.creatorId,
                             room.ownerId, room.description, room.isLocked, room.isPublic,
                             room.isReadOnly, room.isAnnouncementOnly, timeValue(room.lastActivity),
                             timeValue(room.created)},
                            detail))
                return false;
        }
        return true;
    });
}

bool StoreWorker::removeRoom(const QString &roomId)
{
    return transaction("left space", [&](const QSqlDatabase &db, QString *detail) {
        for (const char *table :
             {"messages", "read_state", "unread_messages", "drafts", "outbox"}) {
            Statement remove(
                db, QStringLiteral("DELETE FROM %1 WHERE room_id = ?").arg(QLatin1String(table)));
            if (!remove.run({roomId}, detail))
                return false;
        }
        Statement remove(db, QStringLiteral("DELETE FROM spaces WHERE id = ?"));
        if (!remove.run({roomId}, detail))
            return false;
        return true;
    });
}

bool StoreWorker::keepOnlyRooms(const QSet<QString> &roomIds)
{
    return transaction("spaces left", [&](const QSqlDatabase &db, QString *detail) {
        if (!fillIdTable(db, QStringLiteral("kept_spaces"), roomIds.values(), detail))
            return false;
        QSqlQuery q(db);
        for (const char *table :
             {"messages", "read_state", "unread_messages", "drafts", "outbox"}) {
            if (!q.exec(QStringLiteral("DELETE FROM %1 WHERE room_id NOT IN kept_spaces")
                            .arg(QLatin1String(table)))) {
                *detail = q.lastError().text();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("DELETE FROM spaces WHERE id NOT IN kept_spaces")) ||
            !q.exec(QStringLiteral("DELETE FROM kept_spaces"))) {
            *detail = q.lastError().text();
            return false;
        }
        return true;
    });
}

QList<Room> StoreWorker::rooms(int offset, int limit) const
{
    QList<Room> rooms;
    if (!isOpen())
        return rooms;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // RoomListModel's order: last activity (else created) newest first, spaces with neither
    // last, then by id. Exactly the index spaces_in_list_order (StoreFile), which SQLite then
    // reads in order instead of sorting every space.
    q.prepare(QStringLiteral("SELECT ") + RoomColumns +
              QStringLiteral(" FROM spaces ORDER BY coalesce(last_activity, created) IS NULL,"
                             " coalesce(last_activity, created) DESC, id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        qCWarning(lcStore) << "Reading spaces failed:" << q.lastError().text();
        return rooms;
    }
    while (q.next())
        rooms.append(roomFrom(q));
    return rooms;
}

int StoreWorker::roomCount() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT count(*) FROM spaces")) && q.next() ? q.value(0).toInt()
                                                                             : 0;
}

namespace {

// Inserts a message, or updates the stored one when Webex's copy differs: an unchanged row is
// not written again, so its text is not re-indexed for search.
bool upsertMessages(const QSqlDatabase &db, const QList<Message> &messages, QString *detail)
{
    Statement upsert(
        db,
        QStringLiteral("INSERT INTO messages(") + MessageColumns +
            QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                           " ON CONFLICT(id) DO UPDATE SET room_id = excluded.room_id,"
                           " room_type = excluded.room_type, person_id = excluded.person_id,"
                           " person_email = excluded.person_email, text = excluded.text,"
                           " markdown = excluded.markdown, html = excluded.html,"
                           " parent_id = excluded.parent_id, files = excluded.files,"
                           " created = excluded.created, updated = excluded.updated"
                           " WHERE text IS NOT excluded.text OR markdown IS NOT excluded.markdown"
                           " OR html IS NOT excluded.html OR files IS NOT excluded.files"
                           " OR updated IS NOT excluded.updated"));
    for (const Message &m : messages) {
        if (!upsert.run({m.id, m.roomId, m.roomType, m.personId, m.personEmail, m.text, m.markdown,
                         m.html, m.parentId, joined(m.files), timeValue(m.created),
                         timeValue(m.updated)},
                        detail))
            return false;
    }
    return true;
}

} // namespace

bool StoreWorker::saveMessages(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return isOpen();
    return transaction("messages", [&](const QSqlDatabase &db, QString *detail) {
        return upsertMessages(db, messages, detail);
    });
}

bool StoreWorker::savePage(const QString &roomId, const QList<Message> &newestFirst, bool newest)
{
    QList<Message> page;
    QDateTime oldest;
    QDateTime newestTime;
    for (const Message &m : newestFirst) {
        if (m.roomId != roomId)
            continue; // a hostile answer's stray message is not this space's
        page.append(m);
        if (!m.created.isValid())
            continue;
        if (!oldest.isValid() || m.created < oldest)
            oldest = m.created;
        if (!newestTime.isValid() || m.created > newestTime)
            newestTime = m.created;
    }
    return transaction("page", [&](const QSqlDatabase &db, QString *detail) {
        if (!upsertMessages(db, page, detail))
            return false;
        if (!oldest.isValid() && !(newest && page.isEmpty()))
            return true; // no times to tell a range by
        // The ids of the page, to keep; the rest of its range is gone from Webex.
        QStringList pageIds;
        for (const Message &m : page)
            pageIds.append(m.id);
        if (!fillIdTable(db, QStringLiteral("page_ids"), pageIds, detail))
            return false;
        QSqlQuery q(db);
        // An empty newest page: the space has no messages any more.
        QString range;
        if (oldest.isValid())
            range += QStringLiteral(" AND created > :oldest");
        if (!newest)
            range += QStringLiteral(" AND created < :newest");
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM messages WHERE room_id = :room") + range +
                       QStringLiteral(" AND id NOT IN page_ids"));
        remove.bindValue(QStringLiteral(":room"), roomId);
        if (oldest.isValid())
            remove.bindValue(QStringLiteral(":oldest"), oldest.toMSecsSinceEpoch());
        if (!newest)
            remove.bindValue(QStringLiteral(":newest"), newestTime.toMSecsSinceEpoch());
        if (!remove.exec() || !q.exec(QStringLiteral("DELETE FROM page_ids"))) {
            *detail = remove.lastError().text() + q.lastError().text();
            return false;
        }
        return true;
    });
}

bool StoreWorker::removeMessage(const QString &messageId)
{
    return writeOne("deleted message", QStringLiteral("DELETE FROM messages WHERE id = ?"),
                    {messageId});
}

QList<Message> StoreWorker::newestMessages(const QString &roomId, int limit, bool *hasOlder) const
{
    QList<Message> messages;
    *hasOlder = false;
    if (!isOpen() || limit <= 0)
        return messages;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + MessageColumns +
              QStringLiteral(" FROM messages WHERE room_id = ? ORDER BY created DESC, rowid DESC"
                             " LIMIT ?"));
    q.addBindValue(roomId);
    q.addBindValue(limit + 1); // one more tells whether there are older ones
    if (!q.exec()) {
        qCWarning(lcStore) << "Reading messages failed:" << q.lastError().text();
        return messages;
    }
    while (q.next()) {
        if (messages.size() == limit) {
            *hasOlder = true;
            break;
        }
        messages.append(messageFrom(q));
    }
    return messages;
}

bool StoreWorker::saveTeams(const QList<Team> &teams)
{
    return transaction("teams", [&](const QSqlDatabase &db, QString *detail) {
        if (!Statement(db, QStringLiteral("DELETE FROM teams")).run({}, detail))
            return false;
        Statement insert(db, QStringLiteral("INSERT OR REPLACE INTO teams(id, name, description,"
                                            " created) VALUES (?,?,?,?)"));
        for (const Team &team : teams) {
            if (!insert.run({team.id, team.name, team.description, timeValue(team.created)},
                            detail))
                return false;
        }
        return true;
    });
}

QList<Team> StoreWorker::teams() const
{
    QList<Team> teams;
    if (!isOpen())
        return teams;
    QSqlQuery q(database());
    if (!q.exec(
            QStringLiteral("SELECT id, name, description, created FROM teams ORDER BY name, id")))
        return teams;
    while (q.next()) {
        Team team;
        team.id = q.value(0).toString();
        team.name = q.value(1).toString();
        team.description = q.value(2).toString();
        team.created = timeFrom(q.value(3));
        teams.append(team);
    }
    return teams;
}

bool StoreWorker::savePeople(const QList<Person> &people)
{
    if (people.isEmpty())
        return isOpen();
    const QVariant now = timeValue(QDateTime::currentDateTimeUtc());
    return transaction("people", [&](const QSqlDatabase &db, QString *detail) {
        Statement upsert(db, QStringLiteral("INSERT OR REPLACE INTO people(id, display_name,"
                                            " emails, avatar, seen) VALUES (?,?,?,?,?)"));
        for (const Person &person : people) {
            if (!upsert.run({person.id, person.displayName, joined(person.emails),
                             person.avatar.toString(), now},
                            detail))
                return false;
        }
        return true;
    });
}

QList<Person> StoreWorker::people(const QStringList &personIds) const
{
    QList<Person> people;
    if (!isOpen())
        return people;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, display_name, emails, avatar FROM people WHERE id = ?"));
    for (const QString &id : personIds) {
        q.bindValue(0, id);
        if (!q.exec() || !q.next())
            continue;
        Person person;
        person.id = q.value(0).toString();
        person.displayName = q.value(1).toString();
        person.emails = split(q.value(2).toString());
        const QUrl avatar(q.value(3).toString());
        // Only what Person::fromJson lets through: an http(s) picture.
        if (avatar.scheme() == QLatin1String("https") || avatar.scheme() == QLatin1String("http"))
            person.avatar = avatar;
        people.append(person);
    }
    return people;
}

bool StoreWorker::setDraft(const QString &roomId, const QString &text)
{
    if (text.isEmpty())
        return writeOne("draft", QStringLiteral("DELETE FROM drafts WHERE room_id = ?"), {roomId});
    return writeOne("draft",
                    QStringLiteral("INSERT OR REPLACE INTO drafts(room_id, text, updated)"
                                   " VALUES (?,?,?)"),
                    {roomId, text, timeValue(QDateTime::currentDateTimeUtc())});
}

bool StoreWorker::appendToDraft(const QString &roomId, const QString &text)
{
    if (text.isEmpty())
        return isOpen();
    return writeOne("draft",
                    QStringLiteral("INSERT INTO drafts(room_id, text, updated) VALUES (?1, ?2, ?3)"
                                   " ON CONFLICT(room_id) DO UPDATE SET"
                                   " text = drafts.text || char(10) || excluded.text,"
                                   " updated = excluded.updated"),
                    {roomId, text, timeValue(QDateTime::currentDateTimeUtc())});
}

QString StoreWorker::draft(const QString &roomId) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT text FROM drafts WHERE room_id = ?"));
    q.addBindValue(roomId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool StoreWorker::queueOutgoing(const OutgoingMessage &message)
{
    const qint64 created = message.created.isValid() ? message.created.toMSecsSinceEpoch()
                                                     : QDateTime::currentMSecsSinceEpoch();
    return writeOne(
        "outbox",
        QStringLiteral("INSERT OR IGNORE INTO outbox(client_tag, room_id, markdown,"
                       " created, parent_id) VALUES (?,?,?,?,?)"),
        {message.clientTag, message.roomId, message.markdown, created, message.parentId});
}

bool StoreWorker::removeOutgoing(const QString &clientTag)
{
    return writeOne("outbox", QStringLiteral("DELETE FROM outbox WHERE client_tag = ?"),
                    {clientTag});
}

QList<OutgoingMessage> StoreWorker::outgoing() const
{
    QList<OutgoingMessage> messages;
    if (!isOpen())
        return messages;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT client_tag, room_id, markdown, created, parent_id"
                               " FROM outbox ORDER BY seq")))
        return messages;
    while (q.next())
        messages.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         timeFrom(q.value(3)), q.value(4).toString()});
    return messages;
}

bool StoreWorker::saveReadStates(const QList<ReadState> &states)
{
    if (states.isEmpty())
        return isOpen();
    return transaction("read state", [&](const QSqlDatabase &db, QString *detail) {
        Statement forgetState(db, QStringLiteral("DELETE FROM read_state WHERE room_id = ?"));
        Statement forgetCounted(db,
                                QStringLiteral("DELETE FROM unread_messages WHERE room_id = ?"));
        Statement state(db, QStringLiteral("INSERT OR REPLACE INTO read_state(room_id, read_at,"
                                           " read_message_id, unread_count) VALUES (?,?,?,?)"));
        Statement counted(db, QStringLiteral("INSERT OR REPLACE INTO unread_messages(room_id,"
                                             " message_id, created) VALUES (?,?,?)"));
        for (const ReadState &space : states) {
            if (!forgetCounted.run({space.roomId}, detail))
                return false;
            if (space.isEmpty()) {
                if (!forgetState.run({space.roomId}, detail))
                    return false;
                continue;
            }
            if (!state.run(
                    {space.roomId, timeValue(space.readAt), space.readMessageId, space.unreadCount},
                    detail))
                return false;
            for (auto it = space.counted.cbegin(); it != space.counted.cend(); ++it) {
                if (!counted.run({space.roomId, it.key(), timeValue(it.value())}, detail))
                    return false;
            }
        }
        return true;
    });
}

QList<ReadState> StoreWorker::readStates(int maxSpaces, int maxCounted) const
{
    QList<ReadState> states;
    if (!isOpen())
        return states;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT room_id, read_at, read_message_id, unread_count"
                             " FROM read_state ORDER BY read_at IS NULL, read_at DESC LIMIT ?"));
    q.addBindValue(maxSpaces);
    if (!q.exec()) {
        qCWarning(lcStore) << "Reading the read state failed:" << q.lastError().text();
        return states;
    }
    QHash<QString, qsizetype> at;
    while (q.next()) {
        ReadState state;
        state.roomId = q.value(0).toString();
        state.readAt = timeFrom(q.value(1));
        state.readMessageId = q.value(2).toString();
        state.unreadCount = q.value(3).toInt();
        at.insert(state.roomId, states.size());
        states.append(std::move(state));
    }
    q.prepare(QStringLiteral("SELECT room_id, message_id, created FROM unread_messages"
                             " ORDER BY created IS NULL, created DESC LIMIT ?"));
    q.addBindValue(maxCounted);
    if (!q.exec()) {
        qCWarning(lcStore) << "Reading the unread messages failed:" << q.lastError().text();
        return states;
    }
    while (q.next()) {
        const auto space = at.constFind(q.value(0).toString());
        if (space != at.cend())
            states[*space].counted.insert(q.value(1).toString(), timeFrom(q.value(2)));
    }
    return states;
}

SearchResult StoreWorker::search(const QString &query, int limit) const
{
    if (!isOpen()) {
        SearchResult nothing;
        nothing.problem = m_problem.isEmpty()
                              ? tr("No messages are kept on this computer to search.")
                              : m_problem;
        return nothing;
    }
    return MessageSearch::search(database(), query, limit);
}

bool StoreWorker::setValue(const QString &key, const QString &value)
{
    return writeOne("state",
                    QStringLiteral("INSERT OR REPLACE INTO app_state(key, value) VALUES (?,?)"),
                    {key, value});
}

QString StoreWorker::value(const QString &key) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM app_state WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}
