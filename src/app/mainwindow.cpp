#include "mainwindow.h"

#include "avatarcache.h"
#include "messagespane.h"
#include "model/displaytext.h"
#include "model/person.h"
#include "roomspane.h"
#include "searchpane.h"
#include "statebanner.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QWindow>

namespace {
// The profile picture's side, in device-independent pixels.
constexpr int AvatarSize = 64;
const QString GeometryKey = QStringLiteral("MainWindow/geometry");
const QString SplitterKey = QStringLiteral("MainWindow/splitter");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_noticeLabel(new QLabel(this)),
      m_lookupBanner(new StateBanner(this)), m_liveBanner(new StateBanner(this)),
      m_offlineBanner(new StateBanner(this))
{
    m_ui->setupUi(this);
    // First in the status bar: while offline, it is what matters most.
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setWaitingAction(tr("&Try Now"), tr("Try to reach Webex now"));
    m_ui->statusBar->addWidget(m_offlineBanner, 1);
    connect(m_offlineBanner, &StateBanner::retryRequested, this, &MainWindow::reachWebexRequested);
    m_noticeLabel->setObjectName(QStringLiteral("noticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_ui->statusBar->addWidget(m_noticeLabel, 1);
    // Apart from the notices, which others replace (a refresh clears its own every minute).
    m_lookupBanner->setObjectName(QStringLiteral("lookupBanner"));
    m_ui->statusBar->addWidget(m_lookupBanner, 1);
    connect(m_lookupBanner, &StateBanner::retryRequested, this, &MainWindow::lookupRetryRequested);
    m_liveBanner->setObjectName(QStringLiteral("liveBanner"));
    m_liveBanner->setWaitingAction(tr("Re&connect"), tr("Reconnect live updates"));
    m_ui->statusBar->addWidget(m_liveBanner, 1);
    connect(m_liveBanner, &StateBanner::retryRequested, this, &MainWindow::liveReconnectRequested);
    QFont titleFont = m_ui->welcomeTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2);
    m_ui->welcomeTitle->setFont(titleFont);
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_ui->nameLabel->setFont(nameFont);
    // Names and addresses are chosen by other people (and Webex): never read as markup.
    m_ui->nameLabel->setTextFormat(Qt::PlainText);
    m_ui->emailLabel->setTextFormat(Qt::PlainText);
    m_ui->profileBanner->setObjectName(QStringLiteral("profileBanner"));

    connect(m_ui->signInButton, &QPushButton::clicked, this, &MainWindow::signInRequested);
    connect(m_ui->signInAction, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_ui->systemBrowserSignInAction, &QAction::triggered, this,
            &MainWindow::systemBrowserSignInRequested);
    connect(m_ui->cancelSignInButton, &QPushButton::clicked, this,
            &MainWindow::cancelSignInRequested);
    connect(m_ui->signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_ui->forgetLocalDataAction, &QAction::triggered, this,
            &MainWindow::confirmForgetLocalData);
    // The shortcut works wherever focus is, not only while the menu is open.
    addAction(m_ui->signOutAction);
    addAction(m_ui->signInAction);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &MainWindow::demoRequested);
    connect(m_ui->setUpAction, &QAction::triggered, this, &MainWindow::setUpRequested);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::aboutRequested);
    connect(m_ui->quitAction, &QAction::triggered, this, &MainWindow::quit);
    connect(m_ui->findRoomAction, &QAction::triggered, this,
            [this] { roomsPane()->focusFilter(); });
    connect(m_ui->searchMessagesAction, &QAction::triggered, this,
            [this] { searchPane()->focusField(); });
    connect(m_ui->refreshAction, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_ui->newMessageAction, &QAction::triggered, this, &MainWindow::newMessageRequested);
    connect(m_ui->mentionsAction, &QAction::triggered, this, &MainWindow::mentionsRequested);
    connect(m_ui->profileBanner, &StateBanner::retryRequested, this,
            &MainWindow::profileRetryRequested);
    // Ctrl+K, Ctrl+Shift+F and F5 work wherever focus is, as the sign-out shortcut does.
    addAction(m_ui->findRoomAction);
    addAction(m_ui->searchMessagesAction);
    addAction(m_ui->refreshAction);
    addAction(m_ui->newMessageAction);
    addAction(m_ui->mentionsAction);
    restoreLayout();
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::setAvatarCache(AvatarCache *avatars)
{
    m_avatars = avatars;
    connect(avatars, &AvatarCache::avatarChanged, this, [this](const QUrl &url) {
        if (url == m_avatarUrl)
            showAvatar();
    });
}

RoomsPane *MainWindow::roomsPane()
{
    buildPanes();
    return m_roomsPane;
}

MessagesPane *MainWindow::messagesPane()
{
    buildPanes();
    return m_messagesPane;
}

SearchPane *MainWindow::searchPane()
{
    buildPanes();
    return m_searchPane;
}

void MainWindow::buildPanes()
{
    if (m_roomsPane)
        return;
    m_roomsPane = new RoomsPane(m_ui->workSplitter);
    m_roomsPane->setObjectName(QStringLiteral("roomsPane"));
    // The search field above the spaces; its results take their place while searching.
    m_searchPane = new SearchPane(m_roomsPane, m_ui->workSplitter);
    m_searchPane->setObjectName(QStringLiteral("searchPane"));
    m_messagesPane = new MessagesPane(m_ui->workSplitter);
    m_messagesPane->setObjectName(QStringLiteral("messagesPane"));
    m_ui->workSplitter->addWidget(m_searchPane);
    m_ui->workSplitter->addWidget(m_messagesPane);
    // The spaces list narrower than the messages, but wide enough for long titles.
    m_ui->workSplitter->setStretchFactor(0, 2);
    m_ui->workSplitter->setStretchFactor(1, 5);
    m_ui->workSplitter->setSizes({340, 660});
    m_ui->workSplitter->restoreState(QSettings().value(SplitterKey).toByteArray());
}

StateBanner *MainWindow::profileBanner() const
{
    return m_ui->profileBanner;
}

void MainWindow::showWelcome(const QString &message)
{
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    m_ui->statusLabel->setText(message);
    m_ui->statusLabel->setVisible(!message.isEmpty());
    m_ui->signInButton->setEnabled(true);
    m_ui->demoButton->setEnabled(true);
    m_ui->cancelSignInButton->setVisible(false);
    setSignedIn(false);
    setBaseTitle(tr("Webex Desk"));
    m_ui->signInButton->setFocus();
}

void MainWindow::showRestoring()
{
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    m_ui->statusLabel->setText(tr("Opening your Webex session…"));
    m_ui->statusLabel->setVisible(true);
    m_ui->signInButton->setEnabled(false);
    m_ui->demoButton->setEnabled(false);
    m_ui->cancelSignInButton->setVisible(false);
}

void MainWindow::showSigningIn(const QString &where)
{
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    m_ui->statusLabel->setText(where);
    m_ui->statusLabel->setVisible(true);
    m_ui->signInButton->setEnabled(false);
    m_ui->demoButton->setEnabled(false);
    m_ui->cancelSignInButton->setVisible(true);
    m_ui->signInAction->setEnabled(false);
    m_ui->systemBrowserSignInAction->setEnabled(false);
    m_ui->cancelSignInButton->setFocus();
}

void MainWindow::showWorkspace()
{
    m_ui->pages->setCurrentWidget(m_ui->workPage);
    m_ui->nameLabel->setText(tr("Loading your profile…"));
    m_ui->emailLabel->clear();
    m_ui->presenceLabel->clear();
    m_ui->avatarLabel->clear();
    m_avatarUrl = QUrl();
    m_ui->profileBanner->clear();
    roomsPane()->showLoading(0);
    messagesPane()->showNoRoom();
    setSignedIn(true);
    roomsPane()->view()->setFocus();
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_ui->signInAction->setEnabled(!signedIn);
    m_ui->systemBrowserSignInAction->setEnabled(!signedIn);
    m_ui->signOutAction->setEnabled(signedIn);
    m_ui->forgetLocalDataAction->setEnabled(signedIn);
    m_ui->refreshAction->setEnabled(signedIn);
    m_ui->findRoomAction->setEnabled(signedIn);
    m_ui->searchMessagesAction->setEnabled(signedIn);
    m_ui->newMessageAction->setEnabled(signedIn);
    m_ui->mentionsAction->setEnabled(signedIn);
}

void MainWindow::confirmForgetLocalData()
{
    // open(), not exec(): the session goes on behind the question.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Forget Local Data"),
                                tr("Delete the messages and pictures kept on this computer?"),
                                QMessageBox::Cancel, this);
    box->setInformativeText(tr("You stay signed in; your spaces and messages stay on Webex and "
                               "are loaded again as you open them."));
    QPushButton *forget = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, forget](QAbstractButton *button) {
        if (button == forget)
            emit forgetLocalDataRequested();
    });
    box->open();
}

