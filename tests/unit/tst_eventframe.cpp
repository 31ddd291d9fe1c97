// EventFrame and ActivityEvent: every example frame of docs/LIVE-EVENTS.md section 4.3 (and the
// envelopes of 3.2), the verb table of 4.2, and hostile input: size, nesting, wrong types,
// missing ids, invalid UTF-8. A frame of any bytes gives a value, never a crash.

#include "live/activityids.h"
#include "live/eventframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QString MessageUuid = QStringLiteral("92db3be0-43bd-11e6-8ae9-dd5b3dfc565d");
const QString RoomUuid = QStringLiteral("bbceb1ad-43f1-3b58-9147-f14bb0c4d154");
const QString MeUuid = QStringLiteral("f5b36187-c8dd-4727-8b2f-f9c447f29046");
const QString AdaUuid = QStringLiteral("6bb085fa-f6b2-4210-b267-be0fdebb07c4");
const QString RoomId =
    QStringLiteral("Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0");
const QByteArray FrameId = "2f6d1b0a-8f6e-4a44-9b1c-5d2e7f0a9c33";

// The envelope of section 3.3 around an activity.
QByteArray envelope(const QByteArray &activity, const QByteArray &sequence = "42")
{
    return "{\"id\":\"" + FrameId +
           "\",\"data\":{\"eventType\":\"conversation.activity\",\"activity\":" + activity +
           "},\"timestamp\":1715000000123,\"trackingId\":\"x\",\"alertType\":\"full\","
           "\"headers\":{},\"sequenceNumber\":" +
           sequence + ",\"filterMessage\":false,\"wsWriteTimestamp\":1715000000120}";
}

// The examples of section 4.3, with the "..." of the text filled in.
const QByteArray Actor = R"({"id":"6bb085fa-f6b2-4210-b267-be0fdebb07c4","objectType":"person",)"
                         R"("entryUUID":"6bb085fa-f6b2-4210-b267-be0fdebb07c4",)"
                         R"("emailAddress":"ada@example.com","displayName":"Ada Lovelace",)"
                         R"("orgId":"1eb65fdf-9643-417f-9974-ad72cae0e10f"})";
const QByteArray Target =
    R"({"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation",)"
    R"("url":"https://conv-a.wbx2.com/conversation/api/v1/conversations/)"
    R"(bbceb1ad-43f1-3b58-9147-f14bb0c4d154","tags":[],)"
    R"("globalId":"Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0"})";

QByteArray post(const QByteArray &id, const QByteArray &parent = {})
{
    return R"({"id":")" + id +
           R"(","objectType":"activity","verb":"post",)"
           R"("published":"2024-05-06T07:08:09.123Z","actor":)" +
           Actor +
           R"(,"object":{"objectType":"comment","displayName":"eyJhbGciOi..JWE",)"
           R"("mentions":{"items":[{"id":"f5b36187-c8dd-4727-8b2f-f9c447f29046",)"
           R"("objectType":"person"}]}},"target":)" +
           Target + (parent.isEmpty() ? QByteArray() : ",\"parent\":" + parent) +
           R"(,"clientTempId":"tmp-1","encryptionKeyUrl":"kms://kms-cisco.wbx2.com/keys/k"})";
}

const QByteArray Share =
    R"({"id":"0f0e0d0c-0b0a-4909-8807-060504030201","objectType":"activity","verb":"share",)"
    R"("actor":{"entryUUID":"6bb085fa-f6b2-4210-b267-be0fdebb07c4"},)"
    R"("object":{"objectType":"content","files":{"items":[{"displayName":"a.pdf"}]}},)"
    R"("target":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation"}})";
const QByteArray ScanResult =
    R"({"id":"1f0e0d0c-0b0a-4909-8807-060504030201","verb":"update","objectType":"activity",)"
    R"("actor":{"entryUUID":"6bb085fa-f6b2-4210-b267-be0fdebb07c4"},)"
    R"("object":{"objectType":"content","contentCategory":"documents",)"
    R"("files":{"items":[{"malwareQuarantineState":"safe"}]}},)"
    R"("target":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation",)"
    R"("url":"https://conv-a.wbx2.com/conversation/api/v1/conversations/x"}})";
