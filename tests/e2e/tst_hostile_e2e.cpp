// End to end under hostile input (issue 10): one test per row of the first table, each
// the app's real code (AppController, its controllers and panes) against a Webex that sends
// what a misbehaving server, or another person, could: a display name of tens of megabytes,
// tens of thousands of nested tags, a 429 asking for an hour, titles with bidi overrides and
// control characters, a title that is not UTF-8, an answer cut off mid-body, pages that never
// end, a profile of the wrong types. Each test asserts that the app is alive, that it answered
// input within a second throughout, and what it shows.
//
// The emulator runs as its own program (webex-emulator, with the hostile knobs on its command
// line), as Webex does: in this process it would share the app's event loop, and its own work
// (building a 30 MB answer) would count as the app's stall.

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "conversationcontroller.h"
#include "emulatoroptions.h"
#include "hostilecontent.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "model/safehtml.h"
#include "profilecontroller.h"
#include "roomspane.h"
#include "shownprofile.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "statebanner.h"
#include "webexemulator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace {

constexpr int WaitMs = 60000;
// What the issue asks: the app answers input within a second, whatever arrives. A healthy
// event loop turns in milliseconds even on a loaded two-core CI machine; what this catches is
// the UI thread held for many seconds (a window frozen for a minute by one message), so the
// bound is the issue's own second, not a tuned speed figure (speed is measured in bench/).
constexpr qint64 AnswerWithinMs = 1000;
// How long a check waits for what another part of issue 10 will show; today it never comes.

const QString RedirectUri = QStringLiteral("http://localhost:5000/auth/cisco/callback");

// webex-emulator as a program of its own, on a free port, ending with this test (its standard
// input is this process's pipe: --exit-with-stdin).
class EmulatorProgram
{
public:
    ~EmulatorProgram()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    bool start(int rooms, const QStringList &knobs)
    {
        m_process.setProgram(QStringLiteral(WEBEX_EMULATOR_PATH));
        m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                           QStringLiteral("--exit-with-stdin"),
                                           QStringLiteral("--rooms"), QString::number(rooms)} +
                               knobs);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(WaitMs))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("Webex emulator listening on (\\S+)"));
        QByteArray out;
        const bool started = QTest::qWaitFor(
            [&] {
                out += m_process.readAllStandardOutput();
                const QRegularExpressionMatch match = listening.match(QString::fromUtf8(out));
                if (match.hasMatch())
                    m_baseUrl = QUrl(match.captured(1));
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            WaitMs);
        return started && m_baseUrl.isValid();
    }

    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }

    // Signs the seeded user in as a browser would (consent page, accept, code, token) and
    // returns the tokens; nullopt when any step fails.
    std::optional<TokenSet> signIn()
    {
        const EmulatorOptions defaults;
        QUrl authorize(m_baseUrl.toString() + QStringLiteral("/authorize"));
        authorize.setQuery(
            QString::fromLatin1(form({{QStringLiteral("response_type"), QStringLiteral("code")},
                                      {QStringLiteral("client_id"), defaults.clientId},
                                      {QStringLiteral("redirect_uri"), RedirectUri},
                                      {QStringLiteral("scope"), QStringLiteral("spark:all")},
                                      {QStringLiteral("state"), QStringLiteral("hostile")}})));
        const QByteArray page = send(QNetworkRequest(authorize), "GET", {});
        static const QRegularExpression requestId(
            QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""));
        const QString id = requestId.match(QString::fromUtf8(page)).captured(1);
        if (id.isEmpty())
            return std::nullopt;

        QByteArray location;
        send(formPost(QStringLiteral("/authorize/decision")), "POST",
             form({{QStringLiteral("request_id"), id},
                   {QStringLiteral("decision"), QStringLiteral("accept")}}),
             &location);
        const QString code = QUrlQuery(QUrl::fromEncoded(location))
                                 .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        if (code.isEmpty())
            return std::nullopt;

        const QByteArray answer =
            send(formPost(QStringLiteral("/access_token")), "POST",
                 form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                       {QStringLiteral("client_id"), defaults.clientId},
                       {QStringLiteral("client_secret"), defaults.clientSecret},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("redirect_uri"), RedirectUri}}));
        const QJsonObject json = QJsonDocument::fromJson(answer).object();
        TokenSet tokens;
        tokens.accessToken = json.value(QStringLiteral("access_token")).toString();
        tokens.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
        tokens.tokenType = QStringLiteral("Bearer");
        tokens.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(14);
        if (tokens.accessToken.isEmpty())
            return std::nullopt;
        return tokens;
    }

