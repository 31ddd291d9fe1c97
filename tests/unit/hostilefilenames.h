#pragma once

#include <QString>
#include <QStringList>

// File names a hostile or broken server might send, for tst_unit_safefilename and
// tst_unit_downloadfile: each must end as one harmless file directly inside the folder.
namespace HostileFileNames {

// 300 characters with control characters and a separator in them, ending in ".pdf".
inline QString longWithControls()
{
    QString name = QStringLiteral("dir/");
    const QString controls = QStringLiteral("\x01\n\r\t\x7f");
    for (int i = 0; name.size() < 296; ++i)
        name += i % 7 == 3 ? controls.at(i % controls.size()) : QChar(u'a' + i % 26);
    return name + QStringLiteral(".pdf");
}

inline QStringList all()
{
    return {
        QStringLiteral("../../.bashrc"),
        QStringLiteral("/etc/passwd"),
        QStringLiteral(".."),
        QStringLiteral("."),
        QString(),
        QStringLiteral("/"),
        QStringLiteral("foo/"),
        QStringLiteral("..\\..\\startup.bat"),
        QStringLiteral("C:\\Windows\\evil.exe"),
        QStringLiteral("con.txt"),
        QStringLiteral("NUL"),
        QStringLiteral("lpt1.tar.gz"),
        QStringLiteral("invoice\u202Efdp.exe"),
        QStringLiteral("\u2066evil\u2069.exe"),
        QStringLiteral("report.pdf\u200B"),
        QStringLiteral("  .hidden  "),
        QStringLiteral("..."),
        QStringLiteral("<>:\"|?*"),
        QStringLiteral("x:y.txt"),
        QStringLiteral("a") + QChar(0) + QStringLiteral("b.txt"),
        QStringLiteral("\u00AD"),
        QStringLiteral("name.part"),
        QString(1000, u'a'),
        QStringLiteral("a.") + QString(40, u'x'),
        QString(200, QChar(0x6F22)) + QStringLiteral(".txt"),
        QString(QChar(0xD800)) + QStringLiteral("lone.txt"),
        longWithControls(),
    };
}

} // namespace HostileFileNames
