// Live updates (issue 11, "Speed"): how long a colleague's message takes from the moment Webex
// pushes its event until its row is painted in the open space, and what the app asks for while
// nothing happens. The real AppController (offscreen), signed in from a session in memory, against
// the emulator in this process over real HTTP and its device WebSocket on loopback; the emulator
// and the app share this thread's event loop, as in the e2e tests.
//
// messagePainted: not a QBENCHMARK. N times (BENCH_LIVE_RUNS, default 30) a colleague posts in
//   the open space (WebexEmulator::colleaguePosts, which queues the event frame on the device
//   socket before it returns: t0); t1 is when the first paint of the messages view that shows the
//   message's row has been handed over (a queued call after that viewport paint event, so the
//   paint and the backing store's flush are in). In between, per run: the app's LiveSession
//   reports the activity (frame received, acked, parsed), the emulator has served the one
//   GET /v1/messages/{id}, the row is in the model (sanitised off the UI thread, merged), and the
//   paint begins. Medians and 90th percentiles of each.
//   Baseline in the same run, alternating with the posts: the floor of the network, a bare
//   GET /v1/messages/{id} of the same message with a QNetworkAccessManager of its own (kept
//   alive, like the app's) to the same emulator; the ratio says what our path adds beyond one
//   REST round trip.
// quietWhileLive: live, the space open, nothing happening for BENCH_LIVE_QUIET_SECONDS (default
//   10): every HTTP request the emulator serves (REST, device service, avatars), and the socket
//   pings and acks it receives. Expected: no request; pings every 15 s at most.
//
// While anything is timed, the event loop runs as the app's exec() runs it (a QEventLoop, which
// blocks until something happens): QTest::qWait and qWaitFor sleep 10 ms between turns of the
// loop, and every hop of a message (socket frame, HTTP answer, sanitiser thread, paint) would
// wait for one of those sleeps. With them the same build measured 79 ms instead of 7-9 ms.
//
// Benchmarks never assert timings: the QVERIFYs below only guard against hangs and set-up faults.
#include "emulatorsession.h"
#include "frametimes.h"
#include "openspace.h"

#include "appcontroller.h"
#include "auth/memorysessionstore.h"
#include "auth/storedsession.h"
#include "conversationcontroller.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "messagespane.h"
#include "model/messagelistmodel.h"
#include "model/roomlistmodel.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "webexemulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPaintEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>

namespace {
const QSize WindowSize(1280, 800);
constexpr int RoomCount = 300; // as --demo
constexpr int WaitMs = 30000;  // set-up and each message: a guard against hangs, not a target

int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("unknown");
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

// Runs `loop` as the app's exec() does until it is quit, or `timeoutMs` passes: false then.
bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    return !timedOut;
}

// The event loop runs for `ms`, as the app's would, with no polling of ours.
void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Nearest rank: the value below which `percent` % of them lie (the median of 30 is the 16th).
qint64 percentile(QList<qint64> values, int percent)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, values.size() * percent / 100));
}

QByteArray medianAndP90(const QList<qint64> &values)
{
    return QByteArrayLiteral("median ") + FrameTimes::ms(percentile(values, 50)) +
           QByteArrayLiteral(", p90 ") + FrameTimes::ms(percentile(values, 90)) +
           QByteArrayLiteral(", max ") + FrameTimes::ms(percentile(values, 100));
}

// The moments of one message's way, in nanoseconds of one clock; -1 until they happen.
struct Journey
{
    QString id;
    qint64 pushed = -1;    // colleaguePosts returned: the frame is queued on the device socket
    qint64 activity = -1;  // the app's LiveSession reported the event
    qint64 fetched = -1;   // the emulator served GET /v1/messages/{id}
    qint64 rowIn = -1;     // the row is in the model
    qint64 paintFrom = -1; // the viewport paint that shows the row began
    qint64 painted = -1;   // ... and was handed over (a queued call after it)
    // CPU time of this thread (the app's UI thread, and the emulator's) from push to painted:
    // what the way costs apart from waiting for a core; -1 where the platform cannot tell.
    qint64 cpuPushed = -1;
    qint64 cpu = -1;
};

