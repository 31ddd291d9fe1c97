#pragma once

#include <QWebEnginePage>

// The page of the sign-in browser. It may show Webex's sign-in pages and nothing else:
// navigation only over https, plus http to loopback (the local emulator and the redirect to
// Webex Desk itself); links that want a window of their own go to the system browser.
class SignInPage : public QWebEnginePage
{
    Q_OBJECT

public:
    SignInPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    [[nodiscard]] static bool isAllowedUrl(const QUrl &url);

signals:
    void navigationRefused(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};
