// End to end, files in conversations (issue 13, item 3): what a colleague shares shows with its
// name, size and type, a picture as a thumbnail that opens full size, other files download into
// the Downloads folder under a safe name (hostile names included) with progress and Cancel, and a
// file goes out with the composer; one over Webex's limit never does. The app's real code
// (AppController, FilesController, FilePreviews, the messages pane and its keys) against the
// emulator over real HTTP on loopback, live updates on.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "composer.h"
#include "conversationcontroller.h"
#include "e2efixture.h"
#include "filescontroller.h"
#include "imageviewer.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "messageitemdelegate.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "messagetextedit.h"
#include "model/messagelistmodel.h"
#include "model/messagethreadsmodel.h"
#include "model/roomlistmodel.h"
#include "openspace.h"
#include "spacescontroller.h"
#include "transfersbar.h"
#include "webexemulator.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

namespace {
constexpr int WaitMs = 60000;

QByteArray pngOf(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}
} // namespace

class TestFilesEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void hostileNamesLandAsSafeFilesInsideDownloads();
    void aPictureShowsAsAThumbnailAndOpensFullSize();
    void aSlowDownloadShowsProgressAndCancelLeavesNothing();
    void aFileBeingScannedShowsOnceWebexHasIt();
    void aFileGoesOutWithTheComposer();
    void aFileOverTheLimitIsRefusedBeforeAnythingIsSent();
    void cancellingAnUploadKeepsTextAndFile();

private:
    // The app signed in and live with space `roomId` open (a group space with others' messages,
    // when empty); null otherwise.
    std::unique_ptr<AppController> startInSpace(const QString &roomId = {});
    [[nodiscard]] static MessagesPane *pane(AppController &app)
    {
        return app.mainWindow()->messagesPane();
    }
    // Waits for a message of the open space and makes it the list's current row.
    [[nodiscard]] static bool selectMessage(AppController &app, const QString &messageId);
    // The first file of the list's current row.
    [[nodiscard]] static QUrl currentFile(AppController &app);
    // Waits until the row shows the file by the name Webex gave it (its HEAD was answered).
    [[nodiscard]] static bool showsFileName(AppController &app, const QUrl &url,
                                            const QString &name);

    std::unique_ptr<MemorySessionStore> m_store;
    std::unique_ptr<QTemporaryDir> m_downloads;
    QString m_roomId;
};

void TestFilesEndToEnd::init()
{
    QSettings().clear();
    QVERIFY(restartEmulator(20));
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(signedInSession());
    QVERIFY(saved.wait());
    m_downloads = std::make_unique<QTemporaryDir>();
    QVERIFY(m_downloads->isValid());
}

void TestFilesEndToEnd::cleanup()
{
    stopEmulator();
    m_store.reset();
    m_downloads.reset();
}

