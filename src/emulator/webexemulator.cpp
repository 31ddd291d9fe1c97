#include "webexemulator.h"

#include "activityfeed.h"
#include "avatarimage.h"
#include "contentapi.h"
#include "deviceregistry.h"
#include "deviceserviceapi.h"
#include "devicesocketserver.h"
#include "emulatorhttpserver.h"
#include "faultinjector.h"
#include "hostilecontent.h"
#include "mentionmarkup.h"
#include "oauthservice.h"
#include "restapi.h"
#include "seeddata.h"
#include "tokenstore.h"
#include "webexids.h"
#include "wirejson.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <numeric>

Q_LOGGING_CATEGORY(lcEmulator, "webexdesk.emulator")

static_assert(WebexEmulator::kWebexUploadLimitBytes == RestApi::kWebexUploadLimitBytes);

WebexEmulator::WebexEmulator(const EmulatorOptions &options, QObject *parent)
    : QObject(parent), m_options(options),
      m_data(std::make_unique<SeedData>(options.seed, options.roomCount)),
      m_tokens(std::make_unique<TokenStore>(m_data->orgUuid())),
      m_oauth(std::make_unique<OAuthService>(m_options, *m_tokens)),
      m_feed(std::make_unique<ActivityFeed>(*m_data)),
      m_rest(std::make_unique<RestApi>(*m_data, *m_feed)),
      m_contents(std::make_unique<ContentApi>(*m_data)),
      m_faults(std::make_unique<FaultInjector>()), m_devices(std::make_unique<DeviceRegistry>())
{
    const SeedData::Person &user = m_data->people().at(SeedData::me());
    m_oauth->setUser(user.displayName, user.email);
    m_server = new EmulatorHttpServer(
        [this](const EmulatorRequest &request) { return handle(request); }, this);
    m_sockets = new DeviceSocketServer(
        *m_devices, *m_faults,
        [this](const QString &token) { return m_tokens->accessTokenPerson(token); }, this);
    m_deviceService = std::make_unique<DeviceServiceApi>(
        *m_devices, *m_data, *m_faults,
        [this](const QString &uuid) { return m_sockets->urlOf(uuid); });
    m_feed->setSink([this](const QList<int> &people, const QJsonObject &activity) {
        m_sockets->publish(people, activity);
    });
    connect(m_server, &EmulatorHttpServer::served, this,
            [this](const QByteArray &method, const QUrl &url, int status) {
                emit requestServed(QString::fromLatin1(method), url, status);
            });
}

WebexEmulator::~WebexEmulator()
{
    // The server's pending (delayed) responses call back into the services, and the sockets
    // into the token store: stop them first.
    delete m_server;
    m_server = nullptr;
    delete m_sockets;
    m_sockets = nullptr;
}

bool WebexEmulator::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listenOn(address, port)) {
        qCWarning(lcEmulator) << "cannot listen on" << address << port;
        return false;
    }
    if (!m_sockets->listen(address)) {
        qCWarning(lcEmulator) << "cannot listen for device sockets on" << address;
        return false;
    }
    m_rest->setOrigin(origin());
    m_feed->setOrigin(origin());
    m_deviceService->setOrigin(origin());
    return true;
}

QUrl WebexEmulator::deviceServiceUrl() const
{
    return QUrl(origin() + QLatin1String(DeviceServiceApi::kPrefix));
}

quint16 WebexEmulator::webSocketPort() const
{
    return m_sockets->port();
}

quint16 WebexEmulator::serverPort() const
{
    return m_server->port();
}

QString WebexEmulator::origin() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

QUrl WebexEmulator::baseUrl() const
{
    return QUrl(origin() + QStringLiteral("/v1"));
}

const EmulatorOptions &WebexEmulator::options() const
{
    return m_options;
}

QString WebexEmulator::userDisplayName() const
{
    return m_data->people().at(SeedData::me()).displayName;
}

QString WebexEmulator::userEmail() const
{
    return m_data->people().at(SeedData::me()).email;
}

bool WebexEmulator::setSignedInPerson(int index)
{
    if (index < 0 || index >= m_data->people().size())
        return false;
    const auto &person = m_data->people().at(index);
    m_oauth->setUser(person.displayName, person.email, index);
    return true;
}

QString WebexEmulator::personDisplayName(int index) const
{
    return index >= 0 && index < m_data->people().size() ? m_data->people().at(index).displayName
                                                         : QString();
}

