#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

// Times of single frames or keystrokes, summarised for qInfo: QBENCHMARK reports the mean of
// an iteration; smoothness also needs the worst case. Each is taken twice: wall time (what a
// person waits) and the thread's CPU time (what the work costs; on a busy machine shared with
// other jobs, wall time also counts the time spent waiting for a core).
class FrameTimes
{
public:
    void start();
    void stop();
    [[nodiscard]] int count() const { return int(m_wall.size()); }

    // "n=700 wall mean 0.840 ms, p95 1.10 ms, max 12.3 ms; cpu mean 0.800 ms, p95 ..., max ..."
    [[nodiscard]] QByteArray summary() const;

    // One time in nanoseconds, both ways; cpu is -1 where the platform has no thread CPU clock.
    struct Time
    {
        qint64 wall = 0;
        qint64 cpu = -1;
    };
    // The slowest and the fastest of the times taken (each of wall and cpu on its own); {0, -1}
    // when none was taken.
    [[nodiscard]] Time longest() const;
    [[nodiscard]] Time fastest() const;

    // "0.062 ms", "4.50 ms", "19.3 ms": three significant digits or so.
    [[nodiscard]] static QByteArray ms(qint64 nanoseconds);
    // CPU time of the calling thread, -1 where the platform cannot tell.
    [[nodiscard]] static qint64 threadCpuNanoseconds();

    // True on the first call for the running test function and data row. Qt Test calls a
    // benchmark function again and again until its figure is stable; the per-frame passes and
    // their qInfo lines are done on the first call only.
    [[nodiscard]] static bool firstCall();

private:
    QElapsedTimer m_timer;
    qint64 m_cpuStart = 0;
    QList<qint64> m_wall; // nanoseconds
    QList<qint64> m_cpu;  // nanoseconds, -1 where the platform has no thread CPU clock
};
