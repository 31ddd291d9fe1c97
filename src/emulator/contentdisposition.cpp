#include "contentdisposition.h"

#include <QUrl>

namespace {

bool printableAscii(char32_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

// The inside of a quoted-string (RFC 9110): a backslash before `"` and `\`.
QByteArray quoted(const QByteArray &ascii)
{
    QByteArray out;
    out.reserve(ascii.size() + 2);
    out += '"';
    for (char c : ascii) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

bool ContentDisposition::isPlainAscii(const QString &fileName)
{
    for (QChar c : fileName) {
        if (!printableAscii(c.unicode()))
            return false;
    }
    return true;
}

QByteArray ContentDisposition::attachment(const QString &fileName)
{
    if (isPlainAscii(fileName))
        return "attachment; filename=" + quoted(fileName.toLatin1());
    // One `_` per character (code point, not UTF-16 unit) that cannot stand in the header.
    QByteArray fallback;
    const QList<uint> codePoints = fileName.toUcs4();
    fallback.reserve(codePoints.size());
    for (uint c : codePoints)
        fallback += printableAscii(c) ? char(c) : '_';
    // RFC 8187's attr-char: ALPHA, DIGIT and !#$&+-.^_`|~ stay; everything else is %XX of the
    // UTF-8. QUrl leaves ALPHA, DIGIT and -._~ alone by itself.
    const QByteArray encoded = QUrl::toPercentEncoding(fileName, QByteArrayLiteral("!#$&+^`|"));
    return "attachment; filename=" + quoted(fallback) + "; filename*=UTF-8''" + encoded;
}
