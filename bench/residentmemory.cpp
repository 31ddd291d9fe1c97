#include "residentmemory.h"

#include <QByteArray>
#include <QFile>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

qint64 ResidentMemory::kibibytes()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // "VmRSS:     123456 kB"
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray ResidentMemory::format(qint64 kib)
{
    if (kib < 0)
        return QByteArrayLiteral("unknown");
    return QByteArray::number(double(kib) / 1024.0, 'f', 1) + QByteArrayLiteral(" MiB");
}
