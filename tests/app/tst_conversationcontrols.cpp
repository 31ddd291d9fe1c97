// The controls issue 13 adds, each on its own: every one has an accessible name that says what it
// is for (and which file or person), and each is used from the keyboard alone: the transfers'
// Cancel, the picture viewer, the Mentions window, New message, the person card, and the
// composer's Attach and Remove.

#include "composer.h"
#include "imageviewer.h"
#include "mentionswindow.h"
#include "messagespane.h"
#include "model/person.h"
#include "model/searchresultlistmodel.h"
#include "newmessagedialog.h"
#include "personcard.h"
#include "store/messagesearch.h"
#include "transfersbar.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
// Every control a person can reach has a name of its own.
void verifyNamed(const QWidget *root)
{
    const QList<QWidget *> children = root->findChildren<QWidget *>();
    for (const QWidget *control : children) {
        const bool isControl = qobject_cast<const QAbstractButton *>(control) ||
                               qobject_cast<const QLineEdit *>(control) ||
                               qobject_cast<const QAbstractItemView *>(control) ||
                               qobject_cast<const QPlainTextEdit *>(control) ||
                               qobject_cast<const QProgressBar *>(control);
        // Qt's own parts of a control (a line edit's clear button) are named by Qt; ours all are.
        if (control->inherits("QLineEditIconButton"))
            continue;
        if (isControl && !control->isHidden())
            QVERIFY2(!control->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 (%2) has no accessible name")
                                    .arg(control->objectName(),
                                         QString::fromLatin1(control->metaObject()->className()))));
    }
}

Person emily()
{
    Person p;
    p.id = QStringLiteral("P1");
    p.displayName = QStringLiteral("Emily Kowalski");
    p.emails = {QStringLiteral("emily@example.com")};
    p.status = QStringLiteral("meeting");
    return p;
}
} // namespace

class TestConversationControls : public QObject
{
    Q_OBJECT

private slots:
    void transfersSayWhichFileAndCancelByKey()
    {
        TransfersBar bar;
        bar.showProgress(QStringLiteral("k1"), QStringLiteral("Downloading report.pdf…"), 40);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        verifyNamed(&bar);
        QVERIFY(bar.cancelButton(QStringLiteral("k1"))
                    ->accessibleName()
                    .contains(QStringLiteral("report.pdf")));
        QCOMPARE(bar.percent(QStringLiteral("k1")), 40);
        QSignalSpy cancel(&bar, &TransfersBar::cancelRequested);
        bar.cancelButton(QStringLiteral("k1"))->setFocus();
        QTest::keyClick(bar.cancelButton(QStringLiteral("k1")), Qt::Key_Space);
        QCOMPARE(cancel.size(), 1);
        QCOMPARE(cancel.first().at(0).toString(), QStringLiteral("k1"));
        bar.showDone(QStringLiteral("k1"), QStringLiteral("report.pdf is saved."),
                     QStringLiteral("/tmp/report.pdf"));
        verifyNamed(&bar);
        QSignalSpy folder(&bar, &TransfersBar::showInFolderRequested);
        QTest::keyClick(bar.showInFolderButton(QStringLiteral("k1")), Qt::Key_Space);
        QCOMPARE(folder.size(), 1);
        QCOMPARE(folder.first().at(0).toString(), QStringLiteral("/tmp/report.pdf"));
        // An upload all sent cannot be cancelled any more: Webex may have it.
        bar.showProgress(QStringLiteral("up"), QStringLiteral("Sent a.txt"), 100, false);
        QVERIFY(bar.cancelButton(QStringLiteral("up"))->isHidden());
        // Finished lines give way to new ones beyond MaxLines; running ones never do.
        for (int i = 0; i < TransfersBar::MaxLines + 2; ++i)
            bar.showDone(QStringLiteral("d%1").arg(i), QStringLiteral("done %1").arg(i));
        QVERIFY(!bar.contains(QStringLiteral("d0")));
        QVERIFY(bar.contains(QStringLiteral("d%1").arg(TransfersBar::MaxLines + 1)));
    }

