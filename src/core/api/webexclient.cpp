// How to add an endpoint (edit message, delete message, files, devices, ...): declare its public
// method and signals in webexclient.h, and its static Endpoint in webexclient_p.h; everything
// else goes in one section of this file, or of a file of related endpoints
// (webexclientfiles.cpp, webexclientpeople.cpp), like the "---- people/me" one below:
//   1. an Endpoint (WebexClient::Endpoint::Xxx): its CallKind, method, where it sends the
//      token, whether it is idempotent (GET yes, POST no: RetryPolicy repeats a POST only when it
//      surely was not applied), whether it waits for a token renewal after a 401,
//      paging (pageSize != 0 follows Link rel="next"), what a second call with the same key
//      does, the handler that parses the answer and emits the signal, and the failure emitter;
//   2. the public method: builds the URL (and body), refuses bad arguments with failLater, and
//      sends startCall(Endpoint::Xxx, url, key) with its context (any per-call value).
// The generic machinery (retries, Retry-After, 401 renewal, paging, cancelling, and for streamed
// calls the sink, its undoing and progress) never needs to know which endpoint it is running.
#include "api/webexclient.h"

#include "api/webexclient_p.h"

#include "api/jsonbody.h"
#include "api/linkheader.h"
#include "api/listbody.h"
#include "logging.h"
#include "model/webexidtext.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <any>
#include <cmath>
#include <cstring>
#include <utility>

namespace {

// A stop for a server whose "next" links never end (a cursor that changes every time).
constexpr int MaxPages = 1000;

// The body of a request that must not be applied twice (POST messages), readable once and
// never rewound. Qt's HTTP/1.1 layer sends a request again by itself when the connection closes
// before any byte of the answer (QHttpNetworkConnectionChannel's reconnect attempts), whatever
// its method, though the server may have applied it by then. To send it again Qt must rewind
// the body; this one refuses, so the reply fails with ContentReSendError instead and the
// message is not posted twice behind our back.
class SendOnceBody : public QIODevice
{
public:
    // Unbuffered, as QBuffer: readData then reads at pos(), not ahead of it.
    explicit SendOnceBody(QByteArray data) : m_data(std::move(data))
    {
        open(ReadOnly | Unbuffered);
    }
    bool isSequential() const override { return false; } // a known size: Qt reads it directly
    qint64 size() const override { return m_data.size(); }
    bool seek(qint64 position) override
    {
        if (position < m_furthest)
            return false; // a rewind: Qt means to send it again
        return QIODevice::seek(position);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, m_data.size() - pos());
        if (count <= 0)
            return count == 0 ? 0 : -1;
        std::memcpy(data, m_data.constData() + pos(), size_t(count));
        m_furthest = qMax(m_furthest, pos() + count);
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_furthest = 0; // how far Qt has read
};

} // namespace

WebexClient::WebexClient(const ApiBase &base, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_base(base), m_network(network)
{}

WebexClient::~WebexClient()
{
    // The network access manager is shared and outlives us; don't leave our replies running.
    cancelAll();
}

void WebexClient::setAccessToken(const QString &token)
{
    const bool renewed = token != m_accessToken;
    m_accessToken = token;
    if (renewed)
        ++m_tokenGeneration;
    if (!renewed || m_waitingForToken.isEmpty())
        return;
    const QList<CallPtr> waiting = std::exchange(m_waitingForToken, {});
    for (const CallPtr &call : waiting) {
        if (!call->cancelled)
            send(call);
    }
}

void WebexClient::abandonWaitingCalls()
{
    const QList<CallPtr> waiting = std::exchange(m_waitingForToken, {});
    for (const CallPtr &call : waiting)
        fail(call, call->authError);
}

bool WebexClient::waitForNewToken(const CallPtr &call, const ApiError &error)
{
    if (!m_renewal || error.httpStatus != 401 || call->renewedToken ||
        !call->endpoint->waitsForTokenRenewal)
        return false;
    if (call->tokenGeneration != m_tokenGeneration) {
        // Refused with a token that was renewed while it was on its way (calls running side by
        // side, one 401 answered first): it goes again at once with the new one, not waiting
        // for a renewal that has already happened.
        send(call);
        return true;
    }
    call->renewedToken = true;
    call->authError = error;
    const bool first = m_waitingForToken.isEmpty();
    m_waitingForToken.append(call);
    if (first)
        emit accessTokenRejected();
    return true;
}

void WebexClient::setTransferTimeout(int milliseconds)
{
    m_transferTimeoutMs = qMax(0, milliseconds);
}

void WebexClient::setRetryDelayScale(double scale)
{
    m_retryDelayScale = scale > 0 ? scale : 0.0;
}

void WebexClient::setJitterSource(std::function<double()> source)
{
    m_retryPolicy.setRandomSource(std::move(source));
}

int WebexClient::scaledDelay(int milliseconds) const
{
    return int(std::ceil(milliseconds * m_retryDelayScale));
}

// ---- people/me -> meFetched / meFailed; a new call replaces a running one.

const WebexClient::Endpoint WebexClient::Endpoint::Me = [] {
    Endpoint e;
    e.kind = CallKind::Me;
    e.maxBodyBytes = 1LL * 1024 * 1024;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const QJsonDocument document = JsonBody::parse(body);
        QString why;
        const std::optional<Person> me =
            document.isObject() ? Person::fromJson(document.object(), &why) : std::nullopt;
        if (!me) {
            client.fail(call,
                        ApiError::parseError(
                            why.isEmpty() ? QCoreApplication::translate(
                                                "WebexClient", "people/me is not a JSON object.")
                                          : why));
            return false;
        }
        emit client.meFetched(*me);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &, const ApiError &error) {
        emit client.meFailed(error);
    };
    return e;
}();

