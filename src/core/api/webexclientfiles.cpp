// The files of messages: contents/{id} (HEAD, GET into memory, GET to disk) and messages sent
// with a file (POST multipart). Endpoints as in webexclient.cpp, which runs them.
#include "api/webexclient.h"

#include "api/multipartfilebody.h"
#include "api/webexclient_p.h"
#include "files/contentdisposition.h"
#include "files/downloadfile.h"
#include "files/safefilename.h"
#include "logging.h"
#include "model/webexidtext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QNetworkReply>

#include <limits>
#include <memory>

namespace {

// A MIME type as a header gives it, reduced to what it names: "image/png", lower case, no
// parameters; empty for anything that is not a plain type/subtype.
QString mimeTypeOf(const QByteArray &header)
{
    const qsizetype end = header.indexOf(';');
    const QByteArray type = (end < 0 ? header : header.left(end)).trimmed().toLower();
    if (type.isEmpty() || type.size() > 127 || type.count('/') != 1 || type.startsWith('/') ||
        type.endsWith('/'))
        return {};
    for (const char c : type) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             QByteArrayView("/!#$&^_.+-").contains(c);
        if (!allowed)
            return {};
    }
    return QString::fromLatin1(type);
}

QString fallbackFileName()
{
    return QCoreApplication::translate("WebexClient", "file");
}

// What the answer's headers say of the file (HEAD or GET).
FileInfo fileInfoOf(const QUrl &url, const QNetworkReply *reply)
{
    FileInfo info;
    info.url = url;
    info.name = SafeFileName::make(
        ContentDisposition::fileName(reply->rawHeader("Content-Disposition")), fallbackFileName());
    info.type = mimeTypeOf(reply->rawHeader("Content-Type"));
    bool ok = false;
    const qint64 length = reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    info.size = ok && length >= 0 ? length : -1;
    return info;
}

// A download's file on disk, across its attempts.
struct DownloadState
{
    QString folder;
    DownloadFile file;
};
using DownloadStatePtr = std::shared_ptr<DownloadState>;

} // namespace

bool WebexClient::isContentUrl(const QUrl &url) const
{
    if (!url.isValid() || !m_base.isSameOrigin(url) || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty())
        return false;
    const QString prefix = m_base.endpoint(QStringLiteral("contents")).path() + QLatin1Char('/');
    const QString path = url.path();
    return path.startsWith(prefix) && isWebexIdText(path.mid(prefix.size()));
}

WebexClient::CallPtr WebexClient::startContentCall(const Endpoint &endpoint, const QUrl &url,
                                                   std::any context)
{
    const CallPtr call = startCall(endpoint, url, url.toString(QUrl::FullyEncoded));
    if (!call)
        return nullptr; // joins the running one
    call->context = std::move(context);
    if (!isContentUrl(url)) {
        qCWarning(lcApi) << "Refusing a file that is not one of Webex's:" << loggableUrl(url);
        failLater(call, ApiError::localError(
                            tr("This file is not stored at Webex (%1), so Webex Desk does not "
                               "fetch it.")
                                .arg(url.host().left(100))));
        return nullptr;
    }
    return call;
}

WebexClient::CallPtr WebexClient::runningCall(const Endpoint &endpoint, const QString &key) const
{
    for (const CallPtr &call : m_calls) {
        if (call->endpoint == &endpoint && call->key == key)
            return call;
    }
    return nullptr;
}

// ---- HEAD contents/{id} -> fileInfoFetched / fileInfoFailed. Key: the URL.

const WebexClient::Endpoint WebexClient::Endpoint::FileInfo = [] {
    Endpoint e;
    e.kind = CallKind::FileInfo;
    e.method = Method::Head;
    // A HEAD has no body, and its Content-Length is the file's: no limit to check it against.
    e.maxBodyBytes = std::numeric_limits<qint64>::max();
    e.onSameKey = OnSameKey::JoinsRunning;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                  const QByteArray &) {
        emit client.fileInfoFetched(fileInfoOf(call->requestedUrl, reply));
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.fileInfoFailed(call.requestedUrl, error);
    };
    return e;
}();

void WebexClient::fetchFileInfo(const QUrl &contentUrl)
{
    if (const CallPtr call = startContentCall(Endpoint::FileInfo, contentUrl))
        send(call);
}

// ---- GET contents/{id} into memory -> fileFetched / fileFetchFailed. Key: the URL. The call's
// maxBodyBytes is the caller's limit.

const WebexClient::Endpoint WebexClient::Endpoint::FileBytes = [] {
    Endpoint e;
    e.kind = CallKind::FileBytes;
    e.onSameKey = OnSameKey::JoinsRunning;
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                  const QByteArray &body) {
        emit client.fileFetched(fileInfoOf(call->requestedUrl, reply), body);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.fileFetchFailed(call.requestedUrl, error);
    };
    return e;
}();

void WebexClient::fetchFile(const QUrl &contentUrl, qint64 maxBytes)
{
    if (const CallPtr call = startContentCall(Endpoint::FileBytes, contentUrl)) {
        call->maxBodyBytes = qMax<qint64>(0, maxBytes);
        send(call);
    }
}

// ---- GET contents/{id} to disk -> downloadProgress, fileDownloaded / downloadFailed. Key: the
// URL. Context: DownloadStatePtr. The file is opened when the first bytes of a 2xx answer
// come, under the name that answer gives.

