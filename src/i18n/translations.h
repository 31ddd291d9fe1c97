#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// Loads Webex Desk's translation (embedded under :/i18n) and Qt's own for a locale, and
// installs them on the application. Both programs use it: webex-desk and the sign-in helper
// webex-desk-signin, so the two windows a person sees speak the same language.
class Translations
{
public:
    // True when Webex Desk's catalogue for the locale was found. Otherwise the English source
    // texts are shown, with the English plural forms installed (false is normal for English).
    // `qtCatalogues` names Qt's catalogues the program shows text from: "qtbase" for standard
    // dialogs, buttons and context menus, "qtwebengine" for a web view's context menu. Those
    // come with Qt (QLibraryInfo::TranslationsPath); a missing one is skipped.
    static bool install(QCoreApplication *app, const QLocale &locale = QLocale(),
                        const QStringList &qtCatalogues = {QStringLiteral("qtbase")});
};
