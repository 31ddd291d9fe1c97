#pragma once

#include <QMainWindow>

#include <memory>

class Person;
class QAbstractItemModel;

namespace Ui {
class MainWindow;
}

// The main window: a welcome page until someone signs in, then their profile and spaces.
// It shows what it is given and reports what the person asks for; the controller decides.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setRoomModel(QAbstractItemModel *model);

    void showWelcome(const QString &message = {});
    void showRestoring();
    void showSigningIn(const QString &where);
    void showWorkspace();
    void showProfile(const Person &person);
    void showAvatar(const QByteArray &imageData);
    void showRoomsLoading(int loaded);
    void showRoomsLoaded(int total);
    void showRoomsProblem(const QString &message);
    void showProfileProblem(const QString &message);
    // A lasting remark about the app itself (no keychain, renewal trouble), in the status bar.
    void showNotice(const QString &message);

signals:
    void signInRequested();
    void systemBrowserSignInRequested();
    void cancelSignInRequested();
    void signOutRequested();
    void demoRequested();
    void setUpRequested();
    void aboutRequested();

private:
    void showInitials(const QString &name);
    [[nodiscard]] static QString presenceText(const QString &status);

    void setSignedIn(bool signedIn);

    std::unique_ptr<Ui::MainWindow> m_ui;
    class QLabel *m_noticeLabel;
    QString m_displayName;
};
