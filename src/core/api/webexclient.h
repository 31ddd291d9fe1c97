#pragma once

#include "api/apibase.h"
// Signal arguments are included, not forward-declared: moc needs complete types to register
// them as metatypes, and every receiver needs them anyway.
#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "model/fileinfo.h"
#include "model/membership.h"
#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <any>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// The Webex REST client: one owner for every call, reporting results as parsed values and
// failures as ApiError, never as a silent log line. Retries what RetryPolicy allows (rate
// limits, server errors, failed connections and cut-off answers of GETs) on QTimer, never
// blocking, and says when a call waits (retryWaiting) and when it goes again (retryStarted).
class WebexClient : public QObject
{
    Q_OBJECT

public:
    // What a call is, for retryWaiting and retryStarted: which place in the app waits.
    enum class CallKind {
        Me,
        Rooms,
        RecentRooms,
        Teams,
        Messages,
        Send,
        People,
        Image,
        MessageById,
        RoomById,
        Edit,
        Delete,
        FileInfo,
        FileBytes,
        Download,
        Mentions,
        Members,
        PeopleSearch
    };
    Q_ENUM(CallKind)

    WebexClient(const ApiBase &base, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~WebexClient() override;

    // Held in memory only; sent as "Authorization: Bearer ..." only to the API base's origin.
    void setAccessToken(const QString &token);

    // With renewal on, a call refused with 401 waits instead of failing: the client emits
    // accessTokenRejected() once, and the next setAccessToken() with a new token sends the
    // waiting calls again, once each. abandonWaitingCalls() fails them when no token comes.
    // Off by default: without anyone to renew the token the calls would wait forever.
    void setAccessTokenRenewal(bool enabled) { m_renewal = enabled; }
    void abandonWaitingCalls();

    void fetchMe(); // GET people/me; a new call replaces a running one
    // GET rooms?max=1000&sortBy=lastactivity, following Link rel="next"; a new call cancels a
    // running one. A server whose next links never end (a page seen before, or more than
    // 1000 pages) is not followed further: the call ends with what it has, not complete.
    void fetchAllRooms();
    // GET teams (all pages) -> teamsFetched / teamsFailed; a new call replaces a running one.
    // Endless pages end the call with what it has, as for the spaces.
    void fetchTeams();
    // GET messages?roomId&max=50[&beforeMessage] -> messagesFetched / messagesFailed; a new call
    // for the same room replaces a running one (calls for other rooms go on).
    void fetchMessages(const QString &roomId, const QString &beforeMessageId = {});
    // POST messages {"roomId","markdown"[,"parentId"]} -> messageSent / sendFailed, both carrying
    // clientTag. `parentId`: the thread's first message, for a reply (one level, as Webex's).
    // POST is not idempotent: a 5xx or a timeout may have been applied, and a repeat would post
    // the message twice. So only what surely did not reach Webex is retried: 429 (Webex refused
    // it) and a refused connection (nothing was sent). Everything else fails, and the person
    // decides whether to send again.
    void sendMessage(const QString &roomId, const QString &markdown, const QString &clientTag,
                     const QString &parentId = {});
    // GET people?id=a,b,c in batches of at most 85 ids -> peopleFetched (per batch) /
    // peopleFailed (per batch). Duplicates and empty ids are dropped.
    void fetchPeople(const QStringList &personIds);
    // GET rooms?sortBy=lastactivity&max=100, first page only -> recentRoomsFetched / roomsFailed.
    // The quiet periodic refresh: one request, whatever the number of spaces. Replaces a
    // running one.
    void fetchRecentRooms();

    // GET messages/{messageId} -> messageFetched / messageFetchFailed (a deleted message: 404).
    // The live layer's fetch of what an event names. The same id asked for again while it is
    // on its way is not asked twice.
    void fetchMessage(const QString &messageId);
    // GET rooms/{roomId} -> roomFetched / roomFetchFailed, joined as fetchMessage.
    void fetchRoom(const QString &roomId);
    // PUT messages/{messageId} {"roomId","markdown"} -> messageEdited / editFailed (messageId).
    // Only the author may edit (Webex answers 403 otherwise). Refused without a request, as
    // sendMessage refuses, when the text is empty or too long or the id is not a REST id.
    void editMessage(const QString &messageId, const QString &roomId, const QString &markdown);
    // DELETE messages/{messageId} -> messageDeleted / deleteFailed (messageId). Asked again
    // while on its way: one request answers both.
    void deleteMessage(const QString &messageId);

    // Whether `id` can be a Webex REST id (base64 or base64url of "ciscospark://..."): the only
    // ids the two calls above put into a path.
    [[nodiscard]] static bool isRestId(const QString &id);

    // Files of messages (contents/{id}). Only the API's own contents/ URLs are asked for (they
    // get the access token); any other URL a message lists fails at once, without a request.
    // A file Webex is still scanning for malware (423) is asked for again after its
    // Retry-After, as a rate limit is.
    //
    // HEAD -> fileInfoFetched / fileInfoFailed (url): name, type and size. Joins a running one.
    void fetchFileInfo(const QUrl &contentUrl);
    // GET into memory, at most maxBytes (a larger file fails without being read) ->
    // fileFetched / fileFetchFailed (url). For pictures shown in the app. Joins a running one.
    void fetchFile(const QUrl &contentUrl, qint64 maxBytes);
    // GET written to disk as it comes, into `folder` under the name Webex gives
    // (Content-Disposition, made safe by SafeFileName; a name taken gets " (1)") ->
    // downloadProgress, then fileDownloaded (the file's path) / downloadFailed. Until it is
    // complete the file is "<name>.part"; a failed or cancelled download leaves nothing.
    // The same URL asked for again while it runs joins it.
    void downloadFile(const QUrl &contentUrl, const QString &folder);
    // Stops a download; its part file goes, and nothing more is emitted for it.
    void cancelDownload(const QUrl &contentUrl);
    // POST messages as multipart/form-data with the file at `filePath` (read as it is sent) and
    // the text, if any -> uploadProgress, then messageSent / sendFailed as sendMessage. A file
    // over MaxUploadBytes, empty, or unreadable is refused before a byte is sent. Retried only
    // as sendMessage is (a rate limit, a refused connection).
    void sendFile(const QString &roomId, const QString &markdown, const QString &filePath,
                  const QString &clientTag, const QString &parentId = {});
    // Stops an upload; nothing more is emitted for it (Webex has not got the message).
    void cancelSend(const QString &clientTag);
    // Whether `url` is one of this API's contents/{id} URLs (the only files asked for).
    [[nodiscard]] bool isContentUrl(const QUrl &url) const;

    // People and mentions (webexclientpeople.cpp):
    // GET messages?roomId&mentionedPeople=me&max=MentionsPageSize, newest first ->
    // mentionsFetched / mentionsFailed (roomId). Webex lists mentions per space only.
    void fetchMentions(const QString &roomId);
    // GET memberships?roomId, every page -> membersFetched (all at once) / membersFailed.
    void fetchMembers(const QString &roomId);
    // GET people?displayName=<text> (people?email= for an address), at most PeopleSearchSize
    // -> peopleFound / peopleSearchFailed (the text asked for). A new search replaces the
    // running one: at most one is in flight.
    void searchPeople(const QString &text);
    // POST messages {"toPersonEmail","markdown"} -> messageSent / sendFailed (clientTag): the
    // message goes to the one-to-one space with that person, which Webex creates if needed;
    // the answer names it (Message::roomId). Refused without a request as sendMessage refuses,
    // and for anything that is not one address.
    void sendDirectMessage(const QString &personEmail, const QString &markdown,
                           const QString &clientTag);

    // Avatars: GET without Authorization (they live on a CDN). https, or http on loopback only.
    // A URL already being fetched is not fetched twice.
    void fetchImage(const QUrl &url);
    // Stops everything; no signal is emitted for the cancelled calls.
    void cancelAll();

    [[nodiscard]] ApiBase apiBase() const { return m_base; }

    // Abort a transfer after this long without data (QNetworkRequest::setTransferTimeout).
    void setTransferTimeout(int milliseconds);
    [[nodiscard]] int transferTimeout() const { return m_transferTimeoutMs; }

    // Multiplies every retry delay (Retry-After and backoff): tests use a small factor so a
    // "Retry-After: 15" takes milliseconds. 1.0 in production; negative values count as 0.
    void setRetryDelayScale(double scale);
    [[nodiscard]] double retryDelayScale() const { return m_retryDelayScale; }
    // The backoff's jitter: a number in [0, 1] per retry (RetryPolicy::setRandomSource). Tests
    // give a fixed one; random by default.
    void setJitterSource(std::function<double()> source);

    // Every call waiting for its next attempt goes now (the person's "Retry now"); each emits
    // retryStarted. A rate limit that still holds answers 429 again, and the call waits again.
    void retryNow();
    [[nodiscard]] bool hasWaitingRetries() const;

    static constexpr int RoomsPageSize = 1000;
    static constexpr int TeamsPageSize = 1000;
    static constexpr int MessagesPageSize = 50;
    static constexpr int PeopleBatchSize = 85; // Webex's limit for people?id=
    static constexpr int RecentRoomsPageSize = 100;
    static constexpr int MaxMarkdownBytes = 7439; // Webex refuses longer messages
    static constexpr int MentionsPageSize = 50;
    static constexpr int MembersPageSize = 1000;
    static constexpr int PeopleSearchSize = 20;
    static constexpr int MaxPeopleSearchLength = 200;
    // Webex's limit for a file sent with a message is "100 MB"; taken as 10^8 bytes, the
    // smaller reading, so a file it could refuse is not uploaded for minutes first.
    static constexpr qint64 MaxUploadBytes = 100LL * 1000 * 1000;

signals:
    void meFetched(const Person &me);
    void meFailed(const ApiError &error);

    void roomsPageFetched(const QList<Room> &rooms, int pageNumber); // pageNumber from 1
    // complete: false when the paging was stopped because Webex kept sending more pages.
    void roomsFetched(int totalRooms, bool complete);
    void roomsFailed(const ApiError &error);

    void teamsFetched(const QList<Team> &teams);
    void teamsFailed(const ApiError &error);

    // hasOlder: a Link rel="next" was present (there are older messages).
    void messagesFetched(const QString &roomId, const QList<Message> &newestFirst, bool hasOlder);
    void messagesFailed(const QString &roomId, const ApiError &error);

    void messageSent(const QString &clientTag, const Message &message);
    void sendFailed(const QString &clientTag, const ApiError &error);

    void peopleFetched(const QList<Person> &people);
    // The same answer with the ids that were asked for: Webex leaves out ids it does not know
    // (notFoundIds), and a cache needs to know those too. Emitted right after peopleFetched.
    void peopleBatchFetched(const QStringList &requestedIds, const QList<Person> &people);
    void peopleFailed(const QStringList &personIds, const ApiError &error);

    void recentRoomsFetched(const QList<Room> &rooms);

    void messageEdited(const Message &message);
    void editFailed(const QString &messageId, const ApiError &error);
    void messageDeleted(const QString &messageId);
    void deleteFailed(const QString &messageId, const ApiError &error);

    void messageFetched(const Message &message);
    void messageFetchFailed(const QString &messageId, const ApiError &error);
    void roomFetched(const Room &room);
    void roomFetchFailed(const QString &roomId, const ApiError &error);

    void mentionsFetched(const QString &roomId, const QList<Message> &newestFirst);
    void mentionsFailed(const QString &roomId, const ApiError &error);
    void membersFetched(const QString &roomId, const QList<Membership> &members);
    void membersFailed(const QString &roomId, const ApiError &error);
    void peopleFound(const QString &text, const QList<Person> &people);
    void peopleSearchFailed(const QString &text, const ApiError &error);

    void fileInfoFetched(const FileInfo &info);
    void fileInfoFailed(const QUrl &url, const ApiError &error);
    void fileFetched(const FileInfo &info, const QByteArray &bytes);
    void fileFetchFailed(const QUrl &url, const ApiError &error);
    void downloadProgress(const QUrl &url, qint64 received, qint64 total);
    void fileDownloaded(const QUrl &url, const QString &path);
    void downloadFailed(const QUrl &url, const ApiError &error);
    // total: the whole request, text and file (Qt's count of the body sent).
    void uploadProgress(const QString &clientTag, qint64 sent, qint64 total);

    void imageFetched(const QUrl &url, const QByteArray &bytes);
    void imageFailed(const QUrl &url, const ApiError &error);

    // Whether Webex can be reached, told by every call: an HTTP answer of any status (also
    // an error) came from Webex; a call failed, after its retries, without one (the network is
    // down, the host not found, the transfer timed out): emitted before its *Failed signal.
    void webexReached();
    void webexUnreachable(const ApiError &error);
    // Any 401, in addition to the specific *Failed signal (the auth layer refreshes on it).
    void unauthorized(const ApiError &error);
    void accessTokenRejected();

    // A retry was scheduled after delayMs (already scaled); lets the UI say "rate limited".
    void retryScheduled(const QUrl &url, const ApiError &reason, int delayMs);
    // The same, for the UI: a call of this kind waits until retryAt (UTC) because of `reason`.
    // `key` tells which one where several run: the room id of a messages call, the client tag
    // of a message sent, an image's URL; else empty.
    void retryWaiting(WebexClient::CallKind call, const QString &key, const QDateTime &retryAt,
                      const ApiError &reason);
    // Its wait is over (the time came, or retryNow()): the attempt is on its way.
    void retryStarted(WebexClient::CallKind call, const QString &key);

private:
    // What one kind of request is (method, paging, retries, its handler): see webexclient.cpp.
    struct Endpoint;
    struct Call;
    using CallPtr = std::shared_ptr<Call>;

    // A new call of the endpoint, after its rule for a running call with the same key; null
    // when it joins the running one instead.
    CallPtr startCall(const Endpoint &endpoint, const QUrl &url, const QString &key = {});
    void send(const CallPtr &call);
    void onFinished(const CallPtr &call, QNetworkReply *reply);
    void takeData(const CallPtr &call, QNetworkReply *reply);
    // A running call of this endpoint with this key, or null.
    [[nodiscard]] CallPtr runningCall(const Endpoint &endpoint, const QString &key) const;
    // A call for a contents URL; fails it (later) and returns null when the URL is not one.
    [[nodiscard]] CallPtr startContentCall(const Endpoint &endpoint, const QUrl &url,
                                           std::any context = {});
    [[nodiscard]] bool waitForNewToken(const CallPtr &call, const ApiError &error);
    // Schedules the next attempt if RetryPolicy allows one (true), or leaves it to fail.
    [[nodiscard]] bool scheduleRetry(const CallPtr &call, const ApiError &error);
    // The waiting call goes now: its timer fired, or retryNow().
    void startRetry(const CallPtr &call);
    void finishCall(const CallPtr &call);
    void cancelCall(const CallPtr &call);
    void failLater(const CallPtr &call, const ApiError &error);
    void fail(const CallPtr &call, const ApiError &error);
    // The items of a list answer, read by ListBody (a bad entry skipped); a body that is not
    // {"items": [...]} fails the call instead (nullopt). `listName`: what the error says the
    // list was of.
    // One object of an answer (T::fromJson), or the call fails (nullopt); `what` names it.
    template <typename T>
    [[nodiscard]] std::optional<T> objectOrFail(const CallPtr &call, const QByteArray &body,
                                                const QString &what);
    // GET <collection>/<id> of one of the two single-object endpoints.
    void fetchById(const Endpoint &endpoint, const QString &collection, const QString &id);
    // <api>/<collection>/<id> for a REST id; a harmless placeholder for anything else.
    [[nodiscard]] QUrl itemUrl(const QString &collection, const QString &id) const;
    [[nodiscard]] static ApiError notAnId(const QString &id);
    template <typename T>
    [[nodiscard]] std::optional<QList<T>> itemsOrFail(const CallPtr &call, const QByteArray &body,
                                                      const QString &listName);
    // Paged endpoints: sends the next page (true), fails on a bad link (true), or says it was
    // the last page (false; stoppedEarly when the links seemed never to end).
    [[nodiscard]] bool followNextPage(const CallPtr &call, QNetworkReply *reply);
    // The next page's URL, or empty: with *error set (refused), or with the call's
    // stoppedEarly set (endless pages).
    [[nodiscard]] QUrl checkedNextPage(const CallPtr &call, const QUrl &next,
                                       ApiError *error) const;
    [[nodiscard]] int scaledDelay(int milliseconds) const;
    // Why a message text cannot be sent (or an edit saved), or empty: blank, or too long.
    [[nodiscard]] static QString refusedText(const QString &markdown);

    ApiBase m_base;
    QPointer<QNetworkAccessManager> m_network;
    QString m_accessToken;
    int m_transferTimeoutMs = 30000;
    double m_retryDelayScale = 1.0;
    RetryPolicy m_retryPolicy;
    QList<CallPtr> m_calls;
    QList<CallPtr> m_waitingForToken;
    // Counts new access tokens: a 401 for an attempt sent with an older one is no reason to
    // wait for another renewal.
    quint64 m_tokenGeneration = 0;
    bool m_renewal = false;
};
