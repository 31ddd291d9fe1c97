#include "filescontroller.h"

#include "api/webexclient.h"
#include "filepreviews.h"
#include "imagedecoding.h"
#include "imageviewer.h"
#include "transfersbar.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>

FilesController::FilesController(FilePreviews *previews, TransfersBar *transfers,
                                 QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_previews(previews), m_transfers(transfers), m_dialogParent(dialogParent)
{
    connect(m_transfers, &TransfersBar::cancelRequested, this, [this](const QString &key) {
        // Only downloads are ours; uploads' lines are the conversation's.
        if (key.startsWith(QLatin1String("download:")))
            cancelDownload(QUrl(key.mid(int(qstrlen("download:")))));
    });
    connect(m_transfers, &TransfersBar::showInFolderRequested, this, [](const QString &path) {
        // The folder opens, not the file: nothing someone sent is run by a click here.
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
}

FilesController::~FilesController() = default;

void FilesController::begin(WebexClient *client)
{
    end();
    m_client = client;
    if (!client)
        return;
    connect(client, &WebexClient::downloadProgress, this, &FilesController::onProgress);
    connect(client, &WebexClient::fileDownloaded, this, &FilesController::onDownloaded);
    connect(client, &WebexClient::downloadFailed, this, &FilesController::onDownloadFailed);
    connect(client, &WebexClient::fileFetched, this, &FilesController::onFileFetched);
    connect(client, &WebexClient::fileFetchFailed, this, &FilesController::onFileFetchFailed);
}

void FilesController::end()
{
    if (m_client) {
        for (auto it = m_downloading.cbegin(); it != m_downloading.cend(); ++it) {
            m_client->cancelDownload(it.key());
            m_transfers->remove(keyOf(it.key()));
        }
        disconnect(m_client, nullptr, this, nullptr);
    }
    m_downloading.clear();
    m_client = nullptr;
    if (m_viewer)
        m_viewer->close();
    m_viewed.clear();
}

QString FilesController::downloadsFolder() const
{
    if (!m_folder.isEmpty())
        return m_folder;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QString FilesController::keyOf(const QUrl &url)
{
    return QStringLiteral("download:") + url.toString(QUrl::FullyEncoded);
}

QString FilesController::nameOf(const QUrl &url) const
{
    const FileInfo info = m_previews->info(url);
    return info.name.isEmpty() ? tr("the file") : info.name;
}

void FilesController::open(const QUrl &url)
{
    if (!m_client || url.isEmpty())
        return;
    const FileInfo info = m_previews->info(url);
    if (m_previews->state(url) == FilePreviews::State::Failed)
        m_previews->retry(url); // a file scanned meanwhile may be there now
    if (!info.isShownImage() || info.size < 0 || info.size > MaxViewedBytes) {
        download(url);
        return;
    }
    if (m_viewer)
        m_viewer->close();
    m_viewer = new ImageViewer(info.name, m_dialogParent);
    connect(m_viewer, &ImageViewer::saveRequested, this, [this, url] { download(url); });
    m_viewed = url;
    m_viewer->show();
    m_client->fetchFile(url, MaxViewedBytes);
}

void FilesController::onFileFetched(const FileInfo &info, const QByteArray &bytes)
{
    if (info.url != m_viewed || !m_viewer)
        return; // a thumbnail's picture (FilePreviews takes it)
    m_viewed.clear();
    auto *watcher = new QFutureWatcher<QImage>(this);
    const QPointer<ImageViewer> viewer = m_viewer;
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [watcher, viewer] {
        watcher->deleteLater();
        if (!viewer)
            return; // closed meanwhile
        const QImage image = watcher->result();
        if (image.isNull())
            viewer->showProblem(tr("This picture cannot be shown: it is damaged, too large, or "
                                   "not a picture after all. Save it to look at it elsewhere."));
        else
            viewer->setImage(image);
    });
    watcher->setFuture(ImageDecoding::decodeLater(bytes, QSize(MaxViewedSide, MaxViewedSide)));
}

void FilesController::onFileFetchFailed(const QUrl &url, const ApiError &error)
{
    if (url != m_viewed || !m_viewer)
        return;
    m_viewed.clear();
    m_viewer->showProblem(tr("The picture could not be loaded. %1").arg(error.userMessage()));
}

void FilesController::download(const QUrl &url)
{
    if (!m_client || url.isEmpty() || m_downloading.contains(url))
        return;
    const QString name = nameOf(url);
    m_downloading.insert(url, name);
    m_transfers->showProgress(keyOf(url), tr("Downloading %1…").arg(name), -1);
    m_client->downloadFile(url, downloadsFolder());
}

void FilesController::cancelDownload(const QUrl &url)
{
    if (!m_downloading.contains(url))
        return;
    m_downloading.remove(url);
    if (m_client)
        m_client->cancelDownload(url);
    m_transfers->showDone(keyOf(url), tr("The download of %1 was cancelled.").arg(nameOf(url)));
}

void FilesController::onProgress(const QUrl &url, qint64 received, qint64 total)
{
    const auto it = m_downloading.constFind(url);
    if (it == m_downloading.cend())
        return;
    const int percent = total > 0 ? int(received * 100 / total) : -1;
    // The name Webex gave, once known (a download asked for before its HEAD came back).
    const QString name = m_previews->info(url).name.isEmpty() ? *it : m_previews->info(url).name;
    m_transfers->showProgress(keyOf(url), tr("Downloading %1…").arg(name), percent);
}

void FilesController::onDownloaded(const QUrl &url, const QString &path)
{
    if (!m_downloading.remove(url))
        return;
    const QFileInfo file(path);
    m_transfers->showDone(keyOf(url),
                          tr("%1 is saved in %2.")
                              .arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath())),
                          path);
}

void FilesController::onDownloadFailed(const QUrl &url, const ApiError &error)
{
    const QString name = m_downloading.take(url);
    if (name.isEmpty())
        return;
    m_transfers->showFailed(keyOf(url),
                            tr("%1 was not downloaded. %2").arg(name, error.userMessage()));
}
