#pragma once

#include "model/safehtmlwriter.h"

#include <QString>

// Webex message HTML to SafeHtml's rich text, read by libxml2's HTML parser (fuzzed
// continuously by OSS-Fuzz) through its SAX interface, written by SafeHtmlWriter.
//
// The steps, each linear in the size of its input:
// 1. The input is cut to SafeHtml::MaxHtmlInputBytes of UTF-8 (the result then says so).
// 2. CharacterReferences::toNumeric: every HTML5 named reference as numbers (libxml2 knows only
//    HTML 4's names).
// 3. LibxmlHtmlInput::prepare: quotes as references, at most 16 attributes a tag, no control
//    characters.
// 4. libxml2 parses it after a "<body>" of ours (so that text at the start is not wrapped in a
//    paragraph libxml2 implies) and reports elements and text; nothing is built in memory.
//    script, style, iframe, img, svg and the other elements of droppedWithContent go with
//    everything inside them; allowed elements go to the writer; unknown ones (div, span,
//    spark-mention) leave their text. The writer is told which elements libxml2 ends by itself
//    when another starts (asked of libxml2 once, by parsing each pair), so that dropping an
//    unknown element between "<p>" and "<ul>" cannot leave a list inside a paragraph that a
//    second reading would end: sanitising the result again changes nothing.
// 5. libxml2's open elements are limited to SafeHtml::MaxParseDepth: for each end tag that
//    closes none of them it searches all of them, so a deep stack and many stray end tags would
//    take quadratic time. Deeper markup ends the message there, with a note saying why.
//
// Thread safety: libxml2 is initialised once (xmlInitParser); every call has its own parser
// context and error handler (errors are ignored, never printed), so calls from several threads
// at once are safe.
namespace HtmlSanitiser {

// *cut (if given) is set to whether anything was left out.
[[nodiscard]] QString
sanitise(const QString &html,
         const SafeHtmlWriter::Limits &limits = SafeHtmlWriter::Limits::forMessage(),
         bool *cut = nullptr);

} // namespace HtmlSanitiser
