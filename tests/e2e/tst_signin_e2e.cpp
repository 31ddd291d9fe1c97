// End to end: the app's real code (AppController and its windows), the real sign-in helper
// process with its QWebEngineView (offscreen), the emulator over real HTTP on loopback, and
// a real Secret Service (the test command's private gnome-keyring). The page is clicked over
// Chromium's DevTools protocol, as a person would click it.

#include "api/apibase.h"
#include "appcontroller.h"
#include "auth/sessionkeeper.h"
#include "auth/signinflow.h"
#include "auth/storedsession.h"
#include "consentbrowser.h"
#include "demoemulatorprocess.h"
#include "e2efixture.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "model/roomlistmodel.h"
#include "profilecontroller.h"
#include "sessioncontroller.h"
#include "signinbrowserdriver.h"
#include "signinbrowserprocess.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "webexemulator.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {
constexpr int WaitMs = 60000;

QString labelText(QWidget *window, const char *name)
{
    auto *label = window->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

// Whether the Secret Service holds any item of `service` (QtKeychain files it as "server").
int secretToolItems(const QString &service)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                               QStringLiteral("server"), service});
    tool.waitForFinished(20000);
    return int(QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError())
                   .count(QStringLiteral("[/")));
}

// Plays the system web browser: QDesktopServices hands URLs to this object.
class SystemBrowser : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void openUrl(const QUrl &url) { opened.append(url); }
};
} // namespace

class TestSignInEndToEnd : public E2eFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signInShowsProfileAndEverySpace();
    void restartWithStoredSessionOpensWithoutSignIn();
    void expiredAccessTokenIsRefreshedAtStart();
    void shortLivedTokensAreRenewedAndRemembered();
    void revokedRefreshTokenReturnsToSignIn();
    void signOutForgetsEverything();
    void declinedConsentSaysSoAndAllowsRetry();
    void closingTheSignInWindowEndsTheAttempt();
    void unreachableWebexEndsTheAttempt();
    void systemBrowserSignIn();
    void cancelSignInFromTheMainWindow();
    void everyControlHasAnAccessibleName();
    void demoSignsInToTheBuiltInEmulator();
    void demoEmulatorEndsWithTheApp();
    void demoThatCannotStartSaysSo();
    void firstRunDialogTakesCredentialsAndSignsIn();
    void wrongClientSecretShowsWebexMessageAndTrackingId();

private:
    // A controller against the emulator, remembering sessions under this test's service.
    std::unique_ptr<AppController> makeController(bool withCredentials = true);
    // Signs in through the sign-in window and waits for the spaces.
    bool signInThroughBrowser(AppController &controller);
};

void TestSignInEndToEnd::init()
{
    QVERIFY(startEmulatorAndKeychain(QStringLiteral("webex-desk-e2e-"), 120));
    qunsetenv("WEBEX_CLIENT_ID");
    qunsetenv("WEBEX_CLIENT_SECRET");
}

void TestSignInEndToEnd::cleanup()
{
    QVERIFY(stopEmulatorAndKeychain());
}

std::unique_ptr<AppController> TestSignInEndToEnd::makeController(bool withCredentials)
{
    auto controller = std::make_unique<AppController>(startupOptions());
    controller->session()->setSignInHelper(QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH));
    if (withCredentials)
        controller->session()->setCredentials(
            ClientCredentials(emulator()->options().clientId, emulator()->options().clientSecret));
    return controller;
}

bool TestSignInEndToEnd::signInThroughBrowser(AppController &controller)
{
    SignInBrowserDriver browser;
    QSignalSpy roomsLoaded(controller.spaces(), &SpacesController::roomsLoaded);
    if (!controller.mainWindow()->isVisible())
        controller.start();
    else
        controller.session()->signIn();
    if (!browser.waitForConsent(controller)) {
        qWarning() << "no consent page:" << browser.lastError();
        return false;
    }
    browser.click(QStringLiteral("accept"));
    return QTest::qWaitFor([&] { return !roomsLoaded.isEmpty(); }, WaitMs);
}

