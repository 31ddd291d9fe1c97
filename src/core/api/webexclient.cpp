#include "api/webexclient.h"

#include "api/linkheader.h"
#include "logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>
#include <utility>

namespace {

// A stop for a server whose "next" links never end (a cursor that changes every time).
constexpr int MaxRoomPages = 1000;

// What may be logged of a URL: no user info, no query (cursors and CDN signatures).
QString loggable(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
}

bool isRetryableServerError(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

// One logical request (people/me, the whole room list, one image) across its retries and, for
// rooms, its pages. Shared by the client's list and the reply's finished() lambda, so whichever
// lets go last frees it.
struct WebexClient::Call
{
    Purpose purpose = Purpose::Me;
    QUrl url;          // what the next attempt GETs
    QUrl requestedUrl; // what the caller asked for (images are reported under it)
    QByteArray trackingId;
    int rateLimitRetries = 0;
    int serverErrorRetries = 0;
    int page = 0;
    int totalRooms = 0;
    QSet<QUrl> visited; // pages already fetched, to refuse a paging loop
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> retryTimer;
    ApiError authError;        // the 401 it got, while it waits for a new access token
    bool renewedToken = false; // a 401 is answered with one renewal, not a loop
    bool cancelled = false;
};

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
        call->purpose == Purpose::Image)
        return false;
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

int WebexClient::baseRetryDelayMs(const ApiError &error, int attempt)
{
    if (error.kind == ApiError::Kind::RateLimited) {
        // Webex's SDKs wait 15 s when the header is missing and at least 1 s otherwise; an hour
        // caps a server that asks for something absurd.
        const int seconds =
            error.retryAfterSeconds < 0 ? 15 : qBound(1, error.retryAfterSeconds, 3600);
        return seconds * 1000;
    }
    return 1000 << qBound(0, attempt - 1, 10); // 1 s, 2 s, 4 s, ...
}

int WebexClient::scaledDelay(int milliseconds) const
{
    return int(std::ceil(milliseconds * m_retryDelayScale));
}

void WebexClient::fetchMe()
{
    cancelCalls(Purpose::Me);
    send(startCall(Purpose::Me, m_base.endpoint(QStringLiteral("people/me"))));
}

void WebexClient::fetchAllRooms()
{
    cancelCalls(Purpose::Rooms);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("max"), QString::number(RoomsPageSize));
    query.addQueryItem(QStringLiteral("sortBy"), QStringLiteral("lastactivity"));
    send(startCall(Purpose::Rooms, m_base.endpoint(QStringLiteral("rooms"), query)));
}

void WebexClient::fetchImage(const QUrl &url)
{
    for (const CallPtr &call : std::as_const(m_calls)) {
        if (call->purpose == Purpose::Image && call->requestedUrl == url)
            return; // already on its way; one imageFetched will answer both callers
    }

    const QString scheme = url.scheme().toLower();
    const bool allowed = url.isValid() && !url.host().isEmpty() &&
                         (scheme == QLatin1String("https") ||
                          (scheme == QLatin1String("http") && ApiBase::isLoopbackHost(url.host())));
    if (!allowed) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.message = tr("Images are only loaded over https.");
        qCWarning(lcApi) << "Refusing to load an image from" << loggable(url);
        // Queued, so a caller never receives a signal from inside its own call.
        QMetaObject::invokeMethod(
            this, [this, url, error] { emit imageFailed(url, error); }, Qt::QueuedConnection);
        return;
    }
    send(startCall(Purpose::Image, url));
}

void WebexClient::cancelAll()
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls)
        cancelCall(call);
    m_calls.clear();
    m_waitingForToken.clear();
}

void WebexClient::cancelCalls(Purpose purpose)
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls) {
        if (call->purpose == purpose)
            cancelCall(call);
    }
}

void WebexClient::cancelCall(const CallPtr &call)
{
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

WebexClient::CallPtr WebexClient::startCall(Purpose purpose, const QUrl &url)
{
    auto call = std::make_shared<Call>();
    call->purpose = purpose;
    call->url = url;
    call->requestedUrl = url;
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
        QMetaObject::invokeMethod(
            this, [this, call, error] { fail(call, error); }, Qt::QueuedConnection);
        return;
    }

    QNetworkRequest request(call->url);
    request.setTransferTimeout(m_transferTimeoutMs);
    const QString version = QCoreApplication::applicationVersion();
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      version.isEmpty() ? QStringLiteral("WebexDesk")
                                        : QStringLiteral("WebexDesk/") + version);

    if (call->purpose == Purpose::Image) {
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

    qCDebug(lcApi) << "GET" << loggable(call->url);
    QNetworkReply *reply = m_network->get(request);
    call->reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { onFinished(call, reply); });
}

void WebexClient::onFinished(const CallPtr &call, QNetworkReply *reply)
{
    reply->deleteLater();
    if (call->cancelled || call->reply != reply)
        return;
    call->reply = nullptr;

    // An aborted (timed out) reply is closed; reading it would only warn.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const ApiError error = ApiError::fromReply(reply, body);
    if (error.isError()) {
        qCInfo(lcApi) << "GET" << loggable(call->url) << "failed: HTTP" << error.httpStatus
                      << reply->error() << "tracking ID" << error.trackingId;
        if (!waitForNewToken(call, error) && !scheduleRetry(call, error))
            fail(call, error);
        return;
    }

    switch (call->purpose) {
    case Purpose::Me:
        handleMe(call, body);
        break;
    case Purpose::Rooms:
        handleRoomsPage(call, reply, body);
        break;
    case Purpose::Image:
        m_calls.removeAll(call);
        emit imageFetched(call->requestedUrl, body);
        break;
    }
}

