// NotificationSettings: muted spaces per account, Do Not Disturb, hidden text and the tray
// choices for the whole app, kept in a settings file of the test's own.

#include "store/notificationsettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Account = QStringLiteral("webexapis.com");
const QString RoomA = QStringLiteral("room-a");
} // namespace

class TestNotificationSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults();
    void mutedSpacesAreKeptPerAccount();
    void choicesForTheWholeAppAreKeptAndAnnounced();
    void forgetDropsTheMutedSpaces();
    void ephemeralAccountMutesForThisRunOnly();
    void damagedMutedListIsBounded();

private:
    [[nodiscard]] std::unique_ptr<QSettings> settings() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

std::unique_ptr<QSettings> TestNotificationSettings::settings() const
{
    return std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("n.ini")),
                                       QSettings::IniFormat);
}

void TestNotificationSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestNotificationSettings::defaults()
{
    auto file = settings();
    NotificationSettings s(file.get());
    QVERIFY(!s.doNotDisturb());
    QVERIFY(!s.hidesMessageText());
    QVERIFY(s.keepsRunningInTray()); // on where there is a tray, unless turned off
    QVERIFY(!s.trayHintShown());
    QVERIFY(!s.isMuted(RoomA));
    s.setMuted(RoomA, true); // no account open: nothing to mute in
    QVERIFY(!s.isMuted(RoomA));
}

void TestNotificationSettings::mutedSpacesAreKeptPerAccount()
{
    {
        auto file = settings();
        NotificationSettings s(file.get());
        s.open(Account, false);
        QSignalSpy muted(&s, &NotificationSettings::mutedChanged);
        s.setMuted(RoomA, true);
        s.setMuted(RoomA, true); // no change: no signal
        s.setMuted(QStringLiteral("room-b"), true);
        s.setMuted(QStringLiteral("room-b"), false);
        QCOMPARE(muted.count(), 3);
        QCOMPARE(muted.first().at(0).toString(), RoomA);
        QVERIFY(muted.first().at(1).toBool());
    }
    auto file = settings();
    NotificationSettings s(file.get());
    QSignalSpy muted(&s, &NotificationSettings::mutedChanged);
    s.open(Account, false);
    QVERIFY(s.isMuted(RoomA));
    QCOMPARE(s.mutedSpaces(), QSet<QString>{RoomA});
    QCOMPARE(muted.count(), 1); // what open() brought back is announced
    s.open(QStringLiteral("127.0.0.1"), false);
    QVERIFY(!s.isMuted(RoomA));
}

void TestNotificationSettings::choicesForTheWholeAppAreKeptAndAnnounced()
{
    {
        auto file = settings();
        NotificationSettings s(file.get());
        QSignalSpy dnd(&s, &NotificationSettings::doNotDisturbChanged);
        QSignalSpy hide(&s, &NotificationSettings::hidesMessageTextChanged);
        QSignalSpy tray(&s, &NotificationSettings::keepsRunningInTrayChanged);
        s.setDoNotDisturb(true);
        s.setDoNotDisturb(true);
        s.setHidesMessageText(true);
        s.setKeepsRunningInTray(false);
        s.setTrayHintShown();
        QCOMPARE(dnd.count(), 1);
        QCOMPARE(hide.count(), 1);
        QCOMPARE(tray.count(), 1);
    }
    auto file = settings();
    NotificationSettings s(file.get());
    QVERIFY(s.doNotDisturb());
    QVERIFY(s.hidesMessageText());
    QVERIFY(!s.keepsRunningInTray());
    QVERIFY(s.trayHintShown());
}

void TestNotificationSettings::forgetDropsTheMutedSpaces()
{
    auto file = settings();
    NotificationSettings s(file.get());
    s.open(Account, false);
    s.setMuted(RoomA, true);
    s.setDoNotDisturb(true);
    s.forget();
    QVERIFY(!s.isMuted(RoomA));
    s.open(Account, false);
    QVERIFY(!s.isMuted(RoomA));
    QVERIFY(s.doNotDisturb()); // the person's own choice, not the account's
}

void TestNotificationSettings::ephemeralAccountMutesForThisRunOnly()
{
    auto file = settings();
    NotificationSettings s(file.get());
    s.open(Account, true);
    s.setMuted(RoomA, true);
    QVERIFY(s.isMuted(RoomA));
    QVERIFY(file->allKeys().isEmpty());
}

void TestNotificationSettings::damagedMutedListIsBounded()
{
    auto file = settings();
    QStringList ids;
    for (int n = 0; n < NotificationSettings::MaxMuted + 100; ++n)
        ids << QStringLiteral("room-%1").arg(n);
    ids << QString() << QString(1000, QLatin1Char('x'));
    file->setValue(QStringLiteral("notifications/muted/") + Account, ids);
    NotificationSettings s(file.get());
    s.open(Account, false);
    QCOMPARE(s.mutedSpaces().size(), NotificationSettings::MaxMuted);
    QVERIFY(!s.isMuted(QString()));
}

QTEST_GUILESS_MAIN(TestNotificationSettings)
#include "tst_notificationsettings.moc"
