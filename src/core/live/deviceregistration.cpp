#include "live/deviceregistration.h"

#include "api/jsonbody.h"
#include "live/knowndevice.h"
#include "live/livelogging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace {

// What may be logged of a URL: scheme, host and path; the device's path is an id, not a secret.
QString loggable(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString systemName()
{
#if defined(Q_OS_LINUX)
    return QStringLiteral("Linux");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("macOS");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows");
#else
    return QSysInfo::kernelType();
#endif
}

} // namespace

struct DeviceRegistration::Request
{
    Step step = Step::Refresh;
    QByteArray method;
    QUrl url;
    QByteArray body;
    QByteArray trackingId;
    RetryPolicy::Counts retries;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> retryTimer;
    bool tooLarge = false;
};

DeviceRegistration::DeviceRegistration(const ApiBase &deviceService, QNetworkAccessManager *network,
                                       KnownDevice *store, QObject *parent)
    : QObject(parent), m_service(deviceService), m_network(network), m_store(store)
{}

DeviceRegistration::~DeviceRegistration()
{
    cancel();
}

void DeviceRegistration::setAccessToken(const QString &token)
{
    m_accessToken = token;
}

void DeviceRegistration::setRetryDelayScale(double scale)
{
    m_retryDelayScale = scale > 0 ? scale : 0.0;
}

void DeviceRegistration::setJitterSource(std::function<double()> source)
{
    m_retryPolicy.setRandomSource(std::move(source));
}

void DeviceRegistration::setTransferTimeout(int milliseconds)
{
    m_transferTimeoutMs = qMax(0, milliseconds);
}

bool DeviceRegistration::isBusy() const
{
    return m_request != nullptr;
}

bool DeviceRegistration::isExcessiveRegistrations(const ApiError &error)
{
    return error.isError() && error.message.contains(QLatin1String(ExcessiveRegistrationsMessage),
                                                     Qt::CaseInsensitive);
}

