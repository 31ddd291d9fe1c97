#include "hostilecontent.h"

#include <QJsonArray>

#include <algorithm>

QString HostileContent::displayName(qint64 utf8Bytes)
{
    // "Zoë Ωmega " is 13 bytes of UTF-8; the rest is made up with ASCII, so the size is exact.
    const QString unit = QStringLiteral("Zo\u00eb \u03a9mega ");
    const qint64 unitBytes = unit.toUtf8().size();
    const qint64 units = std::max<qint64>(utf8Bytes, 0) / unitBytes;
    QString name;
    name.reserve(qsizetype(units * unit.size() + unitBytes));
    for (qint64 i = 0; i < units; ++i)
        name += unit;
    name +=
        QString(qsizetype(std::max<qint64>(utf8Bytes, 0) - units * unitBytes), QLatin1Char('x'));
    return name;
}

namespace {

QString nested(const QString &open, const QString &close, const QString &inner, int depth)
{
    const int levels = std::max(depth, 0);
    QString html;
    html.reserve(qsizetype(levels) * (open.size() + close.size()) + inner.size());
    for (int i = 0; i < levels; ++i)
        html += open;
    html += inner;
    for (int i = 0; i < levels; ++i)
        html += close;
    return html;
}

} // namespace

QString HostileContent::nestedInlineHtml(int depth)
{
    return nested(QStringLiteral("<b><i>"), QStringLiteral("</i></b>"),
                  QStringLiteral("deep inside"), depth);
}

QString HostileContent::nestedBlockHtml(int depth)
{
    return nested(QStringLiteral("<blockquote><ul><li>"), QStringLiteral("</li></ul></blockquote>"),
                  QStringLiteral("deep inside"), depth);
}

QList<HostileContent::Title> HostileContent::titles()
{
    return {
        // Reads "invoiceexe.pdf" where the override is obeyed.
        {QStringLiteral("rlo"), QStringLiteral("invoice\u202efdp.exe")},
        // Unbalanced isolates and embeddings spill into whatever text follows the title.
        {QStringLiteral("bidi"), QStringLiteral("\u2067Quarterly \u202bnumbers\u200f")},
        {QStringLiteral("newlines"), QStringLiteral("First line\nSecond line\r\nThird line")},
        {QStringLiteral("nul"), QStringLiteral("Before") + QChar(0) + QStringLiteral("After")},
        // BEL, ESC (a terminal colour), DEL and the C1 controls NEL and CSI.
        {QStringLiteral("controls"),
         QStringLiteral("Bell\u0007 esc\u001b[31m red\u007f \u0085next \u009b31m")},
        {QStringLiteral("padded"), QStringLiteral("   Padded title   ")},
        {QStringLiteral("empty"), QString()},
        {QStringLiteral("blank"), QStringLiteral(" \t\u00a0 ")},
    };
}

QByteArray HostileContent::invalidUtf8Placeholder()
{
    return QByteArrayLiteral("webex-emulator: a title that is not UTF-8");
}

QByteArray HostileContent::invalidUtf8Title()
{
    return QByteArrayLiteral(
        "Caf\xc3 menu \xff\xfe r\xe9sum\xe9 \xed\xa0\x80 \xc0\xaf end \xf0\x9f\x98");
}

QJsonObject HostileContent::withWrongTypes(const QJsonObject &person)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), person.value(QStringLiteral("id")));
    o.insert(QStringLiteral("displayName"), 4711);
    o.insert(QStringLiteral("nickName"), QJsonArray{QStringLiteral("nick")});
    o.insert(QStringLiteral("firstName"), true);
    o.insert(QStringLiteral("lastName"), QJsonObject{{QStringLiteral("value"), 1}});
    o.insert(QStringLiteral("emails"),
             person.value(QStringLiteral("emails")).toArray().isEmpty()
                 ? QStringLiteral("someone@example.com")
                 : person.value(QStringLiteral("emails")).toArray().first().toString());
    o.insert(QStringLiteral("phoneNumbers"), QStringLiteral("+1 408 555 0000"));
    o.insert(QStringLiteral("avatar"), QJsonObject{{QStringLiteral("url"), 1600}});
    o.insert(QStringLiteral("orgId"), 1);
    o.insert(QStringLiteral("created"), 1700000000);
    o.insert(QStringLiteral("lastModified"), false);
    o.insert(QStringLiteral("lastActivity"), QJsonArray());
    o.insert(QStringLiteral("type"), 2);
    o.insert(QStringLiteral("status"), QJsonArray{QStringLiteral("active")});
    o.insert(QStringLiteral("timezone"), 3.5);
    o.insert(QStringLiteral("invitePending"), 0);
    o.insert(QStringLiteral("loginEnabled"), QStringLiteral("maybe"));
    return o;
}

QStringList HostileContent::fileNames()
{
    QString longName =
        QStringLiteral("..\\..\\Start Menu/x\u0001y\nz\r\u007f\tQ\u00fc\u00e9rterly/../");
    const QString ending = QStringLiteral(".pdf");
    longName += QString(300 - longName.size() - ending.size(), QLatin1Char('a'));
    longName += ending;
    return {QStringLiteral("../../.bashrc"), QStringLiteral("/etc/passwd"), longName};
}
