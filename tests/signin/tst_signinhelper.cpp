// The sign-in helper webex-desk-signin, driven as Webex Desk drives it: SignInBrowserProcess
// starts it and talks to it over the pipe, the emulator serves the consent page over real
// HTTP, and the page is read and clicked over Chromium's DevTools protocol. This process never
// loads QtWebEngine; the last test checks that.

#include "devtoolspage.h"
#include "procfs.h"
#include "selfsignedhttpsserver.h"
#include "signinbrowserprocess.h"
#include "webexemulator.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <optional>

namespace {
// Generous: QtWebEngine's first start on a loaded CI machine can take many seconds.
constexpr int StartTimeoutMs = 60000;
constexpr int PageTimeoutMs = 30000;
constexpr int ExitTimeoutMs = 30000;

// What /proc/<pid>/stat says about a process: fields 3 (state), 4 (ppid) and 22 (start time,
// which tells a process from a later one that reuses its pid).
struct ProcStat
{
    bool valid = false;
    char state = '?';
    qint64 ppid = 0;
    quint64 startTime = 0;
};

ProcStat parseStat(const QByteArray &stat)
{
    ProcStat result;
    // The name in parentheses may hold spaces and parentheses: the fields follow the last ')'.
    const int afterName = stat.lastIndexOf(')');
    if (afterName < 0)
        return result;
    const QList<QByteArray> fields = stat.mid(afterName + 2).split(' ');
    if (fields.size() < 20 || fields.at(0).isEmpty())
        return result;
    result.state = fields.at(0).at(0);
    result.ppid = fields.at(1).toLongLong(&result.valid);
    bool startTimeOk = false;
    result.startTime = fields.at(19).toULongLong(&startTimeOk);
    result.valid = result.valid && startTimeOk;
    return result;
}

ProcStat readStat(qint64 pid)
{
    return parseStat(ProcFs::read(pid, QStringLiteral("stat")));
}

// A process that still runs: one of its threads is not dead. A zombie waiting for its parent
// to reap it does not run, but its main thread may be a zombie while other threads still
// exit, so every thread counts.
bool isRunning(qint64 pid)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    if (!tasks.exists())
        return false;
    const QStringList threads = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &thread : threads) {
        QFile stat(tasks.filePath(thread + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // gone since the listing
        const char state = parseStat(stat.readAll()).state;
        if (state != 'Z' && state != 'X')
            return true;
    }
    return false;
}

// The process that had `pid` and started at `startTime` still runs, not one that reused its pid.
bool isStillRunning(qint64 pid, quint64 startTime)
{
    const ProcStat stat = readStat(pid);
    return stat.valid && stat.startTime == startTime && isRunning(pid);
}

bool carriesTag(qint64 pid, const QByteArray &tag)
{
    const QList<QByteArray> environment = ProcFs::read(pid, QStringLiteral("environ")).split('\0');
    return environment.contains("WEBEXDESK_TEST_TAG=" + tag);
}

QByteArray commandLine(qint64 pid)
{
    QByteArray line = ProcFs::read(pid, QStringLiteral("cmdline"));
    line.replace('\0', ' ');
    return line;
}

// Sets environment variables of this process, which the helper inherits, for one test.
class EnvironmentOverride
{
public:
    void set(const char *name, const QByteArray &value)
    {
        if (!m_saved.contains(name))
            m_saved.insert(name, qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name))
                                                                 : std::nullopt);
        qputenv(name, value);
    }
    ~EnvironmentOverride()
    {
        for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it) {
            if (it.value())
                qputenv(it.key().constData(), *it.value());
            else
                qunsetenv(it.key().constData());
        }
    }

private:
    QHash<QByteArray, std::optional<QByteArray>> m_saved;
};

