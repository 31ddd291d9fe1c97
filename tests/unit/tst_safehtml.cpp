#include "model/message.h"
#include "model/safehtml.h"

#include <QRegularExpression>
#include <QTest>

// SafeHtml: what an attacker could put in a message must not survive as markup that runs,
// loads or styles anything. Every row states an exact expected result, so a change in the
// sanitiser's output shows up here.
namespace {

// Tags and attributes present in the output, e.g. "a href", "b".
bool onlyAllowedMarkup(const QString &html, QString *bad)
{
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*([a-zA-Z0-9-]+)([^>]*)>"));
    static const QStringList allowed{"b", "strong", "i",  "em", "u",  "s",          "code", "pre",
                                     "p", "br",     "ul", "ol", "li", "blockquote", "a"};
    QRegularExpressionMatchIterator it = tag.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1).toLower();
        const QString attributes = m.captured(2).trimmed();
        if (!allowed.contains(name)) {
            *bad = m.captured();
            return false;
        }
        if (!attributes.isEmpty() &&
            !(name == QLatin1String("a") &&
              QRegularExpression(QStringLiteral("^href=\"(https?://|mailto:)[^\"]*\"$"))
                  .match(attributes)
                  .hasMatch())) {
            *bad = m.captured();
            return false;
        }
    }
    return true;
}

} // namespace

