#pragma once

#include <QMessageBox> // QPointer<QMessageBox> in an inline getter needs the complete type
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class ApiError;
class Message;
class MessageListModel;
class MessagesPane;
class WebexClient;

// Editing and deleting your own messages in the open space (docs/ARCHITECTURE.md): the message
// list's Edit Message and Delete Message… (and its Delete key), Up in an empty composer for the
// last one you sent. An edit happens in the pane's MessageEditBox and is saved with
// WebexClient::editMessage; the row takes Webex's answer (with its "edited" mark) and the box
// gives the composer back. A refused edit (Webex answers 403 for another person's message) keeps
// the text in the box and says why. A deletion is confirmed first, then the row goes when Webex
// says it is gone (or already was: 404). The store follows the client's signals
// (StoreController), and live events of the same edit or deletion change nothing more.
class MessageEditController : public QObject
{
    Q_OBJECT

public:
    explicit MessageEditController(MessagesPane *pane, QObject *parent = nullptr);
    ~MessageEditController() override;

    // A session began: `messages` is the open space's model (ConversationController's).
    void begin(WebexClient *client, MessageListModel *messages);
    // The session is over: an edit going on is dropped, a question asked is closed.
    void end();

    // Opens the edit of message `messageId` if it is listed and the person's own; else false.
    bool editMessage(const QString &messageId);
    // Asks whether to delete message `messageId` (if listed and the person's own); deletes it
    // when the answer is yes. False when it cannot be deleted.
    bool askToDelete(const QString &messageId);
    // The question askToDelete() shows while it is open (for tests and screen readers), or null.
    [[nodiscard]] QMessageBox *deleteQuestion() const { return m_question; }

signals:
    // A sentence for the status bar: a deletion Webex refused, or an edit refused after its box
    // was closed, and why.
    void notice(const QString &sentence);
    // One of the person's messages is gone from Webex (deleted here, or already elsewhere).
    void messageDeleted(const QString &messageId);

private:
    void editLast();
    void save(const QString &messageId, const QString &markdown);
    void onEdited(const Message &message);
    void onEditFailed(const QString &messageId, const ApiError &error);
    void onDeleted(const QString &messageId);
    void onDeleteFailed(const QString &messageId, const ApiError &error);
    [[nodiscard]] bool isOwnListed(const QString &messageId) const;

    MessagesPane *m_pane;
    QPointer<WebexClient> m_client;
    QPointer<MessageListModel> m_messages;
    QPointer<QMessageBox> m_question;
    QString m_saving;         // the message whose edit is on its way to Webex
    QSet<QString> m_deleting; // asked to be deleted, not answered yet
};
