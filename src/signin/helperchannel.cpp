#include "helperchannel.h"

#include <QMetaObject>
#include <QUrl>

#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

// Shared by the reader thread and the channel. The reader may outlive the channel (it is
// blocked in a read nobody can portably interrupt), so it only ever posts to the channel
// under this lock, and the channel's destructor clears `receiver` under the same lock.
struct HelperChannel::Inbox
{
    std::mutex mutex;
    HelperChannel *receiver = nullptr;
};

HelperChannel::HelperChannel(QObject *parent) : QObject(parent), m_inbox(std::make_shared<Inbox>())
{
    m_inbox->receiver = this;
}

HelperChannel::~HelperChannel()
{
    const std::lock_guard<std::mutex> lock(m_inbox->mutex);
    m_inbox->receiver = nullptr;
}

void HelperChannel::start()
{
    if (m_started)
        return;
    m_started = true;
    // A blocking read in a thread of its own works on every platform's pipes;
    // QSocketNotifier does not work on Windows pipes. The thread is detached because a read
    // on stdin cannot be interrupted: when the helper exits, the process takes the thread
    // with it.
    std::thread([inbox = m_inbox] {
        std::string line;
        while (std::getline(std::cin, line)) {
            const QByteArray bytes = QByteArray::fromStdString(line);
            const std::lock_guard<std::mutex> lock(inbox->mutex);
            if (!inbox->receiver)
                return;
            HelperChannel *receiver = inbox->receiver;
            QMetaObject::invokeMethod(
                receiver, [receiver, bytes] { receiver->onLine(bytes); }, Qt::QueuedConnection);
        }
        const std::lock_guard<std::mutex> lock(inbox->mutex);
        if (HelperChannel *receiver = inbox->receiver)
            QMetaObject::invokeMethod(
                receiver, [receiver] { receiver->onEndOfInput(); }, Qt::QueuedConnection);
    }).detach();
}

void HelperChannel::onLine(const QByteArray &raw)
{
    // Windows text pipes may leave the carriage return of CR LF.
    QByteArray line = raw;
    if (line.endsWith('\r'))
        line.chop(1);
    const int space = line.indexOf(' ');
    const QByteArray word = space < 0 ? line : line.left(space);
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();

    if (word == "open") {
        const QUrl url = QUrl::fromEncoded(argument, QUrl::StrictMode);
        if (!url.isValid()) {
            // The URL itself is not logged: its query holds the OAuth state.
            std::fputs("webex-desk-signin: ignored an open command without a valid URL\n", stderr);
            return;
        }
        emit openRequested(url);
    } else if (word == "close") {
        emit closeRequested();
    } else if (!word.isEmpty()) {
        std::fprintf(stderr, "webex-desk-signin: ignored the unknown command \"%s\"\n",
                     word.left(40).constData());
    }
}

void HelperChannel::onEndOfInput()
{
    emit inputClosed();
}

void HelperChannel::sendReady()
{
    send("ready");
}

void HelperChannel::sendLoaded(bool ok)
{
    send("loaded", ok ? QStringLiteral("ok") : QStringLiteral("failed"));
}

void HelperChannel::sendClosedByUser()
{
    send("closed-by-user");
}

void HelperChannel::sendLoadFailed(const QString &reason)
{
    send("load-failed", reason);
}

void HelperChannel::sendCertificateError(const QString &description)
{
    send("certificate-error", description);
}

void HelperChannel::sendNavigationRefused(const QUrl &url)
{
    send("navigation-refused", url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                                            QUrl::RemoveFragment | QUrl::FullyEncoded));
}

void HelperChannel::send(const QByteArray &word, const QString &argument)
{
    QByteArray line = word;
    if (!argument.isEmpty()) {
        // One message per line: a line break inside a text would start a bogus message.
        QString oneLine = argument;
        oneLine.replace(QLatin1Char('\r'), QLatin1Char(' '))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
        line += ' ' + oneLine.toUtf8();
    }
    line += '\n';
    // Written and flushed at once: the app reacts to each message as it comes. A failed write
    // means the app is gone; the end of stdin will end the helper.
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}
