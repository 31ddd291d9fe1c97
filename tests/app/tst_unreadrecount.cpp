// UnreadRecount, the catch-up's step 3 (docs/LIVE-EVENTS.md, 6.3): which spaces it picks, that
// it asks for one page at a time, and that the pages give those spaces their counts. Against a
// scripted Webex (ScriptedWebex), with the pages counted the way AppController wires them
// (WebexClient::messagesFetched -> UnreadController::takePage). The whole path, from a dropped
// socket to the counts, is tst_live_e2e's.

#include "api/webexclient.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "scriptedwebex.h"
#include "store/unreadcounts.h"
#include "unreadcontroller.h"
#include "unreadrecount.h"
#include "webexanswers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

namespace {

const QDateTime epoch(QDate(2024, 1, 1), QTime(0, 0), QTimeZone(0));
const QString me = QStringLiteral("ME");

Room room(const QString &id, int minutes)
{
    Room r;
    r.id = id;
    r.title = QStringLiteral("Space ") + id;
    r.kind = Room::Kind::Group;
    r.lastActivity = epoch.addSecs(minutes * 60);
    return r;
}

QByteArray message(const QString &roomId, int n, const QString &personId, int minutes)
{
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("id"), roomId + QStringLiteral("-M") + QString::number(n)},
                   {QStringLiteral("roomId"), roomId},
                   {QStringLiteral("personId"), personId},
                   {QStringLiteral("text"), QStringLiteral("Message %1").arg(n)},
                   {QStringLiteral("created"),
                    epoch.addSecs(minutes * 60).toString(Qt::ISODateWithMs)},
               })
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestUnreadRecount : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void picksTheNewestSpacesBehindTheirCounts();
    void asksOnePageAtATimeAndCountsThem();
    void aFailedPageDoesNotStopTheRest();
    void aRecountedSpaceIsNotPickedAgain();
    void nothingToRecountAsksNothing();

private:
    // Spaces "S0".."S<n-1>", S0 the newest (activity at minute 1000 - 10 * i).
    void listSpaces(int n);
    // The page of messages each space's GET /messages answers with (newest first).
    QHash<QString, QList<QByteArray>> m_pages;
    QStringList m_asked;       // roomId of each GET /messages, in order
    int m_answered = 0;        // pages the client has handed on
    bool m_overlapped = false; // a request came while another was unanswered
    QSet<QString> m_failing;

    std::unique_ptr<ScriptedWebex> m_webex;
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<UnreadController> m_unread;
    std::unique_ptr<UnreadRecount> m_recount;
};

void TestUnreadRecount::init()
{
    m_pages.clear();
    m_asked.clear();
    m_answered = 0;
    m_overlapped = false;
    m_failing.clear();
    m_webex = std::make_unique<ScriptedWebex>();
    QVERIFY(m_webex->start());
    m_webex->server()->setHandler([this](const ScriptedWebex::Request &request) {
        const QUrl url = request.url();
        if (url.path() != QStringLiteral("/v1/messages"))
            return ScriptedWebex::Response::json(404, "{}");
        const QString roomId = QUrlQuery(url).queryItemValue(QStringLiteral("roomId"));
        if (m_asked.size() != m_answered)
            m_overlapped = true;
        m_asked.append(roomId);
        if (m_failing.contains(roomId))
            return ScriptedWebex::Response::json(404, "{\"message\":\"gone\"}");
        return ScriptedWebex::Response::json(200, WebexAnswers::listJson(m_pages.value(roomId)));
    });
    m_rooms = std::make_unique<RoomListModel>();
    m_unread = std::make_unique<UnreadController>(m_rooms.get());
    m_unread->begin(epoch);
    m_unread->setMe(me);
    WebexClient *client = m_webex->client();
    // As AppController: every page of messages goes to the counts. Connected before the
    // recount, so a page is counted before the next one is asked for.
    connect(client, &WebexClient::messagesFetched, m_unread.get(),
            [this](const QString &roomId, const QList<Message> &page, bool) {
                m_unread->takePage(roomId, page);
            });
    connect(client, &WebexClient::messagesFetched, this, [this] { ++m_answered; });
    connect(client, &WebexClient::messagesFailed, this, [this] { ++m_answered; });
    m_recount = std::make_unique<UnreadRecount>(client, m_rooms.get(), m_unread.get());
}

void TestUnreadRecount::cleanup()
{
    m_recount.reset();
    m_unread.reset();
    m_rooms.reset();
    m_webex.reset();
}

void TestUnreadRecount::listSpaces(int n)
{
    QList<Room> rooms;
    for (int i = 0; i < n; ++i)
        rooms.append(room(QStringLiteral("S%1").arg(i), 1000 - 10 * i));
    m_rooms->appendRooms(rooms);
}

