#include "model/htmlsanitiser.h"

#include "model/characterreferences.h"
#include "model/libxmlhtmlinput.h"
#include "model/safehtmlwriter.h"
#include "model/utf8.h"
#include "model/webexidtext.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

namespace {

using Element = SafeHtmlWriter::Element;

enum class Action {
    Keep,            // written as Element
    Link,            // <a>: a link if its href passes LinkRule
    Mention,         // <spark-mention>, or our own <span data-mention>: who, if a Webex id
    LineBreak,       // <br>
    DropWithContent, // code, styling, embedded or remote content, form controls
    Transparent,     // anything else: the element goes, its text stays
};

struct Rule
{
    const char *name;
    Action action;
    Element element;
};

// Sorted by name. Headings become paragraphs (a chat line should not shout); del and strike
// are s.
constexpr Rule rules[] = {
    {"a", Action::Link, Element::Paragraph},
    {"applet", Action::DropWithContent, Element::Paragraph},
    {"audio", Action::DropWithContent, Element::Paragraph},
    {"b", Action::Keep, Element::Bold},
    {"base", Action::DropWithContent, Element::Paragraph},
    {"blockquote", Action::Keep, Element::Quote},
    {"br", Action::LineBreak, Element::Paragraph},
    {"button", Action::DropWithContent, Element::Paragraph},
    {"canvas", Action::DropWithContent, Element::Paragraph},
    {"code", Action::Keep, Element::Code},
    {"del", Action::Keep, Element::Strike},
    {"em", Action::Keep, Element::Emphasis},
    {"embed", Action::DropWithContent, Element::Paragraph},
    {"frame", Action::DropWithContent, Element::Paragraph},
    {"frameset", Action::DropWithContent, Element::Paragraph},
    {"h1", Action::Keep, Element::Paragraph},
    {"h2", Action::Keep, Element::Paragraph},
    {"h3", Action::Keep, Element::Paragraph},
    {"h4", Action::Keep, Element::Paragraph},
    {"h5", Action::Keep, Element::Paragraph},
    {"h6", Action::Keep, Element::Paragraph},
    {"head", Action::DropWithContent, Element::Paragraph},
    {"i", Action::Keep, Element::Italic},
    {"iframe", Action::DropWithContent, Element::Paragraph},
    {"img", Action::DropWithContent, Element::Paragraph},
    {"input", Action::DropWithContent, Element::Paragraph},
    {"li", Action::Keep, Element::ListItem},
    {"link", Action::DropWithContent, Element::Paragraph},
    {"math", Action::DropWithContent, Element::Paragraph},
    {"meta", Action::DropWithContent, Element::Paragraph},
    {"noframes", Action::DropWithContent, Element::Paragraph},
    {"noscript", Action::DropWithContent, Element::Paragraph},
    {"object", Action::DropWithContent, Element::Paragraph},
    {"ol", Action::Keep, Element::NumberedList},
    {"p", Action::Keep, Element::Paragraph},
    {"picture", Action::DropWithContent, Element::Paragraph},
    {"pre", Action::Keep, Element::Preformatted},
    {"s", Action::Keep, Element::Strike},
    {"script", Action::DropWithContent, Element::Paragraph},
    {"select", Action::DropWithContent, Element::Paragraph},
    {"span", Action::Mention, Element::Paragraph},
    {"spark-mention", Action::Mention, Element::Paragraph},
    {"strike", Action::Keep, Element::Strike},
    {"strong", Action::Keep, Element::Strong},
    {"style", Action::DropWithContent, Element::Paragraph},
    {"svg", Action::DropWithContent, Element::Paragraph},
    {"template", Action::DropWithContent, Element::Paragraph},
    {"textarea", Action::DropWithContent, Element::Paragraph},
    {"title", Action::DropWithContent, Element::Paragraph},
    {"u", Action::Keep, Element::Underline},
    {"ul", Action::Keep, Element::BulletList},
    {"video", Action::DropWithContent, Element::Paragraph},
};

const Rule *ruleFor(const xmlChar *name)
{
    const std::string_view key(reinterpret_cast<const char *>(name));
    const Rule *end = std::end(rules);
    const Rule *it = std::lower_bound(std::begin(rules), end, key, [](const Rule &r, auto k) {
        return std::string_view(r.name) < k;
    });
    return it != end && std::string_view(it->name) == key ? it : nullptr;
}

// The parse of one message: libxml2's SAX callbacks to the writer.
struct Reader
{
    htmlParserCtxtPtr context = nullptr;
    SafeHtmlWriter *writer = nullptr;
    std::vector<bool> open; // per libxml2 element outside dropped content: was it written?
    int dropped = 0;        // libxml2 elements open inside content being dropped
    // libxml2 reports text in small pieces (each character reference alone): they are joined
    // here and written at the next element, or when a few KiB have gathered.
    QByteArray pendingText;

