#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

// A device as Webex's device service (WDM) answers it (docs/LIVE-EVENTS.md, section 2.2): only
// the fields a client reads. The url and the socket's URL both receive the access token (the
// REST calls and the socket's auth frame), so each must be https / wss, or plain http / ws on
// this computer only. The url need not be on the device service's host: Webex's own fixture
// has it on another one.
struct DeviceInfo
{
    QUrl url;                   ///< the device itself: PUT refreshes it, DELETE removes it
    QUrl webSocketUrl;          ///< where the live socket connects
    QString name;               ///< "Webex Desk <install id>" for ours
    QDateTime modificationTime; ///< UTC; invalid when absent
    QString userId;             ///< the person's uuid, when WDM says it

    // nullopt, with *why (English, for the log; no URL in it), when url or webSocketUrl is
    // missing, not text, or not allowed to receive the token.
    [[nodiscard]] static std::optional<DeviceInfo> fromJson(const QJsonObject &json,
                                                            QString *why = nullptr);

    // https, or http on a loopback host; a host, no user name or password, no fragment.
    [[nodiscard]] static bool isAllowedDeviceUrl(const QUrl &url);
    // wss, or ws on a loopback host; a host, no user name or password, no fragment.
    [[nodiscard]] static bool isAllowedWebSocketUrl(const QUrl &url);
};

Q_DECLARE_METATYPE(DeviceInfo)
