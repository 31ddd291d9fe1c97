#include "model/safehtml.h"

#include "model/message.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace {

// A bare http(s) URL in plain text or markdown: up to whitespace, a tag bracket or a quote.
// Plain text (linkified) and markdown (inlineMarkdown) must agree on where a link ends.
constexpr char BareUrlPattern[] = R"(https?://[^\s<>"'`]+)";

// Elements whose content is dropped along with them: code, styling, embedded or remote content,
// and form controls, none of which belong in a chat message.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> names{
        QStringLiteral("script"),   QStringLiteral("style"),    QStringLiteral("iframe"),
        QStringLiteral("object"),   QStringLiteral("embed"),    QStringLiteral("applet"),
        QStringLiteral("img"),      QStringLiteral("picture"),  QStringLiteral("video"),
        QStringLiteral("audio"),    QStringLiteral("canvas"),   QStringLiteral("svg"),
        QStringLiteral("math"),     QStringLiteral("template"), QStringLiteral("noscript"),
        QStringLiteral("textarea"), QStringLiteral("select"),   QStringLiteral("head"),
        QStringLiteral("title"),    QStringLiteral("frame"),    QStringLiteral("frameset"),
        QStringLiteral("noframes"), QStringLiteral("link"),     QStringLiteral("meta"),
        QStringLiteral("base"),     QStringLiteral("button"),   QStringLiteral("input"),
    };
    return names;
}

// Allowed elements, and what they are written as (del and strike are s; headings become
// paragraphs: a chat line should not shout).
QString allowedName(const QString &name)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("b"), QStringLiteral("b")},
        {QStringLiteral("strong"), QStringLiteral("strong")},
        {QStringLiteral("i"), QStringLiteral("i")},
        {QStringLiteral("em"), QStringLiteral("em")},
        {QStringLiteral("u"), QStringLiteral("u")},
        {QStringLiteral("s"), QStringLiteral("s")},
        {QStringLiteral("del"), QStringLiteral("s")},
        {QStringLiteral("strike"), QStringLiteral("s")},
        {QStringLiteral("code"), QStringLiteral("code")},
        {QStringLiteral("pre"), QStringLiteral("pre")},
        {QStringLiteral("p"), QStringLiteral("p")},
        {QStringLiteral("br"), QStringLiteral("br")},
        {QStringLiteral("ul"), QStringLiteral("ul")},
        {QStringLiteral("ol"), QStringLiteral("ol")},
        {QStringLiteral("li"), QStringLiteral("li")},
        {QStringLiteral("blockquote"), QStringLiteral("blockquote")},
        {QStringLiteral("a"), QStringLiteral("a")},
        {QStringLiteral("h1"), QStringLiteral("p")},
        {QStringLiteral("h2"), QStringLiteral("p")},
        {QStringLiteral("h3"), QStringLiteral("p")},
        {QStringLiteral("h4"), QStringLiteral("p")},
        {QStringLiteral("h5"), QStringLiteral("p")},
        {QStringLiteral("h6"), QStringLiteral("p")},
    };
    return names.value(name);
}

QString decodeEntities(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    static const QHash<QString, QString> named{
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("nbsp"), QString(QChar(0xA0))},
    };
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        const qsizetype semicolon = c == QLatin1Char('&') ? text.indexOf(QLatin1Char(';'), i) : -1;
        if (semicolon < 0 || semicolon - i > 10) {
            out.append(c);
            ++i;
            continue;
        }
        const QString entity = text.mid(i + 1, semicolon - i - 1);
        QString replacement;
        if (entity.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = entity.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                                  ? entity.mid(2).toUInt(&ok, 16)
                                  : entity.mid(1).toUInt(&ok, 10);
            // NUL, surrogates and out-of-range points become the replacement character.
            if (ok)
                replacement = (code == 0 || code > 0x10FFFF || QChar::isSurrogate(code))
                                  ? QString(QChar::ReplacementCharacter)
                                  : QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        } else {
            replacement = named.value(entity.toLower());
        }
        if (replacement.isNull()) {
            out.append(c);
            ++i;
            continue;
        }
        out.append(replacement);
        i = semicolon + 1;
    }
    return out;
}

