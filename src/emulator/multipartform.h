#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/// Reads a multipart/form-data body (RFC 7578 on RFC 2046's multipart syntax), as Webex takes a
/// message with a file (`POST /v1/messages`). Strict where the syntax is: lines end in CRLF,
/// every part has a `Content-Disposition: form-data; name="…"`, the body ends with the closing
/// boundary. Anything else is refused with a sentence saying what is wrong, never a crash, and
/// in time linear in the body's size.
class MultipartForm
{
public:
    struct Part
    {
        QString name;                    ///< Content-Disposition's name.
        std::optional<QString> fileName; ///< Only a file part has one (it may be empty).
        QByteArray contentType;          ///< The part's Content-Type, empty when absent.
        QByteArray body;
    };

    /// More parts than this, or a part's headers longer than kMaxHeaderBytes, are refused.
    static constexpr int kMaxParts = 64;
    static constexpr int kMaxHeaderBytes = 16 * 1024;

    /// Whether a Content-Type says multipart/form-data (any case, any parameters).
    [[nodiscard]] static bool isFormData(const QByteArray &contentType);
    /// Its boundary parameter, quoted or not; empty when missing or not 1 to 70 characters.
    [[nodiscard]] static QByteArray boundaryOf(const QByteArray &contentType);
    /// The parts in order, or nothing (and in *error why).
    [[nodiscard]] static std::optional<QList<Part>>
    parse(const QByteArray &body, const QByteArray &boundary, QString *error);
};
