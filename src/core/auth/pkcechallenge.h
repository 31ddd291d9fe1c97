#pragma once

#include <QByteArray>

// RFC 7636 Proof Key for Code Exchange, method S256: the verifier stays in memory for one
// sign-in attempt; only its SHA-256 (the challenge) goes out with the authorization request.
class PkceChallenge
{
public:
    [[nodiscard]] static PkceChallenge generate();
    // base64url-no-pad(SHA-256(verifier)), as the authorization server recomputes it.
    [[nodiscard]] static QByteArray s256(const QByteArray &verifier);

    [[nodiscard]] QByteArray verifier() const { return m_verifier; }
    [[nodiscard]] QByteArray challenge() const { return m_challenge; }
    [[nodiscard]] static QByteArray method() { return QByteArrayLiteral("S256"); }

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
};
