#pragma once

#include "api/apibase.h"
#include "auth/clientcredentials.h"

#include <QObject>
#include <QTimer>

class QProcess;

// The demo's Webex: the webex-emulator helper program, started by Webex Desk for --demo and
// gone with it. Webex Desk itself links no HTTP server and no test double; the emulator is a
// program of its own, installed next to the sign-in helper (locateHelperProgram).
//
// The emulator gets a free loopback port and an Integration made up for this run (handed over
// in its environment, never on the command line, which every user of the machine can read).
// It quits when its standard input closes, so it never outlives Webex Desk, even a crashed one.
//
// Every start() ends in exactly one ready() or failed().
class DemoEmulatorProcess : public QObject
{
    Q_OBJECT

public:
    explicit DemoEmulatorProcess(QObject *parent = nullptr);
    // Stops the emulator (closes its standard input, then kills it after a short grace).
    ~DemoEmulatorProcess() override;

    // $WEBEXDESK_DEMO_EMULATOR if set, else the installed or build-tree webex-emulator.
    [[nodiscard]] static QString defaultProgram();
    void setProgram(const QString &path) { m_program = path; }

    // Starts the emulator with `roomCount` spaces where a colleague posts every
    // `liveActivitySeconds` (0: never). Does nothing while it starts or runs.
    void start(int roomCount, int liveActivitySeconds);
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] const ApiBase &apiBase() const { return m_api; }
    [[nodiscard]] const ClientCredentials &credentials() const { return m_credentials; }
    [[nodiscard]] qint64 processId() const;

    // How long the emulator may take to say where it listens (seeding 10,000 spaces takes a
    // moment on a slow machine).
    static constexpr int StartTimeoutMs = 30000;

signals:
    void ready();
    // A sentence a person understands.
    void failed(const QString &message);

private:
    void onReadyRead();
    void onProcessError();
    void onProcessFinished();
    void fail(const QString &message);
    void stop();

    QProcess *m_process;
    QTimer m_startTimer;
    QString m_program;
    QByteArray m_output; // what the emulator printed before it said where it listens
    ApiBase m_api;
    ClientCredentials m_credentials;
    bool m_ready = false;
    bool m_reported = false; // ready() or failed() was emitted for this start
};
