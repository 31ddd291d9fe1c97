#include "waitsentences.h"

#include "api/apierror.h"

QString WaitSentences::sending(const ApiError &reason, const QDateTime &retryAt,
                               const QDateTime &now)
{
    const QString when = ApiError::waitTime(retryAt, now);
    switch (reason.kind) {
    case ApiError::Kind::RateLimited:
        return tr("Webex asks us to wait; sending at %1.").arg(when);
    case ApiError::Kind::Http:
        return tr("Webex is having trouble; sending at %1.").arg(when);
    default:
        return tr("The connection to Webex failed; sending at %1.").arg(when);
    }
}

QString WaitSentences::lookup(WebexClient::CallKind call, const ApiError &reason,
                              const QDateTime &retryAt, const QDateTime &now)
{
    // Of three sentences, the one for what went wrong, as ApiError::waitSentence chooses.
    const auto byReason = [&reason](const QString &rateLimited, const QString &server,
                                    const QString &connection) {
        if (reason.kind == ApiError::Kind::RateLimited)
            return rateLimited;
        return reason.kind == ApiError::Kind::Http ? server : connection;
    };
    QString sentence;
    switch (call) {
    case WebexClient::CallKind::Teams:
        sentence = byReason(
            tr("Webex asks us to wait before loading your teams; trying again at %1."),
            tr("Webex is having trouble loading your teams; trying again at %1."),
            tr("The connection to Webex failed while loading your teams; trying again at %1."));
        break;
    case WebexClient::CallKind::People:
        sentence =
            byReason(tr("Webex asks us to wait before loading names; trying again at %1."),
                     tr("Webex is having trouble loading names; trying again at %1."),
                     tr("The connection to Webex failed while loading names; trying again at %1."));
        break;
    case WebexClient::CallKind::Image:
        sentence = byReason(
            tr("Webex asks us to wait before loading pictures; trying again at %1."),
            tr("Webex is having trouble loading pictures; trying again at %1."),
            tr("The connection to Webex failed while loading pictures; trying again at %1."));
        break;
    default:
        return {}; // said in a place of its own
    }
    return sentence.arg(ApiError::waitTime(retryAt, now));
}

QString WaitSentences::lookupFailed(WebexClient::CallKind call)
{
    switch (call) {
    case WebexClient::CallKind::People:
        return tr("Some names could not be loaded; their e-mail addresses are shown instead.");
    case WebexClient::CallKind::Image:
        return tr("Some pictures could not be loaded; initials are shown instead.");
    default:
        return {};
    }
}