    static Reader *of(void *context)
    {
        const auto parser = static_cast<htmlParserCtxtPtr>(context);
        Reader *reader = static_cast<Reader *>(parser->_private);
        reader->context = parser; // for xmlStopParser
        return reader;
    }

    void stopIfCut()
    {
        if (writer->isCut())
            xmlStopParser(context);
    }

    void flush()
    {
        if (pendingText.isEmpty())
            return;
        writer->text(QString::fromUtf8(pendingText));
        pendingText.clear();
    }

    // An attribute's value: the first one of that name, as libxml2 decoded it. Its quotes
    // arrive as characters (LibxmlHtmlInput turned them into references), so a quoted value is
    // read here.
    static QString attribute(const xmlChar **attributes, const char *name)
    {
        for (const xmlChar **a = attributes; a && a[0]; a += 2) {
            if (std::strcmp(reinterpret_cast<const char *>(a[0]), name) != 0)
                continue;
            if (!a[1])
                return {};
            const QString value = QString::fromUtf8(reinterpret_cast<const char *>(a[1]));
            if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) {
                const qsizetype close = value.indexOf(value.front(), 1);
                return value.mid(1, close < 0 ? -1 : close - 1);
            }
            return value;
        }
        return {};
    }

    // Whom a mention names: "all" for Webex's group mention, else the person's id; empty when
    // it is neither (the text stays, unmarked). Webex writes <spark-mention data-object-type
    // data-object-id>; a message sanitised before comes back as <span data-mention>.
    static QString mentioned(const xmlChar *name, const xmlChar **attributes)
    {
        QString who;
        if (std::strcmp(reinterpret_cast<const char *>(name), "span") == 0) {
            who = attribute(attributes, "data-mention");
        } else {
            const QString type = attribute(attributes, "data-object-type");
            who = type == QLatin1String("groupMention") ? QStringLiteral("all")
                  : type == QLatin1String("person")     ? attribute(attributes, "data-object-id")
                                                        : QString();
        }
        return isWebexIdText(who) ? who : QString();
    }

    static void startElement(void *context, const xmlChar *name, const xmlChar **attributes)
    {
        Reader *r = of(context);
        r->flush();
        if (r->dropped > 0) {
            ++r->dropped;
            return;
        }
        if (r->open.size() >= std::size_t(SafeHtml::MaxParseDepth)) {
            r->writer->cut(SafeHtmlWriter::Cut::NestedTooDeep);
            ++r->dropped;
            r->stopIfCut();
            return;
        }
        const Rule *rule = ruleFor(name);
        switch (rule ? rule->action : Action::Transparent) {
        case Action::DropWithContent:
            r->dropped = 1;
            return;
        case Action::Keep:
            r->writer->open(rule->element);
            r->open.push_back(true);
            break;
        case Action::Link:
            r->writer->openLink(attribute(attributes, "href"));
            r->open.push_back(true);
            break;
        case Action::Mention: {
            const QString who = mentioned(name, attributes);
            if (!who.isEmpty())
                r->writer->openMention(who);
            r->open.push_back(!who.isEmpty());
            break;
        }
        case Action::LineBreak:
            r->writer->lineBreak();
            r->open.push_back(false);
            break;
        case Action::Transparent:
            r->open.push_back(false);
            break;
        }
        r->stopIfCut();
    }

    static void endElement(void *context, const xmlChar *)
    {
        Reader *r = of(context);
        r->flush();
        if (r->dropped > 0) {
            --r->dropped;
            return;
        }
        if (r->open.empty())
            return;
        const bool written = r->open.back();
        r->open.pop_back();
        if (written)
            r->writer->close();
    }

    static void characters(void *context, const xmlChar *text, int length)
    {
        Reader *r = of(context);
        if (r->dropped > 0)
            return;
        r->pendingText.append(reinterpret_cast<const char *>(text), length);
        if (r->pendingText.size() >= 4096) {
            r->flush();
            r->stopIfCut();
        }
    }

