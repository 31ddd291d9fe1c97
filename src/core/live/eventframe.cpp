#include "live/eventframe.h"

#include "api/jsonbody.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace {

EventFrame invalid(EventFrame frame, const QString &why)
{
    frame.type = EventFrame::Type::Invalid;
    frame.why = why;
    return frame;
}

bool isReadiness(const QString &eventType)
{
    return eventType == QLatin1String("mercury.buffer_state") ||
           eventType == QLatin1String("mercury.registration_status");
}

} // namespace

EventFrame EventFrame::parse(const QByteArray &bytes)
{
    EventFrame frame;
    if (bytes.size() > MaxBytes)
        return invalid(frame, QStringLiteral("larger than %1 bytes").arg(MaxBytes));

    QJsonParseError error{};
    // JsonBody: one invalid UTF-8 string in a list (a mention, a tag) costs that entry only.
    const QJsonDocument document = JsonBody::parse(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(
            frame,
            QStringLiteral("not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return invalid(frame, QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();

    // The id first: even a frame we cannot use is acked when it has one.
    const QJsonValue id = root.value(QLatin1String("id"));
    if (id.isString() && !id.toString().isEmpty()) {
        if (id.toString().size() > MaxIdLength)
            return invalid(frame, QStringLiteral("a frame id longer than %1").arg(MaxIdLength));
        frame.id = id.toString();
    } else if (!id.isUndefined() && !id.isNull() && !id.isString()) {
        return invalid(frame, QStringLiteral("a frame id that is not text"));
    }

    // Only a whole number is a sequence number; anything else is no number at all (3.4).
    const QJsonValue sequence = root.value(QLatin1String("sequenceNumber"));
    if (sequence.isDouble()) {
        const double number = sequence.toDouble();
        if (std::isfinite(number) && number >= 0 && number <= double(MaxSequenceNumber) &&
            std::floor(number) == number)
            frame.sequenceNumber = qint64(number);
    }

    const QJsonValue type = root.value(QLatin1String("type"));
    if (type.isString()) {
        if (type.toString() == QLatin1String("pong")) {
            if (!frame.hasId())
                return invalid(frame, QStringLiteral("a pong without an id"));
            frame.type = Type::Pong;
            return frame;
        }
        if (type.toString() == QLatin1String("shutdown")) {
            frame.type = Type::Shutdown;
            return frame;
        }
    }

    const QJsonValue dataValue = root.value(QLatin1String("data"));
    if (!dataValue.isObject()) {
        // An envelope of a kind we do not know (no data): acked, and otherwise ignored.
        frame.type = Type::Other;
        return frame;
    }
    const QJsonObject data = dataValue.toObject();
    const QJsonValue eventType = data.value(QLatin1String("eventType"));
    if (!eventType.isUndefined() && !eventType.isString())
        return invalid(frame, QStringLiteral("an event type that is not text"));
    if (eventType.toString().size() > MaxEventTypeLength)
        return invalid(frame,
                       QStringLiteral("an event type longer than %1").arg(MaxEventTypeLength));
    frame.eventType = eventType.toString();

    if (isReadiness(frame.eventType)) {
        frame.type = Type::Readiness;
        return frame;
    }
    if (frame.eventType != QLatin1String("conversation.activity")) {
        frame.type = Type::Other;
        return frame;
    }
    const QJsonValue activity = data.value(QLatin1String("activity"));
    if (!activity.isObject())
        return invalid(frame, QStringLiteral("a conversation.activity without an activity"));
    QString why;
    const std::optional<ActivityEvent> event =
        ActivityEvent::fromJson(activity.toObject(), frame.id, &why);
    if (!event)
        return invalid(frame, why);
    frame.type = Type::Activity;
    frame.activity = *event;
    return frame;
}
