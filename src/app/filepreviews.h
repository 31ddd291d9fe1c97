#pragma once

#include "api/apierror.h"
#include "model/fileinfo.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

class WebexClient;

// What the message list shows of each file a message carries: its name, size and type (asked
// for once per file, HEAD), and for a picture a thumbnail. A thumbnail is downloaded once: the
// picture (at most MaxThumbnailSourceBytes) comes into memory, is decoded and shrunk off the UI
// thread (ImageDecoding), and the thumbnail is kept for the session and, as a PNG in the
// account's image cache, for the next ones. Larger pictures show as files to download.
//
// Like AvatarCache, it is asked while rows are painted: info() and thumbnail() start what is
// missing and return what is there; changed() says when a file's row should be laid out again.
class FilePreviews : public QObject
{
    Q_OBJECT

public:
    // Thumbnails fit in this box (logical pixels); the list reserves it for every picture.
    static constexpr int ThumbnailWidth = 240;
    static constexpr int ThumbnailHeight = 160;
    static constexpr qint64 MaxThumbnailSourceBytes = 20LL * 1024 * 1024;

    // `diskDirectory`: where thumbnails are kept between runs; empty keeps them in memory.
    explicit FilePreviews(const QString &diskDirectory = {}, QObject *parent = nullptr);
    ~FilePreviews() override;

    // A session began (files are asked for through `client`), or ended: nothing more is asked
    // for; what is known stays until forget().
    void begin(WebexClient *client);
    void end();
    // Sign-out, *Forget Local Data*: the thumbnails kept, in memory and on disk, go.
    void forget();

    enum class State { Unknown, Loading, Known, Failed };
    // What is known of a file, asking for it once.
    [[nodiscard]] State state(const QUrl &url);
    [[nodiscard]] FileInfo info(const QUrl &url) const { return m_infos.value(url); }
    // Why its name could not be had (Failed).
    [[nodiscard]] QString problem(const QUrl &url) const { return m_problems.value(url); }
    // Whether it is shown as a picture: a known picture type, small enough to preview.
    [[nodiscard]] bool isPreviewed(const QUrl &url) const;
    // The thumbnail (device pixels for `devicePixelRatio`), or a null image while it is on its
    // way or when there is none; asks for it once.
    [[nodiscard]] QImage thumbnail(const QUrl &url, qreal devicePixelRatio);
    // Forgets a failure and asks Webex again (the person clicked the file).
    void retry(const QUrl &url);

signals:
    // What is known of the file changed (its info came or failed): rows showing it change size.
    void changed(const QUrl &url);
    // Its thumbnail is ready: rows showing it repaint.
    void thumbnailReady(const QUrl &url);

private:
    void onInfo(const FileInfo &info);
    void onInfoFailed(const QUrl &url, const ApiError &error);
    void onBytes(const FileInfo &info, const QByteArray &bytes);
    // Off the UI thread; `keepOnDisk`: the thumbnail is written to the disk directory too.
    void decode(const QUrl &url, const QByteArray &bytes, bool keepOnDisk);
    [[nodiscard]] QString diskPath(const QUrl &url) const;
    void loadFromDisk(const QUrl &url);

    QString m_diskDirectory;
    QPointer<WebexClient> m_client;
    QHash<QUrl, FileInfo> m_infos;
    QHash<QUrl, QString> m_problems;
    QSet<QUrl> m_asked;          // HEAD sent (or answered)
    QSet<QUrl> m_thumbnailAsked; // picture asked for, or being decoded
    QHash<QUrl, QImage> m_thumbnails;
    qreal m_ratio = 1.0; // the device pixel ratio thumbnails are made for
};
