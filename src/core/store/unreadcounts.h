#pragma once

#include "store/readstate.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <deque>

class LocalStore;

// How many messages from other people each space has that the person has not read, kept in the
// account's local store across restarts (QtCore and the store only). Webex's public REST has no
// read state (docs/LIVE-EVENTS.md, 6.2), so this is local: a space counts the messages from others
// that arrive after its read marker (lastReadAt, lastReadMessageId); reading it here, or our own
// read receipt from another device, moves the marker and clears the count.
//
// Builds on SeenSpaces, does not replace it: SeenSpaces keeps when each space was last seen,
// which RoomListModel compares with the space's lastActivity for its dot ("something new,
// count unknown": all a refresh of the spaces can tell). This keeps the counts of messages
// actually seen arriving (events, or a page of the open space). The row shows the count when
// there is one and the dot otherwise. open() takes SeenSpaces' baseline: messages older than
// it are history, never unread.
//
// De-duplicated by message id: an event and the catch-up page that brings the same message
// again count it once. Bounded whatever arrives: at most MaxSpaces spaces (the ones touched
// least recently are forgotten first), at most MaxHeldIds message ids held for the
// de-duplication in all (the oldest arrivals are let go first; a space then still rejects
// messages older than its marker), a count stops at MaxCount, and ids longer than MaxIdLength
// are refused, also when read from the store. The spaces changed are written to the store a
// moment after a change (SaveDelayMs), and at close(); on the store's thread, never waiting.
//
// What the store kept comes back asynchronously, whenever the store opens a file of another
// account than the one the counts came from (restore()): at start, before the session is there,
// so the counts are shown with the stored spaces. Counting (open()) need not wait for it: what
// arrives meanwhile is merged with what the store kept.
class UnreadCounts : public QObject
{
    Q_OBJECT

public:
    // A count stops here; the list says "99+" long before.
    static constexpr int MaxCount = 999;
    // Spaces with a count or a read marker: more than the 10,000 spaces the benchmarks load.
    static constexpr int MaxSpaces = 20000;
    // Message ids held to tell a message seen before: more than a catch-up page (50) for each
    // of 100 spaces, and about 1 MB at most.
    static constexpr int MaxHeldIds = 10000;
    // Webex's ids are about 80 characters (base64 of "ciscospark://us/MESSAGE/<uuid>").
    static constexpr int MaxIdLength = 256;
    static constexpr int SaveDelayMs = 1000;

    explicit UnreadCounts(QObject *parent = nullptr);
    ~UnreadCounts() override; // writes what is pending

    // The account's store, read whenever it opens a file and written to after changes. Null
    // (the default): the counts are kept in memory only.
    void setStore(LocalStore *store);

    // Counting begins: messages created before `countingSince` never count
    // (SeenSpaces::baseline()). What the store kept stays (or is read now).
    void open(const QDateTime &countingSince);
    // Writes what is pending and empties: nothing counts until the next open().
    void close();
    // The person signed out: nothing pending is written (the account's store goes), and close().
    void forget();
    [[nodiscard]] bool isOpen() const { return m_open; }

    // What a store kept (or an earlier version's settings), taken in with the same bounds as
    // anything else. A space counted here meanwhile is merged: read here since, it stays as it
    // is; otherwise the messages counted here that the store does not list are added.
    void restore(const QList<ReadState> &states);
    // The state of one space as the store keeps it (empty when there is nothing to keep).
    [[nodiscard]] ReadState stateOf(const QString &roomId) const;

    // A message arrived in a space (an event, a page of messages). Counts it when it is from
    // someone else, newer than the space's read marker and not counted before; returns whether
    // it was counted. One of mine means I have read the space up to it (I could not write
    // without seeing it): the marker moves there and the count clears. An invalid `created`
    // counts (nothing tells it is old).
    bool messageArrived(const QString &roomId, const QString &messageId, bool fromMe,
                        const QDateTime &created);
    // The person read the space here (open in the active window), up to `newestMessageId`
    // (empty when not known yet) at `when` (the newest message's time, invalid for now): the
    // count clears; the marker only moves forward.
    void markRead(const QString &roomId, const QString &newestMessageId, const QDateTime &when);
    // Our own read receipt from another device (an `acknowledge` whose actor is us): read up to
    // `messageId`. When that message is one this counted, only the counted ones newer than it
    // stay; otherwise (it is the newest, or not known here) the count clears.
    void acknowledgedElsewhere(const QString &roomId, const QString &messageId);
    // A message was deleted: if it was counted, it no longer is.
    void messageDeleted(const QString &roomId, const QString &messageId);
    // We left the space (or were removed): its count and marker go.
    void spaceLeft(const QString &roomId);

    [[nodiscard]] int countFor(const QString &roomId) const;
    [[nodiscard]] int total() const { return m_total; }
    // Spaces with a count above 0.
    [[nodiscard]] QHash<QString, int> counts() const;
    [[nodiscard]] QDateTime lastReadAt(const QString &roomId) const;
    [[nodiscard]] QString lastReadMessageId(const QString &roomId) const;
    // How far the space's messages are accounted for: the newest of its read marker, the
    // messages it counts and countingSince(). Activity after it has not been counted (the
    // catch-up's recount, docs/LIVE-EVENTS.md 6.3 step 3). Messages it let go of (MaxHeldIds)
    // may make it earlier than it was: at worst one page is counted again, by id.
    [[nodiscard]] QDateTime countedUntil(const QString &roomId) const;
    [[nodiscard]] QDateTime countingSince() const { return m_countingSince; }
    [[nodiscard]] int spaceCount() const { return int(m_spaces.size()); }
    [[nodiscard]] int heldIdCount() const;

    // Writes now what a change left pending (also done SaveDelayMs after it, and at close()).
    // When no store is usable it stays pending, until one opens.
    void saveNow();

signals:
    // The count or marker of `roomId` changed; total() may have too.
    void changed(const QString &roomId);

private:
    struct Space
    {
        int count = 0;
        QDateTime readAt; // UTC; invalid: never read here
        QString readId;
        QHash<QString, QDateTime> held; // counted ids -> created (UTC, may be invalid)
        quint64 touched = 0;            // for forgetting the least recently touched space
    };

    Space &touch(const QString &roomId);
    void setCount(Space &space, int count);
    void hold(const QString &roomId, Space &space, const QString &messageId,
              const QDateTime &created);
    void release(Space &space);
    void trimSpaces();
    void trimHeld();
    void changedAndSave(const QString &roomId);
    void storeOpened();
    void readStore();
    // Empties, saying which spaces changed.
    void clear();

    QPointer<LocalStore> m_store;
    // The store file the counts were read from (empty: none yet); another one is another
    // account's, whose counts replace these.
    QString m_restoredFrom;
    QString m_readingFrom; // the file a read was asked of, until it answers
    bool m_open = false;
    QSet<QString> m_unsaved; // spaces changed since the last write
    QDateTime m_countingSince;
    QHash<QString, Space> m_spaces;
    // Held ids in the order they came, (room, message), to let the oldest go first. An entry
    // whose id its space no longer holds (read since) is skipped when it comes up.
    std::deque<std::pair<QString, QString>> m_heldOrder;
    int m_total = 0;
    quint64 m_clock = 0;
    QTimer m_saveTimer;
};
