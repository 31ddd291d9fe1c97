#pragma once

#include <QLocale>

class QCoreApplication;

// Loads the app's translation (embedded under :/i18n) and Qt's own (for standard dialogs and
// context menus) for a locale, and installs them on the application.
class Translations
{
public:
    // True when the app's catalogue for the locale was found. Otherwise the English source
    // texts are shown, with the English plural forms installed (false is normal for English).
    static bool install(QCoreApplication *app, const QLocale &locale = QLocale());
};