void MainWindow::showNotice(const QString &message)
{
    m_noticeLabel->setText(message);
}

void MainWindow::showLookupWaiting(const QString &sentence)
{
    if (sentence.isEmpty())
        m_lookupBanner->clear();
    else
        m_lookupBanner->showWaiting(sentence);
}

void MainWindow::showLookupNote(const QString &sentence)
{
    if (sentence.isEmpty())
        m_lookupBanner->clear();
    else
        m_lookupBanner->showNotice(sentence);
}

void MainWindow::showLiveDelayed(const QString &sentence)
{
    if (sentence.isEmpty())
        m_liveBanner->clear();
    else
        m_liveBanner->showWaiting(tr("Updates are delayed. %1").arg(sentence));
}

void MainWindow::showOffline(const QString &sentence)
{
    if (sentence.isEmpty())
        m_offlineBanner->clear();
    else
        m_offlineBanner->showWaiting(sentence);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_firstFrameWatched || !windowHandle())
        return;
    m_firstFrameWatched = true;
    // Expose goes to the native window, not to the widget.
    windowHandle()->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && watched == windowHandle() &&
        windowHandle()->isExposed()) {
        windowHandle()->removeEventFilter(this);
        // Queued: the expose is painted first.
        QMetaObject::invokeMethod(this, &MainWindow::firstFrameShown, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::bringToFront()
{
    // Minimized or not, it comes back as it was (maximized stays maximized).
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    // X11 window managers may refuse the focus to a window that did not get a click (focus
    // stealing prevention) and Wayland leaves activation to the compositor: there the window
    // at least asks for attention.
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (m_hidesOnClose) {
        // Webex Desk runs on in the tray; the tray's Open brings the window back.
        event->ignore();
        hide();
        emit hiddenOnClose();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::quit()
{
    m_hidesOnClose = false;
    close();
    emit quitRequested();
}

void MainWindow::setHidesOnClose(bool hides)
{
    m_hidesOnClose = hides;
}

void MainWindow::setBaseTitle(const QString &title)
{
    m_baseTitle = title;
    setUnreadTotal(m_unreadTotal);
}

void MainWindow::setUnreadTotal(int total)
{
    m_unreadTotal = qMax(0, total);
    setWindowTitle(m_unreadTotal == 0
                       ? m_baseTitle
                       : tr("(%1) %2", "unread messages in all spaces, then the window's title")
                             .arg(QLocale().toString(m_unreadTotal), m_baseTitle));
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    // Qt checks the geometry against today's screens and keeps the window on one of them.
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    // The splitter's state is restored when the panes are built (buildPanes).
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    if (m_roomsPane) // else the split stored last time still holds
        settings.setValue(SplitterKey, m_ui->workSplitter->saveState());
}

void MainWindow::showProfile(const Person &person)
{
    m_ui->profileBanner->clear();
    m_displayName = person.shownName();
    m_ui->nameLabel->setText(m_displayName);
    m_ui->emailLabel->setText(DisplayText::singleLine(person.primaryEmail()));
    const QString presence = presenceText(person.status);
    m_ui->presenceLabel->setText(presence);
    m_ui->presenceLabel->setVisible(!presence.isEmpty());
    // Isolated (FSI...PDI): a right-to-left name neither reorders our words nor is reordered.
    m_ui->avatarLabel->setAccessibleName(
        tr("Profile picture of %1").arg(DisplayText::isolated(m_displayName)));
    m_avatarUrl = person.avatar;
    showAvatar();
    setBaseTitle(tr("%1 — Webex Desk").arg(DisplayText::isolated(m_displayName)));
}

void MainWindow::showAvatar()
{
    // The same round picture, and the same initials while it loads, as beside each message.
    if (m_avatars)
        m_ui->avatarLabel->setPixmap(m_avatars->avatar(m_avatarUrl, m_displayName, AvatarSize,
                                                       devicePixelRatioF(), palette()));
}

void MainWindow::showProfileProblem(const QString &message)
{
    m_ui->nameLabel->setText(tr("Your profile could not be loaded."));
    m_ui->emailLabel->clear();
    m_ui->profileBanner->showError(message);
}

void MainWindow::showProfileLoading()
{
    m_ui->nameLabel->setText(tr("Loading your profile…"));
    m_ui->profileBanner->clear();
}

void MainWindow::showProfileWaiting(const QString &sentence)
{
    // Not "Loading": nothing is being loaded until the time the banner gives.
    m_ui->nameLabel->setText(tr("Your profile is not loaded yet."));
    m_ui->profileBanner->showWaiting(sentence);
}

QString MainWindow::presenceText(const QString &status)
{
    // Webex's presence values, in words.
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("call"))
        return tr("In a call");
    if (status == QLatin1String("DoNotDisturb"))
        return tr("Do not disturb");
    if (status == QLatin1String("inactive"))
        return tr("Inactive");
    if (status == QLatin1String("meeting"))
        return tr("In a meeting");
    if (status == QLatin1String("OutOfOffice"))
        return tr("Out of office");
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("presenting"))
        return tr("Presenting");
    return {}; // absent or "unknown": say nothing rather than guess
}