void TestUnreadRecount::picksTheNewestSpacesBehindTheirCounts()
{
    listSpaces(15);
    // Before the counting began: history, never unread.
    m_rooms->appendRooms({room(QStringLiteral("OLD"), -5)});
    // S0 is open: the catch-up loads its newest messages itself.
    m_unread->setOpenRoom(QStringLiteral("S0"));
    // S1's newest message is counted already; S2 was read up to its last activity.
    UnreadCounts *counts = m_unread->counts();
    QVERIFY(counts->messageArrived(QStringLiteral("S1"), QStringLiteral("S1-M9"), false,
                                   epoch.addSecs(990 * 60)));
    counts->markRead(QStringLiteral("S2"), QStringLiteral("S2-M9"), epoch.addSecs(980 * 60));
    // S3 has a counted message, but activity after it.
    QVERIFY(counts->messageArrived(QStringLiteral("S3"), QStringLiteral("S3-M1"), false,
                                   epoch.addSecs(900 * 60)));

    const QStringList expected = {
        QStringLiteral("S3"),  QStringLiteral("S4"), QStringLiteral("S5"), QStringLiteral("S6"),
        QStringLiteral("S7"),  QStringLiteral("S8"), QStringLiteral("S9"), QStringLiteral("S10"),
        QStringLiteral("S11"), QStringLiteral("S12")};
    QCOMPARE(UnreadRecount::MaxSpaces, 10);
    QCOMPARE(m_recount->spacesToRecount(), expected);
}

void TestUnreadRecount::asksOnePageAtATimeAndCountsThem()
{
    listSpaces(3);
    // S0: two from others since its marker, one of them older than the marker.
    m_unread->counts()->markRead(QStringLiteral("S0"), QStringLiteral("S0-M1"),
                                 epoch.addSecs(900 * 60));
    m_pages.insert(QStringLiteral("S0"),
                   {message(QStringLiteral("S0"), 4, QStringLiteral("ANA"), 1000),
                    message(QStringLiteral("S0"), 3, QStringLiteral("BOB"), 950),
                    message(QStringLiteral("S0"), 2, QStringLiteral("BOB"), 850)});
    // S1: my own message last: I read it (from another device).
    m_pages.insert(QStringLiteral("S1"),
                   {message(QStringLiteral("S1"), 2, me, 990),
                    message(QStringLiteral("S1"), 1, QStringLiteral("ANA"), 985)});
    // S2: three from others, none read.
    m_pages.insert(QStringLiteral("S2"),
                   {message(QStringLiteral("S2"), 3, QStringLiteral("ANA"), 980),
                    message(QStringLiteral("S2"), 2, QStringLiteral("ANA"), 970),
                    message(QStringLiteral("S2"), 1, QStringLiteral("BOB"), 960)});
    QSignalSpy finished(m_recount.get(), &UnreadRecount::finished);

    m_recount->start();
    QVERIFY(m_recount->isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_recount->isRunning());
    QCOMPARE(m_asked,
             (QStringList{QStringLiteral("S0"), QStringLiteral("S1"), QStringLiteral("S2")}));
    QVERIFY(!m_overlapped);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S0")), 2);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S1")), 0);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S2")), 3);
    QCOMPARE(m_unread->total(), 5);
}

void TestUnreadRecount::aFailedPageDoesNotStopTheRest()
{
    listSpaces(3);
    m_failing.insert(QStringLiteral("S1"));
    for (const QString &id : {QStringLiteral("S0"), QStringLiteral("S2")})
        m_pages.insert(id, {message(id, 1, QStringLiteral("ANA"), 960)});
    QSignalSpy finished(m_recount.get(), &UnreadRecount::finished);

    m_recount->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_asked.size(), 3);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S0")), 1);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S1")), 0);
    QCOMPARE(m_rooms->unreadCount(QStringLiteral("S2")), 1);
}

void TestUnreadRecount::aRecountedSpaceIsNotPickedAgain()
{
    listSpaces(2);
    for (const QString &id : {QStringLiteral("S0"), QStringLiteral("S1")})
        m_pages.insert(
            id, {message(id, 2, QStringLiteral("ANA"), id == QStringLiteral("S0") ? 1000 : 990),
                 message(id, 1, QStringLiteral("ANA"), 900)});
    QSignalSpy finished(m_recount.get(), &UnreadRecount::finished);
    m_recount->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_unread->total(), 4);

    // Its newest message is counted now: nothing is behind, until more happens.
    QVERIFY(m_recount->spacesToRecount().isEmpty());
    m_rooms->appendRooms({room(QStringLiteral("S1"), 1100)});
    QCOMPARE(m_recount->spacesToRecount(), QStringList{QStringLiteral("S1")});
    // Counting the same page again counts nothing twice.
    m_recount->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_unread->total(), 4);
}

void TestUnreadRecount::nothingToRecountAsksNothing()
{
    listSpaces(2);
    for (const QString &id : {QStringLiteral("S0"), QStringLiteral("S1")})
        m_unread->counts()->markRead(id, QString(), epoch.addSecs(2000 * 60));
    QSignalSpy finished(m_recount.get(), &UnreadRecount::finished);
    m_recount->start();
    QVERIFY(!m_recount->isRunning());
    QTest::qWait(100);
    QVERIFY(m_asked.isEmpty());
    QVERIFY(finished.isEmpty());
}

QTEST_GUILESS_MAIN(TestUnreadRecount)
#include "tst_unreadrecount.moc"
