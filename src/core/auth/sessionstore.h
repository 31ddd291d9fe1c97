#pragma once

#include "auth/storedsession.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <optional>

namespace QKeychain {
class Job;
}

// Remembers one signed-in session across restarts in the OS keychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows) through QtKeychain, as a single entry (key
// "session" under the service name) written by one job, so it is never half-written. Never falls
// back to plain text: without a usable keychain the user signs in again next time.
//
// Asynchronous and ordered: load(), save() and clear() only queue a request and return; requests
// run one after another in call order, and each ends with exactly one of loaded(), saved(),
// cleared() or unavailable(), emitted from the event loop (never from inside the call). A
// session saved by one request is what the next load() sees.
//
// Every keychain job gets the timeout: a locked keyring can leave a job waiting for a password
// prompt forever. On timeout the request reports unavailable() and the queue moves on; the job
// is left to finish (or not) on its own and its result is ignored. A timed-out save or clear may
// therefore still take effect later, in order, if the prompt is ever answered: QtKeychain runs
// the jobs of a whole process strictly one after another, so while one job waits, every later
// keychain job (ours or anyone's) waits behind it and times out too.
//
// Destroying the store drops its queued requests without signals; a job already handed to the
// keychain is not cancelled (QtKeychain cannot cancel one safely) and its result is ignored.
//
// load(), save(), clear() and isBusy() are virtual, so that a store which keeps the session
// elsewhere (MemorySessionStore: not across restarts) stands in with the same contract.
class SessionStore : public QObject
{
    Q_OBJECT

public:
    // Tests pass their own service name so they never touch a real sign-in.
    explicit SessionStore(const QString &service = QStringLiteral("webex-desk"),
                          QObject *parent = nullptr);
    ~SessionStore() override;

    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] static QString key();

    // Applies to each keychain job started after the call; 5 s by default.
    void setTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    // -> loaded(session or nullopt) or unavailable(reason).
    virtual void load();
    // -> saved() or unavailable(reason). Replaces what was stored. An invalid savedAt is set to
    // the current time; a session fromJson() would refuse is not written (unavailable()).
    virtual void save(const StoredSession &session);
    // -> cleared() (also when nothing was stored) or unavailable(reason).
    virtual void clear();

    // True while a request is running or queued.
    [[nodiscard]] virtual bool isBusy() const;

signals:
    // nullopt: nothing is stored, or the entry could not be read and was discarded (then
    // corruptEntryDiscarded() comes first, and the entry has been deleted unless that failed).
    void loaded(const std::optional<StoredSession> &session);
    void saved();
    void cleared();
    // No keychain, locked, access denied, timed out or another keychain error: a translated
    // sentence for the user. The request had no effect that can be relied on.
    void unavailable(const QString &reason);
    // The stored entry was unreadable (damaged, or another format version); reason says why,
    // without any of its content.
    void corruptEntryDiscarded(const QString &reason);

private:
    enum class Kind { Load, Save, Clear };
    // Where the running request is; a load that finds a corrupt entry goes on to delete it.
    enum class Stage { Idle, Reading, Writing, Deleting, DiscardingCorrupt };

    struct Request
    {
        Kind kind = Kind::Load;
        QByteArray data;      // Save: the entry to write.
        QString invalidation; // Save: why the session cannot be written, if it cannot.
    };

    void enqueue(Request request);
    void startNext();
    void startJob(QKeychain::Job *job, Stage stage);
    void onJobFinished(QKeychain::Job *job);
    void onTimeout();
    void onRead(QKeychain::Job *job);
    void onCorruptDeleted(const QString &deleteFailure);
    // Ends the running request: the next one starts after the signal, so a slot that queues
    // another request keeps call order.
    template <typename Emit> void finish(Emit emitResult);
    void finishUnavailable(const QString &reason);

    QString m_service;
    std::chrono::milliseconds m_timeout{5000};
    std::deque<Request> m_queue;
    Stage m_stage = Stage::Idle;
    Kind m_kind = Kind::Load;
    QPointer<QKeychain::Job> m_job; // The running job, until it finishes or times out.
    QTimer m_timer;
    QString m_corruptReason;
    bool m_startScheduled = false;
};
