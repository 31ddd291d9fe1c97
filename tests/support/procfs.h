#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Processes as Linux's /proc shows them, for tests that check what a program started, loaded
// or left behind. A process that is gone (or a system without /proc) gives empty answers.
namespace ProcFs {

// The file /proc/<pid>/<name>, e.g. "stat", "cmdline", "maps", "environ".
[[nodiscard]] QByteArray read(qint64 pid, const QString &name);
[[nodiscard]] QList<qint64> allPids();
// Every process whose parent is `pid`.
[[nodiscard]] QList<qint64> childrenOf(qint64 pid);

} // namespace ProcFs
