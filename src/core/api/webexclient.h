#pragma once

#include "api/apibase.h"
// Signal arguments are included, not forward-declared: moc needs complete types to register
// them as metatypes, and every receiver needs them anyway.
#include "api/apierror.h"
#include "model/person.h"
#include "model/room.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// The Webex REST client: one owner for every call, reporting results as parsed values and
// failures as ApiError, never as a silent log line. Retries rate limits (429, Retry-After) and
// transient server errors (500/502/503/504) on QTimer, never blocking.
class WebexClient : public QObject
{
    Q_OBJECT

public:
    WebexClient(const ApiBase &base, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~WebexClient() override;

    // Held in memory only; sent as "Authorization: Bearer ..." only to the API base's origin.
    void setAccessToken(const QString &token);

    // With renewal on, a call refused with 401 waits instead of failing: the client emits
    // accessTokenRejected() once, and the next setAccessToken() with a new token sends the
    // waiting calls again, once each. abandonWaitingCalls() fails them when no token comes.
    // Off by default: without anyone to renew the token the calls would wait forever.
    void setAccessTokenRenewal(bool enabled) { m_renewal = enabled; }
    void abandonWaitingCalls();

    void fetchMe();       // GET people/me; a new call replaces a running one
    void fetchAllRooms(); // GET rooms?max=1000&sortBy=lastactivity, following Link rel="next";
                          // a new call cancels a running one
    // Avatars: GET without Authorization (they live on a CDN). https, or http on loopback only.
    // A URL already being fetched is not fetched twice.
    void fetchImage(const QUrl &url);
    // Stops everything; no signal is emitted for the cancelled calls.
    void cancelAll();

    [[nodiscard]] ApiBase apiBase() const { return m_base; }

    // Abort a transfer after this long without data (QNetworkRequest::setTransferTimeout).
    void setTransferTimeout(int milliseconds);
    [[nodiscard]] int transferTimeout() const { return m_transferTimeoutMs; }

    // Multiplies every retry delay (Retry-After and backoff): tests use a small factor so a
    // "Retry-After: 15" takes milliseconds. 1.0 in production; negative values count as 0.
    void setRetryDelayScale(double scale);
    [[nodiscard]] double retryDelayScale() const { return m_retryDelayScale; }

    // The unscaled delay before the next attempt: Retry-After (at least 1 s, 15 s when absent)
    // for rate limits, 1 s, 2 s, 4 s for server errors. attempt counts from 1.
    [[nodiscard]] static int baseRetryDelayMs(const ApiError &error, int attempt);

    static constexpr int MaxRetries = 3;
    static constexpr int RoomsPageSize = 1000;

signals:
    void meFetched(const Person &me);
    void meFailed(const ApiError &error);

    void roomsPageFetched(const QList<Room> &rooms, int pageNumber); // pageNumber from 1
    void roomsFetched(int totalRooms);
    void roomsFailed(const ApiError &error);

    void imageFetched(const QUrl &url, const QByteArray &bytes);
    void imageFailed(const QUrl &url, const ApiError &error);

    // Any 401, in addition to the specific *Failed signal (the auth layer refreshes on it).
    void unauthorized(const ApiError &error);
    void accessTokenRejected();

    // A retry was scheduled after delayMs (already scaled); lets the UI say "rate limited".
    void retryScheduled(const QUrl &url, const ApiError &reason, int delayMs);

private:
    enum class Purpose { Me, Rooms, Image };
    struct Call;
    using CallPtr = std::shared_ptr<Call>;

    CallPtr startCall(Purpose purpose, const QUrl &url);
    void send(const CallPtr &call);
    void onFinished(const CallPtr &call, QNetworkReply *reply);
    [[nodiscard]] bool waitForNewToken(const CallPtr &call, const ApiError &error);
    [[nodiscard]] bool scheduleRetry(const CallPtr &call, const ApiError &error);
    void finishCall(const CallPtr &call);
    void cancelCalls(Purpose purpose);
    void cancelCall(const CallPtr &call);
    void fail(const CallPtr &call, const ApiError &error);

    void handleMe(const CallPtr &call, const QByteArray &body);
    void handleRoomsPage(const CallPtr &call, QNetworkReply *reply, const QByteArray &body);
    [[nodiscard]] QUrl checkedNextPage(const CallPtr &call, const QUrl &next,
                                       ApiError *error) const;
    [[nodiscard]] int scaledDelay(int milliseconds) const;

    ApiBase m_base;
    QPointer<QNetworkAccessManager> m_network;
    QString m_accessToken;
    int m_transferTimeoutMs = 30000;
    double m_retryDelayScale = 1.0;
    QList<CallPtr> m_calls;
    QList<CallPtr> m_waitingForToken;
    bool m_renewal = false;
};
