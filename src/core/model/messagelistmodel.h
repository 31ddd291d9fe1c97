#pragma once

#include "model/message.h"
#include "model/messagesanitiser.h"
#include "model/person.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QUrl>

// One space's messages, oldest at the top, for the message view. Pages from
// WebexClient::messagesFetched are merged: older pages with row inserts at the top, newer ones
// at the bottom, so the view keeps its scroll position. Each page is sanitised (SafeHtml) on a
// thread pool first (MessageSanitiser): a page of hostile messages costs the UI thread nothing
// but the insert. Its rows appear all at once when it is ready, never half drawn, and pages
// appear in the order they were added, whichever finishes first (pageAdded() says when).
// Messages being sent are shown at once (PendingRole) and replaced by the server's copy when it
// confirms them.
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
        ClientTagRole,   /**< The tag the message was sent with; empty for received ones. */
        LinksRole,       /**< The links in the text (QList<QUrl>, SafeHtml::links): only http, https
                              and mailto, in reading order, each once; what the keyboard can open. */
        EditedRole,      /**< True when Webex says it was edited (Message::updated). */
        OwnRole,         /**< True for a message the signed-in person sent and Webex has: one they
                              may edit and delete (setMyPersonId). */
        ParentIdRole,    /**< The thread's first message for a reply; empty otherwise. */
        FilesRole,       /**< The message's files (QList<QUrl>, content URLs), in Webex's order. */
        PendingFileRole, /**< The name of the file a pending message is sending, else empty. */
    };
    Q_ENUM(Roles)

    explicit MessageListModel(QObject *parent = nullptr);
    // Sanitises through `sanitiser` (the model becomes its parent) instead of one of its own:
    // for tests that hold the work back or watch it.
    explicit MessageListModel(MessageSanitiser *sanitiser, QObject *parent = nullptr);
    ~MessageListModel() override;

    // Switches to another space (or none) and clears the model. Pages still being sanitised are
    // dropped: nothing of the space shown before appears in this one. The known senders are
    // kept: people do not change between spaces.
    void setRoom(const QString &roomId);
    [[nodiscard]] QString roomId() const { return m_roomId; }

    // Takes one page as WebexClient delivers it (newest first) and sanitises it off this thread;
    // it is merged later, after every page added before it, and pageAdded() follows (never from
    // inside this call). Messages older than everything shown go on top (beginInsertRows at 0),
    // newer ones at the bottom, in one insert per place; duplicates by id are ignored. hasOlder
    // is only taken from a page that reached further back (or the first one). The page's unknown
    // senders are asked for at once (sendersWanted), so their names come while it is sanitised.
    void addPage(const QList<Message> &newestFirst, bool hasOlder);
    // Pages added and not merged yet.
    [[nodiscard]] int pagesInFlight() const { return int(m_pages.size()); }
    // Of the pages merged: hasOlder() and oldestMessageId() know nothing of pages in flight.
    [[nodiscard]] bool hasOlder() const { return m_hasOlder; }
    [[nodiscard]] QString oldestMessageId() const; ///< For fetchMessages(beforeMessageId).

    // A message just handed to WebexClient::sendMessage, shown at the bottom as pending at once
    // (its markdown is sanitised on this thread: the person's own text, at most a few ms).
    // `parentId`: the thread it answers (MessageThreadsModel shows it there at once), or empty.
    void addPending(const QString &clientTag, const QString &markdown, const QString &myPersonId,
                    const QString &parentId = {});
    // The same for a message sent with a file, named `fileName` until Webex's copy comes.
    void addPendingFile(const QString &clientTag, const QString &markdown,
                        const QString &myPersonId, const QString &parentId,
                        const QString &fileName);
    // Webex accepted it: the row becomes the server's message at once (or is dropped if that
    // message already arrived with a page, or was deleted meanwhile). It shows what was written
    // until the server's copy, sanitised off this thread, replaces it (dataChanged of SafeHtmlRole
    // and LinksRole).
    void confirmPending(const QString &clientTag, const Message &message);
    // Sending failed: the row stays, marked with error (the composer keeps the draft).
    void failPending(const QString &clientTag, const QString &error);
    // Removes a failed or pending row, e.g. when the person discards it.
    void removePending(const QString &clientTag);
    // An edit (a live event): the shown message with message.id takes the new text at once and
    // its new markup once sanitised off this thread (dataChanged). A message not shown yet but
    // in a page still being sanitised takes the edit once that page is merged; any other
    // message not shown: nothing.
    void updateMessage(const Message &message);
    // A deletion: its row goes, and a page still on its way does not bring it back (until
    // setRoom). Nothing else when it is not shown.
    void removeMessage(const QString &messageId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    // DisplayRole and AccessibleTextRole give "Sender: text" (plain). AccessibleDescriptionRole
    // says what the eye sees around it: when it was sent, whether it was edited, how many links
    // it has, and whether it is still being sent or failed.
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] std::optional<Message> messageAt(int row) const;
    [[nodiscard]] int rowOf(const QString &messageId) const;          ///< -1 when absent.
    [[nodiscard]] int rowOfClientTag(const QString &clientTag) const; ///< -1 when absent.

    // Who is signed in: their messages are OwnRole (announced with dataChanged when it changes).
    void setMyPersonId(const QString &personId);
    [[nodiscard]] QString myPersonId() const { return m_myPersonId; }
    // The newest message OwnRole is true for (Up in an empty composer edits it), or -1.
    [[nodiscard]] int lastOwnRow() const;

    // Names and avatars of senders, merged into what the model knows; the rows they sent are
    // announced with dataChanged (display, accessible text, sender name and avatar).
    void setSenders(const QList<Person> &people);
    // What a file is called, for screen readers ("report.pdf, 2.1 MB"): the rows listing it
    // are announced with dataChanged (their description, and FilesRole for a new layout).
    void setFileLabel(const QUrl &url, const QString &label);