bool WebexClient::scheduleRetry(const CallPtr &call, const ApiError &error)
{
    int *retries = nullptr;
    if (error.kind == ApiError::Kind::RateLimited)
        retries = &call->rateLimitRetries;
    else if (error.kind == ApiError::Kind::Http && isRetryableServerError(error.httpStatus))
        retries = &call->serverErrorRetries;
    if (!retries || *retries >= MaxRetries)
        return false;

    ++*retries;
    const int delay = scaledDelay(baseRetryDelayMs(error, *retries));
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; Retry-After is a minimum.
    timer->setTimerType(Qt::PreciseTimer);
    call->retryTimer = timer;
    connect(timer, &QTimer::timeout, this, [this, call, timer] {
        timer->deleteLater();
        if (call->cancelled || call->retryTimer != timer)
            return;
        call->retryTimer = nullptr;
        send(call);
    });
    timer->start(delay);
    qCInfo(lcApi) << "Retrying" << loggable(call->url) << "in" << delay << "ms, attempt"
                  << *retries;
    emit retryScheduled(call->requestedUrl, error, delay);
    return true;
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

    // A receiver may delete us (e.g. sign-out on the failure); stop touching members then.
    const QPointer<WebexClient> self(this);
    switch (call->purpose) {
    case Purpose::Me:
        emit meFailed(error);
        break;
    case Purpose::Rooms:
        emit roomsFailed(error);
        break;
    case Purpose::Image:
        emit imageFailed(call->requestedUrl, error);
        break;
    }
    if (self && error.httpStatus == 401)
        emit unauthorized(error);
}

void WebexClient::handleMe(const CallPtr &call, const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QString why;
    const std::optional<Person> me =
        document.isObject() ? Person::fromJson(document.object(), &why) : std::nullopt;
    if (!me) {
        fail(call,
             ApiError::parseError(why.isEmpty() ? tr("people/me is not a JSON object.") : why));
        return;
    }
    finishCall(call);
    emit meFetched(*me);
}

void WebexClient::handleRoomsPage(const CallPtr &call, QNetworkReply *reply, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue items = document.object().value(QLatin1String("items"));
    if (!document.isObject() || !items.isArray()) {
        fail(call, ApiError::parseError(tr("The list of spaces is not {\"items\": [...]} (%1).")
                                            .arg(parseError.error == QJsonParseError::NoError
                                                     ? tr("no items array")
                                                     : parseError.errorString())));
        return;
    }

    QList<Room> rooms;
    const QJsonArray array = items.toArray();
    rooms.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString why;
        const std::optional<Room> room =
            array.at(i).isObject() ? Room::fromJson(array.at(i).toObject(), &why) : std::nullopt;
        if (room)
            rooms.append(*room);
        else // one bad item should not hide the other spaces
            qCWarning(lcApi) << "Skipping space" << i << "of page" << call->page + 1 << ":"
                             << (why.isEmpty() ? QStringLiteral("not an object") : why);
    }

    call->visited.insert(call->url);
    ++call->page;
    call->totalRooms += int(rooms.size());
    const QByteArray link = reply->rawHeader("Link");

    const QPointer<WebexClient> self(this);
    emit roomsPageFetched(rooms, call->page);
    if (!self || call->cancelled)
        return;

    const QUrl next = LinkHeader::next(link);
    if (next.isEmpty()) {
        finishCall(call);
        emit roomsFetched(call->totalRooms);
        return;
    }

    ApiError error;
    const QUrl checked = checkedNextPage(call, next, &error);
    if (checked.isEmpty()) {
        fail(call, error);
        return;
    }
    call->url = checked;
    call->rateLimitRetries = 0;
    call->serverErrorRetries = 0;
    send(call);
}

QUrl WebexClient::checkedNextPage(const CallPtr &call, const QUrl &next, ApiError *error) const
{
    QUrl url = call->url.resolved(next);

    // The next request carries the access token. A Link header is data from the response; if
    // it pointed at another scheme, host or port, following it would hand the token to
    // whoever that is (or send it in clear text), so it is refused, not followed.
    if (!m_base.isSameOrigin(url)) {
        qCWarning(lcApi) << "Refusing a next-page link to another origin:" << loggable(url);
        *error = ApiError::parseError(
            tr("Webex pointed the next page of spaces to another server (%1); it was not "
               "followed, so your sign-in is not sent there.")
                .arg(url.host()));
        return {};
    }

    // Webex has sent next links with max=null; ask for full pages again.
    QUrlQuery query(url);
    const QString max = query.queryItemValue(QStringLiteral("max"));
    if (query.hasQueryItem(QStringLiteral("max")) &&
        (max.isEmpty() || max == QLatin1String("null"))) {
        query.removeAllQueryItems(QStringLiteral("max"));
        query.addQueryItem(QStringLiteral("max"), QString::number(RoomsPageSize));
        url.setQuery(query);
    }

    if (call->visited.contains(url) || call->page >= MaxRoomPages) {
        *error = ApiError::parseError(tr("Webex kept sending more pages of spaces; stopped after "
                                         "page %1.")
                                          .arg(call->page));
        return {};
    }
    return url;
}
