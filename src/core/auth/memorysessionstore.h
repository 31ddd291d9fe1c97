#pragma once

#include "auth/sessionstore.h"

// A SessionStore that keeps the session in this process's memory only, never in the keychain
// or a file: gone when the process ends. For where no keychain may be touched (the app's
// workspace tests; a machine without one). The contract is SessionStore's: each request ends
// with exactly one signal, from the event loop, in call order. save() refuses what load()
// would discard, as the keychain store does.
class MemorySessionStore : public SessionStore
{
    Q_OBJECT

public:
    explicit MemorySessionStore(QObject *parent = nullptr);

    void load() override;
    void save(const StoredSession &session) override;
    void clear() override;
    [[nodiscard]] bool isBusy() const override { return m_pending > 0; }

    // What is held now (a request not yet answered has taken effect already).
    [[nodiscard]] std::optional<StoredSession> session() const { return m_session; }

private:
    template <typename Emit> void answerLater(Emit emitResult);

    std::optional<StoredSession> m_session;
    int m_pending = 0;
};
