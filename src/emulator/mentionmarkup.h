#pragma once

#include <QList>
#include <QString>

class SeedData;

/// Mentions as Webex writes them in a message's three forms (docs/webex-wire.md, "Mentions in a
/// message's html"): in markdown `<@personId:ID|Name>`, `<@personEmail:a@b.c|Name>` or
/// `<@all>`; in html `<spark-mention data-object-type="person" data-object-id="ID">Name
/// </spark-mention>` or `<spark-mention data-object-type="groupMention" data-group-type="all">
/// All</spark-mention>`; in text the name alone, where the tag was.
class MentionMarkup
{
public:
    /// A message's content with its mentions.
    struct Content
    {
        QString text;
        QString markdown;
        QString html;
        QList<int> people; ///< Who is mentioned (indices into SeedData::people()), each once.
        bool all = false;  ///< Everyone is mentioned (`<@all>`): mentionedGroups ["all"].
    };

    /// `text` after mentions of `people` and, when `all`, of everyone: what a colleague posts.
    [[nodiscard]] static Content leading(const SeedData &data, const QList<int> &people, bool all,
                                         const QString &text);

    /// Markdown as a client sends it, its mention tags resolved: text (the names where the tags
    /// were, markdown's emphasis marks dropped), html and who is mentioned. The markdown stays as
    /// sent. A tag naming nobody the emulator knows stays as it was written, a mention of no one.
    [[nodiscard]] static Content fromMarkdown(const SeedData &data, const QString &markdown);

private:
    [[nodiscard]] static QString personHtml(const QString &id, const QString &name);
    [[nodiscard]] static QString everyoneHtml();
};