private:
    // application/x-www-form-urlencoded, every key and value percent-encoded.
    static QByteArray form(const QList<QPair<QString, QString>> &items)
    {
        QByteArray out;
        for (const auto &item : items) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
        }
        return out;
    }

    QNetworkRequest formPost(const QString &path) const
    {
        QNetworkRequest request(QUrl(m_baseUrl.toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        return request;
    }

    QByteArray send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body,
                    QByteArray *location = nullptr)
    {
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(WaitMs))
            return {};
        if (location)
            *location = reply->rawHeader("Location");
        return reply->readAll();
    }

    QProcess m_process;
    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
};

// The longest the event loop was away: a timer asks to run every 10 ms, and the longest gap
// between two runs is the longest the app could not have answered anything (input, paint, the
// accessibility bus).
class EventLoopWatch
{
public:
    EventLoopWatch()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longestGapMs = std::max(m_longestGapMs, m_sinceLastRun.restart());
        });
    }

    void start()
    {
        m_longestGapMs = 0;
        m_sinceLastRun.start();
        m_timer.start();
    }

    [[nodiscard]] qint64 longestGapMs() const
    {
        return std::max(m_longestGapMs, m_sinceLastRun.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLastRun;
    qint64 m_longestGapMs = 0;
};

// Types a letter into `field` the way the window system delivers it (posted, through the event
// loop) and returns how long it took to show; then takes it out again. -1: never within the wait.
qint64 msToAnswerATypedKey(QLineEdit *field)
{
    const QString before = field->text();
    QElapsedTimer clock;
    clock.start();
    QCoreApplication::postEvent(field,
                                new QKeyEvent(QEvent::KeyPress, Qt::Key_Q, Qt::NoModifier, "q"));
    QCoreApplication::postEvent(field,
                                new QKeyEvent(QEvent::KeyRelease, Qt::Key_Q, Qt::NoModifier, "q"));
    const bool answered =
        QTest::qWaitFor([&] { return field->text() == before + QLatin1Char('q'); }, WaitMs);
    const qint64 elapsed = clock.elapsed();
    field->setText(before);
    return answered ? elapsed : -1;
}

// The title text a person sees and a screen reader reads for a space, without the isolation
// marks (FSI ... PDI) a cleaned title may be wrapped in.
QString withoutIsolation(QString text)
{
    if (text.startsWith(QChar(0x2068)) && text.endsWith(QChar(0x2069)))
        text = text.mid(1, text.size() - 2);
    return text;
}

// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and C0/C1 controls
// (newlines, NUL, ESC, DEL, NEL, CSI, ...): what must not reach a single-line place as it is.
bool hasControlsOrBidiOverrides(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

QString visibleForm(const QString &text)
{
    QString out;
    for (const QChar c : text.left(200))
        out += c.isPrint() ? QString(c)
                           : QStringLiteral("<U+%1>").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    return out;
}

// The row of a space in a list view's model, by id; invalid when it is not listed.
QModelIndex rowOf(const QAbstractItemModel &model, const QString &roomId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(RoomListModel::IdRole).toString() == roomId)
            return index;
    }
    return {};
}

} // namespace

class TestHostileEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    // One per row of the first table.
    void displayNameOfTensOfMegabytesIsRefusedWithASentence();
    void displayNameJustUnderTheLimitIsShortened();
    void deeplyNestedMessagesLeaveTheWindowResponsive();
    void retryAfterAnHourSaysWhenItTriesAgain();
    void titlesWithBidiAndControlCharactersAreShownClean();
    void titleThatIsNotUtf8CostsOnlyThatSpace();
    void answerCutOffMidBodyIsRetried();
    void endlessPagingStopsAndSaysHowManyLoaded();
    void profileOfWrongTypesSaysItCannotBeRead();

private:
    // Starts webex-emulator with `knobs` and `rooms` spaces, remembers a session with it, and
    // starts the app on it, watching its event loop from the start. False when any step fails.
    bool startApp(int rooms, const QStringList &knobs);
    // Alive (the window is there and shown) and answered input within a second throughout: the
    // event loop was never away longer, and a key typed now shows within it.
    void verifyAliveAndResponsive();
    // Waits for the full list of spaces, or for the spaces pane to say it failed.
    bool waitForSpacesOrProblem();

    [[nodiscard]] MainWindow *window() const { return m_app->mainWindow(); }
    [[nodiscard]] QString nameShown() const { return ShownProfile::name(*window()); }

    std::unique_ptr<EmulatorProgram> m_webex;
    std::unique_ptr<MemorySessionStore> m_store;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<QSignalSpy> m_roomsLoaded;
    EventLoopWatch m_watch;
};