QUrl consentUrl(const WebexEmulator &emulator, const QString &state = QStringLiteral("xyz"))
{
    QUrl url(emulator.baseUrl().toString() + QStringLiteral("/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), emulator.options().clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QStringLiteral("http%3A%2F%2Flocalhost%3A5000%2Fauth%2Fcisco%2Fcallback"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("spark%3Aall"));
    query.addQueryItem(QStringLiteral("state"), state);
    url.setQuery(query);
    return url;
}
} // namespace

class TestSignInHelper : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultProgramPrefersTheEnvironment();
    void missingHelperIsReportedWithItsPath();
    void showsTheConsentPageAndCloseLeavesNoChromiumBehind();
    void secondOpenReusesTheRunningHelper();
    void closingTheWindowReportsClosedByUser();
    void endOfInputEndsTheHelper();
    void plainHttpNavigationIsRefusedAndReported();
    void badCertificateIsReportedAndThePageNeverShown();
    void helperSpeaksTheLanguageOfTheSystem();
    void signInWindowTitleIsGermanForAGermanLocale();

    void thisProcessNeverLoadedQtWebEngine();

private:
    // Opens `url` in a fresh helper and waits for the first page to finish loading.
    bool openAndWait(SignInBrowserProcess &browser, const QUrl &url);
    // The running processes of this test's helper, remembered: the helper (`helperPid`, and
    // any process whose environment carries the tag) and, down the parent links, every
    // process started under it, also once it was handed to another parent.
    QList<qint64> helperProcesses(qint64 helperPid = 0);
    // Waits until no process of this test's helper runs: none seen so far, and none new.
    bool waitForNoHelperProcess();

    QByteArray m_tag;
    // pid -> start time of every process of the helper seen so far.
    QHash<qint64, quint64> m_seen;
    quint16 m_devToolsPort = 0;
};

void TestSignInHelper::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH)),
             "build webex-desk-signin first");
    qputenv("WEBEXDESK_SIGNIN_HELPER", WEBEXDESK_SIGNIN_HELPER_PATH);
}

void TestSignInHelper::init()
{
    // The helper inherits this process's environment: a tag to find every process it
    // starts, and the port its QtWebEngine serves DevTools on.
    m_tag = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_seen.clear();
    qputenv("WEBEXDESK_TEST_TAG", m_tag);
    m_devToolsPort = DevToolsPage::freePort();
    QVERIFY(m_devToolsPort != 0);
    qputenv("QTWEBENGINE_REMOTE_DEBUGGING", "127.0.0.1:" + QByteArray::number(m_devToolsPort));
}

void TestSignInHelper::cleanup()
{
    // Whatever a failed test left running must not pollute the next one.
    QVERIFY(waitForNoHelperProcess());
}

bool TestSignInHelper::openAndWait(SignInBrowserProcess &browser, const QUrl &url)
{
    QSignalSpy loaded(&browser, &SignInBrowserProcess::pageLoaded);
    browser.open(url);
    const bool ok = loaded.wait(StartTimeoutMs) || !loaded.isEmpty();
    helperProcesses(browser.processId());
    return ok;
}

// The tag alone does not find QtWebEngine's processes: Chromium retitles them (setproctitle)
// by overwriting the memory that /proc/<pid>/environ shows, the environment included. It
// does so only where nothing changed the environment before (its setproctitle_init gives up
// otherwise), and QtWebEngineProcess adds DBUS_SESSION_BUS_ADDRESS=disabled: when there is
// no session bus: so outside a D-Bus session the tag survives, inside one it is wiped.
// The parent links find them either way.
QList<qint64> TestSignInHelper::helperProcesses(qint64 helperPid)
{
    const qint64 self = QCoreApplication::applicationPid();
    QHash<qint64, ProcStat> snapshot;
    for (qint64 pid : ProcFs::allPids()) {
        const ProcStat stat = readStat(pid);
        if (stat.valid && pid != self)
            snapshot.insert(pid, stat);
    }

    QSet<qint64> members;
    for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
        const auto seen = m_seen.constFind(it.key());
        if ((seen != m_seen.cend() && *seen == it->startTime) || it.key() == helperPid ||
            carriesTag(it.key(), m_tag))
            members.insert(it.key());
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
            if (!members.contains(it.key()) && members.contains(it->ppid)) {
                members.insert(it.key());
                grew = true;
            }
        }
    }

    QList<qint64> running;
    for (qint64 pid : std::as_const(members)) {
        m_seen.insert(pid, snapshot.value(pid).startTime);
        if (isRunning(pid))
            running << pid;
    }
    std::sort(running.begin(), running.end());
    return running;
}

bool TestSignInHelper::waitForNoHelperProcess()
{
    // helperProcesses() counts every process seen so far that still runs.
    const bool gone =
        QTest::qWaitFor([this] { return helperProcesses().isEmpty(); }, ExitTimeoutMs);
    if (!gone) {
        for (qint64 pid : helperProcesses())
            qWarning("still running: %lld %s", pid, commandLine(pid).left(120).constData());
    }
    return gone;
}

