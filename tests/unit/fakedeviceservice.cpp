#include "fakedeviceservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace {
const QString Prefix = QStringLiteral("/wdm/api/v1/devices");
const QString UserId = QStringLiteral("f5b36187-c8dd-4727-8b2f-f9c447f29046");
} // namespace

FakeDeviceService::FakeDeviceService(QObject *parent) : QObject(parent)
{
    m_server.setHandler([this](const TestHttpServer::Request &request) { return answer(request); });
}

bool FakeDeviceService::listen()
{
    return m_server.listen();
}

QString FakeDeviceService::base() const
{
    return m_server.url(QStringLiteral("/wdm/api/v1")).toString();
}

QUrl FakeDeviceService::deviceUrl(const QString &id) const
{
    return m_server.url(Prefix + QLatin1Char('/') + id);
}

QUrl FakeDeviceService::webSocketUrl(const QString &id) const
{
    QUrl url = m_webSocketBase;
    url.setPath(url.path() + QLatin1Char('/') + id + QStringLiteral("/messages"));
    return url;
}

QByteArray FakeDeviceService::dto(const Device &device) const
{
    const QJsonObject json{
        {QStringLiteral("url"), deviceUrl(device.id).toString()},
        {QStringLiteral("webSocketUrl"), webSocketUrl(device.id).toString()},
        {QStringLiteral("name"), device.name},
        {QStringLiteral("deviceType"), QStringLiteral("DESKTOP")},
        {QStringLiteral("creationTime"), QStringLiteral("2020-01-01T12:12:12.000Z")},
        {QStringLiteral("modificationTime"), device.modified.toString(Qt::ISODateWithMs)},
        {QStringLiteral("userId"), UserId},
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QStringList FakeDeviceService::calls() const
{
    QStringList out;
    for (const TestHttpServer::Request &request : m_server.requests())
        out.append(QString::fromLatin1(request.method + ' ' + request.url().path().toLatin1()));
    return out;
}

TestHttpServer::Response FakeDeviceService::answer(const TestHttpServer::Request &request)
{
    using Response = TestHttpServer::Response;
    if (request.header("Authorization") != "Bearer " + acceptedToken.toUtf8())
        return Response::json(401, R"({"message":"The request requires a valid access token.",)"
                                   R"("trackingId":"T-401"})");
    if (failNext > 0) {
        --failNext;
        return Response::json(failStatus, R"({"message":"Trouble","trackingId":"T-fail"})");
    }
    const QString path = request.url().path();
    const QString id =
        path.startsWith(Prefix + QLatin1Char('/')) ? path.mid(Prefix.size() + 1) : QString();
    const auto find = [this](const QString &wanted) {
        for (qsizetype i = 0; i < devices.size(); ++i) {
            if (devices.at(i).id == wanted)
                return i;
        }
        return qsizetype(-1);
    };
    if (request.method == "POST" && path == Prefix) {
        if (postStatus != 0)
            return Response::json(postStatus, R"({"message":"Trouble","trackingId":"T-post"})");
        if (deviceLimit >= 0 && devices.size() >= deviceLimit)
            return Response::json(400, R"({"message":"User has excessive device registrations",)"
                                       R"("trackingId":"T-limit"})");
        if (!deviceBodyOverride.isEmpty())
            return Response::json(200, deviceBodyOverride);
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        Device device{QUuid::createUuid().toString(QUuid::WithoutBraces),
                      body.value(QLatin1String("name")).toString(),
                      QDateTime::currentDateTimeUtc()};
        devices.append(device);
        return Response::json(200, dto(device));
    }
    if (request.method == "GET" && path == Prefix) {
        if (listStatus != 0)
            return Response::json(listStatus, R"({"message":"No","trackingId":"T-list"})");
        QJsonArray list;
        for (const Device &device : std::as_const(devices))
            list.append(QJsonDocument::fromJson(dto(device)).object());
        return Response::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("devices"), list}}).toJson());
    }
    const qsizetype at = find(id);
    if (request.method == "PUT" && at >= 0) {
        if (!deviceBodyOverride.isEmpty())
            return Response::json(200, deviceBodyOverride);
        devices[at].modified = QDateTime::currentDateTimeUtc();
        return Response::json(200, dto(devices.at(at)));
    }
    if (request.method == "DELETE" && at >= 0) {
        devices.removeAt(at);
        TestHttpServer::Response gone;
        gone.status = 204;
        return gone;
    }
    return Response::json(404, R"({"message":"Not found","trackingId":"T-404"})");
}
