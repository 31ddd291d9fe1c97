#include "localstore.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

namespace {
// Each store has a connection of its own, on its own thread.
QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("webexdesk-store-%1").arg(++counter);
}
} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent), m_worker(new StoreWorker(newConnectionName())), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("local store"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

LocalStore::~LocalStore()
{
    resumeRooms(); // a read waiting for the first chunk's frame goes on, and ends
    // Last in the queue: everything asked for before is written, then the connection closes
    // on the thread that opened it.
    QMetaObject::invokeMethod(
        m_context,
        [worker = m_worker] {
            worker->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
    delete m_context;
}

template <typename Work> void LocalStore::post(Work &&work)
{
    QMetaObject::invokeMethod(m_context, std::forward<Work>(work), Qt::QueuedConnection);
}

template <typename Answer> void LocalStore::answer(quint64 generation, Answer &&answer)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, answer = std::forward<Answer>(answer)] {
            if (generation == m_generation)
                answer();
        },
        Qt::QueuedConnection);
}

void LocalStore::checkStopped(quint64 generation)
{
    // On the store's thread, after a write that failed.
    if (m_worker->problem().isEmpty())
        return;
    answer(generation, [this, problem = m_worker->problem()] {
        if (m_stopped)
            return;
        m_stopped = true;
        emit stopped(problem);
    });
}

void LocalStore::open(const QString &path)
{
    m_path = path;
    m_stopped = false;
    const quint64 generation = ++m_generation;
    post([this, path, generation] {
        const StoreFile::Opening opening = m_worker->open(path);
        answer(generation, [this, opening] {
            if (!opening.isOpen())
                m_stopped = true;
            emit opened(opening);
        });
    });
}

void LocalStore::close()
{
    resumeRooms(); // a paused read would hold the close back
    m_path.clear();
    ++m_generation;
    post([this] { m_worker->close(); });
}

void LocalStore::forget(const QString &storePath)
{
    const QString path = storePath.isEmpty() ? m_path : storePath;
    resumeRooms();
    m_path.clear();
    ++m_generation;
    post([this, path] {
        m_worker->close();
        const bool removed = path.isEmpty() || StoreFile::remove(path);
        // Answered whatever was asked since: a new store may already be opening.
        QMetaObject::invokeMethod(
            this, [this, removed] { emit forgotten(removed); }, Qt::QueuedConnection);
    });
}

template <typename Write> void LocalStore::write(Write &&write)
{
    if (m_path.isEmpty() || m_stopped)
        return;
    const quint64 generation = m_generation;
    post([this, generation, write = std::forward<Write>(write)] {
        if (!write(*m_worker))
            checkStopped(generation);
    });
}

void LocalStore::saveRooms(const QList<Room> &rooms)
{
    write([rooms](StoreWorker &worker) { return worker.saveRooms(rooms); });
}

void LocalStore::removeRoom(const QString &roomId)
{
    write([roomId](StoreWorker &worker) { return worker.removeRoom(roomId); });
}

void LocalStore::keepOnlyRooms(const QSet<QString> &roomIds)
{
    write([roomIds](StoreWorker &worker) { return worker.keepOnlyRooms(roomIds); });
}

void LocalStore::saveMessages(const QList<Message> &messages)
{
    write([messages](StoreWorker &worker) { return worker.saveMessages(messages); });
}

void LocalStore::savePage(const QString &roomId, const QList<Message> &newestFirst, bool newest)
{
    write([roomId, newestFirst, newest](StoreWorker &worker) {
        return worker.savePage(roomId, newestFirst, newest);
    });
}

void LocalStore::removeMessage(const QString &messageId)
{
    write([messageId](StoreWorker &worker) { return worker.removeMessage(messageId); });
}

void LocalStore::savePeople(const QList<Person> &people)
{
    write([people](StoreWorker &worker) { return worker.savePeople(people); });
}

void LocalStore::setValue(const QString &key, const QString &value)
{
    write([key, value](StoreWorker &worker) { return worker.setValue(key, value); });
}

void LocalStore::saveDraft(const QString &roomId, const QString &text)
{
    write([roomId, text](StoreWorker &worker) { return worker.setDraft(roomId, text); });
}

void LocalStore::appendToDraft(const QString &roomId, const QString &text)
{
    write([roomId, text](StoreWorker &worker) { return worker.appendToDraft(roomId, text); });
}

void LocalStore::queueOutgoing(const OutgoingMessage &message)
{
    write([message](StoreWorker &worker) { return worker.queueOutgoing(message); });
}