void WebexClient::fetchMe()
{
    send(startCall(Endpoint::Me, m_base.endpoint(QStringLiteral("people/me"))));
}

// ---- rooms, every page -> roomsPageFetched per page, roomsFetched / roomsFailed.
// Context: the number of spaces so far (int).

const WebexClient::Endpoint WebexClient::Endpoint::Rooms = [] {
    Endpoint e;
    e.kind = CallKind::Rooms;
    e.pageSize = RoomsPageSize;
    e.nextPageElsewhereText = QT_TRANSLATE_NOOP(
        "WebexClient", "Webex pointed the next page of spaces to another server (%1); it was not "
                       "followed, so your sign-in is not sent there.");
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<Room>> items = client.itemsOrFail<Room>(
            call, body, QCoreApplication::translate("WebexClient", "spaces"));
        if (!items)
            return false;
        const QList<Room> rooms = *items;
        call->contextAs<int>() += int(rooms.size());
        emit client.roomsPageFetched(rooms, call->page + 1);
        return true;
    };
    e.finishPages = [](WebexClient &client, Call &call) {
        emit client.roomsFetched(call.contextAs<int>(), !call.stoppedEarly);
    };
    e.emitFailure = [](WebexClient &client, const Call &, const ApiError &error) {
        emit client.roomsFailed(error);
    };
    return e;
}();

void WebexClient::fetchAllRooms()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("max"), QString::number(RoomsPageSize));
    query.addQueryItem(QStringLiteral("sortBy"), QStringLiteral("lastactivity"));
    const CallPtr call =
        startCall(Endpoint::Rooms, m_base.endpoint(QStringLiteral("rooms"), query));
    call->context = 0;
    send(call);
}

// ---- rooms, first page only -> recentRoomsFetched / roomsFailed. The quiet refresh.

const WebexClient::Endpoint WebexClient::Endpoint::RecentRooms = [] {
    Endpoint e;
    e.kind = CallKind::RecentRooms;
    e.maxBodyBytes = 4LL * 1024 * 1024;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<Room>> items = client.itemsOrFail<Room>(
            call, body, QCoreApplication::translate("WebexClient", "spaces"));
        if (!items)
            return false;
        emit client.recentRoomsFetched(*items);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &, const ApiError &error) {
        emit client.roomsFailed(error);
    };
    return e;
}();

void WebexClient::fetchRecentRooms()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sortBy"), QStringLiteral("lastactivity"));
    query.addQueryItem(QStringLiteral("max"), QString::number(RecentRoomsPageSize));
    send(startCall(Endpoint::RecentRooms, m_base.endpoint(QStringLiteral("rooms"), query)));
}

// ---- teams, every page -> teamsFetched (all at once) / teamsFailed.
// Context: the teams of the pages so far (QList<Team>).

const WebexClient::Endpoint WebexClient::Endpoint::Teams = [] {
    Endpoint e;
    e.kind = CallKind::Teams;
    e.maxBodyBytes = 8LL * 1024 * 1024;
    e.pageSize = TeamsPageSize;
    e.nextPageElsewhereText = QT_TRANSLATE_NOOP(
        "WebexClient", "Webex pointed the next page of teams to another server (%1); it was not "
                       "followed, so your sign-in is not sent there.");
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<Team>> items = client.itemsOrFail<Team>(
            call, body, QCoreApplication::translate("WebexClient", "teams"));
        if (!items)
            return false;
        // Teams are few; one signal with all of them keeps the team filter from flickering.
        call->contextAs<QList<Team>>() += *items;
        return true;
    };
    e.finishPages = [](WebexClient &client, Call &call) {
        emit client.teamsFetched(call.contextAs<QList<Team>>());
    };
    e.emitFailure = [](WebexClient &client, const Call &, const ApiError &error) {
        emit client.teamsFailed(error);
    };
    return e;
}();