void TestHostileEndToEnd::cleanup()
{
    m_roomsLoaded.reset();
    m_app.reset();
    m_store.reset();
    m_webex.reset();
}

bool TestHostileEndToEnd::startApp(int rooms, const QStringList &knobs)
{
    m_webex = std::make_unique<EmulatorProgram>();
    if (!m_webex->start(rooms, knobs)) {
        qWarning("webex-emulator did not start");
        return false;
    }
    const std::optional<TokenSet> tokens = m_webex->signIn();
    if (!tokens) {
        qWarning("no sign-in with webex-emulator");
        return false;
    }
    // Signed in before, as after a restart; the session store is the in-memory one, so no
    // Secret Service is needed.
    m_store = std::make_unique<MemorySessionStore>();
    const EmulatorOptions defaults;
    StoredSession session;
    session.apiBase = m_webex->baseUrl();
    session.clientId = defaults.clientId;
    session.clientSecret = defaults.clientSecret;
    session.tokens = *tokens;
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(session);
    if (!saved.wait())
        return false;

    StartupOptions options;
    options.apiBase = *ApiBase::fromUserInput(m_webex->baseUrl().toString());
    // A local store of this emulator's own (the keychain service names it).
    options.keychainService =
        QStringLiteral("webex-desk-test-") + QUuid::createUuid().toString(QUuid::Id128);
    m_app = std::make_unique<AppController>(options, m_store.get());
    m_roomsLoaded = std::make_unique<QSignalSpy>(m_app->spaces(), &SpacesController::roomsLoaded);
    m_app->start();
    window()->resize(1000, 700);
    // Watched from the first frame on: what comes before it is the app's own start (measured
    // by bench/startup), and the session, with everything Webex sends, begins after it.
    if (!QTest::qWaitForWindowExposed(window()))
        return false;
    m_watch.start();
    return true;
}

bool TestHostileEndToEnd::waitForSpacesOrProblem()
{
    return QTest::qWaitFor(
        [&] {
            return !m_roomsLoaded->isEmpty() ||
                   window()->roomsPane()->banner()->state() == StateBanner::State::Error;
        },
        // Generous: the endless paging case follows 1000 pages, which the sanitizer build on a
        // busy machine takes minutes over. A bound for "never came", not a speed check.
        WaitMs * 4);
}

void TestHostileEndToEnd::verifyAliveAndResponsive()
{
    QVERIFY(window()->isVisible());
    // The key first: the longest gap then covers the time it took to show, too.
    const qint64 keyShownMs = msToAnswerATypedKey(window()->roomsPane()->filterEdit());
    const qint64 longestGapMs = m_watch.longestGapMs();
    qInfo("A typed key showed after %lld ms; the event loop was away for up to %lld ms.",
          keyShownMs, longestGapMs);
    QVERIFY2(keyShownMs >= 0 && keyShownMs < AnswerWithinMs && longestGapMs < AnswerWithinMs,
             qPrintable(QStringLiteral("a typed key showed after %1 ms (-1: never); the event "
                                       "loop was away for up to %2 ms")
                            .arg(keyShownMs)
                            .arg(longestGapMs)));
}

// Row 1: "a display name of tens of megabytes: the app exits (X11 ... Maximum allowed requested
// length exceeded)". The answer is refused past the profile's 1 MiB cap, and the header says so.
void TestHostileEndToEnd::displayNameOfTensOfMegabytesIsRefusedWithASentence()
{
    QVERIFY(startApp(
        50, {QStringLiteral("--hostile-display-name-bytes"), QString::number(30 * 1000 * 1000)}));
    StateBanner *profile = window()->profileBanner();
    QTRY_COMPARE_WITH_TIMEOUT(profile->state(), StateBanner::State::Error, WaitMs);
    QVERIFY2(profile->text().contains(QStringLiteral("larger answer than Webex Desk accepts")),
             qPrintable(profile->text()));
    QCOMPARE(nameShown(), QStringLiteral("Your profile could not be loaded."));
    QVERIFY(profile->retryButton()->isVisible());
    QVERIFY(window()->windowTitle().size() < 100);
    // The rest of the app is not held up by it.
    QVERIFY(waitForSpacesOrProblem());
    QCOMPARE(m_roomsLoaded->count(), 1);
    verifyAliveAndResponsive();
}

