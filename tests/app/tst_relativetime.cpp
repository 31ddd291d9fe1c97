// RelativeTime: the words for "when" in the spaces and messages lists.

#include "relativetime.h"

#include <QTest>

class TestRelativeTime : public QObject
{
    Q_OBJECT

private slots:
    void format_data();
    void format();
    void invalidIsEmpty();
};

void TestRelativeTime::format_data()
{
    QTest::addColumn<QDateTime>("then");
    QTest::addColumn<QString>("expected");
    const QDateTime now(QDate(2026, 3, 12), QTime(14, 0), Qt::UTC); // a Thursday
    QTest::newRow("seconds") << now.addSecs(-20) << QStringLiteral("just now");
    QTest::newRow("a little in the future") << now.addSecs(30) << QStringLiteral("just now");
    QTest::newRow("one minute") << now.addSecs(-60) << QStringLiteral("1 min ago");
    QTest::newRow("five minutes") << now.addSecs(-5 * 60 - 10) << QStringLiteral("5 min ago");
    QTest::newRow("59 minutes") << now.addSecs(-59 * 60) << QStringLiteral("59 min ago");
    QTest::newRow("hours today") << now.addSecs(-3 * 3600) << QStringLiteral("3 h ago");
    QTest::newRow("yesterday evening")
        << QDateTime(QDate(2026, 3, 11), QTime(22, 0), Qt::UTC) << QStringLiteral("yesterday");
    QTest::newRow("Monday") << QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC)
                            << QStringLiteral("Monday");
    QTest::newRow("over a week") << QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC)
                                 << QStringLiteral("1 Feb");
    QTest::newRow("last year") << QDateTime(QDate(2025, 12, 24), QTime(9, 0), Qt::UTC)
                               << QLocale(QLocale::English, QLocale::UnitedStates)
                                      .toString(QDate(2025, 12, 24), QLocale::ShortFormat);
}

void TestRelativeTime::format()
{
    QFETCH(QDateTime, then);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 3, 12), QTime(14, 0), Qt::UTC);
    QCOMPARE(RelativeTime::format(then, now, QLocale(QLocale::English, QLocale::UnitedStates)),
             expected);
}

void TestRelativeTime::invalidIsEmpty()
{
    QVERIFY(RelativeTime::format(QDateTime(), QDateTime::currentDateTimeUtc()).isEmpty());
}

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
