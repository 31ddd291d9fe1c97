#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <QAbstractNetworkCache>
class QPalette;

// Senders' pictures for the message list: round, at the size shown. Until a picture is there
// (or when a person has none) their initials stand in, on a colour from the palette.
// Each URL is asked for once (imageWanted); the bytes that come back (imageArrived) are kept in
// memory for the session and, through the disk cache, for the next one: a picture found on
// disk is not downloaded again. Webex's avatar URLs change when the picture does, so a stored
// picture never goes stale.
class AvatarCache : public QObject
{
    Q_OBJECT

public:
    explicit AvatarCache(QObject *parent = nullptr);

    // The disk cache the app's image downloads go through (may be null: memory only).
    void setDiskCache(QAbstractNetworkCache *cache) { m_disk = cache; }

    // The picture for `url`, or initials of `name` while it is not there. Asks for it once.
    [[nodiscard]] QPixmap avatar(const QUrl &url, const QString &name, int size,
                                 qreal devicePixelRatio, const QPalette &palette);

    [[nodiscard]] bool contains(const QUrl &url) const { return m_images.contains(url); }
    // Takes a picture stored by an earlier session from the disk cache; false if none.
    [[nodiscard]] bool loadCached(const QUrl &url) { return loadFromDisk(url); }
    [[nodiscard]] QImage image(const QUrl &url) const { return m_images.value(url); }
    [[nodiscard]] static QString initials(const QString &name);

public slots:
    void imageArrived(const QUrl &url, const QByteArray &bytes);
    void imageFailed(const QUrl &url);

signals:
    void imageWanted(const QUrl &url);
    void avatarChanged(const QUrl &url);

private:
    [[nodiscard]] bool loadFromDisk(const QUrl &url);
    void storeOnDisk(const QUrl &url, const QByteArray &bytes);

    QPointer<QAbstractNetworkCache> m_disk;
    QHash<QUrl, QImage> m_images;
    QHash<QString, QPixmap> m_rendered; // "url|name|device pixels|colour" -> round pixmap
    QSet<QUrl> m_asked;
};
