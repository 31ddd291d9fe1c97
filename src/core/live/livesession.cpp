#include "live/livesession.h"

#include "live/livelogging.h"
#include "model/displaytext.h"

#include <QDateTime>
#include <QPointer>

#include <cmath>

LiveSession::LiveSession(const ApiBase &deviceService, QNetworkAccessManager *network,
                         KnownDevice *store, QObject *parent)
    : QObject(parent), m_registration(deviceService, network, store)
{
    m_sentence = tr("Live updates are off.");
    m_waitTimer.setSingleShot(true);
    // A wait of a few seconds must not end early: the backoff is what keeps a storm away.
    m_waitTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] {
        if (m_awaitingToken) {
            // The renewal never answered: go on with the token there is, with backoff.
            qCInfo(lcLive) << "No fresh token came; trying again with the current one";
            m_awaitingToken = false;
            waitThen(m_nextStep, m_backoff.nextDelayMs());
            return;
        }
        go(m_nextStep);
    });
    connect(&m_registration, &DeviceRegistration::ready, this, &LiveSession::onDeviceReady);
    connect(&m_registration, &DeviceRegistration::failed, this, &LiveSession::onDeviceFailed);
    connect(&m_registration, &DeviceRegistration::removed, this, &LiveSession::signedOut);
    connect(&m_socket, &LiveSocket::live, this, &LiveSession::onLive);
    connect(&m_socket, &LiveSocket::activity, this, &LiveSession::activity);
    connect(&m_socket, &LiveSocket::sequenceGap, this,
            [this] { emit catchUpNeeded(CatchUpReason::SequenceGap); });
    connect(&m_socket, &LiveSocket::ended, this, &LiveSession::onEnded);
}

LiveSession::~LiveSession()
{
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.close();
}

void LiveSession::setState(State state, const QString &sentence)
{
    if (state == m_state && sentence == m_sentence)
        return;
    m_state = state;
    m_sentence = sentence;
    if (state != State::Waiting)
        m_nextAttemptAt = QDateTime();
    qCInfo(lcLive) << "State" << state;
    emit stateChanged(state, sentence);
}

void LiveSession::setAccessToken(const QString &token)
{
    m_accessToken = token;
    m_registration.setAccessToken(token);
    if (!m_awaitingToken || token.isEmpty())
        return;
    m_awaitingToken = false;
    m_renewedSinceLive = true;
    m_waitTimer.stop();
    qCInfo(lcLive) << "A fresh token came; going on";
    go(m_nextStep);
}

void LiveSession::start()
{
    if (m_state != State::Idle && m_state != State::Stopped)
        return;
    m_backoff.reset();
    m_wasLive = false;
    m_renewedSinceLive = false;
    m_deviceGoneInARow = 0;
    m_device.reset();
    go(Step::Register);
}

void LiveSession::stop()
{
    m_waitTimer.stop();
    m_awaitingToken = false;
    m_registration.cancel();
    m_socket.close(); // ended(Closed) comes back at once, and changes nothing
    setState(State::Idle, tr("Live updates are off."));
}

void LiveSession::reconnectNow()
{
    if (m_state != State::Waiting && m_state != State::Stopped)
        return;
    m_waitTimer.stop();
    m_awaitingToken = false;
    m_backoff.reset();
    m_renewedSinceLive = false;
    m_deviceGoneInARow = 0;
    // Registering again also refreshes a device the person may have removed meanwhile.
    go(m_device && m_state == State::Waiting ? m_nextStep : Step::Register);
}

void LiveSession::signOut()
{
    stop();
    m_registration.remove();
}

void LiveSession::go(Step step)
{
    if (step == Step::Connect && m_device)
        connectSocket();
    else
        register_();
}

void LiveSession::register_()
{
    setState(State::Registering, tr("Connecting to Webex for live updates…"));
    m_registration.ensure();
}

void LiveSession::connectSocket()
{
    setState(State::Connecting, tr("Connecting to Webex for live updates…"));
    m_socket.open(m_device->webSocketUrl, m_accessToken);
}

