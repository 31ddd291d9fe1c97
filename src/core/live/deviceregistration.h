#pragma once

#include "api/apibase.h"
#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "live/deviceinfo.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class KnownDevice;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Webex Desk's device with Webex's device service (WDM), over REST (docs/LIVE-EVENTS.md,
// sections 2.2 to 2.7), by the rules WebexClient follows: one QNetworkAccessManager, every
// failure an ApiError, retries as RetryPolicy allows (a POST only when it surely did not
// arrive), answers of bounded size, the token only with https (or http on this computer).
//
// ensure(): PUT the kept device's url; a 404 means it is gone, so list the person's devices and
// reuse ours by name, else POST a new one. "User has excessive device registrations": delete the
// oldest third of *our own* devices of other installations (never another client's), POST once
// more, and otherwise fail with that error (isExcessiveRegistrations()).
// remove() (sign-out): DELETE the device (a 404 means already gone) and forget it.
class DeviceRegistration : public QObject
{
    Q_OBJECT

public:
    // Webex's own words for the per-user limit (the SDK matches on them, not on a status).
    static constexpr const char *ExcessiveRegistrationsMessage =
        "User has excessive device registrations";
    static constexpr qint64 MaxDeviceBytes = 1024 * 1024;
    static constexpr qint64 MaxListBytes = 8 * 1024 * 1024;

    // `deviceService`: --device-service, validated like --api-base. `network` and `store`
    // outlive this object; `store` is open for the account.
    DeviceRegistration(const ApiBase &deviceService, QNetworkAccessManager *network,
                       KnownDevice *store, QObject *parent = nullptr);
    ~DeviceRegistration() override;

    // Held in memory only; sent as "Authorization: Bearer ..." and never logged.
    void setAccessToken(const QString &token);

    // -> ready(device) or failed(error). A call while one runs starts over.
    void ensure();
    // -> removed(), also when the DELETE failed (logged; the device is forgotten either way, and
    // Webex drops stale devices by itself). At once when no device is kept.
    void remove();
    // Stops whatever runs; no signal follows.
    void cancel();
    [[nodiscard]] bool isBusy() const;

    [[nodiscard]] ApiBase deviceService() const { return m_service; }
    // The body of POST and PUT (section 2.2): seven keys, no ttl (our device is kept).
    [[nodiscard]] QByteArray registrationBody() const;

    // Whether a failure is the per-user device limit.
    [[nodiscard]] static bool isExcessiveRegistrations(const ApiError &error);

    // As WebexClient's: multiplies every retry delay (tests), the backoff's jitter source, and
    // the transfer timeout of each request.
    void setRetryDelayScale(double scale);
    void setJitterSource(std::function<double()> source);
    void setTransferTimeout(int milliseconds);

signals:
    void ready(const DeviceInfo &device);
    void failed(const ApiError &error);
    void removed();

private:
    enum class Step { Refresh, List, Create, DeleteStale, CreateAgain, Remove };
    struct Request;
    using RequestPtr = std::shared_ptr<Request>;

    void start(Step step, const QByteArray &method, const QUrl &url, const QByteArray &body = {});
    void send(const RequestPtr &request);
    void onFinished(const RequestPtr &request, QNetworkReply *reply);
    [[nodiscard]] bool scheduleRetry(const RequestPtr &request, const ApiError &error);
    void handle(const RequestPtr &request, const ApiError &error, const QByteArray &body);

    void onRefreshed(const ApiError &error, const QByteArray &body);
    void onListed(const ApiError &error, const QByteArray &body);
    void onCreated(const ApiError &error, const QByteArray &body);
    void onStaleDeleted();
    void list();
    void create(Step step);
    void deleteNextStale();
    void succeed(const QByteArray &body);
    void fail(const ApiError &error);

    ApiBase m_service;
    QPointer<QNetworkAccessManager> m_network;
    KnownDevice *m_store;
    QString m_accessToken;
    RetryPolicy m_retryPolicy;
    double m_retryDelayScale = 1.0;
    int m_transferTimeoutMs = 30000;
    RequestPtr m_request;       // the one request running or waiting for its retry
    QList<DeviceInfo> m_listed; // the person's devices, from the last list
    QList<QUrl> m_stale;        // our own stale devices still to delete
    ApiError m_excessive;       // the POST's refusal, while the stale ones go
};