void TestSignInEndToEnd::signInShowsProfileAndEverySpace()
{
    QVERIFY(restartEmulator(2345)); // three pages of at most 1000

    auto controller = makeController();
    QSignalSpy roomsLoaded(controller->spaces(), &SpacesController::roomsLoaded);
    QSignalSpy profileShown(controller->profile(), &ProfileController::profileShown);
    QSignalSpy failures(controller->session(), &SessionController::signInFailed);
    SignInBrowserDriver browser;
    controller->start();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
    QVERIFY(controller->session()->signInFlow()->isListening());

    // What Webex saw: the registered redirect URI to the letter, our scope, PKCE S256, and a
    // state of at least 128 bits.
    const QVariantMap authorize = emulator()->lastAuthorizeQuery();
    QCOMPARE(authorize.value(QStringLiteral("redirect_uri")).toString(),
             QStringLiteral("http://localhost:5000/auth/cisco/callback"));
    QCOMPARE(authorize.value(QStringLiteral("scope")).toString(), QStringLiteral("spark:all"));
    QCOMPARE(authorize.value(QStringLiteral("code_challenge_method")).toString(),
             QStringLiteral("S256"));
    QVERIFY(authorize.value(QStringLiteral("state")).toString().size() >= 22);

    browser.click(QStringLiteral("accept"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QCOMPARE(failures.count(), 0);
    QCOMPARE(roomsLoaded.first().first().toInt(), 2345);
    QCOMPARE(profileShown.count(), 1);
    QVERIFY(!emulator()
                 ->lastTokenRequest()
                 .value(QStringLiteral("code_verifier"))
                 .toString()
                 .isEmpty());

    // The sign-in browser, its process and the listener are gone once signed in.
    QVERIFY(controller->session()->signInBrowser() == nullptr);
    QVERIFY(!controller->session()->signInFlow()->isListening());

    MainWindow *window = controller->mainWindow();
    QCOMPARE(labelText(window, "nameLabel"), emulator()->userDisplayName());
    QCOMPARE(labelText(window, "emailLabel"), emulator()->userEmail());
    QTRY_VERIFY(!window->findChild<QLabel *>(QStringLiteral("avatarLabel"))->pixmap().isNull());

    auto *list = window->findChild<QListView *>(QStringLiteral("roomList"));
    QAbstractItemModel *model = list->model();
    QCOMPARE(model->rowCount(), 2345);
    // Three pages of 1000 (the catch-up that follows going live asks for the newest 100
    // besides, whenever live comes).
    int fullListPages = 0;
    for (const QUrl &url : emulator()->requestedUrls()) {
        fullListPages +=
            url.path() == QLatin1String("/v1/rooms") &&
            QUrlQuery(url).queryItemValue(QStringLiteral("max")) != QLatin1String("100");
    }
    QCOMPARE(fullListPages, 3);
    QSet<QString> ids;
    QDateTime previous = model->index(0, 0).data(RoomListModel::LastActivityRole).toDateTime();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        ids.insert(index.data(RoomListModel::IdRole).toString());
        const QDateTime activity = index.data(RoomListModel::LastActivityRole).toDateTime();
        QVERIFY2(activity <= previous, "spaces are not sorted by last activity");
        previous = activity;
    }
    QCOMPARE(ids.size(), 2345);

    // Remembered in the keychain, all of it in one entry.
    QTRY_VERIFY_WITH_TIMEOUT(rememberedSession().has_value(), 20000);
    const StoredSession stored = *rememberedSession();
    QCOMPARE(stored.apiBase, emulator()->baseUrl());
    QCOMPARE(stored.clientSecret, emulator()->options().clientSecret);
    QVERIFY(!stored.tokens.refreshToken.isEmpty());
    QCOMPARE(secretToolItems(keychainService()), 1);
}

void TestSignInEndToEnd::restartWithStoredSessionOpensWithoutSignIn()
{
    {
        auto first = makeController();
        QVERIFY(signInThroughBrowser(*first));
        QTRY_VERIFY_WITH_TIMEOUT(rememberedSession().has_value(), 20000);
    }
    const int authorizePages = emulator()->requestCount(QStringLiteral("/v1/authorize"));
    const int tokenRequests = emulator()->requestCount(QStringLiteral("/v1/access_token"));

    // "Restart": a new controller with no credentials given, as after a fresh start.
    auto second = makeController(false);
    QSignalSpy restored(second->session(), &SessionController::sessionRestored);
    QSignalSpy roomsLoaded(second->spaces(), &SpacesController::roomsLoaded);
    second->start();
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QCOMPARE(restored.count(), 1);
    QCOMPARE(roomsLoaded.first().first().toInt(), emulator()->roomCount());
    QVERIFY(second->session()->signInBrowser() == nullptr); // no sign-in window was ever needed
    QVERIFY(second->mainWindow()->findChild<FirstRunDialog *>() == nullptr);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/authorize")), authorizePages);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/access_token")), tokenRequests);
    QCOMPARE(labelText(second->mainWindow(), "nameLabel"), emulator()->userDisplayName());
}

