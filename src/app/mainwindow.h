#pragma once

#include <QMainWindow>

#include <memory>

#include <QPointer>
#include <QUrl>

class AvatarCache;
class MessagesPane;
class Person;
class RoomsPane;
class SearchPane;
class StateBanner;

namespace Ui {
class MainWindow;
}

// The main window: a welcome page until someone signs in, then their profile, their spaces
// (RoomsPane) and the open space (MessagesPane) side by side.
// It shows what it is given and reports what the person asks for; the controller decides.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Where the profile picture comes from; set once, before a profile is shown.
    void setAvatarCache(AvatarCache *avatars);

    // The panes of the work page, built on first use: a window that opens on the welcome or
    // restoring page shows its first frame without them (docs/BENCHMARKS.md, start-up).
    [[nodiscard]] RoomsPane *roomsPane();
    [[nodiscard]] MessagesPane *messagesPane();
    // The search field and its results, above (and in place of) the spaces.
    [[nodiscard]] SearchPane *searchPane();
    void buildPanes();
    [[nodiscard]] StateBanner *profileBanner() const;

    void showWelcome(const QString &message = {});
    void showRestoring();
    void showSigningIn(const QString &where);
    void showWorkspace();
    // The name, e-mail, presence and picture (initials until the picture is there).
    void showProfile(const Person &person);
    void showProfileProblem(const QString &message);
    void showProfileLoading();
    // people/me waits before Webex is asked again; `sentence` says until when (Retry now).
    void showProfileWaiting(const QString &sentence);
    // A lasting remark about the app itself (no keychain, renewal trouble), in the status bar.
    void showNotice(const QString &message);
    // A look-up behind the panes (teams, names, pictures) waits before Webex is asked again:
    // the status bar says what and until when, with Retry now (lookupRetryRequested).
    void showLookupWaiting(const QString &sentence);
    // What shows instead of what a look-up could not load, in the status bar; empty: nothing.
    void showLookupNote(const QString &sentence);
    [[nodiscard]] StateBanner *lookupBanner() const { return m_lookupBanner; }
    // Live updates are not flowing: the status bar says why (LiveSession's sentence), with
    // Reconnect (liveReconnectRequested). Empty: live, or nothing to say.
    void showLiveDelayed(const QString &sentence);
    [[nodiscard]] StateBanner *liveBanner() const { return m_liveBanner; }
    // Webex cannot be reached: the status bar says so and until when, with Try Now
    // (reachWebexRequested). Empty: online.
    void showOffline(const QString &sentence);
    [[nodiscard]] StateBanner *offlineBanner() const { return m_offlineBanner; }
    // Another start of Webex Desk asked for the window: shown, unminimized, raised, active.
    void bringToFront();
    // Unread messages in all spaces: the title starts with "(3) " while there are any.
    void setUnreadTotal(int total);
    // Closing the window hides it (Webex Desk keeps running in the tray) instead of closing it.
    void setHidesOnClose(bool hides);
    [[nodiscard]] bool hidesOnClose() const { return m_hidesOnClose; }
    // File > Quit: closes the window even when it would hide, then quitRequested.
    void quit();

signals:
    // Once, on the event loop's turn after the window was first exposed (on screen and
    // painted): what the first frame does not show waits for it.
    void firstFrameShown();
    void signInRequested();
    void systemBrowserSignInRequested();
    void cancelSignInRequested();
    void signOutRequested();
    // The person confirmed *Forget Local Data*.
    void forgetLocalDataRequested();
    void demoRequested();
    void setUpRequested();
    void aboutRequested();
    void refreshRequested();
    // File > New Message (Ctrl+N), View > Mentions (Ctrl+Shift+M).
    void newMessageRequested();
    void mentionsRequested();
    void profileRetryRequested();
    void lookupRetryRequested();
    void liveReconnectRequested();
    void reachWebexRequested();
    // The window was closed while it hides on close: it is hidden, the app runs on.
    void hiddenOnClose();
    // The person chose Quit: the window is closed; the app ends.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showAvatar();
    // Asks before *Forget Local Data* deletes anything.
    void confirmForgetLocalData();
    // The size and place of the window and the split between spaces and messages, as the
    // person left them (QSettings, saved on close).
    void restoreLayout();
    void saveLayout() const;
    [[nodiscard]] static QString presenceText(const QString &status);

    void setSignedIn(bool signedIn);
    // The title without the unread count ("Ada — Webex Desk"), and the count in front of it.
    void setBaseTitle(const QString &title);

    std::unique_ptr<Ui::MainWindow> m_ui;
    class QLabel *m_noticeLabel;
    StateBanner *m_lookupBanner;
    StateBanner *m_liveBanner;
    StateBanner *m_offlineBanner;
    QString m_displayName;
    QUrl m_avatarUrl;
    bool m_firstFrameWatched = false;
    RoomsPane *m_roomsPane = nullptr;
    SearchPane *m_searchPane = nullptr;
    MessagesPane *m_messagesPane = nullptr;
    QPointer<AvatarCache> m_avatars;
    QString m_baseTitle;
    int m_unreadTotal = 0;
    bool m_hidesOnClose = false;
};
