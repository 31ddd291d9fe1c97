#pragma once

#include "emulatorresponse.h"

#include <QString>

#include <optional>

/// The "next N API calls fail" knobs. Rate limiting is checked before server errors, so a
/// test that arms both sees the 429s first, as a real throttled-then-flaky server would.
/// A path prefix narrows every fault to some calls (the profile alone, say); calls elsewhere
/// are answered normally and do not use up the armed faults.
class FaultInjector
{
public:
    void rateLimitNext(int count, int retryAfterSeconds);
    void failNext(int count, int httpStatus);
    /// The next `count` GET answers are cut off halfway (EmulatorResponse::cutOffHalfway).
    void cutOffNext(int count);
    /// Only API paths starting with `prefix` get faults; empty (the default): every API call.
    void setPathPrefix(const QString &prefix) { m_pathPrefix = prefix; }

    /// The armed fault for this call, consuming one, or nothing.
    [[nodiscard]] std::optional<EmulatorResponse> take(const QString &path,
                                                       const QString &trackingId);
    /// Whether this answer is to be cut off, consuming one cut-off. Only GETs are: a client
    /// may repeat them, so they are what a cut-off tests.
    [[nodiscard]] bool takeCutOff(const QByteArray &method, const QString &path);

private:
    [[nodiscard]] bool applies(const QString &path) const;

    int m_rateLimited = 0;
    int m_retryAfter = 1;
    int m_failures = 0;
    int m_failureStatus = 503;
    int m_cutOffs = 0;
    QString m_pathPrefix;
};
