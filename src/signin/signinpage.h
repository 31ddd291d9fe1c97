#pragma once

#include <QWebEnginePage>

class QWebEngineCertificateError;

// The page of the sign-in browser. It may show Webex's sign-in pages and nothing else:
// navigation only over https, plus http to loopback (the local emulator and the redirect to
// Webex Desk itself); links that want a window of their own go to the system browser; a
// page whose certificate does not verify is never shown, whatever the person would click.
class SignInPage : public QWebEnginePage
{
    Q_OBJECT

public:
    SignInPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    [[nodiscard]] static bool isAllowedUrl(const QUrl &url);

signals:
    void navigationRefused(const QUrl &url);
    // The certificate of `url` did not verify; the load was stopped. `description` is
    // Chromium's short, translated explanation.
    void certificateRejected(const QUrl &url, const QString &description);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    void onCertificateError(const QWebEngineCertificateError &error);
};
