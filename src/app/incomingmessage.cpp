#include "incomingmessage.h"

#include "model/message.h"

IncomingMessage IncomingMessage::fromMessage(const Message &message, const QString &myPersonId)
{
    IncomingMessage incoming;
    incoming.roomId = message.roomId;
    incoming.messageId = message.id;
    incoming.senderId = message.personId;
    incoming.senderName = message.personEmail;
    incoming.text = message.text;
    incoming.created = message.created;
    incoming.fromMe = !myPersonId.isEmpty() && message.personId == myPersonId;
    return incoming;
}
