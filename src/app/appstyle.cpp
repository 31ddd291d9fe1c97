#include "appstyle.h"

#include "themedicons.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

AppStyle::AppStyle(const QString &baseStyleKey) : QProxyStyle(baseStyleKey) {}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                             const QWidget *widget) const
{
    if (standardIcon != SP_ToolBarHorizontalExtensionButton &&
        standardIcon != SP_ToolBarVerticalExtensionButton)
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const QColor color = palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    // Drawn by ThemedIcons' engine only when painted, at the size painted.
    return ThemedIcons::icon(QStringLiteral("more"), color, disabled);
}