QString WebexEmulator::personEmail(int index) const
{
    return index >= 0 && index < m_data->people().size() ? m_data->people().at(index).email
                                                         : QString();
}

int WebexEmulator::roomCount() const
{
    return int(m_data->rooms().size());
}

void WebexEmulator::setLatency(std::chrono::milliseconds latency)
{
    m_server->setLatency(latency);
}

void WebexEmulator::rateLimitNext(int count, int retryAfterSeconds)
{
    m_faults->rateLimitNext(count, retryAfterSeconds);
}

void WebexEmulator::failNext(int count, int httpStatus)
{
    m_faults->failNext(count, httpStatus);
}

void WebexEmulator::failNextAuthorization(const QString &oauthError)
{
    m_oauth->failNextAuthorization(oauthError);
}

void WebexEmulator::setAccessTokenLifetime(int seconds)
{
    m_options.accessTokenLifetimeSeconds = seconds;
}

void WebexEmulator::revokeRefreshTokens()
{
    m_tokens->revokeRefreshTokens();
}

void WebexEmulator::setRefreshReturnsNewRefreshToken(bool yes)
{
    m_oauth->setRefreshReturnsNewRefreshToken(yes);
}

void WebexEmulator::setAuthorizationCodeLifetime(int seconds)
{
    m_tokens->setCodeLifetime(seconds);
}

void WebexEmulator::setFaultPath(const QString &prefix)
{
    m_faults->setPathPrefix(prefix);
}

void WebexEmulator::setFaultMethod(const QByteArray &method)
{
    m_faults->setMethod(method);
}

void WebexEmulator::cutOffNext(int count)
{
    m_faults->cutOffNext(count);
}

bool WebexEmulator::setUnreachable(bool unreachable)
{
    if (unreachable)
        m_sockets->dropAll();
    return m_server->setUnreachable(unreachable);
}

void WebexEmulator::dropSockets()
{
    m_sockets->dropAll();
}

void WebexEmulator::closeSockets(int code, const QString &reason)
{
    m_sockets->closeAll(code, reason);
}

void WebexEmulator::refuseDevices(int httpStatus)
{
    m_faults->refuseDevices(httpStatus);
}

void WebexEmulator::forgetDevices()
{
    m_devices->clear();
}

void WebexEmulator::stopPongs(bool stopped)
{
    m_faults->setPongsStopped(stopped);
}

void WebexEmulator::skipSequence(int count)
{
    m_sockets->skipSequence(count);
}

void WebexEmulator::setSequenceSkipPerConnection(int count)
{
    m_faults->setSequenceSkipPerConnection(count);
}

void WebexEmulator::holdReadiness(bool held)
{
    m_faults->setReadinessHeld(held);
    if (!held)
        m_sockets->releaseReadiness();
}

void WebexEmulator::sendRawFrame(const QByteArray &frame, bool binary)
{
    m_sockets->sendRaw(frame, binary);
}

void WebexEmulator::setDropSocketsAfter(std::chrono::milliseconds after)
{
    m_faults->setDropSocketsAfter(after);
}

void WebexEmulator::setCloseSocketsAfter(std::chrono::milliseconds after, int code,
                                         const QString &reason)
{
    m_faults->setCloseSocketsAfter(after, code, reason);
}

void WebexEmulator::setSocketAuthTimeout(std::chrono::milliseconds timeout)
{
    m_sockets->setAuthTimeout(timeout);
}

void WebexEmulator::setHostileDisplayNameBytes(qint64 bytes)
{
    m_rest->setMyDisplayNameBytes(bytes);
}

QString WebexEmulator::addHostileNestedMessages(int depth)
{
    if (m_data->rooms().isEmpty())
        return {};
    const int room = 0;
    int person = m_data->someoneElseIn(room, 0);
    if (person < 0)
        person = SeedData::me();
    const QString text = QStringLiteral("A message nested %1 levels deep.").arg(depth);
    for (const QString &html :
         {HostileContent::nestedInlineHtml(depth), HostileContent::nestedBlockHtml(depth)}) {
        const SeedData::Message &m = m_data->addMessage(room, person, text, text, html, -1);
        m_feed->posted(room, m_data->messageIndex(room, m.id));
    }
    return m_data->rooms().at(room).id;
}

