#include "model/safehtmlwriter.h"

#include "model/linkrule.h"

namespace {

using Element = SafeHtmlWriter::Element;

bool isBlock(Element element)
{
    switch (element) {
    case Element::Preformatted:
    case Element::Paragraph:
    case Element::BulletList:
    case Element::NumberedList:
    case Element::ListItem:
    case Element::Quote:
        return true;
    default:
        return false;
    }
}

// What one character is written as, as QString::toHtmlEscaped writes it.
QLatin1String escaped(QChar c)
{
    switch (c.unicode()) {
    case '<':
        return QLatin1String("&lt;");
    case '>':
        return QLatin1String("&gt;");
    case '&':
        return QLatin1String("&amp;");
    case '"':
        return QLatin1String("&quot;");
    default:
        return QLatin1String();
    }
}

qsizetype endTagLength(QLatin1String name)
{
    return name.size() + 3; // "</" name ">"
}

} // namespace

QLatin1String SafeHtmlWriter::nameOf(Element element)
{
    switch (element) {
    case Element::Bold:
        return QLatin1String("b");
    case Element::Strong:
        return QLatin1String("strong");
    case Element::Italic:
        return QLatin1String("i");
    case Element::Emphasis:
        return QLatin1String("em");
    case Element::Underline:
        return QLatin1String("u");
    case Element::Strike:
        return QLatin1String("s");
    case Element::Code:
        return QLatin1String("code");
    case Element::Preformatted:
        return QLatin1String("pre");
    case Element::Paragraph:
        return QLatin1String("p");
    case Element::BulletList:
        return QLatin1String("ul");
    case Element::NumberedList:
        return QLatin1String("ol");
    case Element::ListItem:
        return QLatin1String("li");
    case Element::Quote:
        return QLatin1String("blockquote");
    }
    return QLatin1String("p");
}

void SafeHtmlWriter::ImpliedEnds::add(Element starting, Element ended)
{
    m_endedBy[std::size_t(starting)] |= std::uint32_t(1) << int(ended);
}

bool SafeHtmlWriter::ImpliedEnds::ends(Element starting, Element open) const
{
    return m_endedBy[std::size_t(starting)] & (std::uint32_t(1) << int(open));
}

SafeHtmlWriter::Limits SafeHtmlWriter::Limits::forMessage()
{
    return {SafeHtml::MaxTextLength,
            SafeHtml::MaxOutputLength,
            SafeHtml::MaxNesting,
            SafeHtml::MaxBlocks,
            SafeHtml::MaxListItems,
            SafeHtml::MaxInlineElements,
            false,
            true};
}

SafeHtmlWriter::Limits SafeHtmlWriter::Limits::forPreview()
{
    return {SafeHtml::PreviewTextLength,
            SafeHtml::PreviewOutputLength,
            SafeHtml::MaxNesting,
            SafeHtml::PreviewBlocks,
            SafeHtml::PreviewListItems,
            SafeHtml::PreviewInlineElements,
            true,
            false};
}

void SafeHtmlWriter::push(QString tag, QLatin1String name, std::optional<Element> element,
                          Kind kind)
{
    m_open.push_back(
        Open{std::move(tag), name, element, kind, m_cut ? State::LeftOut : State::Pending});
}

void SafeHtmlWriter::open(Element element)
{
    const QLatin1String name = nameOf(element);
    const Kind kind = element == Element::ListItem ? Kind::ListItem
                      : isBlock(element)           ? Kind::Block
                                                   : Kind::Inline;
    push(QString(name), name, element, kind);
}

void SafeHtmlWriter::openLink(const QString &target)
{
    const QString href = LinkRule::openableHref(target);
    push(href.isEmpty() ? QString()
                        : QStringLiteral("a href=\"") + href.toHtmlEscaped() + QLatin1Char('"'),
         QLatin1String("a"), std::nullopt, Kind::Link);
}

