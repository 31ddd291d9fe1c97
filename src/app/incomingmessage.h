#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

class Message;

// One message that arrived, as UnreadController and NotificationController need it: where,
// which, from whom, when, its plain text, and what the caller knows about it. The live layer
// builds it from an event (and the message fetched for it); today's refresh builds it from a
// page of the open space (fromMessage).
struct IncomingMessage
{
    QString roomId;
    QString messageId;
    QString senderId;
    QString senderName; ///< As known now (the event's actor, a looked-up name); may be empty.
    QString text;       ///< Plain text; only its first line is shown, never as markup.
    QDateTime created;  ///< UTC; invalid when not known.
    bool fromMe = false;
    bool mentionsMe = false; ///< I am in mentionedPeople, or "all" in mentionedGroups.
    // False for what a catch-up found written long before (docs/LIVE-EVENTS.md, 6.3 step 4):
    // it is counted, but raises no notification.
    bool mayNotify = true;

    // A message of a page. `myPersonId` tells mine; the name is the e-mail address until the
    // caller knows better. Message carries no mentions yet: mentionsMe is false.
    [[nodiscard]] static IncomingMessage fromMessage(const Message &message,
                                                     const QString &myPersonId);
};

Q_DECLARE_METATYPE(IncomingMessage)
