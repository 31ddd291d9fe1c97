#pragma once

#include <QString>

// Webex message markdown to SafeHtml's rich text: parsed by md4c (md_parse, the parser
// QTextDocument::setMarkdown uses), written by SafeHtmlWriter.
//
// md4c reads CommonMark with these choices: raw HTML is not recognised (MD_FLAG_NOHTML: it
// shows as the text it is), ~~strike~~ (MD_FLAG_STRIKETHROUGH), and only fenced code blocks (an
// indented line in a chat is not code). Bare http(s) addresses in the text become links by the
// same rule as in plain text (LinkifiedText), not md4c's (see render()). Written: **strong** as
// b, *em* as i, `code`, code blocks as pre/code, links and images as links (an image's address,
// never the image), lists, quotes; headings as paragraphs; soft line breaks as line breaks, as
// Webex shows them.
//
// The input is cut to SafeHtml::MaxMarkdownInputBytes first; md4c is linear in the rest.
namespace MarkdownRenderer {

[[nodiscard]] QString render(const QString &markdown);

} // namespace MarkdownRenderer