const QByteArray Deletion =
    R"({"id":"2f0e0d0c-0b0a-4909-8807-060504030201","verb":"delete","objectType":"activity",)"
    R"("published":"2024-05-06T07:09:00.000Z","actor":)" +
    Actor +
    R"(,"object":{"id":"92db3be0-43bd-11e6-8ae9-dd5b3dfc565d","objectType":"activity"},)"
    R"("target":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation",)"
    R"("url":"https://conv-a.wbx2.com/x","tags":[]}})";
const QByteArray ReadReceipt =
    R"({"id":"3f0e0d0c-0b0a-4909-8807-060504030201","verb":"acknowledge","objectType":"activity",)"
    R"("published":"2024-05-06T07:10:00.000Z",)"
    R"("actor":{"entryUUID":"f5b36187-c8dd-4727-8b2f-f9c447f29046",)"
    R"("id":"f5b36187-c8dd-4727-8b2f-f9c447f29046","objectType":"person"},)"
    R"("object":{"id":"92db3be0-43bd-11e6-8ae9-dd5b3dfc565d","objectType":"activity"},)"
    R"("target":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation"}})";

QByteArray membership(const QByteArray &verb)
{
    return R"({"id":"4f0e0d0c-0b0a-4909-8807-060504030201","verb":")" + verb +
           R"(","objectType":"activity","published":"2024-05-06T07:11:00.000Z","actor":)" + Actor +
           R"(,"object":{"id":"f5b36187-c8dd-4727-8b2f-f9c447f29046",)"
           R"("entryUUID":"f5b36187-c8dd-4727-8b2f-f9c447f29046","objectType":"person",)"
           R"("emailAddress":"me@example.com","displayName":"Me"},)"
           R"("target":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation"}})";
}

QByteArray withField(const QByteArray &activity, const QString &path, const QJsonValue &value)
{
    // Replaces (or removes, for an undefined value) one field, by a dotted path.
    QJsonObject root = QJsonDocument::fromJson(activity).object();
    const QStringList keys = path.split(QLatin1Char('.'));
    std::function<void(QJsonObject &, int)> set = [&](QJsonObject &object, int depth) {
        if (depth == keys.size() - 1) {
            if (value.isUndefined())
                object.remove(keys.at(depth));
            else
                object.insert(keys.at(depth), value);
            return;
        }
        QJsonObject inner = object.value(keys.at(depth)).toObject();
        set(inner, depth + 1);
        object.insert(keys.at(depth), inner);
    };
    set(root, 0);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

EventFrame parsed(const QByteArray &bytes)
{
    return EventFrame::parse(bytes);
}

} // namespace

Q_DECLARE_METATYPE(ActivityEvent::Kind)

class TestEventFrame : public QObject
{
    Q_OBJECT

private slots:
    // Section 3.2 and 3.3: the envelopes.
    void readinessFrames_data();
    void readinessFrames();
    void pongCarriesItsId();
    void shutdownFrame();
    void otherEventTypesAreOther();
    void sequenceNumberOnlyWhenWhole_data();
    void sequenceNumberOnlyWhenWhole();

    // Section 4.3: the examples.
    void aMessage();
    void aReply();
    void anEdit();
    void aFileAndItsScanResult();
    void aDeletion();
    void aReadReceipt();
    void beingAddedAndLeaving();
    void aNewSpace();

    // Section 4.2: the verb table.
    void verbTable_data();
    void verbTable();

    // Hostile input.
    void tooLargeIsRefusedUnread();
    void deepNestingIsRefused();
    void notAnObject_data();
    void notAnObject();
    void frameIdOfWrongTypeOrSize();
    void wrongTypesOfRequiredFields_data();
    void wrongTypesOfRequiredFields();
    void missingIds_data();
    void missingIds();
    void restIdsAreAcceptedAsIds();
    void optionalFieldsOfWrongTypeAreLeftEmpty();
    void longNamesAreCutAndLongVerbsRefused();
    void invalidUtf8();
    void unknownVerbsAreNoError();
};

