#include "directmessagescontroller.h"

#include "api/webexclient.h"
#include "avatarcache.h"
#include "model/peopledirectory.h"
#include "model/roomlistmodel.h"
#include "newmessagedialog.h"
#include "personcard.h"

#include <QUuid>

DirectMessagesController::DirectMessagesController(RoomListModel *rooms, AvatarCache *avatars,
                                                   QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_avatars(avatars), m_dialogParent(dialogParent)
{
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(TypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &DirectMessagesController::search);
}

DirectMessagesController::~DirectMessagesController() = default;

void DirectMessagesController::begin(WebexClient *client, PeopleDirectory *people)
{
    end();
    m_client = client;
    m_people = people;
    if (!client)
        return;
    connect(client, &WebexClient::peopleFound, this, &DirectMessagesController::onPeopleFound);
    connect(client, &WebexClient::peopleSearchFailed, this,
            &DirectMessagesController::onSearchFailed);
    connect(client, &WebexClient::messageSent, this, &DirectMessagesController::onMessageSent);
    connect(client, &WebexClient::sendFailed, this, &DirectMessagesController::onSendFailed);
}

void DirectMessagesController::end()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = nullptr;
    m_people = nullptr;
    m_typingPause.stop();
    m_sendTag.clear();
    if (m_dialog)
        m_dialog->close();
    if (m_card)
        m_card->close();
}

void DirectMessagesController::showNewMessage()
{
    if (!m_client)
        return;
    if (!m_dialog) {
        m_dialog = new NewMessageDialog(m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &NewMessageDialog::searchTextChanged, this,
                &DirectMessagesController::onSearchTextChanged);
        connect(m_dialog, &NewMessageDialog::personChosen, this,
                &DirectMessagesController::writeTo);
        connect(m_dialog, &NewMessageDialog::firstMessageWritten, this,
                &DirectMessagesController::sendFirstMessage);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    m_dialog->searchField()->setFocus();
}

void DirectMessagesController::onSearchTextChanged(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_typingPause.stop();
        m_dialog->showPeople(text, {});
        m_dialog->setStatus(QString());
        return;
    }
    // Every key restarts the pause: Webex is asked once the person stops typing.
    m_typingPause.start();
}

void DirectMessagesController::search()
{
    if (!m_client || !m_dialog)
        return;
    m_dialog->setStatus(tr("Searching…"));
    m_client->searchPeople(m_dialog->searchText());
}

void DirectMessagesController::onPeopleFound(const QString &text, const QList<Person> &people)
{
    if (m_dialog)
        m_dialog->showPeople(text, people);
}

void DirectMessagesController::onSearchFailed(const QString &text, const ApiError &error)
{
    if (m_dialog && text == m_dialog->searchText())
        m_dialog->setStatus(tr("The search did not work. %1").arg(error.userMessage()));
}

QString DirectMessagesController::directSpaceWith(const Person &person) const
{
    if (person.displayName.isEmpty())
        return {};
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        const Room &room = m_rooms->roomRef(row);
        if (room.kind == Room::Kind::Direct && room.title == person.displayName)
            return room.id;
    }
    return {};
}

void DirectMessagesController::writeTo(const Person &person)
{
    const QString roomId = directSpaceWith(person);
    if (!roomId.isEmpty()) {
        if (m_dialog)
            m_dialog->close();
        emit openRoomRequested(roomId, person.displayName);
        return;
    }
    if (person.primaryEmail().isEmpty()) {
        emit notice(tr("%1 has no address Webex Desk can write to.").arg(person.displayName));
        return;
    }
    showNewMessage();
    if (m_dialog)
        m_dialog->askForFirstMessage(person);
}

void DirectMessagesController::sendFirstMessage(const Person &person, const QString &markdown)
{
    if (!m_client || !m_sendTag.isEmpty())
        return;
    m_recipient = person;
    m_sendTag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_dialog)
        m_dialog->setSending(true);
    m_client->sendDirectMessage(person.primaryEmail(), markdown, m_sendTag);
}

void DirectMessagesController::onMessageSent(const QString &clientTag, const Message &message)
{
    if (clientTag != m_sendTag)
        return;
    m_sendTag.clear();
    if (m_dialog)
        m_dialog->close();
    emit spaceStarted(message.roomId);
    emit openRoomRequested(message.roomId, m_recipient.displayName);
}

void DirectMessagesController::onSendFailed(const QString &clientTag, const ApiError &error)
{
    if (clientTag != m_sendTag)
        return;
    m_sendTag.clear();
    if (m_dialog)
        m_dialog->showSendProblem(tr("Your message was not sent. %1").arg(error.userMessage()));
    else
        emit notice(tr("Your message to %1 was not sent. %2")
                        .arg(m_recipient.displayName, error.userMessage()));
}

void DirectMessagesController::showPersonCard(const QString &personId)
{
    const std::optional<Person> person = m_people ? m_people->person(personId) : std::nullopt;
    if (!person) {
        emit notice(tr("Webex has not told yet who wrote this message; try again in a moment."));
        if (m_people)
            m_people->request({personId});
        return;
    }
    if (m_card)
        m_card->close();
    const qreal ratio = m_dialogParent ? m_dialogParent->devicePixelRatioF() : 1.0;
    const QPixmap picture =
        m_avatars->avatar(person->avatar, person->displayName, 64, ratio,
                          m_dialogParent ? m_dialogParent->palette() : QPalette());
    m_card = new PersonCard(*person, picture, m_dialogParent);
    connect(m_card, &PersonCard::messageRequested, this, &DirectMessagesController::writeTo);
    m_card->show();
    m_card->messageButton()->setFocus();
}
