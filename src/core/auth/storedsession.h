#pragma once

#include "model/tokenset.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

class ClientCredentials;

// Everything needed to resume a signed-in session after a restart without asking the user again:
// where the API is, which Integration signed in, and the tokens it got. It holds secrets (the
// client secret and both tokens): it is written only to the OS keychain (SessionStore), never to
// QSettings, a file or a log.
class StoredSession
{
public:
    // The format written by toJson(). fromJson() reads exactly this version; anything else is
    // treated as unreadable, since guessing at a future layout could resume the wrong account.
    static constexpr int FormatVersion = 1;

    QUrl apiBase; ///< Normalised as ApiBase::baseUrl() does (https, or http on loopback only).
    QString clientId;
    QString clientSecret;
    TokenSet tokens;
    QDateTime savedAt; ///< UTC; when the session was handed to the keychain.

    [[nodiscard]] ClientCredentials credentials() const;

    // Compact UTF-8 JSON: {"version":1,"apiBase":...,"clientId":...,"clientSecret":...,
    // "savedAt":...,"tokens":{"accessToken":...,"refreshToken":...,"tokenType":...,
    // "accessExpiresAt":...,"refreshExpiresAt":...}}. Times are ISO 8601 UTC with milliseconds;
    // an unknown expiry is written as null.
    [[nodiscard]] QByteArray toJson() const;

    // All or nothing: a keychain entry may be truncated, hand-edited or from another version, so
    // any missing or mistyped field, an API base ApiBase would refuse (a stored http URL must not
    // send the token off this computer), an empty token or an unreadable time gives nullopt and a
    // sentence in *error saying why. Unknown extra fields are ignored. Never logs the input.
    [[nodiscard]] static std::optional<StoredSession> fromJson(const QByteArray &json,
                                                               QString *error = nullptr);

    friend bool operator==(const StoredSession &a, const StoredSession &b);
    friend bool operator!=(const StoredSession &a, const StoredSession &b) { return !(a == b); }
};

Q_DECLARE_METATYPE(StoredSession)