    void theViewerShowsAndClosesByKey()
    {
        QWidget parent;
        auto *viewer = new ImageViewer(QStringLiteral("chart.png"), &parent);
        viewer->show();
        viewer->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(viewer));
        verifyNamed(viewer);
        QVERIFY(viewer->statusText().contains(QStringLiteral("chart.png")));
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(Qt::red);
        viewer->setImage(image);
        QVERIFY(viewer->hasImage());
        QCOMPARE(viewer->statusText(), QString());
        QSignalSpy save(viewer, &ImageViewer::saveRequested);
        auto *saveButton = viewer->findChild<QPushButton *>(QStringLiteral("imageViewerSave"));
        QVERIFY(saveButton);
        saveButton->setFocus();
        QTest::keyClick(saveButton, Qt::Key_Space);
        QCOMPARE(save.size(), 1);
        QPointer<ImageViewer> alive(viewer);
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!alive); // closed and deleted
    }

    void mentionsOpenByEnter()
    {
        SearchResultListModel model;
        SearchHit hit;
        hit.messageId = QStringLiteral("M1");
        hit.roomId = QStringLiteral("R1");
        hit.roomTitle = QStringLiteral("Design");
        hit.senderName = QStringLiteral("Emily Kowalski");
        hit.excerpt = QStringLiteral("can you check?");
        model.setHits({hit});
        MentionsWindow window(&model);
        window.setStatus(QStringLiteral("1 message mentions you."));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        verifyNamed(&window);
        QCOMPARE(window.list()->accessibleDescription(), QStringLiteral("1 message mentions you."));
        QSignalSpy opened(&window, &MentionsWindow::resultOpened);
        QSignalSpy refresh(&window, &MentionsWindow::refreshRequested);
        window.list()->setFocus();
        window.list()->setCurrentIndex(model.index(0));
        QTest::keyClick(window.list(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(1).toString(), QStringLiteral("M1"));
        window.refreshButton()->setFocus();
        QTest::keyClick(window.refreshButton(), Qt::Key_Space);
        QCOMPARE(refresh.size(), 1);
    }

    void newMessageByKeyboard()
    {
        NewMessageDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        verifyNamed(&dialog);
        QSignalSpy typed(&dialog, &NewMessageDialog::searchTextChanged);
        dialog.searchField()->setFocus();
        QTest::keyClicks(dialog.searchField(), QStringLiteral("Emi"));
        QCOMPARE(typed.size(), 3);
        // An answer for an older text is not shown.
        dialog.showPeople(QStringLiteral("Em"), {emily()});
        QCOMPARE(dialog.results()->model()->rowCount(), 0);
        dialog.showPeople(QStringLiteral("Emi"), {emily()});
        QCOMPARE(dialog.results()->model()->rowCount(), 1);
        QVERIFY(dialog.status().contains(QStringLiteral("1")));
        QCOMPARE(dialog.results()->model()->index(0, 0).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Emily Kowalski, emily@example.com"));
        QSignalSpy chosen(&dialog, &NewMessageDialog::personChosen);
        QTest::keyClick(dialog.searchField(), Qt::Key_Down);
        QVERIFY(dialog.results()->hasFocus());
        QTest::keyClick(dialog.results(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).value<Person>().id, QStringLiteral("P1"));

        // No space yet: the first message, Enter sends, Escape goes back.
        dialog.askForFirstMessage(emily());
        QVERIFY(dialog.isWritingFirstMessage());
        verifyNamed(&dialog);
        QVERIFY(dialog.messageField()->hasFocus());
        QSignalSpy written(&dialog, &NewMessageDialog::firstMessageWritten);
        QTest::keyClicks(dialog.messageField(), QStringLiteral("hello"));
        QTest::keyClick(dialog.messageField(), Qt::Key_Return);
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().at(1).toString(), QStringLiteral("hello"));
        dialog.showSendProblem(QStringLiteral("not sent"));
        QCOMPARE(dialog.messageField()->toPlainText(), QStringLiteral("hello")); // kept
        QTest::keyClick(dialog.messageField(), Qt::Key_Escape);
        QVERIFY(!dialog.isWritingFirstMessage());
        QVERIFY(dialog.searchField()->hasFocus());
    }

    void aPersonCardWritesByEnter()
    {
        QPixmap picture(64, 64);
        picture.fill(Qt::blue);
        auto *card = new PersonCard(emily(), picture);
        card->show();
        QVERIFY(QTest::qWaitForWindowExposed(card));
        verifyNamed(card);
        QCOMPARE(card->statusText(), QStringLiteral("In a meeting"));
        QVERIFY(card->messageButton()->accessibleName().contains(QStringLiteral("Emily")));
        QSignalSpy message(card, &PersonCard::messageRequested);
        QPointer<PersonCard> alive(card);
        QTest::keyClick(card, Qt::Key_Return); // Message is the default button
        QCOMPARE(message.size(), 1);
        QTRY_VERIFY(!alive);
        // Without an address there is nothing to write to.
        Person nobody = emily();
        nobody.emails.clear();
        PersonCard silent(nobody, picture);
        QVERIFY(!silent.messageButton()->isEnabled());
        QCOMPARE(PersonCard::statusSentence(QStringLiteral("unknown-word")), QString());
    }

    void aFileDroppedOnTheSpaceIsAttached();

    void attachAndRemoveByKeyboard()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        QVERIFY(composer.setAttachment(file.fileName()));
        verifyNamed(&composer);
        QVERIFY(composer.removeAttachmentButton()->accessibleName().contains(
            QStringLiteral("notes.txt")));
        // A file alone may be sent: Enter in the empty field sends it.
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.editor()->setFocus();
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().at(2).toString(), file.fileName());
        QVERIFY(composer.attachment().isEmpty());
        // Attach again, then Remove by the keyboard.
        QVERIFY(composer.setAttachment(file.fileName()));
        composer.removeAttachmentButton()->setFocus();
        QTest::keyClick(composer.removeAttachmentButton(), Qt::Key_Space);
        QVERIFY(composer.attachment().isEmpty());
        // Ctrl+Shift+A opens the file dialog.
        composer.editor()->setFocus();
        QTest::keyClick(composer.editor(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(composer.fileDialog());
        composer.fileDialog()->close();
        // A pasted picture is attached as a PNG.
        QImage picture(20, 10, QImage::Format_RGB32);
        picture.fill(Qt::green);
        QVERIFY(composer.attachImage(picture));
        QVERIFY(composer.attachment().endsWith(QStringLiteral(".png")));
        QCOMPARE(QImage(composer.attachment()).size(), QSize(20, 10));
        // Pasted from the clipboard: a screenshot (a picture, no text) becomes the attachment.
        composer.clearAttachment();
        QImage shot(30, 20, QImage::Format_RGB32);
        shot.fill(Qt::magenta);
        QGuiApplication::clipboard()->setImage(shot);
        composer.editor()->setFocus();
        QTest::keySequence(composer.editor(), QKeySequence::Paste);
        QTRY_VERIFY(composer.attachment().endsWith(QStringLiteral(".png")));
        QCOMPARE(QImage(composer.attachment()).size(), QSize(30, 20));
        QCOMPARE(composer.text(), QString()); // nothing went into the text
        // Text pasted is text.
        QGuiApplication::clipboard()->setText(QStringLiteral("plain words"));
        QTest::keySequence(composer.editor(), QKeySequence::Paste);
        QCOMPARE(composer.text(), QStringLiteral("plain words"));
        composer.setText(QString());
        // An empty file is refused with a reason, nothing attached.
        composer.clearAttachment();
        QFile empty(dir.filePath(QStringLiteral("empty.txt")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(!composer.setAttachment(empty.fileName()));
        QVERIFY(composer.attachment().isEmpty());
        QVERIFY(composer.problem().contains(QStringLiteral("empty")));
    }
};

// A file dropped on the space goes with the next message; several: the first, and a word why.
void TestConversationControls::aFileDroppedOnTheSpaceIsAttached()
{
    MessagesPane pane;
    pane.resize(600, 400);
    pane.showRoom(QStringLiteral("Design"), QString()); // the composer shows in a space only
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTemporaryDir dir;
    QStringList paths;
    for (const QString &name : {QStringLiteral("a.txt"), QStringLiteral("b.txt")}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        paths << file.fileName();
    }
    const auto drop = [&](const QList<QUrl> &urls) {
        QMimeData mime;
        mime.setUrls(urls);
        const QPointF at(20, 20);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&pane, &enter);
        QDropEvent dropped(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&pane, &dropped);
        return enter.isAccepted() && dropped.isAccepted();
    };
    QVERIFY(drop({QUrl::fromLocalFile(paths.at(0))}));
    QCOMPARE(pane.composer()->attachment(), paths.at(0));
    QVERIFY(drop({QUrl::fromLocalFile(paths.at(1)), QUrl::fromLocalFile(paths.at(0))}));
    QCOMPARE(pane.composer()->attachment(), paths.at(1));
    QVERIFY(pane.composer()->problem().contains(QStringLiteral("one file per message")));
    // A web address is no file to send.
    pane.composer()->clearAttachment();
    QVERIFY(!drop({QUrl(QStringLiteral("https://example.com/a.txt"))}));
    QVERIFY(pane.composer()->attachment().isEmpty());
}

QTEST_MAIN(TestConversationControls)
#include "tst_conversationcontrols.moc"
