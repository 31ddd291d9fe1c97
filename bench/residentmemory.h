#pragma once

#include <QtGlobal>

// The process's resident memory (VmRSS in /proc/self/status), for the benchmarks' memory
// figures: Qt Test has no memory metric. Linux only; elsewhere it reports -1.
class ResidentMemory
{
public:
    // Gives freed heap back to the system first (glibc malloc_trim), so a figure taken after
    // temporary data is dropped is not inflated by pages malloc merely keeps.
    [[nodiscard]] static qint64 kibibytes();
    // "123.4 MiB" for qInfo.
    [[nodiscard]] static QByteArray format(qint64 kib);
};
