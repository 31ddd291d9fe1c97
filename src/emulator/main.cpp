#include "webexemulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

#include <iostream>

#include <cstdio>

namespace {

int intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int fallback,
              bool *ok)
{
    if (!parser.isSet(option))
        return fallback;
    bool valid = false;
    const int value = parser.value(option).toInt(&valid);
    if (!valid || value < 0) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Invalid value for --%1: %2\n")
                                   .arg(option.names().constFirst(), parser.value(option));
        *ok = false;
    }
    return value;
}

// Quits the application when standard input reaches its end: the process that started the
// emulator (Webex Desk's --demo) holds the other end of the pipe, so the emulator never
// outlives it, even when it crashes. A thread, as a blocking read of a pipe is the one way to
// wait for it that works on every OS (QSocketNotifier does not watch pipes on Windows).
void quitWhenStandardInputCloses(QCoreApplication *app)
{
    QThread *reader = QThread::create([] {
        char ignored[256];
        while (std::cin.read(ignored, sizeof ignored) || std::cin.gcount() > 0) {
        }
    });
    QObject::connect(reader, &QThread::finished, app, &QCoreApplication::quit);
    // Never deleted: if the emulator quits for another reason, the thread is still blocked in
    // read(), which nothing can interrupt, and destroying a running QThread aborts. The process
    // ends with it.
    reader->start();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("webex-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEBEXDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "A stand-in Webex (OAuth and REST) on 127.0.0.1 for tests, benchmarks and demos."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("main", "TCP port (default 8099; 0: any free port)."),
        QStringLiteral("port"), QStringLiteral("8099"));
    const QCommandLineOption rooms(QStringLiteral("rooms"),
                                   QCoreApplication::translate("main", "Number of seeded spaces."),
                                   QStringLiteral("N"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QCoreApplication::translate("main", "Seed of the generated data."),
        QStringLiteral("seed"));
    const QCommandLineOption latency(
        QStringLiteral("latency-ms"),
        QCoreApplication::translate("main", "Delay added to every response."),
        QStringLiteral("ms"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QCoreApplication::translate("main", "Answer the next N API calls with 429."),
        QStringLiteral("N"));
    const QCommandLineOption retryAfter(
        QStringLiteral("retry-after"),
        QCoreApplication::translate("main", "Retry-After seconds of those 429s (default 1)."),
        QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption serverErrors(
        QStringLiteral("server-errors"),
        QCoreApplication::translate("main", "Answer the next N API calls with a server error."),
        QStringLiteral("N"));
    const QCommandLineOption serverErrorStatus(
        QStringLiteral("server-error-status"),
        QCoreApplication::translate("main", "HTTP status of those errors (default 503)."),
        QStringLiteral("status"), QStringLiteral("503"));
    const QCommandLineOption tokenLifetime(
        QStringLiteral("token-lifetime"),
        QCoreApplication::translate("main", "Access token lifetime in seconds."),
        QStringLiteral("seconds"));
    const QCommandLineOption clientId(
        QStringLiteral("client-id"),
        QCoreApplication::translate(
            "main", "Registered client id (or the environment's WEBEX_EMULATOR_CLIENT_ID)."),
        QStringLiteral("id"));
    const QCommandLineOption clientSecret(
        QStringLiteral("client-secret"),
        QCoreApplication::translate("main", "Registered client secret (better: the environment's "
                                            "WEBEX_EMULATOR_CLIENT_SECRET, which other users "
                                            "cannot read)."),
        QStringLiteral("secret"));
    const QCommandLineOption liveActivity(
        QStringLiteral("live-activity"),
        QCoreApplication::translate("main",
                                    "Every N seconds someone posts in a space (default: never)."),
        QStringLiteral("seconds"));
    const QCommandLineOption stdinLifeline(
        QStringLiteral("exit-with-stdin"),
        QCoreApplication::translate("main", "Quit when standard input closes (for a parent "
                                            "process that starts it, such as webex-desk --demo)."));
    parser.addOptions({port, rooms, seed, latency, rateLimit, retryAfter, serverErrors,
                       serverErrorStatus, tokenLifetime, clientId, clientSecret, liveActivity,
                       stdinLifeline});
    parser.process(app);

    EmulatorOptions options;
    bool ok = true;
    const int portNumber = intOption(parser, port, 8099, &ok);
    options.roomCount = intOption(parser, rooms, options.roomCount, &ok);
    if (parser.isSet(seed)) {
        bool valid = false;
        options.seed = parser.value(seed).toUInt(&valid);
        if (!valid) {
            QTextStream(stderr) << QCoreApplication::translate("main",
                                                               "Invalid value for --seed: %1\n")
                                       .arg(parser.value(seed));
            ok = false;
        }
    }
    options.accessTokenLifetimeSeconds =
        intOption(parser, tokenLifetime, options.accessTokenLifetimeSeconds, &ok);
    const int latencyMs = intOption(parser, latency, 0, &ok);
    const int rateLimited = intOption(parser, rateLimit, 0, &ok);
    const int retryAfterSeconds = intOption(parser, retryAfter, 1, &ok);
    const int failures = intOption(parser, serverErrors, 0, &ok);
    const int failureStatus = intOption(parser, serverErrorStatus, 503, &ok);
    const int liveActivitySeconds = intOption(parser, liveActivity, 0, &ok);
    if (portNumber > 65535 ||
        (parser.isSet(serverErrorStatus) && (failureStatus < 500 || failureStatus > 599))) {
        QTextStream(stderr) << QCoreApplication::translate(
            "main", "Invalid port or server error status.\n");
        ok = false;
    }
    if (!ok)
        return 1;
    // The environment first: a parent that made up the credentials hands them over where the
    // machine's other users cannot read them (a command line is public in /proc).
    const QString idFromEnvironment = qEnvironmentVariable("WEBEX_EMULATOR_CLIENT_ID");
    const QString secretFromEnvironment = qEnvironmentVariable("WEBEX_EMULATOR_CLIENT_SECRET");
    if (!idFromEnvironment.isEmpty())
        options.clientId = idFromEnvironment;
    if (!secretFromEnvironment.isEmpty())
        options.clientSecret = secretFromEnvironment;
    if (parser.isSet(clientId))
        options.clientId = parser.value(clientId);
    if (parser.isSet(clientSecret))
        options.clientSecret = parser.value(clientSecret);

    WebexEmulator emulator(options);
    if (!emulator.listen(QHostAddress::LocalHost, quint16(portNumber))) {
        QTextStream(stderr)
            << QCoreApplication::translate(
                   "main", "Cannot listen on 127.0.0.1:%1: the port is in use or not allowed.\n")
                   .arg(portNumber);
        return 1;
    }
    emulator.setLatency(std::chrono::milliseconds(latencyMs));
    if (rateLimited > 0)
        emulator.rateLimitNext(rateLimited, retryAfterSeconds);
    if (failures > 0)
        emulator.failNext(failures, failureStatus);
    emulator.setLiveActivity(std::chrono::seconds(liveActivitySeconds));
    if (parser.isSet(stdinLifeline))
        quitWhenStandardInputCloses(&app);

    QTextStream out(stdout);
    out << "Webex emulator listening on " << emulator.baseUrl().toString() << '\n'
        << "Client id: " << options.clientId << '\n'
        << "Redirect URI: " << options.redirectUri << '\n'
        << "Signed-in user: " << emulator.userDisplayName() << " <" << emulator.userEmail() << ">\n"
        << "Spaces: " << emulator.roomCount() << Qt::endl;
    return app.exec();
}
