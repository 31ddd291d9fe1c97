// The yardstick for bench_startup: the least a Qt Widgets program can show, a QLabel in a
// window, nothing else. It prints the same line as webex-desk does when its first window has
// been exposed and painted, so both are timed alike:
//   first window shown, steady clock <nanoseconds>, cpu <microseconds>
// (the nanoseconds are std::chrono::steady_clock's, CLOCK_MONOTONIC on Linux, the clock the
// driver reads when it starts the process; cpu is std::clock(), the CPU time of all the
// process's threads so far, which waiting for a core on a busy machine does not inflate).

#include <QApplication>
#include <QLabel>
#include <QWindow>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace {

class FirstExposeReporter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose) {
            auto *window = qobject_cast<QWindow *>(watched);
            if (window && window->isExposed()) {
                qApp->removeEventFilter(this);
                // Queued: the expose event paints the window first, then this runs.
                QMetaObject::invokeMethod(
                    qApp,
                    [] {
                        const auto now = std::chrono::steady_clock::now().time_since_epoch();
                        std::printf("first window shown, steady clock %lld, cpu %ld us\n",
                                    static_cast<long long>(std::chrono::nanoseconds(now).count()),
                                    static_cast<long>(std::clock() * (1000000.0 / CLOCKS_PER_SEC)));
                        std::fflush(stdout);
                    },
                    Qt::QueuedConnection);
            }
        }
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    FirstExposeReporter reporter;
    app.installEventFilter(&reporter);
    QLabel label(QStringLiteral("Hello"));
    label.resize(1280, 800);
    label.show();
    return app.exec();
}
