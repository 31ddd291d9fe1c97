#include "mainwindow.h"

#include "model/person.h"
#include "roomitemdelegate.h"
#include "ui_mainwindow.h"

#include <QAbstractItemModel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {
constexpr int AvatarSize = 64;

QPixmap roundPixmap(const QPixmap &source, qreal devicePixelRatio)
{
    const int side = qRound(AvatarSize * devicePixelRatio);
    QPixmap result(side, side);
    result.fill(Qt::transparent);
    QPainter painter(&result);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(0, 0, side, side);
    painter.setClipPath(circle);
    painter.drawPixmap(
        0, 0, source.scaled(side, side, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation));
    painter.end();
    result.setDevicePixelRatio(devicePixelRatio);
    return result;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_noticeLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    m_noticeLabel->setObjectName(QStringLiteral("noticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_ui->statusBar->addWidget(m_noticeLabel, 1);
    QFont titleFont = m_ui->welcomeTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2);
    m_ui->welcomeTitle->setFont(titleFont);
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_ui->nameLabel->setFont(nameFont);
    m_ui->roomList->setItemDelegate(new RoomItemDelegate(m_ui->roomList));

    connect(m_ui->signInButton, &QPushButton::clicked, this, &MainWindow::signInRequested);
    connect(m_ui->signInAction, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_ui->systemBrowserSignInAction, &QAction::triggered, this,
            &MainWindow::systemBrowserSignInRequested);
    connect(m_ui->cancelSignInButton, &QPushButton::clicked, this,
            &MainWindow::cancelSignInRequested);
    connect(m_ui->signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    // The shortcut works wherever focus is, not only while the menu is open.
    addAction(m_ui->signOutAction);
    addAction(m_ui->signInAction);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &MainWindow::demoRequested);
    connect(m_ui->setUpAction, &QAction::triggered, this, &MainWindow::setUpRequested);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::aboutRequested);
    connect(m_ui->quitAction, &QAction::triggered, this, &MainWindow::close);
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::setRoomModel(QAbstractItemModel *model)
{
    m_ui->roomList->setModel(model);
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
    setWindowTitle(tr("Webex Desk"));
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
    m_ui->roomsStatusLabel->setText(tr("Loading your spaces…"));
    setSignedIn(true);
    m_ui->roomList->setFocus();
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_ui->signInAction->setEnabled(!signedIn);
    m_ui->systemBrowserSignInAction->setEnabled(!signedIn);
    m_ui->signOutAction->setEnabled(signedIn);
}

void MainWindow::showNotice(const QString &message)
{
    m_noticeLabel->setText(message);
}

void MainWindow::showProfile(const Person &person)
{
    m_displayName = person.displayName.isEmpty() ? person.primaryEmail() : person.displayName;
    m_ui->nameLabel->setText(m_displayName);
    m_ui->emailLabel->setText(person.primaryEmail());
    const QString presence = presenceText(person.status);
    m_ui->presenceLabel->setText(presence);
    m_ui->presenceLabel->setVisible(!presence.isEmpty());
    m_ui->avatarLabel->setAccessibleName(tr("Profile picture of %1").arg(m_displayName));
    showInitials(m_displayName);
    setWindowTitle(tr("%1 — Webex Desk").arg(m_displayName));
}

void MainWindow::showAvatar(const QByteArray &imageData)
{
    QPixmap picture;
    if (!picture.loadFromData(imageData))
        return; // the initials stay: a broken image is not worth an error message
    m_ui->avatarLabel->setPixmap(roundPixmap(picture, devicePixelRatioF()));
}

void MainWindow::showInitials(const QString &name)
{
    QString initials;
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        initials += part.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    const qreal ratio = devicePixelRatioF();
    QPixmap placeholder(qRound(AvatarSize * ratio), qRound(AvatarSize * ratio));
    placeholder.fill(palette().color(QPalette::Highlight));
    QPainter painter(&placeholder);
    painter.setPen(palette().color(QPalette::HighlightedText));
    QFont font = this->font();
    font.setPixelSize(qRound(AvatarSize * ratio * 0.4));
    painter.setFont(font);
    painter.drawText(placeholder.rect(), Qt::AlignCenter, initials);
    painter.end();
    m_ui->avatarLabel->setPixmap(roundPixmap(placeholder, ratio));
}

void MainWindow::showRoomsLoading(int loaded)
{
    m_ui->roomsStatusLabel->setText(tr("Loading your spaces… %n so far", nullptr, loaded));
}

void MainWindow::showRoomsLoaded(int total)
{
    m_ui->roomsStatusLabel->setText(total == 0 ? tr("You are not in any space yet.")
                                               : tr("%n space(s)", nullptr, total));
}

void MainWindow::showRoomsProblem(const QString &message)
{
    m_ui->roomsStatusLabel->setText(tr("Your spaces could not be loaded. %1").arg(message));
}

void MainWindow::showProfileProblem(const QString &message)
{
    m_ui->nameLabel->setText(tr("Your profile could not be loaded."));
    m_ui->emailLabel->setText(message);
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
