#include "live/deviceinfo.h"

#include "api/apibase.h"
#include "model/webextime.h"

#include <QJsonValue>

namespace {

// The longest URL a device answer may carry: far above Webex's (about 120 characters).
constexpr int MaxUrlLength = 2048;

bool isAllowed(const QUrl &url, QLatin1String secure, QLatin1String plain)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == secure || (scheme == plain && ApiBase::isLoopbackHost(url.host()));
}

QUrl urlAt(const QJsonObject &json, QLatin1String key)
{
    const QJsonValue value = json.value(key);
    if (!value.isString() || value.toString().size() > MaxUrlLength)
        return {};
    return QUrl(value.toString(), QUrl::StrictMode);
}

} // namespace

bool DeviceInfo::isAllowedDeviceUrl(const QUrl &url)
{
    return isAllowed(url, QLatin1String("https"), QLatin1String("http"));
}

bool DeviceInfo::isAllowedWebSocketUrl(const QUrl &url)
{
    return isAllowed(url, QLatin1String("wss"), QLatin1String("ws"));
}

std::optional<DeviceInfo> DeviceInfo::fromJson(const QJsonObject &json, QString *why)
{
    const auto fail = [why](const char *reason) -> std::optional<DeviceInfo> {
        if (why)
            *why = QString::fromLatin1(reason);
        return std::nullopt;
    };
    DeviceInfo device;
    device.url = urlAt(json, QLatin1String("url"));
    device.webSocketUrl = urlAt(json, QLatin1String("webSocketUrl"));
    if (device.url.isEmpty())
        return fail("the device has no url");
    if (!isAllowedDeviceUrl(device.url))
        return fail("the device's url is not https (or http on this computer)");
    if (device.webSocketUrl.isEmpty())
        return fail("the device has no webSocketUrl");
    if (!isAllowedWebSocketUrl(device.webSocketUrl))
        return fail("the device's webSocketUrl is not wss (or ws on this computer)");
    const QJsonValue name = json.value(QLatin1String("name"));
    if (name.isString() && name.toString().size() <= 256)
        device.name = name.toString();
    const QJsonValue modified = json.value(QLatin1String("modificationTime"));
    if (modified.isString() && modified.toString().size() <= 64)
        device.modificationTime = WebexTime::parse(modified.toString());
    const QJsonValue userId = json.value(QLatin1String("userId"));
    if (userId.isString() && userId.toString().size() <= 128)
        device.userId = userId.toString();
    return device;
}
