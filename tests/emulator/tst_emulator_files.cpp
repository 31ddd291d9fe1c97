// Files in the Webex emulator (issue 13, item 3), over real HTTP on loopback: downloads
// (GET and HEAD /v1/contents/{id}), their knobs, uploads as multipart/form-data, hostile names;
// and the multipart parser and Content-Disposition writer on their own.
#include "contentdisposition.h"
#include "emulatorreply.h"
#include "hostilecontent.h"
#include "multipartform.h"
#include "webexemulator.h"

#include <QElapsedTimer>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <optional>

namespace {

constexpr int kWait = 15000;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

using EmulatorReply::Reply;

// One part of a multipart/form-data body built by hand (to send what QHttpMultiPart would not).
struct FormPart
{
    QByteArray name;
    std::optional<QByteArray> fileName;
    QByteArray type;
    QByteArray body;
};

QByteArray formBody(const QByteArray &boundary, const QList<FormPart> &parts)
{
    QByteArray out = "preamble, ignored\r\n";
    for (const FormPart &part : parts) {
        out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (part.fileName)
            out += "; filename=\"" + *part.fileName + '"';
        out += "\r\n";
        if (!part.type.isEmpty())
            out += "Content-Type: " + part.type + "\r\n";
        out += "\r\n" + part.body + "\r\n";
    }
    return out + "--" + boundary + "--\r\nepilogue, ignored";
}

// What a Content-Disposition says, read independently of the emulator's writer.
struct Disposition
{
    QString fileName;                ///< filename="…", unescaped
    std::optional<QString> extended; ///< filename*=UTF-8''…, decoded
};

std::optional<Disposition> readDisposition(const QByteArray &header)
{
    static const QRegularExpression plain(
        QStringLiteral("^attachment; filename=\"((?:[^\"\\\\]|\\\\.)*)\"(?:; (.*))?$"));
    const QRegularExpressionMatch match = plain.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return std::nullopt;
    Disposition result;
    static const QRegularExpression escape(QStringLiteral("\\\\(.)"));
    result.fileName = match.captured(1);
    result.fileName.replace(escape, QStringLiteral("\\1"));
    const QString rest = match.captured(2);
    if (!rest.isEmpty()) {
        static const QRegularExpression extended(QStringLiteral("^filename\\*=UTF-8''(\\S+)$"));
        const QRegularExpressionMatch ext = extended.match(rest);
        if (!ext.hasMatch())
            return std::nullopt;
        result.extended =
            QString::fromUtf8(QByteArray::fromPercentEncoding(ext.captured(1).toLatin1()));
    }
    return result;
}

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(rng.bounded(256));
    return bytes;
}

} // namespace

class TestEmulatorFiles : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    static Reply finish(QNetworkReply *reply) { return EmulatorReply::finish(reply); }

    static QNetworkRequest request(const QUrl &url, const QString &token)
    {
        return EmulatorReply::bearer(url, token);
    }

    Reply get(const QUrl &url, const QString &token)
    {
        return finish(m_nam.get(request(url, token)));
    }
    // QNetworkAccessManager::head(), not a custom "HEAD": only then does Qt expect no body.
    Reply head(const QUrl &url, const QString &token)
    {
        return finish(m_nam.head(request(url, token)));
    }

    Reply api(WebexEmulator &emulator, const QString &pathAndQuery, const QString &token)
    {
        return get(QUrl(emulator.baseUrl().toString() + pathAndQuery), token);
    }

    Reply postRaw(WebexEmulator &emulator, const QByteArray &contentType, const QByteArray &body,
                  const QString &token)
    {
        QNetworkRequest r = request(QUrl(emulator.baseUrl().toString() + key("/messages")), token);
        r.setRawHeader("Content-Type", contentType);
        return finish(m_nam.sendCustomRequest(r, "POST", body));
    }

    Reply postForm(WebexEmulator &emulator, const QList<FormPart> &parts, const QString &token)
    {
        const QByteArray boundary = "----webexdesk-test-boundary-7MA4YWxkTrZu0gW";
        return postRaw(emulator, "multipart/form-data; boundary=" + boundary,
                       formBody(boundary, parts), token);
    }

    static void verifyWebexError(const Reply &reply, int status)
    {
        QCOMPARE(reply.status, status);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonObject json = reply.json();
        QVERIFY(!json.value(key("message")).toString().isEmpty());
        QCOMPARE(json.value(key("errors")).toArray().size(), 1);
        QVERIFY(json.value(key("trackingId")).toString().startsWith(QLatin1String("ROUTER_")));
    }

    /// A group space the user can post in.
    QString writableGroupRoom(WebexEmulator &emulator, const QString &token)
    {
        const QJsonArray rooms = api(emulator, key("/rooms?type=group&max=1000"), token)
                                     .json()
                                     .value(key("items"))
                                     .toArray();
        for (const QJsonValue &value : rooms) {
            const QJsonObject room = value.toObject();
            if (!room.value(key("isReadOnly")).toBool() &&
                !room.value(key("isAnnouncementOnly")).toBool())
                return room.value(key("id")).toString();
        }
        return {};
    }

    /// The newest messages of the first seeded space (a busy one) that carry files.
    QList<QJsonObject> seededFileMessages(WebexEmulator &emulator, const QString &token)
    {
        QList<QJsonObject> result;
        const QJsonArray items =
            api(emulator, key("/messages?max=10&roomId=") + emulator.roomIds().first(), token)
                .json()
                .value(key("items"))
                .toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().contains(key("files")))
                result.append(item.toObject());
        }
        return result;
    }

