#include "store/unreadcounts.h"

#include <QSettings>
#include <QVariantMap>

#include <algorithm>

namespace {
const QString UnreadKey = QStringLiteral("spaces/unread");
const QString CountField = QStringLiteral("count");
const QString ReadAtField = QStringLiteral("readAt");
const QString ReadIdField = QStringLiteral("readId");
const QString HeldField = QStringLiteral("held");

bool acceptableId(const QString &id)
{
    return !id.isEmpty() && id.size() <= UnreadCounts::MaxIdLength;
}

// Later of two times, an invalid one counting as earliest.
QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::max(a, b);
}
} // namespace

UnreadCounts::UnreadCounts(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &UnreadCounts::saveNow);
}

UnreadCounts::~UnreadCounts()
{
    saveNow();
}

QString UnreadCounts::key() const
{
    return UnreadKey + QLatin1Char('/') + m_accountKey;
}

void UnreadCounts::open(const QString &accountKey, bool ephemeral, const QDateTime &countingSince)
{
    if (m_open)
        close();
    m_accountKey = accountKey;
    m_ephemeral = ephemeral;
    m_countingSince = countingSince.isValid() ? countingSince.toUTC() : QDateTime();
    m_open = true;
    if (!m_ephemeral)
        load();
    for (auto it = m_spaces.cbegin(); it != m_spaces.cend(); ++it)
        emit changed(it.key());
}

void UnreadCounts::close()
{
    saveNow();
    const QStringList had = m_spaces.keys();
    m_open = false;
    m_spaces.clear();
    m_heldOrder.clear();
    m_total = 0;
    for (const QString &roomId : had)
        emit changed(roomId);
}

void UnreadCounts::forget()
{
    m_saveTimer.stop();
    if (m_open && !m_ephemeral)
        m_settings->remove(key());
    m_ephemeral = true; // nothing more is written for this account
    close();
}

void UnreadCounts::load()
{
    // Damaged or hand-edited values cost their space, never the rest, and never the bounds.
    const QVariantMap stored = m_settings->value(key()).toMap();
    struct Loaded
    {
        QString roomId;
        Space space;
    };
    std::vector<Loaded> loaded;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!acceptableId(it.key()))
            continue;
        const QVariantMap fields = it.value().toMap();
        Space space;
        space.count = std::clamp(fields.value(CountField).toInt(), 0, MaxCount);
        const QDateTime readAt = fields.value(ReadAtField).toDateTime();
        space.readAt = readAt.isValid() ? readAt.toUTC() : QDateTime();
        space.readId = fields.value(ReadIdField).toString();
        if (!acceptableId(space.readId))
            space.readId.clear();
        const QVariantMap held = fields.value(HeldField).toMap();
        for (auto h = held.cbegin(); h != held.cend(); ++h) {
            if (!acceptableId(h.key()))
                continue;
            const QDateTime created = h.value().toDateTime();
            space.held.insert(h.key(), created.isValid() ? created.toUTC() : QDateTime());
        }
        if (space.count == 0 && !space.readAt.isValid() && space.readId.isEmpty())
            continue; // nothing to keep
        loaded.push_back({it.key(), std::move(space)});
    }
    // Beyond the bound, the spaces read most recently stay.
    if (loaded.size() > size_t(MaxSpaces)) {
        std::sort(loaded.begin(), loaded.end(), [](const Loaded &a, const Loaded &b) {
            if (a.space.readAt.isValid() != b.space.readAt.isValid())
                return a.space.readAt.isValid();
            return a.space.readAt > b.space.readAt;
        });
        loaded.resize(MaxSpaces);
    }
    // Held ids come back in the order of their times, the oldest first to go.
    std::vector<std::tuple<QDateTime, QString, QString>> held;
    for (Loaded &entry : loaded) {
        entry.space.touched = ++m_clock;
        m_total += entry.space.count;
        for (auto h = entry.space.held.cbegin(); h != entry.space.held.cend(); ++h)
            held.emplace_back(h.value(), entry.roomId, h.key());
        m_spaces.insert(entry.roomId, std::move(entry.space));
    }
    std::sort(held.begin(), held.end());
    for (const auto &[created, roomId, messageId] : held)
        m_heldOrder.emplace_back(roomId, messageId);
    trimHeld();
}

