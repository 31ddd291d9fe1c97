#pragma once

#include "emulatorresponse.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <optional>

/// The "next N API calls fail" knobs. Rate limiting is checked before server errors, so a
/// test that arms both sees the 429s first, as a real throttled-then-flaky server would.
/// A path prefix narrows every fault to some calls (the profile alone, say); calls elsewhere
/// are answered normally and do not use up the armed faults. Without a prefix they hit the
/// REST API (/v1/...) only, not the device service (/wdm/...): aim them there with a prefix.
///
/// Also the standing knobs of live events (docs/LIVE-EVENTS.md, section 7.2) that the device
/// service and the device sockets read; the one-off actions on open sockets (drop, close,
/// skip a number, send a raw frame) are DeviceSocketServer's.
class FaultInjector
{
public:
    void rateLimitNext(int count, int retryAfterSeconds);
    void failNext(int count, int httpStatus);
    /// The next `count` GET answers are cut off halfway (EmulatorResponse::cutOffHalfway).
    void cutOffNext(int count);
    /// Only API paths starting with `prefix` get faults; empty (the default): every API call.
    void setPathPrefix(const QString &prefix) { m_pathPrefix = prefix; }
    /// Only calls of this method ("POST": a message sent, not the page read beside it) get
    /// the rate limits and failures; empty (the default): any method.
    void setMethod(const QByteArray &method) { m_method = method; }

    /// The armed fault for this call, consuming one, or nothing.
    [[nodiscard]] std::optional<EmulatorResponse>
    take(const QByteArray &method, const QString &path, const QString &trackingId);
    /// Whether this answer is to be cut off, consuming one cut-off. Only GETs are: a client
    /// may repeat them, so they are what a cut-off tests.
    [[nodiscard]] bool takeCutOff(const QByteArray &method, const QString &path);

    // Live events:
    /// Every device registration (POST /devices) answers `httpStatus` until this is called
    /// with 0; 400 answers Webex's "User has excessive device registrations".
    void refuseDevices(int httpStatus) { m_deviceRefusal = httpStatus; }
    /// The refusal for a registration, or nothing.
    [[nodiscard]] std::optional<EmulatorResponse> deviceRefusal(const QString &trackingId) const;
    /// Pings go unanswered while this is on; the connection stays open.
    void setPongsStopped(bool stopped) { m_pongsStopped = stopped; }
    [[nodiscard]] bool pongsStopped() const { return m_pongsStopped; }
    /// No readiness (mercury.buffer_state) is sent while this is on.
    void setReadinessHeld(bool held) { m_readinessHeld = held; }
    [[nodiscard]] bool readinessHeld() const { return m_readinessHeld; }
    /// Each new connection's first numbered frame after readiness jumps by `count`; 0: off.
    void setSequenceSkipPerConnection(int count) { m_sequenceSkip = std::max(count, 0); }
    [[nodiscard]] int sequenceSkipPerConnection() const { return m_sequenceSkip; }
    /// Each new connection is aborted (no close frame) this long after it opens; 0: never.
    void setDropSocketsAfter(std::chrono::milliseconds after) { m_dropAfter = after; }
    [[nodiscard]] std::chrono::milliseconds dropSocketsAfter() const { return m_dropAfter; }
    /// Each new connection is closed with `code` and `reason` this long after it opens; 0: never.
    void setCloseSocketsAfter(std::chrono::milliseconds after, int code, const QString &reason);
    [[nodiscard]] std::chrono::milliseconds closeSocketsAfter() const { return m_closeAfter; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }
    [[nodiscard]] QString closeReason() const { return m_closeReason; }

private:
    [[nodiscard]] bool applies(const QString &path) const;

    int m_rateLimited = 0;
    int m_retryAfter = 1;
    int m_failures = 0;
    int m_failureStatus = 503;
    int m_cutOffs = 0;
    QString m_pathPrefix;
    QByteArray m_method;
    int m_deviceRefusal = 0;
    bool m_pongsStopped = false;
    bool m_readinessHeld = false;
    int m_sequenceSkip = 0;
    std::chrono::milliseconds m_dropAfter{0};
    std::chrono::milliseconds m_closeAfter{0};
    int m_closeCode = 1000;
    QString m_closeReason;
};
