#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QJsonObject;
class QUrl;

/// One HTTP response as the handlers build it, written out later (possibly after the
/// latency knob's delay) by EmulatorHttpServer.
struct EmulatorResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// A connection that breaks mid-answer: the status, the headers and a Content-Length for
    /// the whole body go out, then half the body, then the connection is closed.
    bool cutOffHalfway = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(const QByteArray &name) const;

    static EmulatorResponse json(int status, const QJsonObject &object);
    static EmulatorResponse html(int status, const QString &page);
    static EmulatorResponse png(const QByteArray &bytes);
    static EmulatorResponse redirect(const QUrl &location);
    /// Webex's error shape: {"message", "errors":[{"description"}], "trackingId"}.
    static EmulatorResponse webexError(int status, const QString &message,
                                       const QString &trackingId);
};
