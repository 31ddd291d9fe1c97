// ActivityIds: activity uuids to Webex REST ids and back, on the worked examples of
// docs/LIVE-EVENTS.md section 5.3 (each one an id in Webex's own documentation).

#include "live/activityids.h"

#include <QTest>

using namespace ActivityIds;

namespace {

const QString MessageUuid = QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d");
const QString RoomUuid = QStringLiteral("bbceb1ad-43f1-3b58-9147-f14bb0c4d154");
const QString PersonUuid = QStringLiteral("f5b36187-c8dd-4727-8b2f-f9c447f29046");
const QString MessageId = QStringLiteral(
    "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk");
const QString RoomId =
    QStringLiteral("Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0");
const QString PersonId = QStringLiteral(
    "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY");
const QString MembershipId = QStringLiteral(
    "Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2OmJiY2"
    "ViMWFkLTQzZjEtM2I1OC05MTQ3LWYxNGJiMGM0ZDE1NA");

QString base64Of(const QByteArray &plain, QByteArray::Base64Options options)
{
    return QString::fromLatin1(plain.toBase64(options));
}

} // namespace

class TestActivityIds : public QObject
{
    Q_OBJECT

private slots:
    void encodesTheDocumentedIds_data();
    void encodesTheDocumentedIds();
    void decodesTheDocumentedIds_data();
    void decodesTheDocumentedIds();
    void peopleAndOrganizationsAreAlwaysInUs();
    void otherClustersRoundTrip();
    void decodingAcceptsPaddingAndEitherAlphabet();
    void decodingRefusesWhatIsNoId_data();
    void decodingRefusesWhatIsNoId();
    void encodingRefusesPartsThatWouldNotReadBack();
    void contentIdsCarryTheirFileIndex();
    void clusterComesFromTheGlobalIdOrTheKnownRoom();
    void uuidOfAcceptsEitherForm();
    void toRestIdEncodesUuidsAndKeepsRestIds();
};

void TestActivityIds::encodesTheDocumentedIds_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("uuid");
    QTest::addColumn<QString>("restId");
    QTest::newRow("message") << int(Type::Message) << MessageUuid << MessageId;
    QTest::newRow("room") << int(Type::Room) << RoomUuid << RoomId;
    QTest::newRow("people (59 bytes: no padding)") << int(Type::People) << PersonUuid << PersonId;
    QTest::newRow("membership") << int(Type::Membership) << PersonUuid + QLatin1Char(':') + RoomUuid
                                << MembershipId;
}

void TestActivityIds::encodesTheDocumentedIds()
{
    QFETCH(int, type);
    QFETCH(QString, uuid);
    QFETCH(QString, restId);
    QCOMPARE(encode(Type(type), uuid), restId);
    QCOMPARE(encode(Type(type), uuid, QString()), restId); // empty cluster: "us"
    QVERIFY(!restId.contains(QLatin1Char('=')));
}

void TestActivityIds::decodesTheDocumentedIds_data()
{
    QTest::addColumn<QString>("restId");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("uuid");
    QTest::newRow("message") << MessageId << "MESSAGE" << MessageUuid;
    QTest::newRow("room") << RoomId << "ROOM" << RoomUuid;
    QTest::newRow("people") << PersonId << "PEOPLE" << PersonUuid;
    QTest::newRow("membership (a ':' in the uuid)")
        << MembershipId << "MEMBERSHIP" << PersonUuid + QLatin1Char(':') + RoomUuid;
}

void TestActivityIds::decodesTheDocumentedIds()
{
    QFETCH(QString, restId);
    QFETCH(QString, type);
    QFETCH(QString, uuid);
    const std::optional<Decoded> decoded = decode(restId);
    QVERIFY(decoded);
    QCOMPARE(decoded->cluster, QStringLiteral("us"));
    QCOMPARE(decoded->type, type);
    QCOMPARE(decoded->uuid, uuid);
}

void TestActivityIds::peopleAndOrganizationsAreAlwaysInUs()
{
    const QString eu = QStringLiteral("urn:TEAM:eu-central-1_k");
    QCOMPARE(encode(Type::People, PersonUuid, eu), PersonId);
    const QString org = encode(Type::Organization, PersonUuid, eu);
    QCOMPARE(decode(org)->cluster, QStringLiteral("us"));
    QCOMPARE(decode(org)->type, QStringLiteral("ORGANIZATION"));
    // A space's own things do follow its cluster.
    QCOMPARE(decode(encode(Type::Message, MessageUuid, eu))->cluster, eu);
}