signals:
    // Messages arrived (a page, a pending message) whose senders the model has no Person for;
    // each id once per call. Answer with setSenders() when they are known.
    void sendersWanted(const QStringList &personIds);
    // A page given to addPage() is merged: its new rows are in (there may be none: all known,
    // or an empty page) and hasOlder() is up to date. Once per addPage(), in the same order;
    // never for a page dropped by setRoom().
    void pageAdded();

private:
    struct Entry
    {
        Message message;
        QString clientTag;
        QString sendError;
        SanitisedMessage sanitised; // once: sanitising is too slow for every paint
        QString pendingFile;        // the file a pending message sends
        bool pending = false;
    };

    // A page handed to the sanitiser: all of it, for the merge, and the messages sanitised
    // (those that could become rows), whose results come back in the same order.
    struct PageInFlight
    {
        QList<Message> newestFirst;
        QList<Message> sanitised;
        bool hasOlder = false;
    };

    [[nodiscard]] QString senderName(const Entry &entry) const;
    [[nodiscard]] QString description(const Entry &entry) const;
    [[nodiscard]] bool isOwn(const Entry &entry) const;
    [[nodiscard]] bool isOfThisRoom(const Message &message) const;
    void onSanitised(quint64 batch, const QList<SanitisedMessage> &results);
    void mergePage(const PageInFlight &page, const QList<SanitisedMessage> &results);
    void replaceHtml(const QString &messageId, const SanitisedMessage &sanitised);
    [[nodiscard]] bool isInPageInFlight(const QString &messageId) const;
    void applyEditsAwaitingPage();
    void announceUnknownSenders(const QList<Message> &messages);
    [[nodiscard]] int firstPendingRow() const;

    MessageSanitiser *m_sanitiser;
    QHash<quint64, PageInFlight> m_pages; // sanitiser batch -> page
    QHash<quint64, QString> m_htmlFor; // sanitiser batch -> message (confirmed, edited) it is for
    // Edits of messages in pages still being sanitised, by id; at most one per message of those
    // pages, so bounded by them.
    QHash<QString, Message> m_editsAwaitingPage;
    QHash<QString, Person> m_senders;  // person id -> person, across spaces
    QHash<QUrl, QString> m_fileLabels; // content URL -> what screen readers hear of the file
    QString m_roomId;
    QString m_myPersonId;
    QList<Entry> m_entries; // confirmed messages oldest first, then pending ones
    QSet<QString> m_ids;
    QSet<QString> m_removedIds; // deleted while shown (removeMessage)
    bool m_hasOlder = false;
    bool m_anyPage = false;
};
