#include "model/characterreferences.h"
#include "model/libxmlhtmlinput.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

// What SafeHtml hands to libxml2: HTML5 character references as numbers
// (CharacterReferences), and quotes, attributes and control characters as libxml2 2.9 must get
// them (LibxmlHtmlInput). The last test parses with libxml2 itself, the way SafeHtml does, and
// checks that no start tag ever reaches it with more attributes than the limit, whatever comes
// before it.
namespace {

// The attributes of every start tag libxml2 reports, and the text.
struct Parsed
{
    QList<QList<QPair<QByteArray, QByteArray>>> tags;
    QByteArray text;
    int mostAttributes = 0;
};

void startElement(void *context, const xmlChar *, const xmlChar **attributes)
{
    auto *parsed = static_cast<Parsed *>(static_cast<htmlParserCtxtPtr>(context)->_private);
    QList<QPair<QByteArray, QByteArray>> tag;
    for (const xmlChar **a = attributes; a && a[0]; a += 2)
        tag.append({reinterpret_cast<const char *>(a[0]),
                    a[1] ? QByteArray(reinterpret_cast<const char *>(a[1])) : QByteArray()});
    parsed->mostAttributes = std::max(parsed->mostAttributes, int(tag.size()));
    parsed->tags.append(tag);
}

void characters(void *context, const xmlChar *text, int length)
{
    auto *parsed = static_cast<Parsed *>(static_cast<htmlParserCtxtPtr>(context)->_private);
    parsed->text.append(reinterpret_cast<const char *>(text), length);
}

void ignoreError(void *, xmlErrorPtr) {}

Parsed parse(const QByteArray &html)
{
    Parsed parsed;
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(html.constData(), int(html.size()));
    htmlSAXHandler handler;
    std::memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElement = &startElement;
    handler.characters = &characters;
    handler.serror = &ignoreError;
    *context->sax = handler;
    context->_private = &parsed;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    htmlFreeParserCtxt(context);
    return parsed;
}

QByteArray prepared(const QByteArray &html)
{
    return LibxmlHtmlInput::prepare(CharacterReferences::toNumeric(html));
}

} // namespace

class TestHtmlInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { xmlInitParser(); }

    void toNumeric_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("none") << QByteArray("plain <b>text</b>") << QByteArray("plain <b>text</b>");
        QTest::newRow("named") << QByteArray("&hearts;&amp;&lt;")
                               << QByteArray("&#9829;&#38;&#60;");
        QTest::newRow("two code points")
            << QByteArray("&NotNestedGreaterGreater;") << QByteArray("&#10914;&#824;");
        QTest::newRow("longest name")
            << QByteArray("&CounterClockwiseContourIntegral;") << QByteArray("&#8755;");
        QTest::newRow("not a reference")
            << QByteArray("AT&T &; &foo; &#; &#x;")
            << QByteArray("AT&#38;T &#38;; &#38;foo; &#38;#; &#38;#x;");
        QTest::newRow("escaped reference")
            << QByteArray("&amp;hearts;") << QByteArray("&#38;hearts;");
        QTest::newRow("legacy without semicolon")
            << QByteArray("&copy 2024 &copy2024 ?a=1&copy=2 &amp")
            << QByteArray("&#169; 2024 &#38;copy2024 ?a=1&#38;copy=2 &#38;");
        QTest::newRow("numeric") << QByteArray("&#65;&#x42;&#X43&#0;&#x80;&#xDFFF;&#x110000;&#1;")
                                 << QByteArray(
                                        "&#65;&#66;&#67;&#65533;&#8364;&#65533;&#65533;&#65533;");
        QTest::newRow("name too long to be one")
            << QByteArray("&").append(QByteArray(40, 'a')).append(';')
            << QByteArray("&#38;").append(QByteArray(40, 'a')).append(';');
    }

    void toNumeric()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(CharacterReferences::toNumeric(input), expected);
    }

    void decode()
    {
        QCOMPARE(CharacterReferences::decode(u"a &hearts; &amp;hearts; AT&T &#x1F600; &bogus;"),
                 QString::fromUtf8("a \u2665 &hearts; AT&T \U0001F600 &bogus;"));
        QCOMPARE(CharacterReferences::decode(u"no references"), QStringLiteral("no references"));
    }

    void prepare_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("text quotes")
            << QByteArray("say \"hi\" 'x'") << QByteArray("say &#34;hi&#34; &#39;x&#39;");
        QTest::newRow("quoted value, blanks and > inside")
            << QByteArray("<a href=\"a b>c\" t='1 2'>x</a>")
            << QByteArray("<a href=&#34;a&#32;b&#62;c&#34; t=&#39;1&#32;2&#39;>x</a>");
        QTest::newRow("unquoted value")
            << QByteArray("<a href=x/y>z") << QByteArray("<a href=x/y>z");
        QTest::newRow("16 attributes kept, the rest left out")
            << QByteArray("<p a b c d e f g h i j k l m n o p q=\"1\" r s>t")
            << QByteArray("<p a b c d e f g h i j k l m n o p  >t");
        QTest::newRow("names of more than 100 characters are two")
            << QByteArray("<p ").append(QByteArray(100 * 17, 'a')).append(">t")
            << QByteArray("<p ").append(QByteArray(100 * 16, 'a')).append(">t");
        QTest::newRow("no attribute: kept")
            << QByteArray("<p \"x 'y =z>t") << QByteArray("<p &#34;x &#39;y =z>t");
        QTest::newRow("controls") << QByteArray("a\x01"
                                                "b\x1f"
                                                "c\td\x7f")
                                  << QByteArray("a\xEF\xBF\xBD"
                                                "b\xEF\xBF\xBD"
                                                "c\td\x7f");
        QTest::newRow("non-characters") << QByteArray("a\xEF\xBF\xBE"
                                                      "b\xEF\xBF\xBF")
                                        << QByteArray("a\xEF\xBF\xBD"
                                                      "b\xEF\xBF\xBD");
        QTest::newRow("lone angle brackets")
            << QByteArray("1 < 2 > 0 <3 </ x") << QByteArray("1 < 2 > 0 <3 </ x");
    }

    void prepare()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(LibxmlHtmlInput::prepare(input), expected);
    }

    void libxmlReadsQuotedValuesWhole()
    {
        const Parsed parsed =
            parse(prepared("<a title=\"1 > 2\" href='https://e.example/?a=1&amp;b=\"2\"'>x</a>y"));
        QCOMPARE(parsed.tags.size(), 3); // html, body (implied), a
        const auto a = parsed.tags.last();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).second, QByteArray("\"1 > 2\""));
        QCOMPARE(a.at(1).second, QByteArray("'https://e.example/?a=1&b=\"2\"'"));
        QCOMPARE(parsed.text, QByteArray("xy"));
    }

    void noStartTagReachesLibxmlWithTooManyAttributes()
    {
        // Random HTML from pieces that change how libxml2 reads what follows (quotes, comments,
        // scripts, end tags, doctypes, bogus names) and runs of attributes. Without the limit,
        // libxml2 reports tags with dozens of attributes here (the check below fails).
        static const QList<QByteArray> pieces{"<a",
                                              "<b ",
                                              "<script>",
                                              "</script>",
                                              "<style>",
                                              "</style >",
                                              "<!--",
                                              "-->",
                                              "--!>",
                                              "<!-->",
                                              "<!DOCTYPE x \"",
                                              "<?x ",
                                              "</",
                                              "</a ",
                                              "\"",
                                              "'",
                                              "=",
                                              " ",
                                              "\n",
                                              "\t",
                                              ">",
                                              "/>",
                                              "/",
                                              "&",
                                              "&amp;",
                                              "&quot;",
                                              "&#62;",
                                              "<",
                                              "x",
                                              "y=1",
                                              "z=\"",
                                              "w='",
                                              "a-b",
                                              "_u",
                                              ":v",
                                              ".w",
                                              "9",
                                              "\xC3\xA9",
                                              QByteArray(120, 'n'),
                                              "<textarea>",
                                              "<title>"};
        QRandomGenerator random(20241127);
        int mostAttributes = 0;
        int mostWithoutLimit = 0;
        for (int round = 0; round < 5000; ++round) {
            QByteArray html;
            const int count = random.bounded(20, 200);
            for (int i = 0; i < count; ++i) {
                if (random.bounded(12) == 0) {
                    const int attributes = random.bounded(17, 40);
                    for (int k = 0; k < attributes; ++k)
                        html += " r" + QByteArray::number(k) +
                                (random.bounded(2) ? QByteArray("=v") : QByteArray());
                } else {
                    html += pieces.at(random.bounded(int(pieces.size())));
                }
            }
            const int withLimit = parse(prepared(html)).mostAttributes;
            mostAttributes = std::max(mostAttributes, withLimit);
            mostWithoutLimit = std::max(mostWithoutLimit,
                                        parse(CharacterReferences::toNumeric(html)).mostAttributes);
            if (withLimit > LibxmlHtmlInput::MaxAttributes)
                QFAIL(qPrintable(QStringLiteral("%1 attributes reached libxml2 from: %2")
                                     .arg(withLimit)
                                     .arg(QString::fromUtf8(html))));
        }
        qInfo("most attributes reaching libxml2: %d with the limit, %d without", mostAttributes,
              mostWithoutLimit);
        QVERIFY(mostWithoutLimit > LibxmlHtmlInput::MaxAttributes); // the inputs did test it
    }
};

QTEST_GUILESS_MAIN(TestHtmlInput)
#include "tst_htmlinput.moc"
