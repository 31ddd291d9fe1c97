// The German translation: embedded, loaded for a German locale, complete.

#include "composer.h"
#include "roomspane.h"
#include "translations.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsShownForAGermanLocale();
    void pluralsInEnglish();
    void germanCatalogueIsComplete();
    void unknownLanguageFallsBackToEnglishPlurals();
};

void TestTranslations::germanIsShownForAGermanLocale()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/webex-desk_de.qm")));
    QVERIFY(Translations::install(qApp, QLocale(QLocale::German, QLocale::Austria)));
    RoomsPane pane;
    QCOMPARE(pane.filterEdit()->placeholderText(), QStringLiteral("Bereich suchen (Strg+K)"));
    Composer composer;
    QCOMPARE(composer.editor()->accessibleName(), QStringLiteral("Nachricht"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 2),
             QStringLiteral("2 Bereiche"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 1),
             QStringLiteral("1 Bereich"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

void TestTranslations::pluralsInEnglish()
{
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 1),
             QStringLiteral("1 space"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 3),
             QStringLiteral("3 spaces"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

void TestTranslations::germanCatalogueIsComplete()
{
    QFile ts(QStringLiteral(WEBEXDESK_TRANSLATIONS_DIR "/webex-desk_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 100);
    QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("type=\"vanished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("type=\"obsolete\"")), 0);
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("<translation>\\s*</translation>"))), 0);
}

void TestTranslations::unknownLanguageFallsBackToEnglishPlurals()
{
    QVERIFY(!Translations::install(qApp, QLocale(QLocale::C)));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 1),
             QStringLiteral("1 space"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "Find a space"),
             QStringLiteral("Find a space"));
    for (QTranslator *t : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
