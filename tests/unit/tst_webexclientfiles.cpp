#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "api/webexclient.h"
#include "model/fileinfo.h"
#include "model/message.h"
#include "webexclientfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// WebexClient's files (contents/{id}, and messages sent with a file) on the wire of a small test
// server: what HEAD tells, where a download lands under which name, what is retried, what is
// refused before a request, and what an upload sends.

namespace {

const QString ContentId = QStringLiteral("Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvYWJjLzA");

QByteArray sentJson()
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("id"), QStringLiteral("M1")},
                           {QStringLiteral("roomId"), QStringLiteral("R1")},
                           {QStringLiteral("text"), QStringLiteral("see")},
                           {QStringLiteral("personId"), QStringLiteral("ME")},
                           {QStringLiteral("created"), QStringLiteral("2024-01-01T00:00:00.000Z")}})
        .toJson(QJsonDocument::Compact);
}

// The regular files directly in `folder` (no sub-folders are expected at all).
QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(
        QDir::Files | QDir::Hidden | QDir::System | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestWebexClientFiles : public WebexClientFixture
{
    Q_OBJECT

    QUrl contentUrl() const { return server()->url(QStringLiteral("/v1/contents/") + ContentId); }

    static TestHttpServer::Response file(const QByteArray &bytes, const QByteArray &disposition,
                                         const QByteArray &type = "application/pdf")
    {
        Response r;
        r.status = 200;
        r.body = bytes;
        r.withHeader("Content-Type", type);
        if (!disposition.isEmpty())
            r.withHeader("Content-Disposition", disposition);
        return r;
    }

private slots:
    void init() { QVERIFY(startServerAndClient()); }
    void cleanup() { stopServerAndClient(); }

    void headTellsNameSizeAndType()
    {
        server()->setHandler([](const Request &) {
            return file(QByteArray(200 * 1024, 'x'), "attachment; filename=\"Q3 plan.pdf\"",
                        "Application/PDF; charset=binary");
        });
        QSignalSpy fetched(client(), &WebexClient::fileInfoFetched);
        client()->fetchFileInfo(contentUrl());
        QVERIFY(fetched.wait());
        const FileInfo info = fetched.first().at(0).value<FileInfo>();
        QCOMPARE(info.url, contentUrl());
        QCOMPARE(info.name, QStringLiteral("Q3 plan.pdf"));
        QCOMPARE(info.type, QStringLiteral("application/pdf"));
        QCOMPARE(info.size, 200 * 1024); // a large file: HEAD reads no body, whatever its size
        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("HEAD"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
    }

    void headNamesAreMadeSafe_data()
    {
        QTest::addColumn<QByteArray>("disposition");
        QTest::addColumn<QString>("name");
        QTest::newRow("path up") << QByteArray("attachment; filename=\"../../.bashrc\"")
                                 << QStringLiteral("bashrc");
        QTest::newRow("absolute") << QByteArray("attachment; filename=\"/etc/passwd\"")
                                  << QStringLiteral("passwd");
        QTest::newRow("encoded path up")
            << QByteArray("attachment; filename=\"x\"; filename*=UTF-8''%2E%2E%2F%2E%2Eevil.sh")
            << QStringLiteral("evil.sh");
        QTest::newRow("none") << QByteArray() << QStringLiteral("file");
    }

    void headNamesAreMadeSafe()
    {
        QFETCH(QByteArray, disposition);
        QFETCH(QString, name);
        server()->setHandler([disposition](const Request &) { return file("x", disposition); });
        QSignalSpy fetched(client(), &WebexClient::fileInfoFetched);
        client()->fetchFileInfo(contentUrl());
        QVERIFY(fetched.wait());
        QCOMPARE(fetched.first().at(0).value<FileInfo>().name, name);
    }

    void otherUrlsAreNotAskedFor_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("another host")
            << QStringLiteral("https://evil.example/v1/contents/") + ContentId;
        QTest::newRow("another path") << QStringLiteral("/v1/messages/") + ContentId;
        QTest::newRow("a query") << QStringLiteral("/v1/contents/") + ContentId +
                                        QStringLiteral("?x=1");
        QTest::newRow("not an id") << QStringLiteral("/v1/contents/..%2F..%2Fpeople");
        QTest::newRow("nothing") << QStringLiteral("/v1/contents/");
    }

    void otherUrlsAreNotAskedFor()
    {
        QFETCH(QString, url);
        const QUrl target = url.startsWith(QLatin1Char('/')) ? server()->url(url) : QUrl(url);
        QSignalSpy failed(client(), &WebexClient::fileInfoFailed);
        QSignalSpy downloadFailed(client(), &WebexClient::downloadFailed);
        QTemporaryDir folder;
        client()->fetchFileInfo(target);
        client()->downloadFile(target, folder.path());
        QVERIFY(failed.wait());
        QTRY_COMPARE(downloadFailed.size(), 1);
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Local);
        QCOMPARE(server()->requests().size(), 0);
        QCOMPARE(filesIn(folder.path()), QStringList());
    }

    void aFileBeingScannedIsAskedForAgain()
    {
        int calls = 0;
        server()->setHandler([&calls](const Request &) {
            if (++calls == 1)
                return Response::json(423, R"({"message":"scanning"})")
                    .withHeader("Retry-After", "2");
            return file("%PDF", "attachment; filename=\"a.pdf\"");
        });
        QSignalSpy fetched(client(), &WebexClient::fileInfoFetched);
        QSignalSpy waiting(client(), &WebexClient::retryWaiting);
        client()->fetchFileInfo(contentUrl());
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(waiting.size(), 1);
        const ApiError reason = waiting.first().at(3).value<ApiError>();
        QCOMPARE(reason.httpStatus, 423);
        QVERIFY(reason.userMessage().contains(QStringLiteral("scanning")));
    }

    // A large file's scan outlasts a rate limit's three retries: scans have a budget of their
    // own (RetryPolicy::MaxScanRetries), and then the call says the file is still being scanned.
    void aLongScanIsWaitedForThenSaysSo()
    {
        int calls = 0;
        const int scans = RetryPolicy::MaxRetries + 2;
        server()->setHandler([&calls, scans](const Request &) {
            if (++calls <= scans)
                return Response::json(423, R"({"message":"scanning"})")
                    .withHeader("Retry-After", "1");
            return file("%PDF", "attachment; filename=\"a.pdf\"");
        });
        QSignalSpy fetched(client(), &WebexClient::fileInfoFetched);
        client()->fetchFileInfo(contentUrl());
        QVERIFY(fetched.wait());
        QCOMPARE(server()->requests().size(), scans + 1);

        server()->setHandler([](const Request &) {
            return Response::json(423, R"({"message":"scanning"})").withHeader("Retry-After", "1");
        });
        const int before = int(server()->requests().size());
        QSignalSpy failed(client(), &WebexClient::fileInfoFailed);
        client()->fetchFileInfo(contentUrl());
        QVERIFY(failed.wait(10000));
        QCOMPARE(int(server()->requests().size()) - before, 1 + RetryPolicy::MaxScanRetries);
        QVERIFY(failed.first().at(1).value<ApiError>().userMessage().contains(
            QStringLiteral("scanning")));
    }

    void hostileNamesLandInsideTheFolder_data()
    {
        QTest::addColumn<QByteArray>("disposition");
        QTest::newRow("../../.bashrc") << QByteArray("attachment; filename=\"../../.bashrc\"");
        QTest::newRow("/etc/passwd") << QByteArray("attachment; filename=\"/etc/passwd\"");
        QByteArray longName("attachment; filename*=UTF-8''");
        for (int i = 0; i < 60; ++i)
            longName += "ab%01%0A%0D%2F%7F"; // 300 characters: control characters and slashes
        longName += ".txt";
        QTest::newRow("300 characters with control characters") << longName;
        QTest::newRow("dot dot") << QByteArray("attachment; filename=\"..\"");
    }

    void hostileNamesLandInsideTheFolder()
    {
        QFETCH(QByteArray, disposition);
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("Downloads"));
        const QByteArray bytes("hostile but harmless\n");
        server()->setHandler([&](const Request &) { return file(bytes, disposition); });
        QSignalSpy done(client(), &WebexClient::fileDownloaded);
        QSignalSpy failed(client(), &WebexClient::downloadFailed);
        client()->downloadFile(contentUrl(), folder);
        QVERIFY2(done.wait(),
                 failed.isEmpty()
                     ? "no answer"
                     : qPrintable(failed.first().at(1).value<ApiError>().userMessage()));
        const QString path = done.first().at(1).toString();
        const QFileInfo saved(path);
        // Directly inside the folder, a plain file, no part file left, nothing outside.
        QCOMPARE(saved.absolutePath(), QDir(folder).absolutePath());
        QVERIFY(saved.isFile());
        QVERIFY(!saved.isSymLink());
        QVERIFY(!saved.fileName().startsWith(QLatin1Char('.')));
        for (const QChar c : saved.fileName())
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(saved.fileName()));
        QVERIFY(saved.fileName().toUtf8().size() <= 255);
        QCOMPARE(filesIn(folder), QStringList{saved.fileName()});
        QCOMPARE(filesIn(root.path()), QStringList{QStringLiteral("Downloads")});
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), bytes);
    }

    void aNameTakenGetsANumber()
    {
        QTemporaryDir folder;
        QFile existing(folder.filePath(QStringLiteral("report.pdf")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("mine");
        existing.close();
        server()->setHandler(
            [](const Request &) { return file("theirs", "attachment; filename=\"report.pdf\""); });
        QSignalSpy done(client(), &WebexClient::fileDownloaded);
        client()->downloadFile(contentUrl(), folder.path());
        QVERIFY(done.wait());
        QCOMPARE(QFileInfo(done.first().at(1).toString()).fileName(),
                 QStringLiteral("report (1).pdf"));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("mine")); // never overwritten
    }

    void aCutOffDownloadStartsAgainFromTheFirstByte()
    {
        const QByteArray bytes = QByteArray(64 * 1024, 'a') + QByteArray(64 * 1024, 'b');
        int calls = 0;
        server()->setHandler([&](const Request &) {
            Response r = file(bytes, "attachment; filename=\"big.bin\"");
            if (++calls == 1)
                r.cutOffAfter(bytes.size() / 2);
            return r;
        });
        QTemporaryDir folder;
        QSignalSpy done(client(), &WebexClient::fileDownloaded);
        QSignalSpy progress(client(), &WebexClient::downloadProgress);
        client()->downloadFile(contentUrl(), folder.path());
        QVERIFY(done.wait());
        QCOMPARE(calls, 2);
        QFile written(done.first().at(1).toString());
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.size(), bytes.size()); // not the first half twice
        QCOMPARE(written.readAll(), bytes);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toLongLong(), bytes.size());
        QCOMPARE(filesIn(folder.path()), QStringList{QStringLiteral("big.bin")});
    }

    void aBlockedFileLeavesNothing()
    {
        server()->setHandler([](const Request &) {
            return Response::json(410, R"({"message":"infected","trackingId":"T_1"})");
        });
        QTemporaryDir folder;
        QSignalSpy failed(client(), &WebexClient::downloadFailed);
        client()->downloadFile(contentUrl(), folder.path());
        QVERIFY(failed.wait());
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.httpStatus, 410);
        QVERIFY(error.userMessage().contains(QStringLiteral("malware")));
        QCOMPARE(filesIn(folder.path()), QStringList());
    }

    void aCancelledDownloadSaysNothingAndLeavesNothing()
    {
        server()->setHandler([](const Request &) {
            Response r;
            r.status = 0; // never answers
            return r;
        });
        QTemporaryDir folder;
        QSignalSpy done(client(), &WebexClient::fileDownloaded);
        QSignalSpy failed(client(), &WebexClient::downloadFailed);
        client()->downloadFile(contentUrl(), folder.path());
        QTRY_COMPARE(server()->requests().size(), 1);
        client()->cancelDownload(contentUrl());
        QTest::qWait(100);
        QCOMPARE(done.size() + failed.size(), 0);
        QCOMPARE(filesIn(folder.path()), QStringList());
    }

    void aPictureLargerThanAskedIsNotRead()
    {
        server()->setHandler([](const Request &) {
            return file(QByteArray(4096, 'x'), "attachment; filename=\"a.png\"", "image/png");
        });
        QSignalSpy fetched(client(), &WebexClient::fileFetched);
        QSignalSpy failed(client(), &WebexClient::fileFetchFailed);
        client()->fetchFile(contentUrl(), 1024);
        QVERIFY(failed.wait());
        QCOMPARE(fetched.size(), 0);
        QCOMPARE(server()->requests().size(), 1); // the same would come again: no retry

        fetched.clear();
        client()->fetchFile(contentUrl(), 8192);
        QVERIFY(fetched.wait());
        QCOMPARE(fetched.first().at(1).toByteArray(), QByteArray(4096, 'x'));
        QCOMPARE(fetched.first().at(0).value<FileInfo>().type, QStringLiteral("image/png"));
    }

    void anUploadIsMultipart()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("notes \"v2\".txt"));
        QFile source(path);
        QVERIFY(source.open(QIODevice::WriteOnly));
        const QByteArray bytes =
            QByteArray("line\r\n--not a boundary\r\n") + QByteArray(300000, 'z');
        source.write(bytes);
        source.close();
        server()->setHandler([](const Request &) { return Response::json(200, sentJson()); });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        QSignalSpy progress(client(), &WebexClient::uploadProgress);
        client()->sendFile(QStringLiteral("R1"), QStringLiteral("see **this**"), path,
                           QStringLiteral("tag1"), QStringLiteral("PARENT"));
        QVERIFY(sent.wait());
        QCOMPARE(sent.first().at(0).toString(), QStringLiteral("tag1"));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toString(), QStringLiteral("tag1"));
        QCOMPARE(progress.last().at(1).toLongLong(), progress.last().at(2).toLongLong());

        QCOMPARE(server()->requests().size(), 1);
        const Request &request = server()->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/v1/messages"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer test-token"));
        const QByteArray type = request.header("Content-Type");
        QVERIFY(type.startsWith("multipart/form-data; boundary="));
        const QByteArray boundary = type.mid(type.indexOf('=') + 1);
        QVERIFY(!bytes.contains(boundary));
        const QList<QByteArray> parts = request.body.split('\n');
        Q_UNUSED(parts)
        const QByteArray &body = request.body;
        QVERIFY(body.startsWith("--" + boundary + "\r\n"));
        QVERIFY(body.endsWith("\r\n--" + boundary + "--\r\n"));
        QVERIFY(body.contains(
            "name=\"roomId\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nR1\r\n"));
        QVERIFY(body.contains("\r\n\r\nsee **this**\r\n"));
        QVERIFY(body.contains("name=\"parentId\""));
        // The name's quotes cannot end the header's quoted string.
        QVERIFY(body.contains(
            "name=\"files\"; filename=\"notes _v2_.txt\"\r\nContent-Type: text/plain"));
        QVERIFY(body.contains("\r\n\r\n" + bytes + "\r\n--" + boundary + "--"));
    }

    void anUploadOverTheLimitSendsNothing()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("huge.iso"));
        QFile huge(path);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(WebexClient::MaxUploadBytes + 1)); // sparse: no 100 MB written
        huge.close();
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        QSignalSpy progress(client(), &WebexClient::uploadProgress);
        client()->sendFile(QStringLiteral("R1"), QString(), path, QStringLiteral("big"));
        QVERIFY(failed.wait());
        const ApiError error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Local);
        QVERIFY(error.userMessage().contains(QStringLiteral("100 MB")));
        QTest::qWait(50);
        QCOMPARE(server()->requests().size(), 0);
        QCOMPARE(progress.size(), 0);
    }

    void uploadsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("roomId");
        QTest::newRow("empty file") << QStringLiteral("empty.txt") << QStringLiteral("R1");
        QTest::newRow("no file") << QStringLiteral("missing.txt") << QStringLiteral("R1");
        QTest::newRow("a folder") << QString() << QStringLiteral("R1");
        QTest::newRow("no space") << QStringLiteral("one.txt") << QString();
    }

    void uploadsRefusedBeforeSending()
    {
        QFETCH(QString, name);
        QFETCH(QString, roomId);
        QTemporaryDir folder;
        QFile empty(folder.filePath(QStringLiteral("empty.txt")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile one(folder.filePath(QStringLiteral("one.txt")));
        QVERIFY(one.open(QIODevice::WriteOnly));
        one.write("1");
        one.close();
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendFile(roomId, QString(), folder.filePath(name), QStringLiteral("t"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).value<ApiError>().kind, ApiError::Kind::Local);
        QCOMPARE(server()->requests().size(), 0);
    }

    void anUploadIsNotRepeatedAfterAServerError()
    {
        QTemporaryDir folder;
        QFile source(folder.filePath(QStringLiteral("a.txt")));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("abc");
        source.close();
        int calls = 0;
        server()->setHandler([&calls](const Request &) {
            ++calls;
            return Response::json(503, R"({"message":"busy"})");
        });
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendFile(QStringLiteral("R1"), QString(), source.fileName(), QStringLiteral("t"));
        QVERIFY(failed.wait());
        QTest::qWait(100);
        QCOMPARE(calls, 1); // it may have been posted: the person decides
    }

    void aRateLimitedUploadGoesAgainWhole()
    {
        QTemporaryDir folder;
        QFile source(folder.filePath(QStringLiteral("a.txt")));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("abcdef");
        source.close();
        int calls = 0;
        server()->setHandler([&calls](const Request &) {
            if (++calls == 1)
                return Response::json(429, R"({"message":"slow down"})")
                    .withHeader("Retry-After", "1");
            return Response::json(200, sentJson());
        });
        QSignalSpy sent(client(), &WebexClient::messageSent);
        client()->sendFile(QStringLiteral("R1"), QString(), source.fileName(), QStringLiteral("t"));
        QVERIFY(sent.wait());
        QCOMPARE(server()->requests().size(), 2);
        QCOMPARE(server()->requests().at(0).body, server()->requests().at(1).body);
        QVERIFY(server()->requests().at(1).body.contains("\r\n\r\nabcdef\r\n"));
    }

    void aCancelledUploadSaysNothing()
    {
        server()->setHandler([](const Request &) {
            Response r;
            r.status = 0;
            return r;
        });
        QTemporaryDir folder;
        QFile source(folder.filePath(QStringLiteral("a.txt")));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write("abc");
        source.close();
        QSignalSpy sent(client(), &WebexClient::messageSent);
        QSignalSpy failed(client(), &WebexClient::sendFailed);
        client()->sendFile(QStringLiteral("R1"), QString(), source.fileName(), QStringLiteral("t"));
        QTRY_COMPARE(server()->requests().size(), 1);
        client()->cancelSend(QStringLiteral("t"));
        QTest::qWait(100);
        QCOMPARE(sent.size() + failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebexClientFiles)
#include "tst_webexclientfiles.moc"
