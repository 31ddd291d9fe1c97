#pragma once

#include "emulatoroptions.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <chrono>
#include <memory>
#include <optional>

class ActivityFeed;
class ContentApi;
class DeviceRegistry;
class DeviceServiceApi;
class DeviceSocketServer;
class EmulatorHttpServer;
class FaultInjector;
class OAuthService;
class RestApi;
class SeedData;
class TokenStore;
class QTimer;
struct EmulatorRequest;
struct EmulatorResponse;

/// A stand-in Webex for tests, benchmarks and the app's --demo mode: OAuth (authorize page,
/// token endpoint), the REST resources the app uses, and live events (the device service and
/// the device WebSocket, docs/LIVE-EVENTS.md) over real HTTP and WebSocket on loopback, with
/// knobs for the failures real Webex produces. It runs in the thread it lives in and never
/// blocks it, so the app and the emulator can share one event loop.
class WebexEmulator : public QObject
{
    Q_OBJECT
public:
    explicit WebexEmulator(const EmulatorOptions &options = {}, QObject *parent = nullptr);
    ~WebexEmulator() override;

    /// Loopback by default; returns false if it cannot bind (e.g. the port is taken). The
    /// device sockets get a free port of their own on the same address.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] quint16 serverPort() const;
    /// http://127.0.0.1:<port>/v1
    [[nodiscard]] QUrl baseUrl() const;
    /// http://127.0.0.1:<port>/wdm/api/v1, Webex's device service (WDM).
    [[nodiscard]] QUrl deviceServiceUrl() const;
    /// The port of the device sockets (each device's webSocketUrl names it).
    [[nodiscard]] quint16 webSocketPort() const;
    [[nodiscard]] const EmulatorOptions &options() const;

    // The signed-in user of the seeded data:
    [[nodiscard]] QString userDisplayName() const;
    [[nodiscard]] QString userEmail() const;
    [[nodiscard]] int roomCount() const;
    /// Another account: from now on the consent page signs in the seeded person at `index`
    /// (0, the default, is the user above, whom the spaces belong to), and people/me answers
    /// with that person for the tokens issued to them. False for an index out of range.
    bool setSignedInPerson(int index);
    [[nodiscard]] QString personDisplayName(int index) const;
    [[nodiscard]] QString personEmail(int index) const;

    // Fault knobs (also on the command line):
    /// Added to every response, waited for by a timer, never by blocking the thread.
    void setLatency(std::chrono::milliseconds latency);
    /// Webex cannot be reached (the REST port refuses connections, open ones are cut, device
    /// sockets dropped), or can again, on the same port. False when the port cannot be had back.
    bool setUnreachable(bool unreachable);
    /// The next `count` API calls answer 429 with `Retry-After: retryAfterSeconds`.
    void rateLimitNext(int count, int retryAfterSeconds);
    /// The next `count` API calls answer httpStatus with a Webex error body.
    void failNext(int count, int httpStatus = 503);
    /// The next consent decision redirects with error=<oauthError> instead of a code.
    void failNextAuthorization(const QString &oauthError);
    /// For tokens issued from now on.
    void setAccessTokenLifetime(int seconds);
    /// Every refresh token issued so far becomes invalid (invalid_grant).
    void revokeRefreshTokens();
    /// Default true; Webex sometimes answers a refresh without a new refresh token.
    void setRefreshReturnsNewRefreshToken(bool yes);
    /// Default 300 s, as Webex; shorter to test an expired code.
    void setAuthorizationCodeLifetime(int seconds);
    /// Only API calls whose path starts with `prefix` (e.g. "/v1/people/me") get the faults
    /// above and the cut-offs below; the others are answered normally and use none up. Empty
    /// (the default): every API call.
    void setFaultPath(const QString &prefix);
    /// Only calls of this method get the rate limits and failures; empty: any.
    void setFaultMethod(const QByteArray &method);
    /// The next `count` answers to API GETs announce their whole Content-Length, send half the
    /// body and close the connection: an answer cut off mid-body.
    void cutOffNext(int count);