void UnreadCounts::saveNow()
{
    m_saveTimer.stop();
    if (!m_open || m_ephemeral)
        return;
    QVariantMap stored;
    for (auto it = m_spaces.cbegin(); it != m_spaces.cend(); ++it) {
        const Space &space = it.value();
        QVariantMap fields;
        if (space.count > 0)
            fields.insert(CountField, space.count);
        if (space.readAt.isValid())
            fields.insert(ReadAtField, space.readAt);
        if (!space.readId.isEmpty())
            fields.insert(ReadIdField, space.readId);
        if (!space.held.isEmpty()) {
            QVariantMap held;
            for (auto h = space.held.cbegin(); h != space.held.cend(); ++h)
                held.insert(h.key(), h.value());
            fields.insert(HeldField, held);
        }
        stored.insert(it.key(), fields);
    }
    if (stored.isEmpty())
        m_settings->remove(key());
    else
        m_settings->setValue(key(), stored);
}

void UnreadCounts::changedAndSave(const QString &roomId)
{
    if (!m_ephemeral)
        m_saveTimer.start(); // restarted by every change: one write after a burst
    emit changed(roomId);
}

UnreadCounts::Space &UnreadCounts::touch(const QString &roomId)
{
    auto it = m_spaces.find(roomId);
    if (it != m_spaces.end()) {
        it->touched = ++m_clock;
        return *it;
    }
    Space fresh;
    fresh.touched = ++m_clock; // the newest: never the one a trim lets go
    m_spaces.insert(roomId, std::move(fresh));
    trimSpaces();
    return m_spaces[roomId];
}

void UnreadCounts::trimSpaces()
{
    if (m_spaces.size() <= MaxSpaces)
        return;
    // A tenth at once, the least recently touched: one sort per thousands of new spaces, not
    // a scan per message of a flood.
    std::vector<std::pair<quint64, QString>> byAge;
    byAge.reserve(m_spaces.size());
    for (auto it = m_spaces.cbegin(); it != m_spaces.cend(); ++it)
        byAge.emplace_back(it->touched, it.key());
    const size_t drop = m_spaces.size() - MaxSpaces + MaxSpaces / 10;
    std::partial_sort(byAge.begin(), byAge.begin() + qsizetype(drop), byAge.end());
    for (size_t i = 0; i < drop; ++i) {
        const QString &roomId = byAge[i].second;
        m_total -= m_spaces.value(roomId).count;
        m_spaces.remove(roomId);
        emit changed(roomId);
    }
}

int UnreadCounts::heldIdCount() const
{
    int n = 0;
    for (const Space &space : m_spaces)
        n += int(space.held.size());
    return n;
}

void UnreadCounts::setCount(Space &space, int count)
{
    count = std::clamp(count, 0, MaxCount);
    m_total += count - space.count;
    space.count = count;
}

void UnreadCounts::hold(const QString &roomId, Space &space, const QString &messageId,
                        const QDateTime &created)
{
    space.held.insert(messageId, created);
    m_heldOrder.emplace_back(roomId, messageId);
    trimHeld();
}

void UnreadCounts::release(Space &space)
{
    // The order list keeps the ids; they are skipped or compacted away later.
    space.held.clear();
}

void UnreadCounts::trimHeld()
{
    // Entries of ids let go since (read, left) stay in the order list until they come up;
    // compact it when they are most of it, so it is bounded too.
    if (m_heldOrder.size() > size_t(2 * MaxHeldIds)) {
        std::deque<std::pair<QString, QString>> live;
        for (auto &entry : m_heldOrder) {
            const auto space = m_spaces.constFind(entry.first);
            if (space != m_spaces.cend() && space->held.contains(entry.second))
                live.push_back(std::move(entry));
        }
        m_heldOrder = std::move(live);
    }
    while (m_heldOrder.size() > size_t(MaxHeldIds)) {
        const auto [roomId, messageId] = m_heldOrder.front();
        m_heldOrder.pop_front();
        const auto space = m_spaces.find(roomId);
        if (space != m_spaces.end())
            space->held.remove(messageId); // its count stays; only the de-duplication forgets
    }
}

