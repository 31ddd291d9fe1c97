#pragma once

#include "frametimes.h"

class QAbstractItemView;
class QObject;

// Scrolls an item view as a person does and lets the event loop paint after each step, as it
// would between two inputs: a frame is "move the scroll bar, one turn of the event loop".
// Paint events on the viewport are counted, so a benchmark can check that every frame painted
// (a frame that paints nothing would measure nothing).
class ScrollFrames
{
public:
    explicit ScrollFrames(QAbstractItemView *view);
    ~ScrollFrames();

    [[nodiscard]] int pageStep() const;  // Page Down
    [[nodiscard]] int wheelStep() const; // one notch of the mouse wheel (3 lines)

    void toTop();
    // One frame `step` further down; at the bottom, back to the top (also a frame).
    void frame(int step);
    // Top to bottom, a frame per step, each timed into `times`; returns the frames painted.
    int passTopToBottom(int step, FrameTimes &times);

    [[nodiscard]] int paints() const;

    // The body of a scrolling benchmark. On the first call of the run (FrameTimes::firstCall(),
    // asked once by the caller), a whole pass from top
    // to bottom with every frame timed and reported (the worst frames matter for smoothness,
    // and QBENCHMARK's mean hides them); then QBENCHMARK over single frames. `unit` names what
    // a step counts in the report ("rows", "px"). Checks that every frame painted.
    void benchmark(int step, const char *unit, bool firstCall);

    // One turn of the event loop, as after a key press: posted events (the paint request)
    // and due timers (QListView lays out rows in a zero timer), then a second turn for what
    // that layout asked to repaint.
    static void settle();

private:
    class PaintCounter;

    QAbstractItemView *m_view;
    PaintCounter *m_counter;
};
