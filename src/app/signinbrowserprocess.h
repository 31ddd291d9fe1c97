#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

class QProcess;

// The sign-in browser as seen from Webex Desk: it starts the helper webex-desk-signin, hands it
// the authorization URL and turns what the helper reports into signals. Webex Desk itself
// never loads QtWebEngine; only the helper does, and only while a sign-in is under way.
// The protocol is described in src/signin/helperchannel.h.
//
// Every open() ends with exactly one finished(), whether the helper ran or could not start.
class SignInBrowserProcess : public QObject
{
    Q_OBJECT

public:
    explicit SignInBrowserProcess(QObject *parent = nullptr);
    // Ends the helper if it runs: close, then kill after a short grace. Emits nothing.
    ~SignInBrowserProcess() override;

    // The helper to start: $WEBEXDESK_SIGNIN_HELPER if set; else next to the application
    // (the build tree, Windows, a macOS bundle's Contents/MacOS); else the installed layout,
    // <prefix>/libexec/webex-desk/webex-desk-signin.
    [[nodiscard]] static QString defaultProgram();
    void setProgram(const QString &path);
    [[nodiscard]] QString program() const { return m_program; }

    // Starts the helper (if it does not run yet) and has it show `url`. The URL goes over the
    // pipe, never on the command line, where every user of the machine could read its state.
    // `transientParentWindow` is the native id of the window to stay on top of (X11, Windows);
    // if it is one of this process's windows, the helper's window opens centred over it.
    void open(const QUrl &url, quintptr transientParentWindow = 0);
    // Ends the helper because the sign-in went on without it; not a cancellation, so
    // closedByUser() does not follow.
    void close();

    [[nodiscard]] bool isRunning() const;
    // The helper's process id, 0 when it does not run.
    [[nodiscard]] qint64 processId() const;

signals:
    void pageLoaded(bool ok);
    // The person closed the sign-in window before signing in.
    void closedByUser();
    // A sentence a person understands: a page that could not load, or one whose certificate
    // did not verify (that page is never shown).
    void loadFailed(const QString &reason);
    // The page wanted a URL the sign-in window does not open (without query and fragment).
    void navigationRefused(const QUrl &url);
    // The helper could not start or stopped unexpectedly; names the program's path.
    void helperFailed(const QString &message);
    // The helper process is gone (or never started).
    void finished();

private:
    void onStarted();
    void onReadyRead();
    void onMessage(const QByteArray &word, const QString &argument);
    void onProcessError();
    void onProcessFinished();
    void send(const QByteArray &line);
    void stopAtOnce();

    QProcess *m_process;
    QTimer m_killTimer;
    QString m_program;
    QByteArray m_pendingOpen;
    bool m_closing = false;
    bool m_userClosed = false;
};
