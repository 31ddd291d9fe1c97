#include "qtcommandlineoptions.h"

namespace {
// Read from Qt 6.4's QGuiApplicationPrivate (createPlatformIntegration, init), QApplicationPrivate
// (process_cmdline) and the xcb plugin (QXcbIntegration). Qt also accepts them with two dashes.
// The X11 ones (-display, -geometry, -name, -title, -icon, -visual, -ncols, -cmap, -sync) are
// listed on every platform: elsewhere Qt ignores them, and so should we, not fail.
const QStringList &optionsWithValue()
{
    static const QStringList options{
        QStringLiteral("platform"),        QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"),   QStringLiteral("plugin"),
        QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
        QStringLiteral("qwindowtitle"),    QStringLiteral("session"),
        QStringLiteral("style"),           QStringLiteral("stylesheet"),
        QStringLiteral("qmljsdebugger"),   QStringLiteral("display"),
        QStringLiteral("geometry"),        QStringLiteral("name"),
        QStringLiteral("title"),           QStringLiteral("icon"),
        QStringLiteral("visual"),          QStringLiteral("ncols")};
    return options;
}

const QStringList &flagOptions()
{
    static const QStringList options{QStringLiteral("reverse"),    QStringLiteral("widgetcount"),
                                     QStringLiteral("nograb"),     QStringLiteral("dograb"),
                                     QStringLiteral("sync"),       QStringLiteral("cmap"),
                                     QStringLiteral("testability")};
    return options;
}

// Only these are also written -name=value: Qt compares the others whole.
const QStringList &optionsWithAttachedValue()
{
    static const QStringList options{QStringLiteral("style"), QStringLiteral("stylesheet"),
                                     QStringLiteral("qmljsdebugger"), QStringLiteral("dialogs"),
                                     QStringLiteral("fontengine")};
    return options;
}

// "-platform" and "--platform" name the same option; anything else is not Qt's.
QString optionName(const QString &argument)
{
    if (argument.startsWith(QLatin1String("--")))
        return argument.mid(2);
    if (argument.startsWith(QLatin1Char('-')))
        return argument.mid(1);
    return {};
}
} // namespace

QList<QCommandLineOption> QtCommandLineOptions::parserOptions()
{
    QList<QCommandLineOption> options;
    const auto hidden = [&options](const QString &name, bool takesValue) {
        // A value name makes the parser take a value; Qt's options are not ours to describe.
        QCommandLineOption option(name, QString(),
                                  takesValue ? QStringLiteral("value") : QString());
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        options << option;
    };
    for (const QString &name : optionsWithValue())
        hidden(name, true);
    for (const QString &name : flagOptions())
        hidden(name, false);
    for (const QString &name : optionsWithAttachedValue()) {
        if (!optionsWithValue().contains(name))
            hidden(name, true);
    }
    return options;
}

QtCommandLineOptions QtCommandLineOptions::split(const QStringList &arguments)
{
    QtCommandLineOptions result;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            result.otherArguments += arguments.mid(i);
            break;
        }
        const QString name = optionName(argument);
        const int equals = name.indexOf(QLatin1Char('='));
        if (equals > 0 && optionsWithAttachedValue().contains(name.left(equals))) {
            result.qtArguments << argument;
        } else if (flagOptions().contains(name)) {
            result.qtArguments << argument;
        } else if (optionsWithValue().contains(name)) {
            if (i + 1 >= arguments.size())
                break; // the parser says the value is missing
            result.qtArguments << argument << arguments.at(i + 1);
            ++i;
        } else {
            result.otherArguments << argument;
        }
    }
    return result;
}
