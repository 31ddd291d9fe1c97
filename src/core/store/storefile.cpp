#include "storefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcStoreFile, "webexdesk.store")

namespace {

const QString Driver = QStringLiteral("QSQLITE");
// The files SQLite keeps beside a database in WAL mode. A -wal left from another database must
// never meet a new one of the same name: it would be replayed into it.
const QStringList CompanionSuffixes = {QStringLiteral("-wal"), QStringLiteral("-shm"),
                                       QStringLiteral("-journal")};

// Schema 1 (docs/STORE.md). Times are milliseconds since the epoch, UTC; NULL when unknown.
// Messages keep an integer rowid for the two full-text indexes, which hold no copy of the text
// (content=messages) and are kept in step by triggers.
const char *const SchemaV1[] = {
    "CREATE TABLE spaces("
    " id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '',"
    " kind INTEGER NOT NULL DEFAULT 1, team_id TEXT NOT NULL DEFAULT '',"
    " creator_id TEXT NOT NULL DEFAULT '', owner_id TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '',"
    " is_locked INTEGER NOT NULL DEFAULT 0, is_public INTEGER NOT NULL DEFAULT 0,"
    " is_read_only INTEGER NOT NULL DEFAULT 0, is_announcement_only INTEGER NOT NULL DEFAULT 0,"
    " last_activity INTEGER, created INTEGER) WITHOUT ROWID",
    "CREATE INDEX spaces_by_activity ON spaces(last_activity DESC)",
    "CREATE TABLE teams("
    " id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL DEFAULT '', created INTEGER) WITHOUT ROWID",
    "CREATE TABLE people("
    " id TEXT PRIMARY KEY NOT NULL, display_name TEXT NOT NULL DEFAULT '',"
    " emails TEXT NOT NULL DEFAULT '', avatar TEXT NOT NULL DEFAULT '',"
    " seen INTEGER) WITHOUT ROWID",
    "CREATE TABLE messages("
    " rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, room_id TEXT NOT NULL,"
    " person_id TEXT NOT NULL DEFAULT '', person_email TEXT NOT NULL DEFAULT '',"
    " text TEXT NOT NULL DEFAULT '', markdown TEXT NOT NULL DEFAULT '',"
    " html TEXT NOT NULL DEFAULT '', parent_id TEXT NOT NULL DEFAULT '',"
    " files TEXT NOT NULL DEFAULT '', created INTEGER, updated INTEGER)",
    "CREATE INDEX messages_by_room ON messages(room_id, created)",
    "CREATE VIRTUAL TABLE message_words USING fts5("
    " text, content='messages', content_rowid='rowid',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE message_trigrams USING fts5("
    " text, content='messages', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER messages_indexed AFTER INSERT ON messages BEGIN"
    " INSERT INTO message_words(rowid, text) VALUES (new.rowid, new.text);"
    " INSERT INTO message_trigrams(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER messages_unindexed AFTER DELETE ON messages BEGIN"
    " INSERT INTO message_words(message_words, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO message_trigrams(message_trigrams, rowid, text)"
    " VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER messages_reindexed AFTER UPDATE OF text ON messages BEGIN"
    " INSERT INTO message_words(message_words, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO message_trigrams(message_trigrams, rowid, text)"
    " VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO message_words(rowid, text) VALUES (new.rowid, new.text);"
    " INSERT INTO message_trigrams(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TABLE read_state("
    " room_id TEXT PRIMARY KEY NOT NULL, read_at INTEGER, read_message_id TEXT NOT NULL DEFAULT '',"
    " unread_count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    "CREATE TABLE drafts("
    " room_id TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL, updated INTEGER) WITHOUT ROWID",
    "CREATE TABLE outbox("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, client_tag TEXT NOT NULL UNIQUE,"
    " room_id TEXT NOT NULL, markdown TEXT NOT NULL, created INTEGER NOT NULL,"
    " error TEXT NOT NULL DEFAULT '')",
};

// Migrations: MigrationSteps[n] takes schema n + 1 to n + 2. A new store is made as schema 1
// and brought up through every step, so each step runs on every machine, not only on old files.
const std::vector<std::vector<const char *>> MigrationSteps = {
    // 1 -> 2: what a message's space is ("direct" | "group", Message::roomType), and small
    // values of the account's session (the space open at the last close).
    {
        "ALTER TABLE messages ADD COLUMN room_type TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE app_state(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",
    },
    // 2 -> 3: which messages each space counts as unread (UnreadCounts): so a message that
    // Webex brings again after a restart (a catch-up page) is not counted twice. read_state
    // holds the rest of it (the read marker and the count) from schema 1.
    // And the spaces in the list's order exactly (StoreWorker::rooms), so the first 100 of
    // 10,000 are read from the index at start instead of after sorting them all: 20 to 40 ms
    // of the store's thread before the first frame of the spaces (docs/BENCHMARKS.md).
    {
        "CREATE TABLE unread_messages("
        " room_id TEXT NOT NULL, message_id TEXT NOT NULL, created INTEGER,"
        " PRIMARY KEY(room_id, message_id)) WITHOUT ROWID",
        "DROP INDEX spaces_by_activity",
        "CREATE INDEX spaces_in_list_order ON spaces(coalesce(last_activity, created) IS NULL,"
        " coalesce(last_activity, created) DESC, id)",
    },
    // 3 -> 4: a message written offline as a reply keeps its thread until it is sent.
    {
        "ALTER TABLE outbox ADD COLUMN parent_id TEXT NOT NULL DEFAULT ''",
    },
};

// Whether a file begins as every SQLite database does (https://www.sqlite.org/fileformat.html,
// "The Database Header"). Only the magic string is read here: the rest of the header may still
// be in the -wal (not yet checkpointed, or the app was killed), so SQLite reads it.
bool isSqliteFile(QFile &file)
{
    const QByteArray bytes = file.read(100);
    return bytes.size() == 100 && bytes.startsWith(QByteArrayLiteral("SQLite format 3\0"));
}

// The first column of the first row of `sql`; invalid when it fails.
QVariant scalar(QSqlDatabase &db, const QString &sql, QString *detail)
{
    QSqlQuery query(db);
    if (query.exec(sql) && query.next())
        return query.value(0);
    *detail = query.lastError().text();
    return {};
}

bool run(QSqlDatabase &db, const QString &sql, QString *detail)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (detail)
        *detail = query.lastError().text();
    return false;
}

} // namespace