private slots:
    void seededFilesAnswerGetAndHead();
    void seededFilesAreDeterministic();
    void downloadsNeedAToken();
    void othersFilesAreNotFound();
    void scanKnobAnswers423ThenTheFile();
    void pacedBodyComesInChunks();
    void clientGivingUpMidBodyIsHarmless();
    void uploadRoundTrip();
    void uploadAFileAloneOrAsAReply();
    void malformedUploadIs400_data();
    void malformedUploadIs400();
    void twoFilesAre400();
    void fileOverTheLimitIs413();
    void hostileFileNamesArriveIntact();
    void quotesAndBackslashesAreEscaped();
    void contentDispositionWriter_data();
    void contentDispositionWriter();
    void multipartParserReadsWhatBrowsersSend();
    void multipartParserSurvivesEveryTruncation();
    void helpListsTheFileKnobs();
};

void TestEmulatorFiles::seededFilesAnswerGetAndHead()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QList<QJsonObject> withFiles = seededFileMessages(emulator, token);
    QCOMPARE(withFiles.size(), 2); // a picture and a document among the ten newest

    // A message without files has no "files" at all.
    const QJsonArray newest =
        api(emulator, key("/messages?max=10&roomId=") + emulator.roomIds().first(), token)
            .json()
            .value(key("items"))
            .toArray();
    QCOMPARE(newest.size(), 10);
    for (const QJsonValue &item : newest) {
        if (!withFiles.contains(item.toObject()))
            QVERIFY(!item.toObject().contains(key("files")));
    }

    bool sawImage = false;
    for (const QJsonObject &message : withFiles) {
        const QJsonArray files = message.value(key("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QUrl url(files.at(0).toString());
        QVERIFY2(url.toString().startsWith(emulator.baseUrl().toString() + key("/contents/")),
                 qPrintable(url.toString()));
        const QString id = url.path().section(QLatin1Char('/'), -1);
        const QByteArray decoded = QByteArray::fromBase64(id.toLatin1());
        static const QRegularExpression contentId(
            QStringLiteral("^ciscospark://us/CONTENT/"
                           "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/0$"));
        QVERIFY2(contentId.match(QString::fromLatin1(decoded)).hasMatch(), decoded.constData());

        const auto stored = emulator.fileOf(message.value(key("id")).toString());
        QVERIFY(stored);
        QCOMPARE(stored->contentId, id);

        const Reply got = get(url, token);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, stored->bytes);
        QCOMPARE(got.header("Content-Type"), stored->type);
        QCOMPARE(got.header("Content-Length"), QByteArray::number(stored->bytes.size()));
        QCOMPARE(got.header("Content-Disposition"),
                 "attachment; filename=\"" + stored->name.toUtf8() + '"');
        QVERIFY(got.header("trackingid").startsWith("ROUTER_"));

        const Reply headers = head(url, token);
        QCOMPARE(headers.status, 200);
        QVERIFY(headers.body.isEmpty());
        for (const QByteArray &name : {QByteArray("Content-Type"), QByteArray("Content-Length"),
                                       QByteArray("Content-Disposition")})
            QCOMPARE(headers.header(name), got.header(name));
        QCOMPARE(emulator.requestCount("GET", url.path()), 1);
        QCOMPARE(emulator.requestCount("HEAD", url.path()), 1);

        if (stored->name == QLatin1String("whiteboard.png")) {
            sawImage = true;
            QCOMPARE(stored->type, QByteArray("image/png"));
            QVERIFY(got.body.startsWith("\x89PNG\r\n\x1a\n"));
            // IHDR: width and height, big-endian, right after the chunk's type.
            QCOMPARE(got.body.mid(12, 4), QByteArray("IHDR"));
            QCOMPARE(qFromBigEndian<quint32>(got.body.constData() + 16), 200u);
            QCOMPARE(qFromBigEndian<quint32>(got.body.constData() + 20), 120u);
        } else if (stored->name == QLatin1String("Q3 plan.pdf")) {
            QCOMPARE(stored->type, QByteArray("application/pdf"));
            QVERIFY(got.body.startsWith("%PDF-1.4\n"));
            QVERIFY(got.body.endsWith("%%EOF\n"));
            // startxref names where the cross-reference table begins.
            const qsizetype at = got.body.lastIndexOf("startxref\n");
            const qsizetype xref = got.body.mid(at + 10).split('\n').first().toLongLong();
            QCOMPARE(got.body.mid(xref, 5), QByteArray("xref\n"));
        } else {
            QCOMPARE(stored->name, QStringLiteral("notes.txt"));
            QCOMPARE(stored->type, QByteArray("text/plain"));
        }
    }
    QVERIFY(sawImage);

    // On the wire: a HEAD's answer ends with its headers, and the connection goes on.
    const QUrl url(withFiles.first().value(key("files")).toArray().at(0).toString());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, emulator.serverPort());
    QVERIFY(socket.waitForConnected(kWait));
    const QByteArray authorization = "Authorization: Bearer " + token.toLatin1() + "\r\n";
    socket.write("HEAD " + url.path().toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                 authorization + "\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), kWait);
    QTest::qWait(100);
    received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
    QVERIFY2(received.endsWith("\r\n\r\n"), received.constData()); // no body
    QVERIFY(received.contains(
        "\r\nContent-Length: " +
        QByteArray::number(
            emulator.fileOf(withFiles.first().value(key("id")).toString())->bytes.size()) +
        "\r\n"));
    received.clear();
    socket.write("GET /v1/people/me HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).startsWith("HTTP/1.1 200"), kWait);
}

void TestEmulatorFiles::seededFilesAreDeterministic()
{
    WebexEmulator first;
    WebexEmulator second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    const auto ids = [this](WebexEmulator &emulator) {
        QStringList result;
        for (const QJsonObject &m : seededFileMessages(emulator, emulator.issueAccessToken())) {
            const auto file = emulator.fileOf(m.value(key("id")).toString());
            result << file->contentId << file->name;
        }
        return result;
    };
    const QStringList fromFirst = ids(first);
    QCOMPARE(fromFirst.size(), 4);
    QCOMPARE(ids(second), fromFirst);
}

void TestEmulatorFiles::downloadsNeedAToken()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QUrl url(
        seededFileMessages(emulator, token).first().value(key("files")).toArray().at(0).toString());
    verifyWebexError(get(url, QString()), 401);
    verifyWebexError(get(url, key("not-a-token")), 401);
    const Reply headers = head(url, QString());
    QCOMPARE(headers.status, 401);
    QVERIFY(headers.body.isEmpty());
}

