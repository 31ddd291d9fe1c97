#include "model/displaytext.h"

#include <QTest>
#include <QTextBoundaryFinder>

namespace {

const QString Placeholder = QStringLiteral("Untitled space");

// Every bidi control that may reorder or leak: the embeddings, overrides and isolates.
bool hasBidiControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

bool hasControlOrBreak(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

// No high surrogate without its low one after it, no low one without its high one before it.
bool surrogatesArePaired(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate()))
            return false;
        if (c.isLowSurrogate() && (i == 0 || !text.at(i - 1).isHighSurrogate()))
            return false;
    }
    return true;
}

QString repeated(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

} // namespace

class TestDisplayText : public QObject
{
    Q_OBJECT

private slots:
    // The file name: with the override (U+202E) the tail reads backwards, so
    // "invoice\u202Efdp.exe" looks like "invoiceexe.pdf". Without it, it reads as it is.
    void rightToLeftOverrideCannotDisguiseAFileName()
    {
        const QString shown = DisplayText::singleLine(u"invoice\u202Efdp.exe");
        QCOMPARE(shown, QStringLiteral("invoicefdp.exe"));
        QVERIFY(!hasBidiControl(shown));
    }

    void bidiControlsAreRemoved_data()
    {
        QTest::addColumn<QString>("control");
        const std::pair<const char *, char16_t> controls[] = {
            {"LRE", 0x202A}, {"RLE", 0x202B}, {"PDF", 0x202C}, {"LRO", 0x202D}, {"RLO", 0x202E},
            {"LRI", 0x2066}, {"RLI", 0x2067}, {"FSI", 0x2068}, {"PDI", 0x2069}};
        for (const auto &[name, code] : controls)
            QTest::newRow(name) << QString(QChar(code));
    }

    void bidiControlsAreRemoved()
    {
        QFETCH(QString, control);
        QCOMPARE(DisplayText::singleLine(QStringLiteral("Team") + control + QStringLiteral("Name")),
                 QStringLiteral("TeamName"));
        QCOMPARE(DisplayText::singleLine(control + control, Placeholder), Placeholder);
    }

    // LRM, RLM and ALM are strong characters like any letter: they stay, so a mixed Hebrew and
    // Latin name keeps the order its owner gave it.
    void directionMarksStay()
    {
        const QString name = QString::fromUtf8("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") + QChar(0x200F) +
                             QStringLiteral(" (HQ)") + QChar(0x200E) + QChar(0x061C);
        QCOMPARE(DisplayText::singleLine(name), name);
    }

    // A NUL ended the accessible name of a row; it is gone, and so is the rest of C0 and C1.
    void controlCharactersAreRemoved()
    {
        const QString withNul = QStringLiteral("Design") + QChar(0) + QStringLiteral(" review");
        QCOMPARE(DisplayText::singleLine(withNul), QStringLiteral("Design review"));

        QString all;
        for (char16_t c = 0; c < 0x20; ++c)
            all += QChar(c);
        for (char16_t c = 0x7F; c <= 0x9F; ++c)
            all += QChar(c);
        const QString shown =
            DisplayText::singleLine(QStringLiteral("a") + all + QStringLiteral("\x1b[31mb"));
        QVERIFY(!hasControlOrBreak(shown));
        QCOMPARE(shown, QStringLiteral("a [31mb")); // the breaks among them made one space
    }

    void breaksAndTabsBecomeOneSpace()
    {
        const QString title = QStringLiteral("Line one\nLine two\r\n\tthree") + QChar(0x2028) +
                              QStringLiteral("four") + QChar(0x2029) + QStringLiteral("five") +
                              QChar(0x85) + QStringLiteral("six\v\f seven");
        QCOMPARE(DisplayText::singleLine(title),
                 QStringLiteral("Line one Line two three four five six seven"));
    }

    void whiteSpaceIsCollapsedAndTrimmed()
    {
        QCOMPARE(DisplayText::singleLine(u"  a   b \u00A0\u3000 c  "), QStringLiteral("a b c"));
        // A control between two spaces leaves one space, not two.
        QCOMPARE(
            DisplayText::singleLine(QStringLiteral("a ") + QChar(0) + QStringLiteral(" \u202E b")),
            QStringLiteral("a b"));
    }

