#include "store/readstate.h"

#include <QVariantMap>

QList<ReadState> readStatesFromSettingsValue(const QVariantMap &stored)
{
    QList<ReadState> states;
    states.reserve(stored.size());
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QVariantMap fields = it.value().toMap();
        ReadState state;
        state.roomId = it.key();
        state.unreadCount = fields.value(QStringLiteral("count")).toInt();
        state.readAt = fields.value(QStringLiteral("readAt")).toDateTime();
        state.readMessageId = fields.value(QStringLiteral("readId")).toString();
        const QVariantMap held = fields.value(QStringLiteral("held")).toMap();
        for (auto h = held.cbegin(); h != held.cend(); ++h)
            state.counted.insert(h.key(), h.value().toDateTime());
        states.append(std::move(state));
    }
    return states;
}
