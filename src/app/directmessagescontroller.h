#pragma once

#include "api/apierror.h"
#include "model/message.h"
#include "model/person.h"
// Complete types: QPointer in the inline getters needs them.
#include "newmessagedialog.h"
#include "personcard.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class AvatarCache;
class PeopleDirectory;
class RoomListModel;
class WebexClient;
class QWidget;

// One-to-one conversations: New message (Ctrl+N) finds people as the person types, a pause of
// TypingPauseMs after the last key, with at most one search in flight (WebexClient::searchPeople
// replaces a running one), and opens the space with the one chosen, or has the first message
// written and sent with toPersonEmail, which starts it. Clicking a sender shows their card
// (PersonCard), whose Message does the same.
//
// The space with someone is found in the list by its title: Webex titles a one-to-one space
// with the other person's name (two people of the same name are told apart only by Webex's
// answer to the first message).
class DirectMessagesController : public QObject
{
    Q_OBJECT

public:
    static constexpr int TypingPauseMs = 300;

    DirectMessagesController(RoomListModel *rooms, AvatarCache *avatars, QWidget *dialogParent,
                             QObject *parent = nullptr);
    ~DirectMessagesController() override;

    void begin(WebexClient *client, PeopleDirectory *people);
    void end();

    [[nodiscard]] NewMessageDialog *dialog() const { return m_dialog; }
    [[nodiscard]] PersonCard *card() const { return m_card; }
    // The one-to-one space with `person` in the list, or empty.
    [[nodiscard]] QString directSpaceWith(const Person &person) const;

public slots:
    void showNewMessage();
    // The card of a sender (by person id), if Webex has told who they are.
    void showPersonCard(const QString &personId);
    // Opens the space with `person`, or asks for the first message.
    void writeTo(const Person &person);

signals:
    // The space to show: listed already, or just started (its title: the person's name).
    void openRoomRequested(const QString &roomId, const QString &title);
    // A one-to-one space was started: the spaces list should learn of it.
    void spaceStarted(const QString &roomId);
    void notice(const QString &sentence);

private:
    void onSearchTextChanged(const QString &text);
    void search();
    void onPeopleFound(const QString &text, const QList<Person> &people);
    void onSearchFailed(const QString &text, const ApiError &error);
    void sendFirstMessage(const Person &person, const QString &markdown);
    void onMessageSent(const QString &clientTag, const Message &message);
    void onSendFailed(const QString &clientTag, const ApiError &error);

    RoomListModel *m_rooms;
    AvatarCache *m_avatars;
    QPointer<QWidget> m_dialogParent;
    QPointer<WebexClient> m_client;
    QPointer<PeopleDirectory> m_people;
    QPointer<NewMessageDialog> m_dialog;
    QPointer<PersonCard> m_card;
    QTimer m_typingPause;
    QString m_sendTag; // the first message on its way
    Person m_recipient;
};