void TestEventFrame::readinessFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("buffer_state") << QByteArray(
        R"({"id":"0b6a5c1e-1","data":{"eventType":"mercury.buffer_state",)"
        R"("bufferState":{"conversation":"UNKNOWN","locus":"UNKNOWN"}},)"
        R"("timestamp":1715000000000,"trackingId":"t","sequenceNumber":1})");
    QTest::newRow("registration_status")
        << QByteArray(R"({"id":"0b6a5c1e-1","data":{"eventType":"mercury.registration_status",)"
                      R"("bufferState":{},"localClusterServiceUrls":{}},"sequenceNumber":1})");
}

void TestEventFrame::readinessFrames()
{
    QFETCH(QByteArray, bytes);
    const EventFrame frame = parsed(bytes);
    QCOMPARE(frame.type, EventFrame::Type::Readiness);
    QCOMPARE(frame.id, QStringLiteral("0b6a5c1e-1"));
    QCOMPARE(frame.sequenceNumber, std::optional<qint64>(1));
}

void TestEventFrame::pongCarriesItsId()
{
    const EventFrame frame = parsed(R"({"id":"9c0e2f64-aa","type":"pong"})");
    QCOMPARE(frame.type, EventFrame::Type::Pong);
    QCOMPARE(frame.id, QStringLiteral("9c0e2f64-aa"));
    QVERIFY(!frame.sequenceNumber);
    // A pong without an id answers no ping.
    QCOMPARE(parsed(R"({"type":"pong"})").type, EventFrame::Type::Invalid);
}

void TestEventFrame::shutdownFrame()
{
    const EventFrame frame = parsed(R"({"id":"s-1","type":"shutdown","sequenceNumber":7})");
    QCOMPARE(frame.type, EventFrame::Type::Shutdown);
    QCOMPARE(frame.id, QStringLiteral("s-1"));
    QCOMPARE(frame.sequenceNumber, std::optional<qint64>(7));
}

void TestEventFrame::otherEventTypesAreOther()
{
    const EventFrame typing = parsed(
        R"({"id":"o-1","data":{"eventType":"status.start_typing","actor":{}},"sequenceNumber":3})");
    QCOMPARE(typing.type, EventFrame::Type::Other);
    QCOMPARE(typing.eventType, QStringLiteral("status.start_typing"));
    QCOMPARE(typing.id, QStringLiteral("o-1"));
    QCOMPARE(parsed(R"({"id":"o-2","type":"ack"})").type, EventFrame::Type::Other);
    QCOMPARE(parsed(R"({"id":"o-3","data":{}})").type, EventFrame::Type::Other);
    QCOMPARE(parsed(R"({})").type, EventFrame::Type::Other);
}

void TestEventFrame::sequenceNumberOnlyWhenWhole_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected"); // -1: none
    QTest::newRow("integer") << QByteArray("42") << qint64(42);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("2^53") << QByteArray("9007199254740992") << (qint64(1) << 53);
    QTest::newRow("beyond 2^53") << QByteArray("1e300") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("4.5") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
    QTest::newRow("string") << QByteArray("\"42\"") << qint64(-1);
    QTest::newRow("null") << QByteArray("null") << qint64(-1);
    QTest::newRow("object") << QByteArray("{}") << qint64(-1);
}

void TestEventFrame::sequenceNumberOnlyWhenWhole()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    const EventFrame frame = parsed(envelope(post(MessageUuid.toLatin1()), value));
    QCOMPARE(frame.type, EventFrame::Type::Activity); // the frame is used either way
    QCOMPARE(frame.sequenceNumber.value_or(-1), expected);
}