// Row 1 again, just under the cap: the name is read, and must reach the header, the window
// title and the accessibility tree shortened (the X11 request that broke was the window title).
void TestHostileEndToEnd::displayNameJustUnderTheLimitIsShortened()
{
    constexpr int Bytes = 900 * 1000;
    QVERIFY(startApp(50, {QStringLiteral("--hostile-display-name-bytes"), QString::number(Bytes)}));
    QSignalSpy shown(m_app->profile(), &ProfileController::profileShown);
    QVERIFY(shown.wait(WaitMs));
    QVERIFY(nameShown().startsWith(QStringLiteral("Zo\u00eb \u03a9mega")));
    QVERIFY(waitForSpacesOrProblem());
    verifyAliveAndResponsive();

    // DisplayText's elision: 200 characters, the last one "…"; our own words around it (the
    // window title's " — Webex Desk", "Profile picture of ") add a few dozen.
    constexpr int ElidedLength = 200;
    constexpr int WithOurWords = ElidedLength + 40;
    const QLabel *avatar = ShownProfile::picture(*window());
    QVERIFY(avatar);
    QVERIFY2(nameShown().size() <= ElidedLength, qPrintable(QString::number(nameShown().size())));
    QVERIFY(nameShown().endsWith(QChar(0x2026)));
    QVERIFY2(window()->windowTitle().size() <= WithOurWords,
             qPrintable(QString::number(window()->windowTitle().size())));
    QVERIFY2(avatar->accessibleName().size() <= WithOurWords,
             qPrintable(QString::number(avatar->accessibleName().size())));
}

// Row 2: "one message with tens of thousands of nested <b><i> or <blockquote><ul><li>: the
// window freezes for over a minute". The space is opened and its messages shown and painted.
void TestHostileEndToEnd::deeplyNestedMessagesLeaveTheWindowResponsive()
{
    // The "tens of thousands". Before SafeHtml's limits, QTextDocument's layout grew
    // much faster than the depth (4000 levels held the window 9 s, 20000 many minutes).
    constexpr int Depth = 30000;
    QVERIFY(startApp(50, {QStringLiteral("--hostile-nested-message"), QString::number(Depth)}));
    QVERIFY(waitForSpacesOrProblem());
    QCOMPARE(m_roomsLoaded->count(), 1);
    // The same seed, the same ids: the space the messages went into, known without asking.
    EmulatorOptions twinOptions;
    twinOptions.roomCount = 50;
    const QString roomId = WebexEmulator(twinOptions).roomIds().first();

    QListView *list = window()->roomsPane()->view();
    const QModelIndex row = rowOf(*list->model(), roomId);
    QVERIFY(row.isValid());
    QCOMPARE(row.row(), 0); // the most recently active space
    QSignalSpy shown(m_app->conversation(), &ConversationController::messagesShown);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    QVERIFY(shown.wait(WaitMs));
    // Painted: the newest messages, the hostile ones, are in view.
    MessagesPane *pane = window()->messagesPane();
    QVERIFY(QTest::qWaitForWindowExposed(pane->view()));
    pane->view()->viewport()->repaint();
    QTest::qWait(200);

    MessageListModel *messages = m_app->conversation()->messageModel();
    const int last = messages->rowCount() - 1;
    QVERIFY(last >= 1);
    const QString text = QStringLiteral("A message nested %1 levels deep.").arg(Depth);
    QCOMPARE(messages->index(last, 0).data(MessageListModel::TextRole).toString(), text);
    QCOMPARE(messages->index(last - 1, 0).data(MessageListModel::TextRole).toString(), text);
    // Deeper than libxml2 is let go (256 open elements), the message ends with SafeHtml's note.
    QVERIFY(messages->index(last, 0)
                .data(MessageListModel::SafeHtmlRole)
                .toString()
                .contains(SafeHtml::noteFor(SafeHtml::Shortened::NestedTooDeep).toHtmlEscaped()));

    verifyAliveAndResponsive();
}

