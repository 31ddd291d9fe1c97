#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class SeedData;

/// Turns changes of the seeded world into Webex's `conversation.activity` objects
/// (docs/LIVE-EVENTS.md, section 4) and hands each to the people who hear it: every member
/// of the space, the actor included (their other devices see their own actions too). Ids are
/// the uuids inside the REST ids the emulator answers with (section 5), so a client can turn
/// one into the other.
class ActivityFeed
{
public:
    /// Where activities go: DeviceSocketServer::publish.
    using Sink = std::function<void(const QList<int> &people, const QJsonObject &activity)>;

    explicit ActivityFeed(SeedData &data) : m_data(data) {}

    /// "http://127.0.0.1:<port>": the base of the (never fetched) conversation URLs.
    void setOrigin(const QString &origin) { m_origin = origin; }
    void setSink(Sink sink) { m_sink = std::move(sink); }

    /// A new message: `post`, with `parent.type` "reply" for a reply in a thread; `share` for
    /// one with files (object.objectType "content"). Its activity id is the message's uuid.
    /// Mentions go in the clear beside the ciphertext: object.mentions (people's uuids) and
    /// object.groupMentions (everyone; that shape is not verified).
    void posted(int room, int message);
    /// An edited message: `post` with a fresh id and `parent` {id: the message's uuid,
    /// type: "edit"}. Edits are never `update` (section 4.2).
    void edited(int room, int message);
    /// `delete`, object {id: the message's uuid, objectType: activity}.
    void deleted(int room, int message, int actor);
    /// A read receipt: `actor` has read up to `message`.
    void acknowledged(int room, int message, int actor);
    /// `person` was added to the space by `actor` (call after adding: they hear it too).
    void added(int room, int person, int actor);
    /// `person` left or was removed (call after removing: they hear it all the same).
    void left(int room, int person, int actor);
    /// A new space with its members: `create`, the space being the object.
    void created(int room, int actor);

private:
    [[nodiscard]] QJsonObject activity(const QString &id, const QString &verb, int actor,
                                       const QString &published) const;
    [[nodiscard]] QJsonObject person(int person) const;
    [[nodiscard]] QJsonObject conversation(int room) const;
    /// Webex's text is end-to-end encrypted: clients fetch it over REST. This stands in for
    /// the ciphertext, shaped like a JWE and holding nothing of the text.
    [[nodiscard]] QJsonObject comment(int room) const;
    /// A `share`'s object: the files (their names as ciphertext too, as the SDK sends them;
    /// size and MIME type in the clear) and, when the message has text, its ciphertext.
    [[nodiscard]] QJsonObject content(int room, int message) const;
    /// Ciphertext in the compact form of a direct-key JWE, holding nothing of the plain text.
    [[nodiscard]] QString ciphertext(int room) const;
    [[nodiscard]] QString encryptionKeyUrl(int room) const;
    void publish(QList<int> people, const QJsonObject &activity);

    SeedData &m_data;
    QString m_origin;
    Sink m_sink;
};
