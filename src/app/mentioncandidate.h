#pragma once

#include <QString>

// A member of the open space who can be mentioned in the composer: whom "@" completes. The
// caller leaves out the signed-in person (nobody mentions themselves).
struct MentionCandidate
{
    QString personId;
    QString email;       ///< What the mention is sent with: <@personEmail:EMAIL|NAME>.
    QString displayName; ///< Shown in the list and in the field; empty: the email is shown.
};
