#include "faultinjector.h"

#include <algorithm>

void FaultInjector::rateLimitNext(int count, int retryAfterSeconds)
{
    m_rateLimited = std::max(count, 0);
    m_retryAfter = std::max(retryAfterSeconds, 0);
}

void FaultInjector::failNext(int count, int httpStatus)
{
    m_failures = std::max(count, 0);
    m_failureStatus = httpStatus;
}

void FaultInjector::cutOffNext(int count)
{
    m_cutOffs = std::max(count, 0);
}

bool FaultInjector::applies(const QString &path) const
{
    if (m_pathPrefix.isEmpty())
        return path.startsWith(QLatin1String("/v1/"));
    return path.startsWith(m_pathPrefix);
}

std::optional<EmulatorResponse> FaultInjector::deviceRefusal(const QString &trackingId) const
{
    if (m_deviceRefusal <= 0)
        return std::nullopt;
    QString message;
    switch (m_deviceRefusal) {
    case 400:
        // The text the SDK matches on (docs/LIVE-EVENTS.md, section 2.6).
        message = QStringLiteral("User has excessive device registrations");
        break;
    case 403:
        message = QStringLiteral("The access token lacks the scope to register a device.");
        break;
    case 429:
        message = QStringLiteral("Too many requests have been sent in a given amount of time.");
        break;
    default:
        message = QStringLiteral("The server is temporarily unavailable. Please try again later.");
        break;
    }
    return EmulatorResponse::webexError(m_deviceRefusal, message, trackingId);
}

void FaultInjector::setCloseSocketsAfter(std::chrono::milliseconds after, int code,
                                         const QString &reason)
{
    m_closeAfter = after;
    m_closeCode = code;
    m_closeReason = reason;
}

bool FaultInjector::takeCutOff(const QByteArray &method, const QString &path)
{
    if (m_cutOffs <= 0 || method != "GET" || !applies(path))
        return false;
    --m_cutOffs;
    return true;
}

std::optional<EmulatorResponse> FaultInjector::take(const QByteArray &method, const QString &path,
                                                    const QString &trackingId)
{
    if (!applies(path) || (!m_method.isEmpty() && method != m_method))
        return std::nullopt;
    if (m_rateLimited > 0) {
        --m_rateLimited;
        EmulatorResponse response = EmulatorResponse::webexError(
            429, QStringLiteral("Too many requests have been sent in a given amount of time."),
            trackingId);
        response.setHeader("Retry-After", QByteArray::number(m_retryAfter));
        return response;
    }
    if (m_failures > 0) {
        --m_failures;
        QString message;
        switch (m_failureStatus) {
        case 500:
            message = QStringLiteral("Something went wrong on the server.");
            break;
        case 502:
            message =
                QStringLiteral("The server received an invalid response from an upstream server.");
            break;
        case 504:
            message = QStringLiteral("An upstream server failed to respond on time.");
            break;
        default:
            message =
                QStringLiteral("The server is temporarily unavailable. Please try again later.");
            break;
        }
        return EmulatorResponse::webexError(m_failureStatus, message, trackingId);
    }
    return std::nullopt;
}
