#pragma once

#include "emulatoroptions.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <chrono>
#include <memory>

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
/// token endpoint) and the REST resources the app uses, over real HTTP on loopback, with
/// knobs for the failures real Webex produces. It runs in the thread it lives in and never
/// blocks it, so the app and the emulator can share one event loop.
class WebexEmulator : public QObject
{
    Q_OBJECT
public:
    explicit WebexEmulator(const EmulatorOptions &options = {}, QObject *parent = nullptr);
    ~WebexEmulator() override;

    /// Loopback by default; returns false if it cannot bind (e.g. the port is taken).
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] quint16 serverPort() const;
    /// http://127.0.0.1:<port>/v1
    [[nodiscard]] QUrl baseUrl() const;
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
    /// The next `count` answers to API GETs announce their whole Content-Length, send half the
    /// body and close the connection: an answer cut off mid-body.
    void cutOffNext(int count);

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

    // Introspection for tests:
    /// Hits on a path (e.g. "/v1/rooms"), failed ones included.
    [[nodiscard]] int requestCount(const QString &path) const;
    /// Every request URL in order (path + query).
    [[nodiscard]] QList<QUrl> requestedUrls() const;
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
    /// Someone else in the room (the other person of a direct room) posts `text` now, as a
    /// colleague would: the room's lastActivity moves and it sorts first. False for an
    /// unknown room or one with nobody else in it.
    bool postFromSomeoneElse(const QString &roomId, const QString &text);
    /// Live activity, for the demo: every `interval` someone posts a chat line in a random
    /// space. Zero (the default) stops it.
    void setLiveActivity(std::chrono::milliseconds interval);

    /// A fresh valid access token without the browser dance, for benchmarks and tests of
    /// the REST client alone.
    [[nodiscard]] QString issueAccessToken();

signals:
    void requestServed(const QString &method, const QUrl &url, int status);

private:
    EmulatorResponse handle(const EmulatorRequest &request);
    void postLiveActivity();
    EmulatorResponse handleApi(const EmulatorRequest &request);
    [[nodiscard]] QString origin() const;

    EmulatorOptions m_options;
    std::unique_ptr<SeedData> m_data;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<OAuthService> m_oauth;
    std::unique_ptr<RestApi> m_rest;
    std::unique_ptr<FaultInjector> m_faults;
    EmulatorHttpServer *m_server = nullptr;
    QHash<QString, int> m_requestCounts;
    QList<QUrl> m_requestedUrls;
    QHash<int, QByteArray> m_avatarCache;
    QTimer *m_liveActivity = nullptr;
    QList<int> m_renamedRooms; ///< By the hostile knobs.
    bool m_invalidUtf8Title = false;
};
