#include "webexemulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>
#include <QTimer>

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
    // Kept in a static, so the thread stays reachable for the process's life (LeakSanitizer
    // does not take it for a leak); see below.
    static QThread *reader = nullptr;
    reader = QThread::create([] {
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
        "main", "A stand-in Webex (OAuth, REST, and live events over the device service and its "
                "WebSocket) on 127.0.0.1 for tests, benchmarks and demos."));
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
    const QCommandLineOption faultPath(
        QStringLiteral("fault-path"),
        QCoreApplication::translate(
            "main", "Only API calls whose path starts with this (e.g. /v1/people/me) get the "
                    "faults --rate-limit, --server-errors and --cut-off-bodies (default: all)."),
        QStringLiteral("path"));
    const QCommandLineOption cutOffBodies(
        QStringLiteral("cut-off-bodies"),
        QCoreApplication::translate("main",
                                    "The next N answers to API GETs announce their whole length, "
                                    "send half the body and close the connection."),
        QStringLiteral("N"));
    // The hostile knobs (issue 10): what a misbehaving Webex or another person could send.
    const QCommandLineOption hostileDisplayName(
        QStringLiteral("hostile-display-name-bytes"),
        QCoreApplication::translate(
            "main", "The signed-in user's display name is N bytes of UTF-8 (tens of megabytes to "
                    "try the app's limits)."),
        QStringLiteral("N"));
    const QCommandLineOption hostileNestedMessage(
        QStringLiteral("hostile-nested-message"),
        QCoreApplication::translate(
            "main", "Someone posts two messages in the first space whose HTML nests <b><i> and "
                    "<blockquote><ul><li> DEPTH levels deep."),
        QStringLiteral("DEPTH"));
    const QCommandLineOption hostileTitles(
        QStringLiteral("hostile-titles"),
        QCoreApplication::translate(
            "main", "Spaces titled with a right-to-left override and other bidi controls, "
                    "newlines, a NUL, C0 and C1 controls, surrounding spaces, nothing, blanks."));
    const QCommandLineOption invalidUtf8Title(
        QStringLiteral("invalid-utf8-title"),
        QCoreApplication::translate(
            "main", "One space's title (the most recently active group space's) is sent as bytes "
                    "that are not valid UTF-8."));
    const QCommandLineOption endlessPaging(
        QStringLiteral("endless-paging"),
        QCoreApplication::translate(
            "main", "The list of spaces never ends: pages of N spaces whatever max= asks, each "
                    "with a next link (empty pages after the last space)."),
        QStringLiteral("N"));
    const QCommandLineOption profileWrongTypes(
        QStringLiteral("profile-wrong-types"),
        QCoreApplication::translate(
            "main", "people/me answers with every field but the id in a wrong JSON type."));
    // Files (issue 13): downloads that wait for the malware scan or come slowly, uploads' limit.
    const QCommandLineOption scanContents(
        QStringLiteral("scan-contents"),
        QCoreApplication::translate("main", "The next N downloads of files (GET or HEAD "
                                            "/v1/contents/...) answer 423 Locked, as while Webex "
                                            "scans a file for malware."),
        QStringLiteral("N"));
    const QCommandLineOption scanRetryAfter(
        QStringLiteral("scan-retry-after"),
        QCoreApplication::translate("main", "Retry-After seconds of those 423s (default 1)."),
        QStringLiteral("seconds"), QStringLiteral("1"));
    const QCommandLineOption contentPace(
        QStringLiteral("content-pace"),
        QCoreApplication::translate("main", "Files download slowly: N bytes every "
                                            "--content-pace-ms after the headers."),
        QStringLiteral("bytes"));
    const QCommandLineOption contentPaceMs(
        QStringLiteral("content-pace-ms"),
        QCoreApplication::translate("main", "Interval of --content-pace (default 100)."),
        QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption uploadLimit(
        QStringLiteral("upload-limit-bytes"),
        QCoreApplication::translate("main", "Files larger than this answer 413 (default "
                                            "100000000, Webex's 100 MB)."),
        QStringLiteral("N"));
    const QCommandLineOption hostileFileNames(
        QStringLiteral("hostile-file-names"),
        QCoreApplication::translate(
            "main", "Someone shares three files in the first space named ../../.bashrc, "
                    "/etc/passwd and 300 characters with control characters and path "
                    "separators."));
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
    // Live events (docs/LIVE-EVENTS.md, section 7.2): the device sockets' knobs.
    const QCommandLineOption socketAuthTimeout(
        QStringLiteral("socket-auth-timeout"),
        QCoreApplication::translate("main", "A device socket that sends no authorization frame "
                                            "within S seconds is closed with 1008 (default 30)."),
        QStringLiteral("seconds"));
    const QCommandLineOption dropSocketAfter(
        QStringLiteral("drop-socket-after"),
        QCoreApplication::translate("main", "Each device socket is aborted, with no close frame, "
                                            "S seconds after it opens."),
        QStringLiteral("seconds"));
    const QCommandLineOption closeSocketAfter(
        QStringLiteral("close-socket-after"),
        QCoreApplication::translate("main", "Each device socket is closed S seconds after it "
                                            "opens, with --close-code and --close-reason."),
        QStringLiteral("seconds"));
    const QCommandLineOption closeCode(
        QStringLiteral("close-code"),
        QCoreApplication::translate("main", "Close code of --close-socket-after (default 1000; "
                                            "Webex also uses 4000, 4401, ...)."),
        QStringLiteral("code"), QStringLiteral("1000"));
    const QCommandLineOption closeReason(
        QStringLiteral("close-reason"),
        QCoreApplication::translate("main", "Close reason of --close-socket-after (default idle; "
                                            "4000 with replaced stops Webex clients)."),
        QStringLiteral("text"), QStringLiteral("idle"));
    const QCommandLineOption refuseDevice(
        QStringLiteral("refuse-device"),
        QCoreApplication::translate("main", "Device registrations answer this HTTP status (400: "
                                            "User has excessive device registrations)."),
        QStringLiteral("status"));
    const QCommandLineOption forgetDevicesAfter(
        QStringLiteral("forget-devices-after"),
        QCoreApplication::translate("main", "S seconds after the start every device is "
                                            "forgotten: refreshing it and opening its socket "
                                            "answer 404."),
        QStringLiteral("seconds"));
    const QCommandLineOption noPong(
        QStringLiteral("no-pong"),
        QCoreApplication::translate("main", "Device sockets answer no ping (and stay open)."));
    const QCommandLineOption skipSequenceNumbers(
        QStringLiteral("skip-sequence"),
        QCoreApplication::translate("main", "On each device socket the first sequence number "
                                            "after readiness jumps by N."),
        QStringLiteral("N"));
    const QCommandLineOption holdReadiness(
        QStringLiteral("hold-readiness"),
        QCoreApplication::translate("main", "Device sockets never send readiness "
                                            "(mercury.buffer_state)."));
    const QCommandLineOption stdinLifeline(
        QStringLiteral("exit-with-stdin"),
        QCoreApplication::translate("main", "Quit when standard input closes (for a parent "
                                            "process that starts it, such as webex-desk --demo)."));
    parser.addOptions({port,
                       rooms,
                       seed,
                       latency,
                       rateLimit,
                       retryAfter,
                       serverErrors,
                       serverErrorStatus,
                       faultPath,
                       cutOffBodies,
                       hostileDisplayName,
                       hostileNestedMessage,
                       hostileTitles,
                       invalidUtf8Title,
                       endlessPaging,
                       profileWrongTypes,
                       scanContents,
                       scanRetryAfter,
                       contentPace,
                       contentPaceMs,
                       uploadLimit,
                       hostileFileNames,
                       tokenLifetime,
                       clientId,
                       clientSecret,
                       liveActivity,
                       socketAuthTimeout,
                       dropSocketAfter,
                       closeSocketAfter,
                       closeCode,
                       closeReason,
                       refuseDevice,
                       forgetDevicesAfter,
                       noPong,
                       skipSequenceNumbers,
                       holdReadiness,
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
    const int cutOffs = intOption(parser, cutOffBodies, 0, &ok);
    const int displayNameBytes = intOption(parser, hostileDisplayName, 0, &ok);
    const int nestingDepth = intOption(parser, hostileNestedMessage, 0, &ok);
    const int endlessPageSize = intOption(parser, endlessPaging, 0, &ok);
    const int scans = intOption(parser, scanContents, 0, &ok);
    const int scanRetryAfterSeconds = intOption(parser, scanRetryAfter, 1, &ok);
    const int paceBytes = intOption(parser, contentPace, 0, &ok);
    const int paceMs = intOption(parser, contentPaceMs, 100, &ok);
    const int uploadLimitBytes = intOption(parser, uploadLimit, 0, &ok);
    const int authTimeoutSeconds = intOption(parser, socketAuthTimeout, 30, &ok);
    const int dropAfterSeconds = intOption(parser, dropSocketAfter, 0, &ok);
    const int closeAfterSeconds = intOption(parser, closeSocketAfter, 0, &ok);
    const int socketCloseCode = intOption(parser, closeCode, 1000, &ok);
    const int deviceRefusal = intOption(parser, refuseDevice, 0, &ok);
    const int forgetAfterSeconds = intOption(parser, forgetDevicesAfter, 0, &ok);
    const int sequenceSkip = intOption(parser, skipSequenceNumbers, 0, &ok);
    if (portNumber > 65535 ||
        (parser.isSet(serverErrorStatus) && (failureStatus < 500 || failureStatus > 599))) {
        QTextStream(stderr) << QCoreApplication::translate(
            "main", "Invalid port or server error status.\n");
        ok = false;
    }
    // What a server may send (RFC 6455): 1000 to 1015 but the reserved ones, 3000 to 4999.
    if ((socketCloseCode < 1000 || socketCloseCode > 4999 ||
         (socketCloseCode > 1015 && socketCloseCode < 3000) || socketCloseCode == 1004 ||
         socketCloseCode == 1005 || socketCloseCode == 1006 || socketCloseCode == 1015) ||
        (parser.isSet(refuseDevice) && (deviceRefusal < 400 || deviceRefusal > 599))) {
        QTextStream(stderr) << QCoreApplication::translate(
            "main", "Invalid close code or device refusal status.\n");
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
    if (parser.isSet(faultPath))
        emulator.setFaultPath(parser.value(faultPath));
    if (cutOffs > 0)
        emulator.cutOffNext(cutOffs);
    if (displayNameBytes > 0)
        emulator.setHostileDisplayNameBytes(displayNameBytes);
    // Titles first: the space that gets the invalid UTF-8 is one they left alone.
    if (parser.isSet(hostileTitles))
        emulator.setHostileTitles();
    if (parser.isSet(invalidUtf8Title))
        emulator.setInvalidUtf8Title();
    if (nestingDepth > 0)
        emulator.addHostileNestedMessages(nestingDepth);
    if (endlessPageSize > 0)
        emulator.setEndlessRoomPaging(endlessPageSize);
    if (parser.isSet(profileWrongTypes))
        emulator.setProfileWrongTypes(true);
    if (scans > 0)
        emulator.scanContentsNext(scans, scanRetryAfterSeconds);
    if (paceBytes > 0)
        emulator.setContentBodyPace(paceBytes, std::chrono::milliseconds(paceMs));
    if (parser.isSet(uploadLimit))
        emulator.setUploadLimitBytes(uploadLimitBytes);
    if (parser.isSet(hostileFileNames))
        emulator.addHostileFileMessages();
    emulator.setLiveActivity(std::chrono::seconds(liveActivitySeconds));
    emulator.setSocketAuthTimeout(std::chrono::seconds(authTimeoutSeconds));
    if (dropAfterSeconds > 0)
        emulator.setDropSocketsAfter(std::chrono::seconds(dropAfterSeconds));
    if (closeAfterSeconds > 0) {
        emulator.setCloseSocketsAfter(std::chrono::seconds(closeAfterSeconds), socketCloseCode,
                                      parser.value(closeReason));
    }
    if (deviceRefusal > 0)
        emulator.refuseDevices(deviceRefusal);
    if (forgetAfterSeconds > 0) {
        QTimer::singleShot(std::chrono::seconds(forgetAfterSeconds), &emulator,
                           [&emulator] { emulator.forgetDevices(); });
    }
    if (parser.isSet(noPong))
        emulator.stopPongs(true);
    if (sequenceSkip > 0)
        emulator.setSequenceSkipPerConnection(sequenceSkip);
    if (parser.isSet(holdReadiness))
        emulator.holdReadiness(true);
    if (parser.isSet(stdinLifeline))
        quitWhenStandardInputCloses(&app);

    QTextStream out(stdout);
    out << "Webex emulator listening on " << emulator.baseUrl().toString() << '\n'
        << "Client id: " << options.clientId << '\n'
        << "Redirect URI: " << options.redirectUri << '\n'
        << "Device service: " << emulator.deviceServiceUrl().toString() << '\n'
        << "Device sockets: ws://127.0.0.1:" << emulator.webSocketPort() << '\n'
        << "Signed-in user: " << emulator.userDisplayName() << " <" << emulator.userEmail() << ">\n"
        << "Spaces: " << emulator.roomCount() << Qt::endl;
    return app.exec();
}
