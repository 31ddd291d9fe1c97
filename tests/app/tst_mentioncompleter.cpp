// '@' in the composer: which members are offered and in what order, the keys and the mouse,
// what is sent (<@personEmail:EMAIL|NAME>, <@all>), drafts put back with their mentions, a
// mention edited into plain text, and what a screen reader is told.

#include "composer.h"
#include "mentioncompleter.h"
#include "messagetextedit.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
MentionCandidate member(const QString &name, const QString &email)
{
    return {QStringLiteral("id-") + email, email, name};
}

QList<MentionCandidate> someMembers()
{
    return {member(QStringLiteral("Mark Emberly"), QStringLiteral("mark@example.com")),
            member(QStringLiteral("Emma Stone"), QStringLiteral("emma@example.com")),
            member(QStringLiteral("Zoe Adler"), QStringLiteral("emerald@example.com")),
            member(QStringLiteral("Emily Kowalski"), QStringLiteral("emily@example.com")),
            member(QStringLiteral("Ana Lima"), QStringLiteral("ana@example.com"))};
}

// The rows as a screen reader reads them (the list's cells name themselves so).
QStringList accessibleRows(QListView *list)
{
    QStringList rows;
    const QAbstractItemModel *model = list->model();
    for (int i = 0; i < model->rowCount(); ++i)
        rows << model->index(i, 0).data(Qt::AccessibleTextRole).toString();
    return rows;
}
} // namespace

