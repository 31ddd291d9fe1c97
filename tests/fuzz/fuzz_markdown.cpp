// Text a person typed: the `markdown` of a message (SafeHtml::fromMarkdown) and its plain
// `text` (SafeHtml::fromPlainText), the two other ways a message reaches the screen.

#include "fuzzcheck.h"
#include "safemarkup.h"

#include "model/safehtml.h"

#include <QUrl>

namespace {

// The text a person reads in rich text made by fromPlainText: tags gone (<br> a line break),
// the escapes undone.
QString readableText(QString html)
{
    html.replace(QLatin1String("<br>"), QLatin1String("\n"));
    QString out;
    out.reserve(html.size());
    bool inTag = false;
    for (const QChar c : std::as_const(html)) {
        if (c == QLatin1Char('<'))
            inTag = true;
        else if (c == QLatin1Char('>') && inTag)
            inTag = false;
        else if (!inTag)
            out += c;
    }
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

void checkLinks(const QString &safe)
{
    const QList<QUrl> links = SafeHtml::links(safe);
    for (const QUrl &url : links) {
        const QString scheme = url.scheme();
        FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                       scheme == QLatin1String("mailto"),
                   url.toString());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = Fuzz::text(data, size);

    const QString fromMarkdown = SafeHtml::fromMarkdown(input);
    const QString unsafeMarkdown = Fuzz::unsafeMarkupIn(fromMarkdown);
    FUZZ_CHECK(unsafeMarkdown.isEmpty(),
               unsafeMarkdown + QStringLiteral("\n  in: ") + fromMarkdown);
    checkLinks(fromMarkdown);

    const QString fromText = SafeHtml::fromPlainText(input);
    const QString unsafeText = Fuzz::unsafeMarkupIn(fromText);
    FUZZ_CHECK(unsafeText.isEmpty(), unsafeText + QStringLiteral("\n  in: ") + fromText);
    checkLinks(fromText);
    // Plain text loses nothing: every character the person typed is still there to read, but
    // control characters (tab and line ends aside) and non-characters, which show as U+FFFD
    // (SafeHtmlWriter::text; finding-control-character-in-plain-text).
    QString typed = input;
    typed.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (QChar &c : typed) {
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') ||
            c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
            c = QChar(QChar::ReplacementCharacter);
    }
    FUZZ_CHECK(readableText(fromText) == typed, fromText);
    return 0;
}
