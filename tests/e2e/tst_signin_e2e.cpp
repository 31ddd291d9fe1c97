// End to end: the app's real sign-in code, a real QWebEngineView (offscreen) and the
// emulator over real HTTP on loopback. Consent is given in the page, the redirect reaches
// port 5000, the code is exchanged, and the profile and every space reach the widgets.

#include "appcontroller.h"
#include "auth/signinflow.h"
#include "mainwindow.h"
#include "model/roomlistmodel.h"
#include "signinwindow.h"
#include "startupoptions.h"
#include "webenginetesthelpers.h"
#include "webexemulator.h"

#include "firstrundialog.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QWebEngineView>

namespace {
constexpr int PageTimeoutMs = 30000;

StartupOptions optionsFor(const WebexEmulator &emulator)
{
    StartupOptions options;
    QString error;
    const auto base = ApiBase::fromUserInput(emulator.baseUrl().toString(), &error);
    if (!base)
        qFatal("emulator base refused: %s", qPrintable(error));
    options.apiBase = *base;
    return options;
}

// Waits for the sign-in window to show the emulator's consent page; returns its page.
QWebEnginePage *waitForConsentPage(AppController &controller)
{
    if (!QTest::qWaitFor([&] { return controller.signInWindow() != nullptr; }, PageTimeoutMs))
        return nullptr;
    QWebEnginePage *page = controller.signInWindow()->view()->page();
    if (!QTest::qWaitFor([&] { return pageHasElement(page, QStringLiteral("accept")); },
                         PageTimeoutMs))
        return nullptr;
    return page;
}

QString labelText(QWidget *window, const char *name)
{
    auto *label = window->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}
} // namespace

class TestSignInEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void signInShowsProfileAndEverySpace();
    void declinedConsentSaysSoAndAllowsRetry();
    void closingTheSignInWindowEndsTheAttempt();
    void everyControlHasAnAccessibleName();
    void demoSignsInToTheBuiltInEmulator();
    void firstRunDialogTakesCredentialsAndSignsIn();
    void wrongClientSecretShowsWebexMessageAndTrackingId();
};

void TestSignInEndToEnd::signInShowsProfileAndEverySpace()
{
    EmulatorOptions emulatorOptions;
    emulatorOptions.roomCount = 2345; // three pages of at most 1000
    WebexEmulator emulator(emulatorOptions);
    QVERIFY(emulator.listen());

    AppController controller(optionsFor(emulator));
    controller.setCredentials(
        ClientCredentials(emulatorOptions.clientId, emulatorOptions.clientSecret));
    QSignalSpy roomsLoaded(&controller, &AppController::roomsLoaded);
    QSignalSpy profileShown(&controller, &AppController::profileShown);
    QSignalSpy failures(&controller, &AppController::signInFailed);
    controller.start();

    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY2(page, "the emulator's consent page never showed in the sign-in window");
    QVERIFY(controller.signInFlow()->isListening());

    // What Webex saw: the registered redirect URI to the letter, our scope, PKCE S256, and
    // a state of at least 128 bits.
    const QVariantMap authorize = emulator.lastAuthorizeQuery();
    QCOMPARE(authorize.value(QStringLiteral("redirect_uri")).toString(),
             QStringLiteral("http://localhost:5000/auth/cisco/callback"));
    QCOMPARE(authorize.value(QStringLiteral("scope")).toString(), QStringLiteral("spark:all"));
    QCOMPARE(authorize.value(QStringLiteral("code_challenge_method")).toString(),
             QStringLiteral("S256"));
    QVERIFY(authorize.value(QStringLiteral("state")).toString().size() >= 22);

    runJavaScript(page, QStringLiteral("document.getElementById('accept').click()"));

    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, PageTimeoutMs);
    QCOMPARE(failures.count(), 0);
    QCOMPARE(roomsLoaded.first().first().toInt(), 2345);
    QCOMPARE(profileShown.count(), 1);

    const QVariantMap token = emulator.lastTokenRequest();
    QCOMPARE(token.value(QStringLiteral("grant_type")).toString(),
             QStringLiteral("authorization_code"));
    QVERIFY(!token.value(QStringLiteral("code_verifier")).toString().isEmpty());

    // The sign-in browser and the listener are gone once signed in.
    QTRY_VERIFY(controller.signInWindow() == nullptr);
    QVERIFY(!controller.signInFlow()->isListening());

    MainWindow *window = controller.mainWindow();
    QCOMPARE(labelText(window, "nameLabel"), emulator.userDisplayName());
    QCOMPARE(labelText(window, "emailLabel"), emulator.userEmail());
    QTRY_VERIFY(!window->findChild<QLabel *>(QStringLiteral("avatarLabel"))->pixmap().isNull());

    auto *list = window->findChild<QListView *>(QStringLiteral("roomList"));
    QVERIFY(list);
    QAbstractItemModel *model = list->model();
    QCOMPARE(model->rowCount(), 2345);
    QCOMPARE(emulator.requestCount(QStringLiteral("/v1/rooms")), 3);
    QSet<QString> ids;
    QDateTime previous = model->index(0, 0).data(RoomListModel::LastActivityRole).toDateTime();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        ids.insert(index.data(RoomListModel::IdRole).toString());
        const QDateTime activity = index.data(RoomListModel::LastActivityRole).toDateTime();
        QVERIFY2(activity <= previous, "spaces are not sorted by last activity");
        previous = activity;
        QVERIFY(!index.data(Qt::DisplayRole).toString().isEmpty());
    }
    QCOMPARE(ids.size(), 2345);
}