void TestSignInHelper::defaultProgramPrefersTheEnvironment()
{
    QCOMPARE(SignInBrowserProcess::defaultProgram(), QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH));

    qunsetenv("WEBEXDESK_SIGNIN_HELPER");
    const QString fallback = SignInBrowserProcess::defaultProgram();
    qputenv("WEBEXDESK_SIGNIN_HELPER", WEBEXDESK_SIGNIN_HELPER_PATH);
    // This test's directory has no helper: the installed layout's path is the answer.
    QCOMPARE(fallback, QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                       QStringLiteral("/../libexec/webex-desk/webex-desk-signin")));
}

void TestSignInHelper::missingHelperIsReportedWithItsPath()
{
    const QString missing = QDir::temp().filePath(QStringLiteral("no-such-dir/webex-desk-signin"));
    SignInBrowserProcess browser;
    browser.setProgram(missing);
    QSignalSpy failed(&browser, &SignInBrowserProcess::helperFailed);
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);
    browser.open(QUrl(QStringLiteral("https://webexapis.com/v1/authorize?state=secret")));

    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, ExitTimeoutMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QDir::toNativeSeparators(missing)), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("secret")), qPrintable(message));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, ExitTimeoutMs);
    QVERIFY(!browser.isRunning());
}

void TestSignInHelper::showsTheConsentPageAndCloseLeavesNoChromiumBehind()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy loaded(&browser, &SignInBrowserProcess::pageLoaded);
    QSignalSpy closedByUser(&browser, &SignInBrowserProcess::closedByUser);
    QSignalSpy failed(&browser, &SignInBrowserProcess::helperFailed);
    QSignalSpy loadFailed(&browser, &SignInBrowserProcess::loadFailed);
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);

    const QString state = QStringLiteral("state%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    browser.open(consentUrl(emulator, state));
    QVERIFY(loaded.wait(StartTimeoutMs));
    QCOMPARE(loaded.first().first().toBool(), true);
    QVERIFY(browser.isRunning());
    const qint64 pid = browser.processId();
    QVERIFY(pid > 0);

    DevToolsPage page(m_devToolsPort);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), PageTimeoutMs),
             qPrintable(page.lastError()));
    QVERIFY(page.waitForElement(QStringLiteral("decline"), PageTimeoutMs));
    const QUrl shown = page.currentUrl();
    QCOMPARE(shown.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(shown.path(), QStringLiteral("/v1/authorize"));
    QCOMPARE(emulator.lastAuthorizeQuery().value(QStringLiteral("state")).toString(), state);

    // The URL went over the pipe: neither the helper's command line nor those of the
    // processes QtWebEngine started show it to other users of the machine.
    const QList<qint64> processes = helperProcesses(pid);
    QVERIFY(processes.contains(pid));
    QVERIFY2(processes.size() > 1, "QtWebEngine started no process of its own?");
    QVERIFY2(
        std::any_of(processes.cbegin(), processes.cend(),
                    [](qint64 each) { return commandLine(each).contains("QtWebEngineProcess"); }),
        "QtWebEngine started no QtWebEngineProcess?");
    for (qint64 each : processes) {
        const QByteArray line = commandLine(each);
        QVERIFY2(!line.contains(state.toUtf8()), line.constData());
        QVERIFY2(!line.contains("authorize"), line.constData());
    }

    browser.close();
    QVERIFY(finished.wait(ExitTimeoutMs) || finished.count() == 1);
    QVERIFY(!browser.isRunning());
    // It closed on its own, not killed after the grace period.
    auto *process = browser.findChild<QProcess *>(QStringLiteral("signInHelperProcess"));
    QVERIFY(process);
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QCOMPARE(closedByUser.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loadFailed.count(), 0);
    // Every QtWebEngineProcess seen while the page showed is gone too.
    QVERIFY(waitForNoHelperProcess());
    for (qint64 each : processes)
        QVERIFY2(!isStillRunning(each, m_seen.value(each)),
                 ProcFs::read(each, QStringLiteral("stat")).constData());
}

void TestSignInHelper::secondOpenReusesTheRunningHelper()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy loaded(&browser, &SignInBrowserProcess::pageLoaded);
    QVERIFY(openAndWait(browser, consentUrl(emulator, QStringLiteral("first"))));
    const qint64 pid = browser.processId();

    // Sign In again while the window is open: the same window loads the new URL.
    browser.open(consentUrl(emulator, QStringLiteral("second")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, PageTimeoutMs);
    QCOMPARE(loaded.last().first().toBool(), true);
    QCOMPARE(browser.processId(), pid);
    QCOMPARE(emulator.lastAuthorizeQuery().value(QStringLiteral("state")).toString(),
             QStringLiteral("second"));
    browser.close();
}

