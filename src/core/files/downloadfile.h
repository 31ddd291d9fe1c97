#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

class QByteArray;
class QFile;

// One download being written into a folder: first to "<name>.part", created new (never an
// existing file, never through a symbolic link), then renamed to the first free name of
// name, "name (1).ext", ... "name (999).ext", never replacing anything. Nothing is left behind
// when it fails, is cancelled or is dropped. Movable, not copyable; not a QObject.
class DownloadFile
{
    Q_DECLARE_TR_FUNCTIONS(DownloadFile)

public:
    DownloadFile();
    ~DownloadFile(); // cancels an unfinished download
    DownloadFile(DownloadFile &&other) noexcept;
    DownloadFile &operator=(DownloadFile &&other) noexcept;
    DownloadFile(const DownloadFile &) = delete;
    DownloadFile &operator=(const DownloadFile &) = delete;

    // Creates folder when missing, then a new part file in it: "<safeName>.part", or
    // "<numbered(safeName, n)>.part" for the first n of 1..999 whose part file is free
    // (two downloads of one name at once). safeName comes from SafeFileName::make; a name that
    // is no single file name in folder is refused all the same. The file gets the user's
    // default permissions: it is their download. A download already open is cancelled first.
    bool begin(const QString &folder, const QString &safeName, QString *error);

    // Appends bytes. On a short write (a full disk, a quota) the part file is removed and
    // *error says why, translated.
    bool write(const QByteArray &bytes, QString *error);

    // Back to zero bytes, for a retry from the beginning.
    void restart();

    [[nodiscard]] qint64 written() const { return m_written; }

    // Closes the part file and renames it to the first free final name. The final absolute
    // path; or empty, *error set and the part file removed.
    QString finish(QString *error);

    // Closes and removes the part file.
    void cancel();

    // The part file's absolute path while the download is open, else empty.
    [[nodiscard]] QString partPath() const;
    [[nodiscard]] bool isOpen() const;

private:
    void fail(const QString &message, QString *error);

    QString m_folder; // canonical
    QString m_name;
    std::unique_ptr<QFile> m_part;
    qint64 m_written = 0;
    QString m_restartError; // a restart that could not truncate fails the next write
};
