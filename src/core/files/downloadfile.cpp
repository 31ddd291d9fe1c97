#include "files/downloadfile.h"

#include "files/noreplacerename.h"
#include "files/safefilename.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>

namespace {

// After "name (999).ext" something is wrong with the folder, not unlucky with names.
constexpr int MaxNumber = 999;

const QLatin1String PartSuffix(".part");

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// One name of a file directly in a folder: no separator, no "." or "..". SafeFileName::make
// guarantees it; checked again because a mistake here would write outside Downloads.
bool isSingleFileName(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") &&
           !name.contains(u'/') && !name.contains(u'\\') && !name.contains(QChar(0));
}

// A regular file (not a link) whose folder, all links resolved, is folder.
bool isRegularFileDirectlyIn(const QString &path, const QString &canonicalFolder)
{
    const QFileInfo info(path);
    return !info.isSymLink() && info.isFile() && info.canonicalPath() == canonicalFolder;
}

} // namespace

DownloadFile::DownloadFile() = default;

DownloadFile::~DownloadFile()
{
    cancel();
}

DownloadFile::DownloadFile(DownloadFile &&other) noexcept
    : m_folder(std::move(other.m_folder)), m_name(std::move(other.m_name)),
      m_part(std::move(other.m_part)), m_written(std::exchange(other.m_written, 0)),
      m_restartError(std::move(other.m_restartError))
{}

DownloadFile &DownloadFile::operator=(DownloadFile &&other) noexcept
{
    if (this != &other) {
        cancel(); // what this held is dropped, so its part file goes
        m_folder = std::move(other.m_folder);
        m_name = std::move(other.m_name);
        m_part = std::move(other.m_part);
        m_written = std::exchange(other.m_written, 0);
        m_restartError = std::move(other.m_restartError);
    }
    return *this;
}

bool DownloadFile::begin(const QString &folder, const QString &safeName, QString *error)
{
    cancel();
    const QString shownFolder = QDir::toNativeSeparators(folder);
    if (!isSingleFileName(safeName)) {
        setError(error, tr("Refused to save “%1” in the folder “%2”: it is not a file name.")
                            .arg(safeName, shownFolder));
        return false;
    }
    const QFileInfo folderInfo(folder);
    if (folderInfo.exists() && !folderInfo.isDir()) {
        setError(error,
                 tr("Could not save into “%1”: it is a file, not a folder.").arg(shownFolder));
        return false;
    }
    const QString canonicalFolder =
        QDir().mkpath(folder) ? QFileInfo(folder).canonicalFilePath() : QString();
    if (canonicalFolder.isEmpty()) {
        setError(error, tr("Could not create the folder “%1”.").arg(shownFolder));
        return false;
    }

    for (int n = 0; n <= MaxNumber; ++n) {
        const QString path =
            canonicalFolder + u'/' + SafeFileName::numbered(safeName, n) + PartSuffix;
        auto part = std::make_unique<QFile>(path);
        // NewOnly is O_CREAT | O_EXCL (CREATE_NEW on Windows): it fails on anything already
        // there, a symbolic link included, rather than following it.
        if (part->open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
            if (!isRegularFileDirectlyIn(path, canonicalFolder)) {
                part->remove();
                setError(
                    error,
                    tr("Refused to save “%1” outside the folder “%2”.").arg(safeName, shownFolder));
                return false;
            }
            m_folder = canonicalFolder;
            m_name = safeName;
            m_part = std::move(part);
            m_written = 0;
            m_restartError.clear();
            return true;
        }
        if (!NoReplaceRename::isTaken(path)) {
            setError(error, tr("Could not create a file in the folder “%1”: %2")
                                .arg(shownFolder, part->errorString()));
            return false;
        }
    }
    setError(error, tr("There are too many files named like “%1” in the folder “%2”.")
                        .arg(safeName, shownFolder));
    return false;
}

bool DownloadFile::write(const QByteArray &bytes, QString *error)
{
    if (!isOpen()) {
        setError(error, tr("Could not write the download: it was not started."));
        return false;
    }
    if (!m_restartError.isEmpty()) {
        fail(m_restartError, error);
        return false;
    }
    // A write that stops short says why only when it is tried again: the second attempt
    // reports the full disk (ENOSPC) or the size limit.
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 count = m_part->write(bytes.constData() + done, bytes.size() - done);
        if (count <= 0)
            break;
        done += count;
    }
    m_written += done;
    if (done == bytes.size())
        return true;
    const QString shownFolder = QDir::toNativeSeparators(m_folder);
    if (m_part->error() == QFileDevice::ResourceError)
        fail(tr("There is not enough space in the folder “%1” to save “%2”.")
                 .arg(shownFolder, m_name),
             error);
    else
        fail(tr("Could not write “%1” in the folder “%2”: %3")
                 .arg(m_name, shownFolder, m_part->errorString()),
             error);
    return false;
}

void DownloadFile::restart()
{
    if (!isOpen())
        return;
    m_written = 0;
    if (!m_part->resize(0) || !m_part->seek(0)) {
        // Reported by the next write or finish: those have an error to fill in.
        m_restartError =
            tr("Could not start “%1” again in the folder “%2”: %3")
                .arg(m_name, QDir::toNativeSeparators(m_folder), m_part->errorString());
    }
}

QString DownloadFile::finish(QString *error)
{
    if (!isOpen()) {
        setError(error, tr("Could not save the download: it was not started."));
        return {};
    }
    if (!m_restartError.isEmpty()) {
        fail(m_restartError, error);
        return {};
    }
    const QString shownFolder = QDir::toNativeSeparators(m_folder);
    m_part->close(); // flushes; a network file system may report its write error only now
    if (m_part->error() != QFileDevice::NoError) {
        fail(tr("Could not write “%1” in the folder “%2”: %3")
                 .arg(m_name, shownFolder, m_part->errorString()),
             error);
        return {};
    }
    const QString partFile = m_part->fileName();
    for (int n = 0; n <= MaxNumber; ++n) {
        const QString target = m_folder + u'/' + SafeFileName::numbered(m_name, n);
        QString why;
        switch (NoReplaceRename::rename(partFile, target, &why)) {
        case NoReplaceRename::Result::Renamed:
            m_part.reset();
            m_written = 0;
            if (!isRegularFileDirectlyIn(target, m_folder)) {
                QFile::remove(target);
                setError(
                    error,
                    tr("Refused to save “%1” outside the folder “%2”.").arg(m_name, shownFolder));
                return {};
            }
            return target;
        case NoReplaceRename::Result::TargetExists:
            continue; // saved meanwhile, by another download or program: the next number
        case NoReplaceRename::Result::Failed:
            fail(tr("Could not save “%1” in the folder “%2”: %3").arg(m_name, shownFolder, why),
                 error);
            return {};
        }
    }
    fail(
        tr("There are too many files named like “%1” in the folder “%2”.").arg(m_name, shownFolder),
        error);
    return {};
}

void DownloadFile::cancel()
{
    if (!m_part)
        return;
    m_part->remove(); // closes it first
    m_part.reset();
    m_written = 0;
    m_restartError.clear();
}

QString DownloadFile::partPath() const
{
    return isOpen() ? m_part->fileName() : QString();
}

bool DownloadFile::isOpen() const
{
    return m_part && m_part->isOpen();
}

void DownloadFile::fail(const QString &message, QString *error)
{
    cancel();
    setError(error, message);
}
