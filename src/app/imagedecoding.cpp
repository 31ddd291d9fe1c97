#include "imagedecoding.h"

#include <QBuffer>
#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

QImage ImageDecoding::decode(const QByteArray &bytes, const QSize &box)
{
    QByteArray data = bytes; // shared, not copied: QBuffer wants a pointer it may not change
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true); // a phone's photo stands as it was taken
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty() || qint64(size.width()) * size.height() > MaxPixels)
        return {};
    if (size.width() > box.width() || size.height() > box.height())
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    // Formats that do not scale while reading (GIF, some PNGs) come whole: shrink them here.
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QFuture<QImage> ImageDecoding::decodeLater(const QByteArray &bytes, const QSize &box)
{
    return QtConcurrent::run([bytes, box] { return decode(bytes, box); });
}
