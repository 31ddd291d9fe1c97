#include "signinwindow.h"

#include "signinpage.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineView>

SignInWindow::SignInWindow(QWidget *parent)
    : QDialog(parent),
      // No storage name: an off-the-record profile.
      m_profile(new QWebEngineProfile(this)), m_page(new SignInPage(m_profile, this)),
      m_view(new QWebEngineView(this)), m_addressLabel(new QLabel(this)),
      m_problemLabel(new QLabel(this))
{
    setWindowTitle(tr("Sign In to Webex"));
    setAccessibleName(tr("Sign in to Webex"));
    resize(520, 680);

    // Where the password goes is worth showing: the host of the page, as the browser has it.
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setVisible(false);
    m_view->setPage(m_page);
    m_view->setAccessibleName(tr("Webex sign-in page"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_addressLabel);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_view, 1);

    connect(m_page, &QWebEnginePage::urlChanged, this, &SignInWindow::showAddress);
    connect(m_page, &QWebEnginePage::loadFinished, this, &SignInWindow::onLoadFinished);
    connect(m_page, &SignInPage::navigationRefused, this, [this](const QUrl &url) {
        m_problemLabel->setText(
            tr("Webex Desk did not open %1: the sign-in window only opens secure (https) pages.")
                .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        m_problemLabel->setVisible(true);
    });
}

SignInWindow::~SignInWindow()
{
    // A page must go before its profile, or QtWebEngine keeps the profile alive and warns.
    m_view->setPage(nullptr);
    delete m_page;
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

void SignInWindow::onLoadFinished(bool ok)
{
    if (ok)
        return;
    // Chromium shows its own error page; say in words what it means for signing in.
    m_problemLabel->setText(tr("The Webex sign-in page could not be loaded. Check your internet "
                               "connection, then close this window and sign in again."));
    m_problemLabel->setVisible(true);
}
