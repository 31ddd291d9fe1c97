#pragma once

#include <QStringView>

class SafeHtmlWriter;

// Plain text into a SafeHtmlWriter: line feeds as line breaks, and bare http(s) addresses as
// links (up to whitespace, '<', '>', a quote or a backtick, with trailing punctuation such as
// ".,;:!?)" left outside). Used for plain-text messages and for the text of markdown, so both
// agree on where a link ends. Linear in the length of the text.
namespace LinkifiedText {

void write(SafeHtmlWriter *writer, QStringView text);

} // namespace LinkifiedText
