#pragma once

// What the process that hosts QtWebEngine must settle before QApplication exists. The helper's
// main() calls it, and so does the in-process test of the sign-in window, so both run the
// page as a person (and a screen reader) gets it.
class WebEngineSetup
{
public:
    static void beforeApplication();
};