QByteArray DeviceRegistration::registrationBody() const
{
    const QString version = QCoreApplication::applicationVersion();
    const QJsonObject body{
        {QStringLiteral("deviceName"), QStringLiteral("webex-desk")},
        {QStringLiteral("deviceType"), QStringLiteral("DESKTOP")},
        {QStringLiteral("localizedModel"), QStringLiteral("Webex Desk")},
        {QStringLiteral("model"), QStringLiteral("webex-desk")},
        {QStringLiteral("name"), m_store->deviceName()},
        {QStringLiteral("systemName"), systemName()},
        {QStringLiteral("systemVersion"), version.isEmpty() ? QStringLiteral("0") : version},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void DeviceRegistration::cancel()
{
    const RequestPtr request = std::exchange(m_request, nullptr);
    if (!request)
        return;
    if (QNetworkReply *reply = request->reply) {
        request->reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    if (QTimer *timer = request->retryTimer) {
        request->retryTimer = nullptr;
        timer->stop();
        timer->deleteLater();
    }
}

void DeviceRegistration::ensure()
{
    cancel();
    m_listed.clear();
    m_stale.clear();
    m_excessive = {};
    const std::optional<DeviceInfo> kept = m_store->device();
    if (!kept) {
        list();
        return;
    }
    // The SDK PUTs its last answer; ours is the same body as the POST (section 2.4).
    start(Step::Refresh, "PUT", kept->url, registrationBody());
}

void DeviceRegistration::remove()
{
    cancel();
    const std::optional<DeviceInfo> kept = m_store->device();
    if (!kept) {
        QMetaObject::invokeMethod(
            this, [this] { emit removed(); }, Qt::QueuedConnection);
        return;
    }
    start(Step::Remove, "DELETE", kept->url);
}

void DeviceRegistration::list()
{
    start(Step::List, "GET", m_service.endpoint(QStringLiteral("devices")));
}

void DeviceRegistration::create(Step step)
{
    start(step, "POST", m_service.endpoint(QStringLiteral("devices")), registrationBody());
}

void DeviceRegistration::start(Step step, const QByteArray &method, const QUrl &url,
                               const QByteArray &body)
{
    auto request = std::make_shared<Request>();
    request->step = step;
    request->method = method;
    request->url = url;
    request->body = body;
    // One ID per logical request, kept across retries, so Webex support can follow it.
    request->trackingId =
        "WebexDesk_" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    m_request = request;
    send(request);
}

void DeviceRegistration::send(const RequestPtr &request)
{
    if (!m_network) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.message = tr("No network access is available.");
        QMetaObject::invokeMethod(
            this,
            [this, request, error] {
                if (m_request == request)
                    handle(request, error, {});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest http(request->url);
    http.setTransferTimeout(m_transferTimeoutMs);
    const QString version = QCoreApplication::applicationVersion();
    http.setHeader(QNetworkRequest::UserAgentHeader, version.isEmpty()
                                                         ? QStringLiteral("WebexDesk")
                                                         : QStringLiteral("WebexDesk/") + version);
    http.setRawHeader("Accept", "application/json");
    http.setRawHeader("TrackingID", request->trackingId);
    // A redirect elsewhere would carry the Authorization header along.
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::SameOriginRedirectPolicy);
    // Every URL here is the device service (validated as --api-base is) or a device url that
    // passed DeviceInfo's rules: https, or http on this computer.
    if (!m_accessToken.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    if (!request->body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader,
                       QByteArrayLiteral("application/json; charset=utf-8"));

    qCDebug(lcLive) << request->method.constData() << loggable(request->url);
    QNetworkReply *reply = m_network->sendCustomRequest(http, request->method, request->body);
    request->reply = reply;
    request->tooLarge = false;
    const qint64 limit = request->step == Step::List ? MaxListBytes : MaxDeviceBytes;
    connect(reply, &QNetworkReply::downloadProgress, this,
            [request, reply, limit](qint64 received, qint64 total) {
                if (request->tooLarge || (received <= limit && total <= limit))
                    return;
                request->tooLarge = true;
                reply->abort();
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, request, reply] { onFinished(request, reply); });
}

void DeviceRegistration::onFinished(const RequestPtr &request, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_request != request || request->reply != reply)
        return;
    request->reply = nullptr;
    if (request->tooLarge) {
        qCWarning(lcLive) << "Cut off a device service answer larger than allowed from"
                          << loggable(request->url);
        ApiError error;
        error.kind = ApiError::Kind::Parse;
        error.message = tr("The Webex device service sent a larger answer than Webex Desk "
                           "accepts; it was not read.");
        handle(request, error, {});
        return;
    }
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const ApiError error = ApiError::fromReply(reply, body);
    if (error.isError()) {
        qCInfo(lcLive) << request->method.constData() << loggable(request->url) << "failed: HTTP"
                       << error.httpStatus << reply->error() << "tracking ID" << error.trackingId;
        // A gone device, a missing list and the device limit are answers, not failures to
        // repeat; everything else as RetryPolicy says.
        const bool answer =
            error.httpStatus == 404 || error.httpStatus == 410 || isExcessiveRegistrations(error);
        if (!answer && scheduleRetry(request, error))
            return;
    }
    handle(request, error, body);
}

bool DeviceRegistration::scheduleRetry(const RequestPtr &request, const ApiError &error)
{
    const RetryPolicy::Cause cause = RetryPolicy::causeOf(error);
    if (!request->retries.allow(cause))
        return false;
    if (request->method == "POST" && !RetryPolicy::surelyNotApplied(error))
        return false;
    const std::optional<int> wait = m_retryPolicy.delayMs(error, request->retries.failures + 1);
    if (!wait)
        return false;
    request->retries.count(cause);
    const int delay = int(std::ceil(*wait * m_retryDelayScale));
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // Retry-After is a minimum
    request->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, request, timer] {
        timer->deleteLater();
        if (m_request != request || request->retryTimer != timer)
            return;
        request->retryTimer = nullptr;
        send(request);
    });
    timer->start(delay);
    qCInfo(lcLive) << "Retrying" << request->method.constData() << loggable(request->url) << "in"
                   << delay << "ms";
    return true;
}

void DeviceRegistration::handle(const RequestPtr &request, const ApiError &error,
                                const QByteArray &body)
{
    switch (request->step) {
    case Step::Refresh:
        onRefreshed(error, body);
        return;
    case Step::List:
        onListed(error, body);
        return;
    case Step::Create:
    case Step::CreateAgain:
        onCreated(error, body);
        return;
    case Step::DeleteStale:
        if (error.isError() && error.httpStatus != 404)
            qCInfo(lcLive) << "Could not delete a stale Webex Desk device; going on";
        onStaleDeleted();
        return;
    case Step::Remove:
        m_request = nullptr;
        if (error.isError() && error.httpStatus != 404 && error.httpStatus != 410)
            qCWarning(lcLive) << "Could not delete the device on sign-out (HTTP" << error.httpStatus
                              << "); Webex drops stale devices itself";
        m_store->forget();
        emit removed();
        return;
    }
}

void DeviceRegistration::onRefreshed(const ApiError &error, const QByteArray &body)
{
    if (error.httpStatus == 404 || error.httpStatus == 410) {
        // Gone (section 2.4): forget it, and find or make another.
        qCInfo(lcLive) << "The kept device is gone; registering again";
        m_store->forget();
        list();
        return;
    }
    if (error.isError()) {
        fail(error);
        return;
    }
    succeed(body);
}

void DeviceRegistration::onListed(const ApiError &error, const QByteArray &body)
{
    m_listed.clear();
    if (error.httpStatus == 403) {
        // WR: the token lacks spark:devices_read; creating may still work.
        qCWarning(lcLive) << "The device service refused the list of devices (403); "
                             "registering a new one";
        create(Step::Create);
        return;
    }
    if (error.isError() && error.httpStatus != 404 && error.httpStatus != 410) {
        fail(error);
        return;
    }
    // A 404, or a body without "devices": no devices (WR).
    const QJsonArray devices =
        JsonBody::parse(body).object().value(QLatin1String("devices")).toArray();
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const std::optional<DeviceInfo> device =
            devices.at(i).isObject() ? DeviceInfo::fromJson(devices.at(i).toObject())
                                     : std::nullopt;
        if (device)
            m_listed.append(*device);
    }
    // Ours by name, the newest first (WR's order).
    const QString ours = m_store->deviceName();
    const DeviceInfo *newest = nullptr;
    for (const DeviceInfo &device : std::as_const(m_listed)) {
        if (device.name == ours && (!newest || device.modificationTime > newest->modificationTime))
            newest = &device;
    }
    if (newest) {
        qCInfo(lcLive) << "Reusing this installation's device from the list";
        const DeviceInfo device = *newest;
        m_request = nullptr;
        m_store->remember(device);
        emit ready(device);
        return;
    }
    create(Step::Create);
}

void DeviceRegistration::onCreated(const ApiError &error, const QByteArray &body)
{
    const Step step = m_request ? m_request->step : Step::Create;
    if (isExcessiveRegistrations(error) && step == Step::Create) {
        // Section 2.7: only our own devices of other installations, the oldest third of them.
        QList<DeviceInfo> ours;
        const QString mine = m_store->deviceName();
        for (const DeviceInfo &device : std::as_const(m_listed)) {
            if (KnownDevice::isWebexDeskName(device.name) && device.name != mine)
                ours.append(device);
        }
        std::sort(ours.begin(), ours.end(), [](const DeviceInfo &a, const DeviceInfo &b) {
            return a.modificationTime < b.modificationTime;
        });
        const qsizetype count = (ours.size() + 2) / 3;
        qCWarning(lcLive) << "Webex refuses more devices; deleting" << count
                          << "stale Webex Desk devices of other installations";
        m_excessive = error;
        m_stale.clear();
        for (qsizetype i = 0; i < count; ++i)
            m_stale.append(ours.at(i).url);
        if (m_stale.isEmpty()) {
            fail(error);
            return;
        }
        deleteNextStale();
        return;
    }
    if (error.isError()) {
        fail(error);
        return;
    }
    succeed(body);
}

void DeviceRegistration::deleteNextStale()
{
    start(Step::DeleteStale, "DELETE", m_stale.takeFirst());
}

void DeviceRegistration::onStaleDeleted()
{
    if (!m_stale.isEmpty()) {
        deleteNextStale();
        return;
    }
    create(Step::CreateAgain);
}

void DeviceRegistration::succeed(const QByteArray &body)
{
    m_request = nullptr;
    QString why;
    const QJsonDocument document = JsonBody::parse(body);
    const std::optional<DeviceInfo> device =
        document.isObject() ? DeviceInfo::fromJson(document.object(), &why) : std::nullopt;
    if (!device) {
        qCWarning(lcLive) << "The device service's answer is not a usable device:"
                          << (why.isEmpty() ? QStringLiteral("not a JSON object") : why);
        emit failed(ApiError::parseError(
            tr("The Webex device service sent an answer Webex Desk cannot use.")));
        return;
    }
    m_store->remember(*device);
    emit ready(*device);
}

void DeviceRegistration::fail(const ApiError &error)
{
    m_request = nullptr;
    m_stale.clear();
    emit failed(error);
}
