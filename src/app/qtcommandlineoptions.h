#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

// The options QGuiApplication, QApplication and the platform plugins read from argv
// (-platform, -style, -session, -display, …). Our own parser runs before QApplication exists,
// so that --help and --version need no display; it must step over these, not call them
// unknown. QApplication still gets the whole argv and takes them out itself.
class QtCommandLineOptions
{
public:
    // Qt's options for our QCommandLineParser, hidden from --help: it then steps over them
    // and their values (in the forms -name value, --name value, -name=value), and says
    // "Missing value after '-platform'." in Qt's own, translated words.
    [[nodiscard]] static QList<QCommandLineOption> parserOptions();

    // Splits `arguments` (argv without the program name) into Qt's options with their values
    // and the rest, in order. Stops at "--", after which nothing is an option.
    [[nodiscard]] static QtCommandLineOptions split(const QStringList &arguments);

    QStringList qtArguments;
    QStringList otherArguments;
};
