#pragma once

#include "testhttpserver.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

// A small stand-in for Webex's device service (WDM, docs/LIVE-EVENTS.md 2.2 to 2.6) on a
// TestHttpServer, for the live layer's unit tests: POST, GET, PUT and DELETE of devices with the
// DTO fields a client reads, the per-user limit, and a few faults. Not the emulator, on purpose:
// these tests pin the client's behaviour on the wire by themselves.
class FakeDeviceService : public QObject
{
    Q_OBJECT

public:
    struct Device
    {
        QString id;
        QString name;
        QDateTime modified;
    };

    explicit FakeDeviceService(QObject *parent = nullptr);

    [[nodiscard]] bool listen();
    // http://127.0.0.1:<port>/wdm/api/v1
    [[nodiscard]] QString base() const;
    [[nodiscard]] QUrl deviceUrl(const QString &id) const;
    // Where webSocketUrl points: <webSocketBase>/<device id>/messages.
    void setWebSocketBase(const QUrl &base) { m_webSocketBase = base; }
    [[nodiscard]] QUrl webSocketUrl(const QString &id) const;
    [[nodiscard]] QByteArray dto(const Device &device) const;

    // The devices the person has; tests add other clients' and stale ones.
    QList<Device> devices;
    QString acceptedToken = QStringLiteral("test-token");
    // Faults: the next failNext requests answer failStatus; the list answers listStatus (0: as
    // usual); a POST with deviceLimit or more devices is refused with Webex's message.
    int failNext = 0;
    int failStatus = 500;
    int listStatus = 0;
    int deviceLimit = -1;
    int postStatus = 0; ///< non-zero: every POST answers this
    // When set, answers every PUT and POST with this body (200).
    QByteArray deviceBodyOverride;

    [[nodiscard]] const QList<TestHttpServer::Request> &requests() const
    {
        return m_server.requests();
    }
    // "PUT /wdm/api/v1/devices/<id>", ... in order.
    [[nodiscard]] QStringList calls() const;
    [[nodiscard]] TestHttpServer &server() { return m_server; }

private:
    TestHttpServer::Response answer(const TestHttpServer::Request &request);

    TestHttpServer m_server;
    QUrl m_webSocketBase = QUrl(QStringLiteral("ws://127.0.0.1:9/mercury/registrations"));
};
