#include "unreadrecount.h"

#include "api/webexclient.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "store/unreadcounts.h"
#include "unreadcontroller.h"

#include <algorithm>
#include <utility>
#include <vector>

UnreadRecount::UnreadRecount(WebexClient *client, RoomListModel *rooms, UnreadController *unread,
                             QObject *parent)
    : QObject(parent), m_client(client), m_rooms(rooms), m_unread(unread)
{
    // Any answer for the space being recounted ends its wait, also one the conversation asked
    // for (opening that space replaces our call with its own).
    connect(client, &WebexClient::messagesFetched, this,
            [this](const QString &roomId, const QList<Message> &, bool) { onPage(roomId); });
    connect(client, &WebexClient::messagesFailed, this,
            [this](const QString &roomId, const ApiError &) { onPage(roomId); });
}

QStringList UnreadRecount::spacesToRecount() const
{
    const UnreadCounts *counts = m_unread->counts();
    if (!counts || !counts->isOpen())
        return {};
    const QString open = m_unread->openRoomId();
    std::vector<std::pair<QDateTime, QString>> behind;
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        const Room &room = m_rooms->roomRef(row);
        if (room.id == open || !room.lastActivity.isValid())
            continue;
        const QDateTime counted = counts->countedUntil(room.id);
        if (!counted.isValid() || room.lastActivity > counted)
            behind.emplace_back(room.lastActivity, room.id);
    }
    const auto newestFirst = [](const auto &a, const auto &b) { return a.first > b.first; };
    const size_t picked = std::min(behind.size(), size_t(MaxSpaces));
    std::partial_sort(behind.begin(), behind.begin() + std::ptrdiff_t(picked), behind.end(),
                      newestFirst);
    QStringList ids;
    for (size_t i = 0; i < picked; ++i)
        ids.append(behind[i].second);
    return ids;
}

void UnreadRecount::start()
{
    m_queue = spacesToRecount();
    m_current.clear();
    next();
}

void UnreadRecount::stop()
{
    const bool running = isRunning();
    m_queue.clear();
    m_current.clear();
    if (running)
        emit finished();
}

void UnreadRecount::next()
{
    if (!m_client || m_queue.isEmpty()) {
        stop(); // the last page came
        return;
    }
    m_current = m_queue.takeFirst();
    m_client->fetchMessages(m_current);
}

void UnreadRecount::onPage(const QString &roomId)
{
    if (roomId.isEmpty() || roomId != m_current)
        return;
    next();
}
