#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

// Help → About Webex Desk: the version (from project(VERSION), as --version prints it), the Qt
// it was built with and the Qt it runs on, the licence and where to read more or report a
// problem. "Copy Version Info" puts the same facts on the clipboard for a bug report; "About
// Qt" shows Qt's own licence notice, which the LGPL asks an application to make reachable.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // One line for a bug report: version, Qt versions, operating system.
    [[nodiscard]] static QString versionInfo();

private:
    void copyVersionInfo();

    QPushButton *m_copyButton;
};
