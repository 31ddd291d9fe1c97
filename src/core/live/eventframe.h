#pragma once

#include "live/activityevent.h"

#include <QByteArray>
#include <QString>

#include <optional>

// One frame from the live socket, read (docs/LIVE-EVENTS.md, sections 3.2 to 3.4 and 7.1).
// Hostile-input safe: a frame of any bytes gives a value, never a crash, a hang or an assert.
// Frames over MaxBytes are refused unread; nesting is bounded by Qt's JSON parser
// (QJsonParseError::DeepNesting); the bytes go through JsonBody, so one invalid UTF-8 string in a
// list costs that list entry; strings are taken only where strings are expected, and capped.
class EventFrame
{
public:
    enum class Type {
        Invalid,   ///< not a frame we can use; `why` says why; acked when it had an id
        Pong,      ///< {"id","type":"pong"}: the answer to our ping with that id
        Readiness, ///< data.eventType mercury.buffer_state or mercury.registration_status
        Activity,  ///< data.eventType conversation.activity, read into `activity`
        Shutdown,  ///< {"type":"shutdown"}: the server drains this node; reconnect now
        Other,     ///< any other event type (typing, locus, ...): acked and ignored
    };

    static constexpr qsizetype MaxBytes = 1024 * 1024;
    static constexpr int MaxIdLength = 128;   ///< the frame id ("may be UUID or base64")
    static constexpr int MaxVerbLength = 32;  ///< "assignModerator" is the longest known
    static constexpr int MaxNameLength = 256; ///< display names are cut there
    static constexpr int MaxEmailLength = 254;
    static constexpr int MaxEventTypeLength = 128;
    static constexpr int MaxMentions = 1000;
    // JSON numbers are doubles: integers beyond 2^53 are not exact, so not sequence numbers.
    static constexpr qint64 MaxSequenceNumber = qint64(1) << 53;

    Type type = Type::Invalid;
    // The frame id, the target of the ack; empty when absent or unusable (too long, not text).
    // Set for an Invalid frame too when it could be read, so that frame is acked as well.
    QString id;
    std::optional<qint64> sequenceNumber; ///< only a whole number in [0, MaxSequenceNumber]
    QString eventType;                    ///< data.eventType, for Readiness and Other
    ActivityEvent activity;               ///< for Activity
    QString why;                          ///< for Invalid: English, for the log, no content

    [[nodiscard]] bool hasId() const { return !id.isEmpty(); }

    [[nodiscard]] static EventFrame parse(const QByteArray &frame);
};