void TestSignInHelper::closingTheWindowReportsClosedByUser()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy closedByUser(&browser, &SignInBrowserProcess::closedByUser);
    QSignalSpy failed(&browser, &SignInBrowserProcess::helperFailed);
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);
    QVERIFY(openAndWait(browser, consentUrl(emulator)));
    DevToolsPage page(m_devToolsPort);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), PageTimeoutMs),
             qPrintable(page.lastError()));

    // The page asks to close its window, as a sign-in page's "Cancel" may. The window closes
    // the way its close button (a window manager's close) closes it: QDialog::closeEvent,
    // then reject(). A key press sent over DevTools would not do: QtWebEngine hands only
    // real Qt key events that the page did not use back to the widgets.
    page.evaluate(QStringLiteral("window.close()"));
    QTRY_COMPARE_WITH_TIMEOUT(closedByUser.count(), 1, ExitTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, ExitTimeoutMs);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!browser.isRunning());
}

void TestSignInHelper::endOfInputEndsTheHelper()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy closedByUser(&browser, &SignInBrowserProcess::closedByUser);
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);
    QVERIFY(openAndWait(browser, consentUrl(emulator)));
    QVERIFY(helperProcesses(browser.processId()).size() > 1);

    // What the helper sees when Webex Desk dies: its stdin ends, with no "close" before.
    auto *process = browser.findChild<QProcess *>(QStringLiteral("signInHelperProcess"));
    QVERIFY(process);
    process->closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, ExitTimeoutMs);
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    QCOMPARE(closedByUser.count(), 0);
    QVERIFY(waitForNoHelperProcess());
}

void TestSignInHelper::plainHttpNavigationIsRefusedAndReported()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy refused(&browser, &SignInBrowserProcess::navigationRefused);
    QSignalSpy loaded(&browser, &SignInBrowserProcess::pageLoaded);
    QSignalSpy loadFailed(&browser, &SignInBrowserProcess::loadFailed);
    QVERIFY(openAndWait(browser, consentUrl(emulator)));
    DevToolsPage page(m_devToolsPort);
    QVERIFY2(page.waitForElement(QStringLiteral("accept"), PageTimeoutMs),
             qPrintable(page.lastError()));

    // A link to plain http elsewhere, e.g. planted in a page, with a secret in its query.
    page.evaluate(QStringLiteral("location.href = 'http://example.com/login?token=secret#x'"));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, PageTimeoutMs);
    const QUrl url = refused.first().first().toUrl();
    QCOMPARE(url, QUrl(QStringLiteral("http://example.com/login")));

    // The consent page stays; the refusal is not a failed load.
    QVERIFY(page.waitForElement(QStringLiteral("accept"), PageTimeoutMs));
    QCOMPARE(page.currentUrl().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loadFailed.count(), 0);
    browser.close();
}

void TestSignInHelper::badCertificateIsReportedAndThePageNeverShown()
{
    SelfSignedHttpsServer server;
    // scripts/install-deps.sh installs openssl, which makes the certificate: not a reason to skip.
    QVERIFY2(server.start(), qPrintable(server.error()));
    SignInBrowserProcess browser;
    QSignalSpy loaded(&browser, &SignInBrowserProcess::pageLoaded);
    QSignalSpy loadFailed(&browser, &SignInBrowserProcess::loadFailed);
    QSignalSpy closedByUser(&browser, &SignInBrowserProcess::closedByUser);

    QUrl url = server.baseUrl();
    url.setPath(QStringLiteral("/authorize"));
    url.setQuery(QStringLiteral("state=secret"));
    browser.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(loadFailed.count(), 1, StartTimeoutMs);
    const QString message = loadFailed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("certificate")), qPrintable(message));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, PageTimeoutMs);
    QCOMPARE(loaded.first().first().toBool(), false);

    // Nothing got through TLS: no request was read, let alone answered, and the page in
    // the window is not the server's.
    QCOMPARE(server.pagesServed(), 0);
    QVERIFY(server.handshakesRefused() >= 1);
    DevToolsPage page(m_devToolsPort);
    QVERIFY2(page.connectToPage(PageTimeoutMs), qPrintable(page.lastError()));
    const QString text =
        page.evaluate(QStringLiteral("document.documentElement.outerHTML")).toString();
    QVERIFY2(!text.contains(QLatin1String(SelfSignedHttpsServer::Marker)),
             qPrintable(text.left(300)));
    QCOMPARE(loadFailed.count(), 1);
    QCOMPARE(closedByUser.count(), 0);
    browser.close();
}

