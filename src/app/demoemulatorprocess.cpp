#include "demoemulatorprocess.h"

#include "auth/securerandom.h"
#include "helperprogram.h"

#include <QDir>
#include <QLoggingCategory>
#include <QProcess>

namespace {
Q_LOGGING_CATEGORY(lcDemo, "webexdesk.demo")

constexpr int StopGraceMs = 3000;
// The line webex-emulator prints once it listens (src/emulator/main.cpp).
const QByteArray ListeningPrefix = QByteArrayLiteral("Webex emulator listening on ");
// More than the emulator ever prints before that line: a program that says something else
// at length is not the emulator.
constexpr qsizetype MaxOutputBeforeReady = 64 * 1024;
} // namespace

DemoEmulatorProcess::DemoEmulatorProcess(QObject *parent)
    : QObject(parent), m_process(new QProcess(this)), m_program(defaultProgram())
{
    m_process->setObjectName(QStringLiteral("demoEmulatorProcess"));
    // Its warnings land where Webex Desk's own go; its standard output is read for the address.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(StartTimeoutMs);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(tr("The demo could not start: the Webex emulator did not answer in time."));
        stop();
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoEmulatorProcess::onReadyRead);
    connect(m_process, &QProcess::errorOccurred, this, &DemoEmulatorProcess::onProcessError);
    connect(m_process, &QProcess::finished, this, &DemoEmulatorProcess::onProcessFinished);
}

DemoEmulatorProcess::~DemoEmulatorProcess()
{
    m_process->disconnect(this);
    stop();
}

QString DemoEmulatorProcess::defaultProgram()
{
    return locateHelperProgram(QStringLiteral("webex-emulator"), "WEBEXDESK_DEMO_EMULATOR");
}

qint64 DemoEmulatorProcess::processId() const
{
    return m_process->state() == QProcess::NotRunning ? 0 : m_process->processId();
}

void DemoEmulatorProcess::start(int roomCount, int liveActivitySeconds)
{
    if (m_process->state() != QProcess::NotRunning)
        return;
    m_ready = false;
    m_reported = false;
    m_output.clear();
    // An Integration for this run only: nothing else on the machine can sign in to it.
    m_credentials = ClientCredentials(QStringLiteral("Cdemo") +
                                          QString::fromLatin1(SecureRandom::urlSafeToken(24)),
                                      QString::fromLatin1(SecureRandom::urlSafeToken(32)));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WEBEX_EMULATOR_CLIENT_ID"), m_credentials.clientId());
    environment.insert(QStringLiteral("WEBEX_EMULATOR_CLIENT_SECRET"),
                       m_credentials.clientSecret());
    m_process->setProcessEnvironment(environment);
    qCInfo(lcDemo) << "starting" << QDir::toNativeSeparators(m_program);
    m_startTimer.start();
    m_process->start(m_program,
                     {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--rooms"),
                      QString::number(roomCount), QStringLiteral("--live-activity"),
                      QString::number(liveActivitySeconds), QStringLiteral("--exit-with-stdin")});
}

void DemoEmulatorProcess::onReadyRead()
{
    m_output += m_process->readAllStandardOutput();
    if (m_ready) {
        m_output.clear(); // what it says later (nothing so far) is of no interest
        return;
    }
    while (true) {
        const qsizetype end = m_output.indexOf('\n');
        if (end < 0)
            break;
        const QByteArray line = m_output.left(end).trimmed();
        m_output.remove(0, end + 1);
        if (!line.startsWith(ListeningPrefix))
            continue;
        const QString address = QString::fromUtf8(line.mid(ListeningPrefix.size()));
        QString why;
        const std::optional<ApiBase> api = ApiBase::fromUserInput(address, &why);
        // Only a loopback address: the demo never talks to anything off this computer.
        if (!api || !ApiBase::isLoopbackHost(api->baseUrl().host())) {
            fail(tr("The demo could not start: the Webex emulator gave an address that is not "
                    "on this computer."));
            stop();
            return;
        }
        m_api = *api;
        m_ready = true;
        m_reported = true;
        m_startTimer.stop();
        qCInfo(lcDemo) << "the emulator listens on" << m_api.baseUrl().toString();
        emit ready();
        return;
    }
    if (m_output.size() > MaxOutputBeforeReady) {
        fail(tr("The demo could not start: %1 is not the Webex emulator.")
                 .arg(QDir::toNativeSeparators(m_program)));
        stop();
    }
}

void DemoEmulatorProcess::onProcessError()
{
    if (m_process->error() != QProcess::FailedToStart)
        return; // a crash also ends in finished(), which says it
    fail(tr("The demo could not start: %1 could not be run (%2).")
             .arg(QDir::toNativeSeparators(m_program), m_process->errorString()));
}

void DemoEmulatorProcess::onProcessFinished()
{
    m_startTimer.stop();
    if (m_ready) {
        m_ready = false;
        qCWarning(lcDemo) << "the emulator stopped, exit code" << m_process->exitCode();
        return; // the session's calls fail from now on and say so
    }
    fail(tr("The demo could not start: the Webex emulator stopped (exit code %1).")
             .arg(m_process->exitCode()));
}

void DemoEmulatorProcess::fail(const QString &message)
{
    if (m_reported)
        return;
    m_reported = true;
    m_startTimer.stop();
    qCWarning(lcDemo) << message;
    emit failed(message);
}

void DemoEmulatorProcess::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    // Its lifeline: the emulator quits when standard input closes.
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(StopGraceMs)) {
        m_process->kill();
        m_process->waitForFinished(StopGraceMs);
    }
}
