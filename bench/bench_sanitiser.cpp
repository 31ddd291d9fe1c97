// The message sanitiser (SafeHtml) on hostile input, and the layout of what it returns.
//
// scaling: each hostile shape at n and 4n bytes below the input limits, CPU time of the
//   fastest of several runs, and their ratio (4 means linear, 16 quadratic); then at 1 MiB,
//   where the input is cut first.
// sanitise: QBENCHMARK of a typical message and of each shape at 1 MiB.
// layout: an InertTextDocument laid out as MessageItemDelegate does it (setHtml, a text width,
//   the height) for a typical message and for the largest outputs the sanitiser can produce, with
//   the ratio to the typical one. A frame is 16 ms.
// pageOfHostileMessages: the UI thread's longest stall while MessageListModel takes a page of 50
//   messages of the slowest shape, sanitised on the UI thread (as before issue 10) and off it
//   (as now), and the ratio.
#include "frametimes.h"

#include "avatarcache.h"
#include "inerttextdocument.h"
#include "messageitemdelegate.h"
#include "model/messagelistmodel.h"
#include "model/messagesanitiser.h"
#include "model/safehtml.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QListView>
#include <QThreadPool>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <limits>

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

// The fastest of `runs` runs (the others waited for a core or a cache), wall and CPU each.
FrameTimes::Time fastest(const std::function<void()> &work, int runs)
{
    FrameTimes times;
    for (int i = 0; i < runs; ++i) {
        times.start();
        work();
        times.stop();
    }
    return times.fastest();
}

// MessageItemDelegate::document: what one row costs the first time it is shown.
struct LaidOut
{
    qint64 setHtmlNs;
    qint64 layoutNs;
    double height;
    [[nodiscard]] qint64 totalNs() const { return setHtmlNs + layoutNs; }
};

// CPU time of the thread: on a machine shared with other jobs, wall time also counts waiting.
LaidOut layOut(const QString &html, int width)
{
    InertTextDocument document;
    document.setDefaultFont(QGuiApplication::font());
    document.setDocumentMargin(0);
    document.setUndoRedoEnabled(false);
    qint64 start = FrameTimes::threadCpuNanoseconds();
    document.setHtml(html);
    const qint64 setHtml = FrameTimes::threadCpuNanoseconds() - start;
    start = FrameTimes::threadCpuNanoseconds();
    document.setTextWidth(width);
    const double height = document.size().height();
    return {setHtml, FrameTimes::threadCpuNanoseconds() - start, height};
}

QString typicalMessage()
{
    return SafeHtml::fromWebexHtml(QStringLiteral(
        "<p>Morning all! The <b>release notes</b> for 4.2 are up: "
        "<a href=\"https://example.com/notes/4.2\">https://example.com/notes/4.2</a>. "
        "Please look at the <code>migration</code> section before Friday &mdash; thanks!</p>"));
}

// A page of the slowest shape for the sanitiser (253 <b>, then </i> to the HTML input limit:
// about 20 ms each), newest first, as GET messages?max=50 would bring it.
QList<Message> hostilePage(int count)
{
    const QString html = repeated(QStringLiteral("</i>"), SafeHtml::MaxHtmlInputBytes,
                                  QStringLiteral("<b>").repeated(253));
    const QDateTime epoch = QDateTime::currentDateTimeUtc().addDays(-1);
    QList<Message> page;
    for (int n = count; n >= 1; --n) {
        Message m;
        m.id = QStringLiteral("hostile-%1").arg(n);
        m.roomId = QStringLiteral("bench");
        m.html = html;
        m.text = QStringLiteral("text %1").arg(n);
        m.personId = QStringLiteral("someone");
        m.created = epoch.addSecs(n);
        page.append(m);
    }
    return page;
}

// Ticks every millisecond on the UI thread and keeps the time between two ticks: the longest
// is the longest the event loop was held, what a person feels as a frozen window.
class EventLoopProbe
{
public:
    EventLoopProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_gaps.stop();
            m_gaps.start();
        });
    }
    void start()
    {
        m_gaps.start();
        m_timer.start();
    }
    void stop()
    {
        m_timer.stop();
        m_gaps.stop();
    }
    [[nodiscard]] const FrameTimes &gaps() const { return m_gaps; }

