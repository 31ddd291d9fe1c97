#include "api/apierror.h"

#include "model/displaytext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QTimeZone>

namespace {

bool isTlsError(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::SslHandshakeFailedError;
}

bool isTimeoutError(QNetworkReply::NetworkError error)
{
    // A transfer timeout (QNetworkRequest::setTransferTimeout) aborts the reply; depending on the
    // Qt version that surfaces as TimeoutError or OperationCanceledError. WebexClient disconnects
    // from a reply before it aborts it itself, so a cancel seen here is the timeout.
    return error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError ||
           error == QNetworkReply::ProxyTimeoutError;
}

} // namespace

int ApiError::parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds;

    // The HTTP-date form, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    // The literal GMT leaves the parsed time in local time; pin it to UTC.
    when = QDateTime(when.date(), when.time(), QTimeZone(0));
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(when);
    return delta < 0 ? 0 : int(qMin<qint64>(delta, 24 * 3600));
}

ApiError ApiError::parseError(const QString &what)
{
    ApiError error;
    error.kind = Kind::Parse;
    error.message = what;
    return error;
}

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError error;
    if (!reply)
        return parseError(QStringLiteral("no reply"));

    const QNetworkReply::NetworkError networkError = reply->error();
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    // Webex's error body. Any of its parts may be missing, so take what is there.
    QString webexMessage;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        webexMessage = object.value(QLatin1String("message")).toString();
        if (webexMessage.isEmpty()) {
            const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
            for (const QJsonValue &entry : errors) {
                webexMessage = entry.toObject().value(QLatin1String("description")).toString();
                if (!webexMessage.isEmpty())
                    break;
            }
        }
        // OAuth endpoints may answer in RFC 6749 form instead.
        if (webexMessage.isEmpty())
            webexMessage = object.value(QLatin1String("error_description")).toString();
        if (webexMessage.isEmpty())
            webexMessage = object.value(QLatin1String("error")).toString();
        error.trackingId = object.value(QLatin1String("trackingId")).toString();
    }
    if (error.trackingId.isEmpty())
        error.trackingId = QString::fromLatin1(reply->rawHeader("trackingid"));

    if (reply->hasRawHeader("Retry-After"))
        error.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));

    if (error.httpStatus == 429 || (error.httpStatus == 423 && error.retryAfterSeconds >= 0)) {
        error.kind = Kind::RateLimited;
    } else if (error.httpStatus >= 400) {
        error.kind = Kind::Http;
    } else if (networkError == QNetworkReply::NoError) {
        if (error.httpStatus == 0 || (error.httpStatus >= 200 && error.httpStatus < 300))
            return error; // Kind::None, keeps nothing else worth reporting.
        // A 1xx/3xx final answer: Qt follows redirects it may follow, so this one was refused.
        error.kind = Kind::Http;
    } else if (isTlsError(networkError)) {
        error.kind = Kind::Tls;
    } else if (isTimeoutError(networkError)) {
        error.kind = Kind::Timeout;
    } else {
        error.kind = Kind::Network;
    }

    error.message = webexMessage.isEmpty() ? reply->errorString() : webexMessage;
    return error;
}

QString ApiError::userMessage() const
{
    QString sentence;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Network:
        sentence = tr("Webex could not be reached. Check your network connection.");
        break;
    case Kind::Tls:
        sentence = tr("A secure connection to Webex could not be established.");
        break;
    case Kind::Timeout:
        sentence = tr("Webex did not answer in time. Try again later.");
        break;
    case Kind::RateLimited:
        sentence = retryAfterSeconds > 0
                       ? tr("Webex is receiving too many requests; try again in %n second(s).",
                            nullptr, retryAfterSeconds)
                       : tr("Webex is receiving too many requests; try again shortly.");
        break;
    case Kind::Parse:
        sentence = tr("Webex sent an answer this version of Webex Desk does not understand.");
        break;
    case Kind::Http:
        if (httpStatus == 401)
            sentence = tr("Your Webex sign-in is no longer valid. Please sign in again.");
        else if (httpStatus == 403)
            sentence = tr("Webex refused access to this item.");
        else if (httpStatus == 404)
            sentence = tr("Webex could not find this item.");
        else if (httpStatus >= 500)
            sentence =
                tr("Webex has a problem right now (HTTP %1). Try again later.").arg(httpStatus);
        else
            sentence = tr("Webex refused the request (HTTP %1).").arg(httpStatus);
        break;
    }

    return sentence + details();
}

QString ApiError::details() const
{
    QString text;
    // Webex's words in ours: one paragraph, of a sane length, their direction kept inside.
    if (!message.isEmpty())
        text += QLatin1Char(' ') + tr("Details: %1").arg(DisplayText::isolated(message, {}, 500));
    if (!trackingId.isEmpty())
        text += QLatin1Char(' ') + tr("Tracking ID: %1").arg(DisplayText::singleLine(trackingId));
    return text;
}
