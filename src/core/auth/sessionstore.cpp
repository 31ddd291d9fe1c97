#include "auth/sessionstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <utility>

namespace {

enum class Cause { NoKeychain, Locked, DeniedByUser, TimedOut, Failed };

// Whole sentences per operation and cause, not fragments glued together, so translators can
// word each one naturally.
QString reasonText(bool forgetting, Cause cause, const QString &detail = QString())
{
    // Spelled out at each call: lupdate only sees QCoreApplication::translate(context, text).
    switch (cause) {
    case Cause::NoKeychain:
        return forgetting ? QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot forget your saved sign-in on this computer "
                                "because no system keychain is available.")
                          : QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot remember your sign-in on this computer because "
                                "no system keychain is available.");
    case Cause::Locked:
        return forgetting ? QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot forget your saved sign-in on this computer "
                                "because the system keychain is locked or refused access.")
                          : QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot remember your sign-in on this computer because "
                                "the system keychain is locked or refused access.");
    case Cause::DeniedByUser:
        return forgetting ? QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot forget your saved sign-in on this computer "
                                "because access to the system keychain was denied.")
                          : QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot remember your sign-in on this computer because "
                                "access to the system keychain was denied.");
    case Cause::TimedOut:
        return forgetting ? QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot forget your saved sign-in on this computer "
                                "because the system keychain did not answer in time; it may be "
                                "locked and waiting for its password.")
                          : QCoreApplication::translate(
                                "SessionStore",
                                "Webex Desk cannot remember your sign-in on this computer because "
                                "the system keychain did not answer in time; it may be locked and "
                                "waiting for its password.");
    case Cause::Failed:
        break;
    }
    return forgetting ? QCoreApplication::translate(
                            "SessionStore",
                            "Webex Desk cannot forget your saved sign-in on this computer because "
                            "the system keychain reported an error: %1")
                            .arg(detail)
                      : QCoreApplication::translate(
                            "SessionStore",
                            "Webex Desk cannot remember your sign-in on this computer because the "
                            "system keychain reported an error: %1")
                            .arg(detail);
}

Cause causeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Cause::NoKeychain;
    case QKeychain::AccessDenied:
        return Cause::Locked;
    case QKeychain::AccessDeniedByUser:
        return Cause::DeniedByUser;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return Cause::Failed;
}

} // namespace

SessionStore::SessionStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionStore::onTimeout);
}

SessionStore::~SessionStore()
{
    // The running job is parentless on purpose and is not deleted here: QtKeychain's libsecret
    // backend keeps a raw pointer to it until D-Bus answers, so deleting it early would be a
    // use-after-free inside the library. It deletes itself when it finishes; the connection to
    // this store dies with the store, so nothing reaches freed memory.
    if (m_job || !m_queue.empty())
        qCDebug(lcAuth) << "Session store destroyed with" << m_queue.size()
                        << "queued request(s) dropped; a running keychain job is left to finish";
}

QString SessionStore::key()
{
    return QStringLiteral("session");
}

void SessionStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(0));
}

bool SessionStore::isBusy() const
{
    return m_stage != Stage::Idle || !m_queue.empty();
}

void SessionStore::load()
{
    enqueue({Kind::Load, {}, {}});
}

void SessionStore::save(const StoredSession &session)
{
    StoredSession stamped = session;
    if (!stamped.savedAt.isValid())
        stamped.savedAt = QDateTime::currentDateTimeUtc();
    Request request{Kind::Save, stamped.toJson(), {}};
    // Writing what load() would then discard as corrupt helps no one; say so now instead.
    QString error;
    if (!StoredSession::fromJson(request.data, &error)) {
        request.data.clear();
        request.invalidation = error;
    }
    enqueue(std::move(request));
}

void SessionStore::clear()
{
    enqueue({Kind::Clear, {}, {}});
}

void SessionStore::enqueue(Request request)
{
    m_queue.push_back(std::move(request));
    // Started from the event loop, never from inside load()/save()/clear(), so no signal is
    // emitted before the caller has returned (and had the chance to connect).
    if (!m_startScheduled) {
        m_startScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_startScheduled = false;
                startNext();
            },
            Qt::QueuedConnection);
    }
}

void SessionStore::startNext()
{
    if (m_stage != Stage::Idle || m_queue.empty())
        return;
    Request request = std::move(m_queue.front());
    m_queue.pop_front();
    m_kind = request.kind;

    switch (request.kind) {
    case Kind::Load:
        startJob(new QKeychain::ReadPasswordJob(m_service), Stage::Reading);
        break;
    case Kind::Save: {
        if (!request.invalidation.isEmpty()) {
            qCWarning(lcAuth) << "Not saving an incomplete session:" << request.invalidation;
            m_stage = Stage::Writing;
            finishUnavailable(QCoreApplication::translate(
                                  "SessionStore",
                                  "Webex Desk cannot remember your sign-in on this computer "
                                  "because the sign-in is incomplete: %1")
                                  .arg(request.invalidation));
            return;
        }
        auto *job = new QKeychain::WritePasswordJob(m_service);
        // Text, not binary: the JSON is UTF-8 already, and on the Secret Service a binary entry
        // is a second item (type=base64) beside a text one, so mixing both could leave a stale
        // copy that a later read prefers.
        job->setTextData(QString::fromUtf8(request.data));
        startJob(job, Stage::Writing);
        break;
    }
    case Kind::Clear:
        startJob(new QKeychain::DeletePasswordJob(m_service), Stage::Deleting);
        break;
    }
}