void TestSignInEndToEnd::expiredAccessTokenIsRefreshedAtStart()
{
    {
        auto first = makeController();
        QVERIFY(signInThroughBrowser(*first));
    }
    // Days later: the access token has expired, the refresh token has not.
    StoredSession stored = *rememberedSession();
    stored.tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QVERIFY(rememberSession(stored));
    const int tokenRequests = emulator()->requestCount(QStringLiteral("/v1/access_token"));
    const int meRequests = emulator()->requestCount(QStringLiteral("/v1/people/me"));

    auto second = makeController(false);
    QSignalSpy roomsLoaded(second->spaces(), &SpacesController::roomsLoaded);
    second->start();
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/access_token")), tokenRequests + 1);
    // The expired token was never sent: the refresh came first.
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/people/me")), meRequests + 1);
    QVERIFY(second->session()->signInBrowser() == nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(rememberedSession()->tokens.accessToken != stored.tokens.accessToken,
                             20000);
}

void TestSignInEndToEnd::shortLivedTokensAreRenewedAndRemembered()
{
    emulator()->setAccessTokenLifetime(3);
    auto controller = makeController();
    QVERIFY(signInThroughBrowser(*controller));
    const QString firstToken = controller->session()->sessionKeeper()->tokens().accessToken;
    QSignalSpy renewed(controller->session()->sessionKeeper(), &SessionKeeper::tokensChanged);
    QTRY_VERIFY_WITH_TIMEOUT(renewed.count() >= 2, WaitMs);
    QVERIFY(controller->session()->isSignedIn());
    const QString latest = controller->session()->sessionKeeper()->tokens().accessToken;
    QVERIFY(latest != firstToken);
    // The keychain follows the renewals.
    QTRY_VERIFY_WITH_TIMEOUT(rememberedSession()->tokens.accessToken ==
                                 controller->session()->sessionKeeper()->tokens().accessToken,
                             20000);
}

void TestSignInEndToEnd::revokedRefreshTokenReturnsToSignIn()
{
    {
        auto first = makeController();
        QVERIFY(signInThroughBrowser(*first));
    }
    StoredSession stored = *rememberedSession();
    stored.tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QVERIFY(rememberSession(stored));
    emulator()->revokeRefreshTokens();

    auto second = makeController(false);
    QSignalSpy ended(second->session(), &SessionController::sessionEnded);
    second->start();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, WaitMs);
    const QString shown = labelText(second->mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("sign in again")), qPrintable(shown));
    QVERIFY(!second->session()->isSignedIn());
    QTRY_VERIFY_WITH_TIMEOUT(!rememberedSession().has_value(), 20000);
}

