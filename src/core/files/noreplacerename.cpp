#include "files/noreplacerename.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio> // renameat2 (glibc 2.28), renamex_np (macOS 10.12)
#include <optional>
#if defined(Q_OS_LINUX)
#include <fcntl.h> // AT_FDCWD
#endif

namespace {

#if (defined(Q_OS_LINUX) && defined(RENAME_NOREPLACE)) ||                                          \
    (defined(Q_OS_DARWIN) && defined(RENAME_EXCL))
#define WEBEXDESK_HAVE_ATOMIC_NOREPLACE 1

// Nothing when the file system cannot do it (some network and FUSE ones): fall back.
std::optional<NoReplaceRename::Result> atomicRename(const QString &from, const QString &to,
                                                    QString *error)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
#if defined(Q_OS_LINUX)
    const int result =
        ::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE);
#else
    const int result = ::renamex_np(source.constData(), target.constData(), RENAME_EXCL);
#endif
    if (result == 0)
        return NoReplaceRename::Result::Renamed;
    const int code = errno;
    if (code == EEXIST)
        return NoReplaceRename::Result::TargetExists;
    if (code == EINVAL || code == ENOSYS || code == ENOTSUP)
        return std::nullopt;
    *error = qt_error_string(code);
    return NoReplaceRename::Result::Failed;
}
#endif

} // namespace

bool NoReplaceRename::isTaken(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

NoReplaceRename::Result NoReplaceRename::rename(const QString &from, const QString &to,
                                                QString *error)
{
#ifdef WEBEXDESK_HAVE_ATOMIC_NOREPLACE
    if (const std::optional<Result> result = atomicRename(from, to, error))
        return *result;
#endif
    if (isTaken(to))
        return Result::TargetExists;
    QFile file(from);
    if (file.rename(to))
        return Result::Renamed;
    if (isTaken(to))
        return Result::TargetExists;
    *error = file.errorString();
    return Result::Failed;
}