void WebexClient::fetchTeams()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("max"), QString::number(TeamsPageSize));
    const CallPtr call =
        startCall(Endpoint::Teams, m_base.endpoint(QStringLiteral("teams"), query));
    call->context = QList<Team>();
    send(call);
}

// ---- messages?roomId -> messagesFetched / messagesFailed. Key and context: the room id, so
// only the same room's page is replaced: scrolling up in one space while another one's first
// page loads must not lose either.

const WebexClient::Endpoint WebexClient::Endpoint::Messages = [] {
    Endpoint e;
    e.kind = CallKind::Messages;
    e.maxBodyBytes = 8LL * 1024 * 1024;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                  const QByteArray &body) {
        const std::optional<QList<Message>> items = client.itemsOrFail<Message>(
            call, body, QCoreApplication::translate("WebexClient", "messages"));
        if (!items)
            return false;
        const QList<Message> messages = *items;
        // The next link is not followed: older messages are asked for with beforeMessage when
        // the person scrolls up, so its presence only says that there are some.
        const bool hasOlder = !LinkHeader::next(reply->rawHeader("Link")).isEmpty();
        emit client.messagesFetched(call->contextAs<QString>(), messages, hasOlder);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.messagesFailed(call.contextAs<QString>(), error);
    };
    return e;
}();

void WebexClient::fetchMessages(const QString &roomId, const QString &beforeMessageId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("roomId"), roomId);
    query.addQueryItem(QStringLiteral("max"), QString::number(MessagesPageSize));
    if (!beforeMessageId.isEmpty())
        query.addQueryItem(QStringLiteral("beforeMessage"), beforeMessageId);
    const CallPtr call =
        startCall(Endpoint::Messages, m_base.endpoint(QStringLiteral("messages"), query), roomId);
    call->context = roomId;
    if (roomId.isEmpty()) {
        failLater(call, ApiError::parseError(tr("No space was given to load messages from.")));
        return;
    }
    send(call);
}

// ---- GET messages/{id} and rooms/{id} -> messageFetched / roomFetched and their failures.
// Key and context: the id asked for.

namespace {
// What an error says the object was, by its type.
QString nameOfObject(const Message *)
{
    return QCoreApplication::translate("WebexClient", "message");
}
QString nameOfObject(const Room *)
{
    return QCoreApplication::translate("WebexClient", "space");
}
} // namespace

template <typename T, void (WebexClient::*Fetched)(const T &),
          void (WebexClient::*Failed)(const QString &, const ApiError &)>
WebexClient::Endpoint WebexClient::Endpoint::byId(CallKind kind)
{
    Endpoint e;
    e.kind = kind;
    e.maxBodyBytes = 1LL * 1024 * 1024;
    e.onSameKey = OnSameKey::JoinsRunning;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<T> value =
            client.objectOrFail<T>(call, body, nameOfObject(static_cast<const T *>(nullptr)));
        if (value)
            emit(client.*Fetched)(*value);
        return value.has_value();
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit(client.*Failed)(call.contextAs<QString>(), error);
    };
    return e;
}

const WebexClient::Endpoint WebexClient::Endpoint::MessageById =
    byId<Message, &WebexClient::messageFetched, &WebexClient::messageFetchFailed>(
        CallKind::MessageById);
const WebexClient::Endpoint WebexClient::Endpoint::RoomById =
    byId<Room, &WebexClient::roomFetched, &WebexClient::roomFetchFailed>(CallKind::RoomById);

bool WebexClient::isRestId(const QString &id)
{
    return isWebexIdText(id);
}

void WebexClient::fetchById(const Endpoint &endpoint, const QString &collection, const QString &id)
{
    const CallPtr call = startCall(endpoint, itemUrl(collection, id), id);
    if (!call)
        return; // the same id is on its way
    call->context = id;
    if (!isRestId(id)) {
        failLater(call, notAnId(id));
        return;
    }
    send(call);
}

QUrl WebexClient::itemUrl(const QString &collection, const QString &id) const
{
    // Never a path built from anything but a REST id: the call fails (notAnId) before it goes.
    return m_base.endpoint(collection + QLatin1Char('/') +
                           (isRestId(id) ? id : QStringLiteral("invalid")));
}

ApiError WebexClient::notAnId(const QString &id)
{
    return ApiError::parseError(tr("\"%1\" is not a Webex id.").arg(id.left(64)));
}

