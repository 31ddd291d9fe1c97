#include "shownprofile.h"

#include "mainwindow.h"

#include <QLabel>

namespace ShownProfile {

namespace {
const QLabel &label(const MainWindow &window, const char *name)
{
    const auto *found = window.findChild<QLabel *>(QLatin1String(name));
    if (!found)
        qFatal("the main window has no QLabel %s", name);
    return *found;
}
} // namespace

QString name(const MainWindow &window)
{
    return label(window, "nameLabel").text();
}

QString email(const MainWindow &window)
{
    return label(window, "emailLabel").text();
}

const QLabel *picture(const MainWindow &window)
{
    return &label(window, "avatarLabel");
}

} // namespace ShownProfile
