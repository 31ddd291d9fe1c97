// bench_startup: how long webex-desk takes to show its window when it restores a stored session,
// and how much memory it holds once 10,000 spaces are loaded, next to the least a Qt Widgets
// program can do (barewindow: a QLabel in a window), measured alike in the same run.
//
// It starts an X server of its own (Xvfb, on a display number Xvfb picks), webex-emulator with
// --rooms N on a free port, signs in to the emulator over HTTP as a browser would (consent page,
// code, token), stores that session in the keychain as the app would have, and then starts the
// bare window and webex-desk alternately. For each start it reports:
//   - window: from just before the process is started to the first window being exposed and
//     painted (both programs print "first window shown, steady clock <ns>, cpu <us>" from a
//     queued call after their first expose event; the driver reads the same steady clock before
//     starting), and the CPU time the process had used by then, which a busy machine does not
//     inflate as it does the wall time;
//   - for webex-desk, when the model holds all N spaces ("Room list has N spaces");
//   - once the process has gone idle (no CPU time used for --idle-ms): VmRSS, VmHWM, RssAnon,
//     RssFile from /proc/<pid>/status, and the mapped libraries from /proc/<pid>/smaps.
// It then prints the median and minimum of each, the ratios to the bare window, whether
// libQt6WebEngineCore, libLLVM or a *_dri.so was mapped, and the largest libraries.
//
// With --store-runs it then starts both again, restoring from the local store the first starts
// filled, while the emulator holds every answer back; with --store-messages N as well, it adds
// N messages to that store (StoreWorker, as the app writes them) and restores once more, so the
// idle memory with and without them can be compared.
//
// The keychain entry it writes is the app's own ("webex-desk"), so it refuses to run outside a
// throwaway keyring: run it through scripts/bench-startup.sh (scripts/in-keyring-session.sh).
// Not a test: it measures, it does not pass or fail (exit status 1 only when it cannot measure).

#include "api/apibase.h"
#include "auth/sessionstore.h"
#include "auth/storedsession.h"
#include "benchdata.h"
#include "emulatoroptions.h"
#include "model/tokenset.h"
#include "store/storeworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

namespace {

using Clock = std::chrono::steady_clock;

// What one start of a program measured.
struct Sample
{
    double windowMs = -1;    // process start -> first window shown
    double windowCpuMs = -1; // CPU time the process had used by then (all threads)
    double roomsMs = -1;     // process start -> all spaces in the model (webex-desk only)
    double paintedMs = -1;   // process start -> the spaces list first painted with spaces
    bool idle = false;       // it went quiet before we read its memory
    qint64 vmRssKiB = 0;     // /proc/<pid>/status
    qint64 vmHwmKiB = 0;     // peak RSS
    qint64 rssAnonKiB = 0;   // heap and other private memory
    qint64 rssFileKiB = 0;   // mapped files: libraries, fonts, locale
    qint64 rssShmemKiB = 0;  // shared memory (X shm segments)
    QHash<QString, qint64> rssByFileKiB;    // Rss per mapped file, from smaps
    QHash<QString, qint64> mappedByFileKiB; // mapped size per file
};

// The processes we started and have not stopped yet, so that fail() leaves none behind
// (std::exit does not run the destructors of locals).
QList<QProcess *> &children()
{
    static QList<QProcess *> list;
    return list;
}

class ChildGuard
{
public:
    explicit ChildGuard(QProcess *process) : m_process(process) { children().append(process); }
    ~ChildGuard() { children().removeAll(m_process); }
    ChildGuard(const ChildGuard &) = delete;
    ChildGuard &operator=(const ChildGuard &) = delete;

private:
    QProcess *m_process;
};

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_startup: %s\n", qPrintable(message));
    for (QProcess *process : children()) {
        process->kill();
        process->waitForFinished(5000);
    }
    std::exit(1);
}