void TestEventFrame::aMessage()
{
    const EventFrame frame = parsed(envelope(post(MessageUuid.toLatin1())));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.id, QString::fromLatin1(FrameId));
    QCOMPARE(frame.sequenceNumber, std::optional<qint64>(42));
    const ActivityEvent &event = frame.activity;
    QCOMPARE(event.kind, ActivityEvent::Kind::Posted);
    QCOMPARE(event.frameId, QString::fromLatin1(FrameId));
    QCOMPARE(event.verb, QStringLiteral("post"));
    QCOMPARE(event.activityUuid, MessageUuid);
    QCOMPARE(event.objectType, QStringLiteral("comment"));
    QCOMPARE(event.actorUuid, AdaUuid);
    QCOMPARE(event.actorEmail, QStringLiteral("ada@example.com"));
    QCOMPARE(event.actorName, QStringLiteral("Ada Lovelace"));
    QCOMPARE(event.spaceUuid, RoomUuid);
    QCOMPARE(event.spaceGlobalId, RoomId);
    QCOMPARE(event.published,
             QDateTime::fromString(QStringLiteral("2024-05-06T07:08:09.123Z"), Qt::ISODateWithMs));
    QCOMPARE(event.mentionedUuids, QStringList{MeUuid});
    QVERIFY(!event.isDirect);
    QVERIFY(!event.hasFiles);
    QVERIFY(event.parentUuid.isEmpty());
    QVERIFY(event.isBy(AdaUuid));
    QVERIFY(event.isBy(AdaUuid.toUpper()));
    QVERIFY(event.isBy(ActivityIds::encode(ActivityIds::Type::People, AdaUuid)));
    QVERIFY(!event.isBy(MeUuid));
    QVERIFY(!event.isBy(QString()));
    // What the app fetches: the documented message id.
    QCOMPARE(ActivityIds::toRestId(ActivityIds::Type::Message, event.activityUuid,
                                   ActivityIds::clusterOf(event.spaceGlobalId, event.spaceUuid)),
             QStringLiteral("Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTkt"
                            "ZGQ1YjNkZmM1NjVk"));
}

void TestEventFrame::aReply()
{
    const QByteArray reply =
        post("5a0e0d0c-0b0a-4909-8807-060504030201",
             R"({"id":"92db3be0-43bd-11e6-8ae9-dd5b3dfc565d","type":"reply"})");
    const EventFrame frame = parsed(envelope(reply));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Replied);
    QCOMPARE(frame.activity.parentUuid, MessageUuid);
    QCOMPARE(frame.activity.parentType, QStringLiteral("reply"));
    QCOMPARE(frame.activity.activityUuid, QStringLiteral("5a0e0d0c-0b0a-4909-8807-060504030201"));
}

void TestEventFrame::anEdit()
{
    const QByteArray edit = post("6a0e0d0c-0b0a-4909-8807-060504030201",
                                 R"({"id":"92db3be0-43bd-11e6-8ae9-dd5b3dfc565d","type":"edit"})");
    const EventFrame frame = parsed(envelope(edit));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Edited);
    QCOMPARE(frame.activity.verb, QStringLiteral("post")); // edits are posts, not updates
    QCOMPARE(frame.activity.parentUuid, MessageUuid);      // the edited message
}

void TestEventFrame::aFileAndItsScanResult()
{
    const EventFrame share = parsed(envelope(Share));
    QCOMPARE(share.type, EventFrame::Type::Activity);
    QCOMPARE(share.activity.kind, ActivityEvent::Kind::Posted);
    QCOMPARE(share.activity.objectType, QStringLiteral("content"));
    QVERIFY(share.activity.hasFiles);

    const EventFrame scanned = parsed(envelope(ScanResult));
    QCOMPARE(scanned.type, EventFrame::Type::Activity);
    QCOMPARE(scanned.activity.kind, ActivityEvent::Kind::ContentUpdated);
    QCOMPARE(scanned.activity.spaceUuid, RoomUuid);
    QVERIFY(scanned.activity.spaceGlobalId.isEmpty()); // no globalId in this one
}

void TestEventFrame::aDeletion()
{
    const EventFrame frame = parsed(envelope(Deletion));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Deleted);
    QCOMPARE(frame.activity.objectUuid, MessageUuid);
    QCOMPARE(frame.activity.spaceUuid, RoomUuid);
}

void TestEventFrame::aReadReceipt()
{
    const EventFrame frame = parsed(envelope(ReadReceipt));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Acknowledged);
    QCOMPARE(frame.activity.objectUuid, MessageUuid);
    QVERIFY(frame.activity.isBy(MeUuid));
    QVERIFY(frame.activity.actorName.isEmpty());
}

