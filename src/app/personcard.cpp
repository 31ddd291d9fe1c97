#include "personcard.h"

#include "model/displaytext.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

PersonCard::PersonCard(const Person &person, const QPixmap &picture, QWidget *parent)
    : QDialog(parent), m_person(person), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("personCard"));
    const QString name = DisplayText::singleLine(person.displayName, person.primaryEmail());
    setWindowTitle(name);
    setAttribute(Qt::WA_DeleteOnClose);

    auto *photo = new QLabel(this);
    photo->setObjectName(QStringLiteral("personCardPicture"));
    photo->setPixmap(picture);
    photo->setAccessibleName(tr("Picture of %1").arg(name));
    auto *nameLabel = new QLabel(name, this);
    nameLabel->setObjectName(QStringLiteral("personCardName"));
    nameLabel->setTextFormat(Qt::PlainText);
    nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = nameLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    nameLabel->setFont(bold);
    nameLabel->setAccessibleName(tr("Name: %1").arg(name));
    const QString email = DisplayText::singleLine(person.primaryEmail());
    auto *emailLabel = new QLabel(email, this);
    emailLabel->setObjectName(QStringLiteral("personCardEmail"));
    emailLabel->setTextFormat(Qt::PlainText);
    emailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    emailLabel->setAccessibleName(tr("Email address: %1").arg(email));
    emailLabel->setVisible(!email.isEmpty());
    const QString status = statusSentence(person.status);
    m_status->setObjectName(QStringLiteral("personCardStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(status);
    m_status->setAccessibleName(tr("Status: %1").arg(status));
    m_status->setVisible(!status.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_message = buttons->addButton(tr("&Message"), QDialogButtonBox::AcceptRole);
    m_message->setObjectName(QStringLiteral("personCardMessage"));
    m_message->setAccessibleName(tr("Write to %1").arg(name));
    m_message->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the card"));
    // Nothing to write to without an address.
    m_message->setEnabled(!email.isEmpty());
    connect(m_message, &QPushButton::clicked, this, [this] {
        emit messageRequested(m_person);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QGridLayout(this);
    layout->addWidget(photo, 0, 0, 3, 1, Qt::AlignTop);
    layout->addWidget(nameLabel, 0, 1);
    layout->addWidget(emailLabel, 1, 1);
    layout->addWidget(m_status, 2, 1);
    layout->addWidget(buttons, 3, 0, 1, 2);
    layout->setColumnStretch(1, 1);
}

QString PersonCard::statusText() const
{
    return m_status->text();
}

QString PersonCard::statusSentence(const QString &status)
{
    // Webex's words (people/me, people?id=: docs/webex-wire.md).
    if (status == QLatin1String("active"))
        return tr("Available");
    if (status == QLatin1String("call"))
        return tr("In a call");
    if (status == QLatin1String("DoNotDisturb"))
        return tr("Do not disturb");
    if (status == QLatin1String("inactive"))
        return tr("Away");
    if (status == QLatin1String("meeting"))
        return tr("In a meeting");
    if (status == QLatin1String("OutOfOffice"))
        return tr("Out of office");
    if (status == QLatin1String("presenting"))
        return tr("Presenting");
    if (status == QLatin1String("pending"))
        return tr("Has not signed in to Webex yet");
    return {};
}