    void blankGetsThePlaceholder_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("breaks") << QStringLiteral("\n\r\n\t");
        QTest::newRow("controls") << QStringLiteral("\x01\x02\x7f");
        QTest::newRow("override alone") << QString(QChar(0x202E));
        QTest::newRow("nul") << QString(QChar(0));
        QTest::newRow("50 MB of NULs") << QString(50 * 1024 * 1024, QChar(0));
    }

    void blankGetsThePlaceholder()
    {
        QFETCH(QString, text);
        QCOMPARE(DisplayText::singleLine(text, Placeholder), Placeholder);
        QCOMPARE(DisplayText::singleLine(text), QString());
    }

    void shortTextIsKept()
    {
        const QString title =
            QString::fromUtf8("Caf\xC3\xA9 \xF0\x9F\x98\x80 \xE4\xBC\x9A\xE8\xAD\xB0");
        QCOMPARE(DisplayText::singleLine(title, Placeholder), title);
        const QString exactly(DisplayText::MaxLength, QLatin1Char('x'));
        QCOMPARE(DisplayText::singleLine(exactly), exactly);
    }

    void longTextIsElidedToTheLimit()
    {
        const QString longer(DisplayText::MaxLength + 1, QLatin1Char('x'));
        const QString shown = DisplayText::singleLine(longer);
        QCOMPARE(shown.size(), DisplayText::MaxLength);
        QVERIFY(shown.endsWith(QChar(DisplayText::Ellipsis)));
        QCOMPARE(shown.left(DisplayText::MaxLength - 1),
                 QString(DisplayText::MaxLength - 1, QLatin1Char('x')));

        // No space before the ellipsis.
        const QString words = repeated(QStringLiteral("word "), 100);
        const QString cut = DisplayText::singleLine(words);
        QVERIFY(cut.size() <= DisplayText::MaxLength);
        QVERIFY(!cut.chopped(1).endsWith(QLatin1Char(' ')));
    }

    // The display name of tens of megabytes: one line of at most MaxLength, read from
    // its beginning only.
    void fiftyMegabyteNameIsElided()
    {
        QString name = QStringLiteral("Mallory ");
        name += QString(50 * 1024 * 1024, QLatin1Char('M'));
        const QString shown = DisplayText::singleLine(name);
        QCOMPARE(shown.size(), DisplayText::MaxLength);
        QVERIFY(shown.startsWith(QStringLiteral("Mallory MMM")));
        QVERIFY(shown.endsWith(QChar(DisplayText::Ellipsis)));

        // Megabytes of white space and controls are not read to their end either: what was
        // read is shown, and the ellipsis says there was more.
        QString padded = QStringLiteral("Title");
        padded += QString(50 * 1024 * 1024, QLatin1Char(' '));
        padded += QStringLiteral("tail");
        QCOMPARE(DisplayText::singleLine(padded), QStringLiteral("Title") + QChar(0x2026));
    }

    void surrogatePairsAreNeverSplit_data()
    {
        QTest::addColumn<QString>("text");
        const QString grin = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600, two code units
        QTest::newRow("even") << repeated(grin, 300);
        QTest::newRow("odd") << QStringLiteral("a") + repeated(grin, 300);
        QTest::newRow("odd, one short")
            << QString(DisplayText::MaxLength - 2, QLatin1Char('a')) + repeated(grin, 3);
    }

    void surrogatePairsAreNeverSplit()
    {
        QFETCH(QString, text);
        const QString shown = DisplayText::singleLine(text);
        QVERIFY(shown.size() <= DisplayText::MaxLength);
        QVERIFY(shown.endsWith(QChar(DisplayText::Ellipsis)));
        QVERIFY(surrogatesArePaired(shown));
        QVERIFY(text.startsWith(shown.chopped(1)));
    }

    // The cut falls where a reader sees a new character: not between a letter and its accent,
    // not inside a flag or a family emoji.
    void cutIsAtAGraphemeBoundary_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("e and combining acute") << QStringLiteral("e\u0301");
        QTest::newRow("flag") << QString::fromUtf8("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA");
        QTest::newRow("family") << QString::fromUtf8(
            "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
    }

    void cutIsAtAGraphemeBoundary()
    {
        QFETCH(QString, unit);
        for (int offset = 0; offset < 4; ++offset) {
            const QString text = QString(offset, QLatin1Char('x')) + repeated(unit, 200);
            const QString kept = DisplayText::singleLine(text).chopped(1);
            QVERIFY(text.startsWith(kept));
            QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
            graphemes.setPosition(kept.size());
            QVERIFY2(graphemes.isAtBoundary(), qPrintable(QString::number(offset)));
        }
    }

    // One "grapheme" longer than the limit (a letter under thousands of accents) is still cut.
    void oneHugeGraphemeIsCutAnyway()
    {
        const QString zalgo = QStringLiteral("Z") + QString(5000, QChar(0x0301));
        const QString shown = DisplayText::singleLine(zalgo, Placeholder);
        QVERIFY(shown.size() <= DisplayText::MaxLength);
        QVERIFY(shown.startsWith(QLatin1Char('Z')));
        QVERIFY(shown.endsWith(QChar(DisplayText::Ellipsis)));
    }

    void loneSurrogatesBecomeReplacementCharacters()
    {
        const QString text = QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b") +
                             QChar(0xDE00) + QStringLiteral("c") + QChar(0xD83D);
        const QString shown = DisplayText::singleLine(text);
        QCOMPARE(shown, QStringLiteral("a\uFFFDb\uFFFDc\uFFFD"));
        QVERIFY(surrogatesArePaired(shown));
    }

    void cleaningTwiceChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("Design review");
        QTest::newRow("messy") << QStringLiteral("\n a\u202E\tb \x01 c ");
        QTest::newRow("long words") << repeated(QStringLiteral("word "), 100);
        QTest::newRow("long emoji") << repeated(QString::fromUtf8("\xF0\x9F\x98\x80"), 300);
    }

    void cleaningTwiceChangesNothing()
    {
        QFETCH(QString, text);
        const QString once = DisplayText::singleLine(text);
        QCOMPARE(DisplayText::singleLine(once), once);
    }

    // Shown again at every paint, a clean value comes back shared; anything else is cleaned
    // exactly as through a view.
    void oneLineTextIsNotCopied()
    {
        const QString clean = QString::fromUtf8("Caf\xC3\xA9 Z\xC3\xBCrich \xF0\x9F\x98\x80");
        QCOMPARE(DisplayText::singleLine(clean).constData(), clean.constData());
        for (const QString &text :
             {QStringLiteral(" lead"), QStringLiteral("trail "), QStringLiteral("two  spaces"),
              QStringLiteral("tab\there"), QString::fromUtf16(u"nbsp\u00A0here"),
              QString::fromUtf16(u"rlo\u202Ehere"), QString(QChar(0xD800)) + QStringLiteral("x"),
              QString(DisplayText::MaxLength + 1, QLatin1Char('x')), QStringLiteral(" "), QString(),
              clean}) {
            QCOMPARE(DisplayText::singleLine(text, Placeholder),
                     DisplayText::singleLine(QStringView(text), Placeholder));
        }
    }

    void isolatedWrapsTheCleanedTextInFsiAndPdi()
    {
        const QString hebrew = QString::fromUtf8("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
        QCOMPARE(DisplayText::isolated(hebrew), QChar(0x2068) + hebrew + QChar(0x2069));
        // A PDI inside cannot close our isolate early, nor an override outlive it.
        QCOMPARE(DisplayText::isolated(u"a\u2069b\u202Ec"), QStringLiteral("\u2068abc\u2069"));
        QCOMPARE(DisplayText::isolated(u"line\none"), QStringLiteral("\u2068line one\u2069"));
        QCOMPARE(DisplayText::isolated(u" \t", Placeholder),
                 QChar(0x2068) + Placeholder + QChar(0x2069));
        QCOMPARE(DisplayText::isolated(QString()), QString());
        // In one of our sentences.
        QCOMPARE(QStringLiteral("Open space: %1").arg(DisplayText::isolated(u"x\u202Eyz")),
                 QStringLiteral("Open space: \u2068xyz\u2069"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