bool UnreadCounts::messageArrived(const QString &roomId, const QString &messageId, bool fromMe,
                                  const QDateTime &created)
{
    if (!m_open || !acceptableId(roomId) || !acceptableId(messageId))
        return false;
    const QDateTime when = created.isValid() ? created.toUTC() : QDateTime();
    if (fromMe) {
        markRead(roomId, messageId, when);
        return false;
    }
    const auto known = m_spaces.find(roomId);
    if (known != m_spaces.end()) {
        Space &space = *known;
        if (messageId == space.readId) {
            // The message read up to (acknowledged elsewhere before it reached us): now its
            // time is known, and what was counted before it is read too.
            if (when.isValid() && when > space.readAt) {
                space.readAt = when;
                int newer = 0;
                for (auto h = space.held.begin(); h != space.held.end();) {
                    if (h.value().isValid() && h.value() <= when) {
                        h = space.held.erase(h);
                    } else {
                        ++newer;
                        ++h;
                    }
                }
                setCount(space, std::min(space.count, newer));
                changedAndSave(roomId);
            }
            return false;
        }
        if (space.held.contains(messageId))
            return false; // counted before
        if (when.isValid() && space.readAt.isValid() && when <= space.readAt)
            return false; // read already
    }
    // History from before this account's counts began, even after a marker older still (my
    // own message long ago): nobody was counting then.
    if (when.isValid() && m_countingSince.isValid() && when < m_countingSince)
        return false;
    Space &space = touch(roomId);
    setCount(space, space.count + 1);
    hold(roomId, space, messageId, when);
    changedAndSave(roomId);
    return true;
}

void UnreadCounts::markRead(const QString &roomId, const QString &newestMessageId,
                            const QDateTime &when)
{
    if (!m_open || !acceptableId(roomId))
        return;
    const QDateTime at = when.isValid() ? when.toUTC() : QDateTime::currentDateTimeUtc();
    const auto known = m_spaces.constFind(roomId);
    const bool moves = known == m_spaces.cend() || !known->readAt.isValid() || at > known->readAt;
    if (!moves && known->count == 0 && known->held.isEmpty())
        return; // read already, nothing to clear: no signal, no write
    Space &space = touch(roomId);
    setCount(space, 0);
    release(space);
    if (moves) {
        space.readAt = at;
        space.readId = acceptableId(newestMessageId) ? newestMessageId : QString();
    }
    changedAndSave(roomId);
}

void UnreadCounts::acknowledgedElsewhere(const QString &roomId, const QString &messageId)
{
    if (!m_open || !acceptableId(roomId) || !acceptableId(messageId))
        return;
    Space &space = touch(roomId);
    const auto acked = space.held.constFind(messageId);
    if (acked != space.held.cend() && acked.value().isValid()) {
        // Read up to a message counted here: the ones after it stay unread.
        const QDateTime upTo = acked.value();
        int newer = 0;
        for (auto h = space.held.begin(); h != space.held.end();) {
            if (h.key() == messageId || (h.value().isValid() && h.value() <= upTo)) {
                h = space.held.erase(h);
            } else {
                ++newer;
                ++h;
            }
        }
        setCount(space, newer);
        space.readAt = later(space.readAt, upTo);
    } else {
        // The newest, or a message not seen here (its receipt outran it): all read. Its time
        // comes with it, if it arrives later (messageArrived).
        QDateTime newest = space.readAt;
        for (const QDateTime &created : std::as_const(space.held))
            newest = later(newest, created);
        setCount(space, 0);
        release(space);
        space.readAt = newest;
    }
    space.readId = messageId;
    changedAndSave(roomId);
}

void UnreadCounts::messageDeleted(const QString &roomId, const QString &messageId)
{
    const auto space = m_spaces.find(roomId);
    if (!m_open || space == m_spaces.end() || !space->held.remove(messageId))
        return;
    setCount(*space, space->count - 1);
    changedAndSave(roomId);
}

void UnreadCounts::spaceLeft(const QString &roomId)
{
    const auto space = m_spaces.find(roomId);
    if (!m_open || space == m_spaces.end())
        return;
    m_total -= space->count;
    m_spaces.erase(space);
    changedAndSave(roomId);
}

int UnreadCounts::countFor(const QString &roomId) const
{
    return m_spaces.value(roomId).count;
}

QHash<QString, int> UnreadCounts::counts() const
{
    QHash<QString, int> counts;
    for (auto it = m_spaces.cbegin(); it != m_spaces.cend(); ++it) {
        if (it->count > 0)
            counts.insert(it.key(), it->count);
    }
    return counts;
}

QDateTime UnreadCounts::lastReadAt(const QString &roomId) const
{
    return m_spaces.value(roomId).readAt;
}

QString UnreadCounts::lastReadMessageId(const QString &roomId) const
{
    return m_spaces.value(roomId).readId;
}

QDateTime UnreadCounts::countedUntil(const QString &roomId) const
{
    QDateTime until = m_countingSince;
    const auto space = m_spaces.constFind(roomId);
    if (space == m_spaces.cend())
        return until;
    if (space->readAt.isValid() && !(until >= space->readAt))
        until = space->readAt;
    for (const QDateTime &created : std::as_const(space->held)) {
        if (created.isValid() && !(until >= created))
            until = created;
    }
    return until;
}