void TestEventFrame::beingAddedAndLeaving()
{
    const EventFrame added = parsed(envelope(membership("add")));
    QCOMPARE(added.type, EventFrame::Type::Activity);
    QCOMPARE(added.activity.kind, ActivityEvent::Kind::Added);
    QCOMPARE(added.activity.objectUuid, MeUuid);
    QVERIFY(added.activity.isAbout(MeUuid));
    QVERIFY(!added.activity.isAbout(AdaUuid));
    QVERIFY(added.activity.isBy(AdaUuid));

    const EventFrame left = parsed(envelope(membership("leave")));
    QCOMPARE(left.type, EventFrame::Type::Activity);
    QCOMPARE(left.activity.kind, ActivityEvent::Kind::Left);
    QVERIFY(left.activity.isAbout(MeUuid));

    // The person named by entryUUID wins over object.id.
    const QByteArray other =
        withField(membership("add"), QStringLiteral("object.entryUUID"), AdaUuid);
    QCOMPARE(parsed(envelope(other)).activity.objectUuid, AdaUuid);
}

void TestEventFrame::aNewSpace()
{
    const QByteArray create =
        R"({"id":"7f0e0d0c-0b0a-4909-8807-060504030201","verb":"create","actor":)" + Actor +
        R"(,"object":{"id":"bbceb1ad-43f1-3b58-9147-f14bb0c4d154","objectType":"conversation",)"
        R"("participants":{"items":[]}}})";
    const EventFrame frame = parsed(envelope(create));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Created);
    QCOMPARE(frame.activity.spaceUuid, RoomUuid);
    QCOMPARE(frame.activity.objectUuid, RoomUuid);
}

void TestEventFrame::verbTable_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("parentType");
    QTest::addColumn<QString>("objectType");
    QTest::addColumn<ActivityEvent::Kind>("kind");
    using K = ActivityEvent::Kind;
    const QString none;
    QTest::newRow("post") << "post" << none << "comment" << K::Posted;
    QTest::newRow("post reply") << "post"
                                << "reply"
                                << "comment" << K::Replied;
    QTest::newRow("post edit") << "post"
                               << "edit"
                               << "comment" << K::Edited;
    QTest::newRow("post other parent") << "post"
                                       << "cardAction"
                                       << "comment" << K::Posted;
    QTest::newRow("share") << "share" << none << "content" << K::Posted;
    QTest::newRow("share reply") << "share"
                                 << "reply"
                                 << "content" << K::Replied;
    QTest::newRow("update content") << "update" << none << "content" << K::ContentUpdated;
    QTest::newRow("update space") << "update" << none << "conversation" << K::SpaceChanged;
    QTest::newRow("assign") << "assign" << none << "conversation" << K::SpaceChanged;
    QTest::newRow("unassign") << "unassign" << none << none << K::SpaceChanged;
    QTest::newRow("delete") << "delete" << none << "activity" << K::Deleted;
    QTest::newRow("tombstone") << "tombstone" << none << "activity" << K::Deleted;
    QTest::newRow("acknowledge") << "acknowledge" << none << "activity" << K::Acknowledged;
    QTest::newRow("add person") << "add" << none << "person" << K::Added;
    QTest::newRow("add reaction") << "add"
                                  << "reaction"
                                  << "reaction2" << K::Ignored;
    QTest::newRow("add reaction, no parent") << "add" << none << "reaction2" << K::Ignored;
    QTest::newRow("leave") << "leave" << none << "person" << K::Left;
    QTest::newRow("create") << "create" << none << "conversation" << K::Created;
    QTest::newRow("hide") << "hide" << none << "conversation" << K::Hidden;
    QTest::newRow("cardAction") << "cardAction" << none << none << K::Ignored;
    QTest::newRow("assignModerator") << "assignModerator" << none << "person" << K::Ignored;
    QTest::newRow("lock") << "lock" << none << none << K::Ignored;
    QTest::newRow("favorite") << "favorite" << none << none << K::Ignored;
    QTest::newRow("schedule") << "schedule" << none << none << K::Ignored;
    QTest::newRow("unknown") << "frobnicate" << none << none << K::Ignored;
    QTest::newRow("case matters") << "POST" << none << "comment" << K::Ignored;
}

void TestEventFrame::verbTable()
{
    QFETCH(QString, verb);
    QFETCH(QString, parentType);
    QFETCH(QString, objectType);
    QFETCH(ActivityEvent::Kind, kind);
    QCOMPARE(ActivityEvent::kindOf(verb, parentType, objectType), kind);
}

