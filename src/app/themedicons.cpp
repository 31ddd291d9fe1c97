#include "themedicons.h"

#include <QHash>
#include <QPainter>

namespace {
QString resourcePath(const QString &name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

// The SVGs are black shapes; SourceIn keeps their alpha (the shape, anti-aliased) and takes
// the colour, so one file serves every theme.
QPixmap tinted(const QString &name, int devicePixels, const QColor &color)
{
    QPixmap shape = QIcon(resourcePath(name)).pixmap(devicePixels, devicePixels);
    if (shape.isNull())
        return shape;
    shape.setDevicePixelRatio(1.0);
    QPainter painter(&shape);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(shape.rect(), color);
    painter.end();
    return shape;
}
} // namespace

QPixmap ThemedIcons::pixmap(const QString &name, int size, const QColor &color,
                            qreal devicePixelRatio)
{
    // Many rows paint the same few icons; render each (name, size, colour, ratio) once.
    static QHash<QString, QPixmap> cache;
    const int devicePixels = qRound(size * devicePixelRatio);
    const QString key = QStringLiteral("%1/%2/%3").arg(name).arg(devicePixels).arg(color.rgba());
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, tinted(name, devicePixels, color));
    QPixmap result = *it;
    result.setDevicePixelRatio(devicePixelRatio);
    return result;
}

QIcon ThemedIcons::icon(const QString &name, const QColor &color, const QColor &disabledColor)
{
    QIcon icon;
    // Sizes for 1x and 2x screens at the usual small and toolbar sizes; QIcon picks the
    // nearest, so there is always a pixmap drawn for (or above) the size shown.
    for (int size : {16, 24, 32, 48, 64}) {
        icon.addPixmap(tinted(name, size, color), QIcon::Normal);
        icon.addPixmap(tinted(name, size, disabledColor), QIcon::Disabled);
    }
    return icon;
}