bool StoreFile::connect(const QString &path, const QString &connectionName, QString *detail)
{
    if (!QSqlDatabase::isDriverAvailable(Driver)) {
        *detail = QStringLiteral("the Qt SQLite driver is not installed");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(Driver, connectionName);
    db.setDatabaseName(path);
    // A writer on another connection holds the lock for milliseconds; waiting beats failing.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *detail = db.lastError().text();
        return false;
    }
    return run(db, QStringLiteral("PRAGMA foreign_keys = ON"), detail);
}

StoreFile::Check StoreFile::check(const QString &connectionName, int *version, QString *detail)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QFile file(db.databaseName());
    if (!file.open(QIODevice::ReadOnly)) {
        *detail = file.errorString();
        return Check::Unreadable;
    }
    if (file.size() > 0 && !isSqliteFile(file)) {
        *detail = QStringLiteral("not an SQLite database");
        return Check::Foreign;
    }
    // SQLite reads the schema on the first statement: a damaged one fails here, and so does a
    // file shorter than the size its header gives (cut short while copied: "malformed").
    const QVariant tables =
        scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), detail);
    const QVariant applicationId = scalar(db, QStringLiteral("PRAGMA application_id"), detail);
    const QVariant userVersion = scalar(db, QStringLiteral("PRAGMA user_version"), detail);
    if (!tables.isValid() || !applicationId.isValid() || !userVersion.isValid())
        return Check::Unreadable;
    if (applicationId.toInt() == 0 && userVersion.toInt() == 0 && tables.toInt() == 0)
        return Check::Empty;
    if (applicationId.toInt() != ApplicationId) {
        *detail = QStringLiteral("application id %1").arg(applicationId.toInt());
        return Check::Foreign;
    }
    *version = userVersion.toInt();
    if (*version > SchemaVersion)
        return Check::Newer;
    if (*version < 1)
        return Check::Unreadable; // ours, but never finished: made by a build that crashed
    return *version < SchemaVersion ? Check::Older : Check::Ours;
}

bool StoreFile::create(const QString &connectionName, QString *detail)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    // WAL is a property of the file and cannot change inside a transaction.
    if (!run(db, QStringLiteral("PRAGMA journal_mode = WAL"), detail))
        return false;
    if (!db.transaction()) {
        *detail = db.lastError().text();
        return false;
    }
    for (const char *statement : SchemaV1) {
        if (!run(db, QString::fromLatin1(statement), detail)) {
            db.rollback();
            return false;
        }
    }
    // The header last, in the same transaction: a store is ours only once it is whole.
    if (!run(db, QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId), detail) ||
        !run(db, QStringLiteral("PRAGMA user_version = 1"), detail)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *detail = db.lastError().text();
        return false;
    }
    return migrate(connectionName, 1, detail);
}

