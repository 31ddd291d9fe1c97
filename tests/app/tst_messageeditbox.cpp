#include "composer.h"
#include "messageeditbox.h"
#include "messagetextedit.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

// The field messages are written in (MessageTextEdit), the box that edits one of your messages
// (MessageEditBox) and the composer's Up: keys, limits, and what a screen reader is told.
class TestMessageEditBox : public QObject
{
    Q_OBJECT

private slots:
    void enterSavesAChangedText()
    {
        MessageEditBox box;
        QSignalSpy saved(&box, &MessageEditBox::saveRequested);
        QSignalSpy cancelled(&box, &MessageEditBox::cancelled);
        box.begin(QStringLiteral("M1"), QStringLiteral("hello"));
        QCOMPARE(box.text(), QStringLiteral("hello"));
        QCOMPARE(box.editor()->textCursor().position(), 5); // at the end, to go on writing
        QTest::keyClicks(box.editor(), QStringLiteral(" all"));
        QTest::keyClick(box.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(box.editor(), QStringLiteral("two"));
        QTest::keyClick(box.editor(), Qt::Key_Return);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(0).toString(), QStringLiteral("M1"));
        QCOMPARE(saved.first().at(1).toString(), QStringLiteral("hello all\ntwo"));
        QCOMPARE(cancelled.size(), 0);
    }

    void anUnchangedTextIsACancel()
    {
        MessageEditBox box;
        QSignalSpy saved(&box, &MessageEditBox::saveRequested);
        QSignalSpy cancelled(&box, &MessageEditBox::cancelled);
        box.begin(QStringLiteral("M1"), QStringLiteral("same"));
        box.findChild<QPushButton *>(QStringLiteral("editSaveButton"))->click();
        QCOMPARE(saved.size(), 0);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().at(0).toString(), QStringLiteral("M1"));
        QVERIFY(box.messageId().isEmpty());
        box.cancel(); // nothing going on: nothing said
        QCOMPARE(cancelled.size(), 1);
    }

    void emptyOrTooLongIsRefusedHereAndKept_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("blank") << QStringLiteral("  \n ") << QStringLiteral("cannot be empty");
        QTest::newRow("too long") << QString(MessageTextEdit::MaxBytes + 10, QLatin1Char('x'))
                                  << QStringLiteral("by about 10 character");
        QTest::newRow("too long in UTF-8")
            << QString(MessageTextEdit::MaxBytes / 2 + 1, QChar(0x00e9))
            << QStringLiteral("by about 1 character");
    }

    void emptyOrTooLongIsRefusedHereAndKept()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        MessageEditBox box;
        QSignalSpy saved(&box, &MessageEditBox::saveRequested);
        box.begin(QStringLiteral("M1"), QStringLiteral("was"));
        box.editor()->setPlainText(text);
        QTest::keyClick(box.editor(), Qt::Key_Return);
        QCOMPARE(saved.size(), 0);
        QVERIFY2(box.problem().contains(why), qPrintable(box.problem()));
        QCOMPARE(box.text(), text);
        const auto *problem = box.findChild<QLabel *>(QStringLiteral("editProblem"));
        QCOMPARE(problem->accessibleName(), box.problem());
        QCOMPARE(box.messageId(), QStringLiteral("M1")); // still editing
    }

    void whileSavingNothingMoreIsSent()
    {
        MessageEditBox box;
        QSignalSpy saved(&box, &MessageEditBox::saveRequested);
        box.begin(QStringLiteral("M1"), QStringLiteral("a"));
        QTest::keyClicks(box.editor(), QStringLiteral("b"));
        QTest::keyClick(box.editor(), Qt::Key_Return);
        box.setSaving(true);
        auto *save = box.findChild<QPushButton *>(QStringLiteral("editSaveButton"));
        QVERIFY(!save->isEnabled());
        QVERIFY(box.editor()->isReadOnly());
        QCOMPARE(box.findChild<QLabel *>(QStringLiteral("editHeading"))->text(),
                 QStringLiteral("Saving your message…"));
        QTest::keyClick(box.editor(), Qt::Key_Return);
        QCOMPARE(saved.size(), 1);
        box.setSaving(false);
        QVERIFY(save->isEnabled());
        QVERIFY(!box.editor()->isReadOnly());
    }

    void escapeCancels()
    {
        MessageEditBox box;
        QSignalSpy cancelled(&box, &MessageEditBox::cancelled);
        box.begin(QStringLiteral("M2"), QStringLiteral("x"));
        QTest::keyClick(box.editor(), Qt::Key_Escape);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().at(0).toString(), QStringLiteral("M2"));
    }

    void everyControlHasAName()
    {
        MessageEditBox box;
        const QList<QWidget *> controls = box.findChildren<QWidget *>();
        for (QWidget *control : controls) {
            if (qobject_cast<QPushButton *>(control) || qobject_cast<MessageTextEdit *>(control))
                QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        }
        QVERIFY(!box.editor()->accessibleDescription().isEmpty());
    }

    // Keys nobody listens to go on to the parent as they always did (the composer takes no
    // Escape: a dialog's Escape still closes the dialog).
    void keysNobodyListensToGoToTheParent()
    {
        QWidget parent;
        auto *layout = new QVBoxLayout(&parent);
        auto *field = new MessageTextEdit(&parent);
        layout->addWidget(field);
        QSignalSpy escaped(field, &MessageTextEdit::escaped);
        QTest::keyClick(field, Qt::Key_Escape); // not taken
        QCOMPARE(escaped.size(), 0);
        field->setTakesEscape(true);
        QTest::keyClick(field, Qt::Key_Escape);
        QCOMPARE(escaped.size(), 1);
    }

    void upInTheEmptyComposerAsksToEditTheLastMessage()
    {
        Composer composer;
        QSignalSpy wanted(&composer, &Composer::editLastRequested);
        QTest::keyClick(composer.editor(), Qt::Key_Up);
        QCOMPARE(wanted.size(), 1);
        QTest::keyClicks(composer.editor(), QStringLiteral("line"));
        QTest::keyClick(composer.editor(), Qt::Key_Up); // moves in the text
        QTest::keyClick(composer.editor(), Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(composer.text(), QStringLiteral("line"));
    }
};

QTEST_MAIN(TestMessageEditBox)
#include "tst_messageeditbox.moc"