void SessionStore::startJob(QKeychain::Job *job, Stage stage)
{
    // No parent: the job must outlive this store if it is still waiting (see ~SessionStore).
    job->setKey(key());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // Never QSettings in plain text.
    connect(job, &QKeychain::Job::finished, this, &SessionStore::onJobFinished);
    m_job = job;
    m_stage = stage;
    m_timer.start(m_timeout);
    job->start();
}

void SessionStore::onJobFinished(QKeychain::Job *job)
{
    if (job != m_job)
        return; // A job we already gave up on.
    m_timer.stop();
    m_job.clear();
    const QKeychain::Error error = job->error();

    switch (m_stage) {
    case Stage::Reading:
        onRead(job);
        return;
    case Stage::DiscardingCorrupt:
        onCorruptDeleted(error == QKeychain::NoError || error == QKeychain::EntryNotFound
                             ? QString()
                             : job->errorString());
        return;
    case Stage::Writing:
        if (error == QKeychain::NoError) {
            qCDebug(lcAuth) << "Session saved to the keychain";
            finish([this] { emit saved(); });
            return;
        }
        break;
    case Stage::Deleting:
        // macOS and Windows report a missing entry as EntryNotFound; libsecret does not.
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            qCDebug(lcAuth) << "Session removed from the keychain";
            finish([this] { emit cleared(); });
            return;
        }
        break;
    case Stage::Idle:
        return;
    }
    qCWarning(lcAuth) << "Keychain job failed, error" << int(error) << job->errorString();
    finishUnavailable(reasonText(m_kind == Kind::Clear, causeOf(error), job->errorString()));
}

void SessionStore::onRead(QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    if (error == QKeychain::EntryNotFound) {
        qCDebug(lcAuth) << "No session in the keychain";
        finish([this] { emit loaded(std::nullopt); });
        return;
    }
    if (error != QKeychain::NoError) {
        qCWarning(lcAuth) << "Keychain read failed, error" << int(error) << job->errorString();
        finishUnavailable(reasonText(false, causeOf(error), job->errorString()));
        return;
    }

    QString parseError;
    const auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
    std::optional<StoredSession> session = StoredSession::fromJson(read->binaryData(), &parseError);
    if (session) {
        qCDebug(lcAuth) << "Session loaded from the keychain";
        finish([this, &session] { emit loaded(session); });
        return;
    }

    // Delete the unreadable entry within this same request, before any request queued after
    // it, so a save() queued behind this load() is never the thing deleted.
    qCWarning(lcAuth) << "Discarding an unreadable session entry:" << parseError;
    m_corruptReason = parseError;
    startJob(new QKeychain::DeletePasswordJob(m_service), Stage::DiscardingCorrupt);
}

void SessionStore::onCorruptDeleted(const QString &deleteFailure)
{
    // Either way the entry is not used; a failed delete only means the next save overwrites it.
    if (!deleteFailure.isEmpty())
        qCWarning(lcAuth) << "Could not delete the unreadable session entry:" << deleteFailure;
    const QString reason = std::exchange(m_corruptReason, QString());
    const QPointer<SessionStore> self(this);
    finish([this, &self, &reason] {
        emit corruptEntryDiscarded(reason);
        if (self) // A slot may have deleted the store.
            emit loaded(std::nullopt);
    });
}

void SessionStore::onTimeout()
{
    if (!m_job)
        return;
    // The job keeps running inside QtKeychain; cut it loose so its late result cannot reach us.
    disconnect(m_job, nullptr, this, nullptr);
    m_job.clear();
    qCWarning(lcAuth) << "Keychain job timed out after" << m_timeout.count() << "ms";

    if (m_stage == Stage::DiscardingCorrupt) {
        onCorruptDeleted(QStringLiteral("timed out"));
        return;
    }
    finishUnavailable(reasonText(m_kind == Kind::Clear, Cause::TimedOut));
}

template <typename Emit> void SessionStore::finish(Emit emitResult)
{
    m_stage = Stage::Idle;
    const QPointer<SessionStore> self(this);
    emitResult();
    // A slot may have deleted the store; if it queued a request, that request is now behind
    // the ones already waiting, which keeps call order.
    if (self)
        startNext();
}

void SessionStore::finishUnavailable(const QString &reason)
{
    finish([this, &reason] { emit unavailable(reason); });
}