void TestEmulatorFiles::othersFilesAreNotFound()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = emulator.roomIds().first();
    const QUrl url(
        seededFileMessages(emulator, token).first().value(key("files")).toArray().at(0).toString());

    // Someone in the space may fetch it; someone outside it finds nothing there.
    QStringList members;
    for (const QJsonValue &m : api(emulator, key("/memberships?roomId=") + roomId, token)
                                   .json()
                                   .value(key("items"))
                                   .toArray())
        members << m.toObject().value(key("personId")).toString();
    const QStringList people = emulator.personIds();
    const int member = int(people.indexOf(members.last()));
    int outsider = 1;
    while (members.contains(people.at(outsider)))
        ++outsider;
    QVERIFY(member > 0);
    QCOMPARE(get(url, emulator.issueAccessTokenFor(member)).status, 200);
    verifyWebexError(get(url, emulator.issueAccessTokenFor(outsider)), 404);
    QCOMPARE(head(url, emulator.issueAccessTokenFor(outsider)).status, 404);

    // Unknown ids, and a file whose message is gone.
    verifyWebexError(api(emulator, key("/contents/Y2lzY29zcGFyazovL3VzL0NPTlRFTlQveC8w"), token),
                     404);
    verifyWebexError(api(emulator, key("/contents/"), token), 404);
    const QString shared = emulator.colleagueSharesFile(roomId, key("gone.txt"), "text/plain", "x");
    const QString goneUrl = key("/contents/") + emulator.fileOf(shared)->contentId;
    QCOMPARE(api(emulator, goneUrl, token).status, 200);
    QVERIFY(emulator.deleteMessageAsAuthor(shared));
    verifyWebexError(api(emulator, goneUrl, token), 404);
    // Only GET and HEAD.
    QNetworkRequest del = request(url, token);
    QCOMPARE(finish(m_nam.deleteResource(del)).status, 405);
}

