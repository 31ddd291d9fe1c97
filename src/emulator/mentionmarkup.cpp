#include "mentionmarkup.h"

#include "seeddata.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

// What Webex's clients show for a mention of everyone. (The word `text` carries for `<@all>` is
// not verified; the html's is the one Webex's own widgets write.)
const QString kEveryone = QStringLiteral("All");

// A crude plain-text rendition of markdown, enough for clients that show `text`.
QString plainText(QString markdown)
{
    return markdown.remove(QLatin1Char('*')).remove(QLatin1Char('_')).remove(QLatin1Char('`'));
}

} // namespace

QString MentionMarkup::personHtml(const QString &id, const QString &name)
{
    return QStringLiteral("<spark-mention data-object-type=\"person\" data-object-id=\"%1\">%2"
                          "</spark-mention>")
        .arg(id, name.toHtmlEscaped());
}

QString MentionMarkup::everyoneHtml()
{
    return QStringLiteral("<spark-mention data-object-type=\"groupMention\" "
                          "data-group-type=\"all\">%1</spark-mention>")
        .arg(kEveryone);
}

MentionMarkup::Content MentionMarkup::leading(const SeedData &data, const QList<int> &people,
                                              bool all, const QString &text)
{
    Content content;
    QStringList names;
    QStringList tags;
    QStringList elements;
    for (int index : people) {
        const SeedData::Person &p = data.people().at(index);
        names << p.displayName;
        tags << QStringLiteral("<@personId:%1|%2>").arg(p.id, p.displayName);
        elements << personHtml(p.id, p.displayName);
        if (!content.people.contains(index))
            content.people.append(index);
    }
    if (all) {
        names << kEveryone;
        tags << QStringLiteral("<@all>");
        elements << everyoneHtml();
        content.all = true;
    }
    if (names.isEmpty()) {
        content.text = text;
        return content;
    }
    const QLatin1Char space(' ');
    content.text = names.join(space) + space + text;
    content.markdown = tags.join(space) + space + text;
    content.html = QStringLiteral("<p>") + elements.join(space) + space + text.toHtmlEscaped() +
                   QStringLiteral("</p>");
    return content;
}

MentionMarkup::Content MentionMarkup::fromMarkdown(const SeedData &data, const QString &markdown)
{
    // <@personEmail:address|Name>, <@personId:id|Name> (the name optional) or <@all>.
    static const QRegularExpression tag(
        QStringLiteral("<@(?:(personEmail|personId):([^|>]+)(?:\\|([^>]*))?|all)>"));
    Content content;
    content.markdown = markdown;
    QString html;
    qsizetype done = 0;
    for (auto it = tag.globalMatch(markdown); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString before = markdown.mid(done, match.capturedStart() - done);
        content.text += plainText(before);
        html += before.toHtmlEscaped();
        done = match.capturedEnd();

        if (match.capturedLength(1) == 0) { // <@all>
            content.text += kEveryone;
            html += everyoneHtml();
            content.all = true;
            continue;
        }
        const QString who = match.captured(2).trimmed();
        const int person = match.captured(1) == QLatin1String("personEmail")
                               ? data.personByEmail(who)
                               : data.personIndex(who);
        if (person < 0) {
            // Nobody the emulator knows: the tag stays as written. (What Webex does with one is
            // not known here.)
            content.text += match.captured(0);
            html += match.captured(0).toHtmlEscaped();
            continue;
        }
        const SeedData::Person &p = data.people().at(person);
        const QString name = match.captured(3).isEmpty() ? p.displayName : match.captured(3);
        content.text += name;
        html += personHtml(p.id, name);
        if (!content.people.contains(person))
            content.people.append(person);
    }
    const QString rest = markdown.mid(done);
    content.text += plainText(rest);
    html += rest.toHtmlEscaped();
    content.html = QStringLiteral("<p>") + html + QStringLiteral("</p>");
    return content;
}
