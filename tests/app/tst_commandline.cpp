// The webex-desk executable's command line, as a person types it: --help and --version
// work without a display; a bad --api-base is refused with a message and exit code 2.

#include <QProcess>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void version();
    void refusesPlainHttpToARemoteHost();
    void refusesUnknownOption();
    void qtOptionsDoNotStopVersion();
    void refusesUnknownSingleDashOption();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments);
};

TestCommandLine::Run TestCommandLine::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: the options must be handled before any window system is needed.
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WEBEX_DESK_EXECUTABLE), arguments);
    Run result;
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

void TestCommandLine::help()
{
    const Run result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--api-base", "--demo", "--version", "--help"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    QVERIFY(result.out.contains(QStringLiteral("WEBEX_CLIENT_ID")));
    QVERIFY2(result.out.startsWith(QStringLiteral("Usage: webex-desk [options]")),
             qPrintable(result.out.left(80)));
}

void TestCommandLine::version()
{
    const Run result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("webex-desk " WEBEX_DESK_VERSION));
}

void TestCommandLine::refusesPlainHttpToARemoteHost()
{
    const Run result =
        run({QStringLiteral("--api-base"), QStringLiteral("http://webexapis.com/v1")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--api-base")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("http")), qPrintable(result.err));
}

void TestCommandLine::refusesUnknownOption()
{
    const Run result = run({QStringLiteral("--frobnicate")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("frobnicate")), qPrintable(result.err));
}

void TestCommandLine::qtOptionsDoNotStopVersion()
{
    // Qt's own options are Qt's: they used to read as "Unknown options: p, l, a, t, f, o, r, m".
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen"),
                      QStringLiteral("--version")},
          QStringList{QStringLiteral("--platform"), QStringLiteral("offscreen"),
                      QStringLiteral("-session"), QStringLiteral("x"),
                      QStringLiteral("--version")}}) {
        const Run result = run(arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out.trimmed(), QStringLiteral("webex-desk " WEBEX_DESK_VERSION));
    }
    for (const QString &help : {QStringLiteral("--help"), QStringLiteral("--help-all")}) {
        const Run result = run({QStringLiteral("-style"), QStringLiteral("fusion"), help});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QStringLiteral("Usage: webex-desk [options]")),
                 qPrintable(result.out.left(80)));
    }
}

void TestCommandLine::refusesUnknownSingleDashOption()
{
    const Run result = run({QStringLiteral("-platformz"), QStringLiteral("offscreen")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(QStringLiteral("webex-desk: Unknown option 'platformz'.")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("--help")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