QByteArray readProc(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// utime + stime, in clock ticks.
qint64 cpuTicks(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    const int afterName = stat.lastIndexOf(')');
    if (afterName < 0)
        return -1;
    // Fields after the name start with field 3 (state); utime is field 14, stime 15.
    const QList<QByteArray> fields = stat.mid(afterName + 2).split(' ');
    return fields.size() > 12 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : -1;
}

// Waits until the process has used no CPU time for `quietMs` (ticks are 10 ms), at most
// `limitMs`. True if it went quiet.
bool waitUntilIdle(qint64 pid, int quietMs, int limitMs)
{
    QElapsedTimer total;
    total.start();
    qint64 last = cpuTicks(pid);
    QElapsedTimer quiet;
    quiet.start();
    while (total.elapsed() < limitMs) {
        QThread::msleep(100);
        const qint64 now = cpuTicks(pid);
        if (now < 0)
            return false;
        if (now != last) {
            last = now;
            quiet.restart();
        } else if (quiet.elapsed() >= quietMs) {
            return true;
        }
    }
    return false;
}

qint64 statusKiB(const QByteArray &status, const QByteArray &field)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

void readMemory(qint64 pid, Sample *sample)
{
    const QByteArray status = readProc(pid, "status");
    sample->vmRssKiB = statusKiB(status, "VmRSS");
    sample->vmHwmKiB = statusKiB(status, "VmHWM");
    sample->rssAnonKiB = statusKiB(status, "RssAnon");
    sample->rssFileKiB = statusKiB(status, "RssFile");
    sample->rssShmemKiB = statusKiB(status, "RssShmem");

    // smaps: a header line per mapping ("start-end perms offset dev inode [path]") followed by
    // "Key: value kB" lines.
    static const QRegularExpression header(
        QStringLiteral("^[0-9a-f]+-[0-9a-f]+ \\S+ \\S+ \\S+ \\S+\\s*(.*)$"));
    QString path;
    for (const QByteArray &raw : readProc(pid, "smaps").split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const auto match = header.match(line);
        if (match.hasMatch()) {
            path = match.captured(1).trimmed();
            continue;
        }
        if (!path.startsWith(QLatin1Char('/')))
            continue; // heap, stack, anonymous: counted in RssAnon
        if (line.startsWith(QLatin1String("Size:")))
            sample->mappedByFileKiB[path] += line.mid(5).trimmed().split(' ').value(0).toLongLong();
        else if (line.startsWith(QLatin1String("Rss:")))
            sample->rssByFileKiB[path] += line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
}

// Starts `program`, waits for its first window (and, if `rooms` > 0, for all spaces), then for
// it to go idle, measures it and stops it.
Sample measure(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment, int rooms, int idleMs, bool echo,
               bool waitForPaint = false)
{
    static const QRegularExpression shown(
        QStringLiteral("first window shown, steady clock (\\d+), cpu (\\d+) us"));
    static const QRegularExpression painted(QStringLiteral("spaces painted, steady clock (\\d+)"));
    const QRegularExpression allRooms(QStringLiteral("Room list has %1 spaces").arg(rooms));

    QProcess process;
    const ChildGuard guard(&process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(environment);
    const Clock::time_point started = Clock::now();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        fail(QStringLiteral("cannot start %1: %2").arg(program, process.errorString()));

    Sample sample;
    QByteArray pending;
    QElapsedTimer limit;
    limit.start();
    while ((sample.windowMs < 0 || (rooms > 0 && sample.roomsMs < 0) ||
            (waitForPaint && sample.paintedMs < 0)) &&
           limit.elapsed() < 120000) {
        if (process.state() != QProcess::Running)
            fail(QStringLiteral("%1 ended early:\n%2")
                     .arg(program, QString::fromLocal8Bit(pending + process.readAll())));
        process.waitForReadyRead(200);
        pending += process.readAll();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            if (echo)
                std::printf("    | %s\n", qPrintable(line));
            const auto match = shown.match(line);
            if (match.hasMatch() && sample.windowMs < 0) {
                const qint64 at = match.captured(1).toLongLong();
                const qint64 from = std::chrono::nanoseconds(started.time_since_epoch()).count();
                sample.windowMs = double(at - from) / 1e6;
                sample.windowCpuMs = match.captured(2).toDouble() / 1e3;
            }
            const auto paint = painted.match(line);
            if (paint.hasMatch() && sample.paintedMs < 0) {
                const qint64 at = paint.captured(1).toLongLong();
                const qint64 from = std::chrono::nanoseconds(started.time_since_epoch()).count();
                sample.paintedMs = double(at - from) / 1e6;
            }
            if (rooms > 0 && sample.roomsMs < 0 && allRooms.match(line).hasMatch())
                sample.roomsMs =
                    std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        }
    }
    if (sample.windowMs < 0 || (rooms > 0 && sample.roomsMs < 0))
        fail(QStringLiteral("%1: no window or not all %2 spaces within 120 s; its output:\n%3")
                 .arg(program)
                 .arg(rooms)
                 .arg(QString::fromLocal8Bit(pending)));

    sample.idle = waitUntilIdle(process.processId(), idleMs, 30000);
    readMemory(process.processId(), &sample);
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return sample;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        fail(QStringLiteral("no free loopback port"));
    return server.serverPort();
}

// A blocking HTTP exchange; redirects are not followed.
struct Reply
{
    int status = 0;
    QByteArray body;
    QUrl location;
};

Reply exchange(QNetworkAccessManager &network, const QUrl &url, const QByteArray *form)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (form) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-www-form-urlencoded"));
        reply = network.post(request, *form);
    } else {
        reply = network.get(request);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    reply->deleteLater();
    return result;
}

// Signs in to the emulator as the person's browser and the app would (authorize, accept on the
// consent page, redeem the code): the tokens a real sign-in stores.
TokenSet signIn(const ApiBase &api, const EmulatorOptions &integration)
{
    QNetworkAccessManager network;
    QUrl authorize = api.authorizeUrl();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), integration.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), integration.redirectUri);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("spark:all"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("bench-startup"));
    authorize.setQuery(query);
    const Reply page = exchange(network, authorize, nullptr);
    static const QRegularExpression action(
        QStringLiteral("<form method=\"post\" action=\"([^\"]+)\""));
    static const QRegularExpression requestId(
        QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""));
    const auto actionMatch = action.match(QString::fromUtf8(page.body));
    const auto idMatch = requestId.match(QString::fromUtf8(page.body));
    if (page.status != 200 || !actionMatch.hasMatch() || !idMatch.hasMatch())
        fail(QStringLiteral("no consent page at %1 (HTTP %2)")
                 .arg(authorize.toString())
                 .arg(page.status));

    QUrlQuery consent;
    consent.addQueryItem(QStringLiteral("request_id"), idMatch.captured(1));
    consent.addQueryItem(QStringLiteral("decision"), QStringLiteral("accept"));
    const QByteArray consentForm = consent.toString(QUrl::FullyEncoded).toUtf8();
    const Reply decision =
        exchange(network, authorize.resolved(QUrl(actionMatch.captured(1))), &consentForm);
    const QString code = QUrlQuery(decision.location).queryItemValue(QStringLiteral("code"));
    if (code.isEmpty())
        fail(QStringLiteral("the consent answer brought no code (HTTP %1)").arg(decision.status));

    QUrlQuery token;
    token.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    token.addQueryItem(QStringLiteral("client_id"), integration.clientId);
    token.addQueryItem(QStringLiteral("client_secret"), integration.clientSecret);
    token.addQueryItem(QStringLiteral("code"), code);
    token.addQueryItem(QStringLiteral("redirect_uri"), integration.redirectUri);
    // Form encoding: '+' in a value must not read as a space.
    const QByteArray tokenForm =
        token.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B")).toUtf8();
    const Reply answer = exchange(network, api.accessTokenUrl(), &tokenForm);
    QString error;
    const auto tokens = TokenSet::fromJson(QJsonDocument::fromJson(answer.body).object(),
                                           QDateTime::currentDateTimeUtc(), &error);
    if (answer.status != 200 || !tokens || !tokens->hasRefreshToken())
        fail(QStringLiteral("the token endpoint answered HTTP %1 without tokens %2")
                 .arg(answer.status)
                 .arg(error));
    return *tokens;
}

