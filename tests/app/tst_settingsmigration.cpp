// SettingsMigration: the settings and cache of Webex Desk 0.1.0, kept under "Webex Desk" (a
// folder name with a space), move once to the folders named "webex-desk".

#include "settingsmigration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsMigration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void locationsFollowTheXdgFolders();
    void settingsMoveOnce();
    void newerSettingsAreLeftAlone();
    void cacheMovesWithItsFiles();
    void oldCacheIsDroppedWhenANewOneExists();
    void nothingToMoveChangesNothing();

private:
    [[nodiscard]] SettingsMigration::Locations oldLocations() const;
    [[nodiscard]] SettingsMigration::Locations newLocations() const;
    [[nodiscard]] QString path(const QString &relative) const;

    QTemporaryDir m_xdg;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettingsMigration::initTestCase()
{
    QVERIFY(m_xdg.isValid());
    // Before any QSettings exists: it reads XDG_CONFIG_HOME once.
    qputenv("XDG_CONFIG_HOME", m_xdg.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", m_xdg.filePath(QStringLiteral("cache")).toLocal8Bit());
    QCoreApplication::setApplicationName(QStringLiteral("webex-desk"));
}

void TestSettingsMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSettingsMigration::path(const QString &relative) const
{
    return m_dir->filePath(relative);
}

SettingsMigration::Locations TestSettingsMigration::oldLocations() const
{
    return {path(QStringLiteral("config/Webex Desk/webex-desk.conf")),
            path(QStringLiteral("cache/Webex Desk/webex-desk"))};
}

SettingsMigration::Locations TestSettingsMigration::newLocations() const
{
    return {path(QStringLiteral("config/webex-desk/webex-desk.conf")),
            path(QStringLiteral("cache/webex-desk/webex-desk"))};
}

void TestSettingsMigration::locationsFollowTheXdgFolders()
{
    QCoreApplication::setOrganizationName(QStringLiteral("webex-desk"));
    const auto current = SettingsMigration::locationsFor(QStringLiteral("webex-desk"));
    QCOMPARE(current.settingsFile,
             m_xdg.filePath(QStringLiteral("config/webex-desk/webex-desk.conf")));
    QCOMPARE(current.cacheDirectory, m_xdg.filePath(QStringLiteral("cache/webex-desk/webex-desk")));
    const auto old = SettingsMigration::locationsFor(QStringLiteral("Webex Desk"));
    QCOMPARE(old.settingsFile, m_xdg.filePath(QStringLiteral("config/Webex Desk/webex-desk.conf")));
    QCOMPARE(old.cacheDirectory, m_xdg.filePath(QStringLiteral("cache/Webex Desk/webex-desk")));
    // Asking does not change the application's own name.
    QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("webex-desk"));
    // What QSettings() itself uses under that name is the new file.
    QCOMPARE(QSettings().fileName(), current.settingsFile);
}

void TestSettingsMigration::settingsMoveOnce()
{
    {
        QSettings old(oldLocations().settingsFile, QSettings::NativeFormat);
        old.setValue(QStringLiteral("MainWindow/geometry"), QByteArray("\x01\x02 geometry"));
        old.setValue(QStringLiteral("seenSpaces"), QVariantMap{{QStringLiteral("a b"), 3}});
        old.setValue(QStringLiteral("top"), QStringLiteral("value with spaces, and = sign"));
    }
    QVERIFY(QFile::exists(oldLocations().settingsFile));

    const auto result = SettingsMigration(oldLocations(), newLocations()).run();
    QVERIFY(result.settingsMoved);
    const QSettings moved(newLocations().settingsFile, QSettings::NativeFormat);
    QCOMPARE(moved.value(QStringLiteral("MainWindow/geometry")).toByteArray(),
             QByteArray("\x01\x02 geometry"));
    QCOMPARE(moved.value(QStringLiteral("seenSpaces")).toMap().value(QStringLiteral("a b")).toInt(),
             3);
    QCOMPARE(moved.value(QStringLiteral("top")).toString(),
             QStringLiteral("value with spaces, and = sign"));
    // The old file and its folder are gone.
    QVERIFY(!QFile::exists(oldLocations().settingsFile));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("config/Webex Desk"))));

    // Once: a second run has nothing to do.
    QVERIFY(!SettingsMigration(oldLocations(), newLocations()).run().settingsMoved);
}

void TestSettingsMigration::newerSettingsAreLeftAlone()
{
    QSettings(oldLocations().settingsFile, QSettings::NativeFormat)
        .setValue(QStringLiteral("top"), QStringLiteral("old"));
    QSettings(newLocations().settingsFile, QSettings::NativeFormat)
        .setValue(QStringLiteral("top"), QStringLiteral("new"));
    QVERIFY(!SettingsMigration(oldLocations(), newLocations()).run().settingsMoved);
    QCOMPARE(QSettings(newLocations().settingsFile, QSettings::NativeFormat)
                 .value(QStringLiteral("top"))
                 .toString(),
             QStringLiteral("new"));
}

void TestSettingsMigration::cacheMovesWithItsFiles()
{
    QVERIFY(QDir().mkpath(oldLocations().cacheDirectory + QStringLiteral("/http/data8")));
    QFile entry(oldLocations().cacheDirectory + QStringLiteral("/http/data8/entry.d"));
    QVERIFY(entry.open(QIODevice::WriteOnly));
    entry.write("cached");
    entry.close();

    const auto result = SettingsMigration(oldLocations(), newLocations()).run();
    QVERIFY(result.cacheMoved);
    QFile moved(newLocations().cacheDirectory + QStringLiteral("/http/data8/entry.d"));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), QByteArray("cached"));
    QVERIFY(!QFileInfo::exists(oldLocations().cacheDirectory));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("cache/Webex Desk"))));
}

void TestSettingsMigration::oldCacheIsDroppedWhenANewOneExists()
{
    QVERIFY(QDir().mkpath(oldLocations().cacheDirectory + QStringLiteral("/http")));
    QVERIFY(QDir().mkpath(newLocations().cacheDirectory + QStringLiteral("/fresh")));
    const auto result = SettingsMigration(oldLocations(), newLocations()).run();
    QVERIFY(!result.cacheMoved);
    QVERIFY(result.cacheDropped);
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("cache/Webex Desk"))));
    QVERIFY(QFileInfo::exists(newLocations().cacheDirectory + QStringLiteral("/fresh")));
}

void TestSettingsMigration::nothingToMoveChangesNothing()
{
    // Another program's file in the old organization folder keeps the folder.
    QVERIFY(QDir().mkpath(path(QStringLiteral("config/Webex Desk"))));
    QFile other(path(QStringLiteral("config/Webex Desk/other.conf")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    const auto result = SettingsMigration(oldLocations(), newLocations()).run();
    QVERIFY(!result.settingsMoved && !result.cacheMoved && !result.cacheDropped);
    QVERIFY(!QFileInfo::exists(newLocations().settingsFile));
    QVERIFY(!QFileInfo::exists(newLocations().cacheDirectory));
    QVERIFY(QFile::exists(path(QStringLiteral("config/Webex Desk/other.conf"))));
}

QTEST_GUILESS_MAIN(TestSettingsMigration)
#include "tst_settingsmigration.moc"
