#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

// The app's SVG icons (resources/icons), drawn in a colour taken from the palette, so they
// follow light and dark themes and stay sharp at any scale: the SVG is rendered at the device
// pixel size it is shown at, never scaled from a bitmap. Rendered pixmaps are cached.
class ThemedIcons
{
public:
    // name: file name without ".svg", e.g. "lock". size in device-independent pixels.
    [[nodiscard]] static QPixmap pixmap(const QString &name, int size, const QColor &color,
                                        qreal devicePixelRatio);
    // An icon for buttons and actions: the SVG tinted for the normal and disabled states.
    [[nodiscard]] static QIcon icon(const QString &name, const QColor &color,
                                    const QColor &disabledColor);
};
