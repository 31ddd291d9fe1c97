#pragma once

#include "api/apierror.h"
#include "model/membership.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class Composer;
class RoomListModel;
class WebexClient;

// Whom `@` completes in the composer: the open space's members (GET memberships?roomId, every
// page), without the person writing, and "@all" in a group space. Asked for each time a space
// opens (members come and go); what an earlier opening brought is offered meanwhile.
class SpaceMembersController : public QObject
{
    Q_OBJECT

public:
    SpaceMembersController(Composer *composer, RoomListModel *rooms, QObject *parent = nullptr);

    void begin(WebexClient *client);
    void end();
    void setMe(const QString &personId) { m_me = personId; }

public slots:
    void spaceOpened(const QString &roomId);

private:
    void onMembers(const QString &roomId, const QList<Membership> &members);
    void offer(const QString &roomId);

    Composer *m_composer;
    RoomListModel *m_rooms;
    QPointer<WebexClient> m_client;
    QString m_me;
    QString m_openRoomId;
    QHash<QString, QList<Membership>> m_members; // by space, for this session
};