// Watches the app on the one clock: the live session's activities, the emulator's answers, the
// message model's rows and the messages view's paints, for the message named in `journey`.
class JourneyWatcher : public QObject
{
public:
    JourneyWatcher(QListView *view, MessageListModel *messages, LiveSession *session,
                   WebexEmulator *emulator)
        : m_view(view), m_messages(messages)
    {
        m_clock.start();
        view->viewport()->installEventFilter(this);
        connect(session, &LiveSession::activity, this, [this] {
            if (m_journey.pushed >= 0 && m_journey.activity < 0)
                m_journey.activity = now();
        });
        connect(emulator, &WebexEmulator::requestServed, this,
                [this](const QString &method, const QUrl &url) {
                    if (m_journey.pushed >= 0 && m_journey.fetched < 0 &&
                        method == QLatin1String("GET") &&
                        url.path().startsWith(QLatin1String("/v1/messages/")))
                        m_journey.fetched = now();
                });
        connect(messages, &QAbstractItemModel::rowsInserted, this, [this] {
            if (m_journey.pushed >= 0 && m_journey.rowIn < 0 &&
                m_messages->rowOf(m_journey.id) >= 0)
                m_journey.rowIn = now();
        });
    }

    [[nodiscard]] qint64 now() const { return m_clock.nsecsElapsed(); }
    void follow(const QString &id, qint64 pushed, qint64 cpuPushed)
    {
        m_journey = Journey();
        m_journey.id = id;
        m_journey.pushed = pushed;
        m_journey.cpuPushed = cpuPushed;
    }
    [[nodiscard]] const Journey &journey() const { return m_journey; }
    // Called once the followed message has been painted.
    void setOnPainted(std::function<void()> onPainted) { m_onPainted = std::move(onPainted); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_journey.rowIn >= 0 && m_journey.paintFrom < 0) {
            const int row = m_messages->rowOf(m_journey.id);
            const QRect rect = row < 0 ? QRect() : m_view->visualRect(m_messages->index(row, 0));
            if (rect.isValid() && rect.intersects(m_view->viewport()->rect()) &&
                static_cast<QPaintEvent *>(event)->region().intersects(rect)) {
                m_journey.paintFrom = now();
                // Runs once this paint and the flush of the window it belongs to are done.
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_journey.painted = now();
                        const qint64 cpu = FrameTimes::threadCpuNanoseconds();
                        if (cpu >= 0 && m_journey.cpuPushed >= 0)
                            m_journey.cpu = cpu - m_journey.cpuPushed;
                        if (m_onPainted)
                            m_onPainted();
                    },
                    Qt::QueuedConnection);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    QListView *m_view;
    MessageListModel *m_messages;
    Journey m_journey;
    std::function<void()> m_onPainted;
};
} // namespace

class BenchLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void messagePainted();
    void quietWhileLive();

private:
    // A group space of mine, below the top of the list, that someone else can post in.
    [[nodiscard]] QString groupSpace() const;
    // A bare GET of the message with a client of our own: nanoseconds, or -1 if it failed.
    [[nodiscard]] qint64 bareGet(const QString &messageId);

    std::unique_ptr<WebexEmulator> m_emulator;
    std::unique_ptr<MemorySessionStore> m_store;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<QNetworkAccessManager> m_bare;
    QString m_token;
    QString m_roomId;
};

