// The main window comes back as the person left it: its size and place, and the split between
// the spaces and the messages (QSettings, saved when the window closes).

#include "mainwindow.h"
#include "messagespane.h"
#include "roomspane.h"

#include <QAction>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sizePlaceAndSplitterComeBack();
    void panesAreBuiltWhenFirstNeeded();

private:
    QTemporaryDir m_settings;
};

void TestMainWindowLayout::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("webex-desk"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowlayout"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
}

void TestMainWindowLayout::sizePlaceAndSplitterComeBack()
{
    QRect geometry;
    QList<int> sizes;
    {
        MainWindow window;
        window.showWorkspace();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Somewhere neither the default (1000×680) nor centred: something to remember.
        window.setGeometry(37, 45, 640, 470);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("workSplitter"));
        QVERIFY(splitter);
        QTRY_VERIFY(splitter->width() > 400);
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total - 180, 180});
        QTRY_COMPARE(splitter->sizes().value(1), 180);
        geometry = window.geometry();
        sizes = splitter->sizes();
        QCOMPARE(geometry.size(), QSize(640, 470));
        QVERIFY(window.close());
    }
    QVERIFY(!QSettings().value(QStringLiteral("MainWindow/geometry")).toByteArray().isEmpty());

    MainWindow reopened;
    reopened.showWorkspace();
    reopened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reopened));
    QTRY_COMPARE(reopened.geometry(), geometry);
    auto *splitter = reopened.findChild<QSplitter *>(QStringLiteral("workSplitter"));
    QVERIFY(splitter);
    QTRY_COMPARE(splitter->sizes(), sizes);
}

void TestMainWindowLayout::panesAreBuiltWhenFirstNeeded()
{
    // The welcome and restoring pages show without the work page's panes (start-up time).
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<RoomsPane *>());
    QVERIFY(!window.findChild<MessagesPane *>());
    RoomsPane *rooms = window.roomsPane();
    QVERIFY(rooms);
    QCOMPARE(window.findChild<RoomsPane *>(QStringLiteral("roomsPane")), rooms);
    QCOMPARE(window.messagesPane(),
             window.findChild<MessagesPane *>(QStringLiteral("messagesPane")));
    QCOMPARE(window.roomsPane(), rooms); // once
    QCOMPARE(window.findChildren<RoomsPane *>().size(), 1);
    // Ctrl+K reaches the pane's filter.
    window.showWorkspace();
    auto *find = window.findChild<QAction *>(QStringLiteral("findRoomAction"));
    QVERIFY(find);
    find->trigger();
    QTRY_VERIFY(rooms->filterEdit()->hasFocus());
}

QTEST_MAIN(TestMainWindowLayout)
#include "tst_mainwindowlayout.moc"