class TestSafeHtml : public QObject
{
    Q_OBJECT

private slots:
    void webexHtml_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain") << QString::fromUtf8("hello") << QString::fromUtf8("hello");
        QTest::newRow("allowed tags kept")
            << QString::fromUtf8(
                   "<p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <s>x</s> "
                   "<code>c</code></p>")
            << QString::fromUtf8(
                   "<p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <s>x</s> "
                   "<code>c</code></p>");
        QTest::newRow("lists and quotes")
            << QString::fromUtf8(
                   "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><pre>p</pre>")
            << QString::fromUtf8(
                   "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><pre>p</pre>");
        QTest::newRow("upper case tags")
            << QString::fromUtf8("<B>x</B><BR>") << QString::fromUtf8("<b>x</b><br>");
        QTest::newRow("script dropped with content")
            << QString::fromUtf8("a<script>alert('x')</script>b") << QString::fromUtf8("ab");
        QTest::newRow("script with a fake end inside a string")
            << QString::fromUtf8("a<script>var s = '<b>';</script>b") << QString::fromUtf8("ab");
        QTest::newRow("style dropped with content")
            << QString::fromUtf8("<style>p{color:red}</style>t") << QString::fromUtf8("t");
        QTest::newRow("iframe dropped with content")
            << QString::fromUtf8("<iframe src=\"https://evil\">inner</iframe>ok")
            << QString::fromUtf8("ok");
        QTest::newRow("object dropped with content")
            << QString::fromUtf8("<object data=\"x.swf\"><param name=a>fallback</object>ok")
            << QString::fromUtf8("ok");
        QTest::newRow("img dropped")
            << QString::fromUtf8("a<img src=\"https://tracker/p.png\" onerror=x>b")
            << QString::fromUtf8("ab");
        QTest::newRow("svg dropped")
            << QString::fromUtf8("<svg><script>x</script><text>t</text></svg>ok")
            << QString::fromUtf8("ok");
        QTest::newRow("event handler dropped")
            << QString::fromUtf8("<b onclick=\"steal()\">x</b>") << QString::fromUtf8("<b>x</b>");
        QTest::newRow("style attribute dropped")
            << QString::fromUtf8("<p style=\"background:url(https://tracker/x)\">x</p>")
            << QString::fromUtf8("<p>x</p>");
        QTest::newRow("link kept, attributes dropped")
            << QString::fromUtf8("<a href=\"https://example.com/a?b=1&amp;c=2\" target=_blank "
                                 "onmouseover=\"x\">e</a>")
            << QString::fromUtf8("<a href=\"https://example.com/a?b=1&amp;c=2\">e</a>");
        QTest::newRow("mailto kept") << QString::fromUtf8("<a href='mailto:a@b.c'>m</a>")
                                     << QString::fromUtf8("<a href=\"mailto:a@b.c\">m</a>");
        QTest::newRow("javascript link removed")
            << QString::fromUtf8("<a href=\"javascript:alert(1)\">x</a>") << QString::fromUtf8("x");
        QTest::newRow("javascript with tab and entity")
            << QString::fromUtf8("<a href=\"java&#x09;script:alert(1)\">x</a>")
            << QString::fromUtf8("x");
        QTest::newRow("javascript in upper case")
            << QString::fromUtf8("<a href=\"JAVASCRIPT:alert(1)\">x</a>") << QString::fromUtf8("x");
        QTest::newRow("data link removed")
            << QString::fromUtf8("<a href=\"data:text/html,<b>\">x</a>") << QString::fromUtf8("x");
        QTest::newRow("relative link removed")
            << QString::fromUtf8("<a href=\"/local\">x</a>") << QString::fromUtf8("x");
        QTest::newRow("file link removed")
            << QString::fromUtf8("<a href=\"file:///etc/passwd\">x</a>") << QString::fromUtf8("x");
        QTest::newRow("unknown tags keep their text")
            << QString::fromUtf8(
                   "<spark-mention data-object-type=\"person\" data-object-id=\"P1\">Ada"
                   "</spark-mention> hi <div>d</div><span>s</span>")
            << QString::fromUtf8("Ada hi ds");
        QTest::newRow("headings become paragraphs")
            << QString::fromUtf8("<h1>Big</h1>") << QString::fromUtf8("<p>Big</p>");
        QTest::newRow("del becomes s")
            << QString::fromUtf8("<del>old</del>") << QString::fromUtf8("<s>old</s>");
        QTest::newRow("unclosed tags are closed")
            << QString::fromUtf8("<b><i>x") << QString::fromUtf8("<b><i>x</i></b>");
        QTest::newRow("stray end tags dropped")
            << QString::fromUtf8("x</b></p>") << QString::fromUtf8("x");
        QTest::newRow("misnested closed properly")
            << QString::fromUtf8("<b><i>x</b>y</i>") << QString::fromUtf8("<b><i>x</i></b>y");
        QTest::newRow("comment dropped")
            << QString::fromUtf8("a<!-- <script>x</script> -->b") << QString::fromUtf8("ab");
        QTest::newRow("doctype dropped")
            << QString::fromUtf8("<!DOCTYPE html>t") << QString::fromUtf8("t");
        QTest::newRow("entities re-escaped")
            << QString::fromUtf8("&lt;script&gt;x&lt;/script&gt; &amp; &quot;")
            << QString::fromUtf8("&lt;script&gt;x&lt;/script&gt; &amp; &quot;");
        QTest::newRow("numeric entities")
            << QString::fromUtf8("&#60;b&#x3E; &#233;") << QString::fromUtf8("&lt;b&gt; é");
        QTest::newRow("lone angle bracket")
            << QString::fromUtf8("1 < 2 and 3 > 2") << QString::fromUtf8("1 &lt; 2 and 3 &gt; 2");
        QTest::newRow("unterminated tag dropped")
            << QString::fromUtf8("ok<b onclick='x") << QString::fromUtf8("ok");
        QTest::newRow("self-closing br")
            << QString::fromUtf8("a<br/>b<br />c") << QString::fromUtf8("a<br>b<br>c");
        QTest::newRow("meta refresh dropped")
            << QString::fromUtf8("<meta http-equiv=refresh content=\"0;url=https://evil\">t")
            << QString::fromUtf8("t");
        QTest::newRow("base dropped")
            << QString::fromUtf8("<base href=\"https://evil/\">t") << QString::fromUtf8("t");
        QTest::newRow("form controls dropped")
            << QString::fromUtf8("<textarea>secret</textarea><button>b</button>t")
            << QString::fromUtf8("t");
        QTest::newRow("NUL entity") << QString::fromUtf8("a&#0;b") << QString::fromUtf8("a\uFFFDb");
    }

    void webexHtml()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString out = SafeHtml::fromWebexHtml(input);
        QCOMPARE(out, expected);
        QString bad;
        QVERIFY2(onlyAllowedMarkup(out, &bad), qPrintable(bad));
    }

    void plainText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("escaped") << QString::fromUtf8("<b>not bold</b> & co")
                                 << QString::fromUtf8("&lt;b&gt;not bold&lt;/b&gt; &amp; co");
        QTest::newRow("newlines") << QString::fromUtf8("a\nb\r\nc")
                                  << QString::fromUtf8("a<br>b<br>c");
        QTest::newRow("link")
            << QString::fromUtf8("see https://example.com/x.")
            << QString::fromUtf8(
                   "see <a href=\"https://example.com/x\">https://example.com/x</a>.");
        QTest::newRow("http link in parentheses")
            << QString::fromUtf8("(http://example.com)")
            << QString::fromUtf8("(<a href=\"http://example.com\">http://example.com</a>)");
        QTest::newRow("no javascript link")
            << QString::fromUtf8("javascript:alert(1)") << QString::fromUtf8("javascript:alert(1)");
        QTest::newRow("quote in a url ends it")
            << QString::fromUtf8("https://a.example/\"onmouseover=x")
            << QString::fromUtf8(
                   "<a href=\"https://a.example/\">https://a.example/</a>&quot;onmouseover=x");
    }

    void plainText()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(SafeHtml::fromPlainText(input), expected);
    }

    void markdown_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bold and em")
            << QString::fromUtf8("**bold** and *em* and _em2_")
            << QString::fromUtf8("<p><b>bold</b> and <i>em</i> and <i>em2</i></p>");
        QTest::newRow("code span keeps stars")
            << QString::fromUtf8("`a*b*c` *x*")
            << QString::fromUtf8("<p><code>a*b*c</code> <i>x</i></p>");
        QTest::newRow("code span escapes")
            << QString::fromUtf8("`<script>`")
            << QString::fromUtf8("<p><code>&lt;script&gt;</code></p>");
        QTest::newRow("fenced block")
            << QString::fromUtf8("before\n```\nint *p = <x>;\n**not bold**\n```\nafter")
            << QString::fromUtf8("<p>before</p><pre><code>int *p = &lt;x&gt;;\n**not "
                                 "bold**</code></pre><p>after</p>");
        QTest::newRow("link") << QString::fromUtf8("[site](https://example.com/a_b_c)")
                              << QString::fromUtf8(
                                     "<p><a href=\"https://example.com/a_b_c\">site</a></p>");
        QTest::newRow("javascript link is text")
            << QString::fromUtf8("[click](javascript:alert(1))")
            << QString::fromUtf8("<p>click</p>");
        QTest::newRow("bare link with underscores")
            << QString::fromUtf8("go https://x.example/a_b_c_ now")
            << QString::fromUtf8(
                   "<p>go <a href=\"https://x.example/a_b_c_\">https://x.example/a_b_c_</a> "
                   "now</p>");
        QTest::newRow("bullets") << QString::fromUtf8("- one\n- **two**\n* three")
                                 << QString::fromUtf8(
                                        "<ul><li>one</li><li><b>two</b></li><li>three</li></ul>");
        QTest::newRow("numbers") << QString::fromUtf8("1. a\n2. b")
                                 << QString::fromUtf8("<ol><li>a</li><li>b</li></ol>");
        QTest::newRow("quote") << QString::fromUtf8("> said\n> twice")
                               << QString::fromUtf8("<blockquote>said<br>twice</blockquote>");
        QTest::newRow("paragraphs and line breaks")
            << QString::fromUtf8("a\nb\n\nc") << QString::fromUtf8("<p>a<br>b</p><p>c</p>");
        QTest::newRow("html in markdown is text")
            << QString::fromUtf8("<img src=https://t/x.png> <b>x</b>")
            << QString::fromUtf8(
                   "<p>&lt;img src=<a href=\"https://t/x.png\">https://t/x.png</a>&gt; "
                   "&lt;b&gt;x&lt;/b&gt;</p>");
        QTest::newRow("snake_case is not em") << QString::fromUtf8("call my_var_name")
                                              << QString::fromUtf8("<p>call my_var_name</p>");
        QTest::newRow("arithmetic is not em")
            << QString::fromUtf8("2 * 3 * 4") << QString::fromUtf8("<p>2 * 3 * 4</p>");
        QTest::newRow("strike") << QString::fromUtf8("~~gone~~")
                                << QString::fromUtf8("<p><s>gone</s></p>");
    }

    void markdown()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString out = SafeHtml::fromMarkdown(input);
        QCOMPARE(out, expected);
        QString bad;
        QVERIFY2(onlyAllowedMarkup(out, &bad), qPrintable(bad));
    }

    void forMessagePrefersHtmlThenMarkdownThenText()
    {
        Message m;
        m.text = QStringLiteral("plain <x>");
        QCOMPARE(SafeHtml::forMessage(m), QStringLiteral("plain &lt;x&gt;"));
        m.markdown = QStringLiteral("**md**");
        QCOMPARE(SafeHtml::forMessage(m), QStringLiteral("<p><b>md</b></p>"));
        m.html = QStringLiteral("<p><strong>html</strong><script>x</script></p>");
        QCOMPARE(SafeHtml::forMessage(m), QStringLiteral("<p><strong>html</strong></p>"));
    }
};

QTEST_GUILESS_MAIN(TestSafeHtml)
#include "tst_safehtml.moc"