void WebexClient::fetchMessage(const QString &messageId)
{
    fetchById(Endpoint::MessageById, QStringLiteral("messages"), messageId);
}

void WebexClient::fetchRoom(const QString &roomId)
{
    fetchById(Endpoint::RoomById, QStringLiteral("rooms"), roomId);
}

// ---- POST messages -> messageSent / sendFailed. Key: the client tag. Context: SendContext.

bool WebexClient::Endpoint::handleSentMessage(WebexClient &client, const CallPtr &call,
                                              QNetworkReply *, const QByteArray &body)
{
    const QJsonDocument document = JsonBody::parse(body);
    QString why;
    const std::optional<Message> message =
        document.isObject() ? Message::fromJson(document.object(), &why) : std::nullopt;
    if (!message) {
        // Webex said 2xx, so the message is most likely posted; the next refresh shows it.
        client.fail(call, ApiError::parseError(
                              why.isEmpty() ? QCoreApplication::translate(
                                                  "WebexClient",
                                                  "The sent message came back in an unknown form.")
                                            : why));
        return false;
    }
    emit client.messageSent(call->contextAs<SendContext>().clientTag, *message);
    return true;
}

void WebexClient::Endpoint::emitSendFailure(WebexClient &client, const Call &call,
                                            const ApiError &error)
{
    emit client.sendFailed(call.contextAs<SendContext>().clientTag, error);
}

const WebexClient::Endpoint WebexClient::Endpoint::Send = [] {
    Endpoint e;
    e.kind = CallKind::Send;
    e.maxBodyBytes = 1LL * 1024 * 1024;
    e.method = Method::Post;
    e.idempotent = false;
    e.onSameKey = OnSameKey::RunsAlongside;
    e.handle = &Endpoint::handleSentMessage;
    e.emitFailure = &Endpoint::emitSendFailure;
    return e;
}();

void WebexClient::sendMessage(const QString &roomId, const QString &markdown,
                              const QString &clientTag, const QString &parentId)
{
    QJsonObject body{{QStringLiteral("roomId"), roomId}, {QStringLiteral("markdown"), markdown}};
    if (!parentId.isEmpty())
        body.insert(QStringLiteral("parentId"), parentId);
    // Keyed by the tag (the calls run alongside all the same), so a wait names its message.
    const CallPtr call =
        startCall(Endpoint::Send, m_base.endpoint(QStringLiteral("messages")), clientTag);
    call->context = SendContext{roomId, clientTag};
    call->postBody = QJsonDocument(body).toJson(QJsonDocument::Compact);

    // Refused here rather than by Webex: the person gets the reason without a round trip, and
    // the draft is kept either way.
    const QString refused =
        roomId.isEmpty() ? tr("No space was given to send the message to.") : refusedText(markdown);
    if (!refused.isEmpty()) {
        failLater(call, ApiError::parseError(refused));
        return;
    }
    send(call);
}

QString WebexClient::refusedText(const QString &markdown)
{
    if (markdown.trimmed().isEmpty())
        return tr("An empty message cannot be sent.");
    const qsizetype bytes = markdown.toUtf8().size();
    if (bytes > MaxMarkdownBytes)
        return tr("The message is too long: Webex accepts at most %1 bytes, this one has %2.")
            .arg(MaxMarkdownBytes)
            .arg(bytes);
    return {};
}

// ---- PUT messages/{id} -> messageEdited / editFailed; DELETE messages/{id} -> messageDeleted /
// deleteFailed. Key and context: the message id. Both are idempotent (the same edit twice leaves
// the same message; a message deleted twice stays deleted), so RetryPolicy retries them as it
// retries a GET.

const WebexClient::Endpoint WebexClient::Endpoint::Edit = [] {
    Endpoint e;
    e.kind = CallKind::Edit;
    e.maxBodyBytes = 1LL * 1024 * 1024;
    e.method = Method::Put;
    e.onSameKey = OnSameKey::RunsAlongside;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        std::optional<Message> message = client.objectOrFail<Message>(
            call, body, QCoreApplication::translate("WebexClient", "edited message"));
        if (!message)
            return false;
        if (message->id != call->contextAs<QString>()) {
            client.fail(call, ApiError::parseError(QCoreApplication::translate(
                                  "WebexClient", "Webex answered the edit with another message.")));
            return false;
        }
        emit client.messageEdited(*message);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.editFailed(call.contextAs<QString>(), error);
    };
    return e;
}();

