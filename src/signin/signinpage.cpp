#include "signinpage.h"

#include "api/apibase.h"

#include <QDesktopServices>
#include <QWebEngineCertificateError>
#include <QWebEngineProfile>

SignInPage::SignInPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    connect(this, &QWebEnginePage::certificateError, this, &SignInPage::onCertificateError);
}

bool SignInPage::isAllowedUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme == QLatin1String("http"))
        return ApiBase::isLoopbackHost(url.host());
    // Chromium's own blank and error pages.
    return scheme == QLatin1String("about") || scheme == QLatin1String("data");
}

bool SignInPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    Q_UNUSED(type)
    if (isAllowedUrl(url))
        return true;
    if (isMainFrame)
        emit navigationRefused(url);
    return false;
}

QWebEnginePage *SignInPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    // A throwaway page learns the URL the link wanted, hands it to the system browser and
    // goes away: help and privacy links should not open inside the sign-in window.
    auto *popup = new QWebEnginePage(profile(), this);
    connect(popup, &QWebEnginePage::urlChanged, popup, [popup](const QUrl &url) {
        if (url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
        popup->deleteLater();
    });
    return popup;
}

void SignInPage::onCertificateError(const QWebEngineCertificateError &error)
{
    // A password typed into a page we cannot authenticate may go to whoever intercepts the
    // connection, so there is no "continue anyway", not even for an overridable error.
    // Rejecting explicitly (rather than relying on the default) keeps that decision visible.
    QWebEngineCertificateError rejected = error;
    rejected.rejectCertificate();
    emit certificateRejected(error.url(), error.description());
}