void TestEmulatorFiles::scanKnobAnswers423ThenTheFile()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QUrl url(
        seededFileMessages(emulator, token).first().value(key("files")).toArray().at(0).toString());
    emulator.scanContentsNext(2, 7);
    // A file the caller cannot fetch stays a 404 and uses none up.
    QCOMPARE(api(emulator, key("/contents/unknown"), token).status, 404);
    const Reply locked = get(url, token);
    verifyWebexError(locked, 423);
    QCOMPARE(locked.header("Retry-After"), QByteArray("7"));
    QVERIFY(locked.header("Content-Disposition").isEmpty());
    const Reply lockedHead = head(url, token);
    QCOMPARE(lockedHead.status, 423);
    QCOMPARE(lockedHead.header("Retry-After"), QByteArray("7"));
    const Reply scanned = get(url, token);
    QCOMPARE(scanned.status, 200);
    QVERIFY(!scanned.body.isEmpty());
}

void TestEmulatorFiles::pacedBodyComesInChunks()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QByteArray bytes = randomBytes(20000, 7);
    const QString message = emulator.colleagueSharesFile(
        emulator.roomIds().first(), key("slow.bin"), "application/octet-stream", bytes);
    const QUrl url(emulator.baseUrl().toString() + key("/contents/") +
                   emulator.fileOf(message)->contentId);
    emulator.setContentBodyPace(2000, std::chrono::milliseconds(20));

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_nam.get(request(url, token));
    int reads = 0;
    QByteArray received;
    qint64 announced = -1;
    connect(reply, &QNetworkReply::readyRead, this, [&] {
        ++reads;
        if (announced < 0)
            announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        received += reply->readAll();
    });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kWait);
    received += reply->readAll();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(received, bytes);
    QCOMPARE(announced, qint64(bytes.size())); // the whole length, with the first bytes
    QVERIFY2(reads >= 4, qPrintable(QString::number(reads)));
    QVERIFY2(clock.elapsed() >= 150, qPrintable(QString::number(clock.elapsed())));
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(emulator.pendingAnswerCount(), 0, kWait);

    // HEAD is not paced; off again, the body comes at once.
    QCOMPARE(head(url, token).header("Content-Length"), QByteArray::number(bytes.size()));
    emulator.setContentBodyPace(0, std::chrono::milliseconds(20));
    QCOMPARE(get(url, token).body, bytes);
}

void TestEmulatorFiles::clientGivingUpMidBodyIsHarmless()
{
    const QByteArray bytes = randomBytes(100000, 11);
    {
        WebexEmulator emulator;
        QVERIFY(emulator.listen());
        const QString token = emulator.issueAccessToken();
        const QString message = emulator.colleagueSharesFile(
            emulator.roomIds().first(), key("big.bin"), "application/octet-stream", bytes);
        const QUrl url(emulator.baseUrl().toString() + key("/contents/") +
                       emulator.fileOf(message)->contentId);
        emulator.setContentBodyPace(1000, std::chrono::milliseconds(30));
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request(url, token)));
        QTRY_VERIFY_WITH_TIMEOUT(reply->bytesAvailable() > 0, kWait);
        QCOMPARE(emulator.pendingAnswerCount(), 1);
        reply->abort();
        // The connection's end releases the answer: no timer writes to a gone socket.
        QTRY_COMPARE_WITH_TIMEOUT(emulator.pendingAnswerCount(), 0, kWait);
        QTest::qWait(100);
        // And the next request is served, slowly or not.
        emulator.setContentBodyPace(50000, std::chrono::milliseconds(10));
        QCOMPARE(get(url, token).body, bytes);
        QCOMPARE(api(emulator, key("/people/me"), token).status, 200);

        // Gone while a body is under way: the emulator goes first, then the client.
        emulator.setContentBodyPace(1000, std::chrono::milliseconds(30));
        std::unique_ptr<QNetworkReply> left(m_nam.get(request(url, token)));
        QTRY_VERIFY_WITH_TIMEOUT(left->bytesAvailable() > 0, kWait);
        QCOMPARE(emulator.pendingAnswerCount(), 1);
        left.release()->deleteLater();
    }
    QTest::qWait(100); // nothing crashes afterwards
}