const WebexClient::Endpoint WebexClient::Endpoint::Delete = [] {
    Endpoint e;
    e.kind = CallKind::Delete;
    e.maxBodyBytes = 64LL * 1024; // 204: no body at all
    e.method = Method::Delete;
    e.onSameKey = OnSameKey::JoinsRunning;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *, const QByteArray &) {
        emit client.messageDeleted(call->contextAs<QString>());
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.deleteFailed(call.contextAs<QString>(), error);
    };
    return e;
}();

void WebexClient::editMessage(const QString &messageId, const QString &roomId,
                              const QString &markdown)
{
    const CallPtr call =
        startCall(Endpoint::Edit, itemUrl(QStringLiteral("messages"), messageId), messageId);
    call->context = messageId;
    call->postBody = QJsonDocument(QJsonObject{{QStringLiteral("roomId"), roomId},
                                               {QStringLiteral("markdown"), markdown}})
                         .toJson(QJsonDocument::Compact);
    if (!isRestId(messageId)) {
        failLater(call, notAnId(messageId));
        return;
    }
    const QString refused =
        roomId.isEmpty() ? tr("No space was given for the edited message.") : refusedText(markdown);
    if (!refused.isEmpty()) {
        failLater(call, ApiError::parseError(refused));
        return;
    }
    send(call);
}

void WebexClient::deleteMessage(const QString &messageId)
{
    const CallPtr call =
        startCall(Endpoint::Delete, itemUrl(QStringLiteral("messages"), messageId), messageId);
    if (!call)
        return; // already being deleted
    call->context = messageId;
    if (!isRestId(messageId)) {
        failLater(call, notAnId(messageId));
        return;
    }
    send(call);
}

// ---- people?id=a,b,c -> peopleFetched + peopleBatchFetched / peopleFailed, per batch.
// Context: the batch's ids (QStringList).

const WebexClient::Endpoint WebexClient::Endpoint::People = [] {
    Endpoint e;
    e.kind = CallKind::People;
    e.maxBodyBytes = 4LL * 1024 * 1024;
    e.onSameKey = OnSameKey::RunsAlongside;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<Person>> items = client.itemsOrFail<Person>(
            call, body, QCoreApplication::translate("WebexClient", "people"));
        if (!items)
            return false;
        const QList<Person> people = *items;
        const QPointer<WebexClient> self(&client);
        emit client.peopleFetched(people);
        if (self)
            emit client.peopleBatchFetched(call->contextAs<QStringList>(), people);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.peopleFailed(call.contextAs<QStringList>(), error);
    };
    return e;
}();

void WebexClient::fetchPeople(const QStringList &personIds)
{
    QStringList ids;
    QSet<QString> seen;
    for (const QString &id : personIds) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    for (qsizetype from = 0; from < ids.size(); from += PeopleBatchSize) {
        const QStringList batch = ids.mid(from, PeopleBatchSize);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("id"), batch.join(QLatin1Char(',')));
        const CallPtr call =
            startCall(Endpoint::People, m_base.endpoint(QStringLiteral("people"), query));
        call->context = batch;
        send(call);
    }
}

// ---- an avatar from a CDN -> imageFetched / imageFailed, under the URL asked for. Key: the
// URL, so one being fetched is not fetched twice.

const WebexClient::Endpoint WebexClient::Endpoint::Image = [] {
    Endpoint e;
    e.kind = CallKind::Image;
    e.maxBodyBytes = 8LL * 1024 * 1024;
    e.toApi = false;
    e.waitsForTokenRenewal = false; // no token was sent
    e.onSameKey = OnSameKey::JoinsRunning;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        emit client.imageFetched(call->requestedUrl, body);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.imageFailed(call.requestedUrl, error);
    };
    return e;
}();

void WebexClient::fetchImage(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const bool allowed = url.isValid() && !url.host().isEmpty() &&
                         (scheme == QLatin1String("https") ||
                          (scheme == QLatin1String("http") && ApiBase::isLoopbackHost(url.host())));
    if (!allowed) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.message = tr("Images are only loaded over https.");
        qCWarning(lcApi) << "Refusing to load an image from" << loggableUrl(url);
        // Queued, so a caller never receives a signal from inside its own call.
        QMetaObject::invokeMethod(
            this, [this, url, error] { emit imageFailed(url, error); }, Qt::QueuedConnection);
        return;
    }
    // Null when already on its way: one imageFetched will answer both callers.
    if (const CallPtr call = startCall(Endpoint::Image, url, url.toString(QUrl::FullyEncoded)))
        send(call);
}

// ---- The machinery every endpoint shares.

void WebexClient::failLater(const CallPtr &call, const ApiError &error)
{
    // Queued, so a caller never receives a signal from inside its own call.
    QMetaObject::invokeMethod(
        this, [this, call, error] { fail(call, error); }, Qt::QueuedConnection);
}

