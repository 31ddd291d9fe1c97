#include "model/safehtml.h"

#include "model/characterreferences.h"
#include "model/htmlsanitiser.h"
#include "model/linkifiedtext.h"
#include "model/linkrule.h"
#include "model/markdownrenderer.h"
#include "model/message.h"
#include "model/safehtmlwriter.h"

#include <QCoreApplication>
#include <QSet>

QString SafeHtml::fromWebexHtml(const QString &html)
{
    return HtmlSanitiser::sanitise(html);
}

QString SafeHtml::fromPlainText(const QString &text)
{
    SafeHtmlWriter writer;
    QString normalised = text.left(MaxPlainTextInputLength);
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    LinkifiedText::write(&writer, normalised);
    if (text.size() > MaxPlainTextInputLength)
        writer.cut(Shortened::TooLong);
    return writer.finish();
}

QString SafeHtml::fromMarkdown(const QString &markdown)
{
    return MarkdownRenderer::render(markdown);
}

QList<QUrl> SafeHtml::links(const QString &safeHtml)
{
    // SafeHtmlWriter writes every link as <a href="..."> and escapes '<' in text, so this is
    // the only form to look for; the target is decoded and checked again all the same.
    static const QLatin1String start("<a href=\"");
    QList<QUrl> out;
    QSet<QString> seen;
    qsizetype from = 0;
    for (qsizetype at; (at = safeHtml.indexOf(start, from)) >= 0;) {
        const qsizetype valueStart = at + start.size();
        const qsizetype quote = safeHtml.indexOf(QLatin1Char('"'), valueStart);
        if (quote < 0)
            break;
        from = quote + 1;
        const QString href = LinkRule::openableHref(
            CharacterReferences::decode(QStringView(safeHtml).mid(valueStart, quote - valueStart)));
        if (href.isEmpty() || seen.contains(href))
            continue;
        seen.insert(href);
        out.append(QUrl(href, QUrl::StrictMode));
    }
    return out;
}

QString SafeHtml::preview(const QString &safeHtml, bool *whole)
{
    // Every block takes at least four characters ("<br>"), every list item ten, every inline
    // element seven, every character of text one: rich text this short fits every preview limit.
    if (safeHtml.size() <= 4 * PreviewBlocks) {
        if (whole)
            *whole = true;
        return safeHtml;
    }
    // Rich text from SafeHtml is HTML like any other: read again with smaller limits.
    bool cut = false;
    QString out = HtmlSanitiser::sanitise(safeHtml, SafeHtmlWriter::Limits::forPreview(), &cut);
    if (whole)
        *whole = !cut;
    // Whole: the text itself (read again, libxml2 may nest odd markup differently).
    return cut ? out : safeHtml;
}

QString SafeHtml::forMessage(const Message &m)
{
    if (!m.html.isEmpty())
        return fromWebexHtml(m.html);
    if (!m.markdown.isEmpty())
        return fromMarkdown(m.markdown);
    return fromPlainText(m.text);
}

QString SafeHtml::noteFor(Shortened reason)
{
    switch (reason) {
    case Shortened::TooLong:
        return QCoreApplication::translate("SafeHtml",
                                           "(Message shortened: the rest is too long to show.)");
    case Shortened::NestedTooDeep:
        return QCoreApplication::translate(
            "SafeHtml", "(Message shortened: the rest is nested too deeply to show.)");
    }
    return {};
}
