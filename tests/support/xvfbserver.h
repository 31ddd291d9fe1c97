#pragma once

#include <QProcess>
#include <QString>

// An X server of the test's own (Xvfb, from the xvfb package that scripts/install-deps.sh
// installs), for a program that must run on a real X display rather than the offscreen
// platform: e.g. to see which GL libraries its platform plugin loads. Xvfb picks a free display
// number itself (-displayfd), so tests running at the same time never collide. Stopped when
// destroyed.
class XvfbServer
{
public:
    XvfbServer() = default;
    ~XvfbServer();
    XvfbServer(const XvfbServer &) = delete;
    XvfbServer &operator=(const XvfbServer &) = delete;

    // Starts Xvfb and waits until it accepts clients; false (and errorString()) when Xvfb is
    // missing or does not come up within 20 s.
    [[nodiscard]] bool start();
    // ":<n>", for DISPLAY; empty until start() succeeded.
    [[nodiscard]] QString display() const { return m_display; }
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    QProcess m_process;
    QString m_display;
    QString m_error;
};
