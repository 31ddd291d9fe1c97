#pragma once

#include "api/apibase.h"
#include "live/backoff.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ApiError;
class QNetworkAccessManager;
class QNetworkReply;

// Whether Webex can be reached, and finding out again when it cannot (docs/STORE.md, offline).
// The session's calls tell it: an HTTP answer of any status means online (reportReached), a call
// that failed without one means offline (reportUnreachable). While offline it asks again by
// itself: a GET of people/me without credentials (any HTTP answer, 401 included, means Webex
// is there; no token travels with it), after the live layer's backoff (1 s doubling to 32 s,
// jittered), and at once when the system says the network is back (QNetworkInformation, where
// a backend loads; NetworkManager on Linux), or when the person asks (tryNow).
class Connectivity : public QObject
{
    Q_OBJECT

public:
    // How long one probe may take before it counts as unanswered.
    static constexpr int ProbeTimeoutMs = 10000;

    explicit Connectivity(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Connectivity() override;

    // A session with Webex at `api` began: online until a call says otherwise.
    void begin(const ApiBase &api);
    // The session is over: no more probes.
    void end();

    [[nodiscard]] bool isOnline() const { return m_online; }
    // While offline: when the next probe goes (UTC); invalid while one runs, or online.
    [[nodiscard]] QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    // Whether the system's network information (QNetworkInformation) is used.
    [[nodiscard]] bool followsSystemNetwork() const { return m_systemNetwork; }

public slots:
    void reportReached();
    void reportUnreachable(const ApiError &error);
    // While offline: a probe now (the person's "Try now", or the system's network came back).
    void tryNow();

signals:
    // Offline, or online again; `online` false carries when the next try is (nextAttemptAt).
    void changed(bool online);
    // While offline: the next try is at `at` (UTC).
    void attemptScheduled(const QDateTime &at);

private:
    void goOffline();
    void goOnline();
    void scheduleProbe();
    void probe();
    void onProbeFinished(QNetworkReply *reply);
    void watchSystemNetwork();

    QNetworkAccessManager *m_network;
    ApiBase m_api;
    bool m_active = false;
    bool m_online = true;
    bool m_systemNetwork = false;
    Backoff m_backoff;
    QTimer m_timer;
    QDateTime m_nextAttemptAt;
    QPointer<QNetworkReply> m_probe;
};
