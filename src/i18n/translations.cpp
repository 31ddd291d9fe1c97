#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

bool Translations::install(QCoreApplication *app, const QLocale &locale,
                           const QStringList &qtCatalogues)
{
    // Qt's catalogues first: a later translator wins a lookup, and ours should.
    const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &catalogue : qtCatalogues) {
        auto *qt = new QTranslator(app);
        if (qt->load(locale, catalogue, QStringLiteral("_"), qtPath))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }

    auto *ours = new QTranslator(app);
    // QTranslator walks the locale's UI languages (de_AT, de, ...), so Austrian German gets
    // the German catalogue.
    if (ours->load(locale, QStringLiteral("webex-desk"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        return true;
    }
    // No catalogue for this language (or the "C" locale of a bare system): the English source
    // texts are shown, with English plurals ("1 space", not "1 space(s)").
    if (ours->load(QStringLiteral(":/i18n/webex-desk_en.qm"))) {
        QCoreApplication::installTranslator(ours);
        return false;
    }
    delete ours;
    return false;
}
