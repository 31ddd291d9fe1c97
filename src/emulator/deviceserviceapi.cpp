#include "deviceserviceapi.h"

#include "deviceregistry.h"
#include "faultinjector.h"
#include "seeddata.h"
#include "webexids.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// The body keys a device answer echoes (docs/LIVE-EVENTS.md, section 2.2).
const char *const kEchoedKeys[] = {"deviceName", "deviceType", "localizedModel", "model",
                                   "name",       "systemName", "systemVersion"};

const QString kNotFound = QStringLiteral("The requested resource could not be found.");

} // namespace

DeviceServiceApi::DeviceServiceApi(DeviceRegistry &devices, const SeedData &data,
                                   const FaultInjector &faults, SocketUrl socketUrl)
    : m_devices(devices), m_data(data), m_faults(faults), m_socketUrl(std::move(socketUrl))
{}

EmulatorResponse DeviceServiceApi::handle(const EmulatorRequest &request)
{
    const QString path = request.path();
    const QString collection = QLatin1String(kPrefix) + QStringLiteral("/devices");
    const auto methodNotAllowed = [&request] {
        return EmulatorResponse::webexError(
            405, QStringLiteral("The HTTP method is not supported for this resource."),
            request.trackingId);
    };
    if (path == collection) {
        if (request.method == "POST")
            return registerDevice(request);
        if (request.method == "GET")
            return listDevices(request);
        return methodNotAllowed();
    }
    if (path.startsWith(collection + QLatin1Char('/'))) {
        const QString uuid = path.mid(collection.size() + 1);
        if (uuid.isEmpty() || uuid.contains(QLatin1Char('/')))
            return EmulatorResponse::webexError(404, kNotFound, request.trackingId);
        if (request.method == "PUT")
            return refreshDevice(request, uuid);
        if (request.method == "DELETE")
            return deleteDevice(request, uuid);
        return methodNotAllowed();
    }
    return EmulatorResponse::webexError(404, kNotFound, request.trackingId);
}

bool DeviceServiceApi::readFields(const EmulatorRequest &request, QJsonObject *fields,
                                  EmulatorResponse *error) const
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = EmulatorResponse::webexError(
            400, QStringLiteral("The request body is not a JSON object."), request.trackingId);
        return false;
    }
    const QJsonObject body = document.object();
    for (const char *key : kEchoedKeys) {
        const QString name = QLatin1String(key);
        if (!body.contains(name))
            continue;
        if (!body.value(name).isString()) {
            *error = EmulatorResponse::webexError(
                400, QStringLiteral("%1 must be a string.").arg(name), request.trackingId);
            return false;
        }
        fields->insert(name, body.value(name));
    }
    return true;
}

QJsonObject DeviceServiceApi::dto(const QString &uuid) const
{
    const DeviceRegistry::Device *device = m_devices.find(uuid);
    QJsonObject o = device->fields;
    o.insert(QStringLiteral("url"),
             m_origin + QLatin1String(kPrefix) + QStringLiteral("/devices/") + uuid);
    o.insert(QStringLiteral("webSocketUrl"), m_socketUrl(uuid));
    o.insert(QStringLiteral("creationTime"), WebexIds::timestamp(device->created));
    o.insert(QStringLiteral("modificationTime"), WebexIds::timestamp(device->modified));
    o.insert(QStringLiteral("userId"), m_data.people().at(device->person).uuid);
    o.insert(QStringLiteral("orgId"), m_data.orgUuid());
    return o;
}

EmulatorResponse DeviceServiceApi::registerDevice(const EmulatorRequest &request)
{
    if (auto refusal = m_faults.deviceRefusal(request.trackingId))
        return std::move(*refusal);
    QJsonObject fields;
    EmulatorResponse error;
    if (!readFields(request, &fields, &error))
        return error;
    const DeviceRegistry::Device *device = m_devices.add(request.person, fields);
    if (!device) {
        // Status and text as docs/LIVE-EVENTS.md, section 2.6 (the SDK matches the text).
        return EmulatorResponse::webexError(
            400, QStringLiteral("User has excessive device registrations"), request.trackingId);
    }
    return EmulatorResponse::json(200, dto(device->uuid));
}

EmulatorResponse DeviceServiceApi::listDevices(const EmulatorRequest &request) const
{
    QJsonArray devices;
    for (const DeviceRegistry::Device *device : m_devices.devicesOf(request.person))
        devices.append(dto(device->uuid));
    return EmulatorResponse::json(200, QJsonObject{{QStringLiteral("devices"), devices}});
}

EmulatorResponse DeviceServiceApi::refreshDevice(const EmulatorRequest &request,
                                                 const QString &uuid)
{
    // Another user's device is as unknown as a forgotten one.
    const DeviceRegistry::Device *device = m_devices.find(uuid);
    if (!device || device->person != request.person)
        return EmulatorResponse::webexError(404, kNotFound, request.trackingId);
    QJsonObject fields;
    EmulatorResponse error;
    if (!readFields(request, &fields, &error))
        return error;
    m_devices.update(uuid, fields);
    return EmulatorResponse::json(200, dto(uuid));
}

EmulatorResponse DeviceServiceApi::deleteDevice(const EmulatorRequest &request, const QString &uuid)
{
    const DeviceRegistry::Device *device = m_devices.find(uuid);
    if (!device || device->person != request.person)
        return EmulatorResponse::webexError(404, kNotFound, request.trackingId);
    m_devices.remove(uuid);
    EmulatorResponse response;
    response.status = 204;
    return response;
}