// Row 3: "429 with Retry-After: 3600: the app waits correctly, but shows 'Loading your
// profile...' for the whole hour".
void TestHostileEndToEnd::retryAfterAnHourSaysWhenItTriesAgain()
{
    QVERIFY(startApp(50, {QStringLiteral("--rate-limit"), QStringLiteral("1"),
                          QStringLiteral("--retry-after"), QStringLiteral("3600"),
                          QStringLiteral("--fault-path"), QStringLiteral("/v1/people/me")}));
    const QDateTime retryAt = QDateTime::currentDateTime().addSecs(3600);
    // Only the profile is limited: the spaces come.
    QVERIFY(waitForSpacesOrProblem());
    QCOMPARE(m_roomsLoaded->count(), 1);
    verifyAliveAndResponsive();

    // "Webex asks us to wait; trying again at 14:05", with Retry now. The time is rounded up to
    // the minute and the 429 came after retryAt was taken: one or two minutes later is right.
    StateBanner *profile = window()->profileBanner();
    const auto header = [&] { return nameShown() + QLatin1Char(' ') + profile->text(); };
    const QLocale locale;
    QStringList times;
    const QTime minute(retryAt.time().hour(), retryAt.time().minute());
    for (int minutes = 0; minutes <= 3; ++minutes)
        times.append(locale.toString(minute.addSecs(60 * minutes), QLocale::ShortFormat));
    const auto saysWhen = [&] {
        if (!profile->text().startsWith(QStringLiteral("Webex asks us to wait; trying again at ")))
            return false;
        return std::any_of(times.cbegin(), times.cend(),
                           [&](const QString &t) { return profile->text().contains(t); });
    };
    QVERIFY2(QTest::qWaitFor(saysWhen, WaitMs), qPrintable(header()));
    QCOMPARE(profile->state(), StateBanner::State::Waiting);
    QVERIFY(profile->retryButton()->isVisible());
    QCOMPARE(profile->retryButton()->accessibleName(), QStringLiteral("Retry now"));
}

// Row 4: "a title with U+202E (right-to-left override): invoice\u202Efdp.exe reads as
// invoiceexe.pdf; newlines in titles overlap; the accessible name stops at a NUL". Every such
// space is listed; what a person sees and a screen reader reads of it is one clean line.
void TestHostileEndToEnd::titlesWithBidiAndControlCharactersAreShownClean()
{
    constexpr int Rooms = 50;
    QVERIFY(startApp(Rooms, {QStringLiteral("--hostile-titles")}));
    QVERIFY(waitForSpacesOrProblem());
    QCOMPARE(m_roomsLoaded->count(), 1);
    EmulatorOptions twinOptions;
    twinOptions.roomCount = Rooms;
    WebexEmulator twin(twinOptions);
    const QStringList ids = twin.setHostileTitles();
    const QList<HostileContent::Title> titles = HostileContent::titles();
    QCOMPARE(ids.size(), titles.size());

    QListView *list = window()->roomsPane()->view();
    QCOMPARE(list->model()->rowCount(), Rooms);
    verifyAliveAndResponsive();

    // What a cleaned title looks like (DisplayText): bidi controls and C0/C1 controls neutralised,
    // newlines as spaces, a neutral placeholder for a blank title. Checked here: the shown text
    // (display and accessible text) without the FSI...PDI isolation has no bidi control and no
    // control character, keeps what follows a NUL or a newline, is not blank and has no surrounding
    // spaces.
    for (int i = 0; i < titles.size(); ++i) {
        const HostileContent::Title &title = titles.at(i);
        const QModelIndex row = rowOf(*list->model(), ids.at(i));
        QVERIFY2(row.isValid(), qPrintable(title.name));
        for (const int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole)}) {
            const QString shown = withoutIsolation(row.data(role).toString());
            const QString what = title.name + QLatin1Char(' ') + QString::number(role) +
                                 QStringLiteral(": ") + visibleForm(shown);
            const QString trimmed = shown.trimmed();
            const bool clean = !hasControlsOrBidiOverrides(shown) && !trimmed.isEmpty() &&
                               trimmed.size() == shown.size();
            QVERIFY2(clean, qPrintable(what));
            if (title.name == QLatin1String("nul"))
                QVERIFY2(shown.contains(QStringLiteral("After")), qPrintable(what));
            if (title.name == QLatin1String("newlines"))
                QVERIFY2(shown.contains(QStringLiteral("Third line")), qPrintable(what));
        }
    }
}

