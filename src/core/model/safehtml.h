#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class Message;

// Webex html/markdown to rich text Qt's QTextDocument may show. Message content comes from other
// people and is untrusted: a QLabel or QTextBrowser would load <img src> and style url()
// resources and honour any attribute, so everything not on a short allow-list is dropped, and
// what is kept is re-written from scratch (never passed through).
//
// Parsing is done by maintained libraries: HTML by libxml2's HTML parser, markdown by md4c
// (the parser QTextDocument itself uses). Every function takes time linear in the size of its
// input, and what it returns is bounded (the limits below), so no message can stall the thread
// that sanitises it or the one that lays it out. A message cut by a limit ends with a sentence
// saying so (noteFor). docs/RELIABILITY.md, "Message markup", explains each limit.
// All functions are safe to call from several threads at once.
class SafeHtml
{
public:
    // Input past these sizes is cut before it is parsed. Webex refuses messages over 7439 bytes
    // of markdown, so real messages are far below them (its HTML of such a message, every
    // character escaped, is under 50 KB). libxml2 spends up to about 0.15 us a byte on hostile
    // HTML (an error for each of 30,000 stray end tags), so 128 KiB is at most about 20 ms.
    static constexpr qsizetype MaxHtmlInputBytes = 128 * 1024;
    // md4c spends up to about a microsecond a byte on hostile markdown ("[" repeated): 32 KiB,
    // four times Webex's limit, keeps that to tens of milliseconds.
    static constexpr qsizetype MaxMarkdownInputBytes = 32 * 1024;
    static constexpr qsizetype MaxPlainTextInputLength = 64 * 1024;
    // What the result holds at most: characters of text (a line break counts as one),
    // characters of markup and text together (the note comes on top), and blocks (paragraphs,
    // list items, quotes, lists, code blocks and line breaks). Past these the message is cut.
    static constexpr qsizetype MaxTextLength = 32 * 1024;
    static constexpr qsizetype MaxOutputLength = 128 * 1024;
    static constexpr int MaxBlocks = 4096;
    // Past these, elements are left out and their text kept (a list item still starts a line):
    // elements open at once, list items (QTextDocument takes time that grows with the square of
    // their number: 1,000 took 76 ms, 4,000 a second) and inline elements (b, i, u, s, code,
    // strong, em, a: with the square of their number in one paragraph).
    static constexpr int MaxNesting = 32;
    static constexpr int MaxListItems = 256;
    static constexpr int MaxInlineElements = 1024;
    // Elements libxml2 may hold open while parsing; deeper markup ends the message there.
    static constexpr int MaxParseDepth = 256;

    // What preview() keeps: about a frame's worth of layout for QTextDocument.
    static constexpr qsizetype PreviewTextLength = 4096;
    static constexpr qsizetype PreviewOutputLength = 32 * 1024;
    static constexpr int PreviewBlocks = 100;
    static constexpr int PreviewListItems = 50;
    static constexpr int PreviewInlineElements = 256;

    enum class Shortened { TooLong, NestedTooDeep };

    // Keeps only b/strong/i/em/u/s/code/pre/p/br/ul/ol/li/blockquote/a (href http(s)/mailto only,
    // no other attributes); drops script/style/iframe/img/object CONTENT and all event/style
    // attributes; no remote content can be loaded from the result. Every HTML5 named character
    // reference is understood.
    [[nodiscard]] static QString fromWebexHtml(const QString &html);

    // Escaped, newlines to <br>, http(s) links made clickable.
    [[nodiscard]] static QString fromPlainText(const QString &text);

    // Markdown (CommonMark as md4c reads it, with ~~strike~~ and bare http(s) links found as in
    // plain text; no raw HTML, no indented code blocks: only fenced ones) rendered by the same
    // rules as fromWebexHtml. A line break is a line break, as in a chat. Not
    // QTextDocument::setMarkdown: that needs QtGui, and core has none.
    [[nodiscard]] static QString fromMarkdown(const QString &markdown);

    // html if present, else markdown rendered by the same rules, else text.
    [[nodiscard]] static QString forMessage(const Message &m);

    // The targets of the links in rich text made by the functions above, in reading order, each
    // once. Every href is checked again by the same rule (http and https with a host, mailto
    // with an address), so whatever else an <a> carries is never returned: what comes back may
    // be opened. This is how the app offers links to the keyboard and screen readers without
    // parsing markup itself. Linear in the size of safeHtml, whatever it holds.
    [[nodiscard]] static QList<QUrl> links(const QString &safeHtml);

    // The beginning of rich text made by the functions above, small enough to lay out within a
    // frame (the Preview limits), cut where the first limit is reached, without a note; *whole
    // is set to whether nothing was left out, and then safeHtml itself is returned.
    // MessageItemDelegate shows a preview that is not whole with "Show more".
    [[nodiscard]] static QString preview(const QString &safeHtml, bool *whole);

    // The sentence that ends a message cut by a limit, in the user's language.
    [[nodiscard]] static QString noteFor(Shortened reason);
};
