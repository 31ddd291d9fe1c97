#pragma once

#include <QString>

// Moves what an older Webex Desk kept under the organization name "Webex Desk" to where it
// keeps it now, once: the settings file's keys into the new file (QSettings to QSettings, so
// the format is read and written by Qt), and the cache folder (only a cache: moved if it can
// be, dropped otherwise). The old folders go if nothing else is left in them.
// QtCore only; it takes the paths, so tests give it folders of their own.
class SettingsMigration
{
public:
    struct Locations
    {
        QString settingsFile; // as QSettings::fileName() names it for the user scope
        QString cacheDirectory;
    };
    struct Result
    {
        bool settingsMoved = false;
        bool cacheMoved = false;
        bool cacheDropped = false;
    };

    SettingsMigration(Locations from, Locations to);

    // Where QSettings and QStandardPaths::CacheLocation put this application's files for an
    // organization name (the application name as QCoreApplication has it).
    [[nodiscard]] static Locations locationsFor(const QString &organization);

    // Idempotent: after the first run there is nothing left to move.
    Result run() const;

private:
    bool moveSettings() const;
    void moveCache(Result &result) const;

    Locations m_from;
    Locations m_to;
};
