#include "filepreviews.h"

#include "api/webexclient.h"
#include "imagedecoding.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

FilePreviews::FilePreviews(const QString &diskDirectory, QObject *parent)
    : QObject(parent), m_diskDirectory(diskDirectory)
{}

FilePreviews::~FilePreviews() = default;

void FilePreviews::begin(WebexClient *client)
{
    end();
    m_client = client;
    if (!client)
        return;
    connect(client, &WebexClient::fileInfoFetched, this, &FilePreviews::onInfo);
    connect(client, &WebexClient::fileInfoFailed, this, &FilePreviews::onInfoFailed);
    connect(client, &WebexClient::fileFetched, this, &FilePreviews::onBytes);
}

void FilePreviews::end()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = nullptr;
    // What did not come may be asked for in the next session.
    const QSet<QUrl> asked = m_asked;
    for (const QUrl &url : asked) {
        if (!m_infos.contains(url))
            m_asked.remove(url);
    }
    m_problems.clear();
    for (auto it = m_thumbnailAsked.begin(); it != m_thumbnailAsked.end();) {
        if (m_thumbnails.contains(*it))
            ++it;
        else
            it = m_thumbnailAsked.erase(it);
    }
}

void FilePreviews::forget()
{
    m_infos.clear();
    m_problems.clear();
    m_asked.clear();
    m_thumbnails.clear();
    m_thumbnailAsked.clear();
    if (!m_diskDirectory.isEmpty())
        QDir(m_diskDirectory).removeRecursively();
}

FilePreviews::State FilePreviews::state(const QUrl &url)
{
    if (m_infos.contains(url))
        return State::Known;
    if (m_problems.contains(url))
        return State::Failed;
    if (!m_asked.contains(url)) {
        if (!m_client)
            return State::Unknown;
        m_asked.insert(url);
        m_client->fetchFileInfo(url);
    }
    return State::Loading;
}

bool FilePreviews::isPreviewed(const QUrl &url) const
{
    const FileInfo info = m_infos.value(url);
    return info.isShownImage() && info.size >= 0 && info.size <= MaxThumbnailSourceBytes;
}

QImage FilePreviews::thumbnail(const QUrl &url, qreal devicePixelRatio)
{
    if (devicePixelRatio > m_ratio) {
        // A screen with more pixels than the thumbnails were made for: made again.
        m_ratio = devicePixelRatio;
        m_thumbnails.clear();
        m_thumbnailAsked.clear();
    }
    const QImage image = m_thumbnails.value(url);
    if (!image.isNull() || m_thumbnailAsked.contains(url) || !isPreviewed(url))
        return image;
    // Asked once a session: if the bytes do not come (fileFetchFailed), the file stays listed by
    // name, as any other file is.
    m_thumbnailAsked.insert(url);
    if (!m_diskDirectory.isEmpty() && QFile::exists(diskPath(url)))
        loadFromDisk(url);
    else if (m_client)
        m_client->fetchFile(url, MaxThumbnailSourceBytes);
    return {};
}

void FilePreviews::retry(const QUrl &url)
{
    if (m_problems.remove(url) == 0)
        return;
    m_asked.remove(url);
    (void)state(url); // asks Webex again
}

void FilePreviews::onInfo(const FileInfo &info)
{
    m_problems.remove(info.url);
    m_infos.insert(info.url, info);
    emit changed(info.url);
}

void FilePreviews::onInfoFailed(const QUrl &url, const ApiError &error)
{
    m_problems.insert(url, error.userMessage());
    emit changed(url);
}

void FilePreviews::onBytes(const FileInfo &info, const QByteArray &bytes)
{
    if (!m_thumbnailAsked.contains(info.url))
        return; // a full-size picture for the viewer, not ours
    if (!m_infos.contains(info.url)) {
        m_infos.insert(info.url, info);
        emit changed(info.url);
    }
    decode(info.url, bytes, true);
}

void FilePreviews::decode(const QUrl &url, const QByteArray &bytes, bool keepOnDisk)
{
    const QSize box = QSize(ThumbnailWidth, ThumbnailHeight) * m_ratio;
    auto *watcher = new QFutureWatcher<QImage>(this);
    const QString path = m_diskDirectory.isEmpty() || !keepOnDisk ? QString() : diskPath(url);
    const qreal ratio = m_ratio;
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, url, ratio] {
        watcher->deleteLater();
        QImage image = watcher->result();
        if (image.isNull() || ratio != m_ratio || !m_thumbnailAsked.contains(url))
            return; // not a picture after all, or forgotten meanwhile
        image.setDevicePixelRatio(ratio);
        m_thumbnails.insert(url, image);
        emit thumbnailReady(url);
    });
    // Decoded, and kept on disk as a small PNG, on the thread pool.
    watcher->setFuture(QtConcurrent::run([bytes, box, path] {
        QImage image = ImageDecoding::decode(bytes, box);
        if (!image.isNull() && !path.isEmpty() && QDir().mkpath(QFileInfo(path).path())) {
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && image.save(&file, "PNG"))
                file.commit();
        }
        return image;
    }));
}

void FilePreviews::loadFromDisk(const QUrl &url)
{
    QFile file(diskPath(url));
    // A thumbnail is a few tens of KiB; anything larger is not ours.
    if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly)) {
        if (m_client)
            m_client->fetchFile(url, MaxThumbnailSourceBytes);
        return;
    }
    decode(url, file.readAll(), false);
}

QString FilePreviews::diskPath(const QUrl &url) const
{
    // The URL's hash names the file: nothing of the URL itself reaches the file system.
    const QByteArray hash =
        QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex();
    return m_diskDirectory + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".png");
}