private:
    QTimer m_timer;
    FrameTimes m_gaps;
};

struct PageAdded
{
    FrameTimes::Time longestStall; // of the UI thread, from adding the page until drawn
    qint64 rowsInAfterNs = 0;      // from adding the page until its rows were in the model
    int rows = 0;
};

// One page added to a new MessageListModel (shown in a list view with the app's delegate when
// `shown`), with the probe running, until its rows are in and drawn. `onUiThread` is how it was
// before issue 10: every message sanitised on the UI thread, in one go, when the page arrives
// (the model's own work then only looks the results up). Otherwise the model does it all.
PageAdded addHostilePage(const QList<Message> &page, bool onUiThread, bool shown)
{
    const auto sanitisedBefore = std::make_shared<QHash<QString, SanitisedMessage>>();
    auto *sanitiser =
        onUiThread
            ? new MessageSanitiser(
                  [sanitisedBefore](const Message &m) { return sanitisedBefore->value(m.id); },
                  QThreadPool::globalInstance())
            : new MessageSanitiser();
    MessageListModel model(sanitiser);
    model.setRoom(QStringLiteral("bench"));
    AvatarCache avatars;
    std::unique_ptr<QListView> view;
    if (shown) {
        view = std::make_unique<QListView>();
        view->setUniformItemSizes(false);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setItemDelegate(new MessageItemDelegate(&avatars, view.get()));
        view->setModel(&model);
        view->resize(800, 600);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return {};
    }
    QSignalSpy added(&model, &MessageListModel::pageAdded);
    EventLoopProbe probe;
    QElapsedTimer clock;
    probe.start();
    QTimer::singleShot(0, &model, [&] {
        clock.start();
        if (onUiThread) {
            for (const Message &m : page)
                sanitisedBefore->insert(m.id, SanitisedMessage::of(m));
        }
        model.addPage(page, false);
    });
    if (!added.wait(120000))
        return {};
    PageAdded out;
    out.rowsInAfterNs = clock.nsecsElapsed();
    out.rows = model.rowCount();
    QTest::qWait(200); // the view's delayed layout and its paint
    probe.stop();
    out.longestStall = probe.gaps().longest();
    return out;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
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
    void pageOfHostileMessages_data();
    void pageOfHostileMessages();
};

