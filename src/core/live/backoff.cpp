#include "live/backoff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <memory>

Backoff::Backoff()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_clock = [timer] { return timer->elapsed(); };
}

int Backoff::upcomingCeilingMs() const
{
    const int doublings = qBound(0, m_attempts, 20);
    return int(qMin<qint64>(MaxDelayMs, qint64(FirstDelayMs) << doublings));
}

int Backoff::nextDelayMs()
{
    const qint64 full = upcomingCeilingMs();
    ++m_attempts;
    const double random = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    const double share = qBound(0.0, random, 1.0);
    return int(full / 2 + qRound64(share * double(full - full / 2)));
}

void Backoff::wentLive()
{
    m_liveSince = m_clock();
}

void Backoff::dropped()
{
    if (m_liveSince >= 0 && m_clock() - m_liveSince >= ResetAfterLiveMs)
        m_attempts = 0;
    m_liveSince = -1;
}

void Backoff::reset()
{
    m_attempts = 0;
    m_liveSince = -1;
}

void Backoff::setRandomSource(std::function<double()> source)
{
    m_random = std::move(source);
}

void Backoff::setClock(std::function<qint64()> clock)
{
    if (clock)
        m_clock = std::move(clock);
}