void TestEmulatorFiles::uploadRoundTrip()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = writableGroupRoom(emulator, token);
    QVERIFY(!roomId.isEmpty());
    const int contentsBefore = emulator.contentCount();
    const int messagesBefore = emulator.messageCount(roomId);

    // Bytes with CRLFs and dashes in them, as a real file may have.
    QByteArray bytes = randomBytes(30000, 3);
    bytes.insert(100, "\r\n--\r\n--boundary_.oOo._\r\n");
    const QString name = QStringLiteral("Zoë's résumé 📄 (final).pdf");

    // As the app would send it: QHttpMultiPart, whose boundary arrives quoted.
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto field = [form](const QByteArray &fieldName, const QByteArray &value) {
        QHttpPart part;
        part.setRawHeader("Content-Disposition", "form-data; name=\"" + fieldName + '"');
        part.setBody(value);
        form->append(part);
    };
    field("roomId", roomId.toUtf8());
    field("markdown", QStringLiteral("**Here** is the résumé").toUtf8());
    QHttpPart file;
    file.setRawHeader("Content-Disposition",
                      "form-data; name=\"files\"; filename=\"" + name.toUtf8() + '"');
    file.setRawHeader("Content-Type", "application/pdf");
    file.setBody(bytes);
    form->append(file);
    QNetworkReply *sent =
        m_nam.post(request(QUrl(emulator.baseUrl().toString() + key("/messages")), token), form);
    form->setParent(sent);
    const Reply created = finish(sent);
    QCOMPARE(created.status, 200);
    const QJsonObject message = created.json();
    QCOMPARE(message.value(key("roomId")).toString(), roomId);
    QCOMPARE(message.value(key("markdown")).toString(), QStringLiteral("**Here** is the résumé"));
    QCOMPARE(message.value(key("text")).toString(), QStringLiteral("Here is the résumé"));
    const QJsonArray files = message.value(key("files")).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(emulator.contentCount(), contentsBefore + 1);
    QCOMPARE(emulator.messageCount(roomId), messagesBefore + 1);

    // Listed and fetched with the file, which comes back as it went.
    const QString id = message.value(key("id")).toString();
    QCOMPARE(api(emulator, key("/messages/") + id, token).json().value(key("files")).toArray(),
             files);
    const auto stored = emulator.fileOf(id);
    QVERIFY(stored);
    QCOMPARE(stored->name, name);
    QCOMPARE(stored->type, QByteArray("application/pdf"));
    QCOMPARE(stored->bytes, bytes);
    const Reply got = get(QUrl(files.at(0).toString()), token);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, bytes);
    QCOMPARE(got.header("Content-Type"), QByteArray("application/pdf"));
    const auto disposition = readDisposition(got.header("Content-Disposition"));
    QVERIFY2(disposition, got.header("Content-Disposition").constData());
    QCOMPARE(disposition->fileName, QStringLiteral("Zo_'s r_sum_ _ (final).pdf"));
    QVERIFY(disposition->extended);
    QCOMPARE(*disposition->extended, name);
}

void TestEmulatorFiles::uploadAFileAloneOrAsAReply()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = writableGroupRoom(emulator, token);

    // No text, no markdown, no Content-Type: a file alone, application/octet-stream.
    const Reply alone = postForm(
        emulator, {{"roomId", {}, {}, roomId.toUtf8()}, {"files", "a.bin", {}, "abc"}}, token);
    QCOMPARE(alone.status, 200);
    QCOMPARE(alone.json().value(key("text")).toString(), QString());
    QVERIFY(!alone.json().contains(key("markdown")));
    const auto stored = emulator.fileOf(alone.json().value(key("id")).toString());
    QCOMPARE(stored->type, QByteArray("application/octet-stream"));
    QCOMPARE(stored->bytes, QByteArray("abc"));

    // A reply with a file, an empty file, unknown fields ignored.
    const QString root = alone.json().value(key("id")).toString();
    const Reply reply = postForm(emulator,
                                 {{"roomId", {}, {}, roomId.toUtf8()},
                                  {"parentId", {}, {}, root.toUtf8()},
                                  {"text", {}, {}, "in the thread"},
                                  {"somethingElse", {}, {}, "ignored"},
                                  {"files", "empty.txt", "text/plain", {}}},
                                 token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(key("parentId")).toString(), root);
    QCOMPARE(emulator.fileOf(reply.json().value(key("id")).toString())->bytes, QByteArray());

    // The rules of a text message hold: a room is needed, and must be the user's.
    verifyWebexError(postForm(emulator, {{"files", "a.bin", {}, "abc"}}, token), 400);
    verifyWebexError(
        postForm(emulator, {{"roomId", {}, {}, "nope"}, {"files", "a", {}, "x"}}, token), 404);
    // Without a file, text is still needed.
    verifyWebexError(postForm(emulator, {{"roomId", {}, {}, roomId.toUtf8()}}, token), 400);
    QCOMPARE(
        postForm(emulator, {{"roomId", {}, {}, roomId.toUtf8()}, {"text", {}, {}, "hi"}}, token)
            .status,
        200);
}

