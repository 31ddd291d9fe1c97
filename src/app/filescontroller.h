#pragma once

#include "api/apierror.h"
#include "imageviewer.h" // QPointer<ImageViewer> in an inline getter needs the complete type
#include "model/fileinfo.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

class FilePreviews;

class TransfersBar;
class WebexClient;
class QWidget;

// Files people sent, once the person asks for one (a click, the message's menu): a picture
// opens in an ImageViewer, anything else downloads into the Downloads folder, with its progress
// and Cancel in the TransfersBar, then Show in Folder. A download is never opened by the app.
// The file's name on disk is Webex's (Content-Disposition) made safe by SafeFileName, and a
// name already taken gets " (1)" (WebexClient::downloadFile).
class FilesController : public QObject
{
    Q_OBJECT

public:
    // `dialogParent`: the window the picture viewer belongs to.
    FilesController(FilePreviews *previews, TransfersBar *transfers, QWidget *dialogParent,
                    QObject *parent = nullptr);
    ~FilesController() override;

    void begin(WebexClient *client);
    // Downloads stop (their part files go) and viewers close.
    void end();

    // Where downloads go: the system's Downloads folder (QStandardPaths) unless set.
    void setDownloadsFolder(const QString &folder) { m_folder = folder; }
    [[nodiscard]] QString downloadsFolder() const;

    // The most a picture shown full size may be; larger ones are downloaded instead.
    static constexpr qint64 MaxViewedBytes = 50LL * 1024 * 1024;
    // A picture is decoded to at most this many pixels a side for the viewer.
    static constexpr int MaxViewedSide = 8192;

    [[nodiscard]] ImageViewer *viewer() const { return m_viewer; }

public slots:
    // A picture opens in the viewer, another file downloads.
    void open(const QUrl &url);
    void download(const QUrl &url);
    void cancelDownload(const QUrl &url);

signals:
    // A lasting remark for the status bar (a download that could not start).
    void notice(const QString &sentence);

private:
    void onProgress(const QUrl &url, qint64 received, qint64 total);
    void onDownloaded(const QUrl &url, const QString &path);
    void onDownloadFailed(const QUrl &url, const ApiError &error);
    void onFileFetched(const FileInfo &info, const QByteArray &bytes);
    void onFileFetchFailed(const QUrl &url, const ApiError &error);
    [[nodiscard]] QString nameOf(const QUrl &url) const;
    [[nodiscard]] static QString keyOf(const QUrl &url);

    FilePreviews *m_previews;
    TransfersBar *m_transfers;
    QPointer<QWidget> m_dialogParent;
    QPointer<WebexClient> m_client;
    QPointer<ImageViewer> m_viewer;
    QUrl m_viewed; // the picture the viewer waits for
    QString m_folder;
    QHash<QUrl, QString> m_downloading; // url -> the name said while it runs
};
