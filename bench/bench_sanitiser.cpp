// The message sanitiser (SafeHtml) on hostile input, and the layout of what it returns.
//
// scaling: each hostile shape at n and 4n bytes below the input limits, CPU time of the
//   fastest of several runs, and their ratio (4 means linear, 16 quadratic); then at 1 MiB,
//   where the input is cut first.
// sanitise: QBENCHMARK of a typical message and of each shape at 1 MiB.
// layout: an InertTextDocument laid out as MessageItemDelegate does it (setHtml, a text width,
//   the height) for a typical message and for the largest outputs the sanitiser can produce, with
//   the ratio to the typical one. A frame is 16 ms.
#include "inerttextdocument.h"
#include "model/safehtml.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QtTest>

#include <algorithm>
#include <functional>

#if defined(Q_OS_UNIX)
#include <time.h>
#endif

namespace {

enum class Kind { Html, Markdown, PlainText };

struct Shape
{
    const char *name;
    Kind kind;
    // The input of about `bytes` bytes.
    std::function<QString(qsizetype bytes)> make;
};

QString repeated(const QString &unit, qsizetype bytes, const QString &before = {},
                 const QString &after = {})
{
    QString out = before;
    out.reserve(bytes + after.size());
    while (out.size() + unit.size() + after.size() <= bytes)
        out += unit;
    return out + after;
}

// "<b>" k times, then "</i>" k times: the stray end tags libxml2 searches its open elements for.
QString openThenStray(const QString &open, const QString &stray, qsizetype bytes)
{
    const qsizetype k = bytes / (open.size() + stray.size());
    return open.repeated(k) + stray.repeated(k);
}

QString manyAttributes(qsizetype bytes)
{
    QString out = QStringLiteral("<a href=\"https://example.com/\"");
    for (int i = 0; out.size() < bytes - 8; ++i)
        out += QStringLiteral(" x") + QString::number(i, 36);
    return out + QStringLiteral(">link</a>");
}

const QList<Shape> &shapes()
{
    static const QList<Shape> all{
        {"html: & repeated", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("&"), n); }},
        {"html: <svg> then <a  repeated", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<a "), n, QStringLiteral("<svg>")); }},
        {"html: <script> then <a  repeated", Kind::Html,
         [](qsizetype n) {
             return repeated(QStringLiteral("<a "), n, QStringLiteral("<script>"));
         }},
        {"html: <b> k times, </i> k times", Kind::Html,
         [](qsizetype n) {
             return openThenStray(QStringLiteral("<b>"), QStringLiteral("</i>"), n);
         }},
        {"html: 255 open, then </i> repeated", Kind::Html,
         [](qsizetype n) {
             return repeated(QStringLiteral("</i>"), n, QStringLiteral("<b>").repeated(253));
         }},
        {"html: <b><i> nested", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<b><i>"), n); }},
        {"html: <blockquote><ul><li> nested", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<blockquote><ul><li>"), n); }},
        {"html: one tag, many attributes", Kind::Html, &manyAttributes},
        {"html: &longname repeated", Kind::Html,
         [](qsizetype n) {
             return repeated(QStringLiteral("&CounterClockwiseContourIntegra "), n);
         }},
        {"html: <p>x</p> repeated", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<p>x</p>"), n); }},
        {"html: <a x=\" repeated", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<a x=\""), n); }},
        {"html: <!-- repeated", Kind::Html,
         [](qsizetype n) { return repeated(QStringLiteral("<!--"), n); }},
        {"html: text with links", Kind::Html,
         [](qsizetype n) {
             return repeated(QStringLiteral("Lorem <b>ipsum</b> dolor "
                                            "<a href=\"https://example.com/a?b=1&amp;c=2\">sit</a> "
                                            "amet &hearts; "),
                             n);
         }},
        {"markdown: *a  repeated", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral("*a "), n); }},
        {"markdown: _a  repeated", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral("_a "), n); }},
        {"markdown: [ repeated", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral("["), n); }},
        {"markdown: > nested", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral(">"), n) + QStringLiteral(" x"); }},
        {"markdown: bare links in one paragraph", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral("https://a.example/ "), n); }},
        {"markdown: & repeated", Kind::Markdown,
         [](qsizetype n) { return repeated(QStringLiteral("&"), n); }},
        {"markdown: text", Kind::Markdown,
         [](qsizetype n) {
             return repeated(QStringLiteral("Lorem **ipsum** dolor [sit](https://example.com) "
                                            "amet `code` and _more_.\n"),
                             n);
         }},
        {"plain text: links", Kind::PlainText,
         [](qsizetype n) { return repeated(QStringLiteral("see https://a.example/x, "), n); }},
        {"plain text: line feeds", Kind::PlainText,
         [](qsizetype n) { return repeated(QStringLiteral("\n"), n); }},
    };
    return all;
}

QString sanitised(Kind kind, const QString &input)
{
    switch (kind) {
    case Kind::Html:
        return SafeHtml::fromWebexHtml(input);
    case Kind::Markdown:
        return SafeHtml::fromMarkdown(input);
    case Kind::PlainText:
        return SafeHtml::fromPlainText(input);
    }
    return {};
}

