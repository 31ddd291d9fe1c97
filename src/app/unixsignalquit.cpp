#include "unixsignalquit.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <array>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcSignals, "webexdesk.signals")

#ifdef Q_OS_UNIX
namespace {
constexpr std::array<int, 3> HandledSignals{SIGTERM, SIGINT, SIGHUP};
// [0] is written by the handler, [1] read by the event loop. Plain ints: a handler may read them.
int pipeEnds[2] = {-1, -1};

void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    // Nothing to do if it fails: the pipe is full of earlier signals, which say the same.
    [[maybe_unused]] const ssize_t written = ::write(pipeEnds[0], &byte, 1);
    errno = savedErrno;
}

// Which of HandledSignals are ours: one ignored when we started (nohup ignores SIGHUP, a shell
// SIGINT for a program it starts in the background) stays ignored.
std::array<bool, HandledSignals.size()> handled{};

void takeSignals()
{
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < HandledSignals.size(); ++i) {
        struct sigaction before = {};
        handled[i] = ::sigaction(HandledSignals[i], nullptr, &before) == 0 &&
                     before.sa_handler != SIG_IGN &&
                     ::sigaction(HandledSignals[i], &action, nullptr) == 0;
    }
}

void giveSignalsBack()
{
    for (std::size_t i = 0; i < HandledSignals.size(); ++i) {
        if (handled[i])
            std::signal(HandledSignals[i], SIG_DFL);
        handled[i] = false;
    }
}
} // namespace
#endif

UnixSignalQuit::UnixSignalQuit(QObject *parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (pipeEnds[0] >= 0) {
        qCWarning(lcSignals, "Only one UnixSignalQuit at a time; this one does nothing");
        return;
    }
    // Flags set apart: macOS's socketpair() takes no SOCK_CLOEXEC or SOCK_NONBLOCK.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeEnds) != 0) {
        qCWarning(lcSignals, "No socket pair for signals (errno %d): they end the app at once",
                  errno);
        pipeEnds[0] = pipeEnds[1] = -1;
        return;
    }
    for (int end : pipeEnds) {
        // Not inherited by the helpers we start; never blocking the handler (a full pipe
        // already says the same).
        ::fcntl(end, F_SETFD, FD_CLOEXEC);
        ::fcntl(end, F_SETFL, ::fcntl(end, F_GETFL) | O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(pipeEnds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalQuit::onReadable);
    takeSignals();
#endif
}

UnixSignalQuit::~UnixSignalQuit()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    giveSignalsBack();
    delete m_notifier;
    ::close(pipeEnds[0]);
    ::close(pipeEnds[1]);
    pipeEnds[0] = pipeEnds[1] = -1;
#endif
}

void UnixSignalQuit::onReadable()
{
#ifdef Q_OS_UNIX
    unsigned char byte = 0;
    if (::read(pipeEnds[1], &byte, 1) != 1)
        return;
    // A second signal while the app shuts down ends it the ordinary way.
    giveSignalsBack();
    m_notifier->setEnabled(false);
    qCInfo(lcSignals, "Signal %d: quitting", int(byte));
    emit quitRequested(int(byte));
#endif
}