QStringList WebexEmulator::setHostileTitles()
{
    const QList<HostileContent::Title> titles = HostileContent::titles();
    QStringList ids;
    for (int room = 0; room < m_data->rooms().size() && ids.size() < titles.size(); ++room) {
        if (m_data->rooms().at(room).direct || m_renamedRooms.contains(room))
            continue;
        m_data->setRoomTitle(room, titles.at(ids.size()).title);
        m_renamedRooms.append(room);
        ids.append(m_data->rooms().at(room).id);
    }
    return ids;
}

QString WebexEmulator::setInvalidUtf8Title()
{
    int newest = -1;
    const QList<SeedData::Room> &rooms = m_data->rooms();
    for (int room = 0; room < rooms.size(); ++room) {
        if (rooms.at(room).direct || m_renamedRooms.contains(room))
            continue;
        if (newest < 0 || rooms.at(room).lastActivity > rooms.at(newest).lastActivity)
            newest = room;
    }
    if (newest < 0)
        return {};
    m_data->setRoomTitle(newest, QString::fromLatin1(HostileContent::invalidUtf8Placeholder()));
    m_renamedRooms.append(newest);
    m_invalidUtf8Title = true;
    return rooms.at(newest).id;
}

void WebexEmulator::setEndlessRoomPaging(int spacesPerPage)
{
    m_rest->setEndlessRoomPages(spacesPerPage);
}

void WebexEmulator::setProfileWrongTypes(bool yes)
{
    m_rest->setProfileWrongTypes(yes);
}

QStringList WebexEmulator::addHostileFileMessages()
{
    if (m_data->rooms().isEmpty())
        return {};
    const int room = 0;
    int person = m_data->someoneElseIn(room, 0);
    if (person < 0)
        person = SeedData::me();
    QStringList ids;
    // Harmless bytes: the names are the point.
    for (const QString &name : HostileContent::fileNames()) {
        ids.append(shareFile(room, person, name, QByteArrayLiteral("text/plain"),
                             QByteArrayLiteral("echo 'a file, not a path'\n"), QString()));
    }
    return ids;
}

void WebexEmulator::scanContentsNext(int count, int retryAfterSeconds)
{
    m_contents->scanNext(count, retryAfterSeconds);
}

void WebexEmulator::setContentBodyPace(int bytesPerChunk, std::chrono::milliseconds interval)
{
    m_contents->setBodyPace(bytesPerChunk, interval);
}

void WebexEmulator::setUploadLimitBytes(qint64 bytes)
{
    m_rest->setUploadLimitBytes(bytes);
}

std::optional<WebexEmulator::File> WebexEmulator::fileOf(const QString &messageId) const
{
    const auto [room, index] = m_data->findMessage(messageId);
    if (room < 0)
        return std::nullopt;
    const SeedData::Message &message = m_data->messages(room).at(index);
    if (message.files.isEmpty())
        return std::nullopt;
    const SeedData::Content &content = m_data->contents().at(message.files.first());
    return File{content.id, content.name, content.type, content.bytes};
}

int WebexEmulator::contentCount() const
{
    return int(m_data->contents().size());
}

int WebexEmulator::pendingAnswerCount() const
{
    return m_server->pendingCount();
}

int WebexEmulator::deviceCount(int person) const
{
    return m_devices->countOf(person);
}

int WebexEmulator::socketCount() const
{
    return m_sockets->connectionCount();
}

int WebexEmulator::liveSocketCount(int person) const
{
    return m_sockets->liveCount(person);
}

int WebexEmulator::socketAckCount() const
{
    return m_sockets->ackCount();
}

QStringList WebexEmulator::socketAckedFrameIds() const
{
    return m_sockets->ackedFrameIds();
}

int WebexEmulator::socketPingCount() const
{
    return m_sockets->pingCount();
}

int WebexEmulator::socketInvalidFrameCount() const
{
    return m_sockets->invalidFrameCount();
}

int WebexEmulator::refusedSocketUpgradeCount() const
{
    return m_sockets->refusedUpgradeCount();
}

int WebexEmulator::requestCount(const QString &path) const
{
    return m_requestCounts.value(path);
}

int WebexEmulator::requestCount(const QByteArray &method, const QString &path) const
{
    return m_requestCountsByMethod.value({method, path});
}

QList<QUrl> WebexEmulator::requestedUrls() const
{
    return m_requestedUrls;
}

QVariantMap WebexEmulator::lastAuthorizeQuery() const
{
    return m_oauth->lastAuthorizeQuery();
}

QVariantMap WebexEmulator::lastTokenRequest() const
{
    return m_oauth->lastTokenRequest();
}

