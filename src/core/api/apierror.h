#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QByteArray;
class QDateTime;
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
        CutOff,      ///< The answer began (status and headers) but broke off before its end.
        Local,       ///< Refused or failed here, before or after Webex: message says why.
    };

    Kind kind = Kind::None;
    int httpStatus = 0; ///< 0 when there was no HTTP answer.
    // fromReply keeps both as details() shows them (DisplayText::singleLine).
    QString message;    ///< Webex's message, else Qt's errorString().
    QString trackingId; ///< The body's trackingId, else the trackingid response header.
    static constexpr qsizetype MaxMessageLength = 500;
    int retryAfterSeconds = -1; ///< From Retry-After; -1 when absent or unreadable.
    /// QNetworkReply::NetworkError as reported by Qt (0: none), for the retry rules: a refused
    /// connection, a reset and a cut-off answer are told apart by it.
    int networkError = 0;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }

    // A translated sentence a person understands, plain text (the caller escapes it for HTML),
    // followed by Webex's message and "Tracking ID: ..." when present.
    [[nodiscard]] QString userMessage() const;
    // While a call waits for its next attempt because of this error: "Webex asks us to wait;
    // trying again at 14:05." (a rate limit) or "Webex is having trouble; trying again at
    // 14:05." (anything else), in local time. A time less than a minute from `now` is given
    // with seconds; a later one is rounded up to the minute, so the retry never comes after
    // the time said.
    [[nodiscard]] QString waitSentence(const QDateTime &retryAt, const QDateTime &now) const;
    // The time alone, as waitSentence gives it ("14:05", "14:04:35"), for sentences of the
    // app's own that say what waits (sending a message, loading names).
    [[nodiscard]] static QString waitTime(const QDateTime &retryAt, const QDateTime &now);
    // " Details: <Webex's message> Tracking ID: <id>", for sentences composed elsewhere;
    // empty when there is neither.
    [[nodiscard]] QString details() const;

    // Classifies a finished reply: TLS, timeout, network, HTTP status (429 -> RateLimited) and
    // parses the Webex error body {"message","errors":[{"description"}],"trackingId"}.
    // A reply without error and with a 2xx status gives Kind::None.
    // `received`: how much of the body came, when it was not kept in `body` (a download
    // written to disk as it came); -1: body.size().
    [[nodiscard]] static ApiError fromReply(QNetworkReply *reply, const QByteArray &body,
                                            qint64 received = -1);

    [[nodiscard]] static ApiError parseError(const QString &what);
    // A failure of our own (a file too large to send, a full disk): userMessage() is `sentence`.
    [[nodiscard]] static ApiError localError(const QString &sentence);

    // Retry-After (RFC 9110 section 10.2.3) in seconds from `now`: delay-seconds, or an
    // HTTP-date in any of its three forms (IMF-fixdate, obsolete RFC 850, asctime). A date in
    // the past gives 0; more than RetryAfterCeilingSeconds (a day) gives
    // RetryAfterCeilingSeconds; -1 when
    // absent or unreadable (a negative number, a fraction, an unknown date form).
    [[nodiscard]] static int parseRetryAfter(const QByteArray &value);
    [[nodiscard]] static int parseRetryAfter(const QByteArray &value, const QDateTime &now);
    static constexpr int RetryAfterCeilingSeconds = 24 * 3600;
};

Q_DECLARE_METATYPE(ApiError)
