#include "procfs.h"

#include <QDir>
#include <QFile>

namespace ProcFs {

QByteArray read(qint64 pid, const QString &name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<qint64> allPids()
{
    QList<qint64> pids;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isNumber = false;
        const qint64 pid = entry.toLongLong(&isNumber);
        if (isNumber)
            pids << pid;
    }
    return pids;
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    for (const qint64 candidate : allPids()) {
        const QByteArray stat = read(candidate, QStringLiteral("stat"));
        // The name in parentheses may hold spaces: the fields (state, ppid, ...) follow the
        // last ')'.
        const int afterName = stat.lastIndexOf(')');
        if (afterName < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(afterName + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children << candidate;
    }
    return children;
}

} // namespace ProcFs
