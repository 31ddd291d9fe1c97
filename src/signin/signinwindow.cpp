#include "signinwindow.h"

#include "signinpage.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineView>

SignInWindow::SignInWindow(QWidget *parent)
    : QDialog(parent),
      // No storage name: an off-the-record profile.
      m_profile(new QWebEngineProfile(this)), m_page(new SignInPage(m_profile, this)),
      m_view(new QWebEngineView(this)), m_addressLabel(new QLabel(this)),
      m_problemLabel(new QLabel(this))
{
    // The helper is a process of its own, so the window says which application it belongs
    // to: a bare "Sign In" window asking for a password would look like phishing.
    setWindowTitle(tr("Sign In to Webex — Webex Desk"));
    setAccessibleName(tr("Sign in to Webex"));
    resize(520, 680);

    // Where the password goes is worth showing: the host of the page, as the browser has it.
    m_addressLabel->setObjectName(QStringLiteral("addressLabel"));
    m_addressLabel->setAccessibleName(tr("Address of the sign-in page"));
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setAccessibleName(tr("Sign-in problem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setVisible(false);
    m_view->setObjectName(QStringLiteral("signInView"));
    m_view->setPage(m_page);
    m_view->setAccessibleName(tr("Webex sign-in page"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_addressLabel);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_view, 1);

    connect(m_page, &QWebEnginePage::urlChanged, this, &SignInWindow::showAddress);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &SignInWindow::onLoadingChanged);
    connect(m_page, &SignInPage::navigationRefused, this, &SignInWindow::onNavigationRefused);
    connect(m_page, &SignInPage::certificateRejected, this, &SignInWindow::onCertificateRejected);
    // A page that asks to close its window (window.close(), a "Cancel" link) ends the
    // sign-in as the close button would.
    connect(m_page, &QWebEnginePage::windowCloseRequested, this, &QWidget::close);
}

SignInWindow::~SignInWindow()
{
    // A page must go before its profile, or QtWebEngine keeps the profile alive and warns.
    m_view->setPage(nullptr);
    delete m_page;
}

void SignInWindow::setParentFrame(const QRect &frame)
{
    m_parentFrame = frame;
}

void SignInWindow::present(const QUrl &url)
{
    if (!isVisible()) {
        show();
        // Once shown, when the frame's size is known (on X11 it may still change once the
        // window manager decorates it; close enough).
        placeOverParent();
    }
    raise();
    activateWindow();
    // The page, not the address line, gets the keys: the person types their email at once.
    m_view->setFocus(Qt::ActiveWindowFocusReason);
    load(url);
}

void SignInWindow::placeOverParent()
{
    if (m_parentFrame.isEmpty())
        return;
    // Centred over the main window, as a dialog of it would be, but kept on the screen the
    // main window is on. On Wayland, where no client knows global positions, the compositor
    // places the window whatever we ask.
    QRect target(QPoint(), frameGeometry().size());
    target.moveCenter(m_parentFrame.center());
    const QScreen *screen = QGuiApplication::screenAt(m_parentFrame.center());
    if (!screen)
        screen = this->screen(); // the main window's centre is off every screen
    if (screen) {
        const QRect available = screen->availableGeometry();
        target.moveLeft(
            qMax(available.left(), qMin(target.left(), available.right() + 1 - target.width())));
        target.moveTop(
            qMax(available.top(), qMin(target.top(), available.bottom() + 1 - target.height())));
    }
    move(target.topLeft());
}

void SignInWindow::load(const QUrl &url)
{
    m_problemLabel->setVisible(false);
    m_view->load(url);
}

void SignInWindow::finish()
{
    m_finishing = true;
    accept();
}

void SignInWindow::reject()
{
    // QDialog routes the close button, Escape and close() here.
    if (!m_finishing)
        emit closedByUser();
    QDialog::reject();
}

void SignInWindow::showAddress(const QUrl &url)
{
    const QString where = url.scheme() == QLatin1String("https")
                              ? tr("Secure page at %1").arg(url.host())
                              : tr("Page at %1 (this computer)").arg(url.host());
    m_addressLabel->setText(where);
}

void SignInWindow::showProblem(const QString &text)
{
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(true);
}

void SignInWindow::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        m_navigationRefused = false;
        m_certificateRejected = false;
        return;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        emit pageLoaded(true);
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        return;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        break;
    }
    // A refused navigation leaves the page it came from on screen, and was reported already.
    if (m_navigationRefused)
        return;
    emit pageLoaded(false);
    if (m_certificateRejected)
        return;
    emit loadFailed(info.errorString());
    // Chromium shows its own error page; say in words what it means for signing in.
    showProblem(tr("The Webex sign-in page could not be loaded. Check your internet "
                   "connection, then close this window and sign in again."));
}

void SignInWindow::onNavigationRefused(const QUrl &url)
{
    m_navigationRefused = true;
    emit navigationRefused(url);
    showProblem(
        tr("Webex Desk did not open %1: the sign-in window only opens secure (https) pages.")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                                     QUrl::RemoveFragment)));
}

void SignInWindow::onCertificateRejected(const QUrl &url, const QString &description)
{
    m_certificateRejected = true;
    emit certificateRejected(description);
    showProblem(tr("Webex Desk did not open the page at %1 because its security certificate "
                   "is not valid (%2). Someone may be intercepting the connection; do not "
                   "sign in on this network.")
                    .arg(url.host(), description));
}