std::unique_ptr<AppController> TestFilesEndToEnd::startInSpace(const QString &roomId)
{
    auto app = startLiveApp(m_store.get());
    if (!app)
        return nullptr;
    // Downloads go where the system says, here a folder of the test's own.
    if (app->files()->downloadsFolder() !=
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
        return nullptr;
    app->files()->setDownloadsFolder(m_downloads->filePath(QStringLiteral("Downloads")));
    m_roomId = roomId.isEmpty() ? postableGroupSpace(*app) : roomId;
    if (m_roomId.isEmpty() || !openSpaceByClick(*app, m_roomId, WaitMs))
        return nullptr;
    return app;
}

bool TestFilesEndToEnd::selectMessage(AppController &app, const QString &messageId)
{
    MessagesPane *messagesPane = pane(app);
    if (!QTest::qWaitFor(
            [&] { return messagesPane->threads()->indexOfMessage(messageId).isValid(); }, WaitMs))
        return false;
    const QModelIndex shown = messagesPane->threads()->indexOfMessage(messageId);
    messagesPane->view()->setCurrentIndex(shown);
    messagesPane->view()->scrollTo(shown);
    messagesPane->view()->setFocus();
    return true;
}

QUrl TestFilesEndToEnd::currentFile(AppController &app)
{
    const QList<QUrl> files =
        pane(app)->view()->currentIndex().data(MessageListModel::FilesRole).value<QList<QUrl>>();
    return files.isEmpty() ? QUrl() : files.first();
}

bool TestFilesEndToEnd::showsFileName(AppController &app, const QUrl &url, const QString &name)
{
    auto *delegate = qobject_cast<MessageItemDelegate *>(pane(app)->view()->itemDelegate());
    if (!delegate || url.isEmpty())
        return false;
    if (QTest::qWaitFor([&] { return delegate->fileText(url).startsWith(name); }, WaitMs))
        return true;
    qWarning() << "The row shows" << delegate->fileText(url) << "instead of" << name;
    return false;
}

void TestFilesEndToEnd::hostileNamesLandAsSafeFilesInsideDownloads()
{
    // Someone shares ../../.bashrc, /etc/passwd and a 300-character name full of control
    // characters in the first seeded space.
    const QStringList ids = emulator()->addHostileFileMessages();
    QCOMPARE(ids.size(), 3);
    auto app = startInSpace(emulator()->roomIds().first());
    QVERIFY(app);
    const QString folder = m_downloads->filePath(QStringLiteral("Downloads"));
    auto *delegate = qobject_cast<MessageItemDelegate *>(pane(*app)->view()->itemDelegate());
    QVERIFY(delegate);
    QStringList saved;
    for (const QString &id : ids) {
        QVERIFY(selectMessage(*app, id));
        const QModelIndex row = pane(*app)->view()->currentIndex();
        const QList<QUrl> files = row.data(MessageListModel::FilesRole).value<QList<QUrl>>();
        QCOMPARE(files.size(), 1);
        // Its name, size and type are shown, made safe, and screen readers hear them.
        QTRY_VERIFY_WITH_TIMEOUT(
            !delegate->fileText(files.first()).contains(QStringLiteral("loading")), WaitMs);
        const QString shown = delegate->fileText(files.first());
        for (const QChar c : shown)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(shown));
        QTRY_VERIFY(
            row.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("File: ")));

        // Enter on a message with one file (not a picture) downloads it.
        QTest::keyClick(pane(*app)->view(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            entriesOf(folder).size() == saved.size() + 1 &&
                !entriesOf(folder).join(QLatin1Char('|')).contains(QStringLiteral(".part")),
            WaitMs);
        const auto expected = emulator()->fileOf(id);
        QVERIFY(expected);
        // The newest file in the folder is this one: the same bytes, a plain file inside.
        QString newest;
        for (const QString &name : entriesOf(folder)) {
            if (!saved.contains(name))
                newest = name;
        }
        QVERIFY(!newest.isEmpty());
        saved.append(newest);
        const QFileInfo file(QDir(folder).filePath(newest));
        QVERIFY(file.isFile() && !file.isSymLink());
        QCOMPARE(file.absolutePath(), QDir(folder).absolutePath());
        QVERIFY(!newest.startsWith(QLatin1Char('.')));
        QVERIFY(newest.toUtf8().size() <= 255);
        for (const QChar c : newest)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c != QLatin1Char('\\'),
                     qPrintable(newest));
        QFile written(file.filePath());
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), expected->bytes);
        // The bar says where it went, with Show in Folder; nothing opened it.
        const QString key =
            QStringLiteral("download:") + files.first().toString(QUrl::FullyEncoded);
        QTRY_VERIFY(pane(*app)->transfers()->text(key).contains(newest));
        QVERIFY(pane(*app)->transfers()->showInFolderButton(key)->isVisibleTo(pane(*app)));
        QVERIFY(!pane(*app)->transfers()->showInFolderButton(key)->accessibleName().isEmpty());
    }
    QVERIFY(saved.contains(QStringLiteral("bashrc")));
    QVERIFY(saved.contains(QStringLiteral("passwd")));
    // Nothing landed beside the Downloads folder.
    QCOMPARE(entriesOf(m_downloads->path()), QStringList{QStringLiteral("Downloads")});
}

