#include "signinbrowserprocess.h"

#include "helperprogram.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QWindow>

#include <utility>

namespace {
Q_LOGGING_CATEGORY(lcSignInBrowser, "webexdesk.signin")

// How long the helper may take to close its window and shut QtWebEngine down before it is
// killed. Chromium's own processes end with it either way: their pipes to it close.
constexpr int CloseGraceMs = 5000;
constexpr int DestructorGraceMs = 3000;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The frame of this process's window with native id `id`, for the helper to centre its window
// over: a window of another process cannot be asked where it is on every platform (Qt 6.4's
// foreign windows do not report their geometry). Only windows that have a native window
// already are looked at; winId() would create one.
QRect frameOfWindow(quintptr id)
{
    const QList<QWindow *> windows = QGuiApplication::topLevelWindows();
    for (const QWindow *window : windows) {
        if (window->handle() && window->winId() == id)
            return window->frameGeometry();
    }
    return {};
}
} // namespace

SignInBrowserProcess::SignInBrowserProcess(QObject *parent)
    : QObject(parent), m_process(new QProcess(this)), m_program(defaultProgram())
{
    m_process->setObjectName(QStringLiteral("signInHelperProcess"));
    // Chromium's and Qt's warnings from the helper land where Webex Desk's own go.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(CloseGraceMs);

    connect(&m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);
    connect(m_process, &QProcess::started, this, &SignInBrowserProcess::onStarted);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            &SignInBrowserProcess::onReadyRead);
    connect(m_process, &QProcess::errorOccurred, this, &SignInBrowserProcess::onProcessError);
    connect(m_process, &QProcess::finished, this, &SignInBrowserProcess::onProcessFinished);
}

SignInBrowserProcess::~SignInBrowserProcess()
{
    // Whoever deletes this object no longer listens.
    m_process->disconnect(this);
    m_killTimer.stop();
    if (m_process->state() == QProcess::NotRunning)
        return;
    if (m_process->state() == QProcess::Running && !m_closing) {
        send("close\n");
        m_process->closeWriteChannel();
    }
    if (!m_process->waitForFinished(DestructorGraceMs)) {
        m_process->kill();
        m_process->waitForFinished(DestructorGraceMs);
    }
}

QString SignInBrowserProcess::defaultProgram()
{
    return locateHelperProgram(QStringLiteral("webex-desk-signin"), "WEBEXDESK_SIGNIN_HELPER");
}

void SignInBrowserProcess::setProgram(const QString &path)
{
    m_program = path;
}

void SignInBrowserProcess::open(const QUrl &url, quintptr transientParentWindow)
{
    m_pendingOpen = "open " + url.toEncoded(QUrl::FullyEncoded) + '\n';
    if (m_process->state() != QProcess::NotRunning && m_closing)
        stopAtOnce(); // a helper still closing from the last sign-in cannot take a new one
    switch (m_process->state()) {
    case QProcess::Running:
        send(std::exchange(m_pendingOpen, QByteArray()));
        return;
    case QProcess::Starting:
        return; // onStarted() sends it
    case QProcess::NotRunning:
        break;
    }

    m_closing = false;
    m_userClosed = false;
    QStringList arguments;
    if (transientParentWindow != 0) {
        arguments << QStringLiteral("--parent-window") << QString::number(transientParentWindow);
        const QRect frame = frameOfWindow(transientParentWindow);
        if (!frame.isEmpty())
            arguments << QStringLiteral("--parent-frame")
                      << QStringLiteral("%1,%2,%3,%4")
                             .arg(frame.x())
                             .arg(frame.y())
                             .arg(frame.width())
                             .arg(frame.height());
    }
    qCDebug(lcSignInBrowser) << "starting the sign-in helper" << m_program;
    m_process->start(m_program, arguments);
}

