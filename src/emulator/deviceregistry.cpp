#include "deviceregistry.h"

#include "webexids.h"

#include <QRandomGenerator>

#include <algorithm>

const DeviceRegistry::Device *DeviceRegistry::add(int person, const QJsonObject &fields)
{
    if (countOf(person) >= m_limit)
        return nullptr;
    Device device;
    device.uuid = WebexIds::uuid(*QRandomGenerator::global());
    device.person = person;
    device.fields = fields;
    device.created = QDateTime::currentDateTimeUtc();
    device.modified = device.created;
    m_devices.append(std::move(device));
    return &m_devices.last();
}

bool DeviceRegistry::update(const QString &uuid, const QJsonObject &fields)
{
    for (Device &device : m_devices) {
        if (device.uuid != uuid)
            continue;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            device.fields.insert(it.key(), it.value());
        // Never before its creation, even if the clock is coarse.
        device.modified = std::max(QDateTime::currentDateTimeUtc(), device.created.addMSecs(1));
        return true;
    }
    return false;
}

bool DeviceRegistry::remove(const QString &uuid)
{
    return m_devices.removeIf([&uuid](const Device &device) { return device.uuid == uuid; }) > 0;
}

const DeviceRegistry::Device *DeviceRegistry::find(const QString &uuid) const
{
    for (const Device &device : m_devices) {
        if (device.uuid == uuid)
            return &device;
    }
    return nullptr;
}

QList<const DeviceRegistry::Device *> DeviceRegistry::devicesOf(int person) const
{
    QList<const Device *> result;
    for (const Device &device : m_devices) {
        if (device.person == person)
            result.append(&device);
    }
    return result;
}

int DeviceRegistry::countOf(int person) const
{
    return int(std::count_if(m_devices.cbegin(), m_devices.cend(),
                             [person](const Device &device) { return device.person == person; }));
}