void SafeHtmlWriter::openMention(const QString &who)
{
    push(QStringLiteral("span data-mention=\"") + who.toHtmlEscaped() + QLatin1Char('"'),
         QLatin1String("span"), std::nullopt, Kind::Inline);
}

void SafeHtmlWriter::close()
{
    if (m_open.empty())
        return;
    Open element = std::move(m_open.back());
    m_open.pop_back();
    m_firstPending = std::min(m_firstPending, m_open.size());
    if (element.state != State::Written)
        return;
    writeEnd(&element);
}

// Writes the end tag of the innermost written element.
void SafeHtmlWriter::writeEnd(Open *element)
{
    m_out += QLatin1String("</");
    m_out += element->name;
    m_out += QLatin1Char('>');
    element->state = State::Ended;
    m_written.pop_back();
    m_closingLength -= endTagLength(element->name);
    if (element->kind == Kind::Link)
        m_inLink = false;
    if (element->kind != Kind::Inline && element->kind != Kind::Link)
        m_lineHasText = false; // the next text starts a new line anyway
}

// Takes back the start tag of the innermost written element, with nothing written after it.
void SafeHtmlWriter::unwrite(Open *element)
{
    m_out.truncate(element->start);
    element->state = State::Ended;
    m_written.pop_back();
    m_closingLength -= endTagLength(element->name);
    switch (element->kind) {
    case Kind::Link:
    case Kind::Inline:
        --m_inlineElements;
        break;
    case Kind::ListItem:
        --m_listItems;
        --m_blocks;
        break;
    case Kind::Block:
        --m_blocks;
        break;
    }
}

// Ends the written elements a parser would end when `starting` starts, innermost first: each
// element is ended at most once, so this stays linear. One with nothing inside yet (written
// just now, on the way to `starting`) is taken back instead: an empty element would be left
// out when read again.
void SafeHtmlWriter::endImpliedBy(const Open &starting)
{
    if (!starting.element)
        return;
    const bool block = starting.kind == Kind::Block || starting.kind == Kind::ListItem;
    while (!m_written.empty()) {
        Open &open = m_open[m_written.back()];
        // A mention is a name: a block inside it ends it here, whatever the parser did, so that
        // the mention reads back the same (a parser may end a <span> where it would not end
        // Webex's <spark-mention>).
        const bool mentionEnded = block && open.kind == Kind::Inline && !open.element;
        if (!mentionEnded &&
            (!open.element || !m_impliedEnds.ends(*starting.element, *open.element)))
            return;
        if (m_out.size() == open.start + open.tag.size() + 2)
            unwrite(&open);
        else
            writeEnd(&open);
    }
}

bool SafeHtmlWriter::fits(qsizetype length) const
{
    return m_out.size() + length + m_closingLength <= m_limits.maxOutputLength;
}

// A line break where a block left out would have started a new line, unless the line is
// empty anyway (so that a thousand nested blocks left out do not make a thousand empty lines).
bool SafeHtmlWriter::separateLine()
{
    if (!m_lineHasText)
        return true;
    if (m_textLength + 1 > m_limits.maxTextLength || m_blocks >= m_limits.maxBlocks || !fits(4)) {
        cut(Cut::TooLong);
        return false;
    }
    m_out += QLatin1String("<br>");
    ++m_textLength;
    ++m_blocks;
    m_lineHasText = false;
    return true;
}