void LiveSession::waitThen(Step step, int delayMs)
{
    m_nextStep = step;
    const int delay = int(std::ceil(delayMs * m_delayScale));
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    m_waitTimer.start(delay);
    qCInfo(lcLive) << "Next attempt in" << delay << "ms";
    const int seconds = qMax(1, (delayMs + 999) / 1000);
    setState(State::Waiting,
             tr("Live updates are interrupted; trying again in %n second(s).", nullptr, seconds));
}

void LiveSession::askForToken(Step next)
{
    if (m_renewedSinceLive || !m_renewal) {
        // Refused again right after a renewal: the session's own 401 handling takes over.
        stopFor(tr("Live updates stopped: Webex did not accept your sign-in for them."));
        return;
    }
    m_nextStep = next;
    m_awaitingToken = true;
    m_waitTimer.start(int(std::ceil(TokenWaitMs * m_delayScale)));
    setState(State::Waiting,
             tr("Live updates are interrupted while Webex Desk renews your sign-in."));
    qCInfo(lcLive) << "Webex refused the token; asking for a fresh one";
    m_renewal();
}

void LiveSession::stopFor(const QString &sentence)
{
    m_waitTimer.stop();
    m_awaitingToken = false;
    setState(State::Stopped, sentence);
}

void LiveSession::onDeviceReady(const DeviceInfo &device)
{
    m_device = device;
    connectSocket();
}

void LiveSession::onDeviceFailed(const ApiError &error)
{
    if (m_state != State::Registering)
        return;
    if (error.httpStatus == 401) {
        askForToken(Step::Register);
        return;
    }
    if (DeviceRegistration::isExcessiveRegistrations(error)) {
        stopFor(tr("Live updates are not available: Webex has too many devices registered for "
                   "your account. Signing out of Webex where you no longer use it frees room."));
        return;
    }
    // A refusal that would come again (400, 403, ...): not worth a request every 32 s.
    const int status = error.httpStatus;
    if (error.kind == ApiError::Kind::Http && status >= 400 && status < 500 && status != 404 &&
        status != 408) {
        stopFor(tr("Live updates are not available: the Webex device service refused Webex "
                   "Desk.") +
                error.details());
        return;
    }
    // Each failed device step waits as a dropped socket does; Retry-After wins (section 3.6).
    int delay = m_backoff.nextDelayMs();
    if (error.retryAfterSeconds > 0)
        delay = qMax(delay, qMin(error.retryAfterSeconds, 3600) * 1000);
    waitThen(Step::Register, delay);
}

void LiveSession::onLive()
{
    const CatchUpReason reason = m_wasLive ? CatchUpReason::Reconnected : CatchUpReason::Connected;
    m_wasLive = true;
    m_renewedSinceLive = false;
    m_deviceGoneInARow = 0;
    m_backoff.wentLive();
    setState(State::Live, tr("Live: new messages appear as they arrive."));
    emit catchUpNeeded(reason);
}

void LiveSession::onEnded(LiveSocket::Outcome outcome, const QString &reason)
{
    if (m_state == State::Idle)
        return; // stop(): nothing comes next
    if (m_state == State::Live)
        m_backoff.dropped();
    switch (outcome) {
    case LiveSocket::Outcome::Closed:
        return;
    case LiveSocket::Outcome::Transient:
        waitThen(Step::Connect, m_backoff.nextDelayMs());
        return;
    case LiveSocket::Outcome::Draining:
        connectSocket(); // the server asked: at once, no backoff
        return;
    case LiveSocket::Outcome::TokenRejected:
        askForToken(Step::Connect);
        return;
    case LiveSocket::Outcome::DeviceGone:
        // PUT the device (a 404 leads to a new one), then connect at once; after a few in a
        // row, with backoff (section 3.7).
        if (++m_deviceGoneInARow < DeviceGoneAtOnce)
            register_();
        else
            waitThen(Step::Register, m_backoff.nextDelayMs());
        return;
    case LiveSocket::Outcome::Replaced:
        stopFor(tr("Live updates stopped: another copy of Webex Desk with the same settings "
                   "took them over. Reconnect to take them back."));
        return;
    case LiveSocket::Outcome::Refused: {
        const QString why = DisplayText::isolated(reason);
        stopFor(why.isEmpty()
                    ? tr("Live updates are not available for this account.")
                    : tr("Live updates are not available for this account (%1).").arg(why));
        return;
    }
    }
}