    static void ignoreError(void *, xmlErrorPtr) {}
};

void initialiseLibxml()
{
    // xmlInitParser sets up libxml2's global tables; once, before any thread parses.
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialised)
}

// libxml2's SAX handler with our callbacks only: nothing is built, nothing is printed.
htmlSAXHandler handlerWith(startElementSAXFunc startElement, endElementSAXFunc endElement,
                           charactersSAXFunc characters)
{
    htmlSAXHandler handler;
    std::memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC; // so that libxml2 calls serror
    handler.startElement = startElement;
    handler.endElement = endElement;
    handler.characters = characters;
    handler.ignorableWhitespace = characters; // whitespace is text here
    handler.cdataBlock = characters;          // script and style: dropped anyway
    handler.serror = &Reader::ignoreError;
    return handler;
}

// Parses html with handler, private as the context's _private.
void parseWith(const QByteArray &html, const htmlSAXHandler &handler, void *priv)
{
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(html.constData(), int(html.size()));
    if (!context)
        return;
    *context->sax = handler;
    context->_private = priv;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    if (context->myDoc)
        xmlFreeDoc(context->myDoc);
    context->myDoc = nullptr;
    htmlFreeParserCtxt(context);
}

// Which of the writer's elements libxml2 ends by itself when another starts ("<p>a<ul>"),
// asked of the libxml2 we run with rather than copied from one version's table: for each pair,
// does "<body><open>x<starting>" report the end of open before the start of starting?
SafeHtmlWriter::ImpliedEnds libxmlImpliedEnds()
{
    struct Probe
    {
        QByteArray open;
        bool opened = false;
        bool decided = false;    // open ended, or something started inside it
        bool endedFirst = false; // open ended before anything started inside it
        static Probe *of(void *context)
        {
            return static_cast<Probe *>(static_cast<htmlParserCtxtPtr>(context)->_private);
        }
        static void start(void *context, const xmlChar *name, const xmlChar **)
        {
            Probe *p = of(context);
            if (!p->opened)
                p->opened = p->open == reinterpret_cast<const char *>(name);
            else
                p->decided = true;
        }
        static void end(void *context, const xmlChar *name)
        {
            Probe *p = of(context);
            if (p->opened && !p->decided && p->open == reinterpret_cast<const char *>(name))
                p->decided = p->endedFirst = true;
        }
    };
    const htmlSAXHandler handler = handlerWith(&Probe::start, &Probe::end, nullptr);
    SafeHtmlWriter::ImpliedEnds ends;
    for (int o = 0; o < SafeHtmlWriter::ElementCount; ++o) {
        const auto open = Element(o);
        for (int s = 0; s < SafeHtmlWriter::ElementCount; ++s) {
            const auto starting = Element(s);
            Probe probe;
            const QLatin1String startingName = SafeHtmlWriter::nameOf(starting);
            probe.open = QByteArray(SafeHtmlWriter::nameOf(open).data(),
                                    SafeHtmlWriter::nameOf(open).size());
            parseWith(QByteArrayLiteral("<body><") + probe.open + ">x<" +
                          QByteArray(startingName.data(), startingName.size()) + ">y",
                      handler, &probe);
            if (probe.endedFirst)
                ends.add(starting, open);
        }
    }
    return ends;
}

void parse(const QByteArray &html, SafeHtmlWriter *writer)
{
    Reader reader;
    reader.writer = writer;
    static const htmlSAXHandler handler =
        handlerWith(&Reader::startElement, &Reader::endElement, &Reader::characters);
    parseWith(html, handler, &reader);
    reader.flush();
}

} // namespace

QString HtmlSanitiser::sanitise(const QString &html, const SafeHtmlWriter::Limits &limits,
                                bool *cut)
{
    initialiseLibxml();
    static const SafeHtmlWriter::ImpliedEnds impliedEnds = libxmlImpliedEnds();
    SafeHtmlWriter writer(limits, impliedEnds);
    QByteArray utf8 = html.toUtf8();
    const bool tooLong = Utf8::truncate(&utf8, SafeHtml::MaxHtmlInputBytes);
    parse(QByteArrayLiteral("<body>") +
              LibxmlHtmlInput::prepare(CharacterReferences::toNumeric(utf8)),
          &writer);
    if (tooLong)
        writer.cut(SafeHtmlWriter::Cut::TooLong);
    if (cut)
        *cut = writer.isCut();
    return writer.finish();
}
