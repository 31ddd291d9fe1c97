#include "files/contentdisposition.h"
#include "files/safefilename.h"
#include "hostilefilenames.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

// What DownloadFile adds at most: a number before the extension, ".part" at the end.
qsizetype bytesOnDisk(const QString &safeName)
{
    return (SafeFileName::numbered(safeName, 999) + QStringLiteral(".part")).toUtf8().size();
}

bool hasBrokenSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate()) {
            if (i + 1 == text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (text.at(i).isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

// Everything make() promises, whatever it was given.
void verifySafe(const QString &name)
{
    QVERIFY(!name.isEmpty());
    QVERIFY2(!name.contains(u'/') && !name.contains(u'\\'), qPrintable(name));
    QVERIFY(!name.startsWith(u'.'));
    QVERIFY(!name.endsWith(u'.'));
    QCOMPARE(name.trimmed(), name);
    QVERIFY(!hasBrokenSurrogate(name));
    for (const QChar c : name) {
        QVERIFY2(c.unicode() >= 0x20 && !(c.unicode() >= 0x7F && c.unicode() <= 0x9F),
                 qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY(c.category() != QChar::Other_Format || c == QChar(0x200C) || c == QChar(0x200D));
        QVERIFY(!QStringLiteral("<>:\"|?*").contains(c));
    }
    QVERIFY2(bytesOnDisk(name) <= SafeFileName::MaxBytes, qPrintable(name));
    QCOMPARE(SafeFileName::make(name, QStringLiteral("other")), name); // already safe
}

} // namespace

class TestSafeFileName : public QObject
{
    Q_OBJECT

private slots:
    void make_data()
    {
        QTest::addColumn<QString>("untrusted");
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("expected");

        const QString fallback = QStringLiteral("attachment.bin");
        QTest::newRow("plain") << QStringLiteral("report.pdf") << fallback
                               << QStringLiteral("report.pdf");
        QTest::newRow("spaces inside kept") << QStringLiteral("Q3 report (final).pdf") << fallback
                                            << QStringLiteral("Q3 report (final).pdf");
        QTest::newRow("relative path")
            << QStringLiteral("../../.bashrc") << fallback << QStringLiteral("bashrc");
        QTest::newRow("absolute path")
            << QStringLiteral("/etc/passwd") << fallback << QStringLiteral("passwd");
        QTest::newRow("windows path")
            << QStringLiteral("C:\\Windows\\evil.exe") << fallback << QStringLiteral("evil.exe");
        QTest::newRow("mixed separators")
            << QStringLiteral("a/b\\..\\c/d.txt") << fallback << QStringLiteral("d.txt");
        QTest::newRow("dot dot") << QStringLiteral("..") << fallback << fallback;
        QTest::newRow("dot") << QStringLiteral(".") << fallback << fallback;
        QTest::newRow("dots") << QStringLiteral("...") << fallback << fallback;
        QTest::newRow("empty") << QString() << fallback << fallback;
        QTest::newRow("separator only") << QStringLiteral("/") << fallback << fallback;
        QTest::newRow("ends in a separator") << QStringLiteral("report/") << fallback << fallback;
        QTest::newRow("unsafe fallback")
            << QString() << QStringLiteral("../x/.profile") << QStringLiteral("profile");
        QTest::newRow("fallback empty too")
            << QStringLiteral("..") << QStringLiteral("/..") << QStringLiteral("download");
        QTest::newRow("no fallback") << QString() << QString() << QStringLiteral("download");
        QTest::newRow("hidden file")
            << QStringLiteral(".hidden") << fallback << QStringLiteral("hidden");
        QTest::newRow("spaces and dots around")
            << QStringLiteral("  . report.pdf. . ") << fallback << QStringLiteral("report.pdf");
        QTest::newRow("windows forbidden") << QStringLiteral("a<b>c:d\"e|f?g*h.txt") << fallback
                                           << QStringLiteral("a_b_c_d_e_f_g_h.txt");
        QTest::newRow("drive letter")
            << QStringLiteral("C:evil.exe") << fallback << QStringLiteral("C_evil.exe");
        QTest::newRow("con.txt") << QStringLiteral("con.txt") << fallback
                                 << QStringLiteral("_con.txt");
        QTest::newRow("CON") << QStringLiteral("CON") << fallback << QStringLiteral("_CON");
        QTest::newRow("Nul.tar.gz")
            << QStringLiteral("Nul.tar.gz") << fallback << QStringLiteral("_Nul.tar.gz");
        QTest::newRow("com9") << QStringLiteral("com9.log") << fallback
                              << QStringLiteral("_com9.log");
        QTest::newRow("LPT1 with space")
            << QStringLiteral("LPT1 .txt") << fallback << QStringLiteral("_LPT1 .txt");
        QTest::newRow("COM superscript")
            << QStringLiteral("COM\u00B9.txt") << fallback << QStringLiteral("_COM\u00B9.txt");
        QTest::newRow("console is not con")
            << QStringLiteral("console.txt") << fallback << QStringLiteral("console.txt");
        QTest::newRow("com10 is not reserved")
            << QStringLiteral("com10.txt") << fallback << QStringLiteral("com10.txt");
        QTest::newRow("bidi override") << QStringLiteral("invoice\u202Efdp.exe") << fallback
                                       << QStringLiteral("invoicefdp.exe");
        QTest::newRow("bidi isolates and marks")
            << QStringLiteral("\u2066a\u2069\u200Eb\u200F\u061C.txt") << fallback
            << QStringLiteral("ab.txt");
        QTest::newRow("zero width and bom")
            << QStringLiteral("\uFEFFa\u200Bb\u2060.txt") << fallback << QStringLiteral("ab.txt");
        QTest::newRow("soft hyphen only") << QStringLiteral("\u00AD") << fallback << fallback;
        QTest::newRow("zero width after extension")
            << QStringLiteral("report.pdf\u200B") << fallback << QStringLiteral("report.pdf");
        QTest::newRow("controls") << QStringLiteral("a\x01\tb\r\nc\x7f.txt") << fallback
                                  << QStringLiteral("abc.txt");
        QTest::newRow("nul character") << QStringLiteral("a") + QChar(0) + QStringLiteral("b.txt")
                                       << fallback << QStringLiteral("ab.txt");
        QTest::newRow("c1 controls")
            << QStringLiteral("\u0085a\u009Bb.txt") << fallback << QStringLiteral("ab.txt");
        QTest::newRow("line separator")
            << QStringLiteral("a\u2028b.txt") << fallback << QStringLiteral("ab.txt");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("a.txt")
                                        << fallback << QStringLiteral("a.txt");
        QTest::newRow("noncharacter")
            << QStringLiteral("a\uFFFEb.txt") << fallback << QStringLiteral("ab.txt");
        QTest::newRow("decomposed becomes composed")
            << QStringLiteral("cafe\u0301.txt") << fallback << QStringLiteral("caf\u00E9.txt");
        QTest::newRow("cjk") << QStringLiteral("\u4F1A\u8BAE\u8BB0\u5F55.docx") << fallback
                             << QStringLiteral("\u4F1A\u8BAE\u8BB0\u5F55.docx");
        QTest::newRow("emoji with joiners kept")
            << QStringLiteral("\U0001F469\u200D\U0001F4BB notes.md") << fallback
            << QStringLiteral("\U0001F469\u200D\U0001F4BB notes.md");
        QTest::newRow("persian non-joiner kept")
            << QStringLiteral("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.txt") << fallback
            << QStringLiteral("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.txt");
    }

    void make()
    {
        QFETCH(QString, untrusted);
        QFETCH(QString, fallback);
        QFETCH(QString, expected);
        const QString safe = SafeFileName::make(untrusted, fallback);
        QCOMPARE(safe, expected);
        verifySafe(safe);
    }

    void everyHostileNameIsSafe()
    {
        for (const QString &name : HostileFileNames::all()) {
            verifySafe(SafeFileName::make(name, QStringLiteral("download")));
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("for: ") + name));
        }
    }

    void longNameWithControlsKeepsItsExtension()
    {
        const QString untrusted = HostileFileNames::longWithControls();
        QCOMPARE(untrusted.size(), 300);
        const QString safe = SafeFileName::make(untrusted, QStringLiteral("x"));
        verifySafe(safe);
        QVERIFY(safe.toUtf8().size() <= SafeFileName::MaxBytes);
        QVERIFY(safe.endsWith(QStringLiteral(".pdf")));
        QVERIFY(safe.size() > 100); // shortened, not emptied
    }

    void longNamesAreCutAtCharacterBoundaries_data()
    {
        QTest::addColumn<QString>("stemUnit"); // repeated to make the stem
        QTest::addColumn<QString>("extension");

        QTest::newRow("ascii") << QStringLiteral("a") << QStringLiteral(".txt");
        QTest::newRow("cjk, 3 bytes") << QStringLiteral("\u6F22") << QStringLiteral(".txt");
        QTest::newRow("emoji, surrogate pairs")
            << QStringLiteral("\U0001F600") << QStringLiteral(".png");
        QTest::newRow("emoji sequences")
            << QStringLiteral("\U0001F469\u200D\U0001F4BB") << QStringLiteral(".png");
        QTest::newRow("flags") << QStringLiteral("\U0001F1E9\U0001F1EA") << QStringLiteral(".gif");
        QTest::newRow("accented letters")
            << QStringLiteral("\u1EB9\u0301") << QStringLiteral(".txt");
        QTest::newRow("cjk extension") << QStringLiteral("a") << QStringLiteral(".\u6587\u4EF6");
        QTest::newRow("tar.gz") << QStringLiteral("\u00E9") << QStringLiteral(".tar.gz");
    }

    void longNamesAreCutAtCharacterBoundaries()
    {
        QFETCH(QString, stemUnit);
        QFETCH(QString, extension);
        const QString safe = SafeFileName::make(stemUnit.repeated(300) + extension, QString());
        verifySafe(safe);
        QVERIFY(safe.endsWith(extension));
        const QString stem = safe.chopped(extension.size());
        // Whole units only: an emoji sequence or an accented letter is never split.
        QCOMPARE(stem.size() % stemUnit.size(), 0);
        QCOMPARE(stem, stemUnit.repeated(stem.size() / stemUnit.size()));
        // And as many as fit: one more would not.
        const qsizetype budget = SafeFileName::MaxBytes - 11;
        QVERIFY(safe.toUtf8().size() <= budget);
        QVERIFY((stem + stemUnit + extension).toUtf8().size() > budget);
    }

    void oneHugeGraphemeIsCutByCodePoint()
    {
        // 'x' with 1000 combining marks is one grapheme, longer than any file name.
        const QString untrusted =
            QStringLiteral("x") + QString(1000, QChar(0x0301)) + QStringLiteral(".txt");
        const QString safe = SafeFileName::make(untrusted, QStringLiteral("x"));
        QVERIFY(safe.startsWith(u'x'));
        QVERIFY(safe.endsWith(QStringLiteral(".txt")));
        QVERIFY(bytesOnDisk(safe) <= SafeFileName::MaxBytes);
    }

    void overlongExtensionIsNoExtension()
    {
        const QString untrusted = QString(250, u'a') + u'.' + QString(40, u'b');
        const QString safe = SafeFileName::make(untrusted, QStringLiteral("x"));
        verifySafe(safe);
        QCOMPARE(safe, QString(SafeFileName::MaxBytes - 11, u'a')); // cut from the end
    }

    void cutDoesNotLeaveSpaceOrDotBeforeExtension()
    {
        // The cut falls right after " ." at 244 bytes minus ".pdf".
        const QString untrusted =
            QString(238, u'a') + QStringLiteral(" .") + QString(100, u'b') + QStringLiteral(".pdf");
        const QString safe = SafeFileName::make(untrusted, QStringLiteral("x"));
        QCOMPARE(safe, QString(238, u'a') + QStringLiteral(".pdf"));
    }

    void hugeInputIsQuick()
    {
        QString untrusted;
        for (int i = 0; i < 200000; ++i)
            untrusted += i % 3 ? QStringLiteral("\u6F22") : QStringLiteral("e\u0301\u202E");
        const QString safe = SafeFileName::make(untrusted + QStringLiteral(".txt"), QString());
        verifySafe(safe);
        QVERIFY(safe.endsWith(QStringLiteral(".txt")));
    }

    void numbered_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");

        QTest::newRow("pdf") << QStringLiteral("report.pdf") << 1
                             << QStringLiteral("report (1).pdf");
        QTest::newRow("tar.gz") << QStringLiteral("archive.tar.gz") << 1
                                << QStringLiteral("archive (1).tar.gz");
        QTest::newRow("TAR.XZ") << QStringLiteral("Backup.TAR.XZ") << 2
                                << QStringLiteral("Backup (2).TAR.XZ");
        QTest::newRow("tar") << QStringLiteral("x.tar") << 3 << QStringLiteral("x (3).tar");
        QTest::newRow("no extension")
            << QStringLiteral("README") << 1 << QStringLiteral("README (1)");
        QTest::newRow("several dots")
            << QStringLiteral("v1.2.final.docx") << 7 << QStringLiteral("v1.2.final (7).docx");
        QTest::newRow("sentence, not extension") << QStringLiteral("Notes. Final draft") << 1
                                                 << QStringLiteral("Notes. Final draft (1)");
        QTest::newRow("999") << QStringLiteral("photo.JPEG") << 999
                             << QStringLiteral("photo (999).JPEG");
        QTest::newRow("zero") << QStringLiteral("report.pdf") << 0 << QStringLiteral("report.pdf");
        QTest::newRow("negative") << QStringLiteral("report.pdf") << -4
                                  << QStringLiteral("report.pdf");
    }

    void numbered()
    {
        QFETCH(QString, name);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(SafeFileName::numbered(name, n), expected);
    }

    void contentDisposition_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");

        QTest::newRow("quoted") << QByteArray("attachment; filename=\"report.pdf\"")
                                << QStringLiteral("report.pdf");
        QTest::newRow("escaped quotes")
            << QByteArray("attachment; filename=\"say \\\"hi\\\" \\\\ bye.txt\"")
            << QStringLiteral("say \"hi\" \\ bye.txt");
        QTest::newRow("token") << QByteArray("attachment; filename=report.pdf")
                               << QStringLiteral("report.pdf");
        QTest::newRow("unquoted with spaces")
            << QByteArray("attachment; filename=my report.pdf ; size=3")
            << QStringLiteral("my report.pdf");
        QTest::newRow("semicolon in quotes")
            << QByteArray("attachment; filename=\"a;b.txt\"") << QStringLiteral("a;b.txt");
        QTest::newRow("spaces around")
            << QByteArray("attachment ;  filename = \"a.txt\"  ") << QStringLiteral("a.txt");
        QTest::newRow("unknown parameters")
            << QByteArray("attachment; size=12; creation-date=\"Wed, 12 Feb 1997 16:29:51 -0500\"; "
                          "filename=\"x.txt\"; foo")
            << QStringLiteral("x.txt");
        QTest::newRow("names case-insensitive")
            << QByteArray("ATTACHMENT; FileName=\"Up.pdf\"") << QStringLiteral("Up.pdf");
        QTest::newRow("inline") << QByteArray("inline; filename=\"i.png\"")
                                << QStringLiteral("i.png");
        QTest::newRow("other type")
            << QByteArray("form-data; name=\"f\"; filename=\"u.txt\"") << QStringLiteral("u.txt");
        QTest::newRow("no type") << QByteArray("filename=\"only.txt\"")
                                 << QStringLiteral("only.txt");
        QTest::newRow("first filename wins")
            << QByteArray("attachment; filename=\"one.txt\"; filename=\"two.txt\"")
            << QStringLiteral("one.txt");
        QTest::newRow("path as sent") << QByteArray("attachment; filename=\"../../.bashrc\"")
                                      << QStringLiteral("../../.bashrc");
        QTest::newRow("raw utf-8 in quotes")
            << QByteArray("attachment; filename=\"r\xC3\xA9sum\xC3\xA9.pdf\"")
            << QStringLiteral("r\u00E9sum\u00E9.pdf");
        QTest::newRow("raw utf-8 token")
            << QByteArray("attachment; filename=\xE4\xBC\x9A.txt") << QStringLiteral("\u4F1A.txt");
        QTest::newRow("raw latin-1") << QByteArray("attachment; filename=\"caf\xE9.txt\"")
                                     << QStringLiteral("caf\u00E9.txt");
        QTest::newRow("unterminated quote")
            << QByteArray("attachment; filename=\"abc.txt") << QStringLiteral("abc.txt");
        QTest::newRow("junk after quote")
            << QByteArray("attachment; filename=\"a.txt\"junk; x=y") << QStringLiteral("a.txt");

        QTest::newRow("filename* utf-8")
            << QByteArray("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")
            << QStringLiteral("r\u00E9sum\u00E9.pdf");
        QTest::newRow("filename* traversal as sent")
            << QByteArray("attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")
            << QStringLiteral("../../etc/passwd");
        QTest::newRow("filename* language")
            << QByteArray("attachment; filename*=utf-8'en'%E2%82%AC%20rates.pdf")
            << QStringLiteral("\u20AC rates.pdf");
        QTest::newRow("filename* iso-8859-1")
            << QByteArray("attachment; filename*=iso-8859-1'en'%A3%20rates.pdf")
            << QStringLiteral("\u00A3 rates.pdf");
        QTest::newRow("filename* wins, after")
            << QByteArray("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''real.pdf")
            << QStringLiteral("real.pdf");
        QTest::newRow("filename* wins, before")
            << QByteArray("attachment; filename*=UTF-8''real.pdf; filename=\"fallback.pdf\"")
            << QStringLiteral("real.pdf");
        QTest::newRow("FILENAME*")
            << QByteArray("attachment; FILENAME*=utf-8''x.pdf") << QStringLiteral("x.pdf");
        QTest::newRow("filename* quoted, tolerated")
            << QByteArray("attachment; filename*=\"UTF-8''q.pdf\"") << QStringLiteral("q.pdf");
        QTest::newRow("filename* unknown charset falls back")
            << QByteArray("attachment; filename*=KOI8-R''%C1.pdf; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* bad escape falls back")
            << QByteArray("attachment; filename*=UTF-8''a%G1.pdf; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* cut escape falls back")
            << QByteArray("attachment; filename=\"ok.pdf\"; filename*=UTF-8''a%4")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* invalid utf-8 falls back")
            << QByteArray("attachment; filename*=UTF-8''%FF%FE.pdf; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* raw bytes falls back")
            << QByteArray("attachment; filename*=UTF-8''\xC3\xA9.pdf; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* without charset falls back")
            << QByteArray("attachment; filename*=x.pdf; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("filename* empty falls back")
            << QByteArray("attachment; filename*=UTF-8''; filename=\"ok.pdf\"")
            << QStringLiteral("ok.pdf");
        QTest::newRow("only invalid filename*")
            << QByteArray("attachment; filename*=UTF-8''%ZZ") << QString();

        QTest::newRow("missing") << QByteArray("attachment") << QString();
        QTest::newRow("empty header") << QByteArray() << QString();
        QTest::newRow("empty value") << QByteArray("attachment; filename=") << QString();
        QTest::newRow("empty quotes") << QByteArray("attachment; filename=\"\"") << QString();
        QTest::newRow("no value") << QByteArray("attachment; filename; x=1") << QString();
        QTest::newRow("similar name") << QByteArray("attachment; filenames=\"x.txt\"") << QString();
        QTest::newRow("garbage") << QByteArray("\0\xFF;;;===\"\"\\\x01\x80;=\"", 16) << QString();
        QTest::newRow("20 KiB header") << QByteArray("attachment; filename=\"") +
                                              QByteArray(20 * 1024, 'a') + QByteArray(".txt\"")
                                       << QString();
        QTest::newRow("15 KiB header is read")
            << QByteArray("attachment; filename=\"") + QByteArray(15 * 1024, 'a') +
                   QByteArray(".txt\"")
            << QString(15 * 1024, u'a') + QStringLiteral(".txt");
    }

    void contentDisposition()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QCOMPARE(ContentDisposition::fileName(header), expected);
    }

    void contentDispositionToSafeName()
    {
        const QString safe = SafeFileName::make(
            ContentDisposition::fileName(
                "attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2F.bashrc%E2%80%AE"),
            QStringLiteral("download"));
        QCOMPARE(safe, QStringLiteral("bashrc"));
    }

    void contentDispositionSurvivesRandomBytes()
    {
        QRandomGenerator random(13); // fixed: a failure can be repeated
        static const char characters[] = "attachment;filename*=\"\\'%UTF-8 \0\xC3\xA9\xFF\r\n";
        const QByteArray alphabet(characters, sizeof(characters) - 1);
        for (int round = 0; round < 20000; ++round) {
            QByteArray header(random.bounded(200), Qt::Uninitialized);
            for (char &c : header) {
                c = random.bounded(2) ? char(random.bounded(256))
                                      : alphabet.at(random.bounded(alphabet.size()));
            }
            const QString name = ContentDisposition::fileName(header);
            verifySafe(SafeFileName::make(name, QStringLiteral("download")));
            if (QTest::currentTestFailed())
                QFAIL(header.toHex().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestSafeFileName)
#include "tst_safefilename.moc"
