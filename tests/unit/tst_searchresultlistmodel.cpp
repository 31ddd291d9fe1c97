// SearchResultListModel: a search's hits as the results list shows them. The excerpt is a
// message's text: escaped before the matches are made bold, so hostile markup stays text, and
// markers that do not pair up bring no markup either.

#include "model/searchresultlistmodel.h"
#include "store/messagesearch.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QString S = QString(MessageSearch::MatchStart);
const QString E = QString(MessageSearch::MatchEnd);

SearchHit hit(const QString &id, const QString &excerpt)
{
    SearchHit h;
    h.messageId = id;
    h.roomId = QStringLiteral("R-") + id;
    h.roomTitle = QStringLiteral("Design");
    h.senderName = QStringLiteral("Ana Lima");
    h.created = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
    h.excerpt = excerpt;
    return h;
}
} // namespace

class TestSearchResultListModel : public QObject
{
    Q_OBJECT

private slots:
    void matchesAreBoldAndEverythingElseIsText_data();
    void matchesAreBoldAndEverythingElseIsText();
    void rowsSayWhereWhoAndWhat();
    void aNewSearchReplacesTheList();
};

void TestSearchResultListModel::matchesAreBoldAndEverythingElseIsText_data()
{
    QTest::addColumn<QString>("excerpt");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("plain");
    QTest::newRow("one match") << QStringLiteral("Meet at the ") + S + QStringLiteral("Café") + E
                               << QStringLiteral("Meet at the <b>Café</b>")
                               << QStringLiteral("Meet at the Café");
    QTest::newRow("markup is text")
        << S + QStringLiteral("<script>") + E + QStringLiteral(" & <b>x</b>")
        << QStringLiteral("<b>&lt;script&gt;</b> &amp; &lt;b&gt;x&lt;/b&gt;")
        << QStringLiteral("<script> & <b>x</b>");
    QTest::newRow("an end without a start") << QStringLiteral("a") + E + QStringLiteral("b")
                                            << QStringLiteral("ab") << QStringLiteral("ab");
    QTest::newRow("a start without an end")
        << S + QStringLiteral("open") << QStringLiteral("<b>open</b>") << QStringLiteral("open");
    QTest::newRow("a start inside a match") << S + QStringLiteral("a") + S + QStringLiteral("b") + E
                                            << QStringLiteral("<b>ab</b>") << QStringLiteral("ab");
}

void TestSearchResultListModel::matchesAreBoldAndEverythingElseIsText()
{
    QFETCH(QString, excerpt);
    QFETCH(QString, html);
    QFETCH(QString, plain);
    SearchResultListModel model;
    model.setHits({hit(QStringLiteral("m1"), excerpt)});
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(SearchResultListModel::ExcerptHtmlRole).toString(), html);
    QCOMPARE(row.data(SearchResultListModel::ExcerptRole).toString(), plain);
}

void TestSearchResultListModel::rowsSayWhereWhoAndWhat()
{
    SearchResultListModel model;
    SearchHit untitled = hit(QStringLiteral("m2"), QStringLiteral("b"));
    untitled.roomTitle.clear();
    model.setHits({hit(QStringLiteral("m1"), S + QStringLiteral("cafe") + E), untitled});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(SearchResultListModel::MessageIdRole).toString(), QStringLiteral("m1"));
    QCOMPARE(first.data(SearchResultListModel::RoomIdRole).toString(), QStringLiteral("R-m1"));
    QCOMPARE(first.data(SearchResultListModel::SenderNameRole).toString(),
             QStringLiteral("Ana Lima"));
    const QString spoken = first.data(Qt::AccessibleTextRole).toString();
    QVERIFY(spoken.contains(QStringLiteral("Ana Lima")));
    QVERIFY(spoken.contains(QStringLiteral("Design")));
    QVERIFY(spoken.endsWith(QStringLiteral(": cafe")));
    QVERIFY(!spoken.contains(S));
    QCOMPARE(model.index(1).data(SearchResultListModel::RoomTitleRole).toString(),
             QStringLiteral("Untitled space"));
}

void TestSearchResultListModel::aNewSearchReplacesTheList()
{
    SearchResultListModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setHits({hit(QStringLiteral("a"), {}), hit(QStringLiteral("b"), {})});
    model.setHits({hit(QStringLiteral("c"), {})});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.size(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSearchResultListModel)
#include "tst_searchresultlistmodel.moc"