// A link target that can only open in a browser or a mail program: http(s) and mailto.
// Anything else (javascript:, data:, file:, relative paths) is refused.
QString safeHref(const QString &raw)
{
    QString href = decodeEntities(raw).trimmed();
    // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    href.remove(QRegularExpression(QStringLiteral("[\\x00-\\x20\\x7f]")));
    const QUrl url(href, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid())
        return {};
    if (scheme == QLatin1String("mailto") && !url.path().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
        !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return {};
}

struct Tag
{
    QString name; // lower case
    QHash<QString, QString> attributes;
    bool closing = false;
    bool selfClosing = false;
};

// Reads one tag starting at html[start] == '<'. Returns the index after it, or -1 when this '<'
// does not start a tag (it is then text).
qsizetype readTag(const QString &html, qsizetype start, Tag *tag)
{
    qsizetype i = start + 1;
    const qsizetype n = html.size();
    if (i < n && html.at(i) == QLatin1Char('/')) {
        tag->closing = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < n && (html.at(i).isLetterOrNumber() || html.at(i) == QLatin1Char('-')))
        ++i;
    if (i == nameStart || !html.at(nameStart).isLetter())
        return -1;
    tag->name = html.mid(nameStart, i - nameStart).toLower();

    while (i < n) {
        while (i < n && (html.at(i).isSpace() || html.at(i) == QLatin1Char('/'))) {
            if (html.at(i) == QLatin1Char('/'))
                tag->selfClosing = true;
            ++i;
        }
        if (i >= n)
            break;
        if (html.at(i) == QLatin1Char('>'))
            return i + 1;
        tag->selfClosing = false;
        const qsizetype attrStart = i;
        while (i < n && !html.at(i).isSpace() && html.at(i) != QLatin1Char('=') &&
               html.at(i) != QLatin1Char('>') && html.at(i) != QLatin1Char('/'))
            ++i;
        const QString name = html.mid(attrStart, i - attrStart).toLower();
        if (i == attrStart) { // a stray character; skip it
            ++i;
            continue;
        }
        while (i < n && html.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && html.at(i) == QLatin1Char('=')) {
            ++i;
            while (i < n && html.at(i).isSpace())
                ++i;
            if (i < n && (html.at(i) == QLatin1Char('"') || html.at(i) == QLatin1Char('\''))) {
                const QChar quote = html.at(i);
                const qsizetype close = html.indexOf(quote, i + 1);
                if (close < 0) {
                    tag->name.clear(); // unterminated: the rest is swallowed, the tag dropped
                    return n;
                }
                value = html.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !html.at(i).isSpace() && html.at(i) != QLatin1Char('>'))
                    ++i;
                value = html.mid(valueStart, i - valueStart);
            }
        }
        if (!tag->attributes.contains(name))
            tag->attributes.insert(name, value);
    }
    tag->name.clear(); // no '>': the rest is an unfinished tag, dropped
    return n;
}

// Skips past the end tag of a dropped element (same name, nested ones counted). Returns the
// index after it, or the end of the input.
qsizetype skipElement(const QString &html, qsizetype from, const QString &name)
{
    const bool rawText = name == QLatin1String("script") || name == QLatin1String("style");
    int depth = 1;
    qsizetype i = from;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
        if (lt < 0)
            return html.size();
        Tag tag;
        const qsizetype after = readTag(html, lt, &tag);
        if (after < 0 || tag.name != name || (rawText && !tag.closing)) {
            i = lt + 1;
            continue;
        }
        depth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1);
        i = after;
        if (depth == 0)
            return i;
    }
    return html.size();
}

const QRegularExpression &urlPattern()
{
    static const QRegularExpression re(QLatin1String(BareUrlPattern),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Escaped text with http(s) URLs made into links; trailing punctuation stays outside.
QString linkified(const QString &text)
{
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = urlPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString url = match.captured();
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(url.back()))
            url.chop(1);
        const QString href = safeHref(url);
        if (href.isEmpty())
            continue;
        out += text.mid(last, match.capturedStart() - last).toHtmlEscaped();
        out += QStringLiteral("<a href=\"") + href.toHtmlEscaped() + QStringLiteral("\">") +
               url.toHtmlEscaped() + QStringLiteral("</a>");
        last = match.capturedStart() + url.size();
    }
    out += text.mid(last).toHtmlEscaped();
    return out;
}

} // namespace

