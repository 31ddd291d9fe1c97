// WebexClient, PeopleDirectory and the models against the real WebexEmulator over HTTP.
#include "api/apibase.h"
#include "api/apierror.h"
#include "api/webexclient.h"
#include "model/messagelistmodel.h"
#include "model/peopledirectory.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "webexemulator.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

struct Served
{
    QString method;
    QUrl url;
    int status = 0;
    qint64 atMs = 0; // since the test started
};

// As ConversationController wires them: the model names the senders it lacks, the directory
// answers from its cache at once and looks the others up.
void lookUpSenders(MessageListModel *model, PeopleDirectory *people)
{
    QObject::connect(model, &MessageListModel::sendersWanted, model,
                     [model, people](const QStringList &ids) {
                         model->setSenders(people->known(ids));
                         people->request(ids);
                     });
    QObject::connect(
        people, &PeopleDirectory::peopleChanged, model,
        [model, people](const QStringList &ids) { model->setSenders(people->known(ids)); });
}

} // namespace

class TestClientEmulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebexEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebexClient> m_client;
    QList<Served> m_served;
    QElapsedTimer m_clock;

    // GET /v1/<path> requests served since the mark, e.g. count("/v1/people").
    [[nodiscard]] QList<QUrl> requestsTo(const QString &path, qsizetype from = 0) const
    {
        QList<QUrl> out;
        const QList<QUrl> urls = m_emulator->requestedUrls();
        for (qsizetype i = from; i < urls.size(); ++i) {
            if (urls.at(i).path() == path)
                out.append(urls.at(i));
        }
        return out;
    }

    // Every space, through the client, as the app gets them.
    [[nodiscard]] QList<Room> allRooms()
    {
        QList<Room> rooms;
        QSignalSpy done(m_client.get(), &WebexClient::roomsFetched);
        const QMetaObject::Connection c =
            connect(m_client.get(), &WebexClient::roomsPageFetched, this,
                    [&rooms](const QList<Room> &page, int) { rooms += page; });
        m_client->fetchAllRooms();
        const bool ok = done.wait(20000);
        disconnect(c);
        return ok ? rooms : QList<Room>();
    }

    // A room with at least `minimum` messages (the emulator gives every seventh room 55+).
    [[nodiscard]] QString roomWithMessages(int minimum) const
    {
        for (const QString &id : m_emulator->roomIds()) {
            if (m_emulator->messageCount(id) >= minimum)
                return id;
        }
        return {};
    }

