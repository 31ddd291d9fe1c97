// What Webex Desk tells its sign-in helper about the window to open over: the main window's
// native id (--parent-window, for a transient window on X11 and Windows) and its frame
// (--parent-frame, to centre over it). A stand-in helper, a shell script, writes down the
// arguments it was started with.

#include "signinbrowserprocess.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

class TestSignInParentWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helperLearnsTheWindowAndItsFrame();
    void unknownWindowGivesNoFrame();

private:
    [[nodiscard]] QStringList argumentsOfHelperStartedFor(quintptr window);

    QTemporaryDir m_dir;
    QString m_helper;
};

void TestSignInParentWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_helper = m_dir.filePath(QStringLiteral("helper.sh"));
    QFile script(m_helper);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.arguments\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

QStringList TestSignInParentWindow::argumentsOfHelperStartedFor(quintptr window)
{
    QFile::remove(m_helper + QStringLiteral(".arguments"));
    SignInBrowserProcess browser;
    browser.setProgram(m_helper);
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);
    QSignalSpy failed(&browser, &SignInBrowserProcess::helperFailed);
    browser.open(QUrl(QStringLiteral("https://webexapis.com/v1/authorize?state=secret")), window);
    if (!QTest::qWaitFor([&finished] { return finished.count() == 1; }, 20000) || !failed.isEmpty())
        return {QStringLiteral("the stand-in helper did not run")};
    QFile arguments(m_helper + QStringLiteral(".arguments"));
    if (!arguments.open(QIODevice::ReadOnly))
        return {QStringLiteral("no arguments written")};
    return QString::fromUtf8(arguments.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestSignInParentWindow::helperLearnsTheWindowAndItsFrame()
{
    QWidget mainWindow;
    mainWindow.setGeometry(100, 120, 640, 480);
    mainWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mainWindow));
    const QRect frame = mainWindow.frameGeometry();

    const QStringList arguments = argumentsOfHelperStartedFor(mainWindow.winId());
    QCOMPARE(arguments,
             (QStringList{QStringLiteral("--parent-window"), QString::number(mainWindow.winId()),
                          QStringLiteral("--parent-frame"),
                          QStringLiteral("%1,%2,%3,%4")
                              .arg(frame.x())
                              .arg(frame.y())
                              .arg(frame.width())
                              .arg(frame.height())}));
}

void TestSignInParentWindow::unknownWindowGivesNoFrame()
{
    // Not one of this process's windows: the id alone, and the window manager places it.
    QCOMPARE(argumentsOfHelperStartedFor(0x7fff1234),
             (QStringList{QStringLiteral("--parent-window"), QString::number(0x7fff1234)}));
    QCOMPARE(argumentsOfHelperStartedFor(0), QStringList());
}

QTEST_MAIN(TestSignInParentWindow)
#include "tst_signinparentwindow.moc"
