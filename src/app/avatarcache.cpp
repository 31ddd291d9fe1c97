#include "avatarcache.h"

#include "api/apibase.h"
#include "api/webexclient.h"

#include <QAbstractNetworkCache>
#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QNetworkCacheMetaData>
#include <QNetworkDiskCache>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace {
// A year: pictures are addressed by URLs that change with the picture.
constexpr qint64 KeepOnDiskSeconds = 365LL * 24 * 3600;
constexpr qint64 DiskCacheBytes = 50LL * 1024 * 1024;
// Picture downloads give up after this long, as API calls do.
constexpr int ImageTimeoutMs = 30000;
} // namespace

AvatarCache::AvatarCache(const QString &diskCacheDirectory, QObject *parent) : QObject(parent)
{
    m_network.setTransferTimeout(ImageTimeoutMs);
    if (!diskCacheDirectory.isEmpty()) {
        auto *disk = new QNetworkDiskCache(&m_network);
        disk->setCacheDirectory(diskCacheDirectory);
        disk->setMaximumCacheSize(DiskCacheBytes);
        m_network.setCache(disk);
        m_disk = disk;
    }
    connect(this, &AvatarCache::imageWanted, this, [this](const QUrl &url) {
        if (m_client)
            m_client->fetchImage(url);
    });
}

// Out of line: WebexClient is complete here.
AvatarCache::~AvatarCache() = default;

void AvatarCache::begin(const ApiBase &api)
{
    end();
    m_client = new WebexClient(api, &m_network, this);
    connect(m_client, &WebexClient::imageFetched, this, &AvatarCache::imageArrived);
    connect(m_client, &WebexClient::imageFailed, this,
            [this](const QUrl &url, const ApiError &) { imageFailed(url); });
}

WebexClient *AvatarCache::downloads() const
{
    return m_client;
}

void AvatarCache::end()
{
    if (!m_client)
        return;
    m_client->cancelAll();
    m_client->deleteLater();
    m_client = nullptr;
    // Pictures that did not arrive may be asked for again in the next session.
    m_asked.clear();
}

QString AvatarCache::initials(const QString &name)
{
    QString result;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (part.at(0).isLetterOrNumber())
            result += part.at(0).toUpper();
        if (result.size() == 2)
            break;
    }
    if (result.isEmpty() && !name.isEmpty())
        result = name.left(1).toUpper(); // an e-mail address, say
    return result;
}

QPixmap AvatarCache::avatar(const QUrl &url, const QString &name, int size, qreal devicePixelRatio,
                            const QPalette &palette)
{
    const bool known = url.isValid() && (m_images.contains(url) || loadFromDisk(url));
    if (url.isValid() && !known && !m_asked.contains(url)) {
        m_asked.insert(url);
        emit imageWanted(url);
    }

    const int side = qRound(size * devicePixelRatio);
    const QColor background = palette.color(QPalette::Highlight);
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(known ? url.toString() : QString(), name)
                            .arg(side)
                            .arg(background.rgba());
    auto it = m_rendered.constFind(key);
    if (it != m_rendered.constEnd())
        return *it;

    QPixmap result(side, side);
    result.fill(Qt::transparent);
    QPainter painter(&result);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(0, 0, side, side);
    painter.setClipPath(circle);
    if (known) {
        const QImage image = m_images.value(url).scaled(side, side, Qt::KeepAspectRatioByExpanding,
                                                        Qt::SmoothTransformation);
        painter.drawImage(QPoint((side - image.width()) / 2, (side - image.height()) / 2), image);
    } else {
        painter.fillRect(result.rect(), background);
        painter.setPen(palette.color(QPalette::HighlightedText));
        QFont font = painter.font();
        font.setPixelSize(qMax(1, qRound(side * 0.4)));
        painter.setFont(font);
        painter.drawText(result.rect(), Qt::AlignCenter, initials(name));
    }
    painter.end();
    result.setDevicePixelRatio(devicePixelRatio);
    m_rendered.insert(key, result);
    return result;
}

void AvatarCache::imageArrived(const QUrl &url, const QByteArray &bytes)
{
    QImage image;
    if (!image.loadFromData(bytes))
        return; // the initials stay: a broken picture is not worth a message
    m_images.insert(url, image);
    storeOnDisk(url, bytes);
    emit avatarChanged(url);
}

void AvatarCache::imageFailed(const QUrl &url)
{
    Q_UNUSED(url) // the initials stay; m_asked keeps it from being asked for again
}

bool AvatarCache::loadFromDisk(const QUrl &url)
{
    if (!m_disk)
        return false;
    std::unique_ptr<QIODevice> stored(m_disk->data(url));
    if (!stored)
        return false;
    QImage image;
    if (!image.loadFromData(stored->readAll()))
        return false;
    m_images.insert(url, image);
    return true;
}

void AvatarCache::storeOnDisk(const QUrl &url, const QByteArray &bytes)
{
    if (!m_disk)
        return;
    // The download went through the disk cache already, but a CDN (or the emulator) may not
    // send the headers that make it keep the picture; keep it explicitly, for a year.
    const QNetworkCacheMetaData existing = m_disk->metaData(url);
    if (existing.isValid() && existing.expirationDate() > QDateTime::currentDateTimeUtc())
        return;
    QNetworkCacheMetaData meta;
    meta.setUrl(url);
    meta.setSaveToDisk(true);
    meta.setExpirationDate(QDateTime::currentDateTimeUtc().addSecs(KeepOnDiskSeconds));
    QIODevice *device = m_disk->prepare(meta);
    if (!device)
        return;
    device->write(bytes);
    m_disk->insert(device);
}

void AvatarCache::forget()
{
    m_images.clear();
    m_rendered.clear();
    m_asked.clear();
    if (m_disk)
        m_disk->clear();
}
