#include "connectivity.h"

#include "api/apierror.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcConnectivity, "webexdesk.connectivity")

Connectivity::Connectivity(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connectivity::probe);
    watchSystemNetwork();
}

Connectivity::~Connectivity()
{
    if (m_probe)
        m_probe->abort();
}

void Connectivity::watchSystemNetwork()
{
    // Only a hint: a network that comes back is worth a probe at once. Where no backend loads
    // (no NetworkManager, a container) the backoff alone finds out.
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return;
    m_systemNetwork = true;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability == QNetworkInformation::Reachability::Online && !m_online)
                    tryNow();
            });
}

void Connectivity::begin(const ApiBase &api)
{
    m_api = api;
    m_active = true;
    m_online = true;
    m_backoff.reset();
    m_timer.stop();
    m_nextAttemptAt = QDateTime();
}

void Connectivity::end()
{
    m_active = false;
    m_timer.stop();
    m_nextAttemptAt = QDateTime();
    if (m_probe)
        m_probe->abort();
    const bool wasOffline = !m_online;
    m_online = true;
    if (wasOffline)
        emit changed(true);
}

void Connectivity::reportReached()
{
    if (m_active && !m_online)
        goOnline();
}

void Connectivity::reportUnreachable(const ApiError &error)
{
    if (!m_active)
        return;
    qCInfo(lcConnectivity) << "Webex not reached:" << int(error.kind);
    if (m_online)
        goOffline();
}

void Connectivity::goOffline()
{
    m_online = false;
    m_backoff.reset();
    scheduleProbe();
    emit changed(false);
}

void Connectivity::goOnline()
{
    m_online = true;
    m_timer.stop();
    m_nextAttemptAt = QDateTime();
    m_backoff.reset();
    emit changed(true);
}

void Connectivity::scheduleProbe()
{
    const int delay = m_backoff.nextDelayMs();
    m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    m_timer.start(delay);
    emit attemptScheduled(m_nextAttemptAt);
}

void Connectivity::tryNow()
{
    if (!m_active || m_online || m_probe)
        return;
    m_timer.stop();
    probe();
}

void Connectivity::probe()
{
    if (!m_active || m_online || m_probe)
        return;
    m_nextAttemptAt = QDateTime();
    // No Authorization header: the answer (401) is all that is wanted, and nothing secret is
    // sent to find out.
    QNetworkRequest request(m_api.endpoint(QStringLiteral("people/me")));
    request.setTransferTimeout(ProbeTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    m_probe = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onProbeFinished(reply); });
}

void Connectivity::onProbeFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_probe)
        return;
    m_probe = nullptr;
    if (!m_active || m_online)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        goOnline();
        return;
    }
    qCInfo(lcConnectivity) << "Still offline:" << reply->error();
    scheduleProbe();
}