void TestFilesEndToEnd::aPictureShowsAsAThumbnailAndOpensFullSize()
{
    auto app = startInSpace();
    QVERIFY(app);
    const QString id =
        emulator()->colleagueSharesFile(m_roomId, QStringLiteral("chart.png"), "image/png",
                                        pngOf(900, 600), QStringLiteral("the numbers"));
    QVERIFY(!id.isEmpty());
    QVERIFY(selectMessage(*app, id));
    MessageListView *view = pane(*app)->view();
    const QUrl url = currentFile(*app);
    // A thumbnail's room in the row once Webex says it is a picture, then the picture in it.
    QTRY_VERIFY_WITH_TIMEOUT(view->visualRect(view->currentIndex()).height() >= 160, WaitMs);
    QVERIFY(showsFileName(*app, url, QStringLiteral("chart.png")));
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.rect = view->visualRect(view->currentIndex());
    option.widget = view;
    const QImage shot = view->viewport()->grab().toImage();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QImage now = view->viewport()->grab().toImage();
            // The thumbnail's blue is on the screen.
            for (int y = option.rect.top(); y < option.rect.bottom(); y += 4)
                for (int x = option.rect.left(); x < option.rect.right(); x += 4)
                    if (now.pixelColor(x, y) == QColor(30, 120, 200))
                        return true;
            return false;
        }(),
        WaitMs);
    Q_UNUSED(shot)

    // Enter opens it full size.
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(app->files()->viewer() && app->files()->viewer()->hasImage(), WaitMs);
    QCOMPARE(app->files()->viewer()->imageSize(), QSize(900, 600));
    // Nothing was downloaded to disk by looking at it.
    QCOMPARE(entriesOf(m_downloads->path()), QStringList());
    QTest::keyClick(app->files()->viewer(), Qt::Key_Escape);
    QTRY_VERIFY(!app->files()->viewer());
}

void TestFilesEndToEnd::aSlowDownloadShowsProgressAndCancelLeavesNothing()
{
    auto app = startInSpace();
    QVERIFY(app);
    const QString id = emulator()->colleagueSharesFile(
        m_roomId, QStringLiteral("big.zip"), "application/zip", QByteArray(200 * 1024, 'z'));
    QVERIFY(selectMessage(*app, id));
    const QUrl url = currentFile(*app);
    QVERIFY(showsFileName(*app, url, QStringLiteral("big.zip")));
    emulator()->setContentBodyPace(4096, std::chrono::milliseconds(50));
    QTest::keyClick(pane(*app)->view(), Qt::Key_Return);
    const QString key = QStringLiteral("download:") + url.toString(QUrl::FullyEncoded);
    TransfersBar *bar = pane(*app)->transfers();
    QTRY_VERIFY_WITH_TIMEOUT(bar->percent(key) > 0, WaitMs);
    QVERIFY(bar->text(key).contains(QStringLiteral("big.zip")));
    const QString folder = m_downloads->filePath(QStringLiteral("Downloads"));
    QTRY_VERIFY(entriesOf(folder).join(QLatin1Char('|')).contains(QStringLiteral(".part")));
    QPushButton *cancel = bar->cancelButton(key);
    QVERIFY(cancel && cancel->isVisibleTo(pane(*app)));
    QVERIFY(cancel->accessibleName().contains(QStringLiteral("big.zip")));
    cancel->click();
    QTRY_COMPARE(entriesOf(folder), QStringList());
    QTRY_VERIFY(bar->text(key).contains(QStringLiteral("cancelled")));
    QTest::qWait(300);
    QCOMPARE(entriesOf(folder), QStringList());
}

void TestFilesEndToEnd::aFileBeingScannedShowsOnceWebexHasIt()
{
    auto app = startInSpace();
    QVERIFY(app);
    emulator()->scanContentsNext(1, 1);
    const QString id = emulator()->colleagueSharesFile(m_roomId, QStringLiteral("report.pdf"),
                                                       "application/pdf", "%PDF-1.4 tiny");
    QVERIFY(selectMessage(*app, id));
    const QUrl url = currentFile(*app);
    QVERIFY(showsFileName(*app, url, QStringLiteral("report.pdf")));
    QVERIFY(emulator()->requestCount("HEAD", url.path()) >= 2); // the 423, then the answer
}

