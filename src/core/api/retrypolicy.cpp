#include "api/retrypolicy.h"

#include "api/apierror.h"

#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtGlobal>

RetryPolicy::Cause RetryPolicy::causeOf(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::Tls:   // a certificate does not get better by asking again
    case ApiError::Kind::Parse: // a complete answer we do not understand would come again
    case ApiError::Kind::Local: // refused here: nothing was sent, or the disk is full
        return Cause::Final;
    case ApiError::Kind::RateLimited:
        // ApiError names 423 with Retry-After a rate limit (Webex asks to wait either way); a
        // scan has a budget of its own.
        return error.httpStatus == 423 ? Cause::Scanning : Cause::RateLimited;
    case ApiError::Kind::CutOff:
        return Cause::CutOff;
    case ApiError::Kind::Timeout:
        return Cause::Timeout;
    case ApiError::Kind::Http: {
        const int status = error.httpStatus;
        return status == 408 || status == 500 || status == 502 || status == 503 || status == 504
                   ? Cause::ServerError
                   : Cause::Final;
    }
    case ApiError::Kind::Network:
        break;
    }
    switch (QNetworkReply::NetworkError(error.networkError)) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError: // closed before an answer began: a reset
    case QNetworkReply::HostNotFoundError:     // DNS fails while a network comes up
    case QNetworkReply::TimeoutError:          // the connection (not the transfer) timed out
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError: // Qt's word for "network/host unreachable"
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return Cause::Connection;
    default: // a bad URL, a refused redirect, an authentication the proxy wants, ...
        return Cause::Final;
    }
}

bool RetryPolicy::surelyNotApplied(const ApiError &error)
{
    // Webex refused it, or no connection was ever made. A reset, a timeout or a 5xx may come
    // after Webex applied the request.
    return error.kind == ApiError::Kind::RateLimited ||
           (error.kind == ApiError::Kind::Network &&
            error.networkError == int(QNetworkReply::ConnectionRefusedError));
}

bool RetryPolicy::Counts::allow(Cause cause) const
{
    switch (cause) {
    case Cause::Final:
        return false;
    case Cause::RateLimited:
        return rateLimits < MaxRetries;
    case Cause::Scanning:
        return scans < MaxScanRetries;
    case Cause::Timeout:
        if (timeouts >= MaxTimeoutRetries)
            return false;
        break;
    case Cause::ServerError:
    case Cause::Connection:
    case Cause::CutOff:
        break;
    }
    return failures < MaxRetries;
}

void RetryPolicy::Counts::count(Cause cause)
{
    switch (cause) {
    case Cause::Final:
        return;
    case Cause::RateLimited:
        ++rateLimits;
        return;
    case Cause::Scanning:
        ++scans;
        return;
    case Cause::Timeout:
        ++timeouts;
        break;
    case Cause::ServerError:
    case Cause::Connection:
    case Cause::CutOff:
        break;
    }
    ++failures;
}

std::optional<int> RetryPolicy::delayMs(const ApiError &error, int attempt) const
{
    const bool rateLimited = error.kind == ApiError::Kind::RateLimited;
    // Retry-After counts on a rate limit and on a 503 ("come back then"), as in Webex's SDK.
    const bool hasRetryAfter =
        error.retryAfterSeconds >= 0 && (rateLimited || error.httpStatus == 503);
    if (hasRetryAfter) {
        if (error.retryAfterSeconds > MaxRetryAfterSeconds)
            return std::nullopt;
        // Retry-After is a minimum: never earlier, and no jitter below it.
        return qMax(MinRetryAfterMs, error.retryAfterSeconds * 1000);
    }
    if (rateLimited)
        return DefaultRateLimitMs;
    return backoffMs(attempt);
}

int RetryPolicy::backoffMs(int attempt) const
{
    const int doublings = qBound(0, attempt - 1, 20);
    const qint64 full = qMin<qint64>(MaxBackoffMs, qint64(FirstBackoffMs) << doublings);
    const double random = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    const double share = qBound(0.0, random, 1.0);
    return int(full / 2 + qRound64(share * double(full - full / 2)));
}

void RetryPolicy::setRandomSource(std::function<double()> source)
{
    m_random = std::move(source);
}
