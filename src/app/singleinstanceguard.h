#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

// One Webex Desk per user: the first start listens on a local socket; a later start finds it
// there, asks it to raise its window, waits for its answer and exits. A socket left behind by a
// crash answers nobody: it is removed only after a connection to it failed, never while an
// instance may still own it.
class SingleInstanceGuard : public QObject
{
    Q_OBJECT

public:
    enum class Role {
        Primary,   // no other instance: this one runs and listens
        Secondary, // another instance runs and raised its window: exit
        Alone,     // no guard could be set up (see errorString()): run without one
    };
    Q_ENUM(Role)

    explicit SingleInstanceGuard(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstanceGuard() override;

    // Per user: a socket in $XDG_RUNTIME_DIR (a folder only its user may enter) named after
    // the app id on Unix; on Windows, where pipe names are machine-wide, the app id and the
    // user's name.
    [[nodiscard]] static QString defaultServerName();

    // Decides this process's role; waits at most `timeoutMs` for a running instance's answer.
    Role claim(int timeoutMs = 5000);
    [[nodiscard]] QString serverName() const { return m_serverName; }
    [[nodiscard]] QString errorString() const { return m_error; }

signals:
    // A later start asked for the window. Emitted before it is told yes.
    void raiseRequested();

private:
    enum class Answer { Raised, NobodyListens, NoAnswer };
    Answer askRunningInstanceToRaise(int timeoutMs);
    bool listen();
    void onNewConnection();
    void onRequest(QLocalSocket *client);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
    QString m_error;
};
