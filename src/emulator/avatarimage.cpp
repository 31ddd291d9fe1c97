#include "avatarimage.h"

#include <QBuffer>
#include <QColor>
#include <QImage>

QByteArray AvatarImage::png(int hue, int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(hue % 360, 140, 210));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
