#include "api/apierror.h"

#include "model/displaytext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace {

// Fewer bytes than the Content-Length announced. Only for an answer sent as it is: Qt inflates
// a compressed one, whose announced length is then of other bytes.
bool isShorterThanAnnounced(const QNetworkReply *reply, qint64 received)
{
    if (reply->operation() == QNetworkAccessManager::HeadOperation)
        return false; // the length of a body that is never sent
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity")
        return false;
    bool ok = false;
    const qint64 announced = reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    return ok && announced >= 0 && received < announced;
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// 1 to 12 for "Jan" to "Dec" in any case, 0 for anything else. HTTP dates are English,
// whatever the locale.
int monthNumber(const QString &name)
{
    static const QStringList months = {
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
        QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return int(months.indexOf(name.toLower())) + 1;
}

QDateTime utcDateTime(int year, int month, int day, int hour, int minute, int second)
{
    const QDate date(year, month, day);
    // A leap second (60) is allowed by the grammar; QTime knows none.
    const QTime time(hour, minute, qMin(second, 59));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

// An HTTP-date (RFC 9110 section 5.6.7) in any of its three forms, or an invalid QDateTime.
// Lenient where the RFC asks recipients to be (case, runs of spaces); the day name is checked
// for form only, since the date says which day it is.
QDateTime httpDate(const QString &text, const QDateTime &now)
{
    static const QString day = QStringLiteral("(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)");
    static const QString longDay =
        QStringLiteral("(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)");
    static const QString month = QStringLiteral("([A-Za-z]{3})");
    static const QString time = QStringLiteral("(\\d{2}):(\\d{2}):(\\d{2})");
    const auto options = QRegularExpression::CaseInsensitiveOption;
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    static const QRegularExpression imf(
        QStringLiteral("^%1, (\\d{2}) %2 (\\d{4}) %3 GMT$").arg(day, month, time), options);
    // obsolete RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
    static const QRegularExpression rfc850(
        QStringLiteral("^%1, (\\d{2})-%2-(\\d{2}) %3 GMT$").arg(longDay, month, time), options);
    // obsolete asctime: "Sun Nov  6 08:49:37 1994" (the runs of spaces are collapsed below)
    static const QRegularExpression asctime(
        QStringLiteral("^%1 %2 (\\d{1,2}) %3 (\\d{4})$").arg(day, month, time), options);

    const QString simple = text.simplified();
    QRegularExpressionMatch m = imf.match(simple);
    if (m.hasMatch())
        return utcDateTime(m.captured(3).toInt(), monthNumber(m.captured(2)), m.captured(1).toInt(),
                           m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    m = rfc850.match(simple);
    if (m.hasMatch()) {
        // Two digits of the year: RFC 9110 says a date more than 50 years ahead is the most
        // recent past year with those digits.
        const int century = now.date().year() - now.date().year() % 100;
        QDateTime when = utcDateTime(century + m.captured(3).toInt(), monthNumber(m.captured(2)),
                                     m.captured(1).toInt(), m.captured(4).toInt(),
                                     m.captured(5).toInt(), m.captured(6).toInt());
        if (when.isValid() && when > now.addYears(50))
            when = when.addYears(-100);
        return when;
    }
    m = asctime.match(simple);
    if (m.hasMatch())
        return utcDateTime(m.captured(6).toInt(), monthNumber(m.captured(1)), m.captured(2).toInt(),
                           m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt());
    return {};
}

// The locale's short time with seconds added ("HH:mm" -> "HH:mm:ss", "h:mm AP" ->
// "h:mm:ss AP"), for a time only seconds away.
QString withSeconds(QString format)
{
    if (!format.contains(QLatin1String("ss")))
        format.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return format;
}

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
    return parseRetryAfter(value, QDateTime::currentDateTimeUtc());
}

int ApiError::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    // delay-seconds = 1*DIGIT: no sign, no fraction, no unit. Any number of digits, so a
    // huge one is read as "very long", not as an overflow.
    if (std::all_of(trimmed.cbegin(), trimmed.cend(), isAsciiDigit)) {
        if (trimmed.size() > 9)
            return RetryAfterCeilingSeconds;
        return qMin(trimmed.toInt(), RetryAfterCeilingSeconds);
    }
    const QDateTime when = httpDate(QString::fromLatin1(trimmed), now);
    if (!when.isValid())
        return -1;
    return int(qBound(qint64(0), now.secsTo(when), qint64(RetryAfterCeilingSeconds)));
}

ApiError ApiError::parseError(const QString &what)
{
    ApiError error;
    error.kind = Kind::Parse;
    error.message = what;
    return error;
}

ApiError ApiError::localError(const QString &sentence)
{
    ApiError error;
    error.kind = Kind::Local;
    error.message = sentence;
    return error;
}

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body, qint64 received)
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

    error.networkError = int(networkError);
    if (error.httpStatus == 429 || (error.httpStatus == 423 && error.retryAfterSeconds >= 0)) {
        error.kind = Kind::RateLimited;
    } else if (error.httpStatus >= 400) {
        error.kind = Kind::Http;
    } else if (error.httpStatus > 0 && networkError == QNetworkReply::RemoteHostClosedError) {
        // The status line and headers came, then the connection closed before the announced
        // end (Content-Length, or the last chunk): Qt says "closed" only then. A body that
        // ends at the close by design has no announced end, and reads as complete.
        error.kind = Kind::CutOff;
    } else if (networkError == QNetworkReply::NoError && error.httpStatus > 0 &&
               isShorterThanAnnounced(reply, received < 0 ? body.size() : received)) {
        // The same cut-off, when Qt saw the close as the end of the answer: it does so at
        // times, when the close arrives together with the last bytes.
        error.kind = Kind::CutOff;
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

    // Kept as they are shown (details()): one line, no controls, of a sane length, so that what
    // a log or a test reads is what the person reads.
    error.message = DisplayText::singleLine(
        webexMessage.isEmpty() ? reply->errorString() : webexMessage, {}, MaxMessageLength);
    error.trackingId = DisplayText::singleLine(error.trackingId);
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
    case Kind::Local:
        return message;
    case Kind::RateLimited:
        if (httpStatus == 423) {
            sentence = tr("Webex is still scanning this file for malware; try again in a moment.");
            break;
        }
        if (retryAfterSeconds >= 2 * 3600)
            sentence = tr("Webex is receiving too many requests; try again in %n hour(s).", nullptr,
                          (retryAfterSeconds + 3599) / 3600);
        else if (retryAfterSeconds >= 120)
            sentence = tr("Webex is receiving too many requests; try again in %n minute(s).",
                          nullptr, (retryAfterSeconds + 59) / 60);
        else if (retryAfterSeconds > 0)
            sentence = tr("Webex is receiving too many requests; try again in %n second(s).",
                          nullptr, retryAfterSeconds);
        else
            sentence = tr("Webex is receiving too many requests; try again shortly.");
        break;
    case Kind::CutOff:
        sentence = tr("The connection to Webex broke off before the whole answer arrived.");
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
        // The malware scan of files (contents/{id}), as webex-wire.md describes it.
        else if (httpStatus == 423)
            sentence = tr("Webex is still scanning this file for malware; try again in a moment.");
        else if (httpStatus == 410)
            sentence = tr("Webex blocked this file: its malware scan found a threat.");
        else if (httpStatus == 428)
            sentence = tr("Webex could not scan this file for malware, so it is not offered.");
        else if (httpStatus == 413)
            sentence = tr("The file is larger than Webex accepts.");
        else if (httpStatus >= 500)
            sentence =
                tr("Webex has a problem right now (HTTP %1). Try again later.").arg(httpStatus);
        else
            sentence = tr("Webex refused the request (HTTP %1).").arg(httpStatus);
        break;
    }

    return sentence + details();
}

