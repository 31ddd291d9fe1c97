#pragma once

#include "model/message.h"
#include "model/person.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QUrl>

// One space's messages, oldest at the top, for the message view. Pages from
// WebexClient::messagesFetched are merged as they arrive: older pages with row inserts at the
// top, newer ones at the bottom, so the view keeps its scroll position. Messages being sent are
// shown at once (PendingRole) and replaced by the server's copy when it confirms them.
// A model never starts I/O: senders it does not know are announced with sendersWanted(), and
// whoever looks people up (the controller, through PeopleDirectory) answers with setSenders().
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, /**< The message's Webex ID (QString); empty while pending. */
        TextRole,                  /**< The plain text. */
        SafeHtmlRole,              /**< Sanitised rich text for display (SafeHtml::forMessage). */
        SenderIdRole,              /**< The sender's person ID. */
        SenderNameRole,            /**< The sender's name (setSenders), else the e-mail address. */
        SenderAvatarRole,          /**< The sender's avatar URL (QUrl), empty when unknown. */
        CreatedRole,               /**< When it was sent, UTC QDateTime. */
        PendingRole,               /**< True while sent but not confirmed by Webex. */
        SendErrorRole,             /**< Why sending failed (QString), empty when fine. */
        ClientTagRole, /**< The tag the message was sent with; empty for received ones. */
        LinksRole,     /**< The links in the text (QList<QUrl>, SafeHtml::links): only http, https
                            and mailto, in reading order, each once; what the keyboard can open. */
    };
    Q_ENUM(Roles)

    explicit MessageListModel(QObject *parent = nullptr);

    // Switches to another space (or none) and clears the model. The known senders are kept:
    // people do not change between spaces.
    void setRoom(const QString &roomId);
    [[nodiscard]] QString roomId() const { return m_roomId; }

    // Merges one page as WebexClient delivers it (newest first). Messages older than everything
    // shown go on top (beginInsertRows at 0), newer ones at the bottom; duplicates by id are
    // ignored. hasOlder is only taken from a page that reached further back (or the first one).
    void addPage(const QList<Message> &newestFirst, bool hasOlder);
    [[nodiscard]] bool hasOlder() const { return m_hasOlder; }
    [[nodiscard]] QString oldestMessageId() const; ///< For fetchMessages(beforeMessageId).

    // A message just handed to WebexClient::sendMessage, shown at the bottom as pending.
    void addPending(const QString &clientTag, const QString &markdown, const QString &myPersonId);
    // Webex accepted it: the row becomes the server's message (or is dropped if that message
    // already arrived with a page).
    void confirmPending(const QString &clientTag, const Message &message);
    // Sending failed: the row stays, marked with error (the composer keeps the draft).
    void failPending(const QString &clientTag, const QString &error);
    // Removes a failed or pending row, e.g. when the person discards it.
    void removePending(const QString &clientTag);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    // DisplayRole and AccessibleTextRole give "Sender: text" (plain). AccessibleDescriptionRole
    // says what the eye sees around it: when it was sent, how many links it has, and whether it
    // is still being sent or failed.
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] std::optional<Message> messageAt(int row) const;
    [[nodiscard]] int rowOf(const QString &messageId) const;          ///< -1 when absent.
    [[nodiscard]] int rowOfClientTag(const QString &clientTag) const; ///< -1 when absent.

    // Names and avatars of senders, merged into what the model knows; the rows they sent are
    // announced with dataChanged (display, accessible text, sender name and avatar).
    void setSenders(const QList<Person> &people);

signals:
    // Messages arrived (a page, a pending message) whose senders the model has no Person for;
    // each id once per call. Answer with setSenders() when they are known.
    void sendersWanted(const QStringList &personIds);

private:
    struct Entry
    {
        Message message;
        QString clientTag;
        QString sendError;
        QString safeHtml;  // rendered once: sanitising is too slow for every paint
        QList<QUrl> links; // taken from safeHtml once, for the same reason
        bool pending = false;
    };

    [[nodiscard]] QString senderName(const Entry &entry) const;
    [[nodiscard]] static QString description(const Entry &entry);
    static void setSafeHtml(Entry *entry, const QString &safeHtml);
    void announceUnknownSenders(const QList<Message> &messages);
    [[nodiscard]] int firstPendingRow() const;

    QHash<QString, Person> m_senders; // person id -> person, across spaces
    QString m_roomId;
    QList<Entry> m_entries; // confirmed messages oldest first, then pending ones
    QSet<QString> m_ids;
    bool m_hasOlder = false;
    bool m_anyPage = false;
};
