#include "traycontroller.h"

#include "unreadbadge.h"

#include <QAction>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace {
// The sizes trays ask for (16 and 22 on most Linux panels, 32 and 48 with scaling, 64 for
// StatusNotifierItem hosts that scale down).
constexpr int IconSizes[] = {16, 22, 24, 32, 48, 64};
// A red that keeps white text readable (contrast above 4.5:1), as other apps' badges are.
const QColor BadgeColor(0xc6, 0x28, 0x28);
} // namespace

TrayController::TrayController(QAction *doNotDisturb, bool withIcon, QObject *parent)
    : QObject(parent), m_menu(std::make_unique<QMenu>())
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_menu->setAccessibleName(tr("Webex Desk tray menu"));
    m_open = m_menu->addAction(tr("&Open Webex Desk"));
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    m_menu->addAction(doNotDisturb);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(m_open, &QAction::triggered, this, &TrayController::openRequested);
    connect(m_quit, &QAction::triggered, this, &TrayController::quitRequested);

    if (withIcon) {
        m_icon = std::make_unique<QSystemTrayIcon>();
        m_icon->setContextMenu(m_menu.get());
        connect(m_icon.get(), &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    // A click or a double click opens; the right click shows the menu.
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        emit openRequested();
                });
        connect(m_icon.get(), &QSystemTrayIcon::messageClicked, this, [this] {
            const QString key = m_messageKey;
            m_messageKey.clear();
            if (key.isEmpty())
                emit openRequested();
            else
                emit messageClicked(key);
        });
    }
    updateIcon();
    if (m_icon)
        m_icon->show();
}

TrayController::~TrayController() = default;

void TrayController::setUnreadTotal(int total)
{
    total = qMax(0, total);
    if (total == m_total)
        return;
    m_total = total;
    updateIcon();
}

QString TrayController::toolTip() const
{
    if (m_total == 0)
        return tr("Webex Desk");
    return tr("Webex Desk: %n unread message(s)", nullptr, m_total);
}

QImage TrayController::paintIcon(int total, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QIcon(QStringLiteral(":/icons/webex-desk.svg")).paint(&painter, QRect(0, 0, size, size));
    if (total <= 0)
        return image;
    // The badge in the upper right corner, over the icon: most of the icon's height, so the
    // number reads at 16 px too.
    const QString text = UnreadBadge::text(total);
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(qMax(7, int(size * (text.size() > 2 ? 0.40 : 0.52))));
    painter.setFont(font);
    const int height = qMax(8, int(size * 0.62));
    const int width =
        qMin(size, qMax(height, painter.fontMetrics().horizontalAdvance(text) + height / 3));
    const QRectF badge(size - width, 0, width, height);
    painter.setPen(Qt::NoPen);
    painter.setBrush(BadgeColor);
    painter.drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    return image;
}

void TrayController::updateIcon()
{
    QIcon icon;
    for (int size : IconSizes)
        icon.addPixmap(QPixmap::fromImage(paintIcon(m_total, size)));
    m_currentIcon = icon;
    if (m_icon) {
        m_icon->setIcon(icon);
        m_icon->setToolTip(toolTip());
    }
}

void TrayController::showMessage(const QString &title, const QString &body, const QString &key)
{
    if (!m_icon)
        return;
    m_messageKey = key;
    m_icon->showMessage(title, body, m_currentIcon);
}
