#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// The file of one account's local store (docs/STORE.md): an SQLite database through QtSql.
//
// Opening it makes sure that what is opened is ours, whole and of the schema this build knows:
// - a new file is created readable by the user only (0600, in a folder only they can enter),
//   in WAL mode (readers never wait for the writer), with Webex Desk's application id and the
//   schema version in its header;
// - an older schema is migrated, each step in one transaction;
// - a file that is not ours, cannot be read (truncated, damaged) or was written by a newer
//   Webex Desk is set aside: renamed beside itself, never deleted, and a new store is made in its
//   place. The reason is kept, for the notice the app shows.
//
// QtSql's connections belong to the thread that opens them: open() on the thread that will use
// the connection, close() on it too.
class StoreFile
{
    Q_DECLARE_TR_FUNCTIONS(StoreFile)

public:
    static constexpr int SchemaVersion = 4;
    // PRAGMA application_id: "WxDs". SQLite writes it into the file's header, where `file(1)`
    // and this class recognise it.
    static constexpr int ApplicationId = 0x57784473;

    enum class Outcome {
        Created,  ///< There was no store: a new one.
        Opened,   ///< Ours, of this schema.
        Migrated, ///< Ours, of an older schema, brought to this one.
        Replaced, ///< Not usable: set aside (setAsidePath) and a new one made.
        Failed,   ///< Nothing could be opened or made (problem says why): keep to memory.
    };

    struct Opening
    {
        Outcome outcome = Outcome::Failed;
        int previousVersion = 0; ///< Migrated: the schema it had.
        QString setAsidePath;    ///< Replaced: where the old file is now.
        QString problem;         ///< Replaced, Failed: one sentence for the person.

        [[nodiscard]] bool isOpen() const { return outcome != Outcome::Failed; }
    };

    // Opens the store at `path` as the QtSql connection `connectionName` of this thread
    // (QSqlDatabase::database(connectionName) afterwards), creating, migrating or replacing it
    // as above. On Failed no connection is left behind.
    [[nodiscard]] static Opening open(const QString &path, const QString &connectionName);
    // Closes and forgets the connection.
    static void close(const QString &connectionName);
    // Deletes the store at `path` and the files SQLite keeps beside it (-wal, -shm): the
    // person signed out, or asked to forget what is kept here. Its connections must be closed.
    // True when none of them is left.
    static bool remove(const QString &path);

private:
    enum class Check { Empty, Ours, Older, Newer, Foreign, Unreadable };
    [[nodiscard]] static Check check(const QString &connectionName, int *version, QString *detail);
    [[nodiscard]] static bool create(const QString &connectionName, QString *detail);
    [[nodiscard]] static bool migrate(const QString &connectionName, int from, QString *detail);
    // The folder (0700) and an empty file (0600) when there is none.
    [[nodiscard]] static bool prepare(const QString &path, QString *detail);
    [[nodiscard]] static bool connect(const QString &path, const QString &connectionName,
                                      QString *detail);
    [[nodiscard]] static QString setAside(const QString &path, QString *detail);
};

Q_DECLARE_METATYPE(StoreFile::Opening)
