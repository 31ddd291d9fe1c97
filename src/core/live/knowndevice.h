#pragma once

#include "live/deviceinfo.h"

#include <QString>

#include <optional>

class QSettings;

// The device Webex Desk registered, kept per account between runs (docs/LIVE-EVENTS.md 2.7), and
// this installation's id, which names the device "Webex Desk <install id>" so that two
// computers never share one (a second connection to a registration is closed as "replaced").
// In QSettings: neither is a secret, the socket needs the token as well. QtCore only.
//
// An ephemeral account (the demo, whose emulator is gone at the next start) keeps its device in
// memory only.
class KnownDevice
{
public:
    // `settings` outlives this object; QSettings() in the app, a file of their own in tests.
    explicit KnownDevice(QSettings *settings);

    // Reads what is kept for `accountKey` (the app's choice: who on which Webex).
    void open(const QString &accountKey, bool ephemeral);
    // Nothing is open: device() is empty, remember() and forget() do nothing.
    void close();
    [[nodiscard]] bool isOpen() const { return m_open; }

    // The kept url and webSocketUrl, when both are there and still allowed to receive the
    // token (a settings file edited by hand is read like an answer from the network).
    [[nodiscard]] std::optional<DeviceInfo> device() const;
    void remember(const DeviceInfo &device);
    void forget();

    // A random uuid made on first use and kept for every account of this installation.
    [[nodiscard]] QString installId();
    // "Webex Desk <install id>": the name of our device, and how we find it in the list.
    [[nodiscard]] QString deviceName();
    // Whether `name` is a Webex Desk device's name (of this or another installation).
    [[nodiscard]] static bool isWebexDeskName(const QString &name);

private:
    [[nodiscard]] QString key(const char *what) const;

    QSettings *m_settings;
    QString m_accountKey;
    bool m_open = false;
    bool m_ephemeral = false;
    std::optional<DeviceInfo> m_inMemory;
};
