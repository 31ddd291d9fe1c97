#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class Message;

// Webex html/markdown to rich text Qt's QTextDocument may show. Message content comes from other
// people and is untrusted: a QLabel or QTextBrowser would load <img src> and style url()
// resources and honour any attribute, so everything not on a short allow-list is dropped, and
// what is kept is re-written from scratch (never passed through).
class SafeHtml
{
public:
    // Keeps only b/strong/i/em/u/s/code/pre/p/br/ul/ol/li/blockquote/a (href http(s)/mailto only,
    // no other attributes); drops script/style/iframe/img/object CONTENT and all event/style
    // attributes; no remote content can be loaded from the result.
    [[nodiscard]] static QString fromWebexHtml(const QString &html);

    // Escaped, newlines to <br>, http(s) links made clickable.
    [[nodiscard]] static QString fromPlainText(const QString &text);

    // A small markdown subset (**bold**, *em*, _em_, `code`, ```blocks```, [text](url), bare
    // links, - / * / 1. lists, > quotes) rendered by the same rules as fromWebexHtml. Not
    // QTextDocument::setMarkdown: that needs QtGui, and core has none.
    [[nodiscard]] static QString fromMarkdown(const QString &markdown);

    // html if present, else markdown rendered by the same rules, else text.
    [[nodiscard]] static QString forMessage(const Message &m);

    // The targets of the links in rich text made by the functions above, in reading order, each
    // once. Every href is checked again by the same rule (http and https with a host, mailto
    // with an address), so whatever else an <a> carries is never returned: what comes back may
    // be opened. This is how the app offers links to the keyboard and screen readers without
    // parsing markup itself.
    [[nodiscard]] static QList<QUrl> links(const QString &safeHtml);
};
