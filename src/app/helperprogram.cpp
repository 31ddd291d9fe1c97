#include "helperprogram.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString locateHelperProgram(const QString &baseName, const char *environmentVariable)
{
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
#ifdef Q_OS_WIN
    const QString name = baseName + QStringLiteral(".exe");
#else
    const QString name = baseName;
#endif
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QString beside = appDir.filePath(name);
    if (QFileInfo::exists(beside))
        return beside;
#ifdef Q_OS_MACOS
    // Webex Desk.app/Contents/Helpers, where Apple puts helper tools, next to Contents/MacOS,
    // the app's own folder. The build tree has the same layout.
    return QDir::cleanPath(appDir.filePath(QStringLiteral("../Helpers/") + name));
#else
    // bin/webex-desk and libexec/webex-desk/<helper> (the FHS place for programs that people
    // do not run themselves).
    return QDir::cleanPath(appDir.filePath(QStringLiteral("../libexec/webex-desk/") + name));
#endif
}
