#include "signinbrowserdriver.h"

#include "appcontroller.h"
#include "sessioncontroller.h"
#include "signinbrowserprocess.h"

#include <QTest>

namespace {
// QtWebEngine's first start on a loaded CI machine can take many seconds.
constexpr int PageTimeoutMs = 60000;
} // namespace

SignInBrowserDriver::SignInBrowserDriver() : m_port(DevToolsPage::freePort())
{
    qputenv("QTWEBENGINE_REMOTE_DEBUGGING", "127.0.0.1:" + QByteArray::number(m_port));
}

SignInBrowserDriver::~SignInBrowserDriver()
{
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
}

bool SignInBrowserDriver::waitForConsent(AppController &controller)
{
    if (!QTest::qWaitFor(
            [&] {
                return controller.session()->signInBrowser() &&
                       controller.session()->signInBrowser()->isRunning();
            },
            PageTimeoutMs))
        return false;
    m_page = std::make_unique<DevToolsPage>(m_port);
    return m_page->waitForElement(QStringLiteral("accept"), PageTimeoutMs);
}

void SignInBrowserDriver::click(const QString &elementId)
{
    m_page->evaluate(QStringLiteral("document.getElementById('%1').click()").arg(elementId));
}

void SignInBrowserDriver::closeWindow()
{
    // The page asks to close its window, as a sign-in page's own Cancel link may; the helper
    // treats that like the window's close button. (Key events sent over DevTools never reach
    // Qt's widgets, so Escape cannot be pressed from here.)
    m_page->evaluate(QStringLiteral("window.close()"));
}

QUrl SignInBrowserDriver::currentUrl()
{
    return m_page ? m_page->currentUrl() : QUrl();
}

QString SignInBrowserDriver::lastError() const
{
    return m_page ? m_page->lastError() : QStringLiteral("no page yet");
}