void TestSignInHelper::helperSpeaksTheLanguageOfTheSystem()
{
    // --help shows the helper's own texts and Qt's (QCommandLineParser's --help line) through
    // the translators installed at start, without a display or a page.
    const auto helpIn = [](const QByteArray &locale, const QByteArray &language) {
        QProcess helper;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QString::fromLatin1(locale));
        environment.insert(QStringLiteral("LANG"), QString::fromLatin1(locale));
        environment.insert(QStringLiteral("LANGUAGE"), QString::fromLatin1(language));
        helper.setProcessEnvironment(environment);
        helper.start(QStringLiteral(WEBEXDESK_SIGNIN_HELPER_PATH), {QStringLiteral("--help")});
        if (!helper.waitForFinished(StartTimeoutMs) || helper.exitCode() != 0)
            return QString();
        return QString::fromUtf8(helper.readAllStandardOutput());
    };

    const QString german = helpIn("de_DE.UTF-8", "de");
    QVERIFY2(german.contains(QStringLiteral("Das Anmeldefenster von Webex Desk.")),
             qPrintable(german));
    QVERIFY2(german.contains(QStringLiteral("Über dem Fenster mit dieser nativen ID bleiben.")),
             qPrintable(german));
    QVERIFY2(german.contains(QStringLiteral("--parent-window <ID>")), qPrintable(german));
    // Qt's own German, where the system has Qt's catalogues (Debian: qt6-translations-l10n).
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                      QStringLiteral("/qtbase_de.qm"))) {
        QVERIFY2(german.contains(QStringLiteral("Zeigt Hilfe zu den Kommandozeilenoptionen an.")),
                 qPrintable(german));
    }

    // The language follows the system: English where no catalogue matches.
    const QString english = helpIn("C.UTF-8", "");
    QVERIFY2(english.contains(QStringLiteral("The sign-in window of Webex Desk.")),
             qPrintable(english));
    QVERIFY2(english.contains(QStringLiteral("--parent-window <id>")), qPrintable(english));
}

void TestSignInHelper::signInWindowTitleIsGermanForAGermanLocale()
{
    // A window's title can only be read from outside its process on a real display server:
    // an Xvfb of this test's own, with the helper on the xcb platform there.
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    const QString xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    QVERIFY2(!xvfb.isEmpty() && !xdotool.isEmpty(),
             "needs Xvfb and xdotool: scripts/install-deps.sh installs them");
    QProcess display;
    // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    display.start(xvfb,
                  {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-nolisten"),
                   QStringLiteral("tcp"), QStringLiteral("-screen"), QStringLiteral("0"),
                   QStringLiteral("1024x768x24")});
    QVERIFY2(display.waitForStarted(StartTimeoutMs), qPrintable(display.errorString()));
    QVERIFY(QTest::qWaitFor([&display] { return display.canReadLine(); }, StartTimeoutMs));
    const QByteArray displayName = ':' + display.readLine().trimmed();

    EnvironmentOverride environment;
    environment.set("DISPLAY", displayName);
    environment.set("QT_QPA_PLATFORM", "xcb");
    environment.set("LC_ALL", "de_DE.UTF-8");
    environment.set("LANG", "de_DE.UTF-8");
    environment.set("LANGUAGE", "de");

    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    SignInBrowserProcess browser;
    QSignalSpy finished(&browser, &SignInBrowserProcess::finished);
    QVERIFY(openAndWait(browser, consentUrl(emulator)));

    // The titles of the display's windows that name Webex Desk: the sign-in window's.
    QProcess search;
    search.start(xdotool,
                 {QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("Webex Desk"),
                  QStringLiteral("getwindowname"), QStringLiteral("%@")});
    QVERIFY(search.waitForFinished(PageTimeoutMs));
    const QStringList titles = QString::fromUtf8(search.readAllStandardOutput())
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(titles.contains(QStringLiteral("Bei Webex anmelden — Webex Desk")),
             qPrintable(titles.join(QStringLiteral(" | "))));

    browser.close();
    QVERIFY(finished.wait(ExitTimeoutMs) || finished.count() == 1);
    display.terminate();
    QVERIFY(display.waitForFinished(ExitTimeoutMs));
}

void TestSignInHelper::thisProcessNeverLoadedQtWebEngine()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(!mapped.isEmpty());
    QVERIFY2(!mapped.contains("libQt6WebEngineCore"),
             "QtWebEngine is mapped into the test process: the app must not link it");
}

QTEST_GUILESS_MAIN(TestSignInHelper)

#include "tst_signinhelper.moc"