// Row 5: "one title that is not valid UTF-8: the whole page of spaces is rejected". Only that
// space may be lost (or shown with replacement characters); every other one is listed.
void TestHostileEndToEnd::titleThatIsNotUtf8CostsOnlyThatSpace()
{
    constexpr int Rooms = 50;
    QVERIFY(startApp(Rooms, {QStringLiteral("--invalid-utf8-title")}));
    QVERIFY(waitForSpacesOrProblem());
    verifyAliveAndResponsive();

    EmulatorOptions twinOptions;
    twinOptions.roomCount = Rooms;
    WebexEmulator twin(twinOptions);
    const QString broken = twin.setInvalidUtf8Title();
    QStringList missing;
    QListView *list = window()->roomsPane()->view();
    for (const QString &id : twin.roomIds()) {
        if (id != broken && !rowOf(*list->model(), id).isValid())
            missing.append(id);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 spaces missing; the pane says: %2")
                                               .arg(missing.size())
                                               .arg(window()->roomsPane()->banner()->text())));
    QCOMPARE(window()->roomsPane()->banner()->state(), StateBanner::State::Hidden);
}

// Row 6: "an answer cut off mid-body: not retried, though a 500 is". The first page of spaces
// is cut off; the app asks again and lists them all.
void TestHostileEndToEnd::answerCutOffMidBodyIsRetried()
{
    constexpr int Rooms = 50;
    QVERIFY(startApp(Rooms, {QStringLiteral("--cut-off-bodies"), QStringLiteral("1"),
                             QStringLiteral("--fault-path"), QStringLiteral("/v1/rooms")}));
    QVERIFY(waitForSpacesOrProblem());
    verifyAliveAndResponsive();
    const QString problem = window()->roomsPane()->banner()->text();
    QCOMPARE(m_roomsLoaded->count(), 1);
    QVERIFY2(window()->roomsPane()->view()->model()->rowCount() == Rooms, qPrintable(problem));
}

// Row 7: "a paging loop stopped after 1000 pages: 'Your spaces could not be loaded.' while 5000
// are listed". Pages of 5 spaces without end: the app stops after page 1000, keeps the 5000 it
// has, and says how many loaded and why the rest did not.
void TestHostileEndToEnd::endlessPagingStopsAndSaysHowManyLoaded()
{
    constexpr int Rooms = 5000;
    QVERIFY(startApp(Rooms, {QStringLiteral("--endless-paging"), QStringLiteral("5")}));
    QVERIFY(waitForSpacesOrProblem());
    verifyAliveAndResponsive();
    QListView *list = window()->roomsPane()->view();
    QCOMPARE(list->model()->rowCount(), Rooms);

    // How many loaded and why the rest did not, without a Retry (the same pages would come).
    const QString said = window()->roomsPane()->banner()->text();
    const QLocale locale;
    const bool saysHowMany =
        said.contains(locale.toString(Rooms)) || said.contains(QString::number(Rooms));
    QVERIFY2(saysHowMany && !said.contains(QStringLiteral("could not be loaded")),
             qPrintable(said));
    QVERIFY2(said.endsWith(QStringLiteral(
                 "loaded; Webex kept sending more pages, so the rest were not loaded.")),
             qPrintable(said));
    QVERIFY(!window()->roomsPane()->banner()->retryButton()->isVisible());
}

// Row 8: "a profile with wrong field types: an empty header, no message".
void TestHostileEndToEnd::profileOfWrongTypesSaysItCannotBeRead()
{
    QVERIFY(startApp(50, {QStringLiteral("--profile-wrong-types")}));
    StateBanner *profile = window()->profileBanner();
    QSignalSpy shown(m_app->profile(), &ProfileController::profileShown);
    QVERIFY(QTest::qWaitFor(
        [&] { return !shown.isEmpty() || profile->state() == StateBanner::State::Error; }, WaitMs));
    QVERIFY(waitForSpacesOrProblem());
    QCOMPARE(m_roomsLoaded->count(), 1);
    verifyAliveAndResponsive();

    // The header says the profile could not be read, with Retry.
    QCOMPARE(nameShown(), QStringLiteral("Your profile could not be loaded."));
    QCOMPARE(profile->text(), QStringLiteral("Your profile could not be read: Webex sent it "
                                             "without a name or an e-mail address."));
    QVERIFY(profile->retryButton()->isVisible());
}

QTEST_MAIN(TestHostileEndToEnd)
#include "tst_hostile_e2e.moc"
