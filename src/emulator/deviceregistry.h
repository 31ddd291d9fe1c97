#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

/// The devices registered with the emulated device service (WDM), per user, in memory:
/// what POST /devices creates, PUT refreshes, DELETE removes and the device socket checks
/// (docs/LIVE-EVENTS.md, section 2).
class DeviceRegistry
{
public:
    struct Device
    {
        QString uuid;
        int person = -1;    ///< Whose token registered it (index into SeedData::people()).
        QJsonObject fields; ///< The echoed body fields (deviceType, name, ...).
        QDateTime created;
        QDateTime modified;
    };

    /// Webex's SDK assumes 100 registrations per user (section 2.6).
    static constexpr int kDefaultLimit = 100;

    explicit DeviceRegistry(int limitPerUser = kDefaultLimit) : m_limit(limitPerUser) {}

    /// A new device of `person`, or nullptr when they have `limit` devices already.
    const Device *add(int person, const QJsonObject &fields);
    /// Refreshes the echoed fields (keys not given keep their value); false for an unknown id.
    bool update(const QString &uuid, const QJsonObject &fields);
    bool remove(const QString &uuid);
    /// Forgets every device of every user.
    void clear() { m_devices.clear(); }

    [[nodiscard]] const Device *find(const QString &uuid) const;
    /// Oldest first.
    [[nodiscard]] QList<const Device *> devicesOf(int person) const;
    [[nodiscard]] int countOf(int person) const;
    [[nodiscard]] int limit() const { return m_limit; }

private:
    QList<Device> m_devices; // registration order
    int m_limit;
};
