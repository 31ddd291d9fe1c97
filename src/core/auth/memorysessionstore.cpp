#include "auth/memorysessionstore.h"

#include <QCoreApplication>
#include <QDateTime>

MemorySessionStore::MemorySessionStore(QObject *parent)
    : SessionStore(QStringLiteral("memory"), parent)
{}

template <typename Emit> void MemorySessionStore::answerLater(Emit emitResult)
{
    // Queued calls run in the order posted, so answers keep call order.
    ++m_pending;
    QMetaObject::invokeMethod(
        this,
        [this, emitResult] {
            --m_pending;
            emitResult();
        },
        Qt::QueuedConnection);
}

void MemorySessionStore::load()
{
    const std::optional<StoredSession> held = m_session;
    answerLater([this, held] { emit loaded(held); });
}

void MemorySessionStore::save(const StoredSession &session)
{
    StoredSession stamped = session;
    if (!stamped.savedAt.isValid())
        stamped.savedAt = QDateTime::currentDateTimeUtc();
    QString error;
    if (!StoredSession::fromJson(stamped.toJson(), &error)) {
        answerLater([this, error] {
            // The keychain store's sentence: one translation for the same refusal.
            emit unavailable(QCoreApplication::translate(
                                 "SessionStore",
                                 "Webex Desk cannot remember your sign-in on this computer "
                                 "because the sign-in is incomplete: %1")
                                 .arg(error));
        });
        return;
    }
    m_session = stamped;
    answerLater([this] { emit saved(); });
}

void MemorySessionStore::clear()
{
    m_session.reset();
    answerLater([this] { emit cleared(); });
}