void SignInBrowserProcess::close()
{
    m_pendingOpen.clear();
    if (m_process->state() == QProcess::NotRunning || m_closing)
        return;
    m_closing = true;
    if (m_process->state() == QProcess::Starting) {
        m_process->kill(); // nothing was shown yet
        return;
    }
    send("close\n");
    // The end of its input ends the helper too, should it miss the command.
    m_process->closeWriteChannel();
    m_killTimer.start();
}

bool SignInBrowserProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

qint64 SignInBrowserProcess::processId() const
{
    return m_process->processId();
}

void SignInBrowserProcess::onStarted()
{
    qCDebug(lcSignInBrowser) << "sign-in helper started, pid" << m_process->processId();
    if (!m_pendingOpen.isEmpty())
        send(std::exchange(m_pendingOpen, QByteArray()));
}

void SignInBrowserProcess::onReadyRead()
{
    while (m_process->canReadLine()) {
        const QByteArray line = m_process->readLine().trimmed();
        const int space = line.indexOf(' ');
        const QByteArray word = space < 0 ? line : line.left(space);
        const QString argument =
            space < 0 ? QString() : QString::fromUtf8(line.mid(space + 1)).trimmed();
        onMessage(word, argument);
    }
}

void SignInBrowserProcess::onMessage(const QByteArray &word, const QString &argument)
{
    if (word == "ready") {
        qCDebug(lcSignInBrowser) << "sign-in helper ready";
    } else if (word == "loaded") {
        emit pageLoaded(argument == QLatin1String("ok"));
    } else if (word == "closed-by-user") {
        m_userClosed = true;
        emit closedByUser();
    } else if (word == "load-failed") {
        emit loadFailed(tr("The Webex sign-in page could not be loaded (%1). Check your "
                           "internet connection, then sign in again.")
                            .arg(argument));
    } else if (word == "certificate-error") {
        emit loadFailed(tr("Webex Desk did not show the sign-in page because its security "
                           "certificate is not valid (%1). Someone may be intercepting the "
                           "connection: do not sign in on this network, or try again later.")
                            .arg(argument));
    } else if (word == "navigation-refused") {
        // The helper already dropped the query; what is left is safe to log.
        qCInfo(lcSignInBrowser) << "the sign-in window refused to open" << argument;
        emit navigationRefused(QUrl(argument));
    } else if (!word.isEmpty()) {
        qCDebug(lcSignInBrowser) << "ignored a message from the sign-in helper:" << word;
    }
}

void SignInBrowserProcess::onProcessError()
{
    // Crashes and failed writes also come here; finished() reports them.
    if (m_process->error() != QProcess::FailedToStart)
        return;
    qCWarning(lcSignInBrowser) << "could not start" << m_program << m_process->errorString();
    emit helperFailed(tr("Webex Desk could not start its sign-in window, %1: %2")
                          .arg(nativePath(m_program), m_process->errorString()));
    emit finished();
}

void SignInBrowserProcess::onProcessFinished()
{
    m_killTimer.stop();
    const bool expected = m_closing || m_userClosed;
    if (!expected && m_process->exitStatus() == QProcess::CrashExit) {
        emit helperFailed(tr("The sign-in window of Webex Desk (%1) stopped unexpectedly. "
                             "Sign in again.")
                              .arg(nativePath(m_program)));
    } else if (!expected && m_process->exitCode() != 0) {
        emit helperFailed(tr("The sign-in window of Webex Desk (%1) could not run (exit "
                             "status %2).")
                              .arg(nativePath(m_program))
                              .arg(m_process->exitCode()));
    }
    qCDebug(lcSignInBrowser) << "sign-in helper finished";
    m_closing = false;
    emit finished();
}

void SignInBrowserProcess::send(const QByteArray &line)
{
    if (m_process->state() == QProcess::Running)
        m_process->write(line);
}

void SignInBrowserProcess::stopAtOnce()
{
    m_killTimer.stop();
    m_process->kill();
    m_process->waitForFinished(DestructorGraceMs);
}