// The largest n such that 4n still fits the input limit of this kind (nothing is cut).
qsizetype scalingBase(Kind kind)
{
    switch (kind) {
    case Kind::Html:
        return SafeHtml::MaxHtmlInputBytes / 4;
    case Kind::Markdown:
        return SafeHtml::MaxMarkdownInputBytes / 4;
    case Kind::PlainText:
        return SafeHtml::MaxPlainTextInputLength / 4;
    }
    return 0;
}

qint64 threadCpuNanoseconds()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
#endif
    return -1;
}

struct Best
{
    double cpuMs = 1e300;
    double wallMs = 1e300;
};

// The fastest of `runs` runs (the others waited for a core or a cache).
Best best(const std::function<void()> &work, int runs)
{
    Best b;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer wall;
        const qint64 cpu = threadCpuNanoseconds();
        wall.start();
        work();
        b.wallMs = std::min(b.wallMs, wall.nsecsElapsed() / 1e6);
        b.cpuMs = std::min(b.cpuMs, (threadCpuNanoseconds() - cpu) / 1e6);
    }
    return b;
}

QByteArray ms(double value)
{
    return QByteArray::number(value, 'f', value < 1 ? 3 : 1) + " ms";
}

// MessageItemDelegate::document: what one row costs the first time it is shown.
struct LaidOut
{
    double setHtmlMs;
    double layoutMs;
    double height;
};

// CPU time of the thread: on a machine shared with other jobs, wall time also counts waiting.
LaidOut layOut(const QString &html, int width)
{
    InertTextDocument document;
    document.setDefaultFont(QGuiApplication::font());
    document.setDocumentMargin(0);
    document.setUndoRedoEnabled(false);
    qint64 start = threadCpuNanoseconds();
    document.setHtml(html);
    const double setHtml = (threadCpuNanoseconds() - start) / 1e6;
    start = threadCpuNanoseconds();
    document.setTextWidth(width);
    const double height = document.size().height();
    return {setHtml, (threadCpuNanoseconds() - start) / 1e6, height};
}

QString typicalMessage()
{
    return SafeHtml::fromWebexHtml(QStringLiteral(
        "<p>Morning all! The <b>release notes</b> for 4.2 are up: "
        "<a href=\"https://example.com/notes/4.2\">https://example.com/notes/4.2</a>. "
        "Please look at the <code>migration</code> section before Friday &mdash; thanks!</p>"));
}

} // namespace

class BenchSanitiser : public QObject
{
    Q_OBJECT

private slots:
    void scaling();
    void sanitise_data();
    void sanitise();
    void layout_data();
    void layout();
};

void BenchSanitiser::scaling()
{
    for (const Shape &shape : shapes()) {
        const qsizetype n = scalingBase(shape.kind);
        const QString small = shape.make(n);
        const QString large = shape.make(4 * n);
        const QString huge = shape.make(1024 * 1024);
        qsizetype outputSize = 0;
        const Best atN = best([&] { outputSize = sanitised(shape.kind, small).size(); }, 7);
        const Best at4N = best([&] { sanitised(shape.kind, large); }, 5);
        const Best atHuge = best([&] { sanitised(shape.kind, huge); }, 3);
        qInfo().noquote().nospace()
            << shape.name << ": n=" << small.size() << " " << ms(atN.cpuMs)
            << ", 4n=" << large.size() << " " << ms(at4N.cpuMs) << ", ratio "
            << QByteArray::number(at4N.cpuMs / atN.cpuMs, 'f', 1) << "; 1 MiB " << ms(atHuge.cpuMs)
            << " (cpu; wall " << ms(atN.wallMs) << ", " << ms(at4N.wallMs) << ", "
            << ms(atHuge.wallMs) << "); output at n " << outputSize << " chars";
    }
}

void BenchSanitiser::sanitise_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("input");
    QTest::newRow("typical message (html)")
        << int(Kind::Html)
        << QStringLiteral("<p>Morning all! The <b>release notes</b> for 4.2 are up: "
                          "<a href=\"https://example.com/notes/4.2\">https://example.com/notes/"
                          "4.2</a>. Please look at the <code>migration</code> section before "
                          "Friday &mdash; thanks!</p>");
    QTest::newRow("typical message (markdown)")
        << int(Kind::Markdown)
        << QStringLiteral("Morning all! The **release notes** for 4.2 are up: "
                          "https://example.com/notes/4.2. Please look at the `migration` section "
                          "before Friday — thanks!");
    for (const Shape &shape : shapes())
        QTest::newRow((QByteArray(shape.name) + " at 1 MiB").constData())
            << int(shape.kind) << shape.make(1024 * 1024);
}

void BenchSanitiser::sanitise()
{
    QFETCH(int, kind);
    QFETCH(QString, input);
    QString out;
    QBENCHMARK
    {
        out = sanitised(Kind(kind), input);
    }
    QVERIFY(out.size() <= SafeHtml::MaxOutputLength + 1024);
}