void TestEventFrame::tooLargeIsRefusedUnread()
{
    QByteArray padding(EventFrame::MaxBytes, ' ');
    const EventFrame frame = parsed(envelope(post(MessageUuid.toLatin1())) + padding);
    QCOMPARE(frame.type, EventFrame::Type::Invalid);
    QVERIFY(frame.id.isEmpty()); // not read at all
    QVERIFY(frame.why.contains(QLatin1String("larger")));
    // Just under the limit is read.
    const QByteArray fits = envelope(post(MessageUuid.toLatin1()));
    QCOMPARE(parsed(fits + QByteArray(EventFrame::MaxBytes - fits.size(), ' ')).type,
             EventFrame::Type::Activity);
}

void TestEventFrame::deepNestingIsRefused()
{
    const int depth = 100000;
    const QByteArray nested =
        "{\"id\":\"n-1\",\"data\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
    const EventFrame frame = parsed(nested);
    QCOMPARE(frame.type, EventFrame::Type::Invalid);
    QVERIFY(!frame.why.isEmpty());
    // Nesting inside an activity that Qt still reads is only data nobody looks at.
    const QByteArray deepButRead =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("extra"),
                  QJsonDocument::fromJson(QByteArray(500, '[') + QByteArray(500, ']')).array());
    QCOMPARE(parsed(envelope(deepButRead)).type, EventFrame::Type::Activity);
}

void TestEventFrame::notAnObject_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("array") << QByteArray("[{\"id\":\"a\",\"type\":\"pong\"}]");
    QTest::newRow("string") << QByteArray("\"pong\"");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("cut off") << envelope(post(MessageUuid.toLatin1())).left(100);
    QTest::newRow("NUL bytes") << QByteArray(64, '\0');
    QTest::newRow("trailing garbage") << QByteArray("{\"id\":\"a\",\"type\":\"pong\"} x");
}

void TestEventFrame::notAnObject()
{
    QFETCH(QByteArray, bytes);
    const EventFrame frame = parsed(bytes);
    QCOMPARE(frame.type, EventFrame::Type::Invalid);
    QVERIFY(!frame.why.isEmpty());
    QVERIFY(frame.id.isEmpty());
}

void TestEventFrame::frameIdOfWrongTypeOrSize()
{
    QCOMPARE(parsed(R"({"id":42,"type":"pong"})").type, EventFrame::Type::Invalid);
    QCOMPARE(parsed(R"({"id":{"a":1},"data":{"eventType":"x"}})").type, EventFrame::Type::Invalid);
    const QByteArray longest(EventFrame::MaxIdLength, 'a');
    QCOMPARE(parsed("{\"id\":\"" + longest + "\",\"type\":\"pong\"}").id,
             QString::fromLatin1(longest));
    const EventFrame tooLong = parsed("{\"id\":\"" + longest + "a\",\"type\":\"pong\"}");
    QCOMPARE(tooLong.type, EventFrame::Type::Invalid);
    QVERIFY(tooLong.id.isEmpty()); // nothing to ack with
    // WR: a frame id "may be UUID or base64-encoded": any text is fine.
    QCOMPARE(parsed(R"({"id":"Zm9vYmFy","type":"pong"})").type, EventFrame::Type::Pong);
    // A frame without an id is used, and not acked.
    const QByteArray noId = QByteArray(envelope(post(MessageUuid.toLatin1())))
                                .replace("\"id\":\"" + FrameId + "\",", "");
    const EventFrame frame = parsed(noId);
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QVERIFY(!frame.hasId());
}

void TestEventFrame::wrongTypesOfRequiredFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("verb number") << "verb" << QJsonValue(7);
    QTest::newRow("verb object") << "verb" << QJsonValue(QJsonObject());
    QTest::newRow("verb empty") << "verb" << QJsonValue(QString());
    QTest::newRow("id number") << "id" << QJsonValue(1.5);
    QTest::newRow("id array") << "id" << QJsonValue(QJsonArray{MessageUuid});
    QTest::newRow("id not a uuid") << "id" << QJsonValue(QStringLiteral("../../people/me"));
    QTest::newRow("target.id number") << "target.id" << QJsonValue(3);
    QTest::newRow("target.id text") << "target.id" << QJsonValue(QStringLiteral("general"));
    QTest::newRow("actor.entryUUID bool") << "actor.entryUUID" << QJsonValue(true);
    QTest::newRow("parent.id number (no parent: fine)") << "parent.id" << QJsonValue(1);
}

