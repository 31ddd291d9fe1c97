#pragma once

#include <QDialog>

class QLabel;
class QWebEngineProfile;
class QWebEngineView;
class SignInPage;

// The Webex sign-in page, shown inside Webex Desk. It lives only while a sign-in is under
// way. Its browser profile is off the record: cookies and cache stay in memory and vanish
// with the window, so no Webex session outlives it on disk.
class SignInWindow : public QDialog
{
    Q_OBJECT

public:
    explicit SignInWindow(QWidget *parent = nullptr);
    ~SignInWindow() override;

    void load(const QUrl &url);
    // Closes the window because the sign-in went on without it (not a cancellation).
    void finish();

    [[nodiscard]] QWebEngineView *view() const { return m_view; }

signals:
    // The person closed the window (or pressed Escape) before signing in.
    void closedByUser();

protected:
    void reject() override;

private:
    void showAddress(const QUrl &url);
    void onLoadFinished(bool ok);

    QWebEngineProfile *m_profile;
    SignInPage *m_page;
    QWebEngineView *m_view;
    QLabel *m_addressLabel;
    QLabel *m_problemLabel;
    bool m_finishing = false;
};
