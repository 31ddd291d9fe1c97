#include "spacememberscontroller.h"

#include "api/webexclient.h"
#include "composer.h"
#include "mentioncandidate.h"
#include "model/roomlistmodel.h"

SpaceMembersController::SpaceMembersController(Composer *composer, RoomListModel *rooms,
                                               QObject *parent)
    : QObject(parent), m_composer(composer), m_rooms(rooms)
{}

void SpaceMembersController::begin(WebexClient *client)
{
    end();
    m_client = client;
    if (!client)
        return;
    connect(client, &WebexClient::membersFetched, this, &SpaceMembersController::onMembers);
}

void SpaceMembersController::end()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = nullptr;
    m_members.clear();
    m_openRoomId.clear();
    m_composer->setMentionCandidates({}, false);
}

void SpaceMembersController::spaceOpened(const QString &roomId)
{
    m_openRoomId = roomId;
    offer(roomId); // what is known, until Webex answers
    if (m_client && !roomId.isEmpty())
        m_client->fetchMembers(roomId);
}

void SpaceMembersController::onMembers(const QString &roomId, const QList<Membership> &members)
{
    m_members.insert(roomId, members);
    if (roomId == m_openRoomId)
        offer(roomId);
}

void SpaceMembersController::offer(const QString &roomId)
{
    QList<MentionCandidate> candidates;
    const QList<Membership> members = m_members.value(roomId);
    for (const Membership &member : members) {
        // Nobody mentions themselves; a monitor (a compliance account) is nobody to talk to.
        if (member.personId == m_me || member.isMonitor || member.personEmail.isEmpty())
            continue;
        candidates.append({member.personId, member.personEmail, member.personDisplayName});
    }
    const int row = m_rooms->rowOf(roomId);
    const bool group = row >= 0 && m_rooms->roomRef(row).kind != Room::Kind::Direct;
    m_composer->setMentionCandidates(candidates, group);
}
