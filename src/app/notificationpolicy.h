#pragma once

// Who is told of a new message with a desktop notification: the rules of issue 11 in one place,
// without D-Bus or widgets, so they are tested alone (tests/app/tst_notificationpolicy).
//
// A message raises a notification when it is from someone else, new (counted as unread, not a
// copy of one seen before), in a space that is not open in the active window, not found by a
// catch-up long after it was written (docs/LIVE-EVENTS.md, 6.3 step 4), in a space that is not
// muted, and Do Not Disturb is off. A mention of me notifies even in a muted space, never under
// Do Not Disturb.
class NotificationPolicy
{
public:
    // What is known about one message when it arrives.
    struct Facts
    {
        bool fromMe = false;
        bool isNew = true;               // counted now; false for a message counted or read before
        bool openInActiveWindow = false; // its space is open and the main window is active
        bool mayNotify = true;           // false for what a catch-up found long after the fact
        bool muted = false;              // the person muted the space
        bool mentionsMe = false;         // I am mentioned by name, or everyone is
        bool doNotDisturb = false;
    };

    // Why a message notifies or not, the first rule that decides, for the log and the tests.
    enum class Decision {
        Notify,
        FromMe,
        NotNew,
        OpenInActiveWindow,
        DoNotDisturb,
        TooLate,
        Muted,
    };

    [[nodiscard]] static Decision decide(const Facts &facts);
    [[nodiscard]] static bool notifies(const Facts &facts)
    {
        return decide(facts) == Decision::Notify;
    }
};
