#pragma once

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QSize>

// Pictures other people sent, decoded off the UI thread (QtConcurrent): a large JPEG takes
// tens of milliseconds to decode, and a hostile one is made to take longer. Each decode reads
// the header first and refuses an image whose pixels would pass MaxPixels, so no file can make
// the app allocate gigabytes; what is decoded is scaled on reading (QImageReader::setScaledSize),
// never decoded whole and shrunk afterwards.
namespace ImageDecoding {

// More than a 100-megapixel camera's picture.
constexpr qint64 MaxPixels = 120LL * 1000 * 1000;

// The image in `bytes` fitted inside `box` (device pixels; not enlarged), or a null image for
// bytes that are not a picture Qt reads, or one too large. Runs on any thread.
[[nodiscard]] QImage decode(const QByteArray &bytes, const QSize &box);
// The same on Qt's thread pool.
[[nodiscard]] QFuture<QImage> decodeLater(const QByteArray &bytes, const QSize &box);

} // namespace ImageDecoding