void TestFilesEndToEnd::aFileGoesOutWithTheComposer()
{
    auto app = startInSpace();
    QVERIFY(app);
    QTemporaryDir source;
    const QString path = source.filePath(QStringLiteral("minutes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes = QByteArray("Minutes of the meeting\n").repeated(2000);
    file.write(bytes);
    file.close();
    Composer *composer = pane(*app)->composer();
    // Every control of it has a name.
    QVERIFY(!composer->attachButton()->accessibleName().isEmpty());
    QVERIFY(composer->setAttachment(path));
    QVERIFY(composer->attachmentText().contains(QStringLiteral("minutes.txt")));
    QVERIFY(!composer->removeAttachmentButton()->accessibleName().isEmpty());
    QVERIFY(composer->editor()->accessibleDescription().contains(QStringLiteral("minutes.txt")));
    composer->editor()->setFocus();
    QTest::keyClicks(composer->editor(), QStringLiteral("here they are"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QVERIFY(composer->attachment().isEmpty());
    const MessageListModel *messages = app->conversation()->messageModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const int last = messages->rowCount() - 1;
            return last >= 0 && messages->index(last).data(MessageListModel::OwnRole).toBool() &&
                   !messages->index(last)
                        .data(MessageListModel::FilesRole)
                        .value<QList<QUrl>>()
                        .isEmpty();
        }(),
        WaitMs);
    const QString id =
        messages->index(messages->rowCount() - 1).data(MessageListModel::IdRole).toString();
    const auto sent = emulator()->fileOf(id);
    QVERIFY(sent);
    QCOMPARE(sent->name, QStringLiteral("minutes.txt"));
    QCOMPARE(sent->bytes, bytes);
    QCOMPARE(emulator()->messageContent(id).value_or(QString()), QStringLiteral("here they are"));
    QTRY_VERIFY(!pane(*app)->transfers()->isVisible());
}

void TestFilesEndToEnd::aFileOverTheLimitIsRefusedBeforeAnythingIsSent()
{
    auto app = startInSpace();
    QVERIFY(app);
    QTemporaryDir source;
    const QString path = source.filePath(QStringLiteral("huge.iso"));
    QFile huge(path);
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(WebexClient::MaxUploadBytes + 1)); // sparse: nothing is written
    huge.close();
    const int posts = emulator()->requestCount("POST", QStringLiteral("/v1/messages"));
    Composer *composer = pane(*app)->composer();
    QVERIFY(!composer->setAttachment(path));
    QVERIFY(composer->attachment().isEmpty());
    QVERIFY(composer->problem().contains(QStringLiteral("100 MB")));
    // Sending the conversation the file straight away is refused by the client too.
    app->conversation()->sendMessage(QString(), QString(), path);
    QTRY_VERIFY(composer->problem().contains(QStringLiteral("100 MB")));
    QTest::qWait(200);
    QCOMPARE(emulator()->requestCount("POST", QStringLiteral("/v1/messages")), posts);
}

void TestFilesEndToEnd::cancellingAnUploadKeepsTextAndFile()
{
    auto app = startInSpace();
    QVERIFY(app);
    QTemporaryDir source;
    const QString path = source.filePath(QStringLiteral("video.mp4"));
    QFile big(path);
    QVERIFY(big.open(QIODevice::WriteOnly));
    // Large enough to be on its way for a while on loopback, under the limit.
    QVERIFY(big.resize(WebexClient::MaxUploadBytes - 1000));
    big.close();
    const int before = emulator()->messageCount(m_roomId);
    Composer *composer = pane(*app)->composer();
    QVERIFY(composer->setAttachment(path));
    composer->editor()->setFocus();
    QTest::keyClicks(composer->editor(), QStringLiteral("the recording"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    TransfersBar *bar = pane(*app)->transfers();
    // Cancel as soon as the first bytes are out, as a person watching the bar would.
    QString key;
    QTimer watch;
    watch.setInterval(0);
    bool cancelled = false;
    connect(&watch, &QTimer::timeout, this, [&] {
        for (const QString &shown : bar->keys()) {
            if (shown.startsWith(QLatin1String("upload:")) && bar->percent(shown) > 0 &&
                bar->percent(shown) < 100 && bar->cancelButton(shown)->isVisibleTo(bar)) {
                key = shown;
                bar->cancelButton(shown)->click();
                cancelled = true;
                watch.stop();
            }
        }
    });
    watch.start();
    QTRY_VERIFY_WITH_TIMEOUT(cancelled, WaitMs);
    // The row goes, the line goes, text and file are back in the composer.
    QVERIFY(!bar->contains(key));
    QCOMPARE(composer->attachment(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(composer->text(), QStringLiteral("the recording"));
    QVERIFY(composer->problem().contains(QStringLiteral("cancelled")));
    const MessageListModel *messages = app->conversation()->messageModel();
    for (int row = 0; row < messages->rowCount(); ++row)
        QVERIFY(!messages->index(row).data(MessageListModel::PendingRole).toBool());
    // Webex never got the whole request: nothing was posted.
    QTest::qWait(500);
    QCOMPARE(emulator()->messageCount(m_roomId), before);
}

QTEST_MAIN(TestFilesEndToEnd)
#include "tst_files_e2e.moc"