void BenchLive::initTestCase()
{
    // Seen times, unread counts and the kept device live in QSettings: the benchmark's own.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();

    EmulatorOptions options;
    options.roomCount = RoomCount;
    m_emulator = std::make_unique<WebexEmulator>(options);
    QVERIFY(m_emulator->listen());

    // A session of an earlier sign-in, as the e2e tests remember it.
    const StoredSession session = sessionSignedInTo(*m_emulator);
    m_store = std::make_unique<MemorySessionStore>();
    QSignalSpy saved(m_store.get(), &SessionStore::saved);
    m_store->save(session);
    QVERIFY(saved.wait());

    StartupOptions startup;
    startup.apiBase = *ApiBase::fromUserInput(m_emulator->baseUrl().toString());
    // The session is in memory; the name keeps this run's local store apart from others'.
    startup.keychainService =
        QStringLiteral("webex-desk-bench-live-") + QUuid::createUuid().toString(QUuid::Id128);
    m_app = std::make_unique<AppController>(startup, m_store.get());
    QSignalSpy roomsLoaded(m_app->spaces(), &SpacesController::roomsLoaded);
    QElapsedTimer started;
    started.start();
    m_app->start();
    m_app->mainWindow()->resize(WindowSize);
    QVERIFY(
        QTest::qWaitFor([&] { return !roomsLoaded.isEmpty() && m_app->live()->isLive(); }, WaitMs));
    qInfo().noquote() << "signed in and live after" << FrameTimes::ms(started.nsecsElapsed());

    // The space is open in the active window, as a person reading it has it.
    m_app->mainWindow()->activateWindow();
    if (!QTest::qWaitForWindowActive(m_app->mainWindow()))
        qInfo() << "the window did not become active (the platform's choice); measured anyway";
    m_roomId = groupSpace();
    QVERIFY(!m_roomId.isEmpty());
    QVERIFY(openSpaceByClick(*m_app, m_roomId, WaitMs));
    QTest::qWait(500); // the first page painted, the senders' names and avatars in

    m_token = m_emulator->issueAccessToken();
    m_bare = std::make_unique<QNetworkAccessManager>();
    qInfo().noquote() << "machine:" << QThread::idealThreadCount() << "cores, load average"
                      << loadAverage();
}

void BenchLive::cleanupTestCase()
{
    m_app.reset();
    m_bare.reset();
    m_emulator.reset();
    m_store.reset();
}

