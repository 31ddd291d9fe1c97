#include "newmessagedialog.h"

#include "messagetextedit.h"
#include "model/displaytext.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

NewMessageDialog::NewMessageDialog(QWidget *parent)
    : QDialog(parent), m_pages(new QStackedWidget(this)), m_search(new QLineEdit),
      m_results(new QListView), m_people(new QStandardItemModel(this)), m_status(new QLabel),
      m_to(new QLabel), m_message(new MessageTextEdit), m_send(new QPushButton(tr("Se&nd")))
{
    setObjectName(QStringLiteral("newMessageDialog"));
    setWindowTitle(tr("New Message"));

    // Page 1: whom.
    auto *searchPage = new QWidget;
    auto *label = new QLabel(tr("&To:"), searchPage);
    label->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("newMessageSearch"));
    m_search->setPlaceholderText(tr("Name or email address"));
    m_search->setAccessibleName(tr("Person to write to"));
    m_search->setAccessibleDescription(
        tr("Type a name or an address; Down goes to the people found, Enter chooses one."));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(200);
    m_results->setObjectName(QStringLiteral("newMessageResults"));
    m_results->setAccessibleName(tr("People found"));
    m_results->setModel(m_people);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_status->setObjectName(QStringLiteral("newMessageStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *searchLayout = new QVBoxLayout(searchPage);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(label);
    searchLayout->addWidget(m_search);
    searchLayout->addWidget(m_status);
    searchLayout->addWidget(m_results, 1);
    connect(m_search, &QLineEdit::textEdited, this, &NewMessageDialog::searchTextChanged);
    connect(m_results, &QListView::activated, this, &NewMessageDialog::choose);
    // Down from the field into the results; Enter in the field chooses the first one.
    auto *down =
        new QShortcut(QKeySequence(Qt::Key_Down), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, [this] {
        if (m_people->rowCount() == 0)
            return;
        m_results->setFocus();
        m_results->setCurrentIndex(m_people->index(0, 0));
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_people->rowCount() > 0)
            choose(m_results->currentIndex().isValid() ? m_results->currentIndex()
                                                       : m_people->index(0, 0));
    });
    for (const int key : {int(Qt::Key_Return), int(Qt::Key_Enter)}) {
        auto *enter =
            new QShortcut(QKeySequence(key), m_results, nullptr, nullptr, Qt::WidgetShortcut);
        connect(enter, &QShortcut::activated, this, [this] { choose(m_results->currentIndex()); });
    }

    // Page 2: the first message, for someone without a space yet.
    auto *messagePage = new QWidget;
    m_to->setObjectName(QStringLiteral("newMessageTo"));
    m_to->setTextFormat(Qt::PlainText);
    m_to->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("newMessageText"));
    m_message->setAccessibleName(tr("First message"));
    m_message->setTakesEscape(true);
    m_send->setObjectName(QStringLiteral("newMessageSend"));
    m_send->setAccessibleName(tr("Send the first message"));
    auto *back = new QPushButton(tr("&Back"));
    back->setAccessibleName(tr("Back to the search"));
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_to);
    messageLayout->addWidget(m_message, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(back);
    row->addStretch(1);
    row->addWidget(m_send);
    messageLayout->addLayout(row);
    connect(m_message, &MessageTextEdit::submitted, this, &NewMessageDialog::sendFirstMessage);
    connect(m_message, &MessageTextEdit::escaped, this, &NewMessageDialog::backToSearch);
    connect(m_send, &QPushButton::clicked, this, &NewMessageDialog::sendFirstMessage);
    connect(back, &QPushButton::clicked, this, &NewMessageDialog::backToSearch);

    m_pages->addWidget(searchPage);
    m_pages->addWidget(messagePage);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without writing"));
    // Enter belongs to the field and the list (choose, send); no button takes it as a dialog's
    // default would, which here would close the dialog under the person's hands.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    resize(440, 420);
    m_search->setFocus();
}

QString NewMessageDialog::searchText() const
{
    return m_search->text();
}

QString NewMessageDialog::status() const
{
    return m_status->text();
}

bool NewMessageDialog::isWritingFirstMessage() const
{
    return m_pages->currentIndex() == 1;
}

void NewMessageDialog::setStatus(const QString &sentence)
{
    m_status->setText(sentence);
    m_status->setAccessibleName(sentence);
    m_results->setAccessibleDescription(sentence);
}

void NewMessageDialog::showPeople(const QString &text, const QList<Person> &people)
{
    if (text != m_search->text())
        return; // typed on meanwhile: a newer search answers
    m_found = people;
    m_people->clear();
    for (const Person &person : people) {
        const QString name = DisplayText::singleLine(person.displayName);
        const QString email = person.primaryEmail();
        // Both are other people's text: plain, one line, isolated from each other.
        auto *item = new QStandardItem(
            email.isEmpty() ? name
                            : tr("%1 — %2", "person's name — address")
                                  .arg(DisplayText::isolated(name), DisplayText::isolated(email)));
        item->setData(tr("%1, %2").arg(name, email), Qt::AccessibleTextRole);
        m_people->appendRow(item);
    }
    setStatus(people.isEmpty() ? tr("No one found for “%1”.").arg(text)
                               : tr("%n person(s) found.", nullptr, int(people.size())));
}

void NewMessageDialog::choose(const QModelIndex &index)
{
    if (!index.isValid() || index.row() >= m_found.size())
        return;
    emit personChosen(m_found.at(index.row()));
}

void NewMessageDialog::askForFirstMessage(const Person &person)
{
    m_recipient = person;
    const QString sentence =
        tr("You have no space with %1 yet. Your first message starts one.")
            .arg(DisplayText::isolated(DisplayText::singleLine(person.displayName)));
    m_to->setText(sentence);
    m_to->setAccessibleName(sentence);
    m_message->setAccessibleDescription(sentence + QLatin1Char(' ') +
                                        tr("Enter sends, Shift+Enter starts a new line; Escape "
                                           "goes back to the search."));
    m_pages->setCurrentIndex(1);
    m_message->setFocus();
}

void NewMessageDialog::sendFirstMessage()
{
    const QString markdown = m_message->toPlainText();
    if (markdown.trimmed().isEmpty() || !m_send->isEnabled())
        return;
    if (const QString tooLong = MessageTextEdit::tooLongText(markdown); !tooLong.isEmpty()) {
        showSendProblem(tooLong);
        return;
    }
    emit firstMessageWritten(m_recipient, markdown);
}

void NewMessageDialog::showSendProblem(const QString &sentence)
{
    m_to->setText(sentence);
    m_to->setAccessibleName(sentence);
    setSending(false);
    m_message->setFocus();
}

void NewMessageDialog::setSending(bool sending)
{
    m_send->setEnabled(!sending);
    m_message->setReadOnly(sending);
    if (sending)
        m_send->setText(tr("Sending…"));
    else
        m_send->setText(tr("Se&nd"));
}

void NewMessageDialog::backToSearch()
{
    m_pages->setCurrentIndex(0);
    m_search->setFocus();
}