void WebexClient::cancelAll()
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls)
        cancelCall(call);
    m_calls.clear();
    m_waitingForToken.clear();
}

void WebexClient::cancelCall(const CallPtr &call)
{
    if (!call->cancelled && call->endpoint->undoAttempt)
        call->endpoint->undoAttempt(*call, true);
    call->cancelled = true;
    if (call->reply) {
        QNetworkReply *reply = call->reply;
        call->reply = nullptr;
        // Disconnect first: abort() emits finished() synchronously, and a cancelled call must
        // not report anything.
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    if (call->retryTimer) {
        call->retryTimer->stop();
        call->retryTimer->deleteLater();
        call->retryTimer = nullptr;
    }
    m_calls.removeAll(call);
    m_waitingForToken.removeAll(call);
}

WebexClient::CallPtr WebexClient::startCall(const Endpoint &endpoint, const QUrl &url,
                                            const QString &key)
{
    if (endpoint.onSameKey != Endpoint::OnSameKey::RunsAlongside) {
        const QList<CallPtr> calls = m_calls;
        for (const CallPtr &running : calls) {
            if (running->endpoint != &endpoint || running->key != key)
                continue;
            if (endpoint.onSameKey == Endpoint::OnSameKey::JoinsRunning)
                return nullptr;
            cancelCall(running);
        }
    }
    auto call = std::make_shared<Call>();
    call->endpoint = &endpoint;
    call->key = key;
    call->url = url;
    call->requestedUrl = url;
    call->maxBodyBytes = endpoint.maxBodyBytes;
    // One ID per logical request, kept across retries, so Webex support can follow it.
    call->trackingId = "WebexDesk_" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    m_calls.append(call);
    return call;
}

void WebexClient::send(const CallPtr &call)
{
    if (!m_network) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.message = tr("No network access is available.");
        failLater(call, error);
        return;
    }

    QNetworkRequest request(call->url);
    request.setTransferTimeout(m_transferTimeoutMs);
    const QString version = QCoreApplication::applicationVersion();
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      version.isEmpty() ? QStringLiteral("WebexDesk")
                                        : QStringLiteral("WebexDesk/") + version);

    if (!call->endpoint->toApi) {
        // A CDN; nothing of ours goes there. Qt refuses https -> http redirects by default.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
    } else {
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("TrackingID", call->trackingId);
        // A redirect elsewhere would carry the Authorization header along.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
        // The token goes to the API's own origin and nowhere else, whatever URL we were given.
        if (!m_accessToken.isEmpty() && m_base.isSameOrigin(call->url))
            request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    }

    QNetworkReply *reply = nullptr;
    const Endpoint::Method method = call->endpoint->method;
    if (method == Endpoint::Method::Get || method == Endpoint::Method::Delete ||
        method == Endpoint::Method::Head) {
        qCDebug(lcApi) << call->endpoint->methodName() << loggableUrl(call->url);
        reply = method == Endpoint::Method::Get    ? m_network->get(request)
                : method == Endpoint::Method::Head ? m_network->head(request)
                                                   : m_network->deleteResource(request);
    } else if (call->makeBody) {
        // A file: read as it goes out, never whole into memory. The body is the file's, not
        // the person's text, but is not logged either.
        QString why;
        QIODevice *body = call->makeBody(&why);
        if (!body) {
            failLater(call, ApiError::localError(why));
            return;
        }
        qCDebug(lcApi) << call->endpoint->methodName() << loggableUrl(call->url) << body->size()
                       << "bytes, streamed";
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->bodyContentType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
        reply = m_network->post(request, body);
        body->setParent(reply);
    } else {
        // The body is message text: it is never logged.
        qCDebug(lcApi) << call->endpoint->methodName() << loggableUrl(call->url)
                       << call->postBody.size() << "bytes";
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json; charset=utf-8"));
        if (method == Endpoint::Method::Put) {
            reply = m_network->put(request, call->postBody); // idempotent: Qt may resend it
        } else if (call->endpoint->idempotent) {
            reply = m_network->post(request, call->postBody);
        } else {
            auto *body = new SendOnceBody(call->postBody);
            reply = m_network->post(request, body);
            body->setParent(reply);
        }
    }
    call->reply = reply;
    call->tokenGeneration = m_tokenGeneration;
    call->tooLarge = false;
    call->streamedBytes = 0;
    const qint64 maxBodyBytes = call->maxBodyBytes;
    // Cut off as soon as the announced or the received size passes the limit, not once it
    // has all been read into memory.
    connect(reply, &QNetworkReply::downloadProgress, this,
            [call, reply, maxBodyBytes](qint64 received, qint64 total) {
                if (call->tooLarge || (received <= maxBodyBytes && total <= maxBodyBytes))
                    return;
                call->tooLarge = true;
                reply->abort();
            });
    if (const Endpoint::ProgressEmitter progress = call->endpoint->emitProgress) {
        const auto report = [this, call, progress](qint64 done, qint64 total) {
            if (!call->cancelled)
                progress(*this, *call, done, total);
        };
        if (call->endpoint->progressOfUpload)
            connect(reply, &QNetworkReply::uploadProgress, this, report);
        else
            connect(reply, &QNetworkReply::downloadProgress, this, report);
    }
    if (call->endpoint->takeData)
        connect(reply, &QNetworkReply::readyRead, this,
                [this, call, reply] { takeData(call, reply); });
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { onFinished(call, reply); });
}