QString BenchLive::groupSpace() const
{
    const RoomListModel *rooms = m_app->spaces()->roomModel();
    for (int row = 1; row < rooms->rowCount(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        const QString id = i.data(RoomListModel::IdRole).toString();
        if (!i.data(RoomListModel::IsDirectRole).toBool() &&
            !i.data(RoomListModel::ReadOnlyRole).toBool() &&
            !i.data(RoomListModel::AnnouncementOnlyRole).toBool() &&
            m_emulator->messageCount(id) > 1)
            return id;
    }
    return {};
}

qint64 BenchLive::bareGet(const QString &messageId)
{
    QUrl url = m_emulator->baseUrl();
    url.setPath(url.path() + QStringLiteral("/messages/") + messageId);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_bare->get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    const bool done = reply->isFinished() || runLoop(loop, WaitMs);
    const qint64 elapsed = timer.nsecsElapsed();
    const QByteArray body = reply->readAll();
    const bool ok = done && reply->error() == QNetworkReply::NoError && !body.isEmpty();
    reply->deleteLater();
    return ok ? elapsed : -1;
}

void BenchLive::messagePainted()
{
    const int runs = fromEnvironment("BENCH_LIVE_RUNS", 30);
    MessageListModel *messages = m_app->conversation()->messageModel();
    QListView *view = m_app->mainWindow()->messagesPane()->view();
    QVERIFY(m_app->live()->session());
    JourneyWatcher watcher(view, messages, m_app->live()->session(), m_emulator.get());
    const QByteArray loadBefore = loadAverage();
    // One of each first, not counted: the connections, caches and code paths warm.
    QVERIFY(bareGet(m_emulator->colleaguePosts(m_roomId, QStringLiteral("Warming up"))) >= 0);
    idle(300);

    QList<qint64> total, toActivity, toFetched, toRowIn, toPaintFrom, cpu, baseline;
    for (int run = 0; run < runs; ++run) {
        const QString text = QStringLiteral("Live message %1 of %2").arg(run + 1).arg(runs);
        QEventLoop loop;
        watcher.setOnPainted([&loop] { loop.quit(); });
        const qint64 cpuBefore = FrameTimes::threadCpuNanoseconds();
        const QString id = m_emulator->colleaguePosts(m_roomId, text);
        const qint64 pushed = watcher.now();
        // The thread's CPU from just before the post: the emulator's own work is in it.
        watcher.follow(id, pushed, cpuBefore);
        QVERIFY(!id.isEmpty());
        QVERIFY2(runLoop(loop, WaitMs),
                 qPrintable(QStringLiteral("message %1 was not painted").arg(run + 1)));
        watcher.setOnPainted({});
        const Journey j = watcher.journey();
        total.append(j.painted - j.pushed);
        toActivity.append(j.activity - j.pushed);
        toFetched.append(j.fetched - j.pushed);
        toRowIn.append(j.rowIn - j.pushed);
        toPaintFrom.append(j.paintFrom - j.pushed);
        cpu.append(j.cpu);
        // What follows a message (the unread bookkeeping, the sender's avatar) settles before
        // the next one, and the bare GET does not share the loop with the app's work.
        idle(100);
        const qint64 bare = bareGet(id);
        QVERIFY(bare >= 0);
        baseline.append(bare);
        idle(100);
    }
    QVERIFY(m_app->live()->isLive());

    const qint64 medianTotal = percentile(total, 50);
    const qint64 medianBaseline = percentile(baseline, 50);
    qInfo().noquote().nospace()
        << runs << " messages from a colleague, pushed -> painted in the open space: "
        << medianAndP90(total)
        << ". Bare GET /v1/messages/{id} (the floor): " << medianAndP90(baseline)
        << ". Ratio of the medians "
        << QByteArray::number(double(medianTotal) / double(std::max<qint64>(1, medianBaseline)),
                              'f', 1)
        << "x; beyond the one REST round trip: " << FrameTimes::ms(medianTotal - medianBaseline)
        << ".";
    qInfo().noquote().nospace() << "From the push, each step's median (p90): the app has the event "
                                << FrameTimes::ms(percentile(toActivity, 50)) << " ("
                                << FrameTimes::ms(percentile(toActivity, 90))
                                << "), the emulator served the GET "
                                << FrameTimes::ms(percentile(toFetched, 50)) << " ("
                                << FrameTimes::ms(percentile(toFetched, 90))
                                << "), the row is in the model "
                                << FrameTimes::ms(percentile(toRowIn, 50)) << " ("
                                << FrameTimes::ms(percentile(toRowIn, 90)) << "), its paint begins "
                                << FrameTimes::ms(percentile(toPaintFrom, 50)) << " ("
                                << FrameTimes::ms(percentile(toPaintFrom, 90)) << "), painted "
                                << FrameTimes::ms(medianTotal) << " ("
                                << FrameTimes::ms(percentile(total, 90)) << ").";
    if (!cpu.contains(-1))
        qInfo().noquote().nospace()
            << "CPU time of the UI thread (the app's and the emulator's work on it) from the post "
               "to painted: "
            << medianAndP90(cpu)
            << "; the rest of the wall time is the sanitiser's thread, the kernel, or waiting "
               "for a core.";
    QByteArrayList each;
    for (qint64 value : std::as_const(total))
        each.append(FrameTimes::ms(value));
    qInfo().noquote() << "each, pushed -> painted:" << each.join(", ");
    qInfo().noquote() << "load average before" << loadBefore << "after" << loadAverage();
}

void BenchLive::quietWhileLive()
{
    const int seconds = fromEnvironment("BENCH_LIVE_QUIET_SECONDS", 10);
    QVERIFY(m_app->live()->isLive());
    idle(1000); // whatever the last message started is over
    QStringList served;
    const QMetaObject::Connection counting =
        connect(m_emulator.get(), &WebexEmulator::requestServed, this,
                [&served](const QString &method, const QUrl &url, int status) {
                    served.append(method + QLatin1Char(' ') + url.path() + QLatin1Char(' ') +
                                  QString::number(status));
                });
    const int pings = m_emulator->socketPingCount();
    const int acks = m_emulator->socketAckCount();
    idle(seconds * 1000);
    disconnect(counting);
    qInfo().noquote().nospace() << "live and quiet for " << seconds << " s: " << served.size()
                                << " HTTP requests"
                                << (served.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" (") + served.join(QStringLiteral(", ")) +
                                              QLatin1Char(')'))
                                << "; " << m_emulator->socketPingCount() - pings
                                << " socket pings, " << m_emulator->socketAckCount() - acks
                                << " acks; still live: " << (m_app->live()->isLive() ? "yes" : "no")
                                << "; quiet refresh scheduled: "
                                << (m_app->spaces()->isRefreshScheduled() ? "yes" : "no");
}

QTEST_MAIN(BenchLive)
#include "bench_live.moc"
