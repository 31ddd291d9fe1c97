#include "notificationpolicy.h"

NotificationPolicy::Decision NotificationPolicy::decide(const Facts &facts)
{
    if (facts.fromMe)
        return Decision::FromMe;
    if (!facts.isNew)
        return Decision::NotNew; // one message, one notification at most
    if (facts.openInActiveWindow)
        return Decision::OpenInActiveWindow; // the person is looking at it
    if (facts.doNotDisturb)
        return Decision::DoNotDisturb; // above mentions: Do Not Disturb means silence
    if (!facts.mayNotify)
        return Decision::TooLate; // a reconnect after a night raises no storm
    if (facts.muted && !facts.mentionsMe)
        return Decision::Muted;
    return Decision::Notify;
}