QString ApiError::waitTime(const QDateTime &retryAt, const QDateTime &now)
{
    const QLocale locale;
    if (now.secsTo(retryAt) < 60)
        return locale.toString(retryAt.toLocalTime().time(),
                               withSeconds(locale.timeFormat(QLocale::ShortFormat)));
    constexpr qint64 MinuteMs = 60 * 1000;
    const qint64 roundedUp = (retryAt.toMSecsSinceEpoch() + MinuteMs - 1) / MinuteMs * MinuteMs;
    return locale.toString(QDateTime::fromMSecsSinceEpoch(roundedUp).toLocalTime().time(),
                           QLocale::ShortFormat);
}

QString ApiError::waitSentence(const QDateTime &retryAt, const QDateTime &now) const
{
    const QString when = waitTime(retryAt, now);
    switch (kind) {
    case Kind::RateLimited:
        if (httpStatus == 423)
            return tr("Webex is scanning the file for malware; trying again at %1.").arg(when);
        return tr("Webex asks us to wait; trying again at %1.").arg(when);
    case Kind::Http:
        return tr("Webex is having trouble; trying again at %1.").arg(when);
    default:
        return tr("The connection to Webex failed; trying again at %1.").arg(when);
    }
}

QString ApiError::details() const
{
    QString text;
    // Webex's words in ours: one paragraph, of a sane length, their direction kept inside.
    if (!message.isEmpty())
        text += QLatin1Char(' ') +
                tr("Details: %1").arg(DisplayText::isolated(message, {}, MaxMessageLength));
    if (!trackingId.isEmpty())
        text += QLatin1Char(' ') + tr("Tracking ID: %1").arg(DisplayText::singleLine(trackingId));
    return text;
}
