#pragma once

#include "seeddata.h"

#include <QJsonObject>

/// Seeded values as Webex puts them on the wire (docs/webex-wire.md): field names,
/// optional fields left out rather than null, timestamps with milliseconds.
class WireJson
{
public:
    /// origin: "http://127.0.0.1:<port>", where avatars are served.
    [[nodiscard]] static QJsonObject person(const SeedData &data, int person,
                                            const QString &origin);
    [[nodiscard]] static QJsonObject room(const SeedData &data, int room);
    [[nodiscard]] static QJsonObject team(const SeedData &data, int team);
    /// origin: as for person(); its files are "<origin>/v1/contents/<id>".
    [[nodiscard]] static QJsonObject message(SeedData &data, int room, int message,
                                             const QString &origin = {});
    [[nodiscard]] static QJsonObject membership(const SeedData &data, int room, int person);
    [[nodiscard]] static QString avatarPath(const SeedData::Person &person);
};
