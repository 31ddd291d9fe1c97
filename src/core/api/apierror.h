#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QByteArray;
class QNetworkReply;

// One small value type for every failure of a Webex call: what went wrong, the HTTP status,
// Webex's own message and its tracking ID (Webex support asks for it). The UI turns it into a
// sentence with userMessage(); code branches on kind and httpStatus.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,        ///< No error.
        Network,     ///< No HTTP answer: DNS, refused connection, proxy, ...
        Tls,         ///< The TLS handshake failed (certificate, protocol).
        Timeout,     ///< The transfer timed out.
        Http,        ///< Webex answered with an HTTP error status.
        RateLimited, ///< 429 (or 423 with Retry-After): try again after retryAfterSeconds.
        Parse,       ///< The answer arrived but was not what Webex sends.
    };

    Kind kind = Kind::None;
    int httpStatus = 0;         ///< 0 when there was no HTTP answer.
    QString message;            ///< Webex's message, else Qt's errorString().
    QString trackingId;         ///< The body's trackingId, else the trackingid response header.
    int retryAfterSeconds = -1; ///< From Retry-After; -1 when absent.

    [[nodiscard]] bool isError() const { return kind != Kind::None; }

    // A translated sentence a person understands, plain text (the caller escapes it for HTML),
    // followed by Webex's message and "Tracking ID: ..." when present.
    [[nodiscard]] QString userMessage() const;
    // " Details: <Webex's message> Tracking ID: <id>", for sentences composed elsewhere;
    // empty when there is neither.
    [[nodiscard]] QString details() const;

    // Classifies a finished reply: TLS, timeout, network, HTTP status (429 -> RateLimited) and
    // parses the Webex error body {"message","errors":[{"description"}],"trackingId"}.
    // A reply without error and with a 2xx status gives Kind::None.
    [[nodiscard]] static ApiError fromReply(QNetworkReply *reply, const QByteArray &body);

    [[nodiscard]] static ApiError parseError(const QString &what);

    // Retry-After as delta seconds or an HTTP date (RFC 9110); -1 when absent or unreadable.
    [[nodiscard]] static int parseRetryAfter(const QByteArray &value);
};

Q_DECLARE_METATYPE(ApiError)
