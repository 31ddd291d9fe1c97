#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

// How far the person has read one space, and what in it is unread (UnreadCounts), as the store
// keeps it: the read_state and unread_messages tables (docs/STORE.md).
struct ReadState
{
    QString roomId;
    QDateTime readAt; // UTC; invalid: never read here
    QString readMessageId;
    int unreadCount = 0;
    // The messages counted as unread, by id, with when they were written (UTC, may be
    // invalid). Fewer than unreadCount when the oldest were let go (UnreadCounts::MaxHeldIds).
    QHash<QString, QDateTime> counted;

    // Nothing to keep: the store deletes the space's row.
    [[nodiscard]] bool isEmpty() const
    {
        return unreadCount <= 0 && !readAt.isValid() && readMessageId.isEmpty() &&
               counted.isEmpty();
    }
};
Q_DECLARE_METATYPE(ReadState)

// The read state as versions before the local store kept it in QSettings
// ("spaces/unread/<API host>": room id -> {count, readAt, readId, held: {id -> created}}),
// for moving it into the store once. Values of the wrong type read as missing; bounds and ids
// are checked where it is taken in (UnreadCounts::restore).
[[nodiscard]] QList<ReadState> readStatesFromSettingsValue(const QVariantMap &stored);
