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
    /// The reverse: the uuid part of a Webex id of that kind (a MEMBERSHIP's is
    /// "<person uuid>:<room uuid>"), or an empty string when `id` is not one. Either base64
    /// alphabet, with or without padding (docs/LIVE-EVENTS.md, section 5.1).
    [[nodiscard]] static QString decode(const QString &kind, const QString &id);
    /// A lowercase version-4 style UUID drawn from rng, so seeded data stays deterministic.
    [[nodiscard]] static QString uuid(QRandomGenerator &rng);
    /// "ROUTER_" + uppercase UUID, as in Webex's trackingid header.
    [[nodiscard]] static QString trackingId();
    /// Unguessable URL-safe text for codes and tokens (system CSPRNG, never the seed).
    [[nodiscard]] static QString randomToken(int length);
    /// "2016-04-21T19:12:48.920Z".
    [[nodiscard]] static QString timestamp(const QDateTime &dateTime);
};