bool SafeHtmlWriter::writeOpen(Open *element)
{
    const bool block = element->kind == Kind::Block || element->kind == Kind::ListItem;
    bool leaveOut = element->tag.isEmpty() || (element->kind == Kind::Link && m_inLink) ||
                    m_written.size() >= std::size_t(m_limits.maxNesting);
    // Too many of a kind QTextDocument lays out slowly in numbers (list items: time grows with
    // the square of their count; inline elements: with the square of those in one paragraph).
    const bool tooMany =
        (element->kind == Kind::ListItem && m_listItems >= m_limits.maxListItems) ||
        ((element->kind == Kind::Inline || element->kind == Kind::Link) &&
         m_inlineElements >= m_limits.maxInlineElements);
    if (tooMany && m_limits.stopAtEveryLimit) {
        cut(Cut::TooLong);
        return false;
    }
    leaveOut = leaveOut || tooMany;
    if (block && !leaveOut && m_blocks >= m_limits.maxBlocks) {
        cut(Cut::TooLong);
        return false;
    }
    if (leaveOut) {
        element->state = State::LeftOut;
        return !block || separateLine();
    }
    endImpliedBy(*element);
    const qsizetype closing = endTagLength(element->name);
    if (!fits(element->tag.size() + 2 + closing)) {
        cut(Cut::TooLong);
        return false;
    }
    element->start = m_out.size();
    m_out += QLatin1Char('<');
    m_out += element->tag;
    m_out += QLatin1Char('>');
    element->state = State::Written;
    m_written.push_back(std::size_t(element - m_open.data()));
    m_closingLength += closing;
    switch (element->kind) {
    case Kind::Link:
        m_inLink = true;
        ++m_inlineElements;
        break;
    case Kind::Inline:
        ++m_inlineElements;
        break;
    case Kind::ListItem:
        ++m_listItems;
        ++m_blocks;
        m_lineHasText = false;
        break;
    case Kind::Block:
        ++m_blocks;
        m_lineHasText = false;
        break;
    }
    return true;
}

// Writes the elements opened since the last visible content, now that something visible goes
// inside them, or leaves them out.
bool SafeHtmlWriter::writeOpenElements()
{
    for (; m_firstPending < m_open.size(); ++m_firstPending) {
        Open &element = m_open[m_firstPending];
        if (element.state == State::Pending && !writeOpen(&element))
            return false;
    }
    return true;
}

void SafeHtmlWriter::text(QStringView text)
{
    if (m_cut || text.isEmpty() || !writeOpenElements())
        return;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A surrogate pair is one character: never cut between its halves.
        const qsizetype units =
            text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate() ? 2
                                                                                             : 1;
        const QChar c = text[i];
        const QLatin1String escape = escaped(c);
        const qsizetype length = escape.isEmpty() ? units : escape.size();
        if (m_textLength + units > m_limits.maxTextLength || !fits(length)) {
            cut(Cut::TooLong);
            return;
        }
        // Control characters (but tab and line ends) and non-characters show as U+FFFD, as
        // libxml2's input has them (LibxmlHtmlInput): markdown and plain text may hold them too.
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') ||
            c.unicode() == 0xFFFE || c.unicode() == 0xFFFF)
            m_out.append(QChar(QChar::ReplacementCharacter));
        else if (escape.isEmpty())
            m_out.append(text.mid(i, units));
        else
            m_out.append(escape);
        m_textLength += units;
        i += units - 1;
    }
    m_lineHasText = true;
}

void SafeHtmlWriter::lineBreak()
{
    if (m_cut || !writeOpenElements())
        return;
    if (m_textLength + 1 > m_limits.maxTextLength || m_blocks >= m_limits.maxBlocks || !fits(4)) {
        cut(Cut::TooLong);
        return;
    }
    m_out += QLatin1String("<br>");
    ++m_textLength;
    ++m_blocks;
    m_lineHasText = false;
}

void SafeHtmlWriter::cut(Cut reason)
{
    if (!m_cut)
        m_cut = reason;
}

QString SafeHtmlWriter::finish()
{
    while (!m_open.empty())
        close();
    if (m_cut && m_limits.writeNote) {
        m_out += QLatin1String("<p><i>");
        m_out += SafeHtml::noteFor(*m_cut).toHtmlEscaped();
        m_out += QLatin1String("</i></p>");
    }
    return std::move(m_out);
}
