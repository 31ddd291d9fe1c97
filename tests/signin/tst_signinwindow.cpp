// The sign-in window of webex-desk-signin in this process, set up as the helper's main() sets
// it up (WebEngineSetup before QApplication), showing the emulator's consent page: a screen
// reader finds its Accept button in the accessibility tree, and the window opens centred over
// Webex Desk's window, active, with the keys going to the page.

#include "signinwindow.h"
#include "webenginesetup.h"
#include "webexemulator.h"

#include <QAccessible>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineView>

namespace {
constexpr int LoadTimeoutMs = 60000;

QUrl consentUrl(const WebexEmulator &emulator)
{
    QUrl url(emulator.baseUrl().toString() + QStringLiteral("/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), emulator.options().clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QStringLiteral("http%3A%2F%2Flocalhost%3A5000%2Fauth%2Fcisco%2Fcallback"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("spark%3Aall"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("a11y"));
    url.setQuery(query);
    return url;
}

// Depth-first through the accessibility tree, as a screen reader walks it; the names of what
// it saw go to `seen` for the failure message.
bool findButton(QAccessibleInterface *node, const QString &name, QStringList &seen, int depth = 0)
{
    if (!node || !node->isValid() || depth > 40)
        return false;
    const QString text = node->text(QAccessible::Name);
    if (!text.isEmpty() && seen.size() < 60)
        seen << QStringLiteral("%1:%2").arg(int(node->role())).arg(text);
    if ((node->role() == QAccessible::Button || node->role() == QAccessible::PushButton) &&
        text == name)
        return true;
    for (int i = 0; i < node->childCount(); ++i) {
        if (findButton(node->child(i), name, seen, depth + 1))
            return true;
    }
    return false;
}
} // namespace

class TestSignInWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void screenReaderFindsTheAcceptButton();
    void opensOverItsParentActiveWithFocusInThePage();

private:
    std::unique_ptr<WebexEmulator> m_emulator;
};

void TestSignInWindow::initTestCase()
{
    m_emulator = std::make_unique<WebexEmulator>();
    QVERIFY(m_emulator->listen());
}

void TestSignInWindow::screenReaderFindsTheAcceptButton()
{
    SignInWindow window;
    // What a screen reader's arrival does: Qt tells its accessibility observers, QtWebEngine's
    // among them (it exists once a profile does), and QtWebEngine, if allowed, builds the
    // page's tree.
    QAccessible::setActive(true);
    QSignalSpy loaded(&window, &SignInWindow::pageLoaded);
    window.present(consentUrl(*m_emulator));
    QVERIFY(loaded.wait(LoadTimeoutMs));
    QCOMPARE(loaded.first().first().toBool(), true);

    auto *view = window.findChild<QWebEngineView *>(QStringLiteral("signInView"));
    QVERIFY(view);
    QStringList seen;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     seen.clear();
                     return findButton(QAccessible::queryAccessibleInterface(view),
                                       QStringLiteral("Accept"), seen);
                 },
                 30000),
             qPrintable(seen.join(QStringLiteral(" | "))));
}

void TestSignInWindow::opensOverItsParentActiveWithFocusInThePage()
{
    SignInWindow window;
    window.resize(400, 300);
    // Webex Desk's main window, somewhere on the (800×600) offscreen screen.
    const QRect parent(120, 90, 500, 420);
    window.setParentFrame(parent);
    QSignalSpy loaded(&window, &SignInWindow::pageLoaded);
    window.present(consentUrl(*m_emulator));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(loaded.wait(LoadTimeoutMs));

    QCOMPARE(window.frameGeometry().center(), parent.center());
    auto *view = window.findChild<QWebEngineView *>(QStringLiteral("signInView"));
    QVERIFY(view);
    const auto focusInPage = [view] {
        const QWidget *focus = QApplication::focusWidget();
        // QWebEngineView hands the focus to its render widget, a child of it.
        return focus && (focus == view || view->isAncestorOf(focus));
    };
    QTRY_VERIFY(focusInPage());

    // Another window became active and the focus left the page; Sign In again (a second
    // "open" to the running helper) brings the window back with the keys in the page.
    QWidget other;
    other.setGeometry(10, 10, 200, 100);
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    window.setFocus();
    QVERIFY(!focusInPage());
    window.present(consentUrl(*m_emulator));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY(focusInPage());
    QVERIFY(loaded.wait(LoadTimeoutMs) || loaded.count() == 2);
    QVERIFY(focusInPage());
    // Placed once: a later open leaves the window where the person may have moved it.
    QCOMPARE(window.frameGeometry().center(), parent.center());

    // Kept on the screen when the parent is at its edge.
    SignInWindow atEdge;
    atEdge.resize(400, 300);
    atEdge.setParentFrame(QRect(-300, -200, 400, 300));
    atEdge.present(QUrl(QStringLiteral("about:blank")));
    QVERIFY(QTest::qWaitForWindowExposed(&atEdge));
    QCOMPARE(atEdge.frameGeometry().topLeft(), QPoint(0, 0));
}

int main(int argc, char *argv[])
{
    // As webex-desk-signin's main() does, before QApplication.
    WebEngineSetup::beforeApplication();
    QApplication app(argc, argv);
    TestSignInWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signinwindow.moc"