    // Live events' fault knobs (docs/LIVE-EVENTS.md, section 7.2; most also on the command
    // line). Those on "open sockets" act once, now; the others stand until turned off.
    /// Every open device socket ends with no close frame (the client sees 1006).
    void dropSockets();
    /// Every open device socket is closed with this code and reason (4401, 4000 "replaced",
    /// 1000 "idle", ...).
    void closeSockets(int code, const QString &reason);
    /// Device registrations (POST /devices) answer `httpStatus` (400: "User has excessive
    /// device registrations") until called with 0.
    void refuseDevices(int httpStatus);
    /// Every device of every user is forgotten: PUT and DELETE answer 404, and a socket's
    /// upgrade answers HTTP 404. Open sockets stay open.
    void forgetDevices();
    /// Pings go unanswered while on; connections stay open.
    void stopPongs(bool stopped);
    /// The next numbered frame of each open socket jumps by `count`.
    void skipSequence(int count);
    /// Each new socket's first numbered frame after readiness jumps by `count`; 0: off.
    void setSequenceSkipPerConnection(int count);
    /// No readiness (mercury.buffer_state) while on; turning it off sends the held ones.
    void holdReadiness(bool held);
    /// To every open socket, as it is (no envelope, no sequence number): hostile frames.
    void sendRawFrame(const QByteArray &frame, bool binary = false);
    /// Each new socket is aborted this long after it opens; 0: never.
    void setDropSocketsAfter(std::chrono::milliseconds after);
    /// Each new socket is closed with `code` and `reason` this long after it opens; 0: never.
    void setCloseSocketsAfter(std::chrono::milliseconds after, int code, const QString &reason);
    /// The authorization frame must come this soon after the socket opens (default 30 s, as
    /// Webex), else the socket is closed with 1008.
    void setSocketAuthTimeout(std::chrono::milliseconds timeout);

    // Hostile content (issue 10; also on the command line; docs/RELIABILITY.md lists them):
    /// The signed-in user's displayName is `bytes` bytes of UTF-8 wherever Webex answers with
    /// the user (people/me, people?id=, ...); 0 (the default) restores the seeded name.
    void setHostileDisplayNameBytes(qint64 bytes);
    /// Someone posts two messages in the first seeded space (roomIds().first(), which becomes
    /// the most recently active one), their HTML nesting `<b><i>` and
    /// `<blockquote><ul><li>` `depth` levels deep (HostileContent). Returns the space's id.
    QString addHostileNestedMessages(int depth);
    /// Group spaces take the titles of HostileContent::titles(), in that order; returns their
    /// ids in the same order.
    QStringList setHostileTitles();
    /// The most recently active group space that kept its seeded title is sent with a title
    /// that is not valid UTF-8 (HostileContent::invalidUtf8Title(), in the raw bytes of every
    /// answer that carries it). Returns its id.
    QString setInvalidUtf8Title();
    /// The list of spaces never ends: pages of `spacesPerPage` spaces whatever max= asks, each
    /// with a next link (empty pages after the last space). 0 (the default) turns it off.
    void setEndlessRoomPaging(int spacesPerPage);
    /// people/me answers with every field but the id in a wrong JSON type.
    void setProfileWrongTypes(bool yes);
    /// In the first seeded space someone shares three files named as HostileContent::fileNames()
    /// says (`../../.bashrc`, `/etc/passwd`, 300 characters with controls and path separators),
    /// one message each, pushed live as `share`. Returns the messages' ids.
    QStringList addHostileFileMessages();

    // Files (issue 13; GET and HEAD /v1/contents/{id}, multipart POST /v1/messages):
    /// The next `count` downloads (GET or HEAD of a file the caller may fetch) answer 423 with
    /// `Retry-After: retryAfterSeconds` and Webex's error body, as while Webex scans a new file
    /// for malware.
    void scanContentsNext(int count, int retryAfterSeconds);
    /// Downloads' bodies come slowly: the headers (with the whole Content-Length) at once, then
    /// `bytesPerChunk` bytes every `interval`. 0 for either turns it off (the default).
    void setContentBodyPace(int bytesPerChunk, std::chrono::milliseconds interval);
    /// The largest file a message may carry; larger ones answer 413. Default
    /// kWebexUploadLimitBytes.
    void setUploadLimitBytes(qint64 bytes);
    /// Webex's "100 MB", read as 10^8 bytes (the smaller reading; see RestApi).
    static constexpr qint64 kWebexUploadLimitBytes = 100'000'000;

