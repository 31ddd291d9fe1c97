#include "files/safefilename.h"

#include <QChar>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace {

// Room kept for what DownloadFile may add: " (999)" before the extension, ".part" at the end.
constexpr qsizetype ReservedBytes = qsizetype(sizeof(" (999)") - 1 + sizeof(".part") - 1);
constexpr qsizetype MaxNameBytes = SafeFileName::MaxBytes - ReservedBytes;

// Longer than this after the last dot, it is no extension but part of the name (and may be cut).
constexpr qsizetype MaxExtensionChars = 32;

// A lone surrogate has no place in a file name; it is read as this, and dropped.
constexpr char32_t InvalidCodePoint = 0xFFFFFFFF;

// Characters that are not shown, or that reorder what is shown: "invoice\u202Efdp.exe" reads
// as "invoiceexe.pdf". Zero-width joiner and non-joiner stay: Persian, the Indic scripts and
// emoji sequences need them, and they move nothing.
bool isDropped(char32_t c)
{
    if (c == InvalidCodePoint || c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true; // C0, DEL, C1
    if (c == 0x200C || c == 0x200D)
        return false;
    if (QChar::isNonCharacter(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Format:        // U+200B-200F, U+202A-202E, U+2060-2069, U+FEFF, U+061C, ...
    case QChar::Separator_Line:      // U+2028
    case QChar::Separator_Paragraph: // U+2029
        return true;
    default:
        return false;
    }
}

bool isForbiddenOnWindows(char32_t c)
{
    return c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' || c == '*';
}

bool isTrimmed(QChar c)
{
    return c.isSpace() || c == u'.';
}

QString withoutInvisibleCharacters(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = InvalidCodePoint;
        }
        if (isDropped(c))
            continue;
        if (isForbiddenOnWindows(c))
            out += u'_';
        else
            out += QStringView(QChar::fromUcs4(c));
    }
    return out;
}

QString trimmedOfSpacesAndDots(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isTrimmed(text.at(begin)))
        ++begin;
    while (end > begin && isTrimmed(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

// Windows opens a device instead of a file for these, with or without an extension.
bool isReservedOnWindows(const QString &name)
{
    static const QStringList reserved = [] {
        QStringList names = {QStringLiteral("CON"),    QStringLiteral("PRN"),
                             QStringLiteral("AUX"),    QStringLiteral("NUL"),
                             QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
        const QString digits = QStringLiteral("0123456789\u00B9\u00B2\u00B3");
        for (const QChar digit : digits) {
            names << QStringLiteral("COM") + digit << QStringLiteral("LPT") + digit;
        }
        return names;
    }();
    QString device = name.left(name.indexOf(u'.'));
    while (!device.isEmpty() && device.back().isSpace())
        device.chop(1);
    return reserved.contains(device, Qt::CaseInsensitive);
}

// UTF-8 bytes of text (which holds no lone surrogate), without converting it.
qsizetype utf8Bytes(QStringView text)
{
    qsizetype bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            bytes += 1;
        else if (u < 0x800)
            bytes += 2;
        else if (QChar::isSurrogate(u))
            bytes += 2; // a pair is 4 bytes
        else
            bytes += 3;
    }
    return bytes;
}

// Where text may be cut so that it keeps at most maxBytes: the end of the last whole grapheme
// (an emoji with its modifiers, a letter with its accents) that fits; or, when a first
// grapheme alone is longer, the last whole code point.
qsizetype cutPosition(const QString &text, qsizetype maxBytes)
{
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype cut = 0;
    qsizetype bytes = 0;
    for (qsizetype next = graphemes.toNextBoundary(); next > 0; next = graphemes.toNextBoundary()) {
        bytes += utf8Bytes(QStringView(text).mid(cut, next - cut));
        if (bytes > maxBytes)
            break;
        cut = next;
    }
    if (cut > 0)
        return cut;
    bytes = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype width = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        bytes += utf8Bytes(QStringView(text).mid(i, width));
        if (bytes > maxBytes)
            break;
        i += width;
        cut = i;
    }
    return cut;
}

// Where the extension starts (its dot), or name.size() when there is none. "archive.tar.gz"
// keeps ".tar.gz" together; a "suffix" with spaces or longer than MaxExtensionChars is no
// extension.
qsizetype extensionStart(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0 || dot == name.size() - 1 || name.size() - dot - 1 > MaxExtensionChars)
        return name.size();
    for (qsizetype i = dot + 1; i < name.size(); ++i) {
        if (name.at(i).isSpace())
            return name.size();
    }
    const QStringView stem = QStringView(name).left(dot);
    if (stem.size() > 4 && stem.endsWith(u".tar", Qt::CaseInsensitive))
        return dot - 4;
    return dot;
}

// Shortens the stem (never the extension) so that the whole fits in MaxNameBytes.
QString shortened(const QString &name)
{
    if (utf8Bytes(name) <= MaxNameBytes)
        return name;
    const qsizetype extension = extensionStart(name);
    const QString suffix = name.mid(extension);
    QString stem = name.left(extension);
    stem.truncate(cutPosition(stem, MaxNameBytes - utf8Bytes(suffix)));
    // No "name .pdf" or "name..pdf" where the cut fell after a space or a dot.
    while (!stem.isEmpty() && isTrimmed(stem.back()))
        stem.chop(1);
    return stem + suffix;
}

QString cleaned(const QString &untrusted)
{
    const qsizetype separator = std::max(untrusted.lastIndexOf(u'/'), untrusted.lastIndexOf(u'\\'));
    const QString component = untrusted.mid(separator + 1);
    // One form for the same text (NFC, what most systems write), so that the byte count and the
    // reserved-name check see what the file system will store.
    QString name = trimmedOfSpacesAndDots(
        withoutInvisibleCharacters(component.normalized(QString::NormalizationForm_C)));
    if (name.isEmpty())
        return {};
    if (isReservedOnWindows(name))
        name.prepend(u'_');
    return shortened(name);
}

} // namespace

QString SafeFileName::make(const QString &untrusted, const QString &fallback)
{
    QString name = cleaned(untrusted);
    if (name.isEmpty())
        name = cleaned(fallback);
    if (name.isEmpty())
        name = QStringLiteral("download");
    return name;
}

QString SafeFileName::numbered(const QString &safeName, int n)
{
    if (n <= 0)
        return safeName;
    const qsizetype extension = extensionStart(safeName);
    return safeName.left(extension) + QStringLiteral(" (%1)").arg(n) + safeName.mid(extension);
}