void TestSignInEndToEnd::signOutForgetsEverything()
{
    auto controller = makeController();
    QVERIFY(signInThroughBrowser(*controller));
    QTRY_COMPARE_WITH_TIMEOUT(secretToolItems(keychainService()), 1, 20000);

    QSignalSpy signedOut(controller->session(), &SessionController::signedOut);
    // The menu's shortcut, as a person would use it.
    QTest::keyClick(controller->mainWindow(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, 20000);
    QVERIFY(!controller->session()->isSignedIn());
    QCOMPARE(controller->spaces()->roomModel()->rowCount(), 0);
    QVERIFY(
        labelText(controller->mainWindow(), "statusLabel").contains(QStringLiteral("signed out")));
    QVERIFY(!rememberedSession().has_value());
    QCOMPARE(secretToolItems(keychainService()), 0);

    // A different account signs in next: Webex is asked again, and the profile is theirs.
    QVERIFY(emulator()->setSignedInPerson(3));
    const int authorizePages = emulator()->requestCount(QStringLiteral("/v1/authorize"));
    QVERIFY(signInThroughBrowser(*controller));
    QCOMPARE(emulator()->requestCount(QStringLiteral("/v1/authorize")), authorizePages + 1);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(controller->mainWindow(), "nameLabel"),
                              emulator()->personDisplayName(3), WaitMs);
    QCOMPARE(labelText(controller->mainWindow(), "emailLabel"), emulator()->personEmail(3));
}

void TestSignInEndToEnd::declinedConsentSaysSoAndAllowsRetry()
{
    auto controller = makeController();
    QSignalSpy failures(controller->session(), &SessionController::signInFailed);
    SignInBrowserDriver browser;
    controller->start();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
    browser.click(QStringLiteral("decline"));
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, WaitMs);
    const QString shown = labelText(controller->mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("declined")), qPrintable(shown));
    QVERIFY(controller->session()->signInBrowser() == nullptr);
    QVERIFY(!controller->session()->signInFlow()->isListening());

    auto *signIn =
        controller->mainWindow()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    QVERIFY(signIn->isEnabled());
    signIn->click();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
}

void TestSignInEndToEnd::closingTheSignInWindowEndsTheAttempt()
{
    auto controller = makeController();
    QSignalSpy failures(controller->session(), &SessionController::signInFailed);
    SignInBrowserDriver browser;
    controller->start();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
    browser.closeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, WaitMs);
    QVERIFY2(failures.first().first().toString().contains(QStringLiteral("closed")),
             qPrintable(failures.first().first().toString()));
    QVERIFY(!controller->session()->signInFlow()->isListening());
}

void TestSignInEndToEnd::unreachableWebexEndsTheAttempt()
{
    // Webex's address accepts no connection: the sign-in page cannot load.
    const quint16 deadPort = emulator()->serverPort();
    stopEmulator();
    StartupOptions options;
    options.apiBase =
        *ApiBase::fromUserInput(QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort));
    options.keychainService = keychainService();
    AppController controller(options);
    controller.session()->setSignInHelper(QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH));
    controller.session()->setCredentials(
        ClientCredentials(QStringLiteral("Cid12345678"), QStringLiteral("secret12345")));
    QSignalSpy failures(controller.session(), &SessionController::signInFailed);
    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, WaitMs);
    const QString shown = labelText(controller.mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("could not be loaded")), qPrintable(shown));
    QVERIFY(!controller.session()->signInFlow()->isListening());
    QTRY_VERIFY(controller.session()->signInBrowser() == nullptr);
}