void LocalStore::removeOutgoing(const QString &clientTag)
{
    write([clientTag](StoreWorker &worker) { return worker.removeOutgoing(clientTag); });
}

void LocalStore::readOutbox()
{
    const quint64 generation = m_generation;
    post([this, generation] {
        const QList<OutgoingMessage> messages = m_worker->outgoing();
        answer(generation, [this, messages] { emit outboxRead(messages); });
    });
}

void LocalStore::readDraft(const QString &roomId)
{
    const quint64 generation = m_generation;
    post([this, generation, roomId] {
        const QString text = m_worker->draft(roomId);
        answer(generation, [this, roomId, text] { emit draftRead(roomId, text); });
    });
}

void LocalStore::saveTeams(const QList<Team> &teams)
{
    write([teams](StoreWorker &worker) { return worker.saveTeams(teams); });
}

void LocalStore::saveReadStates(const QList<ReadState> &states)
{
    write([states](StoreWorker &worker) { return worker.saveReadStates(states); });
}

void LocalStore::readReadStates(int maxSpaces, int maxCounted)
{
    const quint64 generation = m_generation;
    post([this, generation, maxSpaces, maxCounted] {
        const QList<ReadState> states = m_worker->readStates(maxSpaces, maxCounted);
        answer(generation, [this, states] { emit readStatesRead(states); });
    });
}

void LocalStore::readTeams()
{
    const quint64 generation = m_generation;
    post([this, generation] {
        const QList<Team> teams = m_worker->teams();
        answer(generation, [this, teams] { emit teamsRead(teams); });
    });
}

void LocalStore::readRooms()
{
    const quint64 generation = m_generation;
    post([this, generation, pauseMs = m_roomsPauseMs] {
        int offset = 0;
        int chunk = FirstRoomsChunk;
        for (;;) {
            const QList<Room> rooms = m_worker->rooms(offset, chunk);
            const bool last = rooms.size() < chunk;
            const bool first = offset == 0;
            if (first && !last) {
                // Before the answer: a resumeRooms() that follows it at once is not lost.
                const QMutexLocker locker(&m_roomsPauseLock);
                m_roomsPaused = true;
            }
            // Each chunk is answered as soon as it is read: the list paints the first while
            // the rest is read.
            answer(generation, [this, rooms, last] { emit roomsRead(rooms, last); });
            if (last)
                return;
            if (first) {
                // One read, paused: writes asked for meanwhile wait behind it, so the chunks
                // still page through one unchanged list.
                QMutexLocker locker(&m_roomsPauseLock);
                const QDeadlineTimer deadline(pauseMs);
                while (m_roomsPaused && m_roomsResumed.wait(&m_roomsPauseLock, deadline)) {
                }
                m_roomsPaused = false;
            }
            offset += chunk;
            chunk = RoomsChunk;
        }
    });
}

void LocalStore::resumeRooms()
{
    const QMutexLocker locker(&m_roomsPauseLock);
    m_roomsPaused = false;
    m_roomsResumed.wakeAll();
}

void LocalStore::readNewestMessages(const QString &roomId, int limit)
{
    const quint64 generation = m_generation;
    post([this, generation, roomId, limit] {
        bool hasOlder = false;
        const QList<Message> messages = m_worker->newestMessages(roomId, limit, &hasOlder);
        QSet<QString> senders;
        for (const Message &message : messages)
            senders.insert(message.personId);
        const QList<Person> people = m_worker->people(senders.values());
        answer(generation, [this, roomId, messages, hasOlder, people] {
            emit messagesRead(roomId, messages, hasOlder, people);
        });
    });
}

void LocalStore::readValue(const QString &key)
{
    const quint64 generation = m_generation;
    post([this, generation, key] {
        const QString value = m_worker->value(key);
        answer(generation, [this, key, value] { emit valueRead(key, value); });
    });
}

void LocalStore::search(const QString &query, int limit)
{
    const quint64 generation = m_generation;
    const quint64 id = ++m_lastSearch;
    post([this, generation, id, query, limit] {
        if (id != m_lastSearch.loadAcquire())
            return; // the person typed on: a newer search is queued
        const SearchResult result = m_worker->search(query, limit);
        answer(generation, [this, id, query, result] {
            if (id == m_lastSearch.loadAcquire())
                emit searched(query, result);
        });
    });
}

void LocalStore::waitForIdle()
{
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    post([&] {
        const QMutexLocker lock(&mutex);
        finished = true;
        done.wakeAll();
    });
    const QMutexLocker lock(&mutex);
    while (!finished)
        done.wait(&mutex);
}