void TestEventFrame::wrongTypesOfRequiredFields()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    const EventFrame frame = parsed(envelope(withField(post(MessageUuid.toLatin1()), path, value)));
    QCOMPARE(frame.type, EventFrame::Type::Invalid);
    QCOMPARE(frame.id, QString::fromLatin1(FrameId)); // still acked
    QVERIFY(!frame.why.isEmpty());
    QVERIFY(!frame.why.contains(QLatin1String("people/me"))); // reasons carry no content
}

void TestEventFrame::missingIds_data()
{
    QTest::addColumn<QByteArray>("activity");
    QTest::addColumn<QString>("path");
    const QByteArray edit = post("6a0e0d0c-0b0a-4909-8807-060504030201",
                                 R"({"id":"92db3be0-43bd-11e6-8ae9-dd5b3dfc565d","type":"edit"})");
    QTest::newRow("post without id") << post(MessageUuid.toLatin1()) << "id";
    QTest::newRow("post without target") << post(MessageUuid.toLatin1()) << "target";
    QTest::newRow("post without target.id") << post(MessageUuid.toLatin1()) << "target.id";
    QTest::newRow("edit without parent.id") << edit << "parent.id";
    QTest::newRow("delete without object.id") << Deletion << "object.id";
    QTest::newRow("delete without target.id") << Deletion << "target.id";
    QTest::newRow("acknowledge without object") << ReadReceipt << "object";
    QTest::newRow("add without target") << membership("add") << "target";
    QTest::newRow("update without target") << ScanResult << "target";
}

void TestEventFrame::missingIds()
{
    QFETCH(QByteArray, activity);
    QFETCH(QString, path);
    const EventFrame frame = parsed(envelope(withField(activity, path, QJsonValue::Undefined)));
    QCOMPARE(frame.type, EventFrame::Type::Invalid);
    QCOMPARE(frame.id, QString::fromLatin1(FrameId));
}

void TestEventFrame::restIdsAreAcceptedAsIds()
{
    // WR takes REST ids where they come; so do we, and keep them as they are.
    const QByteArray activity =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("target.id"), RoomId);
    const EventFrame frame = parsed(envelope(activity));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.spaceUuid, RoomId);
    QCOMPARE(ActivityIds::toRestId(ActivityIds::Type::Room, frame.activity.spaceUuid), RoomId);
    // Upper-case uuids and braces are written the one way.
    const QByteArray upper =
        withField(post(MessageUuid.toUpper().toLatin1()), QStringLiteral("target.id"),
                  QLatin1Char('{') + RoomUuid.toUpper() + QLatin1Char('}'));
    const EventFrame normal = parsed(envelope(upper));
    QCOMPARE(normal.activity.activityUuid, MessageUuid);
    QCOMPARE(normal.activity.spaceUuid, RoomUuid);
}

void TestEventFrame::optionalFieldsOfWrongTypeAreLeftEmpty()
{
    QByteArray activity = post(MessageUuid.toLatin1());
    activity = withField(activity, QStringLiteral("actor.emailAddress"), 5);
    activity = withField(activity, QStringLiteral("actor.displayName"), QJsonArray{1, 2});
    activity = withField(activity, QStringLiteral("published"), QStringLiteral("yesterday"));
    activity = withField(activity, QStringLiteral("target.tags"), QStringLiteral("ONE_ON_ONE"));
    activity = withField(activity, QStringLiteral("target.globalId"), QStringLiteral("not an id"));
    activity =
        withField(activity, QStringLiteral("object.mentions.items"),
                  QJsonArray{QJsonObject{{QStringLiteral("id"), 3}},
                             QJsonObject{{QStringLiteral("id"), MeUuid}}, QStringLiteral("x"),
                             QJsonObject{{QStringLiteral("id"), MeUuid}}});
    const EventFrame frame = parsed(envelope(activity));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QVERIFY(frame.activity.actorEmail.isEmpty());
    QVERIFY(frame.activity.actorName.isEmpty());
    QVERIFY(!frame.activity.published.isValid());
    QVERIFY(!frame.activity.isDirect);
    QVERIFY(frame.activity.spaceGlobalId.isEmpty());
    QCOMPARE(frame.activity.mentionedUuids, QStringList{MeUuid}); // once, bad ones skipped

    // A global id of a message is no space's id.
    const QByteArray notARoom =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("target.globalId"),
                  ActivityIds::encode(ActivityIds::Type::Message, MessageUuid));
    QVERIFY(parsed(envelope(notARoom)).activity.spaceGlobalId.isEmpty());

    const QByteArray direct = withField(post(MessageUuid.toLatin1()), QStringLiteral("target.tags"),
                                        QJsonArray{1, QStringLiteral("ONE_ON_ONE")});
    QVERIFY(parsed(envelope(direct)).activity.isDirect);
}

