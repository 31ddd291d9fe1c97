#include "safemarkup.h"

#include <QList>
#include <QStringList>
#include <QUrl>
#include <algorithm>

namespace {

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// The five escapes QString::toHtmlEscaped and a serialiser may write inside a value.
QString unescaped(QString value)
{
    value.replace(QLatin1String("&quot;"), QLatin1String("\""));
    value.replace(QLatin1String("&#39;"), QLatin1String("'"));
    value.replace(QLatin1String("&lt;"), QLatin1String("<"));
    value.replace(QLatin1String("&gt;"), QLatin1String(">"));
    value.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return value;
}

QString badHref(const QString &raw)
{
    const QString href = unescaped(raw);
    if (href.contains(QLatin1Char('<')) || href.contains(QLatin1Char('"')))
        return QStringLiteral("a quote or '<' inside href: ") + raw;
    const QUrl url(href, QUrl::StrictMode);
    if (!url.isValid())
        return QStringLiteral("an href that is not a valid URL: ") + raw;
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("mailto"))
        return url.path().isEmpty() ? QStringLiteral("a mailto: without address") : QString();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("an href that is not http(s) or mailto: ") + raw;
    if (url.host().isEmpty())
        return QStringLiteral("an http(s) href without host: ") + raw;
    return QString();
}

} // namespace

namespace Fuzz {

QString unsafeMarkupIn(const QString &html)
{
    static const QStringList allowed{
        QStringLiteral("b"),    QStringLiteral("strong"),     QStringLiteral("i"),
        QStringLiteral("em"),   QStringLiteral("u"),          QStringLiteral("s"),
        QStringLiteral("code"), QStringLiteral("pre"),        QStringLiteral("p"),
        QStringLiteral("br"),   QStringLiteral("ul"),         QStringLiteral("ol"),
        QStringLiteral("li"),   QStringLiteral("blockquote"), QStringLiteral("a"),
        QStringLiteral("span")};

    QList<QString> open;
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype lt = html.indexOf(QLatin1Char('<'), i);
        if (lt < 0)
            break;
        qsizetype k = lt + 1;
        const bool closing = k < n && html.at(k) == QLatin1Char('/');
        if (closing)
            ++k;
        const qsizetype nameStart = k;
        while (k < n && isAsciiLetterOrDigit(html.at(k)))
            ++k;
        const QString name = html.mid(nameStart, k - nameStart);
        if (name.isEmpty())
            return QStringLiteral("a '<' that starts no tag (unescaped text) at ") +
                   html.mid(lt, 40);
        if (!allowed.contains(name))
            return QStringLiteral("a tag not on the allow-list: ") + html.mid(lt, 40);

        // Attributes: only href="..." on <a> and data-mention="..." on <span>, one each, on
        // opening tags.
        const QLatin1String expected(name == QLatin1String("span") ? "data-mention" : "href");
        QString href;
        bool hasHref = false;
        while (k < n && html.at(k) == QLatin1Char(' ') && html.mid(k, 2) != QLatin1String(" /")) {
            ++k;
            const qsizetype attrStart = k;
            while (k < n && (isAsciiLetterOrDigit(html.at(k)) || html.at(k) == QLatin1Char('-')))
                ++k;
            const QString attribute = html.mid(attrStart, k - attrStart);
            if (attribute != expected ||
                (name != QLatin1String("a") && name != QLatin1String("span")) || closing || hasHref)
                return QStringLiteral(
                           "an attribute that is not <a href> or <span data-mention>: ") +
                       html.mid(lt, 60);
            if (html.mid(k, 2) != QLatin1String("=\""))
                return QStringLiteral("an attribute that is not quoted: ") + html.mid(lt, 60);
            k += 2;
            const qsizetype end = html.indexOf(QLatin1Char('"'), k);
            if (end < 0)
                return QStringLiteral("an unterminated attribute: ") + html.mid(lt, 60);
            href = html.mid(k, end - k);
            hasHref = true;
            k = end + 1;
        }
        // A serialiser may write the empty element as <br/> or <br />.
        if (name == QLatin1String("br") && !closing) {
            if (html.mid(k, 2) == QLatin1String(" /"))
                k += 2;
            else if (html.mid(k, 1) == QLatin1String("/"))
                ++k;
        }
        if (k >= n || html.at(k) != QLatin1Char('>'))
            return QStringLiteral("a tag that does not end cleanly: ") + html.mid(lt, 60);
        i = k + 1;

        if (name == QLatin1String("a") && !closing) {
            if (!hasHref)
                return QStringLiteral("an <a> without href");
            const QString bad = badHref(href);
            if (!bad.isEmpty())
                return bad;
        }
        // A mention names a Webex id (base64 characters) or "all", nothing else.
        if (name == QLatin1String("span") && !closing) {
            const bool id = hasHref && !href.isEmpty() && href.size() <= 512 &&
                            std::all_of(href.cbegin(), href.cend(), [](QChar c) {
                                return isAsciiLetterOrDigit(c) || c == QLatin1Char('-') ||
                                       c == QLatin1Char('_') || c == QLatin1Char('=') ||
                                       c == QLatin1Char('+');
                            });
            if (!id)
                return QStringLiteral("a <span> that is not a mention of an id: ") +
                       html.mid(lt, 60);
        }
        if (name == QLatin1String("br"))
            continue;
        if (!closing) {
            open.append(name);
        } else {
            if (open.isEmpty() || open.constLast() != name)
                return QStringLiteral("a </%1> that closes nothing open").arg(name);
            open.removeLast();
        }
    }
    if (!open.isEmpty())
        return QStringLiteral("<%1> left open").arg(open.constLast());
    return QString();
}

} // namespace Fuzz
