#include "firstrundialog.h"

#include "auth/signinflow.h"
#include "ui_firstrundialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>

FirstRunDialog::FirstRunDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::FirstRunDialog)
{
    m_ui->setupUi(this);
    m_ui->redirectUriEdit->setText(SignInFlow::registeredRedirectUri().toString());
    m_ui->scopeLabel->setText(SignInFlow::scope());

    QPushButton *signIn = m_ui->buttonBox->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    signIn->setDefault(true);
    signIn->setAccessibleName(tr("Sign in with this Integration"));
    QPushButton *demo =
        m_ui->buttonBox->addButton(tr("Try the &Demo"), QDialogButtonBox::ActionRole);
    demo->setObjectName(QStringLiteral("demoButton"));
    demo->setAccessibleName(tr("Try the demo"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    connect(demo, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Demo;
        QDialog::accept();
    });
    connect(m_ui->copyRedirectUriButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->redirectUriEdit->text());
        m_ui->copyRedirectUriButton->setText(tr("Copied"));
    });
    connect(m_ui->clientIdEdit, &QLineEdit::textChanged, this, &FirstRunDialog::updateProblem);
    connect(m_ui->clientSecretEdit, &QLineEdit::textChanged, this, &FirstRunDialog::updateProblem);
    m_ui->problemLabel->setVisible(false);
    m_ui->clientIdEdit->setFocus();
}

FirstRunDialog::~FirstRunDialog() = default;

void FirstRunDialog::setCredentials(const ClientCredentials &credentials)
{
    m_ui->clientIdEdit->setText(credentials.clientId());
    m_ui->clientSecretEdit->setText(credentials.clientSecret());
    m_ui->problemLabel->setVisible(false);
}

ClientCredentials FirstRunDialog::credentials() const
{
    return ClientCredentials(m_ui->clientIdEdit->text(), m_ui->clientSecretEdit->text());
}

void FirstRunDialog::accept()
{
    const QString problem = ClientCredentials::validationError(m_ui->clientIdEdit->text(),
                                                               m_ui->clientSecretEdit->text());
    if (!problem.isEmpty()) {
        m_ui->problemLabel->setText(problem);
        m_ui->problemLabel->setVisible(true);
        return; // keep the dialog open and what was typed
    }
    m_choice = Choice::SignIn;
    QDialog::accept();
}

void FirstRunDialog::updateProblem()
{
    // Only clear a shown problem as the person fixes it; do not nag while they type.
    if (m_ui->problemLabel->isVisible() &&
        ClientCredentials::validationError(m_ui->clientIdEdit->text(),
                                           m_ui->clientSecretEdit->text())
            .isEmpty())
        m_ui->problemLabel->setVisible(false);
}
