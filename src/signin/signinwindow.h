#pragma once

#include <QDialog>
#include <QRect>

class QLabel;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;
class SignInPage;

// The Webex sign-in page, shown by the helper process webex-desk-signin. It lives only while
// a sign-in is under way. Its browser profile is off the record: cookies and cache stay in
// memory and vanish with the window, so no Webex session outlives it on disk.
class SignInWindow : public QDialog
{
    Q_OBJECT

public:
    explicit SignInWindow(QWidget *parent = nullptr);
    ~SignInWindow() override;

    // The frame of the window to open over (Webex Desk's main window), in screen coordinates;
    // empty when unknown, and then the window manager places it.
    void setParentFrame(const QRect &frame);
    // Shows the window (centred over the parent frame the first time), raises and activates
    // it with the keyboard focus in the page, and loads `url` there.
    void present(const QUrl &url);
    void load(const QUrl &url);
    // Closes the window because the sign-in went on without it (not a cancellation).
    void finish();

signals:
    // The person closed the window (or pressed Escape, or the page asked to close its
    // window) before signing in.
    void closedByUser();
    // A page finished loading in the main frame. Not emitted for a refused navigation: the
    // page shown before it stays.
    void pageLoaded(bool ok);
    // Why a page could not be loaded, in Chromium's words (not for certificate errors).
    void loadFailed(const QString &reason);
    void certificateRejected(const QString &description);
    void navigationRefused(const QUrl &url);

protected:
    void reject() override;

private:
    void placeOverParent();
    void showAddress(const QUrl &url);
    void showProblem(const QString &text);
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void onNavigationRefused(const QUrl &url);
    void onCertificateRejected(const QUrl &url, const QString &description);

    QWebEngineProfile *m_profile;
    SignInPage *m_page;
    QWebEngineView *m_view;
    QLabel *m_addressLabel;
    QLabel *m_problemLabel;
    QRect m_parentFrame;
    bool m_finishing = false;
    // What the current load already reported, so its failure is not told twice.
    bool m_navigationRefused = false;
    bool m_certificateRejected = false;
};
