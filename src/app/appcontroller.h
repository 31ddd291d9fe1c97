#pragma once

#include "api/apibase.h"
#include "api/webexclient.h"
#include "auth/clientcredentials.h"
#include "auth/signinflow.h"
#include "signinwindow.h"
#include "startupoptions.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>

class ApiError;
class MainWindow;
class Person;
class Room;
class RoomListModel;
class TokenSet;
class WebexEmulator;

// Wires the core to the windows: runs a sign-in, opens the sign-in browser while it needs
// one, then loads the profile and the spaces into the main window.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(const StartupOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    // Shows the main window and starts what the options and environment ask for: the demo,
    // a sign-in with known credentials, or the set-up dialog.
    void start();

    void setCredentials(const ClientCredentials &credentials);

    [[nodiscard]] MainWindow *mainWindow() const { return m_mainWindow.get(); }
    [[nodiscard]] SignInWindow *signInWindow() const { return m_signInWindow; }
    [[nodiscard]] SignInFlow *signInFlow() const { return m_flow; }
    [[nodiscard]] RoomListModel *roomModel() const { return m_rooms.get(); }
    [[nodiscard]] WebexEmulator *demoEmulator() const { return m_demoEmulator.get(); }

public slots:
    void signIn();
    void startDemo();
    void openSetUp();
    void showAbout();

signals:
    void signedIn();
    void signInFailed(const QString &message);
    void profileShown();
    void roomsLoaded(int total);

private:
    void openSignInWindow(const QUrl &url);
    void closeSignInWindow();
    void onSignedIn(const TokenSet &tokens);
    void onSignInFailed(const QString &message);
    void onProfile(const Person &person);
    void onRoomsPage(const QList<Room> &rooms);
    void onRoomsDone(int total);

    StartupOptions m_options;
    ApiBase m_api;
    ClientCredentials m_credentials;
    QNetworkAccessManager m_network;
    std::unique_ptr<RoomListModel> m_rooms;
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<WebexEmulator> m_demoEmulator;
    QPointer<SignInFlow> m_flow;
    QPointer<SignInWindow> m_signInWindow;
    QPointer<WebexClient> m_client;
};