bool StoreFile::migrate(const QString &connectionName, int from, QString *detail)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    for (int version = from; version < SchemaVersion; ++version) {
        if (!db.transaction()) {
            *detail = db.lastError().text();
            return false;
        }
        for (const char *statement : MigrationSteps.at(size_t(version - 1))) {
            if (!run(db, QString::fromLatin1(statement), detail)) {
                db.rollback();
                return false;
            }
        }
        if (!run(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1), detail)) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *detail = db.lastError().text();
            return false;
        }
        qCInfo(lcStoreFile) << "Store migrated to schema" << version + 1;
    }
    return true;
}

QString StoreFile::setAside(const QString &path, QString *detail)
{
    const QString suffix = QStringLiteral(".unusable-") + QDateTime::currentDateTimeUtc().toString(
                                                              QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + suffix;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + suffix + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, target)) {
        *detail = QStringLiteral("could not be renamed");
        return {};
    }
    for (const QString &companion : CompanionSuffixes) {
        if (QFileInfo::exists(path + companion) &&
            !QFile::rename(path + companion, target + companion))
            QFile::remove(path + companion); // never replayed into the new store
    }
    return target;
}

bool StoreFile::prepare(const QString &path, QString *detail)
{
    // Only the user may enter the folder or read the file: messages are as private as mail.
    // SQLite gives its -wal and -shm files the database file's permissions.
    const QFileInfo info(path);
    QDir folder = info.absoluteDir();
    if (!folder.exists() && !folder.mkpath(QStringLiteral("."))) {
        *detail = QStringLiteral("cannot make the folder");
        return false;
    }
    QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (info.exists())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        *detail = file.errorString();
        return false;
    }
    return true;
}

StoreFile::Opening StoreFile::open(const QString &path, const QString &connectionName)
{
    Opening opening;
    QString detail;
    // At most twice: the file as found, then, if it had to be set aside, a new one.
    for (int attempt = 0; attempt < 2; ++attempt) {
        int version = 0;
        Check found = Check::Unreadable;
        if (!prepare(path, &detail))
            break;
        if (connect(path, connectionName, &detail))
            found = check(connectionName, &version, &detail);
        bool ok = false;
        switch (found) {
        case Check::Empty:
            ok = create(connectionName, &detail);
            opening.outcome = opening.setAsidePath.isEmpty() ? Outcome::Created : Outcome::Replaced;
            break;
        case Check::Ours:
            ok = true;
            opening.outcome = Outcome::Opened;
            break;
        case Check::Older:
            // Each step is one transaction: a failed one leaves the file as it was, and the
            // next start tries again.
            ok = migrate(connectionName, version, &detail);
            opening.outcome = Outcome::Migrated;
            opening.previousVersion = version;
            break;
        case Check::Newer:
        case Check::Foreign:
        case Check::Unreadable:
            close(connectionName);
            if (attempt > 0 || !QFileInfo::exists(path))
                break; // a new file is not usable either, or there was none to set aside
            qCWarning(lcStoreFile) << "Setting the store aside:" << detail;
            opening.setAsidePath = setAside(path, &detail);
            if (opening.setAsidePath.isEmpty())
                break;
            opening.problem =
                found == Check::Newer
                    ? tr("The messages kept on this computer were written by a newer Webex "
                         "Desk; they were set aside and are loaded again.")
                : found == Check::Foreign
                    ? tr("The file for messages kept on this computer was not written by "
                         "Webex Desk; it was set aside and your messages are loaded again.")
                    : tr("The messages kept on this computer could not be read; they were "
                         "set aside and are loaded again.");
            continue;
        }
        if (ok)
            return opening;
        break;
    }
    close(connectionName);
    opening.outcome = Outcome::Failed;
    opening.problem = tr("Messages cannot be kept on this computer (%1); this session keeps "
                         "them in memory only.")
                          .arg(detail.left(200));
    qCWarning(lcStoreFile) << "Cannot use the store" << path << detail;
    return opening;
}

void StoreFile::close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

bool StoreFile::remove(const QString &path)
{
    bool gone = !QFileInfo::exists(path) || QFile::remove(path);
    for (const QString &companion : CompanionSuffixes) {
        if (QFileInfo::exists(path + companion))
            gone = QFile::remove(path + companion) && gone;
    }
    return gone;
}
