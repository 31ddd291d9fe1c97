#pragma once

#include <QString>

// The one rule for what a message may link to: http and https with a host, mailto with an
// address. Anything else (javascript:, data:, file:, relative paths) is refused.
namespace LinkRule {

// The href to write for a link target, fully encoded, or an empty string when it is refused.
// Whitespace and control characters are removed first, as browsers ignore them inside a scheme
// ("java\tscript:"). The target must already be decoded (no character references).
[[nodiscard]] QString openableHref(const QString &target);

} // namespace LinkRule
