<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n second(s).</source>
        <translation>
            <numerusform>Webex is receiving too many requests; try again in %n second.</numerusform>
            <numerusform>Webex is receiving too many requests; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n hour(s).</source>
        <translation>
            <numerusform>Webex is receiving too many requests; try again in %n hour.</numerusform>
            <numerusform>Webex is receiving too many requests; try again in %n hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n minute(s).</source>
        <translation>
            <numerusform>Webex is receiving too many requests; try again in %n minute.</numerusform>
            <numerusform>Webex is receiving too many requests; try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message numerus="yes">
        <source>%Ln message(s) shown; the rest could not be loaded: %1</source>
        <translation>
            <numerusform>%Ln message shown; the rest could not be loaded: %1</numerusform>
            <numerusform>%Ln messages shown; the rest could not be loaded: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message numerus="yes">
        <source>Live updates are interrupted; trying again in %n second(s).</source>
        <translation>
            <numerusform>Live updates are interrupted; trying again in %n second.</numerusform>
            <numerusform>Live updates are interrupted; trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentionsController</name>
    <message numerus="yes">
        <source>Looking for messages that mention you… %n found so far.</source>
        <translation>
            <numerusform>Looking for messages that mention you… %n found so far.</numerusform>
            <numerusform>Looking for messages that mention you… %n found so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) mention you in your %1 most recently active spaces.</source>
        <translation>
            <numerusform>%n message mentions you in your %1 most recently active spaces.</numerusform>
            <numerusform>%n messages mention you in your %1 most recently active spaces.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n space(s) could not be asked: %1</source>
        <translation>
            <numerusform>%n space could not be asked: %1</numerusform>
            <numerusform>%n spaces could not be asked: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageItemDelegate</name>
    <message numerus="yes">
        <source>▸ %n reply(ies)</source>
        <comment>a thread, closed</comment>
        <translation>
            <numerusform>▸ %n reply</numerusform>
            <numerusform>▸ %n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageListView</name>
    <message numerus="yes">
        <source>Show %n Reply(ies)</source>
        <translation>
            <numerusform>Show %n Reply</numerusform>
            <numerusform>Show %n Replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageTextEdit</name>
    <message numerus="yes">
        <source>This message is too long for Webex. Shorten it by about %n character(s).</source>
        <translation>
            <numerusform>This message is too long for Webex. Shorten it by about %n character.</numerusform>
            <numerusform>This message is too long for Webex. Shorten it by about %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageThreadsModel</name>
    <message numerus="yes">
        <source>%n reply(ies), shown below</source>
        <translation>
            <numerusform>%n reply, shown below</numerusform>
            <numerusform>%n replies, shown below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies), hidden</source>
        <translation>
            <numerusform>%n reply, hidden</numerusform>
            <numerusform>%n replies, hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewMessageDialog</name>
    <message numerus="yes">
        <source>%n person(s) found.</source>
        <translation>
            <numerusform>%n person found.</numerusform>
            <numerusform>%n people found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPresentationModel</name>
    <message numerus="yes">
        <source>%1, %n unread message(s)</source>
        <comment>space title</comment>
        <translation>
            <numerusform>%1, %n unread message</numerusform>
            <numerusform>%1, %n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomsPane</name>
    <message numerus="yes">
        <source>Loading your spaces… %n so far</source>
        <translation>
            <numerusform>Loading your spaces… %n so far</numerusform>
            <numerusform>Loading your spaces… %n so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n space(s)</source>
        <translation>
            <numerusform>%n space</numerusform>
            <numerusform>%n spaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n space(s)</source>
        <comment>spaces the filter shows, of all</comment>
        <translation>
            <numerusform>%1 of %n space</numerusform>
            <numerusform>%1 of %n spaces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <source>%Ln message(s) found.</source>
        <translation>
            <numerusform>%Ln message found.</numerusform>
            <numerusform>%Ln messages found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpacesController</name>
    <message numerus="yes">
        <source>%Ln space(s) loaded; Webex kept sending more pages, so the rest were not loaded.</source>
        <translation>
            <numerusform>%Ln space loaded; Webex kept sending more pages, so the rest were not loaded.</numerusform>
            <numerusform>%Ln spaces loaded; Webex kept sending more pages, so the rest were not loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of your spaces loaded; the rest could not be loaded: %1</source>
        <translation>
            <numerusform>%Ln of your spaces loaded; the rest could not be loaded: %1</numerusform>
            <numerusform>%Ln of your spaces loaded; the rest could not be loaded: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <source>Webex Desk: %n unread message(s)</source>
        <translation>
            <numerusform>Webex Desk: %n unread message</numerusform>
            <numerusform>Webex Desk: %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