    // Introspection for tests:
    /// Hits on a path (e.g. "/v1/rooms"), failed ones included.
    [[nodiscard]] int requestCount(const QString &path) const;
    /// The same for one method (e.g. "PUT").
    [[nodiscard]] int requestCount(const QByteArray &method, const QString &path) const;
    /// Every request URL in order (path + query).
    [[nodiscard]] QList<QUrl> requestedUrls() const;
    /// Devices registered by a person (0: the user).
    [[nodiscard]] int deviceCount(int person = 0) const;
    /// Open device sockets, authorized or not.
    [[nodiscard]] int socketCount() const;
    /// Authorized, open device sockets; of one person, or of everyone for -1.
    [[nodiscard]] int liveSocketCount(int person = -1) const;
    /// Acks received on all device sockets (a client acks every frame with an id).
    [[nodiscard]] int socketAckCount() const;
    /// The frame ids those acks named, oldest first.
    [[nodiscard]] QStringList socketAckedFrameIds() const;
    /// Pings received from authorized sockets (answered or not).
    [[nodiscard]] int socketPingCount() const;
    /// Client frames that were not JSON objects, or of no type the server knows.
    [[nodiscard]] int socketInvalidFrameCount() const;
    /// Socket upgrades refused with HTTP 404 (unknown device) or 400/431.
    [[nodiscard]] int refusedSocketUpgradeCount() const;
    /// A stored file, as it was sent.
    struct File
    {
        QString contentId; ///< Its URL is baseUrl() + "/contents/" + contentId.
        QString name;
        QByteArray type;
        QByteArray bytes;
    };
    /// The first file of a message (generated or sent so far); nothing when it has none or is
    /// unknown.
    [[nodiscard]] std::optional<File> fileOf(const QString &messageId) const;
    /// Files stored so far (those of seeded spaces once their messages are generated).
    [[nodiscard]] int contentCount() const;
    /// Answers the HTTP server still holds: delayed (setLatency), cut off and not yet closed,
    /// or paced and not all written. A client that gives up must not leave one behind.
    [[nodiscard]] int pendingAnswerCount() const;
    /// Query items of the last GET /v1/authorize.
    [[nodiscard]] QVariantMap lastAuthorizeQuery() const;
    /// Form fields of the last POST /v1/access_token; client_secret reads "<redacted>".
    [[nodiscard]] QVariantMap lastTokenRequest() const;

    // Seeded data, for tests that need real ids:
    /// Room ids in seeding order.
    [[nodiscard]] QStringList roomIds() const;
    /// The id of the first room with this exact title, or an empty string.
    [[nodiscard]] QString roomIdByTitle(const QString &title) const;
    /// Team ids in seeding order.
    [[nodiscard]] QStringList teamIds() const;
    /// Person ids in seeding order; the user is first.
    [[nodiscard]] QStringList personIds() const;
    /// Messages currently in a room (generates them if needed); -1 for an unknown room.
    [[nodiscard]] int messageCount(const QString &roomId);
    /// Who a message mentions by name (person ids, as mentionedPeople); empty when it mentions
    /// no one or is unknown (as are the seeded messages of a space not yet listed or counted).
    [[nodiscard]] QStringList mentionedPeopleOf(const QString &messageId) const;
    /// Whether a message mentions everyone (mentionedGroups ["all"]).
    [[nodiscard]] bool mentionsAll(const QString &messageId) const;
    /// The id of the direct space of the user and seeded person `person`; empty when they have
    /// none (yet: POST /messages with toPersonId or toPersonEmail makes one).
    [[nodiscard]] QString directRoomWith(int person) const;
    /// Someone else in the room (the other person of a direct room) posts `text` now, as a
    /// colleague would: the room's lastActivity moves and it sorts first. False for an
    /// unknown room or one with nobody else in it.
    bool postFromSomeoneElse(const QString &roomId, const QString &text);
    /// Live activity, for the demo: every `interval` someone posts a chat line in a random
    /// space, pushed to the device sockets like every post. Zero (the default) stops it.
    void setLiveActivity(std::chrono::milliseconds interval);

