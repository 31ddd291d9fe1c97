#include "model/message.h"
#include "model/messagelistmodel.h"
#include "model/safehtml.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

// The links a message offers to the keyboard and to screen readers: SafeHtml::links takes them
// from sanitised rich text, MessageListModel hands them to the view (LinksRole) and says how
// many there are (AccessibleDescriptionRole). Only what may be opened comes out.
namespace {

QList<QUrl> urls(const QStringList &addresses)
{
    QList<QUrl> out;
    for (const QString &address : addresses)
        out.append(QUrl(address));
    return out;
}

Message message(const QString &id, const QString &html, const QString &markdown = {},
                const QString &text = QStringLiteral("text"))
{
    Message m;
    m.id = id;
    m.roomId = QStringLiteral("R1");
    m.html = html;
    m.markdown = markdown;
    m.text = text;
    m.personId = QStringLiteral("P1");
    m.personEmail = QStringLiteral("ada@example.com");
    m.created = QDateTime(QDate(2024, 3, 1), QTime(14, 5), QTimeZone(0));
    return m;
}

} // namespace

class TestMessageLinks : public QObject
{
    Q_OBJECT

private slots:
    void linksOfWebexHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("none") << QStringLiteral("<p>no links <b>here</b></p>") << QStringList();
        QTest::newRow("one") << QStringLiteral("<p>see <a href=\"https://example.com/a\">A</a></p>")
                             << QStringList{QStringLiteral("https://example.com/a")};
        QTest::newRow("reading order, each once")
            << QStringLiteral("<a href=\"https://b.example/\">b</a> "
                              "<a href=\"mailto:ada@example.com\">mail</a> "
                              "<a href=\"https://b.example/\">b again</a> "
                              "<a href=\"http://a.example/x?y=1&amp;z=2\">a</a>")
            << QStringList{QStringLiteral("https://b.example/"),
                           QStringLiteral("mailto:ada@example.com"),
                           QStringLiteral("http://a.example/x?y=1&z=2")};
        QTest::newRow("javascript, file, data and relative are not links")
            << QStringLiteral("<a href=\"javascript:alert(1)\">x</a>"
                              "<a href=\"java&#09;script:alert(1)\">x</a>"
                              "<a href=\"file:///etc/passwd\">f</a>"
                              "<a href=\"data:text/html,hi\">d</a>"
                              "<a href=\"/relative\">r</a>"
                              "<a href=\"https://ok.example/\">ok</a>")
            << QStringList{QStringLiteral("https://ok.example/")};
        QTest::newRow("other attributes ignored")
            << QStringLiteral("<a onclick=\"x()\" href='https://ok.example/p' title=t>ok</a>")
            << QStringList{QStringLiteral("https://ok.example/p")};
    }

    void linksOfWebexHtml()
    {
        QFETCH(QString, html);
        QFETCH(QStringList, expected);
        // Through the sanitiser, as the model does it.
        QCOMPARE(SafeHtml::links(SafeHtml::fromWebexHtml(html)), urls(expected));
    }

    void linksRecheckedEvenInUnsanitisedInput()
    {
        // links() does not trust its input to be sanitised: the scheme rule applies again.
        const QString raw = QStringLiteral("<a href=\"javascript:alert(1)\">x</a>"
                                           "<a href=\"file:///etc/passwd\">f</a>"
                                           "<a href=\"https://ok.example/\">ok</a>"
                                           "<a href=\"mailto:\">empty</a>");
        QCOMPARE(SafeHtml::links(raw), urls({QStringLiteral("https://ok.example/")}));
    }

    void linksOfMarkdownAndPlainText()
    {
        QCOMPARE(SafeHtml::links(SafeHtml::fromMarkdown(
                     QStringLiteral("[Docs](https://docs.example/x) and https://bare.example/y. "
                                    "[bad](javascript:alert(1))"))),
                 urls({QStringLiteral("https://docs.example/x"),
                       QStringLiteral("https://bare.example/y")}));
        QCOMPARE(SafeHtml::links(SafeHtml::fromPlainText(
                     QStringLiteral("go to https://plain.example/p?q=1, or file:///etc/passwd"))),
                 urls({QStringLiteral("https://plain.example/p?q=1")}));
    }

    void modelOffersLinksAndSaysHowMany()
    {
        MessageListModel model;
        model.setRoom(QStringLiteral("R1"));
        Message two = message(QStringLiteral("M2"),
                              QStringLiteral("<p><a href=\"https://a.example/\">a</a> "
                                             "<a href=\"javascript:x()\">no</a> "
                                             "<a href=\"mailto:b@example.com\">b</a></p>"));
        two.created = two.created.addSecs(60);
        QSignalSpy added(&model, &MessageListModel::pageAdded);
        model.addPage({two, message(QStringLiteral("M1"), QStringLiteral("<p>plain</p>"))}, false);
        QVERIFY(added.wait()); // sanitised off this thread
        QCOMPARE(model.rowCount(), 2);

        const QModelIndex plain = model.index(0);
        QVERIFY(plain.data(MessageListModel::LinksRole).value<QList<QUrl>>().isEmpty());
        const QString plainDescription = plain.data(Qt::AccessibleDescriptionRole).toString();
        QVERIFY2(plainDescription.startsWith(QStringLiteral("Sent ")),
                 qPrintable(plainDescription));
        QVERIFY2(!plainDescription.contains(QStringLiteral("link")), qPrintable(plainDescription));

        const QModelIndex linked = model.index(1);
        QCOMPARE(
            linked.data(MessageListModel::LinksRole).value<QList<QUrl>>(),
            urls({QStringLiteral("https://a.example/"), QStringLiteral("mailto:b@example.com")}));
        const QString description = linked.data(Qt::AccessibleDescriptionRole).toString();
        // Without a catalogue the plural reads "2 link(s)"; with the English one "2 links".
        QVERIFY2(description.contains(QStringLiteral("2 link")), qPrintable(description));
        QVERIFY2(description.contains(
                     QLocale().toString(two.created.toLocalTime(), QLocale::ShortFormat)),
                 qPrintable(description));
        QCOMPARE(model.roleNames().value(MessageListModel::LinksRole), QByteArray("links"));
    }

    void pendingMessagesHaveLinksAndSayTheirState()
    {
        MessageListModel model;
        model.setRoom(QStringLiteral("R1"));
        model.addPending(QStringLiteral("t1"), QStringLiteral("see https://pending.example/"),
                         QStringLiteral("P1"));
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(MessageListModel::LinksRole).value<QList<QUrl>>(),
                 urls({QStringLiteral("https://pending.example/")}));
        QVERIFY(
            row.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("Sending")));
        model.failPending(QStringLiteral("t1"), QStringLiteral("No network."));
        const QString failed = row.data(Qt::AccessibleDescriptionRole).toString();
        QVERIFY2(failed.contains(QStringLiteral("Not sent: No network.")), qPrintable(failed));
        QVERIFY2(!failed.contains(QStringLiteral("Sending")), qPrintable(failed));

        Message confirmed = message(QStringLiteral("M9"), QString(),
                                    QStringLiteral("see https://pending.example/ and "
                                                   "https://second.example/"));
        model.confirmPending(QStringLiteral("t1"), confirmed);
        // The links of what was written until Webex's copy is sanitised off this thread.
        QCOMPARE(model.index(0).data(MessageListModel::LinksRole).value<QList<QUrl>>(),
                 urls({QStringLiteral("https://pending.example/")}));
        QTRY_COMPARE(model.index(0).data(MessageListModel::LinksRole).value<QList<QUrl>>(),
                     urls({QStringLiteral("https://pending.example/"),
                           QStringLiteral("https://second.example/")}));
    }
};

QTEST_GUILESS_MAIN(TestMessageLinks)
#include "tst_messagelinks.moc"
