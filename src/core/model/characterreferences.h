#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// HTML character references ("&amp;", "&hearts;", "&#233;", "&#x1F600;") as HTML5 reads them,
// with every one of WHATWG's 2231 names (characterreferencetable.cpp). libxml2's HTML parser
// knows only HTML 4's 253 names, so SafeHtml rewrites references to numbers before it parses.
//
// The rules, HTML5's with one simplification:
// - "&name;" with a known name is that character (or two);
// - a legacy name without ';' ("&amp", "&copy") counts only when neither a letter, a digit nor
//   '=' follows. HTML5 applies that rule only inside attribute values; applying it everywhere
//   keeps "?a=1&copy=2" in a link intact and reads "&copy2024" in text as it was typed;
// - "&#N;" and "&#xN;" (';' optional): 0, surrogates and numbers past U+10FFFF become U+FFFD,
//   128-159 are read as Windows-1252 (as browsers do), and characters an XML parser cannot hold
//   (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD;
// - anything else is not a reference: the '&' is an ordinary character.
// Each '&' looks at most 33 characters ahead, so both functions take linear time.
namespace CharacterReferences {

// UTF-8 HTML with every reference written as decimal numbers ("&hearts;" -> "&#9829;") and
// every '&' that starts none as "&#38;": what libxml2 then reads is only numbers.
[[nodiscard]] QByteArray toNumeric(QByteArrayView html);

// Text with its references replaced by the characters they stand for; a '&' that starts none
// stays as it is ("&amp;hearts;" -> "&hearts;", "AT&T" -> "AT&T").
[[nodiscard]] QString decode(QStringView text);

} // namespace CharacterReferences
