#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

class QSettings;

// When the person last saw each space, kept across restarts, and the baseline that spaces
// never opened count as seen at (activity after it is new, activity before is history).
// RoomListModel shows the marks; this keeps them. QtCore only.
//
// Kept per account's API host: the demo's emulator and real Webex have different spaces.
// An ephemeral account (the demo, whose spaces are new at every start) reads and writes
// nothing, and its baseline is a day ago: the demo plays someone back after a day away.
class SeenSpaces
{
public:
    // `settings` outlives this object; QSettings() in the app, a file of their own in tests.
    explicit SeenSpaces(QSettings *settings);

    // Reads what is kept for `apiHost`. The first time for an account, the baseline is now,
    // and it is kept from then on.
    void open(const QString &apiHost, bool ephemeral);
    // Nothing is open (a session ended): save() and forget() do nothing until the next open().
    void close();

    [[nodiscard]] QHash<QString, QDateTime> lastSeen() const { return m_lastSeen; }
    [[nodiscard]] QDateTime baseline() const { return m_baseline; }

    // Replaces what is kept (RoomListModel::lastSeen() after lastSeenChanged).
    void save(const QHash<QString, QDateTime> &lastSeenByRoomId);
    // The person signed out: the next account starts afresh.
    void forget();

private:
    [[nodiscard]] QString key(const QString &what) const;

    QSettings *m_settings;
    QString m_apiHost;
    bool m_ephemeral = false;
    bool m_open = false;
    QHash<QString, QDateTime> m_lastSeen;
    QDateTime m_baseline;
};