QString SafeHtml::fromWebexHtml(const QString &html)
{
    QString out;
    out.reserve(html.size());
    QList<QString> open; // allowed elements open in the output, to close them properly
    qsizetype i = 0;
    const qsizetype n = html.size();
    QString text; // pending text, decoded, escaped when flushed

    const auto flushText = [&] {
        out += text.toHtmlEscaped();
        text.clear();
    };

    while (i < n) {
        const QChar c = html.at(i);
        if (c != QLatin1Char('<')) {
            const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
            const qsizetype end = lt < 0 ? n : lt;
            text += decodeEntities(html.mid(i, end - i));
            i = end;
            continue;
        }
        if (html.mid(i, 4) == QLatin1String("<!--")) {
            const qsizetype close = html.indexOf(QLatin1String("-->"), i + 4);
            i = close < 0 ? n : close + 3;
            continue;
        }
        if (i + 1 < n &&
            (html.at(i + 1) == QLatin1Char('!') || html.at(i + 1) == QLatin1Char('?'))) {
            const qsizetype close = html.indexOf(QLatin1Char('>'), i);
            i = close < 0 ? n : close + 1;
            continue;
        }
        Tag tag;
        const qsizetype after = readTag(html, i, &tag);
        if (after < 0) {
            text += c; // a lone '<' is text
            ++i;
            continue;
        }
        i = after;

        if (droppedWithContent().contains(tag.name)) {
            if (!tag.closing && !tag.selfClosing && tag.name != QLatin1String("img") &&
                tag.name != QLatin1String("input") && tag.name != QLatin1String("link") &&
                tag.name != QLatin1String("meta") && tag.name != QLatin1String("base") &&
                tag.name != QLatin1String("embed"))
                i = skipElement(html, i, tag.name);
            continue;
        }
        const QString name = allowedName(tag.name);
        if (name.isEmpty())
            continue; // unknown element (e.g. spark-mention): its text stays, the tag goes
        flushText();

        if (name == QLatin1String("br")) {
            out += QStringLiteral("<br>");
            continue;
        }
        if (tag.closing) {
            const qsizetype at = open.lastIndexOf(name);
            if (at < 0)
                continue; // nothing to close
            while (open.size() > at)
                out += QStringLiteral("</") + open.takeLast() + QLatin1Char('>');
            continue;
        }
        if (tag.selfClosing)
            continue; // <p/> and the like carry nothing
        if (name == QLatin1String("a")) {
            const QString href = safeHref(tag.attributes.value(QStringLiteral("href")));
            if (href.isEmpty())
                continue; // the text stays, without a link
            out += QStringLiteral("<a href=\"") + href.toHtmlEscaped() + QStringLiteral("\">");
        } else {
            out += QLatin1Char('<') + name + QLatin1Char('>');
        }
        open.append(name);
    }
    flushText();
    while (!open.isEmpty())
        out += QStringLiteral("</") + open.takeLast() + QLatin1Char('>');
    return out;
}

QString SafeHtml::fromPlainText(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QString out = linkified(normalised);
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

namespace {

// Inline markdown of one line or paragraph: code spans and links are cut out first (nothing
// inside them is emphasis), then the rest is escaped and emphasis applied.
QString inlineMarkdown(const QString &source)
{
    // A code span, a [text](target) link, or a bare URL.
    static const QRegularExpression tokens(
        QStringLiteral("`([^`]+)`|\\[([^\\]]+)\\]\\(((?:[^()\\s]|\\([^()\\s]*\\))+)\\)|") +
            QLatin1String(BareUrlPattern),
        QRegularExpression::CaseInsensitiveOption);
    QStringList pieces; // rendered html of each cut-out piece
    QString rest;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = tokens.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        rest += source.mid(last, m.capturedStart() - last);
        QString piece;
        qsizetype consumed = m.capturedLength();
        if (m.capturedStart(1) >= 0) {
            piece = QStringLiteral("<code>") + m.captured(1).toHtmlEscaped() +
                    QStringLiteral("</code>");
        } else if (m.capturedStart(2) >= 0) {
            const QString href = safeHref(m.captured(3));
            piece = href.isEmpty() ? m.captured(2).toHtmlEscaped()
                                   : QStringLiteral("<a href=\"") + href.toHtmlEscaped() +
                                         QStringLiteral("\">") + m.captured(2).toHtmlEscaped() +
                                         QStringLiteral("</a>");
        } else {
            QString url = m.captured();
            while (!url.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(url.back()))
                url.chop(1);
            consumed = url.size();
            piece = linkified(url);
        }
        // Private-use characters mark where a piece goes back; they cannot be typed in Webex.
        rest += QChar(0xE000) + QString::number(pieces.size()) + QChar(0xE001);
        pieces.append(piece);
        last = m.capturedStart() + consumed;
    }
    rest += source.mid(last);

    QString html = rest.toHtmlEscaped();
    static const QRegularExpression bold(QStringLiteral("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|"
                                                        "__(?=\\S)(.+?)(?<=\\S)__"));
    static const QRegularExpression strike(QStringLiteral("~~(?=\\S)(.+?)(?<=\\S)~~"));
    static const QRegularExpression em(
        QStringLiteral("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])|"
                       "(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])"));
    html.replace(bold, QStringLiteral("<b>\\1\\2</b>"));
    html.replace(strike, QStringLiteral("<s>\\1</s>"));
    html.replace(em, QStringLiteral("<i>\\1\\2</i>"));

    static const QRegularExpression marker(QStringLiteral("\\x{E000}(\\d+)\\x{E001}"));
    QString out;
    qsizetype pos = 0;
    QRegularExpressionMatchIterator markers = marker.globalMatch(html);
    while (markers.hasNext()) {
        const QRegularExpressionMatch m = markers.next();
        out += html.mid(pos, m.capturedStart() - pos);
        out += pieces.value(m.captured(1).toInt());
        pos = m.capturedEnd();
    }
    out += html.mid(pos);
    return out;
}

} // namespace

