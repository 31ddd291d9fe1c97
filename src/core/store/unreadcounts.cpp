#include "store/unreadcounts.h"

#include "store/localstore.h"

#include <algorithm>

namespace {
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

QDateTime utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC() : QDateTime();
}
} // namespace

UnreadCounts::UnreadCounts(QObject *parent) : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &UnreadCounts::saveNow);
}

UnreadCounts::~UnreadCounts()
{
    saveNow();
}

void UnreadCounts::setStore(LocalStore *store)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    m_restoredFrom.clear();
    m_readingFrom.clear();
    if (!store)
        return;
    connect(store, &LocalStore::opened, this, [this](const StoreFile::Opening &opening) {
        if (opening.isOpen())
            storeOpened();
    });
    // Opened already (at start, before the workspace was built): its answer may be on its way.
    if (store->isUsable())
        storeOpened();
    connect(store, &LocalStore::readStatesRead, this, [this](const QList<ReadState> &states) {
        if (m_readingFrom.isEmpty())
            return; // asked by someone else
        restore(states);
        m_restoredFrom = m_store->path();
        m_readingFrom.clear();
        if (!m_unsaved.isEmpty())
            m_saveTimer.start(); // what was counted before the store answered
    });
}

void UnreadCounts::storeOpened()
{
    const QString path = m_store->path();
    if (m_restoredFrom == path || m_readingFrom == path)
        return;
    // Another account's file (or the first): its counts replace whatever came from another.
    if (!m_restoredFrom.isEmpty())
        clear();
    readStore();
}

void UnreadCounts::readStore()
{
    m_readingFrom = m_store->path();
    m_store->readReadStates(MaxSpaces, MaxHeldIds);
}

void UnreadCounts::open(const QDateTime &countingSince)
{
    if (m_open)
        close();
    m_countingSince = utc(countingSince);
    m_open = true;
    // Read already when the store opened at start; otherwise now, if it is open.
    if (m_store && m_store->isUsable())
        storeOpened();
}

void UnreadCounts::close()
{
    saveNow();
    m_open = false;
    m_restoredFrom.clear();
    m_readingFrom.clear();
    clear();
}

void UnreadCounts::clear()
{
    const QStringList had = m_spaces.keys();
    m_spaces.clear();
    m_heldOrder.clear();
    m_unsaved.clear();
    m_total = 0;
    for (const QString &roomId : had)
        emit changed(roomId);
}

void UnreadCounts::forget()
{
    m_saveTimer.stop();
    m_unsaved.clear(); // the account's store goes (StoreController)
    close();
}

void UnreadCounts::restore(const QList<ReadState> &states)
{
    // A damaged or edited file costs the spaces it damaged, never the rest, nor the bounds.
    std::vector<std::tuple<QDateTime, QString, QString>> newlyHeld;
    QStringList changedIds;
    for (const ReadState &state : states) {
        if (!acceptableId(state.roomId))
            continue;
        Space kept;
        kept.count = std::clamp(state.unreadCount, 0, MaxCount);
        kept.readAt = utc(state.readAt);
        kept.readId = acceptableId(state.readMessageId) ? state.readMessageId : QString();
        for (auto h = state.counted.cbegin(); h != state.counted.cend(); ++h) {
            if (acceptableId(h.key()))
                kept.held.insert(h.key(), utc(h.value()));
        }
        if (kept.count == 0 && !kept.readAt.isValid() && kept.readId.isEmpty())
            continue; // nothing to keep
        const auto known = m_spaces.find(state.roomId);
        if (known == m_spaces.end()) {
            kept.touched = ++m_clock;
            m_total += kept.count;
            for (auto h = kept.held.cbegin(); h != kept.held.cend(); ++h)
                newlyHeld.emplace_back(h.value(), state.roomId, h.key());
            m_spaces.insert(state.roomId, std::move(kept));
            changedIds.append(state.roomId);
            continue;
        }
        // Counted here before the store answered.
        Space &here = *known;
        if (here.readAt.isValid() && !(kept.readAt.isValid() && kept.readAt > here.readAt))
            continue; // read here since: what this session knows stands
        // Counted here and not in the store, and not read by the store's marker: added.
        int added = 0;
        for (auto h = here.held.cbegin(); h != here.held.cend(); ++h) {
            const bool readThere =
                h.value().isValid() && kept.readAt.isValid() && h.value() <= kept.readAt;
            if (kept.held.contains(h.key()) || readThere)
                continue;
            kept.held.insert(h.key(), h.value());
            ++added;
        }
        for (auto h = kept.held.cbegin(); h != kept.held.cend(); ++h) {
            if (!here.held.contains(h.key()))
                newlyHeld.emplace_back(h.value(), state.roomId, h.key());
        }
        here.held = std::move(kept.held);
        setCount(here, kept.count + added);
        here.readAt = kept.readAt;
        here.readId = kept.readId;
        m_unsaved.insert(state.roomId); // the store lacks what was counted here
        changedIds.append(state.roomId);
    }
    // Held ids come in the order of their times, the oldest first to go.
    std::sort(newlyHeld.begin(), newlyHeld.end());
    for (const auto &[created, roomId, messageId] : newlyHeld)
        m_heldOrder.emplace_back(roomId, messageId);
    trimSpaces();
    trimHeld();
    for (const QString &roomId : std::as_const(changedIds))
        emit changed(roomId);
}

ReadState UnreadCounts::stateOf(const QString &roomId) const
{
    ReadState state;
    state.roomId = roomId;
    const auto space = m_spaces.constFind(roomId);
    if (space == m_spaces.cend())
        return state;
    state.readAt = space->readAt;
    state.readMessageId = space->readId;
    state.unreadCount = space->count;
    state.counted = space->held;
    return state;
}

void UnreadCounts::saveNow()
{
    m_saveTimer.stop();
    if (m_unsaved.isEmpty() || !m_store || !m_store->isUsable())
        return; // kept until a store opens
    QList<ReadState> states;
    states.reserve(m_unsaved.size());
    for (const QString &roomId : std::as_const(m_unsaved))
        states.append(stateOf(roomId));
    m_unsaved.clear();
    m_store->saveReadStates(states);
}

void UnreadCounts::changedAndSave(const QString &roomId)
{
    m_unsaved.insert(roomId);
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
        m_unsaved.insert(roomId);
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
