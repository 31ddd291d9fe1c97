#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Message HTML made safe to hand to libxml2 2.9's HTML parser in linear time, after
// CharacterReferences::toNumeric. One pass, reading start tags by libxml2's own grammar
// (htmlParseStartTag: a name of at most 100 letters, digits, ':', '-', '_', '.'; attributes of
// such a name, optionally '=' and a value quoted or up to a blank or '>'; anything else skipped
// up to a blank or the end of the tag):
//
// - A start tag keeps at most MaxAttributes attributes. libxml2 2.9 compares each attribute of a
//   tag with every earlier one, so a tag with 40,000 attributes took 9 s. Only whole attributes
//   past the limit are left out; nothing SafeHtml keeps needs more.
// - No quote reaches libxml2: quotes become references ("&#34;", "&#39;"), and inside a quoted
//   value so do blanks and '>'. libxml2 then reads every value as one unquoted token (SafeHtml
//   takes the quotes off again) and every start tag as ending at its first '>'. That is what
//   keeps this pass and libxml2 agreeing on where tags are, whatever libxml2 is in the middle of
//   (a comment, a script): a quote could otherwise hide a '>', and attributes behind it, from
//   one of the two. In text a quote reference reads as the quote it was.
// - NUL and the other C0 controls but tab, line feed and carriage return, and U+FFFE and U+FFFF,
//   become U+FFFD: libxml2 would drop them silently, and NUL would end its input.
namespace LibxmlHtmlInput {

inline constexpr int MaxAttributes = 16;

// The input must be valid UTF-8 and hold no named references (CharacterReferences::toNumeric).
[[nodiscard]] QByteArray prepare(QByteArrayView html);

} // namespace LibxmlHtmlInput