QStringList WebexEmulator::roomIds() const
{
    QStringList ids;
    ids.reserve(m_data->rooms().size());
    for (const auto &room : m_data->rooms())
        ids.append(room.id);
    return ids;
}

QString WebexEmulator::roomIdByTitle(const QString &title) const
{
    for (const auto &room : m_data->rooms()) {
        if (room.title == title)
            return room.id;
    }
    return {};
}

QStringList WebexEmulator::teamIds() const
{
    QStringList ids;
    for (const auto &team : m_data->teams())
        ids.append(team.id);
    return ids;
}

QStringList WebexEmulator::personIds() const
{
    QStringList ids;
    for (const auto &person : m_data->people())
        ids.append(person.id);
    return ids;
}

int WebexEmulator::messageCount(const QString &roomId)
{
    const int room = m_data->roomIndex(roomId);
    if (room < 0)
        return -1;
    const QList<SeedData::Message> &messages = m_data->messages(room);
    return int(std::count_if(messages.cbegin(), messages.cend(),
                             [](const SeedData::Message &m) { return !m.deleted; }));
}

QStringList WebexEmulator::mentionedPeopleOf(const QString &messageId) const
{
    const auto [room, index] = m_data->findMessage(messageId);
    QStringList ids;
    if (room < 0)
        return ids;
    for (int person : m_data->messages(room).at(index).mentioned)
        ids.append(m_data->people().at(person).id);
    return ids;
}

bool WebexEmulator::mentionsAll(const QString &messageId) const
{
    const auto [room, index] = m_data->findMessage(messageId);
    return room >= 0 && m_data->messages(room).at(index).mentionsAll;
}

QString WebexEmulator::directRoomWith(int person) const
{
    const int room = m_data->directRoomWith(person);
    return room >= 0 ? m_data->rooms().at(room).id : QString();
}

bool WebexEmulator::postFromSomeoneElse(const QString &roomId, const QString &text)
{
    return !colleaguePosts(roomId, text).isEmpty();
}

QString WebexEmulator::colleaguePosts(const QString &roomId, const QString &text,
                                      const QString &parentId)
{
    return colleaguePost(roomId, text, parentId, {});
}

QString WebexEmulator::colleagueMentionsUser(const QString &roomId, const QString &text)
{
    return colleaguePost(roomId, text, QString(), {SeedData::me()});
}

QString WebexEmulator::colleagueMentionsAll(const QString &roomId, const QString &text)
{
    return colleaguePost(roomId, text, QString(), {}, true);
}

QString WebexEmulator::colleaguePost(const QString &roomId, const QString &text,
                                     const QString &parentId, const QList<int> &mentioned,
                                     bool mentionsAll)
{
    const int room = m_data->roomIndex(roomId);
    if (room < 0 || text.isEmpty())
        return {};
    int parent = -1;
    if (!parentId.isEmpty()) {
        parent = m_data->messageIndex(room, parentId);
        if (parent < 0 || m_data->messages(room).at(parent).parent >= 0)
            return {};
    }
    const int person = m_data->someoneElseIn(room, QRandomGenerator::global()->generate());
    if (person < 0)
        return {};
    // A mention as Webex writes one: the name before the text, <@personId:…|Name> (<@all>) in
    // the markdown and <spark-mention> in the html.
    const MentionMarkup::Content content =
        MentionMarkup::leading(*m_data, mentioned, mentionsAll, text);
    const SeedData::Message &m =
        m_data->addMessage(room, person, content.text, content.markdown, content.html, parent,
                           content.people, content.all);
    const QString id = m.id;
    m_feed->posted(room, m_data->messageIndex(room, id));
    return id;
}

bool WebexEmulator::editMessageAsAuthor(const QString &messageId, const QString &text)
{
    const auto [room, index] = m_data->findMessage(messageId);
    if (room < 0 || text.isEmpty())
        return false;
    m_data->editMessage(room, index, text, QString(), QString());
    m_feed->edited(room, index);
    return true;
}

std::optional<QString> WebexEmulator::messageContent(const QString &messageId) const
{
    const auto [room, index] = m_data->findMessage(messageId);
    if (room < 0)
        return std::nullopt;
    const SeedData::Message &message = m_data->messages(room).at(index); // never a deleted one
    return message.markdown.isEmpty() ? message.text : message.markdown;
}

