// The German translation: embedded, loaded for a German locale, complete for every text of the
// sources as they are now.

#include "aboutdialog.h"
#include "composer.h"
#include "roomspane.h"
#include "translations.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {
void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

// How many messages of a .ts file are not translated yet, or no longer in the sources.
int untranslatedIn(const QString &ts)
{
    return ts.count(QStringLiteral("type=\"unfinished\"")) +
           ts.count(QStringLiteral("type=\"vanished\"")) +
           ts.count(QStringLiteral("type=\"obsolete\"")) +
           ts.count(QRegularExpression(QStringLiteral("<translation>\\s*</translation>")));
}

// The messages of a .ts file that lack a translation, for a failure message.
QString untranslatedSources(const QString &ts)
{
    static const QRegularExpression message(
        QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?"
                       "(?:<extracomment>[^<]*</extracomment>\\s*)?"
                       "<translation type=\"unfinished\""));
    QStringList sources;
    for (auto it = message.globalMatch(ts); it.hasNext();)
        sources << it.next().captured(1);
    return sources.join(QStringLiteral("\n"));
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsShownForAGermanLocale();
    void pluralsInEnglish();
    void aboutDialogInGerman();
    void signInHelperTextsAreInTheCatalogue();
    void germanCatalogueIsComplete();
    void germanCatalogueCoversEveryTextOfTheSources();
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
    removeTranslators();
}

void TestTranslations::pluralsInEnglish()
{
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 1),
             QStringLiteral("1 space"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 3),
             QStringLiteral("3 spaces"));
    removeTranslators();
}

void TestTranslations::aboutDialogInGerman()
{
    QVERIFY(Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany)));
    AboutDialog dialog;
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Über Webex Desk"));
    auto *description = dialog.findChild<QLabel *>(QStringLiteral("aboutDescription"));
    QVERIFY(description);
    QVERIFY2(description->text().startsWith(QStringLiteral("Ein nativer Desktop-Client")),
             qPrintable(description->text()));
    auto *licence = dialog.findChild<QLabel *>(QStringLiteral("aboutLicence"));
    QVERIFY(licence);
    QCOMPARE(licence->accessibleName(), QStringLiteral("Lizenz"));
    QVERIFY2(licence->text().contains(QStringLiteral("MIT-Lizenz")), qPrintable(licence->text()));
    auto *links = dialog.findChild<QLabel *>(QStringLiteral("aboutLinks"));
    QVERIFY(links);
    QVERIFY2(links->text().contains(QStringLiteral(">Problem melden</a>")),
             qPrintable(links->text()));
    auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyVersionInfoButton"));
    QVERIFY(copy);
    QCOMPARE(copy->text(), QStringLiteral("Versionsangaben &kopieren"));
    auto *aboutQt = dialog.findChild<QPushButton *>(QStringLiteral("aboutQtButton"));
    QVERIFY(aboutQt);
    QCOMPARE(aboutQt->text(), QStringLiteral("Über &Qt"));
    // The Close button's text is Qt's: German when Qt's own German catalogue is installed
    // (Debian: qt6-translations-l10n), which Translations loads as well.
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                      QStringLiteral("/qtbase_de.qm"))) {
        auto *close = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(close);
        QCOMPARE(close->text().remove(QLatin1Char('&')), QStringLiteral("Schließen"));
    }
    removeTranslators();
}

void TestTranslations::signInHelperTextsAreInTheCatalogue()
{
    // The helper webex-desk-signin links the same catalogue (webexdesk-i18n); its window is
    // tested in tests/signin.
    QVERIFY(Translations::install(qApp, QLocale(QLocale::German, QLocale::Switzerland)));
    QCOMPARE(QCoreApplication::translate("SignInWindow", "Sign In to Webex — Webex Desk"),
             QStringLiteral("Bei Webex anmelden — Webex Desk"));
    QCOMPARE(QCoreApplication::translate("SignInHelper", "Stay on top of the window with this "
                                                         "native id."),
             QStringLiteral("Über dem Fenster mit dieser nativen ID bleiben."));
    removeTranslators();
}

void TestTranslations::germanCatalogueIsComplete()
{
    QFile ts(QStringLiteral(WEBEXDESK_TRANSLATIONS_DIR "/webex-desk_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 100);
    QVERIFY(text.contains(QStringLiteral("<name>AboutDialog</name>")));
    QVERIFY(text.contains(QStringLiteral("<name>SignInWindow</name>")));
    QCOMPARE(untranslatedIn(text), 0);
}

void TestTranslations::germanCatalogueCoversEveryTextOfTheSources()
{
    // lupdate over the sources as they are now (the list update_translations uses), into a
    // copy of the catalogue: a text that is new, changed or gone since the catalogue was last
    // updated shows up as unfinished or vanished. So a tr() added without a German translation
    // fails here, not in front of a German user.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("webex-desk_de.ts"));
    QVERIFY(QFile::copy(QStringLiteral(WEBEXDESK_TRANSLATIONS_DIR "/webex-desk_de.ts"), copy));
    QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(WEBEXDESK_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("@" WEBEXDESK_TRANSLATABLE_SOURCES), QStringLiteral("-ts"),
                   copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QByteArray log = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             log.constData());
    // A tr() that lupdate cannot give a context (e.g. one wrapped in a helper function) never
    // reaches the catalogue, so its text stays English whatever the language.
    QByteArrayList contextless;
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains("cannot be called without context"))
            contextless << line;
    }
    QVERIFY2(contextless.isEmpty(), contextless.join('\n').constData());
    QFile updated(copy);
    QVERIFY(updated.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(updated.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 100);
    QVERIFY2(untranslatedIn(text) == 0,
             qPrintable(QStringLiteral("Run the update_translations target and translate:\n") +
                        untranslatedSources(text) + QLatin1Char('\n') +
                        QString::fromLocal8Bit(log)));
}

void TestTranslations::unknownLanguageFallsBackToEnglishPlurals()
{
    QVERIFY(!Translations::install(qApp, QLocale(QLocale::C)));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "%n space(s)", nullptr, 1),
             QStringLiteral("1 space"));
    QCOMPARE(QCoreApplication::translate("RoomsPane", "Find a space"),
             QStringLiteral("Find a space"));
    removeTranslators();
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