void TestActivityIds::otherClustersRoundTrip()
{
    // The form of the cluster in Webex's documented TABS ids.
    const QString cluster = QStringLiteral("urn:TEAM:us-east-2_a");
    const QString id = encode(Type::Room, RoomUuid, cluster);
    QCOMPARE(QString::fromLatin1(QByteArray::fromBase64(id.toLatin1())),
             QStringLiteral("ciscospark://urn:TEAM:us-east-2_a/ROOM/") + RoomUuid);
    const std::optional<Decoded> decoded = decode(id);
    QVERIFY(decoded);
    QCOMPARE(decoded->cluster, cluster);
    QCOMPARE(decoded->uuid, RoomUuid);
}

void TestActivityIds::decodingAcceptsPaddingAndEitherAlphabet()
{
    // PEOPLE needs one "=" that Webex drops; given back with it, it is the same id.
    QCOMPARE(decode(PersonId + QLatin1Char('='))->uuid, PersonUuid);
    // Wrong padding is no id.
    QVERIFY(!decode(PersonId + QStringLiteral("==")));
    QVERIFY(!decode(MessageId + QLatin1Char('=')));

    // Ids never need "+" or "/" (section 5.1), so build plain text that does, to see that the
    // URL-safe alphabet ("-", "_") is read as well as the standard one.
    const QByteArray plain = "ciscospark://us/ROOM/~~~?>>~a";
    const QString standard = base64Of(plain, QByteArray::Base64Encoding);
    const QString urlSafe =
        base64Of(plain, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QVERIFY(standard.contains(QLatin1Char('+')) || standard.contains(QLatin1Char('/')));
    QVERIFY(urlSafe.contains(QLatin1Char('-')) || urlSafe.contains(QLatin1Char('_')));
    QCOMPARE(decode(standard)->uuid, QStringLiteral("~~~?>>~a"));
    QCOMPARE(decode(urlSafe)->uuid, QStringLiteral("~~~?>>~a"));
}

void TestActivityIds::decodingRefusesWhatIsNoId_data()
{
    QTest::addColumn<QString>("text");
    const auto of = [](const QByteArray &plain) { return base64Of(plain, {}); };
    QTest::newRow("empty") << QString();
    QTest::newRow("a uuid") << MessageUuid;
    QTest::newRow("not base64") << QStringLiteral("not an id!");
    QTest::newRow("padding in the middle")
        << MessageId.left(8) + QLatin1Char('=') + MessageId.mid(9);
    QTest::newRow("impossible length") << MessageId + QLatin1Char('A');
    QTest::newRow("other scheme") << of("https://us/ROOM/" + RoomUuid.toLatin1());
    QTest::newRow("too few parts") << of("ciscospark://us/ROOM");
    QTest::newRow("too many parts") << of("ciscospark://us/ROOM/a/b");
    QTest::newRow("empty cluster") << of("ciscospark:///ROOM/" + RoomUuid.toLatin1());
    QTest::newRow("empty uuid") << of("ciscospark://us/ROOM/");
    QTest::newRow("lower-case type") << of("ciscospark://us/room/" + RoomUuid.toLatin1());
    QTest::newRow("a space in it") << of("ciscospark://us/ROOM/a b");
    QTest::newRow("not ASCII") << of("ciscospark://us/ROOM/\xC3\xA9");
    QTest::newRow("a NUL") << of(QByteArray("ciscospark://us/ROOM/a\0b", 25));
    QTest::newRow("content without index") << of("ciscospark://us/CONTENT/" + RoomUuid.toLatin1());
    QTest::newRow("too long") << QString(MaxRestIdLength + 4, QLatin1Char('Q'));
}

void TestActivityIds::decodingRefusesWhatIsNoId()
{
    QFETCH(QString, text);
    QVERIFY(!decode(text));
    if (!isUuid(text))
        QVERIFY(uuidOf(text).isEmpty());
}

void TestActivityIds::encodingRefusesPartsThatWouldNotReadBack()
{
    QVERIFY(encode(Type::Message, QString()).isEmpty());
    QVERIFY(encode(Type::Message, QStringLiteral("a/b")).isEmpty());
    QVERIFY(encode(Type::Message, MessageUuid, QStringLiteral("u/s")).isEmpty());
    QVERIFY(encode(Type::Message, QStringLiteral("a b")).isEmpty());
    QVERIFY(encode(Type::Message, QStringLiteral("caf\u00e9")).isEmpty());
}

void TestActivityIds::contentIdsCarryTheirFileIndex()
{
    const QString id = encode(Type::Content, MessageUuid + QStringLiteral("/0"));
    QVERIFY(!id.isEmpty());
    const std::optional<Decoded> decoded = decode(id);
    QVERIFY(decoded);
    QCOMPARE(decoded->type, QStringLiteral("CONTENT"));
    QCOMPARE(decoded->uuid, MessageUuid + QStringLiteral("/0"));
    QVERIFY(encode(Type::Content, MessageUuid + QStringLiteral("/0/1")).isEmpty());
}

void TestActivityIds::clusterComesFromTheGlobalIdOrTheKnownRoom()
{
    const QString eu = QStringLiteral("urn:TEAM:eu-central-1_k");
    const QString euRoom = encode(Type::Room, RoomUuid, eu);
    QCOMPARE(clusterOf(euRoom, RoomUuid), eu);
    QCOMPARE(clusterOf(euRoom, RoomUuid.toUpper()), eu);
    QCOMPARE(clusterOf(RoomId, RoomUuid), QStringLiteral("us"));
    // A global id of another space, or of a message, says nothing about this one.
    QCOMPARE(clusterOf(encode(Type::Room, MessageUuid, eu), RoomUuid), QStringLiteral("us"));
    QCOMPARE(clusterOf(encode(Type::Message, RoomUuid, eu), RoomUuid), QStringLiteral("us"));
    // Then the room id the app holds for it.
    QCOMPARE(clusterOf(QString(), RoomUuid, euRoom), eu);
    QCOMPARE(clusterOf(QStringLiteral("garbage"), RoomUuid, euRoom), eu);
    // Then "us".
    QCOMPARE(clusterOf(QString(), RoomUuid), QStringLiteral("us"));
    QCOMPARE(clusterOf(euRoom, QString()), QStringLiteral("us"));
    // The space given by its REST id works too.
    QCOMPARE(clusterOf(euRoom, euRoom), eu);
}

void TestActivityIds::uuidOfAcceptsEitherForm()
{
    QCOMPARE(uuidOf(MessageUuid), MessageUuid);
    QCOMPARE(uuidOf(MessageUuid.toUpper()), MessageUuid);
    QCOMPARE(uuidOf(QLatin1Char('{') + MessageUuid + QLatin1Char('}')), MessageUuid);
    QCOMPARE(uuidOf(MessageId), MessageUuid);
    QCOMPARE(uuidOf(MembershipId), PersonUuid + QLatin1Char(':') + RoomUuid);
    QVERIFY(isUuid(MessageUuid));
    QVERIFY(!isUuid(MessageUuid.left(35)));
    QVERIFY(!isUuid(QStringLiteral("00000000-0000-0000-0000-000000000000")));
    QVERIFY(!isUuid(MessageUuid + QStringLiteral(":x")));
    QVERIFY(!isUuid(QLatin1Char('{') + MessageUuid));
    QVERIFY(!isUuid(QString(MessageUuid).replace(8, 1, QLatin1Char('x'))));
}

void TestActivityIds::toRestIdEncodesUuidsAndKeepsRestIds()
{
    QCOMPARE(toRestId(Type::Message, MessageUuid), MessageId);
    QCOMPARE(toRestId(Type::Message, MessageUuid.toUpper()), MessageId);
    QCOMPARE(toRestId(Type::Message, MessageId, QStringLiteral("urn:TEAM:eu-central-1_k")),
             MessageId); // a REST id from Webex is used as it is
    QCOMPARE(toRestId(Type::Membership, PersonUuid + QLatin1Char(':') + RoomUuid), MembershipId);
    QVERIFY(toRestId(Type::Message, QStringLiteral("not an id")).isEmpty());
    QVERIFY(toRestId(Type::Membership, PersonUuid + QStringLiteral(":x")).isEmpty());
}

QTEST_GUILESS_MAIN(TestActivityIds)
#include "tst_activityids.moc"