bool WebexEmulator::deleteMessageAsAuthor(const QString &messageId)
{
    const auto [room, index] = m_data->findMessage(messageId);
    if (room < 0)
        return false;
    m_data->deleteMessage(room, index);
    m_feed->deleted(room, index, m_data->messages(room).at(index).person);
    return true;
}

bool WebexEmulator::addToSpace(const QString &roomId, int person, int actor)
{
    const int room = m_data->roomIndex(roomId);
    const int people = int(m_data->people().size());
    if (room < 0 || m_data->rooms().at(room).direct || person < 0 || person >= people ||
        actor < 0 || actor >= people || !m_data->addMember(room, person))
        return false;
    m_feed->added(room, person, actor);
    return true;
}

bool WebexEmulator::removeFromSpace(const QString &roomId, int person, int actor)
{
    const int room = m_data->roomIndex(roomId);
    const int people = int(m_data->people().size());
    if (room < 0 || m_data->rooms().at(room).direct || person < 0 || person >= people ||
        actor < 0 || actor >= people || !m_data->removeMember(room, person))
        return false;
    m_feed->left(room, person, actor);
    return true;
}

QString WebexEmulator::createSpaceWithUser(const QString &title)
{
    if (title.trimmed().isEmpty())
        return {};
    // The first colleague who is a person, not a bot.
    int colleague = 1;
    while (colleague < m_data->people().size() &&
           m_data->people().at(colleague).type != QLatin1String("person"))
        ++colleague;
    const int room = m_data->addRoom(title.trimmed(), colleague, {SeedData::me()});
    m_feed->created(room, colleague);
    return m_data->rooms().at(room).id;
}

QString WebexEmulator::colleagueSharesFile(const QString &roomId, const QString &name,
                                           const QByteArray &type, const QByteArray &bytes,
                                           const QString &text)
{
    const int room = m_data->roomIndex(roomId);
    if (room < 0 || name.isEmpty())
        return {};
    const int person = m_data->someoneElseIn(room, QRandomGenerator::global()->generate());
    if (person < 0)
        return {};
    return shareFile(room, person, name, type, bytes, text);
}

QString WebexEmulator::shareFile(int room, int person, const QString &name, const QByteArray &type,
                                 const QByteArray &bytes, const QString &text)
{
    const SeedData::Message &m = m_data->addMessage(room, person, text, QString(), QString(), -1);
    const QString id = m.id;
    const int index = m_data->messageIndex(room, id);
    m_data->attachFile(room, index, name, type, bytes);
    m_feed->posted(room, index);
    return id;
}

bool WebexEmulator::acknowledgeFromOtherDevice(const QString &roomId, const QString &messageId)
{
    const int room = m_data->roomIndex(roomId);
    if (room < 0)
        return false;
    const int index = m_data->messageIndex(room, messageId);
    if (index < 0)
        return false;
    m_feed->acknowledged(room, index, SeedData::me());
    return true;
}

void WebexEmulator::setLiveActivity(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        delete m_liveActivity;
        m_liveActivity = nullptr;
        return;
    }
    if (!m_liveActivity) {
        m_liveActivity = new QTimer(this);
        connect(m_liveActivity, &QTimer::timeout, this, &WebexEmulator::postLiveActivity);
    }
    m_liveActivity->start(interval);
}

void WebexEmulator::postLiveActivity()
{
    const QList<SeedData::Room> &rooms = m_data->rooms();
    if (rooms.isEmpty())
        return;
    // Mostly the spaces that were busy lately, as in real life; now and then an old one wakes.
    QList<int> byActivity(rooms.size());
    std::iota(byActivity.begin(), byActivity.end(), 0);
    const int busy = std::min(int(rooms.size()), 30);
    std::partial_sort(
        byActivity.begin(), byActivity.begin() + busy, byActivity.end(),
        [&rooms](int a, int b) { return rooms.at(a).lastActivity > rooms.at(b).lastActivity; });
    QRandomGenerator *rng = QRandomGenerator::global();
    const int pick = rng->bounded(4) == 0 ? int(rng->bounded(int(rooms.size())))
                                          : byActivity.at(int(rng->bounded(busy)));
    postFromSomeoneElse(rooms.at(pick).id, SeedData::chatter(rng->generate()));
}

QString WebexEmulator::issueAccessToken()
{
    return m_tokens->issueAccessToken(m_options.accessTokenLifetimeSeconds);
}

QString WebexEmulator::issueAccessTokenFor(int index)
{
    if (index < 0 || index >= m_data->people().size())
        return {};
    return m_tokens->issueAccessToken(m_options.accessTokenLifetimeSeconds, index);
}

