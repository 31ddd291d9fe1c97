#pragma once

#include <QByteArray>

// Unguessable values for OAuth (state, PKCE verifier). Always drawn from
// QRandomGenerator::system(): Qt 6.4's default state comes from a time-seeded generator.
class SecureRandom
{
public:
    // `byteCount` random bytes as base64url without padding (RFC 4648 section 5),
    // which is safe in a URL and in a form body without further encoding.
    [[nodiscard]] static QByteArray urlSafeToken(int byteCount);
};