void TestEventFrame::longNamesAreCutAndLongVerbsRefused()
{
    // A name of 300 smileys (two UTF-16 units each) is cut at 256 units, not inside a pair.
    QString smileys;
    for (int i = 0; i < 300; ++i)
        smileys += QString::fromUtf8("\xF0\x9F\x98\x80");
    const QByteArray named =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("actor.displayName"), smileys);
    const QString name = parsed(envelope(named)).activity.actorName;
    QCOMPARE(name.size(), EventFrame::MaxNameLength);
    QVERIFY(!name.back().isHighSurrogate());
    const QByteArray oddCut =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("actor.displayName"),
                  QLatin1Char('a') + smileys);
    const QString odd = parsed(envelope(oddCut)).activity.actorName;
    QCOMPARE(odd.size(), EventFrame::MaxNameLength - 1);
    QVERIFY(!odd.back().isHighSurrogate());

    const QByteArray longEmail =
        withField(post(MessageUuid.toLatin1()), QStringLiteral("actor.emailAddress"),
                  QString(300, QLatin1Char('a')) + QStringLiteral("@x.org"));
    QVERIFY(parsed(envelope(longEmail)).activity.actorEmail.isEmpty());

    const QByteArray longVerb = withField(post(MessageUuid.toLatin1()), QStringLiteral("verb"),
                                          QString(EventFrame::MaxVerbLength + 1, QLatin1Char('p')));
    QCOMPARE(parsed(envelope(longVerb)).type, EventFrame::Type::Invalid);
    const QByteArray longType = "{\"id\":\"a\",\"data\":{\"eventType\":\"" +
                                QByteArray(EventFrame::MaxEventTypeLength + 1, 'e') + "\"}}";
    QCOMPARE(parsed(longType).type, EventFrame::Type::Invalid);
}

void TestEventFrame::invalidUtf8()
{
    // In a list entry (a mention): that entry goes, the frame is used (JsonBody's rule).
    QByteArray mention = envelope(post(MessageUuid.toLatin1()));
    mention.replace("\"objectType\":\"person\"}]", "\"objectType\":\"pe\xFFrson\"}]");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Leaving out entry")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Invalid UTF-8")));
    const EventFrame kept = parsed(mention);
    QCOMPARE(kept.type, EventFrame::Type::Activity);
    QVERIFY(kept.activity.mentionedUuids.isEmpty());

    // Outside any list (the verb): the frame cannot be read, and is not acked (no id read).
    QByteArray verb = envelope(post(MessageUuid.toLatin1()));
    verb.replace("\"verb\":\"post\"", "\"verb\":\"po\xC0\xAFst\"");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("outside any list")));
    const EventFrame refused = parsed(verb);
    QCOMPARE(refused.type, EventFrame::Type::Invalid);
    QVERIFY(refused.id.isEmpty());
}

void TestEventFrame::unknownVerbsAreNoError()
{
    // An unknown verb is Ignored whatever else the activity holds: nothing of it is checked.
    const QByteArray strange = R"({"verb":"teleport","id":17,"target":"nowhere"})";
    const EventFrame frame = parsed(envelope(strange));
    QCOMPARE(frame.type, EventFrame::Type::Activity);
    QCOMPARE(frame.activity.kind, ActivityEvent::Kind::Ignored);
    QCOMPARE(frame.activity.verb, QStringLiteral("teleport"));
    // An activity that is not an object is not.
    QCOMPARE(parsed("{\"id\":\"a\",\"data\":{\"eventType\":\"conversation.activity\","
                    "\"activity\":[]}}")
                 .type,
             EventFrame::Type::Invalid);
}

QTEST_GUILESS_MAIN(TestEventFrame)
#include "tst_eventframe.moc"
