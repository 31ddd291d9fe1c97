#include "multipartform.h"

#include <QByteArrayView>
#include <QUrl>

namespace {

// A header value and its parameters: `form-data; name="files"; filename="a.png"`.
struct HeaderValue
{
    QByteArray kind; ///< Lower case: "form-data", "multipart/form-data".
    QList<QPair<QByteArray, QByteArray>> parameters; ///< Names in lower case, values unquoted.

    [[nodiscard]] std::optional<QByteArray> parameter(const QByteArray &name) const
    {
        for (const auto &p : parameters) {
            if (p.first == name)
                return p.second;
        }
        return std::nullopt;
    }
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Nothing when a quoted string does not end or something follows it before the next `;`.
std::optional<HeaderValue> parseHeaderValue(QByteArrayView text)
{
    HeaderValue value;
    const qsizetype n = text.size();
    qsizetype i = text.indexOf(';');
    if (i < 0)
        i = n;
    value.kind = text.first(i).trimmed().toByteArray().toLower();
    while (i < n) {
        ++i; // the ';'
        while (i < n && isSpace(text[i]))
            ++i;
        if (i == n)
            break; // a trailing ';'
        const qsizetype nameStart = i;
        while (i < n && text[i] != '=' && text[i] != ';')
            ++i;
        const QByteArray name =
            text.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        if (i == n || text[i] == ';') {
            if (name.isEmpty())
                continue;
            return std::nullopt; // a parameter without a value
        }
        ++i; // the '='
        while (i < n && isSpace(text[i]))
            ++i;
        QByteArray parameter;
        if (i < n && text[i] == '"') {
            // A quoted-string: a backslash takes the next character as it is.
            ++i;
            while (i < n && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < n)
                    ++i;
                parameter += text[i];
                ++i;
            }
            if (i == n)
                return std::nullopt;
            ++i; // the closing quote
            while (i < n && isSpace(text[i]))
                ++i;
            if (i < n && text[i] != ';')
                return std::nullopt;
        } else {
            const qsizetype valueStart = i;
            while (i < n && text[i] != ';')
                ++i;
            parameter = text.sliced(valueStart, i - valueStart).trimmed().toByteArray();
        }
        value.parameters.append({name, parameter});
    }
    return value;
}

// RFC 8187's ext-value, `UTF-8''%e2%82%ac%20rates`; nothing for another charset or bad form.
std::optional<QString> decodeExtValue(const QByteArray &value)
{
    const qsizetype firstQuote = value.indexOf('\'');
    const qsizetype secondQuote = firstQuote < 0 ? -1 : value.indexOf('\'', firstQuote + 1);
    if (secondQuote < 0 || value.left(firstQuote).compare("UTF-8", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value.mid(secondQuote + 1)));
}

} // namespace

bool MultipartForm::isFormData(const QByteArray &contentType)
{
    const auto value = parseHeaderValue(contentType);
    return value && value->kind == "multipart/form-data";
}

QByteArray MultipartForm::boundaryOf(const QByteArray &contentType)
{
    const auto value = parseHeaderValue(contentType);
    if (!value)
        return {};
    const QByteArray boundary = value->parameter("boundary").value_or(QByteArray());
    // RFC 2046: 1 to 70 characters. (Its character set is not checked: the boundary is only
    // ever searched for.)
    return boundary.size() <= 70 ? boundary : QByteArray();
}

std::optional<QList<MultipartForm::Part>>
MultipartForm::parse(const QByteArray &body, const QByteArray &boundary, QString *error)
{
    const auto fail = [error](const char *why) {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (boundary.isEmpty())
        return fail("The multipart body has no boundary.");
    const QByteArray dashBoundary = "--" + boundary;
    const QByteArray delimiter = "\r\n" + dashBoundary;

    // Where "--boundary" is a delimiter line: what follows it is "--" (the closing one), or
    // blanks and CRLF. Anything else is part of a body that merely contains those bytes.
    const auto isDelimiterEnd = [&body](qsizetype at) {
        if (body.mid(at, 2) == "--")
            return true;
        while (at < body.size() && isSpace(body.at(at)))
            ++at;
        return body.mid(at, 2) == "\r\n";
    };
    // The next delimiter at or after `from`: the position of its CRLF, or -1.
    const auto nextDelimiter = [&](qsizetype from) {
        qsizetype at = body.indexOf(delimiter, from);
        while (at >= 0 && !isDelimiterEnd(at + delimiter.size()))
            at = body.indexOf(delimiter, at + 1);
        return at;
    };

    // The first delimiter opens the body, or follows a preamble (ignored) and a CRLF.
    qsizetype pos = 0;
    if (!body.startsWith(dashBoundary) || !isDelimiterEnd(dashBoundary.size())) {
        pos = nextDelimiter(0);
        if (pos < 0)
            return fail("The multipart body does not contain its boundary.");
        pos += 2;
    }

    QList<Part> parts;
    for (;;) {
        pos += dashBoundary.size();
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter; an epilogue after it is ignored
        while (pos < body.size() && isSpace(body.at(pos)))
            ++pos;
        pos += 2; // CRLF (isDelimiterEnd saw it)
        if (parts.size() == kMaxParts)
            return fail("The multipart body has too many parts.");

        // Headers, up to an empty line (at once, if the part has none).
        qsizetype bodyStart = pos + 2;
        QByteArray headerBlock;
        if (body.mid(pos, 2) != "\r\n") {
            const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
            if (headerEnd < 0 || headerEnd - pos > kMaxHeaderBytes)
                return fail("A part's headers do not end, or are too long.");
            headerBlock = body.sliced(pos, headerEnd - pos);
            bodyStart = headerEnd + 4;
        }
        Part part;
        bool named = false;
        for (qsizetype start = 0; start < headerBlock.size();) {
            qsizetype stop = headerBlock.indexOf("\r\n", start);
            if (stop < 0)
                stop = headerBlock.size();
            const QByteArray line = headerBlock.sliced(start, stop - start);
            start = stop + 2;
            if (line.contains('\r') || line.contains('\n'))
                return fail("A part's header line does not end in CRLF.");
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || isSpace(line.at(0)))
                return fail("A part's header line is not a header.");
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                const auto disposition = parseHeaderValue(value);
                if (!disposition || disposition->kind != "form-data")
                    return fail("A part's Content-Disposition is not form-data.");
                const auto fieldName = disposition->parameter("name");
                if (!fieldName || fieldName->isEmpty())
                    return fail("A part has no name.");
                part.name = QString::fromUtf8(*fieldName);
                named = true;
                // filename* (RFC 8187) says it better than filename, when both are there.
                if (const auto extended = disposition->parameter("filename*")) {
                    part.fileName = decodeExtValue(*extended);
                    if (!part.fileName)
                        return fail("A part's filename* is not UTF-8''<percent-encoded>.");
                } else if (const auto plain = disposition->parameter("filename")) {
                    part.fileName = QString::fromUtf8(*plain);
                }
            }
        }
        if (!named)
            return fail("A part has no Content-Disposition: form-data with a name.");

        const qsizetype end = nextDelimiter(bodyStart - 2);
        if (end < 0)
            return fail("The multipart body ends before its closing boundary.");
        if (end < bodyStart)
            return fail("A part's headers run into the next boundary.");
        part.body = body.sliced(bodyStart, end - bodyStart);
        parts.append(std::move(part));
        pos = end + 2;
    }
}
