#pragma once

#include <QAbstractNetworkCache>
#include <QHash>
#include <QImage>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QUrl>

class ApiBase;
class QPalette;
class WebexClient;

// Senders' pictures for the message list: round, at the size shown. Until a picture is there
// (or when a person has none) their initials stand in, on a colour from the palette.
// Each URL is asked for once (imageWanted) and, during a session, downloaded; the bytes that
// come back (imageArrived) are kept in memory for the session and, through the disk cache, for
// the next one: a picture found on disk is not downloaded again. Webex's avatar URLs change
// when the picture does, so a stored picture never goes stale.
//
// Pictures have a network access manager of their own, the one with the disk cache: API
// answers (messages, people) carry the access token and private content and must not be
// written to disk.
class AvatarCache : public QObject
{
    Q_OBJECT

public:
    // `diskCacheDirectory`: where pictures are kept between runs; empty keeps them in memory.
    explicit AvatarCache(const QString &diskCacheDirectory = {}, QObject *parent = nullptr);
    ~AvatarCache() override;

    // A session began: pictures asked for from now on are downloaded (WebexClient::fetchImage:
    // no Authorization, https or loopback only). end(): downloads stop; what is kept stays.
    void begin(const ApiBase &api);
    void end();
    // The client the pictures come through during a session (null outside one), for whoever
    // says when they wait (LookupWaitsController). A picture that fails, after its retries,
    // keeps its initials and is not asked for again in the session.
    [[nodiscard]] WebexClient *downloads() const;
    // Sign-out, *Forget Local Data*: the pictures kept, in memory and on disk, go.
    void forget();

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

    QNetworkAccessManager m_network;
    QPointer<QAbstractNetworkCache> m_disk;
    QPointer<WebexClient> m_client;
    QHash<QUrl, QImage> m_images;
    QHash<QString, QPixmap> m_rendered; // "url|name|device pixels|colour" -> round pixmap
    QSet<QUrl> m_asked;
};
