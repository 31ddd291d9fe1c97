#include "files/contentdisposition.h"

#include <QByteArray>
#include <QList>
#include <QStringDecoder>

#include <cstring>
#include <optional>

namespace {

// A longer value is no file name a server means; refusing it bounds the work per header.
constexpr qsizetype MaxHeaderBytes = 16 * 1024;

struct Parameter
{
    QByteArray name;  // lower case
    QByteArray value; // unquoted, escapes resolved
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A cursor over the header value. Hand-written rather than a regular expression: servers send
// all sorts of near misses (raw UTF-8, stray quotes, no type), and each needs a gentle reading.
class ParameterScanner
{
public:
    explicit ParameterScanner(const QByteArray &text) : m_text(text) {}

    QList<Parameter> parameters()
    {
        QList<Parameter> found;
        skipDispositionType();
        while (!atEnd()) {
            while (!atEnd() && (isSpace(peek()) || peek() == ';'))
                ++m_pos;
            if (atEnd())
                break;
            QByteArray name = readUntil("=;").trimmed().toLower();
            if (atEnd() || peek() == ';')
                continue; // a parameter without a value
            ++m_pos;      // '='
            while (!atEnd() && isSpace(peek()))
                ++m_pos;
            QByteArray value;
            if (!atEnd() && peek() == '"') {
                value = readQuoted();
                readUntil(";"); // whatever follows the closing quote is not part of the value
            } else {
                value = readUntil(";").trimmed();
            }
            found.append({std::move(name), std::move(value)});
        }
        return found;
    }

private:
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return m_text.at(m_pos); }

    // "attachment", "inline" or anything: skipped. A first part with '=' is a parameter already
    // (some servers send only "filename=x.pdf").
    void skipDispositionType()
    {
        const qsizetype semicolon = m_text.indexOf(';');
        const qsizetype end = semicolon < 0 ? m_text.size() : semicolon;
        if (!m_text.left(end).contains('='))
            m_pos = end;
    }

    QByteArray readUntil(const char *stops)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !std::strchr(stops, peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    // A quoted-string; the opening quote is the current character. Unterminated: to the end.
    QByteArray readQuoted()
    {
        QByteArray out;
        ++m_pos;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            out += peek();
            ++m_pos;
        }
        if (!atEnd())
            ++m_pos;
        return out;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

std::optional<QString> strictUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decoding that refuses what RFC 8187 does not allow: a broken escape, raw spaces,
// controls or non-ASCII bytes. QByteArray::fromPercentEncoding would pass them through.
std::optional<QByteArray> percentDecoded(const QByteArray &encoded)
{
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const auto c = static_cast<unsigned char>(encoded.at(i));
        if (c == '%') {
            const int high = i + 2 < encoded.size() ? hexValue(encoded.at(i + 1)) : -1;
            const int low = high >= 0 ? hexValue(encoded.at(i + 2)) : -1;
            if (low < 0)
                return std::nullopt;
            bytes += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (c <= 0x20 || c >= 0x7F) {
            return std::nullopt;
        } else {
            bytes += static_cast<char>(c);
        }
    }
    return bytes;
}

// RFC 8187 ext-value: charset "'" [ language ] "'" value-chars. Nothing for an invalid one.
std::optional<QString> extValue(const QByteArray &value)
{
    const qsizetype charsetEnd = value.indexOf('\'');
    const qsizetype languageEnd = charsetEnd < 0 ? -1 : value.indexOf('\'', charsetEnd + 1);
    if (languageEnd < 0)
        return std::nullopt;
    const QByteArray charset = value.left(charsetEnd).toLower();
    const std::optional<QByteArray> bytes = percentDecoded(value.mid(languageEnd + 1));
    if (!bytes)
        return std::nullopt;
    if (charset == "utf-8")
        return strictUtf8(*bytes);
    if (charset == "iso-8859-1")
        return QString::fromLatin1(*bytes);
    return std::nullopt;
}

// filename's bytes: UTF-8 when they are valid UTF-8 (what servers send in practice), else
// ISO-8859-1 (what HTTP's quoted-string meant).
QString plainValue(const QByteArray &value)
{
    if (std::optional<QString> text = strictUtf8(value))
        return *text;
    return QString::fromLatin1(value);
}

} // namespace

QString ContentDisposition::fileName(const QByteArray &headerValue)
{
    if (headerValue.size() > MaxHeaderBytes)
        return {};
    const QList<Parameter> parameters = ParameterScanner(headerValue).parameters();
    for (const Parameter &parameter : parameters) {
        if (parameter.name != "filename*")
            continue;
        const std::optional<QString> name = extValue(parameter.value);
        if (name && !name->isEmpty())
            return *name;
    }
    for (const Parameter &parameter : parameters) {
        if (parameter.name == "filename" && !parameter.value.isEmpty())
            return plainValue(parameter.value);
    }
    return {};
}
