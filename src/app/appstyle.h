#pragma once

#include <QProxyStyle>

// The application's style (the platform's, or the one -style names) with one change: the
// button that shows the menu bar's hidden menus gets an icon drawn when it is first shown.
// Qt's own loads two PNGs through QImageReader, which loads every image-format plugin (GIF,
// ICO, JPEG, SVG) to tell their format, while the main window is built: about 4 ms before the
// first frame in a profile (docs/BENCHMARKS.md, start-up).
class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // `baseStyleKey`: QStyleFactory's key of the style to follow, e.g.
    // QApplication::style()->name().
    explicit AppStyle(const QString &baseStyleKey);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};
