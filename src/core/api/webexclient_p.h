#pragma once

// The parts of WebexClient its endpoints' sections share (webexclient.cpp, webexclientfiles.cpp):
// what an endpoint is and what one call of it carries. Private to the client: nothing outside
// src/core/api includes it.
#include "api/apierror.h"
#include "api/jsonbody.h"
#include "api/listbody.h"
#include "api/retrypolicy.h"
#include "api/webexclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <any>
#include <functional>

class QIODevice;
class QNetworkReply;

// What may be logged of a URL: no user info, no query (cursors and CDN signatures).
inline QString loggableUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
}

// What sendMessage's and sendFile's calls carry to their answer.
struct SendContext
{
    QString roomId;
    QString clientTag;
};

// What one kind of request is, for the generic machinery: one per endpoint, never changed.
// Texts in the handlers name their context ("WebexClient") explicitly: lupdate cannot tell
// which class a lambda in a static member's initializer belongs to.
struct WebexClient::Endpoint
{
    enum class Method { Get, Head, Post, Put, Delete };
    // Which call it is, for retryWaiting and retryStarted.
    CallKind kind = CallKind::Me;
    // What a new call does to a running call of the same endpoint and key.
    enum class OnSameKey {
        RunsAlongside,   ///< both go on (batches of people, messages sent)
        ReplacesRunning, ///< the running one is cancelled silently (a refresh, a newer page)
        JoinsRunning,    ///< the new one is not sent; the running one answers both (images)
    };
    // Parses an answer (one page, for a paged endpoint) and emits what it holds, or fails the
    // call; false when it failed.
    using Handler = bool (*)(WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                             const QByteArray &body);
    // Paged endpoints: emits the end, after the last page.
    using Finisher = void (*)(WebexClient &client, Call &call);
    using FailureEmitter = void (*)(WebexClient &client, const Call &call, const ApiError &error);
    // Streamed answers (a download to disk): takes the bytes of a 2xx answer as they arrive,
    // instead of keeping them for the handler; false when it cannot (the call then fails with
    // the error it gives).
    using DataSink = bool (*)(WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                              ApiError *error);
    // An attempt of a streamed call ended without success: what it wrote is undone, before a
    // retry (callEnds false) or for good (the call failed or was cancelled).
    using AttemptUndo = void (*)(Call &call, bool callEnds);
    // Progress of the request's body (an upload) or of the answer (a download).
    using ProgressEmitter = void (*)(WebexClient &client, const Call &call, qint64 done,
                                     qint64 total);

    Method method = Method::Get;
    // For the log.
    [[nodiscard]] const char *methodName() const
    {
        switch (method) {
        case Method::Post:
            return "POST";
        case Method::Put:
            return "PUT";
        case Method::Delete:
            return "DELETE";
        case Method::Head:
            return "HEAD";
        case Method::Get:
            break;
        }
        return "GET";
    }
    // False for images: they live on a CDN, which gets no token, no TrackingID, and no
    // redirect to a less safe URL.
    bool toApi = true;
    // A 5xx, a reset or a timeout of a POST may come after Webex applied it; repeating it could
    // post twice, so a call that is not idempotent is repeated only when RetryPolicy says it
    // surely was not applied (a 429, a refused connection).
    bool idempotent = true;
    bool waitsForTokenRenewal = true; // after a 401, when renewal is on
    // The most an answer may hold: a server that sends more is cut off and the call fails
    // (it is not retried: the same answer would come again). Generous for what Webex sends
    // (a page of 1000 spaces is about 1 MB), small enough that a hostile answer cannot take
    // the app's memory.
    qint64 maxBodyBytes = 16LL * 1024 * 1024;
    OnSameKey onSameKey = OnSameKey::ReplacesRunning;
    // Non-zero: Link rel="next" is followed (same origin only, at most MaxPages), and this is
    // the max= asked for again when Webex sends a next link with max=null.
    int pageSize = 0;
    // For paged endpoints, in the WebexClient translation context (%1: host).
    const char *nextPageElsewhereText = nullptr;
    Handler handle = nullptr;
    Finisher finishPages = nullptr;
    FailureEmitter emitFailure = nullptr;
    DataSink takeData = nullptr;
    AttemptUndo undoAttempt = nullptr;
    ProgressEmitter emitProgress = nullptr;
    // emitProgress follows the upload (the request body) rather than the download.
    bool progressOfUpload = false;
    // What an error calls the list of a keyedList endpoint.
    const char *listName = nullptr;

    static const Endpoint Me;
    static const Endpoint Rooms;
    static const Endpoint RecentRooms;
    static const Endpoint Teams;
    static const Endpoint Messages;
    static const Endpoint Send;
    static const Endpoint People;
    static const Endpoint Image;
    static const Endpoint MessageById;
    static const Endpoint RoomById;
    static const Endpoint Edit;
    static const Endpoint Delete;
    static const Endpoint FileInfo;
    static const Endpoint FileBytes;
    static const Endpoint Download;
    static const Endpoint Upload;
    static const Endpoint Mentions;
    static const Endpoint Members;
    static const Endpoint PeopleSearch;