void TestSignInEndToEnd::declinedConsentSaysSoAndAllowsRetry()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    AppController controller(optionsFor(emulator));
    controller.setCredentials(
        ClientCredentials(emulator.options().clientId, emulator.options().clientSecret));
    QSignalSpy failures(&controller, &AppController::signInFailed);
    controller.start();

    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY(page);
    runJavaScript(page, QStringLiteral("document.getElementById('decline').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, PageTimeoutMs);
    const QString shown = labelText(controller.mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("declined")), qPrintable(shown));
    QTRY_VERIFY(controller.signInWindow() == nullptr);
    QVERIFY(!controller.signInFlow()->isListening());

    // The way back: Sign In works again right away.
    auto *signIn =
        controller.mainWindow()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(signIn->isEnabled());
    signIn->click();
    QVERIFY(waitForConsentPage(controller));
}

void TestSignInEndToEnd::closingTheSignInWindowEndsTheAttempt()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    AppController controller(optionsFor(emulator));
    controller.setCredentials(
        ClientCredentials(emulator.options().clientId, emulator.options().clientSecret));
    QSignalSpy failures(&controller, &AppController::signInFailed);
    controller.start();
    QVERIFY(waitForConsentPage(controller));

    controller.signInWindow()->close();
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, PageTimeoutMs);
    QVERIFY2(failures.first().first().toString().contains(QStringLiteral("closed")),
             qPrintable(failures.first().first().toString()));
    QVERIFY(!controller.signInFlow()->isListening());
}