void TestSignInEndToEnd::systemBrowserSignIn()
{
    SystemBrowser systemBrowser;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &systemBrowser, "openUrl");
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &systemBrowser, "openUrl");
    auto controller = makeController();
    QSignalSpy roomsLoaded(controller->spaces(), &SpacesController::roomsLoaded);
    controller->mainWindow()->show();
    controller->session()->signInWithSystemBrowser();
    QTRY_COMPARE_WITH_TIMEOUT(systemBrowser.opened.count(), 1, WaitMs);
    QVERIFY(controller->session()->signInBrowser() ==
            nullptr); // no helper: the system browser signs in
    QCOMPARE(systemBrowser.opened.first().toString(QUrl::RemoveQuery),
             emulator()->baseUrl().toString() + QStringLiteral("/authorize"));

    // The browser does what a browser does: shows the page, the person accepts, the redirect
    // reaches port 5000.
    ConsentBrowser browser;
    QString problem;
    QVERIFY2(browser.answer(systemBrowser.opened.first(), ConsentBrowser::Answer::Accept, &problem)
                 .isValid(),
             qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestSignInEndToEnd::cancelSignInFromTheMainWindow()
{
    SystemBrowser systemBrowser;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &systemBrowser, "openUrl");
    auto controller = makeController();
    QSignalSpy failures(controller->session(), &SessionController::signInFailed);
    controller->mainWindow()->show();
    controller->session()->signInWithSystemBrowser();
    QTRY_COMPARE_WITH_TIMEOUT(systemBrowser.opened.count(), 1, WaitMs);
    auto *cancel =
        controller->mainWindow()->findChild<QPushButton *>(QStringLiteral("cancelSignInButton"));
    QVERIFY(cancel->isVisible());
    cancel->click();
    QCOMPARE(failures.count(), 1);
    QVERIFY(!controller->session()->signInFlow()->isListening());
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

void TestSignInEndToEnd::everyControlHasAnAccessibleName()
{
    auto controller = makeController();
    QVERIFY(signInThroughBrowser(*controller));

    MainWindow *window = controller->mainWindow();
    int checked = 0;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(iface);
        QVERIFY2(!iface->text(QAccessible::Name).isEmpty(),
                 qPrintable(widget->objectName() + QStringLiteral(" has no accessible name")));
        ++checked;
    }
    QVERIFY(checked >= 1);
    for (const char *name : {"nameLabel", "emailLabel"}) {
        auto *label = window->findChild<QLabel *>(QLatin1String(name));
        QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name),
                 label->text());
    }
    auto *list = window->findChild<QListView *>(QStringLiteral("roomList"));
    QAccessibleInterface *listIface = QAccessible::queryAccessibleInterface(list);
    QVERIFY(listIface && listIface->childCount() > 0);
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
    options.keychainService = keychainService();
    AppController controller(options);
    controller.session()->setSignInHelper(QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH));
    QSignalSpy roomsLoaded(controller.spaces(), &SpacesController::roomsLoaded);
    SignInBrowserDriver browser;
    controller.start();
    // The demo's Webex is webex-emulator, a process of its own: the app links no emulator.
    // Started once the window's first frame is on screen.
    QTRY_VERIFY_WITH_TIMEOUT(controller.demo() && controller.demo()->isReady(), WaitMs);
    const qint64 emulatorPid = controller.demo()->processId();
    QVERIFY(emulatorPid > 0);
    QCOMPARE(QFileInfo(QStringLiteral("/proc/%1/exe").arg(emulatorPid)).symLinkTarget(),
             QFileInfo(QStringLiteral(WEBEXDESK_EMULATOR_PATH)).canonicalFilePath());
    QVERIFY(ApiBase::isLoopbackHost(controller.session()->apiBase().baseUrl().host()));
    QVERIFY2(browser.waitForConsent(controller), qPrintable(browser.lastError()));
    QCOMPARE(browser.currentUrl().host(), QStringLiteral("127.0.0.1"));
    browser.click(QStringLiteral("accept"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
    QCOMPARE(roomsLoaded.first().first().toInt(), 1500);
    // The same seeded world as an emulator made here: the same person is signed in.
    QCOMPARE(labelText(controller.mainWindow(), "nameLabel"), WebexEmulator().userDisplayName());
    // The demo plays someone back after a day away: yesterday's spaces are marked, not all.
    RoomListModel *rooms = controller.spaces()->roomModel();
    const QDateTime dayAgo = rooms->seenBaseline();
    QVERIFY(qAbs(dayAgo.secsTo(QDateTime::currentDateTimeUtc().addDays(-1))) < 120);
    int marked = 0;
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QModelIndex index = rooms->index(row);
        const bool isNew = index.data(RoomListModel::HasNewActivityRole).toBool();
        QCOMPARE(isNew, index.data(RoomListModel::LastActivityRole).toDateTime() > dayAgo);
        marked += isNew ? 1 : 0;
    }
    QVERIFY2(marked > 0 && marked < 1500, qPrintable(QString::number(marked)));
    // A demo session points at an emulator that is gone next time: not remembered.
    QVERIFY(!rememberedSession().has_value());
    // The emulator ends with the app.
    controller.session()->signOut();
    QVERIFY(QFileInfo::exists(QStringLiteral("/proc/%1").arg(emulatorPid)));
}