// Adds `count` messages to webex-desk's local store (the one file the starts left under this
// throwaway HOME), spread over its stored spaces, with StoreWorker as the app writes them: their
// text, the search indexes and all. Returns the file's size after.
qint64 addStoredMessages(int count)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    QStringList files;
    QDirIterator found(data, {QStringLiteral("*.sqlite")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (found.hasNext())
        files << found.next();
    if (files.size() != 1)
        fail(QStringLiteral("expected one local store under %1, found %2")
                 .arg(data, files.join(QStringLiteral(", "))));
    StoreWorker worker(QStringLiteral("bench_startup"));
    if (!worker.open(files.constFirst()).isOpen())
        fail(QStringLiteral("cannot open the local store %1").arg(files.constFirst()));
    const QList<Room> rooms = worker.rooms(0, 1000000);
    if (rooms.isEmpty())
        fail(QStringLiteral("the local store holds no spaces"));
    BenchData bench(100);
    const QList<Message> messages = bench.messagesNewestFirst(count);
    constexpr int Batch = 2000;
    for (int from = 0; from < messages.size(); from += Batch) {
        QList<Message> batch = messages.mid(from, Batch);
        for (int i = 0; i < batch.size(); ++i) {
            batch[i].id = QStringLiteral("bench-stored-%1").arg(from + i);
            batch[i].roomId = rooms.at((from + i) % rooms.size()).id;
        }
        if (!worker.saveMessages(batch))
            fail(QStringLiteral("writing messages failed: %1").arg(worker.problem()));
    }
    worker.close();
    return QFileInfo(files.constFirst()).size() +
           QFileInfo(files.constFirst() + QStringLiteral("-wal")).size();
}

template <typename Signal> bool waitForStore(SessionStore &store, Signal done)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&store, done, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&store, &SessionStore::unavailable, &loop, [&](const QString &reason) {
        std::fprintf(stderr, "bench_startup: keychain: %s\n", qPrintable(reason));
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    return ok;
}

// An X server of our own: Xvfb chooses a free display and writes its number to -displayfd.
class Xvfb
{
public:
    explicit Xvfb(const QString &screen) : m_guard(&m_process)
    {
        m_process.start(QStringLiteral("Xvfb"),
                        {QStringLiteral("-displayfd"), QStringLiteral("1"),
                         QStringLiteral("-screen"), QStringLiteral("0"), screen,
                         QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        if (!m_process.waitForStarted(10000))
            fail(QStringLiteral("cannot start Xvfb (apt install xvfb): %1")
                     .arg(m_process.errorString()));
        QByteArray out;
        QElapsedTimer limit;
        limit.start();
        while (!out.contains('\n') && limit.elapsed() < 20000 &&
               m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
        }
        bool ok = false;
        const int number = out.trimmed().toInt(&ok);
        if (!ok)
            fail(QStringLiteral("Xvfb gave no display number: %1")
                     .arg(QString::fromLocal8Bit(m_process.readAllStandardError())));
        m_display = QStringLiteral(":%1").arg(number);
    }
    ~Xvfb()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    [[nodiscard]] QString display() const { return m_display; }

private:
    QProcess m_process;
    ChildGuard m_guard;
    QString m_display;
};

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("?");
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double minimum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::min_element(values.cbegin(), values.cend());
}

QList<double> field(const QList<Sample> &samples, double (*get)(const Sample &))
{
    QList<double> values;
    for (const Sample &s : samples)
        values << get(s);
    return values;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

void printRow(const char *what, const QList<double> &bare, const QList<double> &desk,
              const char *unit)
{
    const double bareMedian = median(bare), deskMedian = median(desk);
    const double bareMin = minimum(bare), deskMin = minimum(desk);
    std::printf("%-26s %9.1f %9.1f   %9.1f %9.1f   %6.2fx %6.2fx  %s\n", what, bareMedian, bareMin,
                deskMedian, deskMin, bareMedian > 0 ? deskMedian / bareMedian : 0,
                bareMin > 0 ? deskMin / bareMin : 0, unit);
}

// What the last start of a program had mapped: the libraries everyone asks about, the Qt
// plugins, and the largest files by resident and by mapped size.
void printLibraries(const char *name, const Sample &sample, int top)
{
    const auto mapped = [&](const QString &pattern) {
        QStringList hits;
        const QRegularExpression re(pattern);
        for (auto it = sample.mappedByFileKiB.cbegin(); it != sample.mappedByFileKiB.cend(); ++it)
            if (re.match(it.key()).hasMatch())
                hits << QDir(it.key()).dirName();
        hits.sort();
        return hits.isEmpty() ? QStringLiteral("no") : QStringLiteral("YES ") + hits.join(u' ');
    };
    std::printf("\n%s (last start): VmRSS %.1f MiB = anon %.1f + file %.1f + shmem %.1f; peak "
                "%.1f MiB\n",
                name, mib(sample.vmRssKiB), mib(sample.rssAnonKiB), mib(sample.rssFileKiB),
                mib(sample.rssShmemKiB), mib(sample.vmHwmKiB));
    std::printf("  libQt6WebEngineCore mapped: %s\n",
                qPrintable(mapped(QStringLiteral("libQt6WebEngineCore"))));
    std::printf("  libLLVM mapped:             %s\n",
                qPrintable(mapped(QStringLiteral("libLLVM"))));
    std::printf("  *_dri.so mapped:            %s\n",
                qPrintable(mapped(QStringLiteral("_dri\\.so"))));
    std::printf("  GL libraries mapped:        %s\n",
                qPrintable(mapped(QStringLiteral("/lib(GL|GLX|EGL|gbm|glapi|OpenGL)[^/]*$"))));

    QStringList plugins;
    int libraries = 0;
    for (auto it = sample.mappedByFileKiB.cbegin(); it != sample.mappedByFileKiB.cend(); ++it) {
        if (it.key().contains(QLatin1String("/plugins/")))
            plugins << it.key().section(QLatin1String("/plugins/"), 1);
        if (it.key().contains(QLatin1String(".so")))
            ++libraries;
    }
    plugins.sort();
    std::printf("  %d shared objects mapped; Qt plugins: %s\n", libraries,
                qPrintable(plugins.join(QLatin1String(", "))));

    QList<QPair<qint64, QString>> byRss;
    for (auto it = sample.rssByFileKiB.cbegin(); it != sample.rssByFileKiB.cend(); ++it)
        byRss.append({it.value(), it.key()});
    std::sort(byRss.begin(), byRss.end(), [](const auto &a, const auto &b) { return a > b; });
    std::printf("  largest mapped files by resident size (KiB resident / KiB mapped):\n");
    for (int i = 0; i < std::min<int>(top, int(byRss.size())); ++i)
        std::printf("    %8lld / %8lld  %s\n", static_cast<long long>(byRss.at(i).first),
                    static_cast<long long>(sample.mappedByFileKiB.value(byRss.at(i).second)),
                    qPrintable(byRss.at(i).second));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The keychain's own debug lines would land in the middle of the results.
    QLoggingCategory::setFilterRules(QStringLiteral("webexdesk.*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Start-up time and memory of webex-desk restoring a session with N spaces, against a "
        "bare Qt Widgets window, under an Xvfb of its own. Run it through "
        "scripts/bench-startup.sh."));
    parser.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Measured starts of each program (default 10)."),
                                  QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption warmups(
        QStringLiteral("warmups"),
        QStringLiteral("Unmeasured starts of each first, to warm the file cache (default 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption rooms(QStringLiteral("rooms"),
                                   QStringLiteral("Spaces the emulator serves (default 10000)."),
                                   QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption idle(
        QStringLiteral("idle-ms"),
        QStringLiteral("A process is idle after this long without CPU time (default 1000)."),
        QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption bare(QStringLiteral("bare-window"),
                                  QStringLiteral("The bare window program."),
                                  QStringLiteral("path"), QStringLiteral(BARE_WINDOW_EXECUTABLE));
    const QCommandLineOption desk(QStringLiteral("webex-desk"), QStringLiteral("webex-desk."),
                                  QStringLiteral("path"), QStringLiteral(WEBEX_DESK_EXECUTABLE));
    const QCommandLineOption emulator(QStringLiteral("emulator"), QStringLiteral("webex-emulator."),
                                      QStringLiteral("path"),
                                      QStringLiteral(WEBEX_EMULATOR_EXECUTABLE));
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("How many of the largest libraries to list (20)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Echo what the programs print."));
    const QCommandLineOption deskEnv(
        QStringLiteral("desk-env"),
        QStringLiteral("KEY=VALUE in webex-desk's environment only (repeatable), to see what a "
                       "setting changes, e.g. QT_IM_MODULE=none."),
        QStringLiteral("KEY=VALUE"));
    const QCommandLineOption deskPrefix(
        QStringLiteral("desk-prefix"),
        QStringLiteral("Run webex-desk under this command, e.g. \"strace -f -tt -o /tmp/t\", to "
                       "see where time goes (its numbers then include the tool's)."),
        QStringLiteral("command"));
    const QCommandLineOption settle(
        QStringLiteral("settle-ms"),
        QStringLiteral("Pause before each start, so the previous program's exit (X server, D-Bus, "
                       "keyring clean-up) is not timed with the next start (default 500)."),
        QStringLiteral("ms"), QStringLiteral("500"));
    const QCommandLineOption allLibraries(QStringLiteral("all-libraries"),
                                          QStringLiteral("List every mapped file, not the top."));
    const QCommandLineOption storeRuns(
        QStringLiteral("store-runs"),
        QStringLiteral("Measured starts restoring from the local store while Webex holds every "
                       "answer back (the emulator started again with --latency; default 5, 0: "
                       "none)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption latency(
        QStringLiteral("latency-ms"),
        QStringLiteral("How long Webex holds each answer in the store runs (default 2000)."),
        QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption storeMessages(
        QStringLiteral("store-messages"),
        QStringLiteral("After the store runs, add N messages to the store and do them again, to "
                       "compare the idle memory (default 0: not)."),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({runs, warmups, rooms, idle, bare, desk, emulator, top, verbose, deskEnv,
                       deskPrefix, settle, allLibraries, storeRuns, latency, storeMessages});
    parser.process(app);
    const int runCount = std::max(1, parser.value(runs).toInt());
    const int warmupCount = std::max(0, parser.value(warmups).toInt());
    const int roomCount = std::max(1, parser.value(rooms).toInt());
    const int idleMs = std::max(100, parser.value(idle).toInt());

    // The session goes under the app's own keychain service: only into a throwaway keyring.
    const QString home = QDir(qEnvironmentVariable("HOME")).canonicalPath();
    // scripts/bench-startup.sh sets the marker; scripts/in-keyring-session.sh the temporary HOME.
    if (qEnvironmentVariable("WEBEXDESK_BENCH_THROWAWAY_KEYRING") != QLatin1String("1") ||
        !home.startsWith(QDir(QDir::tempPath()).canonicalPath() + QLatin1Char('/')))
        fail(QStringLiteral("run me through scripts/bench-startup.sh (a private D-Bus session and "
                            "throwaway keyring, scripts/in-keyring-session.sh): I store a session "
                            "under webex-desk's own keychain service"));

    Xvfb xvfb(QStringLiteral("1280x1024x24"));

    const quint16 port = freePort();
    QProcess emulatorProcess;
    const ChildGuard emulatorGuard(&emulatorProcess);
    emulatorProcess.setProcessChannelMode(QProcess::MergedChannels);
    emulatorProcess.start(parser.value(emulator),
                          {QStringLiteral("--rooms"), QString::number(roomCount),
                           QStringLiteral("--port"), QString::number(port)});
    QByteArray emulatorOutput;
    while (!emulatorOutput.contains("Spaces:") && emulatorProcess.waitForReadyRead(20000))
        emulatorOutput += emulatorProcess.readAll();
    if (!emulatorOutput.contains("Spaces:"))
        fail(QStringLiteral("webex-emulator did not start: %1")
                 .arg(QString::fromLocal8Bit(emulatorOutput + emulatorProcess.readAll())));
    const auto api = ApiBase::fromUserInput(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    if (!api)
        fail(QStringLiteral("bad API base"));

    const EmulatorOptions integration; // the emulator's defaults: its demo Integration
    StoredSession session;
    session.apiBase = api->baseUrl();
    session.clientId = integration.clientId;
    session.clientSecret = integration.clientSecret;
    session.tokens = signIn(*api, integration);
    SessionStore store;
    store.save(session);
    if (!waitForStore(store, &SessionStore::saved))
        fail(QStringLiteral("could not store the session in the keychain"));

    QTemporaryDir config;
    if (!config.isValid())
        fail(QStringLiteral("no temporary directory"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), xvfb.display());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    // Only what the driver reads: the first window, and the model's size after each page.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("webexdesk.*.debug=false;webexdesk.model.debug=true"));
    QProcessEnvironment deskEnvironment = environment;
    for (const QString &setting : parser.values(deskEnv))
        deskEnvironment.insert(setting.section(QLatin1Char('='), 0, 0),
                               setting.section(QLatin1Char('='), 1));
    QString deskProgram = parser.value(desk);
    QStringList deskArguments{QStringLiteral("--api-base"), api->baseUrl().toString()};
    if (parser.isSet(deskPrefix)) {
        QStringList prefix = QProcess::splitCommand(parser.value(deskPrefix));
        deskArguments = prefix.mid(1) + QStringList{deskProgram} + deskArguments;
        deskProgram = prefix.value(0);
    }

    std::printf("Machine: %d cores, load average %s\n", QThread::idealThreadCount(),
                loadAverage().constData());
    std::printf("Display %s (Xvfb 1280x1024x24, no window manager); emulator with %d spaces; "
                "%d warm-up + %d measured starts of each, alternating\n",
                qPrintable(xvfb.display()), roomCount, warmupCount, runCount);
    std::fflush(stdout);

    QList<Sample> bareSamples, deskSamples;
    const bool echo = parser.isSet(verbose);
    const int settleMs = std::max(0, parser.value(settle).toInt());
    for (int i = 0; i < warmupCount + runCount; ++i) {
        const bool counted = i >= warmupCount;
        QThread::msleep(settleMs);
        const Sample b = measure(parser.value(bare), {}, environment, 0, idleMs, echo);
        QThread::msleep(settleMs);
        const Sample d =
            measure(deskProgram, deskArguments, deskEnvironment, roomCount, idleMs, echo);
        std::printf("%s %2d  bare: window %6.1f ms (cpu %5.1f), RSS %5.1f MiB%s   webex-desk: "
                    "window %6.1f ms (cpu %5.1f), %d spaces at %6.1f ms, RSS %5.1f MiB%s\n",
                    counted ? "run   " : "warmup", counted ? i - warmupCount + 1 : i + 1,
                    b.windowMs, b.windowCpuMs, mib(b.vmRssKiB), b.idle ? "" : " (not idle)",
                    d.windowMs, d.windowCpuMs, roomCount, d.roomsMs, mib(d.vmRssKiB),
                    d.idle ? "" : " (not idle)");
        std::fflush(stdout);
        if (counted) {
            bareSamples << b;
            deskSamples << d;
        }
    }

    std::printf("\n%-26s %9s %9s   %9s %9s   %7s %7s\n", "", "bare med", "bare min", "desk med",
                "desk min", "ratio", "ratio");
    std::printf("%-26s %9s %9s   %9s %9s   %7s %7s\n", "", "", "", "", "", "(med)", "(min)");
    printRow("window shown", field(bareSamples, [](const Sample &s) { return s.windowMs; }),
             field(deskSamples, [](const Sample &s) { return s.windowMs; }), "ms");
    printRow("  CPU time by then",
             field(bareSamples, [](const Sample &s) { return s.windowCpuMs; }),
             field(deskSamples, [](const Sample &s) { return s.windowCpuMs; }), "ms");
    printRow("VmRSS when idle", field(bareSamples, [](const Sample &s) { return mib(s.vmRssKiB); }),
             field(deskSamples, [](const Sample &s) { return mib(s.vmRssKiB); }), "MiB");
    printRow("  RssAnon", field(bareSamples, [](const Sample &s) { return mib(s.rssAnonKiB); }),
             field(deskSamples, [](const Sample &s) { return mib(s.rssAnonKiB); }), "MiB");
    printRow("  RssFile", field(bareSamples, [](const Sample &s) { return mib(s.rssFileKiB); }),
             field(deskSamples, [](const Sample &s) { return mib(s.rssFileKiB); }), "MiB");
    printRow("VmHWM (peak)", field(bareSamples, [](const Sample &s) { return mib(s.vmHwmKiB); }),
             field(deskSamples, [](const Sample &s) { return mib(s.vmHwmKiB); }), "MiB");
    const QList<double> roomsMs = field(deskSamples, [](const Sample &s) { return s.roomsMs; });
    std::printf("%-26s %9s %9s   %9.1f %9.1f   %s\n", "all spaces in the model", "", "",
                median(roomsMs), minimum(roomsMs), "ms");

    const int topCount =
        parser.isSet(allLibraries) ? 100000 : std::max(1, parser.value(top).toInt());
    printLibraries("bare window", bareSamples.constLast(), topCount);
    printLibraries("webex-desk", deskSamples.constLast(), topCount);

    // Restoring from the local store (docs/STORE.md): the starts above left the store filled
    // with the N spaces (the emulator's seed is fixed, so a new emulator has the same ones).
    // Webex now holds every answer for --latency-ms, so what the list paints before that is
    // the store's.
    const int storeRunCount = std::max(0, parser.value(storeRuns).toInt());
    if (storeRunCount > 0) {
        const int latencyMs = std::max(0, parser.value(latency).toInt());
        emulatorProcess.terminate();
        emulatorProcess.waitForFinished(5000);
        emulatorProcess.start(parser.value(emulator),
                              {QStringLiteral("--rooms"), QString::number(roomCount),
                               QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--latency-ms"), QString::number(latencyMs)});
        emulatorOutput.clear();
        while (!emulatorOutput.contains("Spaces:") && emulatorProcess.waitForReadyRead(20000))
            emulatorOutput += emulatorProcess.readAll();
        if (!emulatorOutput.contains("Spaces:"))
            fail(QStringLiteral("webex-emulator did not start again: %1")
                     .arg(QString::fromLocal8Bit(emulatorOutput + emulatorProcess.readAll())));
        // Its tokens are new: a new sign-in, stored as the app would.
        session.tokens = signIn(*api, integration);
        store.save(session);
        if (!waitForStore(store, &SessionStore::saved))
            fail(QStringLiteral("could not store the new session in the keychain"));

        const auto storePhase = [&](const QString &title) {
            QList<Sample> storeBare, storeDesk;
            for (int i = 0; i < storeRunCount; ++i) {
                QThread::msleep(settleMs);
                const Sample b = measure(parser.value(bare), {}, environment, 0, idleMs, echo);
                QThread::msleep(settleMs);
                const Sample d = measure(deskProgram, deskArguments, deskEnvironment, roomCount,
                                         idleMs, echo, true);
                std::printf("store %2d  bare: window %6.1f ms   webex-desk: window %6.1f ms, "
                            "spaces painted %6.1f ms (%+.1f ms after the window), %d spaces at "
                            "%6.1f ms, RSS %5.1f MiB%s\n",
                            i + 1, b.windowMs, d.windowMs, d.paintedMs, d.paintedMs - d.windowMs,
                            roomCount, d.roomsMs, mib(d.vmRssKiB), d.idle ? "" : " (not idle)");
                std::fflush(stdout);
                storeBare << b;
                storeDesk << d;
            }
            std::printf("\n%s, Webex answering after %d ms:\n", qPrintable(title), latencyMs);
            printRow("window shown", field(storeBare, [](const Sample &s) { return s.windowMs; }),
                     field(storeDesk, [](const Sample &s) { return s.windowMs; }), "ms");
            const QList<double> painted =
                field(storeDesk, [](const Sample &s) { return s.paintedMs; });
            const QList<double> afterWindow =
                field(storeDesk, [](const Sample &s) { return s.paintedMs - s.windowMs; });
            std::printf("%-26s %9s %9s   %9.1f %9.1f   %s\n", "spaces painted", "", "",
                        median(painted), minimum(painted), "ms");
            std::printf("%-26s %9s %9s   %9.1f %9.1f   %s\n", "  after the window", "", "",
                        median(afterWindow), minimum(afterWindow), "ms");
            const QList<double> allRooms =
                field(storeDesk, [](const Sample &s) { return s.roomsMs; });
            std::printf("%-26s %9s %9s   %9.1f %9.1f   %s\n", "all spaces in the model", "", "",
                        median(allRooms), minimum(allRooms), "ms");
            printRow("VmRSS when idle",
                     field(storeBare, [](const Sample &s) { return mib(s.vmRssKiB); }),
                     field(storeDesk, [](const Sample &s) { return mib(s.vmRssKiB); }), "MiB");
            std::fflush(stdout);
        };
        storePhase(QStringLiteral("From the local store"));

        const int messageCount = std::max(0, parser.value(storeMessages).toInt());
        if (messageCount > 0) {
            const qint64 bytes = addStoredMessages(messageCount);
            storePhase(QStringLiteral("From the local store with %1 more messages (%2 MiB file)")
                           .arg(messageCount)
                           .arg(double(bytes) / (1024 * 1024), 0, 'f', 1));
        }
    }

    store.clear();
    waitForStore(store, &SessionStore::cleared);
    emulatorProcess.terminate();
    emulatorProcess.waitForFinished(5000);
    return 0;
}
