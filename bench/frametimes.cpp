#include "frametimes.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <numeric>

#if defined(Q_OS_UNIX)
#include <time.h>
#endif

namespace {
QByteArray describe(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const qint64 total = std::accumulate(values.cbegin(), values.cend(), qint64(0));
    return QByteArrayLiteral("mean ") + FrameTimes::ms(total / n) + QByteArrayLiteral(", p95 ") +
           FrameTimes::ms(values.at(std::min(n - 1, n * 95 / 100))) + QByteArrayLiteral(", max ") +
           FrameTimes::ms(values.last());
}
} // namespace

QByteArray FrameTimes::ms(qint64 nanoseconds)
{
    const double value = double(nanoseconds) / 1e6;
    const int decimals = value < 1 ? 3 : value < 10 ? 2 : 1;
    return QByteArray::number(value, 'f', decimals) + QByteArrayLiteral(" ms");
}

FrameTimes::Time FrameTimes::longest() const
{
    if (m_wall.isEmpty())
        return {};
    return {*std::max_element(m_wall.cbegin(), m_wall.cend()),
            m_cpu.contains(-1) ? -1 : *std::max_element(m_cpu.cbegin(), m_cpu.cend())};
}

FrameTimes::Time FrameTimes::fastest() const
{
    if (m_wall.isEmpty())
        return {};
    return {*std::min_element(m_wall.cbegin(), m_wall.cend()),
            m_cpu.contains(-1) ? -1 : *std::min_element(m_cpu.cbegin(), m_cpu.cend())};
}

qint64 FrameTimes::threadCpuNanoseconds()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
#endif
    return -1;
}

void FrameTimes::start()
{
    m_cpuStart = threadCpuNanoseconds();
    m_timer.start();
}

void FrameTimes::stop()
{
    m_wall.append(m_timer.nsecsElapsed());
    const qint64 cpu = threadCpuNanoseconds();
    m_cpu.append(cpu < 0 || m_cpuStart < 0 ? -1 : cpu - m_cpuStart);
}

QByteArray FrameTimes::summary() const
{
    if (m_wall.isEmpty())
        return QByteArrayLiteral("n=0");
    QByteArray text =
        QByteArrayLiteral("n=") + QByteArray::number(m_wall.size()) + " wall " + describe(m_wall);
    if (!m_cpu.contains(-1))
        text += QByteArrayLiteral("; cpu ") + describe(m_cpu);
    return text;
}

bool FrameTimes::firstCall()
{
    static QSet<QByteArray> seen;
    const QByteArray key =
        QByteArray(QTest::currentTestFunction()) + '/' + QByteArray(QTest::currentDataTag());
    if (seen.contains(key))
        return false;
    seen.insert(key);
    return true;
}
