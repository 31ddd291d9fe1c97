#pragma once

#include "model/safehtml.h"

#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

// Writes the rich text SafeHtml returns, whatever produced it (libxml2's reading of Webex HTML,
// md4c's of markdown, plain text): the one place that markup is written, so the allow-list, the
// link rule and the limits hold for every source.
//
// - Only the elements of Element, written as "<name>" without attributes, and links
//   ("<a href=\"...\">") whose target passes LinkRule. Text is escaped.
// - An element is written only once something visible is inside it (text or a line break):
//   "<b></b>" repeated 100,000 times costs the document nothing.
// - The limits (Limits) bound what QTextDocument will have to lay out. Past the nesting limit,
//   and in a whole message past the list-item and inline-element limits, elements are left out
//   and their text kept (a block left out still starts a new line). Past the others (text,
//   output, blocks; in a preview, all of them) writing stops: finish() then ends a message with
//   SafeHtml::noteFor, and isCut() tells a preview's caller that there is more.
// - A link is never written inside a link.
// - An element that an HTML parser would end by itself when the next one starts (ImpliedEnds:
//   "<p>a<ul>" ends the paragraph) is ended first, so that what is written reads back as
//   written: markup between them that was left out (an unknown element, say) no longer hides it.
//
// Callers open and close elements in pairs; close() closes the innermost one they opened.
// Every operation takes time proportional to what it writes, so a writer is linear in its input.
class SafeHtmlWriter
{
public:
    enum class Element {
        Bold,
        Strong,
        Italic,
        Emphasis,
        Underline,
        Strike,
        Code,
        Preformatted,
        Paragraph,
        BulletList,
        NumberedList,
        ListItem,
        Quote,
    };
    static constexpr int ElementCount = int(Element::Quote) + 1;
    [[nodiscard]] static QLatin1String nameOf(Element element);

    // Which open element a parser ends by itself when another element starts.
    class ImpliedEnds
    {
    public:
        void add(Element starting, Element ended);
        [[nodiscard]] bool ends(Element starting, Element open) const;

    private:
        std::array<std::uint32_t, ElementCount> m_endedBy{}; // bit `open` of [starting]
    };
    using Cut = SafeHtml::Shortened;

    struct Limits
    {
        qsizetype maxTextLength;   // characters of text; a line break counts as one
        qsizetype maxOutputLength; // characters of markup and text, end tags included
        int maxNesting;            // elements open at once
        int maxBlocks;             // paragraphs, list items, quotes, lists, code blocks, breaks
        int maxListItems;
        int maxInlineElements; // b, i, u, s, code, strong, em, a
        bool stopAtEveryLimit; // a preview: stop where a list item or inline element is too many
        bool writeNote;        // a message: end with SafeHtml::noteFor when cut

        static Limits forMessage();
        static Limits forPreview();
    };

    explicit SafeHtmlWriter(const Limits &limits = Limits::forMessage()) : m_limits(limits) {}
    SafeHtmlWriter(const Limits &limits, const ImpliedEnds &impliedEnds)
        : m_limits(limits), m_impliedEnds(impliedEnds)
    {}

    void open(Element element);
    // A link to target (decoded, not yet checked). A refused target opens nothing visible: the
    // text inside stays, without a link.
    void openLink(const QString &target);
    // A mention of `who` (a person's Webex id, or "all"; checked by the caller): <span
    // data-mention="who">, which the message view styles (yours apart from others').
    void openMention(const QString &who);
    void close();
    void text(QStringView text);
    void lineBreak();

    // Stops writing: everything after this is left out, and finish() says why. The first cut
    // counts. Input cut before parsing is reported the same way.
    void cut(Cut reason);
    [[nodiscard]] bool isCut() const { return m_cut.has_value(); }

    // The result: what was written, the elements still open closed, and the note if cut.
    [[nodiscard]] QString finish();

private:
    // Ended: written, then ended before a later element (ImpliedEnds); close() writes nothing.
    enum class State { Pending, Written, LeftOut, Ended };
    enum class Kind { Inline, Block, ListItem, Link };
    struct Open
    {
        QString tag;                    // "b", "a href=\"...\"", or empty for a refused link
        QLatin1String name;             // "b", "a"
        std::optional<Element> element; // none for a link
        Kind kind;
        State state = State::Pending;
        qsizetype start = 0; // where its start tag is in m_out, once written
    };

    void push(QString tag, QLatin1String name, std::optional<Element> element, Kind kind);
    void writeEnd(Open *element);
    void unwrite(Open *element);
    void endImpliedBy(const Open &starting);
    bool writeOpenElements();
    bool writeOpen(Open *element);
    bool separateLine();
    bool fits(qsizetype length) const;

    Limits m_limits;
    QString m_out;
    std::vector<Open> m_open;
    ImpliedEnds m_impliedEnds;
    std::size_t m_firstPending = 0;     // m_open[0, m_firstPending) are no longer pending
    std::vector<std::size_t> m_written; // indices into m_open of the Written ones, in order
    qsizetype m_closingLength = 0;      // of the end tags the written elements will need
    bool m_inLink = false;              // a written <a> is open
    bool m_lineHasText = false;         // text was written since the last block or line break
    qsizetype m_textLength = 0;
    int m_blocks = 0;
    int m_listItems = 0;
    int m_inlineElements = 0;
    std::optional<Cut> m_cut;
};
