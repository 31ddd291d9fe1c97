#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// One conversation.activity from the live socket, as the app needs it (docs/LIVE-EVENTS.md,
// sections 4.1 and 4.2). The text of an activity is end-to-end encrypted and never read: a new
// or changed message is fetched over REST by the id derived from the uuids here.
//
// Every id field holds a uuid (lower case) or, where Webex sent one instead, a REST id that
// ActivityIds::decode accepts; ActivityIds::toRestId turns either into a REST id.
// The verb table of section 4.2 lives in fromJson() and only there.
struct ActivityEvent
{
    // What the app does with it (section 4.2).
    enum class Kind {
        Ignored,      ///< acked and dropped: reactions, card actions, moderators, unknown verbs
        Posted,       ///< post or share: fetch MESSAGE(activityUuid), its space moves up
        Replied,      ///< post or share with parent.type "reply": as Posted, parentUuid is the root
        Edited,       ///< post with parent.type "edit": fetch MESSAGE(parentUuid) and replace it
        Deleted,      ///< delete or tombstone: remove MESSAGE(objectUuid) where shown
        Acknowledged, ///< read receipt: actorUuid has read up to MESSAGE(objectUuid)
        Added,        ///< objectUuid (a person) was added to the space
        Left,         ///< objectUuid (a person) left or was removed from the space
        Created,      ///< a new space with us in it: the space is objectUuid (= spaceUuid)
        Hidden,       ///< a 1:1 space was hidden by actorUuid: the space is objectUuid
        SpaceChanged, ///< update (not of content), assign, unassign: re-fetch the room
        ContentUpdated, ///< update of shared content (a file scanned): re-fetch the open space
    };

    QString frameId; ///< the envelope's id, which was acked
    QString verb;    ///< as sent (at most EventFrame::MaxVerbLength characters)
    Kind kind = Kind::Ignored;
    QString activityUuid;
    QString parentUuid;
    QString parentType; ///< "reply", "edit", ... or empty
    QString objectUuid; ///< object.id; for add/leave the person's object.entryUUID first
    QString objectType; ///< "comment", "content", "activity", "person", "conversation", ...
    QString actorUuid;  ///< actor.entryUUID, else actor.id
    QString actorEmail;
    QString actorName;
    QString spaceUuid;     ///< target.id; object.id for create and hide
    QString spaceGlobalId; ///< target.globalId when it is a REST id (the space's ROOM id)
    QDateTime published;   ///< UTC; invalid when absent or unreadable
    QStringList mentionedUuids;
    bool isDirect = false; ///< target.tags holds ONE_ON_ONE
    bool hasFiles = false; ///< share, or an object with files

    // The kind of a verb with the activity's parent and object types (the table of 4.2).
    [[nodiscard]] static Kind kindOf(const QString &verb, const QString &parentType,
                                     const QString &objectType);

    // Reads data.activity. nullopt, with *why (a short English reason for the log, never
    // content), when a field the kind needs is missing or of the wrong form; fields that are
    // only nice to have are left empty instead. `frameId` is copied in.
    [[nodiscard]] static std::optional<ActivityEvent>
    fromJson(const QJsonObject &activity, const QString &frameId, QString *why = nullptr);

    // Whether `personUuid` (mine, from people/me) is the actor, case-insensitively (section 5.4).
    [[nodiscard]] bool isBy(const QString &personUuid) const;
    // Whether `personUuid` is the person an add or leave names.
    [[nodiscard]] bool isAbout(const QString &personUuid) const;
};

Q_DECLARE_METATYPE(ActivityEvent)
