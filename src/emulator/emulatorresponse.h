#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

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
    /// A body that comes slowly, as over a poor link: the status and the headers (with the
    /// whole Content-Length) go out at once, then `bytesPerChunk` bytes every `interval`.
    struct Pace
    {
        qint64 bytesPerChunk = 0;
        std::chrono::milliseconds interval{0};
    };
    Pace pace;

    /// Whether pace is on (both of its numbers above zero).
    [[nodiscard]] bool paced() const { return pace.bytesPerChunk > 0 && pace.interval.count() > 0; }

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