    // A GET of one list whose call is keyed by a text (a space's id, what was searched for):
    // the items parsed as T (bad ones skipped), `Fetched` emitted with that text and them,
    // `Failed` with the text. `listName` (QT_TRANSLATE_NOOP in the WebexClient context) is what
    // an error calls the list. A new call with the same text replaces the running one.
    template <typename T, void (WebexClient::*Fetched)(const QString &, const QList<T> &),
              void (WebexClient::*Failed)(const QString &, const ApiError &)>
    static Endpoint keyedList(CallKind kind, qint64 maxBodyBytes, const char *listName);

    // What Send and Upload do with the message Webex answers with (messageSent), and with a
    // failure (sendFailed): the same, whether a file came along or not.
    static bool handleSentMessage(WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                                  const QByteArray &body);
    static void emitSendFailure(WebexClient &client, const Call &call, const ApiError &error);

    // A GET of one object by its id (messages/{id}, rooms/{id}): parsed as T, `Fetched` emitted
    // with it, `Failed` with the id asked for; the same id asked again joins the running call.
    template <typename T, void (WebexClient::*Fetched)(const T &),
              void (WebexClient::*Failed)(const QString &, const ApiError &)>
    static Endpoint byId(CallKind kind);
};

// One logical request (people/me, the whole room list, one image, one page of messages, one
// message sent, ...) across its retries and, for paged endpoints, its pages. Shared by the
// client's list and the reply's finished() lambda, so whichever lets go last frees it.
struct WebexClient::Call
{
    const Endpoint *endpoint = nullptr;
    QString key;         // calls of one endpoint with the same key replace or join each other
    std::any context;    // the endpoint's own: a room id, a tag, ids asked for, pages so far
    QUrl url;            // what the next attempt GETs (or POSTs)
    QUrl requestedUrl;   // what the caller asked for (images are reported under it)
    QByteArray postBody; // for a POST or a PUT
    // A streamed body instead (an upload): a fresh device for each attempt, owned by the reply,
    // and its Content-Type. Null when it cannot be read (the call then fails).
    std::function<QIODevice *(QString *error)> makeBody;
    QByteArray bodyContentType;
    qint64 maxBodyBytes = 0; // the endpoint's, unless the caller asked for less
    QByteArray trackingId;
    RetryPolicy::Counts retries; // of this page, for a paged call
    int page = 0;
    QSet<QUrl> visited; // pages already fetched, to refuse a paging loop
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> retryTimer;
    ApiError authError;          // the 401 it got, while it waits for a new access token
    bool renewedToken = false;   // a 401 is answered with one renewal, not a loop
    quint64 tokenGeneration = 0; // the access token its last attempt was sent with
    bool cancelled = false;
    bool tooLarge = false;     // the answer passed the endpoint's maxBodyBytes and was cut off
    bool stoppedEarly = false; // paged: more next links came, but they seemed never to end
    qint64 streamedBytes = 0;  // of this attempt's answer, taken by the endpoint's sink
    bool streamFailed = false; // a streamed answer's sink refused its bytes (streamError says why)
    ApiError streamError;

    template <typename T> [[nodiscard]] T &contextAs() { return *std::any_cast<T>(&context); }
    template <typename T> [[nodiscard]] const T &contextAs() const
    {
        return *std::any_cast<T>(&context);
    }
};

// A keyedList endpoint (declared in Endpoint): here, where Call is complete.
template <typename T, void (WebexClient::*Fetched)(const QString &, const QList<T> &),
          void (WebexClient::*Failed)(const QString &, const ApiError &)>
WebexClient::Endpoint WebexClient::Endpoint::keyedList(CallKind kind, qint64 maxBodyBytes,
                                                       const char *listName)
{
    Endpoint e;
    e.kind = kind;
    e.maxBodyBytes = maxBodyBytes;
    e.onSameKey = OnSameKey::ReplacesRunning;
    e.listName = listName;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<T>> items = client.itemsOrFail<T>(
            call, body, QCoreApplication::translate("WebexClient", call->endpoint->listName));
        if (items)
            emit(client.*Fetched)(call->contextAs<QString>(), *items);
        return items.has_value();
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit(client.*Failed)(call.contextAs<QString>(), error);
    };
    return e;
}

// The answer readers every endpoint uses, here so that each file of endpoints instantiates them.
template <typename T>
std::optional<QList<T>> WebexClient::itemsOrFail(const CallPtr &call, const QByteArray &body,
                                                 const QString &listName)
{
    const ListBody<T> list = ListBody<T>::read(body); // bad entries skipped, and logged
    if (list.isList())
        return list.items();
    fail(call,
         ApiError::parseError(
             QCoreApplication::translate("WebexClient",
                                         "The list of %1 is not {\"items\": [...]} (%2).")
                 .arg(listName, list.jsonError().isEmpty()
                                    ? QCoreApplication::translate("WebexClient", "no items array")
                                    : list.jsonError())));
    return std::nullopt;
}

template <typename T>
std::optional<T> WebexClient::objectOrFail(const CallPtr &call, const QByteArray &body,
                                           const QString &what)
{
    const QJsonDocument document = JsonBody::parse(body);
    QString why;
    std::optional<T> value =
        document.isObject() ? T::fromJson(document.object(), &why) : std::nullopt;
    if (!value) {
        fail(call,
             ApiError::parseError(why.isEmpty() ? QCoreApplication::translate(
                                                      "WebexClient", "The %1 is not a JSON object.")
                                                      .arg(what)
                                                : why));
    }
    return value;
}
