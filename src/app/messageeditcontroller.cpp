#include "messageeditcontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "composer.h"
#include "messageeditbox.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "model/message.h"
#include "model/messagelistmodel.h"

#include <QMessageBox>
#include <QPushButton>

MessageEditController::MessageEditController(MessagesPane *pane, QObject *parent)
    : QObject(parent), m_pane(pane)
{
    connect(pane->view(), &MessageListView::editRequested, this,
            &MessageEditController::editMessage);
    connect(pane->view(), &MessageListView::deleteRequested, this,
            &MessageEditController::askToDelete);
    connect(pane->composer(), &Composer::editLastRequested, this, &MessageEditController::editLast);
    connect(pane->editBox(), &MessageEditBox::saveRequested, this, &MessageEditController::save);
    // An answer still on its way after a cancel updates the row all the same (onEdited).
    connect(pane->editBox(), &MessageEditBox::cancelled, this, [this] { m_pane->endEdit(); });
}

MessageEditController::~MessageEditController() = default;

void MessageEditController::begin(WebexClient *client, MessageListModel *messages)
{
    end();
    m_client = client;
    m_messages = messages;
    connect(client, &WebexClient::messageEdited, this, &MessageEditController::onEdited);
    connect(client, &WebexClient::editFailed, this, &MessageEditController::onEditFailed);
    connect(client, &WebexClient::messageDeleted, this, &MessageEditController::onDeleted);
    connect(client, &WebexClient::deleteFailed, this, &MessageEditController::onDeleteFailed);
}

void MessageEditController::end()
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    m_messages = nullptr;
    m_saving.clear();
    m_deleting.clear();
    if (m_question)
        m_question->reject();
    m_pane->editBox()->cancel();
}

bool MessageEditController::isOwnListed(const QString &messageId) const
{
    if (!m_messages || !m_client)
        return false;
    const int row = m_messages->rowOf(messageId);
    return row >= 0 && m_messages->index(row).data(MessageListModel::OwnRole).toBool();
}

bool MessageEditController::editMessage(const QString &messageId)
{
    if (!isOwnListed(messageId))
        return false;
    const std::optional<Message> message = m_messages->messageAt(m_messages->rowOf(messageId));
    // As it was written: markdown when it was sent as markdown (as this app sends), else text.
    m_pane->beginEdit(messageId, message->markdown.isEmpty() ? message->text : message->markdown);
    return true;
}

void MessageEditController::editLast()
{
    if (!m_messages)
        return;
    const int row = m_messages->lastOwnRow();
    if (row >= 0)
        editMessage(m_messages->index(row).data(MessageListModel::IdRole).toString());
}

void MessageEditController::save(const QString &messageId, const QString &markdown)
{
    if (!m_client || !m_messages) {
        m_pane->editBox()->showProblem(tr("Not saved: you are not signed in."));
        return;
    }
    m_saving = messageId;
    m_pane->editBox()->setSaving(true);
    m_client->editMessage(messageId, m_messages->roomId(), markdown);
}

void MessageEditController::onEdited(const Message &message)
{
    Message edited = message;
    // The mark says it was edited even if Webex's answer leaves the time out.
    if (!edited.updated.isValid())
        edited.updated = QDateTime::currentDateTimeUtc();
    if (m_messages)
        m_messages->updateMessage(edited);
    if (message.id != m_saving)
        return;
    m_saving.clear();
    if (m_pane->editBox()->messageId() == message.id) {
        m_pane->editBox()->setSaving(false);
        m_pane->editBox()->cancel(); // done: the composer comes back
    }
}

void MessageEditController::onEditFailed(const QString &messageId, const ApiError &error)
{
    if (messageId != m_saving)
        return;
    m_saving.clear();
    MessageEditBox *box = m_pane->editBox();
    if (box->messageId() != messageId) {
        // The box was closed meanwhile (another space opened): said where it is still seen.
        emit notice(tr("Your edit was not saved. %1").arg(error.userMessage()));
        return;
    }
    box->setSaving(false);
    // The text stays in the box: the person can try again, change it, or cancel.
    box->showProblem(error.httpStatus == 403
                         ? tr("Webex did not save the edit: only the person who wrote a message "
                              "can edit it. %1")
                               .arg(error.userMessage())
                         : tr("Webex did not save the edit. %1").arg(error.userMessage()));
}

bool MessageEditController::askToDelete(const QString &messageId)
{
    if (!isOwnListed(messageId) || m_deleting.contains(messageId))
        return false;
    if (m_question)
        m_question->reject();
    auto *question =
        new QMessageBox(QMessageBox::Question, tr("Delete Message"), tr("Delete this message?"),
                        QMessageBox::NoButton, m_pane->window());
    question->setObjectName(QStringLiteral("deleteQuestion"));
    question->setInformativeText(
        tr("It is deleted for everyone in the space. This cannot be undone."));
    QPushButton *remove = question->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteButton"));
    QPushButton *keep = question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(keep); // Enter keeps the message; deleting is a choice
    question->setEscapeButton(keep);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowModality(Qt::WindowModal);
    connect(question, &QMessageBox::finished, this, [this, question, remove, messageId] {
        if (question->clickedButton() != remove || !m_client || m_deleting.contains(messageId))
            return;
        m_deleting.insert(messageId);
        m_client->deleteMessage(messageId);
    });
    m_question = question;
    question->open();
    return true;
}

void MessageEditController::onDeleted(const QString &messageId)
{
    m_deleting.remove(messageId);
    if (m_pane->editBox()->messageId() == messageId)
        m_pane->editBox()->cancel();
    if (m_messages)
        m_messages->removeMessage(messageId);
    emit messageDeleted(messageId);
}

void MessageEditController::onDeleteFailed(const QString &messageId, const ApiError &error)
{
    if (!m_deleting.remove(messageId))
        return;
    if (error.httpStatus == 404) {
        onDeleted(messageId); // already gone from Webex: gone here too
        return;
    }
    emit notice(tr("Your message was not deleted. %1").arg(error.userMessage()));
}
