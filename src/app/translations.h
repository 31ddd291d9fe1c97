#pragma once

#include <QLocale>

class QCoreApplication;

// Loads the app's translation (embedded under :/i18n) and Qt's own (for standard dialogs and
// context menus) for a locale, and installs them on the application.
class Translations
{
public:
    // True when the app's catalogue for the locale was found; English needs none (its
    // plural forms aside), so false is normal there and the source texts are shown.
    static bool install(QCoreApplication *app, const QLocale &locale = QLocale());
};
