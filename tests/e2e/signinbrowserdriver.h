#pragma once

#include "devtoolspage.h"

#include <memory>

class AppController;

// Plays the person in front of the sign-in window, which lives in the helper process: finds
// its page over Chromium's DevTools protocol (the helper inherits the debugging port from this
// process's environment), clicks the consent buttons, closes the window.
class SignInBrowserDriver
{
public:
    SignInBrowserDriver();
    ~SignInBrowserDriver();

    // Waits until the controller's sign-in window shows the emulator's consent page.
    bool waitForConsent(AppController &controller);
    void click(const QString &elementId);
    void closeWindow();
    [[nodiscard]] QUrl currentUrl();
    [[nodiscard]] QString lastError() const;

private:
    quint16 m_port;
    std::unique_ptr<DevToolsPage> m_page;
};
