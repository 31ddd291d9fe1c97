#include "scrollframes.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QScrollBar>
#include <QTest>

#include <algorithm>

class ScrollFrames::PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

ScrollFrames::ScrollFrames(QAbstractItemView *view)
    : m_view(view), m_counter(new PaintCounter(view))
{
    m_view->viewport()->installEventFilter(m_counter);
}

ScrollFrames::~ScrollFrames()
{
    m_view->viewport()->removeEventFilter(m_counter);
    delete m_counter;
}

int ScrollFrames::pageStep() const
{
    return m_view->verticalScrollBar()->pageStep();
}

int ScrollFrames::wheelStep() const
{
    return m_view->verticalScrollBar()->singleStep() * QApplication::wheelScrollLines();
}

void ScrollFrames::toTop()
{
    m_view->verticalScrollBar()->setValue(0);
    settle();
}

void ScrollFrames::frame(int step)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() >= bar->maximum() ? 0
                                                 : std::min(bar->value() + step, bar->maximum()));
    settle();
}

int ScrollFrames::passTopToBottom(int step, FrameTimes &times)
{
    toTop();
    QScrollBar *bar = m_view->verticalScrollBar();
    int frames = 0;
    while (bar->value() < bar->maximum()) {
        times.start();
        bar->setValue(std::min(bar->value() + step, bar->maximum()));
        settle();
        times.stop();
        ++frames;
    }
    return frames;
}

int ScrollFrames::paints() const
{
    return m_counter->paints;
}

void ScrollFrames::settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void ScrollFrames::benchmark(int step, const char *unit, bool firstCall)
{
    if (firstCall) {
        FrameTimes times;
        const int frames = passTopToBottom(step, times);
        QVERIFY(frames > 0);
        QVERIFY2(paints() >= frames, "a frame painted nothing");
        qInfo().noquote().nospace() << "top to bottom, " << frames << " frames of " << step << " "
                                    << unit << ": " << times.summary();
    }
    toTop();
    const int paintsBefore = paints();
    int iterations = 0;
    // One iteration: one frame.
    QBENCHMARK
    {
        frame(step);
        ++iterations;
    }
    QVERIFY(paints() - paintsBefore >= iterations);
}
