#pragma once

#include <QString>

// Renaming a finished download to its final name without ever replacing what is there: a file
// saved meanwhile, a folder, a symbolic link (even one pointing nowhere, which QFile::exists
// does not see, and through which QFile::rename's copy fallback would write).
namespace NoReplaceRename {

enum class Result {
    Renamed,
    TargetExists, // nothing changed; try another name
    Failed,       // nothing changed; *error says why
};

// On Linux (renameat2 with RENAME_NOREPLACE) and macOS (renamex_np with RENAME_EXCL) the check
// and the rename are one step. Elsewhere, and on file systems without that, QFile::rename after
// a check of its own: a file created between the two could still be replaced.
[[nodiscard]] Result rename(const QString &from, const QString &to, QString *error);

// Whether path names anything: a file, a folder, a symbolic link (dangling or not).
[[nodiscard]] bool isTaken(const QString &path);

} // namespace NoReplaceRename
