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

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
