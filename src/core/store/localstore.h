#pragma once

#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "store/messagesearch.h"
#include "store/storefile.h"
#include "store/storeworker.h"

#include <QAtomicInteger>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QWaitCondition>

// One account's local store (docs/STORE.md) for the UI thread: every call returns at once and
// the work runs, in the order it was asked for, on a thread of the store's own (StoreWorker);
// what is read comes back as a signal. The UI thread never waits on the disk, except when the
// store is destroyed: what was asked to be written is written first.
//
// Answers belong to the file they were asked of: after close(), forget() or another open(),
// nothing asked before is answered.
class LocalStore : public QObject
{
    Q_OBJECT

public:
    // How many spaces the first answer of readRooms() holds: a window's worth, so the list is
    // painted before the rest is read.
    static constexpr int FirstRoomsChunk = 100;
    static constexpr int RoomsChunk = 2000;
    // How long readRooms() waits after its first chunk for resumeRooms() at most, by default.
    static constexpr int RoomsPauseMs = 250;

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // Opens (creates, migrates or replaces) the store at `path`; opened() says how it went.
    void open(const QString &path);
    void close();
    // Closes the store and deletes its files, or those of the store at `path` when given
    // (sign-out, *Forget local data*); forgotten() says whether none is left.
    void forget(const QString &path = {});
    [[nodiscard]] QString path() const { return m_path; }
    // Open asked for, and not failed or stopped (as far as this thread knows).
    [[nodiscard]] bool isUsable() const { return !m_path.isEmpty() && !m_stopped; }

    void saveRooms(const QList<Room> &rooms);
    void removeRoom(const QString &roomId);
    void keepOnlyRooms(const QSet<QString> &roomIds);
    void saveMessages(const QList<Message> &messages);
    void savePage(const QString &roomId, const QList<Message> &newestFirst, bool newest);
    void removeMessage(const QString &messageId);
    void savePeople(const QList<Person> &people);
    void saveTeams(const QList<Team> &teams);
    void setValue(const QString &key, const QString &value);
    void saveDraft(const QString &roomId, const QString &text);
    void appendToDraft(const QString &roomId, const QString &text);
    void saveReadStates(const QList<ReadState> &states);
    void queueOutgoing(const OutgoingMessage &message);
    void removeOutgoing(const QString &clientTag);

    // roomsRead() follows with the first FirstRoomsChunk spaces, then RoomsChunk at a time,
    // the last with `last` set (also when there are none). After the first chunk the store's
    // thread waits for resumeRooms() (at most RoomsPauseMs) before it reads the rest: at a
    // start, reading 10,000 spaces on the second core starved the display server, which then
    // took 30 ms longer to take in the window's first frame, and the list's frame waited for
    // it (docs/BENCHMARKS.md, "Restoring from the local store").
    void readRooms();
    // The first chunk is on screen: the rest of the spaces are read now. Harmless otherwise.
    void resumeRooms();
    // For the reads asked for from now on (tests).
    void setRoomsPause(int milliseconds) { m_roomsPauseMs = qMax(0, milliseconds); }
    // messagesRead() follows, with the people known among their senders.
    void readNewestMessages(const QString &roomId, int limit);
    void readValue(const QString &key);
    // teamsRead() follows.
    void readTeams();
    // readStatesRead() follows (StoreWorker::readStates).
    void readReadStates(int maxSpaces, int maxCounted);
    // outboxRead() follows, in the order queued.
    void readOutbox();
    // draftRead() follows (empty text when there is none).
    void readDraft(const QString &roomId);

    // searched() follows with the first `limit` messages matching `query`, newest first,
    // unless another search was asked for meanwhile (typing: only the last one counts).
    void search(const QString &query, int limit);

    // Waits until everything asked for so far is done (tests, and benchmarks).
    void waitForIdle();

signals:
    void opened(const StoreFile::Opening &opening);
    // A write failed: the store stopped (StoreWorker::problem()); one sentence for the person.
    void stopped(const QString &problem);
    void forgotten(bool removed);
    void roomsRead(const QList<Room> &rooms, bool last);
    void messagesRead(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder,
                      const QList<Person> &senders);
    void valueRead(const QString &key, const QString &value);
    void teamsRead(const QList<Team> &teams);
    void draftRead(const QString &roomId, const QString &text);
    void outboxRead(const QList<OutgoingMessage> &messages);
    void readStatesRead(const QList<ReadState> &states);
    void searched(const QString &query, const SearchResult &result);

private:
    // Runs `work` on the store's thread with its worker.
    template <typename Work> void post(Work &&work);
    // Runs a write on the store's thread, unless the store is closed or stopped; a failed one
    // stops the store (stopped()).
    template <typename Write> void write(Write &&write);
    // Runs `answer` on this object's thread, unless the file changed meanwhile.
    template <typename Answer> void answer(quint64 generation, Answer &&answer);
    // After a write: says once that the store stopped.
    void checkStopped(quint64 generation);

    QThread m_thread;
    StoreWorker *m_worker; // lives on m_thread, only touched there
    QObject *m_context;    // lives on m_thread: what posted work runs in
    QString m_path;
    quint64 m_generation = 0; // which open() answers belong to
    bool m_stopped = false;
    QAtomicInteger<quint64> m_lastSearch; // the search asked for last; older ones are skipped
    QMutex m_roomsPauseLock;
    QWaitCondition m_roomsResumed;
    bool m_roomsPaused = false; // under m_roomsPauseLock
    int m_roomsPauseMs = RoomsPauseMs;
};
