#pragma once

#include "startupoptions.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>

class AttentionController;
class Connectivity;
class AvatarCache;
class ConversationController;
class DirectMessagesController;
class FilePreviews;
class FilesController;
class MentionsController;
class SpaceMembersController;
class MessageEditController;
class DemoEmulatorProcess;
class LiveController;
class LookupWaitsController;
class MainWindow;
class ProfileController;
class SessionController;
class SessionKeeper;
class SearchController;
class SessionStore;
class SpacesController;
class StoreController;
class WebexClient;
class Room;

// The app as a whole: the main window and one controller per feature, wired together.
// SessionController signs in and keeps the session; when one begins, the API client it opens
// serves ProfileController (the header), SpacesController (the rooms pane) and
// ConversationController (the messages pane). Also the demo (webex-emulator started as a
// process of its own) and the set-up and About dialogs.
class AppController : public QObject
{
    Q_OBJECT

public:
    // The session is remembered in the keychain, under the options' keychain service.
    explicit AppController(const StartupOptions &options, QObject *parent = nullptr);
    // The session is remembered in `store`, which outlives the controller (tests: a store in
    // memory, so they need no Secret Service).
    AppController(const StartupOptions &options, SessionStore *store, QObject *parent = nullptr);
    ~AppController() override;

    // Shows the main window and, once its first frame is on screen, starts what the options,
    // the keychain and the environment ask for: the demo, a remembered session, a sign-in with
    // known credentials, or set-up.
    void start();

    // The panes of the workspace and their controllers; built on first use, or by start() once
    // the first frame, which does not show them, is on screen (docs/BENCHMARKS.md, start-up).
    void buildWorkspace();

    [[nodiscard]] MainWindow *mainWindow() const { return m_mainWindow.get(); }
    [[nodiscard]] SessionController *session() const { return m_session; }
    [[nodiscard]] ProfileController *profile() const { return m_profile; }
    [[nodiscard]] LookupWaitsController *lookupWaits() const { return m_lookupWaits; }
    [[nodiscard]] SpacesController *spaces();
    [[nodiscard]] ConversationController *conversation();
    [[nodiscard]] MessageEditController *messageEdits();
    [[nodiscard]] FilesController *files();
    [[nodiscard]] MentionsController *mentions();
    [[nodiscard]] DirectMessagesController *directMessages();
    // Unread counts, notifications and the tray (the live layer's way in: unread()).
    [[nodiscard]] AttentionController *attention();
    // Live events (the device socket) of the session's account.
    [[nodiscard]] LiveController *live();
    // Searching the messages kept on this computer.
    [[nodiscard]] SearchController *search();
    // Whether Webex can be reached, and trying again while it cannot.
    [[nodiscard]] Connectivity *connectivity() const { return m_connectivity; }
    // The local store of the session's account (docs/STORE.md).
    [[nodiscard]] StoreController *localData() const { return m_localData; }
    // The demo's emulator process while the demo runs, else null.
    [[nodiscard]] DemoEmulatorProcess *demo() const { return m_demo.get(); }

public slots:
    void startDemo();
    void openSetUp();
    void showAbout();

private:
    void connectSession();
    void connectWindow();
    void connectWorkspace();
    void connectAttention();
    void connectLive();
    void connectLocalData();
    // What the store kept from the last session: shown once the session has begun (the
    // workspace is on screen then), before Webex answers.
    void onStoredRooms(const QList<Room> &rooms, bool last);
    void openStoredSpace();
    // The chunks read before the first frame: one now, the next on the next turn.
    void showStoredChunks();
    // The keychain had no session: the spaces shown from the store go.
    void forgetStoredRooms();
    // The window icon, the tray and the desktop's notification service
    // (AttentionController::useDesktop), once.
    void useDesktop();
    // What the start does once the stored spaces are on screen (or there are none): the
    // desktop, and the session from the keychain. Once.
    void continueStart();
    // The store has answered, and with no spaces.
    [[nodiscard]] bool storedSpacesAbsent() const;
    // What the store gave for the start is no longer wanted (the session ended, or there was
    // none).
    void dropStoredStart();
    void connectConnectivity();
    // Offline, or online again (Connectivity::changed).
    void onConnectivityChanged(bool online);
    void showOffline();
    void onSessionStarted(SessionKeeper *keeper);
    void onSessionStopped(bool byUser);
    void signInToDemo();

    StartupOptions m_options;
    QNetworkAccessManager m_network; // API and token calls (never cached to disk)
    std::unique_ptr<SessionStore> m_ownStore;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<FilePreviews> m_filePreviews;
    std::unique_ptr<MainWindow> m_mainWindow;
    SpacesController *m_spaces = nullptr;
    ConversationController *m_conversation = nullptr;
    MessageEditController *m_edits = nullptr;
    FilesController *m_files = nullptr;
    MentionsController *m_mentions = nullptr;
    DirectMessagesController *m_directMessages = nullptr;
    SpaceMembersController *m_members = nullptr;
    AttentionController *m_attention = nullptr;
    LiveController *m_live = nullptr;
    StoreController *m_localData;
    SearchController *m_search = nullptr;
    Connectivity *m_connectivity;
    ProfileController *m_profile;
    LookupWaitsController *m_lookupWaits;
    SessionController *m_session;
    std::unique_ptr<DemoEmulatorProcess> m_demo;
    QPointer<WebexClient> m_client; // the session's API client
    bool m_demoSession = false;
    bool m_sessionStarting = false; // start() has restored or begun the demo
    bool m_usesDesktop = false;     // useDesktop() has run
    bool m_startContinued = false;  // continueStart() has run
    bool m_workspaceLoaded = false;
    // Read from the store before the first frame, in its chunks: listed once it is on screen.
    QList<QList<Room>> m_storedRooms;
    bool m_storedRoomsRead = false;
    bool m_storedShown = false; // the workspace shows stored spaces before a session began
    QString m_storedOpenSpace;  // the space open at the last close, opened once listed
};
