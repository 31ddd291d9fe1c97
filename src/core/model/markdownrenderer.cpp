#include "model/markdownrenderer.h"

#include "model/characterreferences.h"
#include "model/linkifiedtext.h"
#include "model/safehtml.h"
#include "model/safehtmlwriter.h"
#include "model/utf8.h"

#include <md4c.h>

namespace {

using Element = SafeHtmlWriter::Element;

QString fromUtf8(const MD_CHAR *text, MD_SIZE size)
{
    return QString::fromUtf8(text, qsizetype(size));
}

// A link's or image's target as md4c hands it over: pieces of text, references and NULs.
QString attributeText(const MD_ATTRIBUTE &attribute)
{
    QString out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET from = attribute.substr_offsets[i];
        const MD_OFFSET to = attribute.substr_offsets[i + 1];
        const QString piece = fromUtf8(attribute.text + from, to - from);
        switch (attribute.substr_types[i]) {
        case MD_TEXT_NULLCHAR:
            out += QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_ENTITY:
            out += CharacterReferences::decode(piece);
            break;
        default:
            out += piece;
            break;
        }
    }
    return out;
}

// md4c's callbacks to the writer. Each md4c block or span opens at most a fixed set of
// elements, so entering and leaving one open and close the same ones without a stack.
struct Renderer
{
    SafeHtmlWriter *writer = nullptr;
    // md4c hands text over in pieces (a reference is a piece of its own); they are joined here
    // so that a bare link is found whole, then written at the next block, span or line break.
    QString pendingText;
    int openLinks = 0; // links and images: their text is not searched for links
    bool inCodeBlock = false;
    // A code block's text ends with a line feed; it is written only if more text follows, so the
    // block does not end with an empty line.
    bool heldLineFeed = false;

    static Renderer *of(void *userdata)
    {
        Renderer *r = static_cast<Renderer *>(userdata);
        r->flush(); // every callback but text ends a piece of text
        return r;
    }

    void flush()
    {
        if (pendingText.isEmpty())
            return;
        if (openLinks > 0)
            writer->text(pendingText);
        else
            LinkifiedText::write(writer, pendingText);
        pendingText.clear();
    }
    int result() const { return writer->isCut() ? 1 : 0; } // non-zero stops md_parse

    static int enterBlock(MD_BLOCKTYPE type, void *, void *userdata)
    {
        Renderer *r = of(userdata);
        switch (type) {
        case MD_BLOCK_QUOTE:
            r->writer->open(Element::Quote);
            break;
        case MD_BLOCK_UL:
            r->writer->open(Element::BulletList);
            break;
        case MD_BLOCK_OL:
            r->writer->open(Element::NumberedList);
            break;
        case MD_BLOCK_LI:
            r->writer->open(Element::ListItem);
            break;
        case MD_BLOCK_H: // a chat line should not shout
        case MD_BLOCK_P:
            r->writer->open(Element::Paragraph);
            break;
        case MD_BLOCK_CODE:
            r->writer->open(Element::Preformatted);
            r->writer->open(Element::Code);
            r->inCodeBlock = true;
            r->heldLineFeed = false;
            break;
        default: // the document, rules, tables and raw HTML (neither is enabled): nothing
            break;
        }
        return r->result();
    }

    static int leaveBlock(MD_BLOCKTYPE type, void *, void *userdata)
    {
        Renderer *r = of(userdata);
        switch (type) {
        case MD_BLOCK_QUOTE:
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
        case MD_BLOCK_LI:
        case MD_BLOCK_H:
        case MD_BLOCK_P:
            r->writer->close();
            break;
        case MD_BLOCK_CODE:
            r->writer->close();
            r->writer->close();
            r->inCodeBlock = false;
            r->heldLineFeed = false;
            break;
        default:
            break;
        }
        return r->result();
    }

    static int enterSpan(MD_SPANTYPE type, void *detail, void *userdata)
    {
        Renderer *r = of(userdata);
        switch (type) {
        case MD_SPAN_EM:
            r->writer->open(Element::Italic);
            break;
        case MD_SPAN_STRONG:
            r->writer->open(Element::Bold);
            break;
        case MD_SPAN_A:
            r->writer->openLink(attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
            ++r->openLinks;
            break;
        case MD_SPAN_IMG: // never loaded: its description, linking to its address
            r->writer->openLink(attributeText(static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src));
            ++r->openLinks;
            break;
        case MD_SPAN_CODE:
            r->writer->open(Element::Code);
            break;
        case MD_SPAN_DEL:
            r->writer->open(Element::Strike);
            break;
        case MD_SPAN_U:
            r->writer->open(Element::Underline);
            break;
        default: // LaTeX and wiki links (not enabled): their text only
            break;
        }
        return r->result();
    }

    static int leaveSpan(MD_SPANTYPE type, void *, void *userdata)
    {
        Renderer *r = of(userdata);
        switch (type) {
        case MD_SPAN_A:
        case MD_SPAN_IMG:
            r->writer->close();
            --r->openLinks;
            break;
        case MD_SPAN_EM:
        case MD_SPAN_STRONG:
        case MD_SPAN_CODE:
        case MD_SPAN_DEL:
        case MD_SPAN_U:
            r->writer->close();
            break;
        default:
            break;
        }
        return r->result();
    }

    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
    {
        Renderer *r = static_cast<Renderer *>(userdata);
        if (type == MD_TEXT_NORMAL) {
            r->pendingText += fromUtf8(text, size);
            return r->result();
        }
        if (type == MD_TEXT_ENTITY) {
            r->pendingText += CharacterReferences::decode(fromUtf8(text, size));
            return r->result();
        }
        r->flush();
        switch (type) {
        case MD_TEXT_NULLCHAR:
            r->writer->text(u"\uFFFD");
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            r->writer->lineBreak();
            break;
        case MD_TEXT_CODE:
            if (r->inCodeBlock) {
                r->codeBlockText(fromUtf8(text, size));
                break;
            }
            r->writer->text(fromUtf8(text, size));
            break;
        default: // raw HTML never comes (MD_FLAG_NOHTML) and would be text too
            r->writer->text(fromUtf8(text, size));
            break;
        }
        return r->result();
    }

    void codeBlockText(QString text)
    {
        if (text.isEmpty())
            return;
        if (heldLineFeed) {
            writer->text(u"\n");
            heldLineFeed = false;
        }
        if (text.endsWith(QLatin1Char('\n'))) {
            text.chop(1);
            heldLineFeed = true;
        }
        writer->text(text);
    }
};

} // namespace

QString MarkdownRenderer::render(const QString &markdown)
{
    SafeHtmlWriter writer;
    QByteArray utf8 = markdown.toUtf8();
    const bool tooLong = Utf8::truncate(&utf8, SafeHtml::MaxMarkdownInputBytes);

    Renderer renderer;
    renderer.writer = &writer;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Not MD_FLAG_PERMISSIVEURLAUTOLINKS: md4c 0.4.8 searches the rest of the paragraph for
    // each bare link it finds (quadratic: 0.4 s for 256 KiB of them), ends links at quotes
    // later than plain text does, and wants a dot in the host. LinkifiedText finds them instead.
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = &Renderer::enterBlock;
    parser.leave_block = &Renderer::leaveBlock;
    parser.enter_span = &Renderer::enterSpan;
    parser.leave_span = &Renderer::leaveSpan;
    parser.text = &Renderer::text;
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &renderer);
    renderer.flush();

    if (tooLong)
        writer.cut(SafeHtml::Shortened::TooLong);
    return writer.finish();
}
