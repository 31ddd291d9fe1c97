#pragma once

#include "emulatorrequest.h"
#include "emulatorresponse.h"

#include <QJsonObject>

#include <functional>

class DeviceRegistry;
class FaultInjector;
class SeedData;

/// Webex's device service (WDM) under <origin>/wdm/api/v1, as docs/LIVE-EVENTS.md section 2
/// describes it: register (POST /devices), list (GET /devices), refresh (PUT /devices/{id}),
/// delete (DELETE /devices/{id}). Called only for requests already authenticated by
/// WebexEmulator (request.person); each user sees and changes only their own devices.
class DeviceServiceApi
{
public:
    static constexpr const char *kPrefix = "/wdm/api/v1";

    /// socketUrl: the webSocketUrl of a device (DeviceSocketServer::urlOf).
    using SocketUrl = std::function<QString(const QString &deviceUuid)>;

    DeviceServiceApi(DeviceRegistry &devices, const SeedData &data, const FaultInjector &faults,
                     SocketUrl socketUrl);

    /// "http://127.0.0.1:<port>": the base of each device's `url`.
    void setOrigin(const QString &origin) { m_origin = origin; }

    [[nodiscard]] EmulatorResponse handle(const EmulatorRequest &request);

private:
    [[nodiscard]] EmulatorResponse registerDevice(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse listDevices(const EmulatorRequest &request) const;
    [[nodiscard]] EmulatorResponse refreshDevice(const EmulatorRequest &request,
                                                 const QString &uuid);
    [[nodiscard]] EmulatorResponse deleteDevice(const EmulatorRequest &request,
                                                const QString &uuid);
    /// The body's echoed fields, or an error answer in *error.
    bool readFields(const EmulatorRequest &request, QJsonObject *fields,
                    EmulatorResponse *error) const;
    [[nodiscard]] QJsonObject dto(const QString &uuid) const;

    DeviceRegistry &m_devices;
    const SeedData &m_data;
    const FaultInjector &m_faults;
    SocketUrl m_socketUrl;
    QString m_origin;
};