const WebexClient::Endpoint WebexClient::Endpoint::Download = [] {
    Endpoint e;
    e.kind = CallKind::Download;
    e.onSameKey = OnSameKey::JoinsRunning;
    // Written to disk, not kept: no limit but the disk's.
    e.maxBodyBytes = std::numeric_limits<qint64>::max();
    e.takeData = [](WebexClient &, const CallPtr &call, QNetworkReply *reply, ApiError *error) {
        DownloadState &state = *call->contextAs<DownloadStatePtr>();
        QString why;
        if (!state.file.isOpen()) {
            const QString name = SafeFileName::make(
                ContentDisposition::fileName(reply->rawHeader("Content-Disposition")),
                fallbackFileName());
            if (!state.file.begin(state.folder, name, &why)) {
                *error = ApiError::localError(why);
                return false;
            }
        }
        if (!state.file.write(reply->readAll(), &why)) {
            *error = ApiError::localError(why);
            return false;
        }
        return true;
    };
    e.undoAttempt = [](Call &call, bool callEnds) {
        const auto *context = std::any_cast<DownloadStatePtr>(&call.context);
        if (!context || !*context)
            return;
        DownloadState &state = **context;
        if (callEnds)
            state.file.cancel();
        else if (state.file.isOpen())
            state.file.restart(); // the retry starts from the first byte again
    };
    e.emitProgress = [](WebexClient &client, const Call &call, qint64 done, qint64 total) {
        emit client.downloadProgress(call.requestedUrl, done, total);
    };
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *reply,
                  const QByteArray &) {
        DownloadState &state = *call->contextAs<DownloadStatePtr>();
        QString why;
        if (!state.file.isOpen()) { // an empty file: no bytes came to open it
            ApiError error;
            if (!Endpoint::Download.takeData(client, call, reply, &error)) {
                client.fail(call, error);
                return false;
            }
        }
        const QString path = state.file.finish(&why);
        if (path.isEmpty()) {
            client.fail(call, ApiError::localError(why));
            return false;
        }
        emit client.fileDownloaded(call->requestedUrl, path);
        return true;
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.downloadFailed(call.requestedUrl, error);
    };
    return e;
}();

void WebexClient::downloadFile(const QUrl &contentUrl, const QString &folder)
{
    auto state = std::make_shared<DownloadState>();
    state->folder = folder;
    if (const CallPtr call = startContentCall(Endpoint::Download, contentUrl, state))
        send(call);
}

void WebexClient::cancelDownload(const QUrl &contentUrl)
{
    if (const CallPtr call =
            runningCall(Endpoint::Download, contentUrl.toString(QUrl::FullyEncoded)))
        cancelCall(call);
}

// ---- POST messages with a file -> uploadProgress, messageSent / sendFailed (as Send). Key: the
// client tag. Context: SendContext.

const WebexClient::Endpoint WebexClient::Endpoint::Upload = [] {
    Endpoint e;
    e.kind = CallKind::Send; // it waits, and fails, as a message sent does
    e.maxBodyBytes = 1LL * 1024 * 1024;
    e.method = Method::Post;
    e.idempotent = false;
    e.onSameKey = OnSameKey::RunsAlongside;
    e.handle = &Endpoint::handleSentMessage;
    e.emitFailure = &Endpoint::emitSendFailure;
    e.progressOfUpload = true;
    e.emitProgress = [](WebexClient &client, const Call &call, qint64 done, qint64 total) {
        emit client.uploadProgress(call.contextAs<SendContext>().clientTag, done, total);
    };
    return e;
}();

void WebexClient::sendFile(const QString &roomId, const QString &markdown, const QString &filePath,
                           const QString &clientTag, const QString &parentId)
{
    const CallPtr call =
        startCall(Endpoint::Upload, m_base.endpoint(QStringLiteral("messages")), clientTag);
    call->context = SendContext{roomId, clientTag};

    const QFileInfo file(filePath);
    QString refused;
    if (roomId.isEmpty())
        refused = tr("No space was given to send the file to.");
    else if (!file.isFile())
        refused = tr("%1 is not a file that can be sent.").arg(file.fileName());
    else if (file.size() > MaxUploadBytes)
        refused = tr("%1 is too large to send: Webex accepts files of up to 100 MB, this one "
                     "has %2 MB.")
                      .arg(file.fileName())
                      .arg(double(file.size()) / 1e6, 0, 'f', 1);
    else if (file.size() == 0)
        refused = tr("%1 is empty; Webex does not accept empty files.").arg(file.fileName());
    else if (!markdown.isEmpty() && markdown.toUtf8().size() > MaxMarkdownBytes)
        refused = refusedText(markdown);
    if (!refused.isEmpty()) {
        failLater(call, ApiError::localError(refused));
        return;
    }

    QList<MultipartFileBody::Field> fields{{"roomId", roomId}};
    if (!markdown.trimmed().isEmpty())
        fields.append({"markdown", markdown});
    if (!parentId.isEmpty())
        fields.append({"parentId", parentId});
    const QString path = file.absoluteFilePath();
    const QString name = SafeFileName::make(file.fileName(), fallbackFileName());
    const QByteArray type = QMimeDatabase().mimeTypeForFile(file).name().toLatin1();
    const qint64 size = file.size();
    // The boundary and the fields are the same for every attempt; the device is new, and
    // checks that the file is still the size that was checked against the limit.
    const QByteArray boundary = MultipartFileBody::newBoundary();
    call->bodyContentType = "multipart/form-data; boundary=" + boundary;
    call->makeBody = [fields, path, name, type, size, boundary](QString *error) -> QIODevice * {
        auto body =
            std::make_unique<MultipartFileBody>(fields, "files", path, name, type, boundary);
        if (!body->openForUpload(size, error))
            return nullptr;
        return body.release();
    };
    send(call);
}

void WebexClient::cancelSend(const QString &clientTag)
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls) {
        if ((call->endpoint == &Endpoint::Upload || call->endpoint == &Endpoint::Send) &&
            call->key == clientTag)
            cancelCall(call);
    }
}