void BenchSanitiser::layout_data()
{
    QTest::addColumn<QString>("html");
    const auto html = [](const QString &input) { return SafeHtml::fromWebexHtml(input); };
    const qsizetype huge = 1024 * 1024;
    QTest::newRow("typical message") << typicalMessage();
    QTest::newRow("longest real message: 7439 characters of words")
        << SafeHtml::fromMarkdown(repeated(QStringLiteral("lorem ipsum dolor sit amet "), 7439));
    QTest::newRow("longest real message: 3719 lines")
        << SafeHtml::fromMarkdown(repeated(QStringLiteral("a\n"), 7439));
    QTest::newRow("longest real message: 1859 list items")
        << SafeHtml::fromMarkdown(repeated(QStringLiteral("- a\n"), 7439));
    QTest::newRow("32 KiB of words in one paragraph")
        << html(repeated(QStringLiteral("lorem ipsum dolor sit amet "), huge));
    QTest::newRow("32 KiB without a space") << html(repeated(QStringLiteral("a"), huge));
    QTest::newRow("line breaks") << SafeHtml::fromPlainText(repeated(QStringLiteral("\n"), huge));
    QTest::newRow("paragraphs") << html(repeated(QStringLiteral("<p>x</p>"), huge));
    QTest::newRow("list items") << html(QStringLiteral("<ul>") +
                                        repeated(QStringLiteral("<li>x</li>"), huge));
    QTest::newRow("alternating bold and italic")
        << html(repeated(QStringLiteral("<b>x</b><i>y</i>"), huge));
    QTest::newRow("links") << html(
        repeated(QStringLiteral("<a href=\"https://a.example/\">x</a> "), huge));
    QTest::newRow("quotes and lists 32 deep, repeated")
        << html(repeated(QStringLiteral("<blockquote><ul><li>").repeated(11) + QStringLiteral("x") +
                             QStringLiteral("</li></ul></blockquote>").repeated(11),
                         huge));
    QTest::newRow("quotes 32 deep, one word each")
        << html(repeated(QStringLiteral("<blockquote>").repeated(32) + QStringLiteral("x") +
                             QStringLiteral("</blockquote>").repeated(32),
                         huge));
    QTest::newRow("combining marks (zalgo)")
        << html(repeated(QStringLiteral("a") + QString(QChar(0x0301)).repeated(60), huge));
    QTest::newRow("emoji") << html(repeated(QStringLiteral("😀🎉🚀 "), huge));
    QTest::newRow("arabic") << html(
        repeated(QStringLiteral("مرحبا بالعالم هذه رسالة طويلة "), huge));
    QTest::newRow("code block") << SafeHtml::fromMarkdown(
        QStringLiteral("```\n") + repeated(QStringLiteral("int x = 1; // comment\n"), huge));
}

void BenchSanitiser::layout()
{
    QFETCH(QString, html);
    constexpr int width = 600; // a message column of a window 1000 px wide
    bool whole = true;
    const QString preview = SafeHtml::preview(html, &whole);
    static QSet<QByteArray> reported;
    if (!reported.contains(QTest::currentDataTag())) {
        reported.insert(QTest::currentDataTag());
        static const double typical = [] {
            double fastest = 1e300;
            for (int i = 0; i < 20; ++i) {
                const LaidOut once = layOut(typicalMessage(), width);
                fastest = std::min(fastest, once.setHtmlMs + once.layoutMs);
            }
            return fastest;
        }();
        // The slowest of three: what a person may wait for.
        const auto slowest = [&](const QString &text) {
            LaidOut worst{0, 0, 0};
            for (int i = 0; i < 3; ++i) {
                const LaidOut once = layOut(text, width);
                if (once.setHtmlMs + once.layoutMs > worst.setHtmlMs + worst.layoutMs)
                    worst = once;
            }
            return worst;
        };
        const LaidOut full = slowest(html);
        const LaidOut shown = whole ? full : slowest(preview);
        const double fullMs = full.setHtmlMs + full.layoutMs;
        const double shownMs = shown.setHtmlMs + shown.layoutMs;
        qInfo().noquote().nospace()
            << QTest::currentDataTag() << ": whole message " << html.size() << " chars, setHtml "
            << ms(full.setHtmlMs) << " + layout " << ms(full.layoutMs) << " = " << ms(fullMs)
            << " (" << QByteArray::number(fullMs / typical, 'f', 0) << "x typical), "
            << int(full.height) << " px; "
            << (whole ? QByteArray("no preview needed")
                      : QByteArray("preview ") + QByteArray::number(preview.size()) + " chars, " +
                            ms(shownMs) + " (" + QByteArray::number(shownMs / typical, 'f', 0) +
                            "x typical), " + QByteArray::number(int(shown.height)) + " px")
            << "; typical message " << ms(typical);
    }
    // What the delegate lays out before anyone asks for more.
    const QString &shown = whole ? html : preview;
    QBENCHMARK
    {
        layOut(shown, width);
    }
}

QTEST_MAIN(BenchSanitiser)
#include "bench_sanitiser.moc"
