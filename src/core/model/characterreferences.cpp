#include "model/characterreferences.h"

#include "model/characterreferencetable.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

namespace {

// Longer than the longest name ("CounterClockwiseContourIntegral", 31 letters): a run of letters
// and digits past this cannot be a name, so no '&' looks further ahead than this.
constexpr qsizetype MaxNameLength = 32;

constexpr char32_t ReplacementCharacter = 0xFFFD;

struct Reference
{
    qsizetype length; // from the '&' to the end of the reference, ';' included if it has one
    char32_t first;
    char32_t second; // or 0
};

char16_t unit(char c)
{
    return static_cast<unsigned char>(c);
}
char16_t unit(QChar c)
{
    return c.unicode();
}

bool isAsciiAlphanumeric(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int digitValue(char16_t c, bool hex)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (hex && c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const CharacterReferenceTable::NamedReference *findName(std::string_view name)
{
    using CharacterReferenceTable::NamedReference;
    const NamedReference *begin = CharacterReferenceTable::references;
    const NamedReference *end = begin + CharacterReferenceTable::referenceCount;
    const NamedReference *it =
        std::lower_bound(begin, end, name, [](const NamedReference &r, std::string_view key) {
            return std::string_view(r.name) < key;
        });
    return it != end && std::string_view(it->name) == name ? it : nullptr;
}

// What "&#N;" stands for, as HTML5 reads it, and then only what an XML parser can hold.
char32_t numericCharacter(char32_t value)
{
    // Browsers read 128-159 as Windows-1252, where most of them are printable; the five that
    // code page leaves undefined stay as they are.
    static constexpr char16_t windows1252[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return ReplacementCharacter;
    if (value >= 0x80 && value <= 0x9F)
        return windows1252[value - 0x80];
    if ((value < 0x20 && value != '\t' && value != '\n' && value != '\r') || value == 0xFFFE ||
        value == 0xFFFF)
        return ReplacementCharacter;
    return value;
}

// The reference starting at text[at], which is '&', if there is one.
template <typename View> std::optional<Reference> readReference(View text, qsizetype at)
{
    const qsizetype n = text.size();
    qsizetype i = at + 1;
    if (i < n && unit(text[i]) == '#') {
        ++i;
        const bool hex = i < n && (unit(text[i]) == 'x' || unit(text[i]) == 'X');
        if (hex)
            ++i;
        const qsizetype digits = i;
        char32_t value = 0;
        for (int d; i < n && (d = digitValue(unit(text[i]), hex)) >= 0; ++i)
            value = std::min<char32_t>(value * (hex ? 16 : 10) + d, 0x110000); // no overflow
        if (i == digits)
            return std::nullopt; // "&#" or "&#x" without digits
        if (i < n && unit(text[i]) == ';')
            ++i;
        return Reference{i - at, numericCharacter(value), 0};
    }

    qsizetype end = i;
    while (end < n && end - i <= MaxNameLength && isAsciiAlphanumeric(unit(text[end])))
        ++end;
    const qsizetype length = end - i;
    if (length == 0 || length > MaxNameLength)
        return std::nullopt;
    char name[MaxNameLength];
    for (qsizetype k = 0; k < length; ++k)
        name[k] = static_cast<char>(unit(text[i + k]));
    const auto *known = findName(std::string_view(name, std::size_t(length)));
    if (!known)
        return std::nullopt;
    if (end < n && unit(text[end]) == ';')
        return Reference{end + 1 - at, known->first, known->second};
    // A legacy name without ';': not when '=' follows ("?a=1&copy=2"); a letter or digit cannot
    // follow, since the name is the whole run of them.
    if (known->withoutSemicolon && !(end < n && unit(text[end]) == '='))
        return Reference{end - at, known->first, known->second};
    return std::nullopt;
}

void appendNumeric(QByteArray *out, char32_t c)
{
    char buffer[16];
    char *end = buffer + sizeof buffer;
    char *at = end;
    *--at = ';';
    do {
        *--at = char('0' + c % 10);
        c /= 10;
    } while (c);
    *--at = '#';
    *--at = '&';
    out->append(at, end - at);
}

void appendCharacter(QString *out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out->append(QChar(QChar::highSurrogate(c)));
        out->append(QChar(QChar::lowSurrogate(c)));
    } else {
        out->append(QChar(char16_t(c)));
    }
}

} // namespace

QByteArray CharacterReferences::toNumeric(QByteArrayView html)
{
    QByteArray out;
    out.reserve(html.size() + html.size() / 8);
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype amp = html.indexOf('&', i);
        if (amp < 0) {
            out.append(html.data() + i, html.size() - i);
            break;
        }
        out.append(html.data() + i, amp - i);
        if (const auto reference = readReference(html, amp)) {
            appendNumeric(&out, reference->first);
            if (reference->second)
                appendNumeric(&out, reference->second);
            i = amp + reference->length;
        } else {
            out.append("&#38;");
            i = amp + 1;
        }
    }
    return out;
}

QString CharacterReferences::decode(QStringView text)
{
    const qsizetype first = text.indexOf(QLatin1Char('&'));
    if (first < 0)
        return text.toString();
    QString out;
    out.reserve(text.size());
    out.append(text.left(first));
    qsizetype i = first;
    while (i < text.size()) {
        const qsizetype amp = text.indexOf(QLatin1Char('&'), i);
        if (amp < 0) {
            out.append(text.mid(i));
            break;
        }
        out.append(text.mid(i, amp - i));
        if (const auto reference = readReference(text, amp)) {
            appendCharacter(&out, reference->first);
            if (reference->second)
                appendCharacter(&out, reference->second);
            i = amp + reference->length;
        } else {
            out.append(QLatin1Char('&'));
            i = amp + 1;
        }
    }
    return out;
}