QString SafeHtml::fromMarkdown(const QString &markdown)
{
    static const QRegularExpression bullet(QStringLiteral("^\\s*[-*+]\\s+(.*)$"));
    static const QRegularExpression numbered(QStringLiteral("^\\s*\\d+[.)]\\s+(.*)$"));
    static const QRegularExpression quote(QStringLiteral("^\\s*>\\s?(.*)$"));

    QString normalised = markdown;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QStringList lines = normalised.split(QLatin1Char('\n'));

    QString html;
    QString block;          // "p", "ul", "ol", "blockquote" or empty
    QStringList lineBuffer; // lines of the current paragraph or quote
    const auto closeBlock = [&] {
        if (block == QLatin1String("p") || block == QLatin1String("blockquote")) {
            QStringList rendered;
            for (const QString &line : std::as_const(lineBuffer))
                rendered.append(inlineMarkdown(line));
            html += QLatin1Char('<') + block + QLatin1Char('>') +
                    rendered.join(QStringLiteral("<br>")) + QStringLiteral("</") + block +
                    QLatin1Char('>');
        } else if (!block.isEmpty()) {
            html += QStringLiteral("</") + block + QLatin1Char('>');
        }
        block.clear();
        lineBuffer.clear();
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            closeBlock();
            QStringList code;
            ++i;
            while (i < lines.size() && !lines.at(i).trimmed().startsWith(QLatin1String("```")))
                code.append(lines.at(i++));
            html += QStringLiteral("<pre><code>") + code.join(QLatin1Char('\n')).toHtmlEscaped() +
                    QStringLiteral("</code></pre>");
            continue;
        }
        if (line.trimmed().isEmpty()) {
            closeBlock();
            continue;
        }
        QRegularExpressionMatch m;
        QString kind = QStringLiteral("p");
        QString content = line;
        if ((m = bullet.match(line)).hasMatch()) {
            kind = QStringLiteral("ul");
            content = m.captured(1);
        } else if ((m = numbered.match(line)).hasMatch()) {
            kind = QStringLiteral("ol");
            content = m.captured(1);
        } else if ((m = quote.match(line)).hasMatch()) {
            kind = QStringLiteral("blockquote");
            content = m.captured(1);
        }
        if (kind != block) {
            closeBlock();
            block = kind;
            if (kind == QLatin1String("ul") || kind == QLatin1String("ol"))
                html += QLatin1Char('<') + kind + QLatin1Char('>');
        }
        if (kind == QLatin1String("ul") || kind == QLatin1String("ol"))
            html += QStringLiteral("<li>") + inlineMarkdown(content) + QStringLiteral("</li>");
        else
            lineBuffer.append(content);
    }
    closeBlock();
    // Through the sanitiser as well: whatever this renderer gets wrong, the result still only
    // holds what fromWebexHtml allows.
    return fromWebexHtml(html);
}

QList<QUrl> SafeHtml::links(const QString &safeHtml)
{
    QList<QUrl> out;
    qsizetype i = 0;
    while (i < safeHtml.size()) {
        const qsizetype lt = safeHtml.indexOf(QLatin1Char('<'), i);
        if (lt < 0)
            break;
        Tag tag;
        const qsizetype after = readTag(safeHtml, lt, &tag);
        if (after < 0) {
            i = lt + 1;
            continue;
        }
        i = after;
        if (tag.closing || tag.name != QLatin1String("a"))
            continue;
        const QString href = safeHref(tag.attributes.value(QStringLiteral("href")));
        if (href.isEmpty())
            continue;
        const QUrl url(href, QUrl::StrictMode);
        if (!out.contains(url))
            out.append(url);
    }
    return out;
}

QString SafeHtml::forMessage(const Message &m)
{
    if (!m.html.isEmpty())
        return fromWebexHtml(m.html);
    if (!m.markdown.isEmpty())
        return fromMarkdown(m.markdown);
    return fromPlainText(m.text);
}