// A streamed answer's bytes go to the endpoint's sink as they come, once the status says they
// are the file (an error's body is kept for ApiError instead).
void WebexClient::takeData(const CallPtr &call, QNetworkReply *reply)
{
    if (call->cancelled || call->reply != reply || call->streamFailed)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299)
        return;
    ApiError error;
    const qint64 available = reply->bytesAvailable();
    if (call->endpoint->takeData(*this, call, reply, &error)) {
        call->streamedBytes += available;
    } else {
        call->streamFailed = true;
        call->streamError = error;
        reply->abort();
    }
}

void WebexClient::onFinished(const CallPtr &call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->cancelled || call->reply != reply)
        return;
    call->reply = nullptr;
    const Endpoint &endpoint = *call->endpoint;

    if (call->tooLarge) {
        qCWarning(lcApi) << "Cut off an answer larger than" << call->maxBodyBytes << "bytes from"
                         << loggableUrl(call->url);
        ApiError error;
        error.kind = ApiError::Kind::Parse;
        error.message = tr("Webex sent a larger answer than Webex Desk accepts here (more than "
                           "%1 MB); it was not read.")
                            .arg(qMax<qint64>(1, call->maxBodyBytes / (1024 * 1024)));
        fail(call, error);
        return;
    }
    if (call->streamFailed) {
        // The sink refused (a full disk): the same would happen again, so no retry.
        call->streamFailed = false;
        fail(call, call->streamError);
        return;
    }
    // The last bytes of a streamed answer may come with finished().
    if (endpoint.takeData && reply->isOpen() && reply->bytesAvailable() > 0)
        takeData(call, reply);
    if (call->streamFailed) {
        call->streamFailed = false;
        fail(call, call->streamError);
        return;
    }

    // An aborted (timed out) reply is closed; reading it would only warn.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const ApiError error = ApiError::fromReply(
        reply, body, endpoint.takeData ? call->streamedBytes + body.size() : -1);
    if (error.httpStatus > 0 || !error.isError()) {
        // A receiver may cancel this call (a reconnect's refresh); nothing is said after that.
        const QPointer<WebexClient> self(this);
        emit webexReached();
        if (!self || call->cancelled)
            return;
    }
    if (error.isError()) {
        if (endpoint.undoAttempt)
            endpoint.undoAttempt(*call, false);
        qCInfo(lcApi) << endpoint.methodName() << loggableUrl(call->url) << "failed: HTTP"
                      << error.httpStatus << reply->error() << "tracking ID" << error.trackingId;
        if (!waitForNewToken(call, error) && !scheduleRetry(call, error))
            fail(call, error);
        return;
    }

    if (endpoint.pageSize == 0) {
        // Done before the signal: a receiver may start the same call again at once.
        finishCall(call);
        (void)endpoint.handle(*this, call, reply, body);
        return;
    }
    // A receiver of a page may delete us (sign-out) or cancel the call.
    const QPointer<WebexClient> self(this);
    if (!endpoint.handle(*this, call, reply, body) || !self || call->cancelled)
        return;
    if (followNextPage(call, reply))
        return;
    finishCall(call);
    endpoint.finishPages(*this, *call);
}

