#include "live/knowndevice.h"

#include "live/activityids.h"

#include <QSettings>
#include <QUuid>

namespace {
const QString InstallIdKey = QStringLiteral("live/installId");
const QString NamePrefix = QStringLiteral("Webex Desk ");
} // namespace

KnownDevice::KnownDevice(QSettings *settings) : m_settings(settings) {}

QString KnownDevice::key(const char *what) const
{
    // The account key may hold "/" (a group separator in QSettings) or anything else.
    return QStringLiteral("live/devices/") +
           QString::fromLatin1(QUrl::toPercentEncoding(m_accountKey)) + QLatin1Char('/') +
           QLatin1String(what);
}

void KnownDevice::open(const QString &accountKey, bool ephemeral)
{
    m_accountKey = accountKey;
    m_ephemeral = ephemeral;
    m_open = true;
    m_inMemory.reset();
}

void KnownDevice::close()
{
    m_open = false;
    m_inMemory.reset();
}

std::optional<DeviceInfo> KnownDevice::device() const
{
    if (!m_open)
        return std::nullopt;
    if (m_ephemeral)
        return m_inMemory;
    DeviceInfo device;
    device.url = QUrl(m_settings->value(key("url")).toString(), QUrl::StrictMode);
    device.webSocketUrl = QUrl(m_settings->value(key("webSocketUrl")).toString(), QUrl::StrictMode);
    if (!DeviceInfo::isAllowedDeviceUrl(device.url) ||
        !DeviceInfo::isAllowedWebSocketUrl(device.webSocketUrl))
        return std::nullopt;
    return device;
}

void KnownDevice::remember(const DeviceInfo &device)
{
    if (!m_open)
        return;
    if (m_ephemeral) {
        m_inMemory = device;
        return;
    }
    m_settings->setValue(key("url"), device.url.toString(QUrl::FullyEncoded));
    m_settings->setValue(key("webSocketUrl"), device.webSocketUrl.toString(QUrl::FullyEncoded));
}

void KnownDevice::forget()
{
    if (!m_open)
        return;
    m_inMemory.reset();
    if (m_ephemeral)
        return;
    m_settings->remove(key("url"));
    m_settings->remove(key("webSocketUrl"));
}

QString KnownDevice::installId()
{
    const QString kept = m_settings->value(InstallIdKey).toString();
    if (ActivityIds::isUuid(kept))
        return ActivityIds::uuidOf(kept);
    const QString made = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_settings->setValue(InstallIdKey, made);
    return made;
}

QString KnownDevice::deviceName()
{
    return NamePrefix + installId();
}

bool KnownDevice::isWebexDeskName(const QString &name)
{
    return name.startsWith(NamePrefix) && ActivityIds::isUuid(name.mid(NamePrefix.size()));
}