QString WebexEmulator::issueRefreshToken()
{
    return m_tokens->issueRefreshToken(m_options.clientId, m_options.refreshTokenLifetimeSeconds);
}

EmulatorResponse WebexEmulator::handle(const EmulatorRequest &received)
{
    EmulatorRequest request = received;
    request.trackingId = WebexIds::trackingId();
    const QString path = request.path();
    m_requestCounts[path] += 1;
    m_requestCountsByMethod[{request.method, path}] += 1;
    m_requestedUrls.append(
        QUrl::fromEncoded(request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)));

    EmulatorResponse response;
    if (path.startsWith(QLatin1String("/avatars/"))) {
        // Avatars come from a CDN in real Webex: no token, no faults.
        QString id = path.mid(9);
        id = id.left(id.indexOf(QLatin1Char('~')));
        const int person = m_data->personIndex(id);
        if (request.method != "GET" || person < 0 || !m_data->people().at(person).hasAvatar) {
            response = EmulatorResponse::webexError(
                404, QStringLiteral("The requested resource could not be found."),
                request.trackingId);
        } else {
            auto it = m_avatarCache.find(person);
            if (it == m_avatarCache.end())
                it =
                    m_avatarCache.insert(person, AvatarImage::png(m_data->people().at(person).hue));
            response = EmulatorResponse::png(*it);
        }
    } else if (path == QLatin1String("/v1/authorize") && request.method == "GET") {
        response = m_oauth->authorize(request);
    } else if (path == QLatin1String(OAuthService::kDecisionPath) && request.method == "POST") {
        response = m_oauth->decision(request);
    } else if (path.startsWith(QLatin1String(DeviceServiceApi::kPrefix) + QLatin1Char('/'))) {
        response = handleDevices(request);
        response.cutOffHalfway = m_faults->takeCutOff(request.method, path);
    } else if (path.startsWith(QLatin1String("/v1/"))) {
        response = handleApi(request);
        if (m_invalidUtf8Title) {
            // Only here, in the bytes: a QString cannot hold what is not UTF-8.
            response.body.replace(HostileContent::invalidUtf8Placeholder(),
                                  HostileContent::invalidUtf8Title());
        }
        response.cutOffHalfway = m_faults->takeCutOff(request.method, path);
    } else {
        response = EmulatorResponse::webexError(
            404, QStringLiteral("The requested resource could not be found."), request.trackingId);
    }
    response.setHeader("trackingid", request.trackingId.toLatin1());
    return response;
}

EmulatorResponse WebexEmulator::handleApi(const EmulatorRequest &request)
{
    if (auto fault = m_faults->take(request.method, request.path(), request.trackingId))
        return std::move(*fault);

    if (request.path() == QLatin1String("/v1/access_token")) {
        if (request.method != "POST") {
            return EmulatorResponse::webexError(
                405, QStringLiteral("The HTTP method is not supported for this resource."),
                request.trackingId);
        }
        return m_oauth->accessToken(request);
    }

    const int person = authenticate(request);
    if (person < 0) {
        return EmulatorResponse::webexError(
            401,
            QStringLiteral("The request requires a valid access token set in the Authorization "
                           "request header."),
            request.trackingId);
    }
    EmulatorRequest authenticated = request;
    authenticated.person = person;
    if (request.path().startsWith(QLatin1String(ContentApi::kPrefix)))
        return m_contents->handle(authenticated);
    return m_rest->handle(authenticated);
}

EmulatorResponse WebexEmulator::handleDevices(const EmulatorRequest &request)
{
    // The REST faults reach the device service only when --fault-path aims them at it.
    if (auto fault = m_faults->take(request.method, request.path(), request.trackingId))
        return std::move(*fault);
    const int person = authenticate(request);
    if (person < 0) {
        return EmulatorResponse::webexError(
            401,
            QStringLiteral("The request requires a valid access token set in the Authorization "
                           "request header."),
            request.trackingId);
    }
    EmulatorRequest authenticated = request;
    authenticated.person = person;
    return m_deviceService->handle(authenticated);
}

int WebexEmulator::authenticate(const EmulatorRequest &request) const
{
    const QByteArray scheme = request.authorization.left(7);
    if (scheme.compare("Bearer ", Qt::CaseInsensitive) != 0)
        return -1;
    return m_tokens->accessTokenPerson(QString::fromLatin1(request.authorization.mid(7).trimmed()));
}
