#pragma once

#include "api/webexclient.h" // WebexClient::CallKind

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class ApiError;

// What the app says while a call waits for its next attempt, where the place alone does not tell
// what waits: a message being sent (the composer) and the look-ups behind the panes (the status
// bar). Worded as ApiError::waitSentence ("Webex asks us to wait; trying again at 14:05."), whose
// time they share (ApiError::waitTime), and whole: a translator sees every sentence as it reads.
class WaitSentences
{
    Q_DECLARE_TR_FUNCTIONS(WaitSentences)

public:
    // "Webex asks us to wait; sending at 14:05."
    [[nodiscard]] static QString sending(const ApiError &reason, const QDateTime &retryAt,
                                         const QDateTime &now);
    // "Webex asks us to wait before loading names; trying again at 14:05." for the teams, the
    // people (senders' names) and the pictures; empty for the other kinds, whose own place
    // says it (the profile header, the spaces, the messages, the composer).
    [[nodiscard]] static QString lookup(WebexClient::CallKind call, const ApiError &reason,
                                        const QDateTime &retryAt, const QDateTime &now);
    // After a wait was said, the look-up failed for good: what shows instead. Empty for the
    // teams (SpacesController says that they could not be loaded, and why).
    [[nodiscard]] static QString lookupFailed(WebexClient::CallKind call);
};