void TestSignInEndToEnd::everyControlHasAnAccessibleName()
{
    EmulatorOptions emulatorOptions;
    emulatorOptions.roomCount = 40;
    WebexEmulator emulator(emulatorOptions);
    QVERIFY(emulator.listen());
    AppController controller(optionsFor(emulator));
    controller.setCredentials(
        ClientCredentials(emulatorOptions.clientId, emulatorOptions.clientSecret));
    QSignalSpy roomsLoaded(&controller, &AppController::roomsLoaded);
    controller.start();
    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY(page);
    runJavaScript(page, QStringLiteral("document.getElementById('accept').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, PageTimeoutMs);

    MainWindow *window = controller.mainWindow();
    const auto widgets = window->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(iface);
        QVERIFY2(!iface->text(QAccessible::Name).isEmpty(),
                 qPrintable(widget->objectName() + QStringLiteral(" has no accessible name")));
        ++checked;
    }
    QVERIFY(checked >= 1);

    // Labels keep their visible text for screen readers.
    for (const char *name : {"nameLabel", "emailLabel"}) {
        auto *label = window->findChild<QLabel *>(QLatin1String(name));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(label);
        QCOMPARE(iface->text(QAccessible::Name), label->text());
    }

    // The rooms list exposes each room's title.
    auto *list = window->findChild<QListView *>(QStringLiteral("roomList"));
    QAccessibleInterface *listIface = QAccessible::queryAccessibleInterface(list);
    QVERIFY(listIface);
    QVERIFY(listIface->childCount() > 0);
    const QString firstTitle = list->model()->index(0, 0).data(RoomListModel::TitleRole).toString();
    bool found = false;
    for (int i = 0; i < listIface->childCount() && !found; ++i)
        found = listIface->child(i)->text(QAccessible::Name) == firstTitle;
    QVERIFY2(found, qPrintable(QStringLiteral("no accessible item named ") + firstTitle));
}

void TestSignInEndToEnd::demoSignsInToTheBuiltInEmulator()
{
    StartupOptions options;
    options.demo = true;
    options.demoRooms = 1500;
    AppController controller(options);
    QSignalSpy roomsLoaded(&controller, &AppController::roomsLoaded);
    controller.start();

    QVERIFY(controller.demoEmulator());
    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY(page);
    QCOMPARE(page->url().host(), QStringLiteral("127.0.0.1"));
    runJavaScript(page, QStringLiteral("document.getElementById('accept').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, PageTimeoutMs);
    QCOMPARE(roomsLoaded.first().first().toInt(), 1500);
    QCOMPARE(labelText(controller.mainWindow(), "nameLabel"),
             controller.demoEmulator()->userDisplayName());
}

void TestSignInEndToEnd::firstRunDialogTakesCredentialsAndSignsIn()
{
    qunsetenv("WEBEX_CLIENT_ID");
    qunsetenv("WEBEX_CLIENT_SECRET");
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    AppController controller(optionsFor(emulator));
    QSignalSpy roomsLoaded(&controller, &AppController::roomsLoaded);
    controller.start();

    // No credentials anywhere: the set-up dialog asks for them.
    FirstRunDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = controller.mainWindow()->findChild<FirstRunDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto *redirect = dialog->findChild<QLineEdit *>(QStringLiteral("redirectUriEdit"));
    QCOMPARE(redirect->text(), QStringLiteral("http://localhost:5000/auth/cisco/callback"));

    // A secret left out keeps the dialog open and says what is missing.
    auto *id = dialog->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
    auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("clientSecretEdit"));
    QTest::keyClicks(id, emulator.options().clientId);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(labelText(dialog, "problemLabel").contains(QStringLiteral("Client Secret")));
    QCOMPARE(id->text(), emulator.options().clientId);

    QTest::keyClicks(secret, emulator.options().clientSecret);
    dialog->accept();
    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY(page);
    runJavaScript(page, QStringLiteral("document.getElementById('accept').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, PageTimeoutMs);
    QCOMPARE(roomsLoaded.first().first().toInt(), emulator.roomCount());
}

void TestSignInEndToEnd::wrongClientSecretShowsWebexMessageAndTrackingId()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    AppController controller(optionsFor(emulator));
    controller.setCredentials(
        ClientCredentials(emulator.options().clientId, QStringLiteral("notTheRightSecret1")));
    QSignalSpy failures(&controller, &AppController::signInFailed);
    controller.start();
    QWebEnginePage *page = waitForConsentPage(controller);
    QVERIFY(page);
    runJavaScript(page, QStringLiteral("document.getElementById('accept').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, PageTimeoutMs);
    const QString shown = labelText(controller.mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("Tracking ID")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("ROUTER_")), qPrintable(shown));
    QVERIFY(!controller.signInFlow()->isListening());
}

int main(int argc, char *argv[])
{
    // QtWebEngine needs shared contexts before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestSignInEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin_e2e.moc"
