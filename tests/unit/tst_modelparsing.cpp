#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"
#include "model/tokenset.h"
#include "model/webextime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

// JSON fixtures are single-line raw strings: moc misreads a multi-line one containing "//".
namespace {

QJsonObject json(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(parseError.errorString()));
    return doc.object();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone(0));
}

} // namespace

class TestModelParsing : public QObject
{
    Q_OBJECT

private slots:
    // --- WebexTime -------------------------------------------------------------------------
    void time_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("millis") << QStringLiteral("2016-04-21T19:12:48.920Z")
                                << utc(2016, 4, 21, 19, 12, 48, 920);
        QTest::newRow("no millis")
            << QStringLiteral("2016-04-21T19:12:48Z") << utc(2016, 4, 21, 19, 12, 48);
        QTest::newRow("lower-case z")
            << QStringLiteral("2016-04-21T19:12:48.001z") << utc(2016, 4, 21, 19, 12, 48, 1);
        QTest::newRow("no zone is UTC")
            << QStringLiteral("2016-04-21T19:12:48.5") << utc(2016, 4, 21, 19, 12, 48, 500);
        QTest::newRow("offset") << QStringLiteral("2016-04-21T21:12:48+02:00")
                                << utc(2016, 4, 21, 19, 12, 48);
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("date only") << QStringLiteral("2016-04-21") << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("bad month") << QStringLiteral("2016-13-21T19:12:48Z") << QDateTime();
        // Past the milliseconds, digits are dropped, not rounded into the next second (or year).
        QTest::newRow("micros truncated")
            << QStringLiteral("2016-04-21T19:12:48.9999Z") << utc(2016, 4, 21, 19, 12, 48, 999);
        QTest::newRow("last moment of 9999")
            << QStringLiteral("9999-12-31T23:59:59.9999") << utc(9999, 12, 31, 23, 59, 59, 999);
        // An offset that moves the time out of the years toString() can write: refused.
        QTest::newRow("offset into 10000")
            << QStringLiteral("9999-12-31T23:30:00-01:00") << QDateTime();
        QTest::newRow("offset before year 1")
            << QStringLiteral("0001-01-01T00:30:00+01:00") << QDateTime();
    }

    // Whatever parse() accepts, toString() writes, and it reads back as the same time.
    void everyParsedTimePrints_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text :
             {"9999-12-31T23:59:59.9999", "9999-12-31T23:59:59.999999999Z",
              "9999-12-31T23:59:59,9999+00:00", "9999-12-31T22:59:59.9999-01:00",
              "0001-01-01T00:00:00Z", "0001-01-01T01:00:00.0001+01:00", "2016-04-21T19:12:48.5"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }

    void everyParsedTimePrints()
    {
        QFETCH(QString, text);
        const QDateTime parsed = WebexTime::parse(text);
        QVERIFY(parsed.isValid());
        const QString printed = WebexTime::toString(parsed);
        QVERIFY(!printed.isEmpty());
        QCOMPARE(WebexTime::parse(printed), parsed);
    }

    void time()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = WebexTime::parse(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
        }
    }

    void timeRoundTrip()
    {
        const QDateTime t = utc(2016, 4, 21, 19, 12, 48, 920);
        QCOMPARE(WebexTime::toString(t), QStringLiteral("2016-04-21T19:12:48.920Z"));
        QCOMPARE(WebexTime::parse(WebexTime::toString(t)), t);
    }

    // --- Person ------------------------------------------------------------------------------
    void personFull()
    {
        const QJsonObject o = json(
            R"({)"
            R"("id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hYmM",)"
            R"("emails": ["ada@example.com", "ada.l@example.com"],)"
            R"("phoneNumbers": [{"type": "work", "value": "+1 408 555 0100", "primary": true},)"
            R"({"type": "mobile", "value": "+1 408 555 0101"}],)"
            R"("displayName": "Ada Lovelace", "nickName": "Ada", "firstName": "Ada",)"
            R"("lastName": "Lovelace", "avatar": "https://avatar-prod-us-east-2.webexcontent.com/x~1600",)"
            R"("orgId": "ORG", "created": "2015-10-18T14:26:16.000Z",)"
            R"("lastModified": "2020-01-02T03:04:05Z", "lastActivity": "2024-05-06T07:08:09.123Z",)"
            R"("status": "DoNotDisturb", "type": "person", "timezone": "Europe/London",)"
            R"("invitePending": "false", "loginEnabled": true)"
            R"(})");
        QString error;
        const std::optional<Person> p = Person::fromJson(o, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->id, QStringLiteral("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hYmM"));
        QCOMPARE(p->displayName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(p->nickName, QStringLiteral("Ada"));
        QCOMPARE(p->firstName, QStringLiteral("Ada"));
        QCOMPARE(p->lastName, QStringLiteral("Lovelace"));
        QCOMPARE(p->orgId, QStringLiteral("ORG"));
        QCOMPARE(p->type, QStringLiteral("person"));
        QCOMPARE(p->status, QStringLiteral("DoNotDisturb"));
        QVERIFY(p->hasStatus());
        QCOMPARE(p->timezone, QStringLiteral("Europe/London"));
        QCOMPARE(p->emails.size(), 2);
        QCOMPARE(p->primaryEmail(), QStringLiteral("ada@example.com"));
        QCOMPARE(p->phoneNumbers.size(), 2);
        QCOMPARE(p->phoneNumbers.at(0).type, QStringLiteral("work"));
        QCOMPARE(p->phoneNumbers.at(0).value, QStringLiteral("+1 408 555 0100"));
        QVERIFY(p->phoneNumbers.at(0).primary);
        QVERIFY(!p->phoneNumbers.at(1).primary);
        QCOMPARE(p->avatar,
                 QUrl(QStringLiteral("https://avatar-prod-us-east-2.webexcontent.com/x~1600")));
        QCOMPARE(p->created, utc(2015, 10, 18, 14, 26, 16));
        QCOMPARE(p->lastModified, utc(2020, 1, 2, 3, 4, 5));
        QCOMPARE(p->lastActivity, utc(2024, 5, 6, 7, 8, 9, 123));
        QVERIFY(!p->invitePending);
        QVERIFY(p->loginEnabled);
    }

    void personMinimal()
    {
        const std::optional<Person> p = Person::fromJson(json(R"({"id":"P1"})"));
        QVERIFY(p);
        QCOMPARE(p->id, QStringLiteral("P1"));
        QVERIFY(p->displayName.isEmpty());
        QVERIFY(p->emails.isEmpty());
        QVERIFY(p->primaryEmail().isEmpty());
        QVERIFY(p->phoneNumbers.isEmpty());
        QVERIFY(!p->hasStatus());
        QVERIFY(p->avatar.isEmpty());
        QVERIFY(!p->created.isValid());
        QVERIFY(!p->lastActivity.isValid());
        QVERIFY(!p->invitePending);
        QVERIFY(!p->loginEnabled);
    }

    void personWrongTypes()
    {
        const std::optional<Person> p = Person::fromJson(json(
            R"({)"
            R"("id": "P2", "displayName": 42, "emails": "ada@example.com",)"
            R"("phoneNumbers": [17, {"value": 5}, {"type": "work", "value": "123", "primary": "true"}],)"
            R"("avatar": "javascript:alert", "created": 1461266000, "status": null,)"
            R"("invitePending": "true", "loginEnabled": "maybe")"
            R"(})"));
        QVERIFY(p);
        QVERIFY(p->displayName.isEmpty());
        QVERIFY(p->emails.isEmpty());
        QCOMPARE(p->phoneNumbers.size(), 1);
        QVERIFY(p->phoneNumbers.at(0).primary);
        QVERIFY(p->avatar.isEmpty());
        QVERIFY(!p->created.isValid());
        QVERIFY(!p->hasStatus());
        QVERIFY(p->invitePending);
        QVERIFY(!p->loginEnabled);
    }

    void personNonAscii()
    {
        // UTF-8 on the wire, as Webex sends it.
        const QString text = QString::fromUtf16(
            u"{\"id\":\"P3\",\"displayName\":\"J\u00fcrgen \u5c71\u7530 \U0001F600\","
            u"\"emails\":[\"j\u00fcrgen@b\u00fccher.example\"]}");
        const std::optional<Person> p =
            Person::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
        QVERIFY(p);
        QCOMPARE(p->displayName, QString::fromUtf16(u"J\u00fcrgen \u5c71\u7530 \U0001F600"));
        QCOMPARE(p->primaryEmail(), QString::fromUtf16(u"j\u00fcrgen@b\u00fccher.example"));
    }

    void personWithoutId_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("absent") << QByteArray(R"({"displayName":"Nobody"})");
        QTest::newRow("empty") << QByteArray(R"({"id":""})");
        QTest::newRow("number") << QByteArray(R"({"id":12})");
        QTest::newRow("empty object") << QByteArray("{}");
    }

    void personWithoutId()
    {
        QFETCH(QByteArray, text);
        QString error;
        QVERIFY(!Person::fromJson(json(text), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Person::fromJson(json(text))); // a null error pointer is fine
    }

    // --- Room --------------------------------------------------------------------------------
    void roomFull()
    {
        const std::optional<Room> r = Room::fromJson(json(
            R"({)"
            R"("id": "R1", "title": "Project Unicorn", "type": "group", "isLocked": true,)"
            R"("teamId": "T1", "lastActivity": "2016-04-21T19:12:48.920Z", "creatorId": "C1",)"
            R"("created": "2016-04-21T19:01:55.966Z", "ownerId": "O1", "isPublic": true,)"
            R"("isReadOnly": false, "isAnnouncementOnly": true, "description": "Unicorns only")"
            R"(})"));
        QVERIFY(r);
        QCOMPARE(r->id, QStringLiteral("R1"));
        QCOMPARE(r->title, QStringLiteral("Project Unicorn"));
        QCOMPARE(r->kind, Room::Kind::Group);
        QVERIFY(r->isLocked);
        QCOMPARE(r->teamId, QStringLiteral("T1"));
        QCOMPARE(r->lastActivity, utc(2016, 4, 21, 19, 12, 48, 920));
        QCOMPARE(r->created, utc(2016, 4, 21, 19, 1, 55, 966));
        QCOMPARE(r->creatorId, QStringLiteral("C1"));
        QCOMPARE(r->ownerId, QStringLiteral("O1"));
        QVERIFY(r->isPublic);
        QVERIFY(!r->isReadOnly);
        QVERIFY(r->isAnnouncementOnly);
        QCOMPARE(r->description, QStringLiteral("Unicorns only"));
    }

    void roomDirectMinimal()
    {
        const std::optional<Room> r =
            Room::fromJson(json(R"({"id":"R2","title":"Grace Hopper","type":"direct"})"));
        QVERIFY(r);
        QCOMPARE(r->kind, Room::Kind::Direct);
        QVERIFY(r->teamId.isEmpty());
        QVERIFY(r->description.isEmpty());
        QVERIFY(!r->lastActivity.isValid());
        QVERIFY(!r->isLocked);
        QVERIFY(!r->isAnnouncementOnly);
    }

    void roomWrongTypes()
    {
        const std::optional<Room> r = Room::fromJson(
            json(R"({)"
                 R"("id": "R3", "title": ["x"], "type": "meeting-room", "isLocked": "true",)"
                 R"("isPublic": 1, "lastActivity": "not a date", "teamId": {})"
                 R"(})"));
        QVERIFY(r);
        QVERIFY(r->title.isEmpty());
        QCOMPARE(r->kind, Room::Kind::Group);
        QVERIFY(r->isLocked);
        QVERIFY(!r->isPublic);
        QVERIFY(!r->lastActivity.isValid());
        QVERIFY(r->teamId.isEmpty());
    }

    void roomNonAscii()
    {
        const QString text =
            QString::fromUtf16(u"{\"id\":\"R4\",\"title\":\"\u00c9quipe \u2014 \u65e5\u672c\"}");
        const std::optional<Room> r =
            Room::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
        QVERIFY(r);
        QCOMPARE(r->title, QString::fromUtf16(u"\u00c9quipe \u2014 \u65e5\u672c"));
    }

    void roomWithoutId()
    {
        QString error;
        QVERIFY(!Room::fromJson(json(R"({"title":"No id"})"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Room::fromJson(json(R"({"id":null})")));
    }

    // --- Message -----------------------------------------------------------------------------
    void messageFull()
    {
        const std::optional<Message> m = Message::fromJson(
            json(R"({"id":"M1","roomId":"R1","roomType":"group","text":"hi *there*",)"
                 R"("markdown":"hi **there**","html":"<p>hi <strong>there</strong></p>",)"
                 R"("files":["https://webexapis.com/v1/contents/C1", 42, "not a url ::"],)"
                 R"("personId":"P1","personEmail":"p@example.com","parentId":"M0",)"
                 R"("created":"2024-02-03T04:05:06.789Z","updated":"2024-02-03T05:00:00Z"})"));
        QVERIFY(m);
        QCOMPARE(m->id, QStringLiteral("M1"));
        QCOMPARE(m->roomId, QStringLiteral("R1"));
        QCOMPARE(m->roomType, QStringLiteral("group"));
        QCOMPARE(m->text, QStringLiteral("hi *there*"));
        QCOMPARE(m->markdown, QStringLiteral("hi **there**"));
        QCOMPARE(m->html, QStringLiteral("<p>hi <strong>there</strong></p>"));
        QCOMPARE(m->files, QStringList{QStringLiteral("https://webexapis.com/v1/contents/C1")});
        QCOMPARE(m->personId, QStringLiteral("P1"));
        QCOMPARE(m->personEmail, QStringLiteral("p@example.com"));
        QCOMPARE(m->parentId, QStringLiteral("M0"));
        QCOMPARE(m->created, utc(2024, 2, 3, 4, 5, 6, 789));
        QCOMPARE(m->updated, utc(2024, 2, 3, 5, 0, 0));
    }

    void messageMinimalAndWrongTypes()
    {
        const std::optional<Message> m =
            Message::fromJson(json(R"({"id":"M2","text":7,"files":"x","created":null})"));
        QVERIFY(m);
        QVERIFY(m->text.isEmpty());
        QVERIFY(m->files.isEmpty());
        QVERIFY(m->markdown.isEmpty());
        QVERIFY(!m->created.isValid());
        QVERIFY(!m->updated.isValid());
    }

    void messageWithoutId()
    {
        QString error;
        QVERIFY(!Message::fromJson(json(R"({"text":"orphan"})"), &error));
        QVERIFY(!error.isEmpty());
    }

    // --- Team --------------------------------------------------------------------------------
    void teamFull()
    {
        const std::optional<Team> t = Team::fromJson(json(
            R"({"id":"T1","name":"Équipe","description":"d","created":"2020-01-02T03:04:05.000Z"})"));
        QVERIFY(t);
        QCOMPARE(t->name, QString::fromUtf8("Équipe"));
        QCOMPARE(t->description, QStringLiteral("d"));
        QCOMPARE(t->created, utc(2020, 1, 2, 3, 4, 5));
    }

    void teamWithoutId()
    {
        QString error;
        QVERIFY(!Team::fromJson(json(R"({"name":"x"})"), &error));
        QVERIFY(!error.isEmpty());
        const std::optional<Team> t = Team::fromJson(json(R"({"id":"T2","name":false})"));
        QVERIFY(t);
        QVERIFY(t->name.isEmpty());
    }

    // --- TokenSet ----------------------------------------------------------------------------
    void tokenFull()
    {
        const QDateTime received = utc(2024, 1, 1, 12, 0, 0);
        QString error;
        const std::optional<TokenSet> t = TokenSet::fromJson(
            json(R"({"access_token":"AT","expires_in":1209599,"refresh_token":"RT",)"
                 R"("refresh_token_expires_in":7775999,"token_type":"Bearer"})"),
            received, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->accessToken, QStringLiteral("AT"));
        QCOMPARE(t->refreshToken, QStringLiteral("RT"));
        QCOMPARE(t->tokenType, QStringLiteral("Bearer"));
        QCOMPARE(t->accessExpiresAt, received.addSecs(1209599));
        QCOMPARE(t->refreshExpiresAt, received.addSecs(7775999));
        QCOMPARE(t->accessExpiresAt.timeSpec(), Qt::UTC);
        QVERIFY(t->hasRefreshToken());
        QVERIFY(!t->isAccessExpired(received));
        QVERIFY(t->isAccessExpired(received.addSecs(1209599)));
        QVERIFY(t->isAccessExpired(received.addSecs(1209599 - 60), 120));
    }

    void tokenLocalReceivedTimeIsConverted()
    {
        const QDateTime receivedUtc = utc(2024, 6, 1, 8, 0, 0);
        const std::optional<TokenSet> t = TokenSet::fromJson(
            json(R"({"access_token":"AT","expires_in":60})"), receivedUtc.toLocalTime());
        QVERIFY(t);
        QCOMPARE(t->accessExpiresAt, receivedUtc.addSecs(60));
        QCOMPARE(t->accessExpiresAt.timeSpec(), Qt::UTC);
    }

    void tokenMinimal()
    {
        const std::optional<TokenSet> t =
            TokenSet::fromJson(json(R"({"access_token":"AT"})"), QDateTime::currentDateTimeUtc());
        QVERIFY(t);
        QVERIFY(t->refreshToken.isEmpty());
        QVERIFY(!t->hasRefreshToken());
        QCOMPARE(t->tokenType, QStringLiteral("Bearer"));
        QVERIFY(!t->accessExpiresAt.isValid());
        QVERIFY(!t->refreshExpiresAt.isValid());
        QVERIFY(!t->isAccessExpired(QDateTime::currentDateTimeUtc()));
    }

    void tokenWrongTypes()
    {
        const QDateTime received = utc(2024, 1, 1, 0, 0, 0);
        const std::optional<TokenSet> t = TokenSet::fromJson(
            json(R"({"access_token":"AT","expires_in":"3600","refresh_token":17,)"
                 R"("refresh_token_expires_in":-5,"token_type":null})"),
            received);
        QVERIFY(t);
        QCOMPARE(t->accessExpiresAt, received.addSecs(3600)); // numeric strings are accepted
        QVERIFY(t->refreshToken.isEmpty());
        QVERIFY(!t->refreshExpiresAt.isValid());
    }

    void tokenWithoutAccessToken_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("absent") << QByteArray(R"({"refresh_token":"RT"})");
        QTest::newRow("empty") << QByteArray(R"({"access_token":""})");
        QTest::newRow("number") << QByteArray(R"({"access_token":5})");
        QTest::newRow("oauth error")
            << QByteArray(R"({"error":"invalid_grant","error_description":"used code"})");
    }

    void tokenWithoutAccessToken()
    {
        QFETCH(QByteArray, text);
        QString error;
        QVERIFY(!TokenSet::fromJson(json(text), QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(!error.isEmpty());
    }

    void mergeKeepsOldRefreshToken()
    {
        const QDateTime t0 = utc(2024, 1, 1, 0, 0, 0);
        const TokenSet first = *TokenSet::fromJson(
            json(R"({"access_token":"A1","expires_in":100,"refresh_token":"R1",)"
                 R"("refresh_token_expires_in":1000})"),
            t0);
        const QDateTime t1 = t0.addSecs(50);
        const TokenSet refreshed =
            *TokenSet::fromJson(json(R"({"access_token":"A2","expires_in":100})"), t1);

        const TokenSet merged = first.mergedWithRefresh(refreshed);
        QCOMPARE(merged.accessToken, QStringLiteral("A2"));
        QCOMPARE(merged.accessExpiresAt, t1.addSecs(100));
        QCOMPARE(merged.refreshToken, QStringLiteral("R1"));
        QCOMPARE(merged.refreshExpiresAt, t0.addSecs(1000));
    }

    void mergeTakesNewRefreshToken()
    {
        const QDateTime t0 = utc(2024, 1, 1, 0, 0, 0);
        const TokenSet first = *TokenSet::fromJson(
            json(R"({"access_token":"A1","refresh_token":"R1","refresh_token_expires_in":10})"),
            t0);
        const TokenSet refreshed = *TokenSet::fromJson(
            json(R"({"access_token":"A2","refresh_token":"R2","refresh_token_expires_in":99})"),
            t0.addSecs(5));
        const TokenSet merged = first.mergedWithRefresh(refreshed);
        QCOMPARE(merged.refreshToken, QStringLiteral("R2"));
        QCOMPARE(merged.refreshExpiresAt, t0.addSecs(104));
    }
};

QTEST_GUILESS_MAIN(TestModelParsing)
#include "tst_modelparsing.moc"
