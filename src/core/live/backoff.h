#pragma once

#include <QtGlobal>

#include <functional>

// How long the live layer waits before it tries again (docs/LIVE-EVENTS.md, section 3.6):
// 1 s doubling to 32 s, with "equal jitter" (a random time between half and all of it, as
// RetryPolicy does for REST), without limit. The count goes back to the start only after the
// socket has been live for a minute, so a socket that opens and drops at once cannot storm.
// This class only decides; LiveSession keeps the timer.
class Backoff
{
public:
    static constexpr int FirstDelayMs = 1000;
    static constexpr int MaxDelayMs = 32 * 1000;
    static constexpr qint64 ResetAfterLiveMs = 60 * 1000;

    Backoff();

    // The wait before the next attempt, and counts it: [500, 1000] ms, then [1000, 2000], ...
    // up to [16000, 32000] for every attempt after the sixth.
    [[nodiscard]] int nextDelayMs();
    // The full delay (before jitter) the next nextDelayMs() draws from.
    [[nodiscard]] int upcomingCeilingMs() const;
    [[nodiscard]] int attempts() const { return m_attempts; }

    // The socket became live now.
    void wentLive();
    // The socket stopped being live (it dropped): the count starts afresh if it had been live
    // for ResetAfterLiveMs or more, and goes on otherwise.
    void dropped();
    // Start afresh now (a person's "Reconnect", a new sign-in).
    void reset();

    // Where the jitter comes from: a number in [0, 1] per delay (clamped);
    // QRandomGenerator::global() by default. Tests give a fixed one.
    void setRandomSource(std::function<double()> source);
    // Monotonic milliseconds; a QElapsedTimer by default. Tests give their own.
    void setClock(std::function<qint64()> clock);

private:
    std::function<double()> m_random;
    std::function<qint64()> m_clock;
    int m_attempts = 0;
    qint64 m_liveSince = -1; // clock value when it went live; -1 while not live
};
