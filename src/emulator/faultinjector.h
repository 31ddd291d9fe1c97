#pragma once

#include "emulatorresponse.h"

#include <optional>

/// The "next N API calls fail" knobs. Rate limiting is checked before server errors, so a
/// test that arms both sees the 429s first, as a real throttled-then-flaky server would.
class FaultInjector
{
public:
    void rateLimitNext(int count, int retryAfterSeconds);
    void failNext(int count, int httpStatus);

    /// The armed fault for this call, consuming one, or nothing.
    [[nodiscard]] std::optional<EmulatorResponse> take(const QString &trackingId);

private:
    int m_rateLimited = 0;
    int m_retryAfter = 1;
    int m_failures = 0;
    int m_failureStatus = 503;
};
