#pragma once

#include "store/readstate.h"
#include "store/storefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

class Message;

// A message written while Webex could not be reached, waiting to be sent (the outbox).
struct OutgoingMessage
{
    QString clientTag;
    QString roomId;
    QString markdown;
    QDateTime created; // UTC
    QString parentId;  // the thread it answers, or empty
};
Q_DECLARE_METATYPE(OutgoingMessage)

class Person;
class QSqlDatabase;
class Room;
class Team;
struct SearchResult;

// What one account's local store reads and writes (docs/STORE.md), on the thread that opened
// it: LocalStore runs one of these on a thread of its own, so the UI never waits on the disk;
// tests call it directly. Every write is one transaction: it is all in the file or none of it.
//
// A write that fails (the disk is full, the file was damaged under us) is rolled back, and the
// store stops: problem() says why in one sentence, and from then on writes do nothing and reads
// return nothing. What the app shows lives in its models, so it goes on from memory; the next
// start opens the file again.
class StoreWorker
{
    Q_DECLARE_TR_FUNCTIONS(StoreWorker)

public:
    // connectionName: the QtSql connection of this worker (one per thread).
    explicit StoreWorker(QString connectionName);
    ~StoreWorker(); // closes

    StoreFile::Opening open(const QString &path);
    void close();
    [[nodiscard]] bool isOpen() const { return m_open && m_problem.isEmpty(); }
    // Why the store stopped; empty while it works.
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QString connectionName() const { return m_connection; }

    // Spaces as Webex sent them: new ones inserted, known ones replaced.
    bool saveRooms(const QList<Room> &rooms);
    bool removeRoom(const QString &roomId);
    // Webex listed all of the person's spaces: the others were left, and go with their
    // messages, read state and draft.
    bool keepOnlyRooms(const QSet<QString> &roomIds);
    // Spaces, newest activity first (the list's order), `limit` of them from `offset`.
    [[nodiscard]] QList<Room> rooms(int offset, int limit) const;
    [[nodiscard]] int roomCount() const;

    // Messages as Webex sent them: new ones inserted, known ones updated only when their text,
    // markup or edit time changed (each update re-indexes the text for search).
    bool saveMessages(const QList<Message> &messages);
    // One page of a space as Webex sent it (newest first): saved, and the space's stored
    // messages strictly between the page's oldest and newest that it does not hold are deleted
    // (a page is contiguous: Webex deleted them). `newest`: nothing newer exists either (the
    // page was asked for without a `before`), so stored ones newer than its newest go too.
    bool savePage(const QString &roomId, const QList<Message> &newestFirst, bool newest);
    bool removeMessage(const QString &messageId);
    // Up to `limit` of the space's newest messages, newest first; *hasOlder when more are kept.
    [[nodiscard]] QList<Message> newestMessages(const QString &roomId, int limit,
                                                bool *hasOlder) const;

    // The person's teams as Webex listed them (all of them: the ones not listed go).
    bool saveTeams(const QList<Team> &teams);
    [[nodiscard]] QList<Team> teams() const;

    bool savePeople(const QList<Person> &people);
    // Those of `personIds` the store knows.
    [[nodiscard]] QList<Person> people(const QStringList &personIds) const;

    // What the person began writing in a space; empty text deletes it.
    bool setDraft(const QString &roomId, const QString &text);
    [[nodiscard]] QString draft(const QString &roomId) const;
    // Puts `text` after the space's draft (on a line of its own), or makes it the draft.
    bool appendToDraft(const QString &roomId, const QString &text);

    // The outbox: kept in the order queued until Webex has the message.
    bool queueOutgoing(const OutgoingMessage &message);
    bool removeOutgoing(const QString &clientTag);
    [[nodiscard]] QList<OutgoingMessage> outgoing() const;

    // How far each space is read, and what in it is unread (UnreadCounts): each state replaces
    // the space's; an empty one deletes it.
    bool saveReadStates(const QList<ReadState> &states);
    // The read states, at most `maxSpaces` (the ones read most recently first) with at most
    // `maxCounted` counted messages in all (the newest).
    [[nodiscard]] QList<ReadState> readStates(int maxSpaces, int maxCounted) const;

    // The stored messages matching `query` (MessageSearch), newest first, at most `limit`.
    [[nodiscard]] SearchResult search(const QString &query, int limit) const;

    // Small values of the account's session, such as the space open at the last close.
    bool setValue(const QString &key, const QString &value);
    [[nodiscard]] QString value(const QString &key) const;

private:
    [[nodiscard]] QSqlDatabase database() const;
    // Runs `write` in one transaction; on any failure rolls back and stops the store.
    template <typename Write> bool transaction(const char *what, Write &&write);
    // One statement in one transaction.
    bool writeOne(const char *what, const QString &sql, const QVariantList &values);
    void stop(const QString &detail);

    QString m_connection;
    bool m_open = false;
    QString m_problem;
};