void BenchSanitiser::scaling()
{
    for (const Shape &shape : shapes()) {
        const qsizetype n = scalingBase(shape.kind);
        const QString small = shape.make(n);
        const QString large = shape.make(4 * n);
        const QString huge = shape.make(1024 * 1024);
        qsizetype outputSize = 0;
        const FrameTimes::Time atN =
            fastest([&] { outputSize = sanitised(shape.kind, small).size(); }, 7);
        const FrameTimes::Time at4N = fastest([&] { sanitised(shape.kind, large); }, 5);
        const FrameTimes::Time atHuge = fastest([&] { sanitised(shape.kind, huge); }, 3);
        qInfo().noquote().nospace()
            << shape.name << ": n=" << small.size() << " " << FrameTimes::ms(atN.cpu)
            << ", 4n=" << large.size() << " " << FrameTimes::ms(at4N.cpu) << ", ratio "
            << QByteArray::number(double(at4N.cpu) / double(atN.cpu), 'f', 1) << "; 1 MiB "
            << FrameTimes::ms(atHuge.cpu) << " (cpu; wall " << FrameTimes::ms(atN.wall) << ", "
            << FrameTimes::ms(at4N.wall) << ", " << FrameTimes::ms(atHuge.wall) << "); output at n "
            << outputSize << " chars";
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
    if (FrameTimes::firstCall()) {
        static const qint64 typical = [] {
            qint64 fastestNs = std::numeric_limits<qint64>::max();
            for (int i = 0; i < 20; ++i)
                fastestNs = std::min(fastestNs, layOut(typicalMessage(), width).totalNs());
            return fastestNs;
        }();
        // The slowest of three: what a person may wait for.
        const auto slowest = [&](const QString &text) {
            LaidOut worst{0, 0, 0};
            for (int i = 0; i < 3; ++i) {
                const LaidOut once = layOut(text, width);
                if (once.totalNs() > worst.totalNs())
                    worst = once;
            }
            return worst;
        };
        const LaidOut full = slowest(html);
        const LaidOut shown = whole ? full : slowest(preview);
        const auto timesTypical = [](qint64 ns) {
            return QByteArray::number(double(ns) / double(typical), 'f', 0);
        };
        qInfo().noquote().nospace()
            << QTest::currentDataTag() << ": whole message " << html.size() << " chars, setHtml "
            << FrameTimes::ms(full.setHtmlNs) << " + layout " << FrameTimes::ms(full.layoutNs)
            << " = " << FrameTimes::ms(full.totalNs()) << " (" << timesTypical(full.totalNs())
            << "x typical), " << int(full.height) << " px; "
            << (whole ? QByteArray("no preview needed")
                      : QByteArray("preview ") + QByteArray::number(preview.size()) + " chars, " +
                            FrameTimes::ms(shown.totalNs()) + " (" + timesTypical(shown.totalNs()) +
                            "x typical), " + QByteArray::number(int(shown.height)) + " px")
            << "; typical message " << FrameTimes::ms(typical);
    }
    // What the delegate lays out before anyone asks for more.
    const QString &shown = whole ? html : preview;
    QBENCHMARK
    {
        layOut(shown, width);
    }
}

void BenchSanitiser::pageOfHostileMessages_data()
{
    QTest::addColumn<bool>("shown");
    QTest::newRow("model alone") << false;
    QTest::newRow("model in a list view with the app's delegate") << true;
}

// Not a QBENCHMARK: the UI thread's longest stall while a page of 50 messages of the slowest
// shape is added, sanitised on the UI thread as before issue 10 and by the model now (off the
// UI thread), five times each, alternately; the medians and their ratio.
void BenchSanitiser::pageOfHostileMessages()
{
    QFETCH(bool, shown);
    constexpr int Count = 50;
    constexpr int Runs = 5;
    const QList<Message> page = hostilePage(Count);
    QList<qint64> beforeWall, beforeCpu, beforeRowsIn, nowWall, nowCpu, nowRowsIn;
    for (int run = 0; run < Runs; ++run) {
        for (const bool onUiThread : {true, false}) {
            const PageAdded once = addHostilePage(page, onUiThread, shown);
            QCOMPARE(once.rows, Count);
            (onUiThread ? beforeWall : nowWall).append(once.longestStall.wall);
            (onUiThread ? beforeCpu : nowCpu).append(once.longestStall.cpu);
            (onUiThread ? beforeRowsIn : nowRowsIn).append(once.rowsInAfterNs);
        }
    }
    const auto list = [](const QList<qint64> &values) {
        QByteArrayList out;
        for (qint64 value : values)
            out.append(FrameTimes::ms(value));
        return out.join(", ");
    };
    qInfo().noquote().nospace()
        << QTest::currentDataTag() << ", " << Count << " messages, " << QThread::idealThreadCount()
        << " cores: longest stall of the UI thread, wall (cpu), median of " << Runs
        << ": sanitised on the UI thread (before) " << FrameTimes::ms(median(beforeWall)) << " ("
        << FrameTimes::ms(median(beforeCpu)) << "), by the model off it (now) "
        << FrameTimes::ms(median(nowWall)) << " (" << FrameTimes::ms(median(nowCpu)) << "); ratio "
        << QByteArray::number(double(median(beforeWall)) / median(nowWall), 'f', 0) << " (cpu "
        << QByteArray::number(double(median(beforeCpu)) / std::max<qint64>(1, median(nowCpu)), 'f',
                              0)
        << "). Each run, wall: before " << list(beforeWall) << "; now " << list(nowWall)
        << ". Rows in after (median): before " << FrameTimes::ms(median(beforeRowsIn)) << ", now "
        << FrameTimes::ms(median(nowRowsIn));
}

QTEST_MAIN(BenchSanitiser)
#include "bench_sanitiser.moc"
