#pragma once

#include "api/apibase.h"
#include "api/apierror.h"
#include "live/activityevent.h"
#include "live/backoff.h"
#include "live/deviceinfo.h"
#include "live/deviceregistration.h"
#include "live/livesocket.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

class KnownDevice;
class QNetworkAccessManager;

// Live events for one signed-in account (docs/LIVE-EVENTS.md, section 7.1): the state machine
// that drives DeviceRegistration, LiveSocket and Backoff. It registers (or refreshes) the
// device, connects, and while the socket is live hands on every activity; when the socket ends
// it reconnects with backoff, asks the app for a fresh token on 4401 (once; a second refusal
// right after stops live), registers again when the device is gone, and stops for good only
// when Webex says live events are not for this account or another connection took over.
// After every connection that goes live and after every sequence gap it asks for a catch-up
// over REST, which the app runs (LiveCatchUp). Never logs the token.
class LiveSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,        ///< not started, or stop()ped
        Registering, ///< the device service is asked for our device
        Connecting,  ///< the socket opens, authorizes and waits for readiness
        Live,        ///< events arrive as they happen
        Waiting,     ///< between attempts (backoff), or for a fresh token
        Stopped,     ///< for good, until reconnectNow(): see the sentence
    };
    Q_ENUM(State)

    enum class CatchUpReason {
        Connected,   ///< the first connection of this start() is live
        Reconnected, ///< live again after a drop: what came meanwhile was missed
        SequenceGap, ///< frames went missing on a live connection
    };
    Q_ENUM(CatchUpReason)

    // Called when Webex refuses the access token: the app renews it (SessionKeeper::renewNow)
    // and hands the new one to setAccessToken().
    using TokenRenewal = std::function<void()>;

    static constexpr int DeviceGoneAtOnce = 3;    ///< re-registrations in a row without backoff
    static constexpr int TokenWaitMs = 60 * 1000; ///< a renewal that never answers

    // `deviceService`: --device-service. `network` and `store` outlive this object; `store` is
    // open for the account.
    LiveSession(const ApiBase &deviceService, QNetworkAccessManager *network, KnownDevice *store,
                QObject *parent = nullptr);
    ~LiveSession() override;

    // The current access token (SessionKeeper::accessTokenReady). While the session waits for
    // a renewal, a token given here is the renewal, and the session goes on with it.
    void setAccessToken(const QString &token);
    void setTokenRenewal(TokenRenewal renewal) { m_renewal = std::move(renewal); }

    // Idle -> Registering. Nothing when already started (anything but Idle and Stopped).
    void start();
    // Anything -> Idle: the socket is closed (1000 "Done"), nothing is reconnected.
    void stop();
    // The person's Reconnect: from Waiting or Stopped, at once and with a fresh backoff.
    void reconnectNow();
    // Sign-out: stop(), then DELETE the device and forget it -> signedOut().
    void signOut();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString sentence() const { return m_sentence; }
    // The next attempt's time while Waiting for a backoff (UTC); invalid otherwise.
    [[nodiscard]] QDateTime nextAttemptAt() const { return m_nextAttemptAt; }

    // The parts, for tests and tuning: the socket's timing, the backoff's random source.
    [[nodiscard]] DeviceRegistration &registration() { return m_registration; }
    [[nodiscard]] LiveSocket &socket() { return m_socket; }
    [[nodiscard]] Backoff &backoff() { return m_backoff; }
    // Multiplies every backoff wait and the token wait (tests); 1.0 in the app.
    void setDelayScale(double scale) { m_delayScale = scale > 0 ? scale : 0.0; }

signals:
    void stateChanged(LiveSession::State state, const QString &sentence);
    void activity(const ActivityEvent &event);
    void catchUpNeeded(LiveSession::CatchUpReason reason);
    void signedOut();

private:
    enum class Step { Register, Connect };

    void setState(State state, const QString &sentence);
    void go(Step step);
    void register_();
    void connectSocket();
    void waitThen(Step step, int delayMs);
    void askForToken(Step next);
    void stopFor(const QString &sentence);

    void onDeviceReady(const DeviceInfo &device);
    void onDeviceFailed(const ApiError &error);
    void onLive();
    void onEnded(LiveSocket::Outcome outcome, const QString &reason);

    DeviceRegistration m_registration;
    LiveSocket m_socket;
    Backoff m_backoff;
    TokenRenewal m_renewal;
    QString m_accessToken;
    std::optional<DeviceInfo> m_device;
    State m_state = State::Idle;
    QString m_sentence;
    QTimer m_waitTimer;
    Step m_nextStep = Step::Register;
    QDateTime m_nextAttemptAt;
    bool m_awaitingToken = false;
    bool m_renewedSinceLive = false; // a renewal was used and nothing went live since
    bool m_wasLive = false;          // some connection of this start() went live
    int m_deviceGoneInARow = 0;
    double m_delayScale = 1.0;
};