void TestEmulatorFiles::malformedUploadIs400_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    const QByteArray type = "multipart/form-data; boundary=XyZ";
    const QByteArray good = formBody("XyZ", {{"roomId", {}, {}, "r"}, {"files", "a.txt", {}, "x"}});
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << good;
    QTest::newRow("boundary of 71") << "multipart/form-data; boundary=" + QByteArray(71, 'b')
                                    << formBody(QByteArray(71, 'b'), {{"roomId", {}, {}, "r"}});
    QTest::newRow("unterminated quote")
        << QByteArray("multipart/form-data; boundary=\"XyZ") << good;
    QTest::newRow("empty body") << type << QByteArray();
    QTest::newRow("other boundary") << type << formBody("Other", {{"roomId", {}, {}, "r"}});
    QTest::newRow("no closing boundary") << type << good.left(good.indexOf("--XyZ--"));
    QTest::newRow("cut in a part") << type << good.left(good.size() / 2);
    QTest::newRow("LF line ends") << type << QByteArray(good).replace("\r\n", "\n");
    QTest::newRow("no disposition")
        << type << QByteArray("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n");
    QTest::newRow("not form-data")
        << type
        << QByteArray("--XyZ\r\nContent-Disposition: inline; name=\"a\"\r\n\r\nx\r\n--XyZ--");
    QTest::newRow("no name") << type
                             << QByteArray(
                                    "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--");
    QTest::newRow("open quote in name")
        << type
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; "
                      "name=\"files; filename=\"a\r\n\r\nx\r\n--XyZ--");
    QTest::newRow("header without colon")
        << type
        << QByteArray("--XyZ\r\nContent-Disposition form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--");
    QTest::newRow("headers never end")
        << type << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n");
    QTest::newRow("files without a file name")
        << type << formBody("XyZ", {{"roomId", {}, {}, "r"}, {"files", {}, {}, "http://x/y.png"}});
    QTest::newRow("empty file name")
        << type << formBody("XyZ", {{"roomId", {}, {}, "r"}, {"files", "", {}, "x"}});
    QTest::newRow("file in another field")
        << type << formBody("XyZ", {{"roomId", {}, {}, "r"}, {"text", "a.txt", {}, "x"}});
    QTest::newRow("roomId twice") << type
                                  << formBody("XyZ",
                                              {{"roomId", {}, {}, "r"}, {"roomId", {}, {}, "s"}});
    QTest::newRow("bad filename*")
        << type
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"files\"; "
                      "filename*=latin1''a\r\n\r\nx\r\n--XyZ--");
    QTest::newRow("binary garbage") << type << randomBytes(5000, 5);
    QByteArray many;
    for (int i = 0; i < 100; ++i)
        many += "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n";
    QTest::newRow("too many parts") << type << many + "--XyZ--";
}

void TestEmulatorFiles::malformedUploadIs400()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const int contents = emulator.contentCount();
    verifyWebexError(postRaw(emulator, contentType, body, token), 400);
    QCOMPARE(emulator.contentCount(), contents);
    QCOMPARE(api(emulator, key("/people/me"), token).status, 200);
}

void TestEmulatorFiles::twoFilesAre400()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = writableGroupRoom(emulator, token);
    const int messages = emulator.messageCount(roomId);
    verifyWebexError(postForm(emulator,
                              {{"roomId", {}, {}, roomId.toUtf8()},
                               {"files", "a.txt", "text/plain", "a"},
                               {"files", "b.txt", "text/plain", "b"}},
                              token),
                     400);
    QCOMPARE(emulator.messageCount(roomId), messages);
}

