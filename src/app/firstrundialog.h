#pragma once

#include "auth/clientcredentials.h"

#include <QDialog>

#include <memory>

namespace Ui {
class FirstRunDialog;
}

// Explains what to register on developer.webex.com and takes the Integration's Client ID
// and Secret, or lets the person try the demo instead.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Cancelled, SignIn, Demo };

    explicit FirstRunDialog(QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    void setCredentials(const ClientCredentials &credentials);
    [[nodiscard]] ClientCredentials credentials() const;
    [[nodiscard]] Choice choice() const { return m_choice; }

public slots:
    void accept() override;

private:
    void updateProblem();

    std::unique_ptr<Ui::FirstRunDialog> m_ui;
    Choice m_choice = Choice::Cancelled;
};
