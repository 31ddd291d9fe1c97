#pragma once

#include <QString>

class QDateTime;
class QRandomGenerator;

/// Identifier and timestamp formats as Webex writes them on the wire.
class WebexIds
{
public:
    /// A Webex id: unpadded base64 of "ciscospark://us/<KIND>/<uuid>" (KIND: PEOPLE, ROOM,
    /// TEAM, MESSAGE, MEMBERSHIP, ORGANIZATION).
    [[nodiscard]] static QString encode(const QString &kind, const QString &uuid);
    /// A lowercase version-4 style UUID drawn from rng, so seeded data stays deterministic.
    [[nodiscard]] static QString uuid(QRandomGenerator &rng);
    /// "ROUTER_" + uppercase UUID, as in Webex's trackingid header.
    [[nodiscard]] static QString trackingId();
    /// Unguessable URL-safe text for codes and tokens (system CSPRNG, never the seed).
    [[nodiscard]] static QString randomToken(int length);
    /// "2016-04-21T19:12:48.920Z".
    [[nodiscard]] static QString timestamp(const QDateTime &dateTime);
};
