#pragma once

#include <QString>

#include <optional>

// Activity uuids and Webex REST ids, both ways (docs/LIVE-EVENTS.md, section 5). A REST id is the
// base64 of "ciscospark://<cluster>/<TYPE>/<uuid>", without padding; the live socket speaks in
// bare uuids, which Webex's REST API no longer accepts. QtCore only, no state.
namespace ActivityIds {

// The kinds of id the live layer builds (section 5.2).
enum class Type {
    Message,      ///< MESSAGE: activity.id (post, share), parent.id (edit), object.id (delete)
    Room,         ///< ROOM: target.id, or object.id of create and hide
    People,       ///< PEOPLE: actor.entryUUID, object.entryUUID; cluster always "us"
    Organization, ///< ORGANIZATION: actor.orgId; cluster always "us"
    Membership,   ///< MEMBERSHIP: "<person uuid>:<space uuid>"
    Content,      ///< CONTENT: "<activity uuid>/<file index>"
};

// "MESSAGE", "ROOM", ... as the plain text of a REST id spells it.
[[nodiscard]] QString typeName(Type type);

// What a REST id says.
struct Decoded
{
    QString cluster; ///< "us", "urn:TEAM:eu-central-1_k", ...
    QString type;    ///< "MESSAGE", "ROOM", ... (any upper-case name, also ones not in Type)
    QString uuid; ///< the last part as written: a uuid, "a:b" for a membership, "u/0" for content
};

// The cluster Webex uses when it says nothing else, and always for people and organizations.
inline const QString DefaultCluster = QStringLiteral("us");
// Longer input is no id of Webex's (the longest, a membership in a long cluster, is about 200).
constexpr int MaxRestIdLength = 512;

// The REST id for `uuid` (standard base64 alphabet, no padding). People and organizations are
// always in "us", whatever `cluster` says; an empty cluster means "us". Empty when the parts
// could not be read back unambiguously (an empty uuid, a "/" in the cluster or in a uuid
// other than a content one, characters outside printable ASCII).
[[nodiscard]] QString encode(Type type, const QString &uuid,
                             const QString &cluster = DefaultCluster);

// The parts of a REST id, or nullopt. Accepts either base64 alphabet (standard or URL-safe),
// with or without padding. Checks the form of section 5.2: "ciscospark://", then exactly
// cluster, TYPE and uuid separated by "/" (CONTENT ids carry one more "/" in their uuid part),
// printable ASCII only, every part non-empty. Does not check that the uuid is a uuid: a
// membership's is two of them, and Webex may have other forms.
[[nodiscard]] std::optional<Decoded> decode(const QString &restId);

// The cluster of a space, for the REST ids of its messages (section 5.2): the cluster of
// `spaceGlobalId` (target.globalId) when it decodes to this space's ROOM id; failing that, the
// cluster of `knownRoomId` (the space's REST id the app already holds) when that is this
// space; failing that, "us". `spaceUuid` may be a uuid or the space's REST id itself.
[[nodiscard]] QString clusterOf(const QString &spaceGlobalId, const QString &spaceUuid,
                                const QString &knownRoomId = {});

// True for a uuid in its usual text form (36 characters, with or without braces).
[[nodiscard]] bool isUuid(const QString &text);

// The uuid an id names: a uuid itself (in lower case), or the uuid part of a REST id; empty for
// anything else.
[[nodiscard]] QString uuidOf(const QString &uuidOrRestId);

// A REST id for an id from an activity, which is a uuid or already a REST id (section 7.1:
// both are accepted): a uuid is encoded, a REST id that decodes is returned as it is.
// Empty for anything else.
[[nodiscard]] QString toRestId(Type type, const QString &uuidOrRestId,
                               const QString &cluster = DefaultCluster);

} // namespace ActivityIds
