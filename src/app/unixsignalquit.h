#pragma once

#include <QObject>

class QSocketNotifier;

// Says when the system asks the app to end: SIGTERM (log-out, shut-down, `kill`), SIGINT
// (Ctrl+C in a terminal) and SIGHUP (its terminal closed). Left to their defaults these end the
// process at once: what the store's thread had queued (a draft typed a moment ago) was never
// written and the demo's temporary store stayed in /tmp. Quitting through the event loop instead
// runs what Quit runs.
//
// A signal handler may only call async-signal-safe functions, so it writes one byte to a socket
// pair and the event loop reads it (the pattern of Qt's "Calling Qt Functions From Unix Signal
// Handlers"). After the first signal the defaults come back: a second one ends the process even
// if shutting down hangs. One object at a time; elsewhere than Unix it never says anything.
class UnixSignalQuit : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalQuit(QObject *parent = nullptr);
    ~UnixSignalQuit() override;

    // Whether the handlers are installed.
    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

signals:
    void quitRequested(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};
