#include "sessionkeeper.h"

#include "api/apierror.h"
#include "logging.h"

#include <algorithm>

namespace {
// QTimer takes an int of milliseconds: about 24.8 days. Longer waits are taken in steps.
constexpr std::chrono::milliseconds LongestTimer{std::chrono::hours(24 * 20)};
} // namespace

SessionKeeper::SessionKeeper(const ApiBase &api, const ClientCredentials &credentials,
                             QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_refresher(api, credentials, network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Only a wait longer than one QTimer can hold is taken in steps. Anything else is
        // due now: a coarse timer fires up to 5 % early, and comparing with the exact time
        // would turn a 30-second retry into a wait for the token's expiry.
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_nextRenewal);
        if (left > std::chrono::milliseconds(LongestTimer / 10).count())
            scheduleRenewal();
        else
            renewNow();
    });
    connect(&m_refresher, &TokenRefresher::refreshed, this, &SessionKeeper::onRefreshed);
    connect(&m_refresher, &TokenRefresher::rejected, this, &SessionKeeper::onRejected);
    connect(&m_refresher, &TokenRefresher::failed, this, &SessionKeeper::onFailed);
}

std::chrono::milliseconds SessionKeeper::renewalLead(std::chrono::milliseconds remaining)
{
    return std::clamp<std::chrono::milliseconds>(remaining / 5, std::chrono::milliseconds(0),
                                                 std::chrono::minutes(5));
}

void SessionKeeper::start(const TokenSet &tokens)
{
    m_active = true;
    m_tokens = tokens;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (tokens.refreshExpiresAt.isValid() && tokens.refreshExpiresAt <= now &&
        tokens.isAccessExpired(now, 0)) {
        m_active = false;
        emit sessionEnded(tr("Your Webex sign-in has expired. Please sign in again."));
        return;
    }
    if (tokens.accessToken.isEmpty() || tokens.isAccessExpired(now, 0)) {
        renewNow();
        return;
    }
    scheduleRenewal();
    emit accessTokenReady(m_tokens.accessToken);
}

void SessionKeeper::stop()
{
    m_active = false;
    m_timer.stop();
    m_nextRenewal = QDateTime();
}

void SessionKeeper::renewNow()
{
    if (!m_active)
        return;
    m_timer.stop();
    m_refresher.refresh(m_tokens);
}

void SessionKeeper::scheduleRenewal()
{
    m_nextRenewal = QDateTime();
    if (!m_tokens.accessExpiresAt.isValid())
        return; // Webex sent no expiry: refresh only when the API says 401
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::chrono::milliseconds remaining(
        std::max<qint64>(0, now.msecsTo(m_tokens.accessExpiresAt)));
    m_nextRenewal = m_tokens.accessExpiresAt.addMSecs(-renewalLead(remaining).count());
    const std::chrono::milliseconds wait(std::max<qint64>(0, now.msecsTo(m_nextRenewal)));
    m_timer.start(std::min(wait, LongestTimer));
}

void SessionKeeper::onRefreshed(const TokenSet &tokens)
{
    if (!m_active)
        return;
    m_tokens = tokens;
    scheduleRenewal();
    emit tokensChanged(m_tokens);
    emit accessTokenReady(m_tokens.accessToken);
}

void SessionKeeper::onRejected(const ApiError &error)
{
    if (!m_active)
        return;
    stop();
    qCInfo(lcAuth) << "refresh token refused; the session ends";
    emit sessionEnded(tr("Webex no longer accepts this sign-in (%1). Please sign in again.")
                          .arg(error.userMessage()));
}

void SessionKeeper::onFailed(const ApiError &error)
{
    if (!m_active)
        return;
    // The refresh token may still be good; ask again later rather than sign the person out
    // because the network dropped for a moment.
    m_nextRenewal = QDateTime::currentDateTimeUtc().addMSecs(m_retryDelay.count());
    m_timer.start(m_retryDelay);
    emit renewalDelayed(tr("Webex Desk could not renew your sign-in and will try again: %1")
                            .arg(error.userMessage()));
}
