#include "pkcechallenge.h"

#include "securerandom.h"

#include <QCryptographicHash>

PkceChallenge PkceChallenge::generate()
{
    PkceChallenge pkce;
    // 48 random bytes give a 64-character verifier, inside RFC 7636's 43..128.
    pkce.m_verifier = SecureRandom::urlSafeToken(48);
    pkce.m_challenge = s256(pkce.m_verifier);
    return pkce;
}

QByteArray PkceChallenge::s256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
