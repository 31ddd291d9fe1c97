#include "emulatorresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

void EmulatorResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray EmulatorResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

EmulatorResponse EmulatorResponse::json(int status, const QJsonObject &object)
{
    EmulatorResponse response;
    response.status = status;
    // Webex spells the charset this way; clients must not depend on the exact spelling.
    response.setHeader("Content-Type", "application/json;charset=UTF-8");
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

EmulatorResponse EmulatorResponse::html(int status, const QString &page)
{
    EmulatorResponse response;
    response.status = status;
    response.setHeader("Content-Type", "text/html;charset=UTF-8");
    // The consent page must not be framed or cached: it carries a one-time request id.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Frame-Options", "DENY");
    response.body = page.toUtf8();
    return response;
}

EmulatorResponse EmulatorResponse::png(const QByteArray &bytes)
{
    EmulatorResponse response;
    response.setHeader("Content-Type", "image/png");
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.body = bytes;
    return response;
}

EmulatorResponse EmulatorResponse::redirect(const QUrl &location)
{
    EmulatorResponse response;
    response.status = 302;
    response.setHeader("Location", location.toEncoded());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

EmulatorResponse EmulatorResponse::webexError(int status, const QString &message,
                                              const QString &trackingId)
{
    QJsonObject description{{QStringLiteral("description"), message}};
    return json(status, QJsonObject{{QStringLiteral("message"), message},
                                    {QStringLiteral("errors"), QJsonArray{description}},
                                    {QStringLiteral("trackingId"), trackingId}});
}
