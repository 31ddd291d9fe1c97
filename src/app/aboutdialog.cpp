#include "aboutdialog.h"

#include "version.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int IconSize = 64;

QString homepage()
{
    return QStringLiteral(WEBEXDESK_HOMEPAGE);
}

// A label whose text is read as it is shown, selectable for copying, links followable by
// keyboard and opened in the web browser.
QLabel *textLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}
} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_copyButton(nullptr)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Webex Desk"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(QGuiApplication::windowIcon().pixmap(IconSize, IconSize));
    icon->setAccessibleName(tr("Webex Desk icon"));
    icon->setAlignment(Qt::AlignTop);

    auto *title = textLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Webex Desk")),
                            QStringLiteral("aboutTitle"), this);
    auto *version = textLabel(tr("Version %1").arg(QStringLiteral(WEBEXDESK_VERSION)),
                              QStringLiteral("aboutVersion"), this);
    version->setAccessibleName(tr("Version"));
    auto *qt = textLabel(tr("Built with Qt %1, running on Qt %2.")
                             .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                         QStringLiteral("aboutQtVersion"), this);
    qt->setAccessibleName(tr("Qt version"));
    auto *description = textLabel(
        tr("A native desktop client for Cisco Webex. Webex Desk is not made or endorsed by "
           "Cisco."),
        QStringLiteral("aboutDescription"), this);
    auto *licence = textLabel(tr("Distributed under the %1 licence, without any warranty.")
                                  .arg(QStringLiteral(WEBEXDESK_LICENSE)),
                              QStringLiteral("aboutLicence"), this);
    licence->setAccessibleName(tr("Licence"));
    const QString link = QStringLiteral("<a href=\"%1\">%2</a>");
    auto *links = textLabel(
        QStringList{
            link.arg(homepage(), tr("Website")),
            link.arg(homepage() + QStringLiteral("/blob/main/CHANGELOG.md"), tr("What is new")),
            link.arg(homepage() + QStringLiteral("/issues"), tr("Report a problem"))}
            .join(QStringLiteral(" · ")),
        QStringLiteral("aboutLinks"), this);
    links->setAccessibleName(tr("Links"));
    links->setAccessibleDescription(tr("Opens in your web browser"));

    auto *text = new QVBoxLayout;
    for (QLabel *label : {title, version, qt, description, licence, links})
        text->addWidget(label);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    m_copyButton = buttons->addButton(tr("&Copy Version Info"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyVersionInfoButton"));
    m_copyButton->setAccessibleDescription(
        tr("Copies the versions of Webex Desk, Qt and the system, for a problem report"));
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    aboutQt->setAccessibleDescription(tr("Shows the version and licence of Qt"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setDefault(true);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copyButton, &QPushButton::clicked, this, &AboutDialog::copyVersionInfo);
    connect(aboutQt, &QPushButton::clicked, this, [this] { QApplication::aboutQt(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::versionInfo()
{
    // Not through tr(): the line goes into a problem report, read by the maintainers, and is
    // searched for there; it reads the same whatever language the app speaks.
    return QStringLiteral("Webex Desk %1 (Qt %2, built with Qt %3) on %4")
        .arg(QStringLiteral(WEBEXDESK_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName());
}

void AboutDialog::copyVersionInfo()
{
    QGuiApplication::clipboard()->setText(versionInfo());
    // Said on the button itself, where the eyes (and the screen reader's focus) already are.
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(2000, m_copyButton,
                       [button = m_copyButton] { button->setText(tr("&Copy Version Info")); });
}
