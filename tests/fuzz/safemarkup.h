#pragma once

#include <QString>

namespace Fuzz {

// What SafeHtml promises about its output, checked by a reader of our own (not SafeHtml's
// tokenizer): every '<' starts a clean tag (text is escaped), each tag is on the allow-list
// (b strong i em u s code pre p br ul ol li blockquote a), only <a> has an attribute and that is
// href, whose target opens in a browser or a mail program only (http(s) with a host, mailto),
// and the elements nest. Returns what is wrong, or an empty string.
// This is what "never <script, <img, style=, javascript:" means for markup; the same words as
// escaped text ("javascript: is a scheme") are allowed, and are the text a person wrote.
[[nodiscard]] QString unsafeMarkupIn(const QString &html);

} // namespace Fuzz