    // What colleagues (or the user elsewhere) do; each change is pushed to the device sockets
    // of the space's members as Webex pushes it (docs/LIVE-EVENTS.md, section 4):
    /// Someone else in the room posts `text` (a reply when `parentId` names a thread's first
    /// message). Returns the message's id, or an empty string as postFromSomeoneElse fails.
    QString colleaguePosts(const QString &roomId, const QString &text,
                           const QString &parentId = {});
    /// The same, mentioning the user: the message's mentionedPeople and the activity's
    /// object.mentions name them, and its text, markdown and html begin with the mention as
    /// Webex writes it (the name; <@personId:…|Name>; <spark-mention data-object-id=…>).
    QString colleagueMentionsUser(const QString &roomId, const QString &text);
    /// The same, mentioning everyone (`<@all>`): the message's mentionedGroups is ["all"] and
    /// the activity's object.groupMentions says so; its text, markdown and html begin with the
    /// mention as Webex writes it ("All"; <@all>; <spark-mention data-object-type=
    /// "groupMention" data-group-type="all">).
    QString colleagueMentionsAll(const QString &roomId, const QString &text);
    /// The message's author edits it (`post` with parent.type "edit"). False when unknown.
    bool editMessageAsAuthor(const QString &messageId, const QString &text);
    /// What message `messageId` says now: its markdown, else its text. Nothing when it is
    /// unknown or deleted.
    [[nodiscard]] std::optional<QString> messageContent(const QString &messageId) const;
    /// The message's author deletes it (`delete`). False when unknown.
    bool deleteMessageAsAuthor(const QString &messageId);
    /// `actor` adds person `person` to a group space (`add`); adding the user (0) to a space
    /// they had left brings it back to their list. False when impossible.
    bool addToSpace(const QString &roomId, int person, int actor);
    /// `actor` removes `person` from a group space, or they leave (`leave`); the user's
    /// space then leaves their list. False when impossible.
    bool removeFromSpace(const QString &roomId, int person, int actor);
    /// A colleague creates a new group space with themselves and the user (`create`).
    /// Returns its id.
    QString createSpaceWithUser(const QString &title);
    /// Someone else in the room shares a file (`share`), with `text` beside it or none. Returns
    /// the message's id, or an empty string for an unknown room, one with nobody else in it,
    /// or an empty name.
    QString colleagueSharesFile(const QString &roomId, const QString &name, const QByteArray &type,
                                const QByteArray &bytes, const QString &text = {});
    /// The user's other device read the room up to this message (`acknowledge`). False when
    /// unknown.
    bool acknowledgeFromOtherDevice(const QString &roomId, const QString &messageId);

    /// A fresh valid access token without the browser dance, for benchmarks and tests of
    /// the REST client alone.
    [[nodiscard]] QString issueAccessToken();
    /// The same for the seeded person at `index` (0 is the user).
    [[nodiscard]] QString issueAccessTokenFor(int index);
    /// A valid refresh token of the user for the emulator's client, as a sign-in would give.
    [[nodiscard]] QString issueRefreshToken();

signals:
    void requestServed(const QString &method, const QUrl &url, int status);

private:
    // Someone else in the room posts (colleaguePosts, colleagueMentionsUser, ...All).
    QString colleaguePost(const QString &roomId, const QString &text, const QString &parentId,
                          const QList<int> &mentioned, bool mentionsAll = false);
    // `person` shares a file in a room (colleagueSharesFile, addHostileFileMessages).
    QString shareFile(int room, int person, const QString &name, const QByteArray &type,
                      const QByteArray &bytes, const QString &text);
    EmulatorResponse handle(const EmulatorRequest &request);
    void postLiveActivity();
    EmulatorResponse handleApi(const EmulatorRequest &request);
    EmulatorResponse handleDevices(const EmulatorRequest &request);
    /// Whose the request's bearer token is, or -1.
    [[nodiscard]] int authenticate(const EmulatorRequest &request) const;
    [[nodiscard]] QString origin() const;

    EmulatorOptions m_options;
    std::unique_ptr<SeedData> m_data;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<OAuthService> m_oauth;
    std::unique_ptr<ActivityFeed> m_feed;
    std::unique_ptr<RestApi> m_rest;
    std::unique_ptr<ContentApi> m_contents;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<DeviceRegistry> m_devices;
    std::unique_ptr<DeviceServiceApi> m_deviceService;
    EmulatorHttpServer *m_server = nullptr;
    DeviceSocketServer *m_sockets = nullptr;
    QHash<QString, int> m_requestCounts;
    QHash<QPair<QByteArray, QString>, int> m_requestCountsByMethod;
    QList<QUrl> m_requestedUrls;
    QHash<int, QByteArray> m_avatarCache;
    QTimer *m_liveActivity = nullptr;
    QList<int> m_renamedRooms; ///< By the hostile knobs.
    bool m_invalidUtf8Title = false;
};