void TestEmulatorFiles::fileOverTheLimitIs413()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = writableGroupRoom(emulator, token);
    QCOMPARE(WebexEmulator::kWebexUploadLimitBytes, qint64(100000000));
    emulator.setUploadLimitBytes(1000);
    const int messages = emulator.messageCount(roomId);
    verifyWebexError(postForm(emulator,
                              {{"roomId", {}, {}, roomId.toUtf8()},
                               {"files", "big.bin", {}, QByteArray(1001, 'x')}},
                              token),
                     413);
    QCOMPARE(emulator.messageCount(roomId), messages);
    QCOMPARE(postForm(emulator,
                      {{"roomId", {}, {}, roomId.toUtf8()},
                       {"files", "fits.bin", {}, QByteArray(1000, 'x')}},
                      token)
                 .status,
             200);
}

void TestEmulatorFiles::hostileFileNamesArriveIntact()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QStringList names = HostileContent::fileNames();
    QCOMPARE(names.size(), 3);
    QCOMPARE(names.at(2).size(), 300);
    for (const char16_t c : {u'\x01', u'\n', u'\r', u'\x7f', u'\t', u'/', u'\\'})
        QVERIFY(names.at(2).contains(QChar(c)));

    const QStringList ids = emulator.addHostileFileMessages();
    QCOMPARE(ids.size(), 3);
    // In the first space, the newest three messages.
    const QJsonArray newest =
        api(emulator, key("/messages?max=3&roomId=") + emulator.roomIds().first(), token)
            .json()
            .value(key("items"))
            .toArray();
    for (int i = 0; i < 3; ++i) {
        const QJsonObject message = newest.at(2 - i).toObject();
        QCOMPARE(message.value(key("id")).toString(), ids.at(i));
        const Reply got = get(QUrl(message.value(key("files")).toArray().at(0).toString()), token);
        QCOMPARE(got.status, 200);
        const QByteArray header = got.header("Content-Disposition");
        for (char c : header)
            QVERIFY2(c >= 0x20 && c < 0x7f, header.constData()); // nothing raw in a header
        const auto disposition = readDisposition(header);
        QVERIFY2(disposition, header.constData());
        if (i < 2) {
            QCOMPARE(disposition->fileName, names.at(i));
            QVERIFY(!disposition->extended);
        } else {
            QCOMPARE(*disposition->extended, names.at(i));
            QCOMPARE(disposition->fileName.size(), 300); // one stand-in per character
            QVERIFY(!disposition->fileName.contains(QLatin1Char('\n')));
        }
    }
}

void TestEmulatorFiles::quotesAndBackslashesAreEscaped()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString name = QStringLiteral("say \"hi\" \\ bye.txt");
    const QString id = emulator.colleagueSharesFile(emulator.roomIds().first(), name,
                                                    "text/plain\x01", "hi", key("a file"));
    QVERIFY(!id.isEmpty());
    const Reply got = api(emulator, key("/contents/") + emulator.fileOf(id)->contentId, token);
    QCOMPARE(got.header("Content-Disposition"),
             QByteArray("attachment; filename=\"say \\\"hi\\\" \\\\ bye.txt\""));
    QCOMPARE(readDisposition(got.header("Content-Disposition"))->fileName, name);
    // A type that cannot stand in a header is not sent as it is.
    QCOMPARE(got.header("Content-Type"), QByteArray("application/octet-stream"));
    QVERIFY(
        emulator.colleagueSharesFile(emulator.roomIds().first(), QString(), "a", "b").isEmpty());
    QVERIFY(emulator.colleagueSharesFile(key("nope"), key("a"), "a", "b").isEmpty());
}

void TestEmulatorFiles::contentDispositionWriter_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("report.pdf")
                           << QByteArray("attachment; filename=\"report.pdf\"");
    QTest::newRow("spaces and symbols")
        << QStringLiteral("a b;c=d,e.txt") << QByteArray("attachment; filename=\"a b;c=d,e.txt\"");
    QTest::newRow("umlaut") << QStringLiteral("Grüße.txt")
                            << QByteArray("attachment; filename=\"Gr__e.txt\"; "
                                          "filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt");
    QTest::newRow("emoji is one character")
        << QStringLiteral("😀.png")
        << QByteArray("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png");
    QTest::newRow("controls")
        << QStringLiteral("a\r\nb\tc")
        << QByteArray("attachment; filename=\"a__b_c\"; filename*=UTF-8''a%0D%0Ab%09c");
    QTest::newRow("attr-chars stay, quote and percent do not")
        << QStringLiteral("é!#$&+^`|~-._\"%'*")
        << QByteArray("attachment; filename=\"_!#$&+^`|~-._\\\"%'*\"; "
                      "filename*=UTF-8''%C3%A9!#$&+^`|~-._%22%25%27%2A");
}

