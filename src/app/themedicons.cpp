#include "themedicons.h"

#include <QHash>
#include <QIconEngine>
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

namespace {
// Draws the tinted SVG when a size is asked for, at exactly that size, and no sooner: an icon
// made of pixmaps rendered up front at every likely size cost milliseconds of start-up for
// pixmaps never shown (docs/BENCHMARKS.md, start-up).
class TintedIconEngine : public QIconEngine
{
public:
    TintedIconEngine(QString name, QColor color, QColor disabledColor)
        : m_name(std::move(name)), m_color(color), m_disabledColor(disabledColor)
    {}

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const int side = qMin(size.width(), size.height());
        return ThemedIcons::pixmap(m_name, side,
                                   mode == QIcon::Disabled ? m_disabledColor : m_color, scale);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int side = qMin(size.width(), size.height());
        return {side, side}; // square, as the SVGs are
    }
    QIconEngine *clone() const override
    {
        return new TintedIconEngine(m_name, m_color, m_disabledColor);
    }
    QString key() const override { return QStringLiteral("webexdesk-tinted"); }

private:
    QString m_name;
    QColor m_color;
    QColor m_disabledColor;
};
} // namespace

QIcon ThemedIcons::icon(const QString &name, const QColor &color, const QColor &disabledColor)
{
    return QIcon(new TintedIconEngine(name, color, disabledColor));
}