class TestMentionCompleter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_composer = std::make_unique<Composer>();
        m_composer->resize(500, 300);
        m_composer->show();
        QVERIFY(QTest::qWaitForWindowActive(m_composer.get()));
        edit()->setFocus();
        m_composer->setMentionCandidates(someMembers(), false);
    }
    void cleanup() { m_composer.reset(); }

    void namesThatStartWithItComeFirstThenWordsThenAddresses()
    {
        QTest::keyClicks(edit(), QStringLiteral("Hi @em"));
        QVERIFY(completer()->isOpen());
        QCOMPARE(accessibleRows(list()),
                 (QStringList{QStringLiteral("Emily Kowalski, emily@example.com"),
                              QStringLiteral("Emma Stone, emma@example.com"),
                              QStringLiteral("Mark Emberly, mark@example.com"),
                              QStringLiteral("Zoe Adler, emerald@example.com")}));
        QCOMPARE(list()->currentIndex().row(), 0);
        QTest::keyClicks(edit(), QStringLiteral("il"));
        QCOMPARE(accessibleRows(list()),
                 QStringList{QStringLiteral("Emily Kowalski, emily@example.com")});
        QTest::keyClick(edit(), Qt::Key_Backspace);
        QCOMPARE(list()->model()->rowCount(), 1); // "emi": Emily only
    }

    void downAndEnterInsertTheMentionWithoutSending()
    {
        QSignalSpy sent(m_composer.get(), &Composer::sendRequested);
        QTest::keyClicks(edit(), QStringLiteral("Hi @em"));
        QTest::keyClick(edit(), Qt::Key_Down);
        QCOMPARE(list()->currentIndex().row(), 1);
        QTest::keyClick(edit(), Qt::Key_Up);
        QTest::keyClick(edit(), Qt::Key_Up); // round to the last
        QCOMPARE(list()->currentIndex().row(), 3);
        QTest::keyClick(edit(), Qt::Key_Down);
        QTest::keyClick(edit(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        QVERIFY(!completer()->isOpen());
        QCOMPARE(m_composer->text(),
                 QStringLiteral("Hi <@personEmail:emily@example.com|Emily Kowalski> "));
        QCOMPARE(edit()->toPlainText(), QStringLiteral("Hi @Emily Kowalski "));
        QVERIFY(edit()->isMentionAt(3));
        QVERIFY(!edit()->isMentionAt(18)); // the space after it
        QTest::keyClicks(edit(), QStringLiteral("there"));
        QTest::keyClick(edit(), Qt::Key_Return); // the list is closed: Enter sends
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(),
                 QStringLiteral("Hi <@personEmail:emily@example.com|Emily Kowalski> there"));
    }

    void tabAndAClickInsertToo()
    {
        QTest::keyClicks(edit(), QStringLiteral("@ana"));
        QTest::keyClick(edit(), Qt::Key_Tab);
        QCOMPARE(m_composer->text(), QStringLiteral("<@personEmail:ana@example.com|Ana Lima> "));
        QVERIFY(edit()->hasFocus()); // Tab did not leave the field
        QTest::keyClicks(edit(), QStringLiteral("and @em"));
        QVERIFY(completer()->isOpen());
        const QRect second = list()->visualRect(list()->model()->index(1, 0));
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(m_composer->text(), QStringLiteral("<@personEmail:ana@example.com|Ana Lima> and "
                                                    "<@personEmail:emma@example.com|Emma Stone> "));
        QVERIFY(edit()->hasFocus());
        QVERIFY(!completer()->isOpen());
    }

    void escapeClosesTheListButKeepsTheReply()
    {
        m_composer->setReplyTo(QStringLiteral("T1"), QStringLiteral("Replying to Ana: lunch?"));
        QTest::keyClicks(edit(), QStringLiteral("@em"));
        QVERIFY(completer()->isOpen());
        QTest::keyClick(edit(), Qt::Key_Escape);
        QVERIFY(!completer()->isOpen());
        QCOMPARE(m_composer->replyTo(), QStringLiteral("T1"));
        QCOMPARE(m_composer->text(), QStringLiteral("@em"));
        QTest::keyClicks(edit(), QStringLiteral("i")); // this '@' stays plain text
        QVERIFY(!completer()->isOpen());
        QTest::keyClick(edit(), Qt::Key_Escape); // nothing open: the reply's Escape again
        QVERIFY(m_composer->replyTo().isEmpty());
        QCOMPARE(m_composer->text(), QStringLiteral("@emi"));
        QTest::keyClicks(edit(), QStringLiteral(" @em")); // another '@' opens it again
        QVERIFY(completer()->isOpen());
    }

    void everyoneInGroupSpacesOnly()
    {
        QTest::keyClicks(edit(), QStringLiteral("@a"));
        QVERIFY(!accessibleRows(list()).contains(QStringLiteral("Everyone in this space, @all")));
        edit()->clear();
        m_composer->setMentionCandidates(someMembers(), true);
        QTest::keyClicks(edit(), QStringLiteral("@"));
        QCOMPARE(list()->model()->rowCount(), 6);
        QCOMPARE(accessibleRows(list()).first(), QStringLiteral("Everyone in this space, @all"));
        QTest::keyClicks(edit(), QStringLiteral("al"));
        QCOMPARE(accessibleRows(list()),
                 QStringList{QStringLiteral("Everyone in this space, @all")});
        QTest::keyClick(edit(), Qt::Key_Return);
        QCOMPARE(m_composer->text(), QStringLiteral("<@all> "));
        QCOMPARE(edit()->toPlainText(), QStringLiteral("@all "));
    }

    void atMostEightRows()
    {
        QList<MentionCandidate> many;
        for (int i = 0; i < 12; ++i)
            many << member(QStringLiteral("Sam %1").arg(i, 2, 10, QLatin1Char('0')),
                           QStringLiteral("sam%1@example.com").arg(i));
        m_composer->setMentionCandidates(many, true);
        QTest::keyClicks(edit(), QStringLiteral("@"));
        QCOMPARE(list()->model()->rowCount(), MentionCompleter::MaxRows);
        QCOMPARE(accessibleRows(list()).at(1), QStringLiteral("Sam 00, sam0@example.com"));
    }

    void aNameCannotBreakTheTag()
    {
        m_composer->setMentionCandidates(
            {member(QStringLiteral("Eve | <Boss>"), QStringLiteral("eve@example.com"))}, false);
        QTest::keyClicks(edit(), QStringLiteral("@bo"));
        QVERIFY(completer()->isOpen());
        QTest::keyClick(edit(), Qt::Key_Return);
        const QString sent = QStringLiteral("<@personEmail:eve@example.com|Eve    Boss > ");
        QCOMPARE(m_composer->text(), sent);
        m_composer->setText(sent);
        QCOMPARE(m_composer->text(), sent);
        // A line break in a name, as a caller might pass it, is no break in the tag either.
        edit()->clear();
        edit()->insertPersonMention(0, QStringLiteral("x@example.com"),
                                    QStringLiteral("Two\nLines>"));
        QCOMPARE(m_composer->text(), QStringLiteral("<@personEmail:x@example.com|Two Lines > "));
    }

    void setTextMarksMentionsAgain()
    {
        const QString draft =
            QStringLiteral("Hi <@personEmail:emily@example.com|Emily Kowalski> and <@all>,\n"
                           "see <@personEmail:x@y.z|X><@personEmail:x@y.z|X> or <@bad> "
                           "<@personEmail:no name|>");
        m_composer->setText(draft);
        QCOMPARE(m_composer->text(), draft);
        QCOMPARE(edit()->toPlainText(),
                 QStringLiteral("Hi @Emily Kowalski and @all,\nsee @X@X or <@bad> "
                                "<@personEmail:no name|>"));
        QVERIFY(edit()->isMentionAt(3));
        QVERIFY(edit()->isMentionAt(23));
        QVERIFY(!edit()->isMentionAt(0));
        QCOMPARE(edit()->textCursor().position(), edit()->toPlainText().size());
        QVERIFY(!completer()->isOpen()); // a draft put back is not typing
        // A failed message put back after something new keeps its mentions.
        m_composer->setText(QStringLiteral("new"));
        m_composer->restoreDraft(QStringLiteral("<@all> again"), QStringLiteral("Not sent"));
        QCOMPARE(m_composer->text(), QStringLiteral("new\n<@all> again"));
    }

    void anEditedMentionBecomesPlainText()
    {
        m_composer->setText(
            QStringLiteral("Hi <@personEmail:emily@example.com|Emily Kowalski> there"));
        QTextCursor cursor = edit()->textCursor();
        cursor.setPosition(9); // "Hi @Emily|"
        edit()->setTextCursor(cursor);
        QTest::keyClicks(edit(), QStringLiteral("x"));
        QCOMPARE(m_composer->text(), QStringLiteral("Hi @Emilyx Kowalski there"));
        QVERIFY(!edit()->isMentionAt(3));

        // Backspace at its end shortens it: plain text too.
        m_composer->setText(QStringLiteral("<@personEmail:emily@example.com|Emily Kowalski> "));
        cursor.setPosition(15);
        edit()->setTextCursor(cursor);
        QTest::keyClick(edit(), Qt::Key_Backspace);
        QCOMPARE(m_composer->text(), QStringLiteral("@Emily Kowalsk "));
        QTest::keyClick(edit(), Qt::Key_Escape); // the list it may offer again

        // Typed right before or right after it: the mention stays whole, the letter is plain.
        m_composer->setText(QStringLiteral("<@personEmail:emily@example.com|Emily Kowalski>"));
        QTest::keyClicks(edit(), QStringLiteral("s"));
        cursor.setPosition(0);
        edit()->setTextCursor(cursor);
        QTest::keyClicks(edit(), QStringLiteral("("));
        QCOMPARE(m_composer->text(),
                 QStringLiteral("(<@personEmail:emily@example.com|Emily Kowalski>s"));
        QVERIFY(!edit()->isMentionAt(0));
        QVERIFY(edit()->isMentionAt(1));
        QVERIFY(!edit()->isMentionAt(16));
    }

    void anAtInsideAWordOrAddressIsText()
    {
        QTest::keyClicks(edit(), QStringLiteral("write to a@em"));
        QVERIFY(!completer()->isOpen());
        QTest::keyClicks(edit(), QStringLiteral(" (@em"));
        QVERIFY(completer()->isOpen()); // after punctuation it starts a mention
        QTest::keyClick(edit(), Qt::Key_Escape);
        QTest::keyClicks(edit(), QStringLiteral(" @ em"));
        QVERIFY(!completer()->isOpen());
        QCOMPARE(m_composer->text(), QStringLiteral("write to a@em (@em @ em"));
    }

    void theListClosesWhenNobodyMatches()
    {
        QTest::keyClicks(edit(), QStringLiteral("@Emily Kowalski"));
        QVERIFY(completer()->isOpen()); // names with spaces are typed on
        QTest::keyClicks(edit(), QStringLiteral(" "));
        QVERIFY(!completer()->isOpen());
        QTest::keyClicks(edit(), QStringLiteral("is here"));
        QVERIFY(!completer()->isOpen());
        QCOMPARE(m_composer->text(), QStringLiteral("@Emily Kowalski is here"));
        edit()->clear();
        QTest::keyClicks(edit(), QStringLiteral("@qq"));
        QVERIFY(!completer()->isOpen());
    }

    void withoutMembersAtIsPlainText()
    {
        m_composer->setMentionCandidates({}, false);
        QTest::keyClicks(edit(), QStringLiteral("@em"));
        QVERIFY(!completer()->isOpen());
        QTest::keyClick(edit(), Qt::Key_Return);
        QVERIFY(m_composer->text().isEmpty()); // sent as typed
    }

    void aNewSpaceNarrowsAnOpenList()
    {
        QTest::keyClicks(edit(), QStringLiteral("@em"));
        QVERIFY(completer()->isOpen());
        m_composer->setMentionCandidates(
            {member(QStringLiteral("Ana Lima"), QStringLiteral("ana@example.com"))}, false);
        QVERIFY(!completer()->isOpen());
    }

    void screenReadersHearTheListAndTheKeys()
    {
        const QString before = edit()->accessibleDescription();
        QVERIFY(before.contains(QStringLiteral("Enter sends")));
        QVERIFY(!before.contains(QStringLiteral("Up and Down")));

        QTest::keyClicks(edit(), QStringLiteral("@em"));
        QTest::keyClick(edit(), Qt::Key_Down);
        // The row chosen is the list's current one, which its accessibility names (the Focus
        // event itself needs a platform's accessibility, which the tests do not have).
        QCOMPARE(list()->currentIndex().row(), 1);
        QVERIFY(list()->selectionModel()->isSelected(list()->currentIndex()));
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(list());
        QVERIFY(view);
        QCOMPARE(view->text(QAccessible::Name), QStringLiteral("Mention someone"));
        QCOMPARE(list()->accessibleName(), QStringLiteral("Mention someone"));
        const QString open = edit()->accessibleDescription();
        QVERIFY2(open.contains(QStringLiteral("Up and Down choose a person, Enter inserts")),
                 qPrintable(open));
        QVERIFY(open.contains(QStringLiteral("Enter sends"))); // the composer's own parts stay
        QTest::keyClick(edit(), Qt::Key_Escape);
        QCOMPARE(edit()->accessibleDescription(), before);
    }

    void fiveHundredMembersStillRespond()
    {
        QList<MentionCandidate> many;
        for (int i = 0; i < 500; ++i)
            many << member(QStringLiteral("Person %1 Example").arg(i, 3, 10, QLatin1Char('0')),
                           QStringLiteral("p%1@example.com").arg(i));
        m_composer->setMentionCandidates(many, true);
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 5; ++round) {
            QTest::keyClicks(edit(), QStringLiteral("@exa"));
            QVERIFY(completer()->isOpen());
            QCOMPARE(list()->model()->rowCount(), MentionCompleter::MaxRows);
            QTest::keyClicks(edit(), QStringLiteral("mplx"));
            QVERIFY(!completer()->isOpen());
            edit()->clear();
        }
        QTest::keyClicks(edit(), QStringLiteral("@person 49"));
        QCOMPARE(list()->model()->rowCount(), MentionCompleter::MaxRows); // 490 to 497
        QCOMPARE(accessibleRows(list()).first(),
                 QStringLiteral("Person 490 Example, p490@example.com"));
        // 50 keystrokes, each filtering 500 members; seconds would be noticed.
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

private:
    [[nodiscard]] MessageTextEdit *edit() const { return m_composer->editor(); }
    [[nodiscard]] MentionCompleter *completer() const { return m_composer->mentionCompleter(); }
    [[nodiscard]] QListView *list() const { return completer()->popup(); }

    std::unique_ptr<Composer> m_composer;
};

QTEST_MAIN(TestMentionCompleter)
#include "tst_mentioncompleter.moc"