void TestSignInEndToEnd::demoEmulatorEndsWithTheApp()
{
    StartupOptions options;
    options.demo = true;
    options.demoRooms = 10;
    options.keychainService = keychainService();
    qint64 emulatorPid = 0;
    {
        AppController controller(options);
        controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(controller.demo() && controller.demo()->isReady(), WaitMs);
        emulatorPid = controller.demo()->processId();
        QVERIFY(QFileInfo::exists(QStringLiteral("/proc/%1").arg(emulatorPid)));
    }
    // Gone, not a zombie: QProcess has reaped it.
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(emulatorPid)));
}

void TestSignInEndToEnd::demoThatCannotStartSaysSo()
{
    StartupOptions options;
    options.demo = true;
    options.keychainService = keychainService();
    AppController controller(options);
    qputenv("WEBEXDESK_DEMO_EMULATOR", "/nonexistent/webex-emulator");
    const auto restore =
        qScopeGuard([] { qputenv("WEBEXDESK_DEMO_EMULATOR", WEBEXDESK_EMULATOR_PATH); });
    controller.start();
    QLabel *status = controller.mainWindow()->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("/nonexistent/webex-emulator")),
                             WaitMs);
    QVERIFY(!controller.session()->isSigningIn());
    QVERIFY(!controller.session()->isSignedIn());
}

void TestSignInEndToEnd::firstRunDialogTakesCredentialsAndSignsIn()
{
    auto controller = makeController(false);
    QSignalSpy roomsLoaded(controller->spaces(), &SpacesController::roomsLoaded);
    SignInBrowserDriver browser;
    controller->start();

    FirstRunDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = controller->mainWindow()->findChild<FirstRunDialog *>()) != nullptr, WaitMs);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("redirectUriEdit"))->text(),
             QStringLiteral("http://localhost:5000/auth/cisco/callback"));
    dialog->findChild<QPushButton *>(QStringLiteral("copyRedirectUriButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("http://localhost:5000/auth/cisco/callback"));
    QCOMPARE(labelText(dialog, "scopeLabel"), QStringLiteral("spark:all"));
    auto *id = dialog->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
    auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("clientSecretEdit"));
    QTest::keyClicks(id, emulator()->options().clientId);
    dialog->accept();
    QVERIFY(dialog->isVisible()); // the secret is missing: it stays, and says so
    QVERIFY(labelText(dialog, "problemLabel").contains(QStringLiteral("Client Secret")));
    QCOMPARE(id->text(), emulator()->options().clientId);

    QTest::keyClicks(secret, emulator()->options().clientSecret);
    dialog->accept();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
    browser.click(QStringLiteral("accept"));
    QTRY_COMPARE_WITH_TIMEOUT(roomsLoaded.count(), 1, WaitMs);
}

void TestSignInEndToEnd::wrongClientSecretShowsWebexMessageAndTrackingId()
{
    auto controller = makeController(false);
    controller->session()->setCredentials(
        ClientCredentials(emulator()->options().clientId, QStringLiteral("notTheRightSecret1")));
    QSignalSpy failures(controller->session(), &SessionController::signInFailed);
    SignInBrowserDriver browser;
    controller->start();
    QVERIFY2(browser.waitForConsent(*controller), qPrintable(browser.lastError()));
    browser.click(QStringLiteral("accept"));
    QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, WaitMs);
    const QString shown = labelText(controller->mainWindow(), "statusLabel");
    QVERIFY2(shown.contains(QStringLiteral("Client Secret")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Tracking ID: ROUTER_")), qPrintable(shown));
    QVERIFY(!rememberedSession().has_value());
}

QTEST_MAIN(TestSignInEndToEnd)
#include "tst_signin_e2e.moc"