private slots:
    void init()
    {
        m_clock.start();
        m_served.clear();
        m_emulator = std::make_unique<WebexEmulator>();
        QVERIFY(m_emulator->listen());
        connect(m_emulator.get(), &WebexEmulator::requestServed, this,
                [this](const QString &method, const QUrl &url, int status) {
                    m_served.append({method, url, status, m_clock.elapsed()});
                });
        m_network = std::make_unique<QNetworkAccessManager>();
        const std::optional<ApiBase> base =
            ApiBase::fromUserInput(m_emulator->baseUrl().toString(), nullptr);
        QVERIFY(base);
        m_client = std::make_unique<WebexClient>(*base, m_network.get());
        m_client->setAccessToken(m_emulator->issueAccessToken());
    }

    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_emulator.reset();
    }

    void messagesPageBackToTheFirst()
    {
        const QString roomId = roomWithMessages(120);
        QVERIFY2(!roomId.isEmpty(), "the emulator has no room with 120 messages");
        const int total = m_emulator->messageCount(roomId);

        PeopleDirectory people(m_client.get());
        MessageListModel model;
        lookUpSenders(&model, &people);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRoom(roomId);
        connect(m_client.get(), &WebexClient::messagesFetched, &model,
                [&model](const QString &room, const QList<Message> &page, bool hasOlder) {
                    if (room == model.roomId())
                        model.addPage(page, hasOlder);
                });
        // Each page is sanitised off this thread after it arrives; pageAdded says it is in.
        QSignalSpy added(&model, &MessageListModel::pageAdded);
        QSignalSpy failed(m_client.get(), &WebexClient::messagesFailed);

        const qsizetype mark = m_emulator->requestedUrls().size();
        m_client->fetchMessages(roomId);
        QVERIFY(added.wait());
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.hasOlder());
        const QString newestId = model.index(49).data(MessageListModel::IdRole).toString();

        int pages = 1;
        while (model.hasOlder() && pages < 20) {
            const QString oldest = model.oldestMessageId();
            const int before = model.rowCount();
            m_client->fetchMessages(roomId, oldest);
            QVERIFY(added.wait());
            ++pages;
            QVERIFY(model.rowCount() > before || !model.hasOlder());
            // The older page went on top: the previously oldest message moved down.
            QCOMPARE(model.rowOf(oldest), model.rowCount() - before);
        }
        QCOMPARE(failed.size(), 0);
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(pages, (total + 49) / 50 + (total % 50 == 0 ? 1 : 0));
        QCOMPARE(model.index(total - 1).data(MessageListModel::IdRole).toString(), newestId);

        // Oldest at the top, each id once.
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            ids.insert(index.data(MessageListModel::IdRole).toString());
            if (row > 0)
                QVERIFY(model.index(row - 1).data(MessageListModel::CreatedRole).toDateTime() <=
                        index.data(MessageListModel::CreatedRole).toDateTime());
        }
        QCOMPARE(ids.size(), total);

        const QList<QUrl> requests = requestsTo(QStringLiteral("/v1/messages"), mark);
        QCOMPARE(requests.size(), pages);
        QVERIFY(!QUrlQuery(requests.first()).hasQueryItem(QStringLiteral("beforeMessage")));
        for (qsizetype i = 1; i < requests.size(); ++i)
            QVERIFY(QUrlQuery(requests.at(i)).hasQueryItem(QStringLiteral("beforeMessage")));

        // Every sender was looked up, in as few requests as the page sizes allow, and named.
        QTRY_COMPARE(people.pendingCount(), 0);
        QVERIFY(requestsTo(QStringLiteral("/v1/people"), mark).size() <= pages);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString id = index.data(MessageListModel::SenderIdRole).toString();
            QVERIFY2(people.person(id).has_value(), qPrintable(id));
            QCOMPARE(index.data(MessageListModel::SenderNameRole).toString(),
                     people.person(id)->displayName);
        }
    }

    void senderLookUpsAreBatchedAndCached()
    {
        QStringList senders = m_emulator->personIds().mid(1, 120);
        QCOMPARE(senders.size(), 120);
        PeopleDirectory people(m_client.get());
        QSignalSpy changed(&people, &PeopleDirectory::peopleChanged);

        const qsizetype mark = m_emulator->requestedUrls().size();
        // As message rows would ask: one at a time, with repeats, within one event-loop turn.
        for (const QString &id : std::as_const(senders)) {
            people.request({id});
            people.request(senders.mid(0, 3));
        }
        QTRY_COMPARE(people.pendingCount(), 0);

        const QList<QUrl> requests = requestsTo(QStringLiteral("/v1/people"), mark);
        QCOMPARE(requests.size(), 2);
        QStringList asked;
        for (const QUrl &url : requests) {
            const QStringList ids =
                QUrlQuery(url).queryItemValue(QStringLiteral("id")).split(QLatin1Char(','));
            QVERIFY(ids.size() <= 85);
            asked += ids;
        }
        QCOMPARE(asked.size(), 120); // no id twice
        QCOMPARE(QSet<QString>(asked.cbegin(), asked.cend()),
                 QSet<QString>(senders.cbegin(), senders.cend()));
        for (const QString &id : std::as_const(senders)) {
            QVERIFY(people.person(id).has_value());
            QVERIFY(!people.person(id)->displayName.isEmpty());
        }

        // Cached: the second time sends nothing.
        const qsizetype again = m_emulator->requestedUrls().size();
        people.request(senders);
        QTest::qWait(100);
        QCOMPARE(requestsTo(QStringLiteral("/v1/people"), again).size(), 0);
    }

    void sendingAppearsWithTheServersId()
    {
        // A space anyone may post in: not read-only, not announcement-only.
        const QString meId = m_emulator->personIds().first();
        QString roomId;
        for (const Room &room : allRooms()) {
            if (!room.isReadOnly && !room.isAnnouncementOnly) {
                roomId = room.id;
                break;
            }
        }
        QVERIFY(!roomId.isEmpty());
        const int before = m_emulator->messageCount(roomId);

        PeopleDirectory people(m_client.get());
        MessageListModel model;
        lookUpSenders(&model, &people);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRoom(roomId);
        model.addPending(QStringLiteral("tag-1"), QStringLiteral("Hello **world**"), meId);
        QVERIFY(model.index(0).data(MessageListModel::PendingRole).toBool());

        QSignalSpy sent(m_client.get(), &WebexClient::messageSent);
        QSignalSpy failed(m_client.get(), &WebexClient::sendFailed);
        m_client->sendMessage(roomId, QStringLiteral("Hello **world**"), QStringLiteral("tag-1"));
        QVERIFY(sent.wait());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sent.first().at(0).toString(), QStringLiteral("tag-1"));
        const Message message = sent.first().at(1).value<Message>();
        QVERIFY(!message.id.isEmpty());
        QCOMPARE(message.roomId, roomId);
        QCOMPARE(message.personId, meId);
        QCOMPARE(message.markdown, QStringLiteral("Hello **world**"));

        bool posted = false;
        for (const Served &s : std::as_const(m_served))
            posted |= s.method == QLatin1String("POST") &&
                      s.url.path() == QLatin1String("/v1/messages") && s.status == 200;
        QVERIFY(posted);
        QCOMPARE(m_emulator->messageCount(roomId), before + 1);

        model.confirmPending(QStringLiteral("tag-1"), message);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::IdRole).toString(), message.id);
        QVERIFY(!model.index(0).data(MessageListModel::PendingRole).toBool());

        // The newest message of the space is now this one, and a refresh does not repeat it.
        QSignalSpy fetched(m_client.get(), &WebexClient::messagesFetched);
        m_client->fetchMessages(roomId);
        QVERIFY(fetched.wait());
        const QList<Message> page = fetched.first().at(1).value<QList<Message>>();
        QCOMPARE(page.first().id, message.id);
        QSignalSpy added(&model, &MessageListModel::pageAdded);
        model.addPage(page, fetched.first().at(2).toBool());
        QVERIFY(added.wait());
        QCOMPARE(model.rowOf(message.id), model.rowCount() - 1);
        QCOMPARE(model.rowCount(), std::min(before + 1, 50));
    }

    void sendingToAReadOnlySpaceFailsWithWebexsMessage()
    {
        const QString meId = m_emulator->personIds().first();
        QString roomId;
        for (const Room &room : allRooms()) {
            if ((room.isReadOnly || room.isAnnouncementOnly) && room.creatorId != meId) {
                roomId = room.id;
                break;
            }
        }
        QVERIFY2(!roomId.isEmpty(), "the emulator has no read-only space");
        const int before = m_emulator->messageCount(roomId);

        QSignalSpy failed(m_client.get(), &WebexClient::sendFailed);
        m_client->sendMessage(roomId, QStringLiteral("Let me in"), QStringLiteral("tag-ro"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("tag-ro"));
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.message, QStringLiteral("Only moderators can post in this space."));
        QVERIFY(!error.trackingId.isEmpty());
        QVERIFY(error.userMessage().contains(error.message));
        QCOMPARE(m_emulator->messageCount(roomId), before);
    }

    void sendingIsNotRepeatedAfterAServerError()
    {
        const QString roomId = m_emulator->roomIds().first();
        const qsizetype mark = m_emulator->requestedUrls().size();
        m_emulator->failNext(1, 503);
        QSignalSpy failed(m_client.get(), &WebexClient::sendFailed);
        QSignalSpy sent(m_client.get(), &WebexClient::messageSent);
        m_client->setRetryDelayScale(0.01); // a retry, if there were one, would come quickly
        m_client->sendMessage(roomId, QStringLiteral("once"), QStringLiteral("tag-503"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).value<ApiError>().httpStatus, 503);
        QTest::qWait(200);
        QCOMPARE(sent.size(), 0);
        QCOMPARE(requestsTo(QStringLiteral("/v1/messages"), mark).size(), 1);
    }

    void rateLimitedMessagesWaitForRetryAfter()
    {
        const QString roomId = roomWithMessages(1);
        m_client->setRetryDelayScale(1.0); // the real Retry-After
        m_emulator->rateLimitNext(1, 1);
        QSignalSpy fetched(m_client.get(), &WebexClient::messagesFetched);
        QSignalSpy retries(m_client.get(), &WebexClient::retryScheduled);
        const qsizetype mark = m_served.size();
        m_client->fetchMessages(roomId);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(retries.size(), 1);

        QList<Served> messages;
        for (qsizetype i = mark; i < m_served.size(); ++i) {
            if (m_served.at(i).url.path() == QLatin1String("/v1/messages"))
                messages.append(m_served.at(i));
        }
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).status, 429);
        QCOMPARE(messages.at(1).status, 200);
        // The 429 was served before the client saw it, so this gap is at most the client's.
        const qint64 gap = messages.at(1).atMs - messages.at(0).atMs;
        QVERIFY2(gap >= 1000, qPrintable(QStringLiteral("retried after %1 ms").arg(gap)));
    }

    void rateLimitedSendIsRetriedOnceAfterRetryAfter()
    {
        const QString roomId = m_emulator->roomIds().first();
        const int before = m_emulator->messageCount(roomId);
        m_client->setRetryDelayScale(1.0);
        m_emulator->rateLimitNext(1, 1);
        QSignalSpy sent(m_client.get(), &WebexClient::messageSent);
        const qsizetype mark = m_served.size();
        m_client->sendMessage(roomId, QStringLiteral("after the limit"), QStringLiteral("t"));
        QVERIFY(sent.wait(10000));
        QList<Served> posts;
        for (qsizetype i = mark; i < m_served.size(); ++i) {
            if (m_served.at(i).method == QLatin1String("POST"))
                posts.append(m_served.at(i));
        }
        QCOMPARE(posts.size(), 2);
        QVERIFY(posts.at(1).atMs - posts.at(0).atMs >= 1000);
        QCOMPARE(m_emulator->messageCount(roomId), before + 1); // posted exactly once
    }

    void periodicRefreshBringsNewActivityToTheTop()
    {
        RoomListModel rooms;
        QAbstractItemModelTester tester(&rooms,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Room> all = allRooms();
        QCOMPARE(all.size(), m_emulator->roomCount());
        rooms.appendRooms(all);

        // Everything seen now.
        QHash<QString, QDateTime> seen;
        for (const Room &room : all)
            seen.insert(room.id, room.lastActivity);
        rooms.setLastSeen(seen);

        // Someone writes in the space that was quiet longest.
        const QString quiet =
            rooms.index(rooms.rowCount() - 1).data(RoomListModel::IdRole).toString();
        QVERIFY(m_emulator->postFromSomeoneElse(quiet, QStringLiteral("wake up")));

        const qsizetype mark = m_emulator->requestedUrls().size();
        QSignalSpy recent(m_client.get(), &WebexClient::recentRoomsFetched);
        m_client->fetchRecentRooms();
        QVERIFY(recent.wait());
        const QList<Room> page = recent.first().first().value<QList<Room>>();
        QCOMPARE(page.size(), 100);
        QCOMPARE(page.first().id, quiet);

        const QList<QUrl> requests = requestsTo(QStringLiteral("/v1/rooms"), mark);
        QCOMPARE(requests.size(), 1); // one request, however many spaces there are
        QCOMPARE(QUrlQuery(requests.first()).queryItemValue(QStringLiteral("sortBy")),
                 QStringLiteral("lastactivity"));

        rooms.appendRooms(page);
        QCOMPARE(rooms.rowCount(), all.size()); // merged, not added
        QCOMPARE(rooms.index(0).data(RoomListModel::IdRole).toString(), quiet);
        QVERIFY(rooms.index(0).data(RoomListModel::HasNewActivityRole).toBool());
        QVERIFY(!rooms.index(1).data(RoomListModel::HasNewActivityRole).toBool());
        rooms.markSeen(quiet, QDateTime::currentDateTimeUtc());
        QVERIFY(!rooms.index(0).data(RoomListModel::HasNewActivityRole).toBool());
    }

    void teamsFromTheEmulator()
    {
        QSignalSpy fetched(m_client.get(), &WebexClient::teamsFetched);
        m_client->fetchTeams();
        QVERIFY(fetched.wait());
        const QList<Team> teams = fetched.first().first().value<QList<Team>>();
        QStringList ids;
        for (const Team &team : teams) {
            ids.append(team.id);
            QVERIFY(!team.name.isEmpty());
        }
        const QStringList seeded = m_emulator->teamIds();
        QVERIFY(!seeded.isEmpty());
        QCOMPARE(ids.size(), seeded.size());
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()),
                 QSet<QString>(seeded.cbegin(), seeded.cend()));
    }
};

QTEST_GUILESS_MAIN(TestClientEmulator)
#include "tst_client_emulator.moc"