void TestEmulatorFiles::contentDispositionWriter()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    QCOMPARE(ContentDisposition::attachment(name), expected);
}

void TestEmulatorFiles::multipartParserReadsWhatBrowsersSend()
{
    QCOMPARE(MultipartForm::boundaryOf("multipart/form-data; boundary=abc"), QByteArray("abc"));
    QCOMPARE(MultipartForm::boundaryOf("Multipart/Form-Data;Boundary=\"a b\\\"c\"; charset=x"),
             QByteArray("a b\"c"));
    QVERIFY(MultipartForm::isFormData("MULTIPART/form-data;boundary=x"));
    QVERIFY(!MultipartForm::isFormData("application/json"));
    QVERIFY(MultipartForm::boundaryOf("multipart/form-data").isEmpty());

    // Transport padding after a boundary, a part with no Content-Type, a body that contains
    // the boundary's bytes without being a boundary, filename* over filename, an epilogue.
    const QByteArray body =
        "--b \t\r\n"
        "content-disposition: form-data; name=\"text\"\r\n"
        "\r\n"
        "line one\r\n--bx not a boundary\r\n"
        "--b\r\n"
        "Content-Disposition: form-data; name=\"files\"; filename=\"plain.txt\"; "
        "filename*=UTF-8''%E2%82%AC%20rates.txt\r\n"
        "Content-Type: text/plain\r\n"
        "\r\n"
        "\r\n"
        "--b--\r\n"
        "--b\r\nafter the end";
    QString error;
    const auto parts = MultipartForm::parse(body, "b", &error);
    QVERIFY2(parts, qPrintable(error));
    QCOMPARE(parts->size(), 2);
    QCOMPARE(parts->at(0).name, QStringLiteral("text"));
    QVERIFY(!parts->at(0).fileName);
    QCOMPARE(parts->at(0).body, QByteArray("line one\r\n--bx not a boundary"));
    QCOMPARE(parts->at(1).name, QStringLiteral("files"));
    QCOMPARE(*parts->at(1).fileName, QStringLiteral("€ rates.txt"));
    QCOMPARE(parts->at(1).contentType, QByteArray("text/plain"));
    QVERIFY(parts->at(1).body.isEmpty()); // the CRLF before a boundary belongs to the boundary
    // An empty form is a form.
    QCOMPARE(MultipartForm::parse("--b--", "b", &error)->size(), 0);
}

void TestEmulatorFiles::multipartParserSurvivesEveryTruncation()
{
    const QByteArray body =
        formBody("XyZ", {{"roomId", {}, {}, "r"},
                         {"files", "a \\\"quoted\\\" name.txt", "text/plain", "x\r\n--XyZ!"}});
    QString error;
    const auto whole = MultipartForm::parse(body, "XyZ", &error);
    QVERIFY2(whole, qPrintable(error));
    QCOMPARE(whole->size(), 2);
    QCOMPARE(*whole->at(1).fileName, QStringLiteral("a \"quoted\" name.txt"));
    QCOMPARE(whole->at(1).body, QByteArray("x\r\n--XyZ!")); // the boundary's bytes, no boundary
    // Every prefix, and every one-byte change, is read or refused, never more.
    const qsizetype closing = body.indexOf("--XyZ--");
    for (qsizetype size = 0; size < body.size(); ++size) {
        const auto parts = MultipartForm::parse(body.left(size), "XyZ", &error);
        QVERIFY2(!parts || size >= closing + 7, qPrintable(QString::number(size)));
    }
    for (qsizetype at = 0; at < body.size(); ++at) {
        for (char c : {'\0', '\r', '\n', '"', '-', ';'}) {
            QByteArray changed = body;
            changed[at] = c;
            const auto parts = MultipartForm::parse(changed, "XyZ", &error);
            QVERIFY(!parts || parts->size() <= 2);
        }
    }
}

void TestEmulatorFiles::helpListsTheFileKnobs()
{
    QProcess program;
    program.start(QStringLiteral(WEBEX_EMULATOR_PATH), {QStringLiteral("--help")});
    QVERIFY(program.waitForFinished(30000));
    QCOMPARE(program.exitCode(), 0);
    const QString help = QString::fromUtf8(program.readAllStandardOutput());
    for (const char *option :
         {"--scan-contents <N>", "--scan-retry-after <seconds>", "--content-pace <bytes>",
          "--content-pace-ms <ms>", "--upload-limit-bytes <N>", "--hostile-file-names"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestEmulatorFiles)
#include "tst_emulator_files.moc"
