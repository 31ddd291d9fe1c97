#include "model/displaytext.h"

#include <QTextBoundaryFinder>

namespace DisplayText {

namespace {

enum class Kind {
    Shown,   ///< kept as it is
    Space,   ///< white space or a break: one space between words
    Removed, ///< a control that would reorder, hide or end the text
};

Kind kindOf(char32_t c)
{
    if (c < 0x20)
        return c >= 0x09 && c <= 0x0D ? Kind::Space : Kind::Removed; // TAB LF VT FF CR
    if (c == 0x20)
        return Kind::Space;
    if (c < 0x7F)
        return Kind::Shown;
    if (c <= 0x9F)
        return c == 0x85 ? Kind::Space : Kind::Removed; // NEL; DEL and the C1 controls
    if ((c >= 0x202A && c <= 0x202E) ||                 // LRE RLE PDF LRO RLO
        (c >= 0x2066 && c <= 0x206F) || // LRI RLI FSI PDI, deprecated format controls
        (c >= 0xFFF9 && c <= 0xFFFB))   // interlinear annotation
        return Kind::Removed;
    return QChar::isSpace(c) ? Kind::Space : Kind::Shown; // NBSP, U+2028, U+2029, U+3000...
}

// Where to cut `text` so that at most `end` code units stay: a grapheme boundary (text is
// short here: the finder's pass over it is cheap), else at least not inside a surrogate pair.
qsizetype cutBefore(const QString &text, qsizetype end)
{
    if (end >= text.size())
        return text.size();
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    graphemes.setPosition(end);
    if (graphemes.isAtBoundary())
        return end;
    const qsizetype previous = graphemes.toPreviousBoundary();
    if (previous > 0)
        return previous;
    // One grapheme longer than the limit (a letter under hundreds of accents): cut the accents.
    return QChar::isLowSurrogate(text.at(end).unicode()) ? end - 1 : end;
}

// True when singleLine() would give `text` back unchanged: short enough, only shown
// characters and single spaces between them, surrogates in pairs. No copy is needed then.
bool isOneLineAlready(QStringView text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return false;
    bool afterSpace = true; // no space at the start
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
            QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            return false;
        }
        const Kind kind = kindOf(c);
        if (kind == Kind::Removed || (kind == Kind::Space && (c != u' ' || afterSpace)))
            return false;
        afterSpace = kind == Kind::Space;
    }
    return !afterSpace || text.isEmpty(); // no space at the end
}

} // namespace

QString singleLine(const QString &text, const QString &placeholder, qsizetype maxLength)
{
    // Values are cleaned when read; shown again and again (every paint of a row), they are
    // given back as they are, shared, without a copy.
    if (isOneLineAlready(text, qMax<qsizetype>(maxLength, 2)))
        return text.isEmpty() ? placeholder : text;
    return singleLine(QStringView(text), placeholder, maxLength);
}

QString singleLine(QStringView text, const QString &placeholder, qsizetype maxLength)
{
    maxLength = qMax<qsizetype>(maxLength, 2); // room for a character and the ellipsis
    const qsizetype scanEnd = qMin(text.size(), maxLength * ScanLimit);

    QString out;
    out.reserve(qMin(text.size(), maxLength + 2));
    bool spaceWanted = false;
    qsizetype i = 0;
    // One code point past maxLength is enough to know the text must be cut.
    while (i < scanEnd && out.size() <= maxLength) {
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
            QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        } else if (QChar::isSurrogate(c)) {
            c = QChar::ReplacementCharacter;
        }
        i += width;

        switch (kindOf(c)) {
        case Kind::Removed:
            break;
        case Kind::Space:
            spaceWanted = !out.isEmpty(); // none at the start; the end is never written
            break;
        case Kind::Shown:
            if (spaceWanted) {
                out += u' ';
                spaceWanted = false;
            }
            if (width == 2)
                out += text.mid(i - 2, 2);
            else
                out += QChar(char16_t(c));
            break;
        }
    }

    if (out.isEmpty())
        return placeholder;
    // Cut when the text is longer, or when there is more of it than was read.
    if (out.size() > maxLength || i < text.size()) {
        out.truncate(cutBefore(out, maxLength - 1));
        if (out.endsWith(u' '))
            out.chop(1);
        out += Ellipsis;
    }
    return out;
}

QString isolated(QStringView text, const QString &placeholder, qsizetype maxLength)
{
    const QString shown = singleLine(text, placeholder, maxLength);
    if (shown.isEmpty())
        return shown;
    QString result;
    result.reserve(shown.size() + 2);
    result += FirstStrongIsolate;
    result += shown;
    result += PopDirectionalIsolate;
    return result;
}

} // namespace DisplayText
