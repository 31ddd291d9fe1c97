// NotificationPolicy: which messages raise a desktop notification, rule by rule, and every
// combination of the facts against the rules written out once more as a table would say them.

#include "notificationpolicy.h"

#include <QTest>

using Facts = NotificationPolicy::Facts;
using Decision = NotificationPolicy::Decision;

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private slots:
    void aNewMessageFromSomeoneElseNotifies();
    void eachRuleSilences_data();
    void eachRuleSilences();
    void aMentionNotifiesInAMutedSpaceButNotUnderDoNotDisturb();
    void everyCombination();
};

void TestNotificationPolicy::aNewMessageFromSomeoneElseNotifies()
{
    QCOMPARE(NotificationPolicy::decide(Facts{}), Decision::Notify);
    QVERIFY(NotificationPolicy::notifies(Facts{}));
}

void TestNotificationPolicy::eachRuleSilences_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<int>("expected");
    QTest::newRow("mine") << 0 << int(Decision::FromMe);
    QTest::newRow("seen before") << 1 << int(Decision::NotNew);
    QTest::newRow("open in the active window") << 2 << int(Decision::OpenInActiveWindow);
    QTest::newRow("found late by a catch-up") << 3 << int(Decision::TooLate);
    QTest::newRow("muted") << 4 << int(Decision::Muted);
    QTest::newRow("do not disturb") << 5 << int(Decision::DoNotDisturb);
}

void TestNotificationPolicy::eachRuleSilences()
{
    QFETCH(int, rule);
    QFETCH(int, expected);
    Facts facts;
    switch (rule) {
    case 0:
        facts.fromMe = true;
        break;
    case 1:
        facts.isNew = false;
        break;
    case 2:
        facts.openInActiveWindow = true;
        break;
    case 3:
        facts.mayNotify = false;
        break;
    case 4:
        facts.muted = true;
        break;
    case 5:
        facts.doNotDisturb = true;
        break;
    default:
        QFAIL("no such rule");
    }
    QCOMPARE(int(NotificationPolicy::decide(facts)), expected);
    QVERIFY(!NotificationPolicy::notifies(facts));
}

void TestNotificationPolicy::aMentionNotifiesInAMutedSpaceButNotUnderDoNotDisturb()
{
    Facts facts;
    facts.muted = true;
    facts.mentionsMe = true;
    QCOMPARE(NotificationPolicy::decide(facts), Decision::Notify);
    facts.doNotDisturb = true;
    QCOMPARE(NotificationPolicy::decide(facts), Decision::DoNotDisturb);
    // A mention in the space I am reading needs no notification either.
    facts.doNotDisturb = false;
    facts.openInActiveWindow = true;
    QCOMPARE(NotificationPolicy::decide(facts), Decision::OpenInActiveWindow);
}

void TestNotificationPolicy::everyCombination()
{
    // All 128 combinations against issue 11's sentence, written as one expression.
    for (int bits = 0; bits < 128; ++bits) {
        Facts f;
        f.fromMe = bits & 1;
        f.isNew = bits & 2;
        f.openInActiveWindow = bits & 4;
        f.mayNotify = bits & 8;
        f.muted = bits & 16;
        f.mentionsMe = bits & 32;
        f.doNotDisturb = bits & 64;
        const bool expected = !f.fromMe && f.isNew && !f.openInActiveWindow && f.mayNotify &&
                              !f.doNotDisturb && (!f.muted || f.mentionsMe);
        QVERIFY2(NotificationPolicy::notifies(f) == expected, qPrintable(QString::number(bits)));
    }
}

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