bool WebexClient::scheduleRetry(const CallPtr &call, const ApiError &error)
{
    const RetryPolicy::Cause cause = RetryPolicy::causeOf(error);
    if (!call->retries.allow(cause))
        return false;
    if (!call->endpoint->idempotent && !RetryPolicy::surelyNotApplied(error))
        return false;
    const std::optional<int> wait = m_retryPolicy.delayMs(error, call->retries.failures + 1);
    if (!wait) {
        qCInfo(lcApi) << "Not waiting" << error.retryAfterSeconds << "s for"
                      << loggableUrl(call->url);
        return false;
    }
    call->retries.count(cause);

    const int delay = scaledDelay(*wait);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; Retry-After is a minimum.
    timer->setTimerType(Qt::PreciseTimer);
    call->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, call, timer] {
        if (!call->cancelled && call->retryTimer == timer)
            startRetry(call);
    });
    timer->start(delay);
    qCInfo(lcApi) << "Retrying" << loggableUrl(call->url) << "in" << delay << "ms; retries so far"
                  << call->retries.rateLimits << "rate limits," << call->retries.scans << "scans,"
                  << call->retries.failures << "failures";
    const QDateTime retryAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    // A receiver may cancel the call or delete us.
    const QPointer<WebexClient> self(this);
    emit retryScheduled(call->requestedUrl, error, delay);
    if (self && !call->cancelled)
        emit retryWaiting(call->endpoint->kind, call->key, retryAt, error);
    return true;
}

void WebexClient::startRetry(const CallPtr &call)
{
    if (QTimer *timer = call->retryTimer) {
        call->retryTimer = nullptr;
        timer->stop();
        timer->deleteLater();
    }
    send(call);
    emit retryStarted(call->endpoint->kind, call->key);
}

void WebexClient::retryNow()
{
    const QList<CallPtr> calls = m_calls;
    const QPointer<WebexClient> self(this);
    for (const CallPtr &call : calls) {
        if (!self)
            return; // a receiver of retryStarted deleted us
        if (call->retryTimer && !call->cancelled)
            startRetry(call);
    }
}

bool WebexClient::hasWaitingRetries() const
{
    return std::any_of(m_calls.cbegin(), m_calls.cend(),
                       [](const CallPtr &call) { return !call->retryTimer.isNull(); });
}

void WebexClient::finishCall(const CallPtr &call)
{
    m_calls.removeAll(call);
}

void WebexClient::fail(const CallPtr &call, const ApiError &error)
{
    if (call->cancelled)
        return;
    finishCall(call);
    if (call->endpoint->undoAttempt)
        call->endpoint->undoAttempt(*call, true);

    // A receiver may delete us (e.g. sign-out on the failure); stop touching members then.
    const QPointer<WebexClient> self(this);
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout) {
        emit webexUnreachable(error);
        if (!self || call->cancelled)
            return;
    }
    call->endpoint->emitFailure(*this, *call, error);
    if (self && error.httpStatus == 401)
        emit unauthorized(error);
}

bool WebexClient::followNextPage(const CallPtr &call, QNetworkReply *reply)
{
    call->visited.insert(call->url);
    ++call->page;
    const QUrl next = LinkHeader::next(reply->rawHeader("Link"));
    if (next.isEmpty())
        return false;

    ApiError error;
    const QUrl checked = checkedNextPage(call, next, &error);
    if (call->stoppedEarly)
        return false; // the end, as far as we go
    if (checked.isEmpty()) {
        fail(call, error);
        return true; // handled: failed
    }
    call->url = checked;
    call->retries = {};
    send(call);
    return true;
}

QUrl WebexClient::checkedNextPage(const CallPtr &call, const QUrl &next, ApiError *error) const
{
    const Endpoint &endpoint = *call->endpoint;
    QUrl url = call->url.resolved(next);

    // The next request carries the access token. A Link header is data from the response; if
    // it pointed at another scheme, host or port, following it would hand the token to
    // whoever that is (or send it in clear text), so it is refused, not followed.
    if (!m_base.isSameOrigin(url)) {
        qCWarning(lcApi) << "Refusing a next-page link to another origin:" << loggableUrl(url);
        *error = ApiError::parseError(
            QCoreApplication::translate("WebexClient", endpoint.nextPageElsewhereText)
                .arg(url.host()));
        return {};
    }

    // Webex has sent next links with max=null; ask for full pages again.
    QUrlQuery query(url);
    const QString max = query.queryItemValue(QStringLiteral("max"));
    if (query.hasQueryItem(QStringLiteral("max")) &&
        (max.isEmpty() || max == QLatin1String("null"))) {
        query.removeAllQueryItems(QStringLiteral("max"));
        query.addQueryItem(QStringLiteral("max"), QString::number(endpoint.pageSize));
        url.setQuery(query);
    }

    // A page seen before (a cursor that does not move) or more pages than anyone has: the
    // pages would never end. What came so far is kept, and the call ends there.
    if (call->visited.contains(url) || call->page >= MaxPages) {
        qCWarning(lcApi) << "Stopped following next-page links after page" << call->page << "of"
                         << loggableUrl(url);
        call->stoppedEarly = true;
        return {};
    }
    return url;
}
