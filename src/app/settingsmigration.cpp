#include "settingsmigration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>

#include <utility>

namespace {
Q_LOGGING_CATEGORY(lcSettings, "webexdesk.settings")

// The organization's folder (e.g. ~/.config/Webex Desk) once the app's file or folder in it is
// gone: removed if empty, so no folder with a space is left behind. rmdir() refuses a
// folder that still holds something, which is what we want.
void removeParentIfEmpty(const QString &path)
{
    QDir parent = QFileInfo(path).absoluteDir();
    const QString name = parent.dirName();
    if (parent.cdUp())
        parent.rmdir(name);
}
} // namespace

SettingsMigration::SettingsMigration(Locations from, Locations to)
    : m_from(std::move(from)), m_to(std::move(to))
{}

SettingsMigration::Locations SettingsMigration::locationsFor(const QString &organization)
{
    // CacheLocation follows QCoreApplication's organization name, so it is asked under the
    // name wanted and the name is put back.
    const QString current = QCoreApplication::organizationName();
    QCoreApplication::setOrganizationName(organization);
    Locations locations;
    locations.settingsFile = QSettings(QSettings::NativeFormat, QSettings::UserScope, organization,
                                       QCoreApplication::applicationName())
                                 .fileName();
    locations.cacheDirectory = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QCoreApplication::setOrganizationName(current);
    return locations;
}

SettingsMigration::Result SettingsMigration::run() const
{
    Result result;
    result.settingsMoved = moveSettings();
    moveCache(result);
    return result;
}

bool SettingsMigration::moveSettings() const
{
    // Only a file can be moved this way (on Windows the settings are in the registry, where
    // fileName() is no file: nothing happens there).
    if (m_from.settingsFile == m_to.settingsFile || !QFileInfo(m_from.settingsFile).isFile() ||
        QFileInfo::exists(m_to.settingsFile))
        return false;
    {
        const QSettings from(m_from.settingsFile, QSettings::NativeFormat);
        QSettings to(m_to.settingsFile, QSettings::NativeFormat);
        const QStringList keys = from.allKeys();
        for (const QString &key : keys)
            to.setValue(key, from.value(key));
        to.sync();
        if (to.status() != QSettings::NoError) {
            // The old file stays: nothing is lost, and the next start tries again.
            qCWarning(lcSettings) << "could not write the settings to" << m_to.settingsFile;
            return false;
        }
    }
    QFile::remove(m_from.settingsFile);
    removeParentIfEmpty(m_from.settingsFile);
    qCInfo(lcSettings) << "moved the settings from" << m_from.settingsFile << "to"
                       << m_to.settingsFile;
    return true;
}

void SettingsMigration::moveCache(Result &result) const
{
    if (m_from.cacheDirectory == m_to.cacheDirectory || !QFileInfo(m_from.cacheDirectory).isDir())
        return;
    if (!QFileInfo::exists(m_to.cacheDirectory) &&
        QDir().mkpath(QFileInfo(m_to.cacheDirectory).absolutePath()) &&
        QDir().rename(m_from.cacheDirectory, m_to.cacheDirectory)) {
        result.cacheMoved = true;
        qCInfo(lcSettings) << "moved the cache from" << m_from.cacheDirectory << "to"
                           << m_to.cacheDirectory;
    } else {
        // A newer cache is there already, or the old one is on another file system: it is only
        // a cache, and a copy would cost more than fetching it again.
        result.cacheDropped = QDir(m_from.cacheDirectory).removeRecursively();
        qCInfo(lcSettings) << "dropped the old cache" << m_from.cacheDirectory;
    }
    removeParentIfEmpty(m_from.cacheDirectory);
}
