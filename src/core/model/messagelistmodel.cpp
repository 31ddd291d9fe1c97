#include "model/messagelistmodel.h"

#include "logging.h"
#include "model/displaytext.h"
#include "model/safehtml.h"
#include "model/sortedinsertion.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>

#include <algorithm>

MessageListModel::MessageListModel(QObject *parent)
    : MessageListModel(new MessageSanitiser(), parent)
{}

MessageListModel::MessageListModel(MessageSanitiser *sanitiser, QObject *parent)
    : QAbstractListModel(parent), m_sanitiser(sanitiser)
{
    m_sanitiser->setParent(this);
    connect(m_sanitiser, &MessageSanitiser::ready, this, &MessageListModel::onSanitised);
}

// The sanitiser goes with the model (a child): the work in flight is cancelled and its results,
// which only the sanitiser's watchers could deliver, reach nothing.
MessageListModel::~MessageListModel() = default;

void MessageListModel::setRoom(const QString &roomId)
{
    m_sanitiser->cancelAll();
    m_pages.clear();
    m_htmlFor.clear();
    m_editsAwaitingPage.clear();
    beginResetModel();
    m_roomId = roomId;
    m_entries.clear();
    m_ids.clear();
    m_removedIds.clear();
    m_hasOlder = false;
    m_anyPage = false;
    endResetModel();
}

bool MessageListModel::isOfThisRoom(const Message &message) const
{
    // A late answer for the space shown before must not mix into this one.
    return m_roomId.isEmpty() || message.roomId.isEmpty() || message.roomId == m_roomId;
}

int MessageListModel::firstPendingRow() const
{
    // Pending and failed rows (those with a client tag and no confirmation) are kept at the
    // bottom, below every confirmed message.
    int row = int(m_entries.size());
    while (row > 0 && !m_entries.at(row - 1).clientTag.isEmpty() &&
           m_entries.at(row - 1).message.id.isEmpty())
        --row;
    return row;
}

void MessageListModel::addPage(const QList<Message> &newestFirst, bool hasOlder)
{
    // Only what could become a row is sanitised: this space's messages, each id once, none
    // shown already. Shown ids stay shown until setRoom(), which drops this page, so whatever
    // the merge finds new is among them.
    PageInFlight page;
    page.newestFirst = newestFirst;
    page.hasOlder = hasOlder;
    QSet<QString> seen;
    for (const Message &message : newestFirst) {
        if (!isOfThisRoom(message) || message.id.isEmpty() || m_ids.contains(message.id) ||
            m_removedIds.contains(message.id) || seen.contains(message.id))
            continue;
        seen.insert(message.id);
        page.sanitised.append(message);
    }
    const quint64 batch = m_sanitiser->submit(page.sanitised);
    const QList<Message> toAnnounce = page.sanitised;
    m_pages.insert(batch, std::move(page));
    announceUnknownSenders(toAnnounce);
}

void MessageListModel::onSanitised(quint64 batch, const QList<SanitisedMessage> &results)
{
    if (const auto page = m_pages.constFind(batch); page != m_pages.cend()) {
        const PageInFlight taken = *page;
        m_pages.erase(page);
        mergePage(taken, results);
        applyEditsAwaitingPage();
        emit pageAdded();
    } else if (const auto confirmed = m_htmlFor.constFind(batch); confirmed != m_htmlFor.cend()) {
        const QString messageId = *confirmed;
        m_htmlFor.erase(confirmed);
        if (!results.isEmpty())
            replaceHtml(messageId, results.constFirst());
    }
}

void MessageListModel::mergePage(const PageInFlight &page, const QList<SanitisedMessage> &results)
{
    QHash<QString, SanitisedMessage> sanitised;
    sanitised.reserve(page.sanitised.size());
    for (qsizetype i = 0; i < page.sanitised.size() && i < results.size(); ++i)
        sanitised.insert(page.sanitised.at(i).id, results.at(i));

    QList<Message> fresh;
    fresh.reserve(page.sanitised.size());
    QDateTime pageOldest;
    for (auto it = page.newestFirst.crbegin(); it != page.newestFirst.crend(); ++it) {
        if (!isOfThisRoom(*it))
            continue;
        if (!pageOldest.isValid() || (it->created.isValid() && it->created < pageOldest))
            pageOldest = it->created;
        if (it->id.isEmpty() || m_ids.contains(it->id) || m_removedIds.contains(it->id))
            continue;
        fresh.append(*it);
        m_ids.insert(it->id);
    }

    // hasOlder is about the far end of the history: only a page that reaches at least as far
    // back as what is shown (or the first page) can tell it. A refresh of the newest messages
    // says nothing about it.
    const int confirmedCount = firstPendingRow();
    const QDateTime shownOldest =
        confirmedCount > 0 ? m_entries.first().message.created : QDateTime();
    bool reachesBack = true;
    if (m_anyPage && page.newestFirst.isEmpty())
        reachesBack = !page.hasOlder; // nothing came, so nothing older either
    else if (m_anyPage)
        reachesBack = !shownOldest.isValid() || pageOldest <= shownOldest;
    if (reachesBack)
        m_hasOlder = page.hasOlder;
    m_anyPage = true;

    // Oldest first; stable so messages with the same time keep Webex's order.
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const Message &a, const Message &b) { return a.created < b.created; });

    // Confirmed rows only: pending ones stay at the bottom. A message goes below those sent at
    // the same time, so equal times keep the order they came in. An older page is one run at
    // row 0, a newer one one run above the pending rows.
    const auto sentBefore = [](const Message &m, const Entry &e) {
        return m.created < e.message.created;
    };
    const QList<SortedInsertion::Run> runs =
        SortedInsertion::runsOf(m_entries, firstPendingRow(), fresh, sentBefore);
    SortedInsertion::insertRuns(
        m_entries, fresh, runs,
        [&sanitised](const Message &message) {
            Entry entry;
            entry.message = message;
            const auto done = sanitised.constFind(message.id);
            // Every new message was sanitised (see addPage); this thread does it only if that
            // promise is ever broken, rather than show a row without its text.
            Q_ASSERT(done != sanitised.cend());
            entry.sanitised = done != sanitised.cend() ? *done : SanitisedMessage::of(message);
            return entry;
        },
        [this](int first, int last, const auto &insert) {
            beginInsertRows(QModelIndex(), first, last);
            insert();
            endInsertRows();
        });
    qCDebug(lcModel) << "Message list has" << m_entries.size() << "rows";
}

void MessageListModel::updateMessage(const Message &message)
{
    if (message.id.isEmpty() || !isOfThisRoom(message))
        return;
    const int row = rowOf(message.id);
    if (row < 0) {
        // Not shown yet, but maybe on its way in a page being sanitised: the edit waits for that
        // page, else the page would bring the old text after the edit had come and gone.
        if (isInPageInFlight(message.id))
            m_editsAwaitingPage.insert(message.id, message);
        return;
    }
    // The row keeps its place (an edit keeps its time of writing) and shows the old markup until
    // the new one is sanitised.
    Message updated = message;
    if (!updated.created.isValid())
        updated.created = m_entries.at(row).message.created;
    m_entries[row].message = updated;
    emit dataChanged(index(row), index(row));
    m_htmlFor.insert(m_sanitiser->submit({updated}), updated.id);
}

bool MessageListModel::isInPageInFlight(const QString &messageId) const
{
    for (const PageInFlight &page : m_pages) {
        for (const Message &message : page.sanitised) {
            if (message.id == messageId)
                return true;
        }
    }
    return false;
}

void MessageListModel::applyEditsAwaitingPage()
{
    // Each waits for the page that holds it; one no page in flight holds any more was dropped
    // by its page (a message of another space, or deleted meanwhile) and goes.
    for (auto it = m_editsAwaitingPage.begin(); it != m_editsAwaitingPage.end();) {
        if (rowOf(it.key()) >= 0) {
            const Message edited = it.value();
            it = m_editsAwaitingPage.erase(it);
            updateMessage(edited);
        } else if (!isInPageInFlight(it.key())) {
            it = m_editsAwaitingPage.erase(it);
        } else {
            ++it;
        }
    }
}

void MessageListModel::removeMessage(const QString &messageId)
{
    if (messageId.isEmpty())
        return;
    m_editsAwaitingPage.remove(messageId);
    // A page on its way may still hold it: it stays out.
    m_removedIds.insert(messageId);
    const int row = rowOf(messageId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    m_ids.remove(messageId);
    endRemoveRows();
}

void MessageListModel::replaceHtml(const QString &messageId, const SanitisedMessage &sanitised)
{
    const int row = rowOf(messageId);
    if (row < 0)
        return;
    m_entries[row].sanitised = sanitised;
    emit dataChanged(index(row), index(row),
                     {SafeHtmlRole, LinksRole, Qt::AccessibleDescriptionRole});
}

QString MessageListModel::oldestMessageId() const
{
    for (const Entry &entry : m_entries) {
        if (!entry.message.id.isEmpty())
            return entry.message.id;
    }
    return {};
}

void MessageListModel::addPending(const QString &clientTag, const QString &markdown,
                                  const QString &myPersonId, const QString &parentId)
{
    addPendingFile(clientTag, markdown, myPersonId, parentId, {});
}

void MessageListModel::addPendingFile(const QString &clientTag, const QString &markdown,
                                      const QString &myPersonId, const QString &parentId,
                                      const QString &fileName)
{
    if (clientTag.isEmpty() || rowOfClientTag(clientTag) >= 0)
        return;
    Entry entry;
    entry.clientTag = clientTag;
    entry.pendingFile = fileName;
    entry.pending = true;
    entry.message.roomId = m_roomId;
    entry.message.text = markdown;
    entry.message.markdown = markdown;
    entry.message.personId = myPersonId;
    entry.message.parentId = parentId;
    entry.message.created = QDateTime::currentDateTimeUtc();
    entry.sanitised.safeHtml = SafeHtml::fromMarkdown(markdown);
    entry.sanitised.links = SafeHtml::links(entry.sanitised.safeHtml);
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    endInsertRows();
    announceUnknownSenders({entry.message});
}

void MessageListModel::confirmPending(const QString &clientTag, const Message &message)
{
    const int row = rowOfClientTag(clientTag);
    if (row < 0)
        return;
    if (message.id.isEmpty() || m_ids.contains(message.id) || m_removedIds.contains(message.id)) {
        // A refresh brought the message before the confirmation did: one copy is enough. Or it
        // was deleted meanwhile (removeMessage): no copy at all.
        beginRemoveRows(QModelIndex(), row, row);
        m_entries.removeAt(row);
        endRemoveRows();
        return;
    }

    Entry confirmed;
    confirmed.message = message;
    confirmed.clientTag = clientTag;
    // What the person wrote, as shown while it was sent, until Webex's copy is sanitised.
    confirmed.sanitised = m_entries.at(row).sanitised;
    m_ids.insert(message.id);
    m_htmlFor.insert(m_sanitiser->submit({message}), message.id);

    const int firstPending = firstPendingRow();
    const bool newest =
        firstPending == 0 || !(message.created < m_entries.at(firstPending - 1).message.created);
    if (row == firstPending && newest) {
        // The usual case: it simply stops being pending where it is.
        m_entries[row] = confirmed;
        emit dataChanged(index(row), index(row));
        return;
    }
    // Another pending message went first, or the server's time puts it among older ones.
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    const int confirmedCount = firstPendingRow();
    const auto begin = m_entries.cbegin();
    const int position = int(
        std::upper_bound(begin, begin + confirmedCount, message.created,
                         [](const QDateTime &t, const Entry &e) { return t < e.message.created; }) -
        begin);
    beginInsertRows(QModelIndex(), position, position);
    m_entries.insert(position, confirmed);
    endInsertRows();
}

void MessageListModel::failPending(const QString &clientTag, const QString &error)
{
    const int row = rowOfClientTag(clientTag);
    if (row < 0 || !m_entries.at(row).message.id.isEmpty())
        return;
    Entry &entry = m_entries[row];
    entry.pending = false;
    entry.sendError = error;
    emit dataChanged(index(row), index(row),
                     {PendingRole, SendErrorRole, Qt::AccessibleDescriptionRole});
}

void MessageListModel::setFileLabel(const QUrl &url, const QString &label)
{
    if (m_fileLabels.value(url) == label)
        return;
    m_fileLabels.insert(url, label);
    for (int row = 0; row < m_entries.size(); ++row) {
        const QStringList &files = m_entries.at(row).message.files;
        if (std::any_of(files.cbegin(), files.cend(),
                        [&url](const QString &file) { return QUrl(file) == url; }))
            emit dataChanged(index(row), index(row), {FilesRole, Qt::AccessibleDescriptionRole});
    }
}

void MessageListModel::removePending(const QString &clientTag)
{
    const int row = rowOfClientTag(clientTag);
    if (row < 0 || !m_entries.at(row).message.id.isEmpty())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString MessageListModel::senderName(const Entry &entry) const
{
    const auto person = m_senders.constFind(entry.message.personId);
    if (person != m_senders.cend() && !person->displayName.isEmpty())
        return person->displayName;
    return entry.message.personEmail;
}

QString MessageListModel::description(const Entry &entry) const
{
    QStringList parts;
    if (entry.message.created.isValid())
        parts << QCoreApplication::translate("MessageListModel", "Sent %1", "%1: date and time")
                     .arg(QLocale().toString(entry.message.created.toLocalTime(),
                                             QLocale::ShortFormat));
    if (entry.message.updated.isValid())
        parts << QCoreApplication::translate("MessageListModel", "Edited");
    if (!entry.sanitised.links.isEmpty())
        parts << QCoreApplication::translate("MessageListModel", "%n link(s)", nullptr,
                                             int(entry.sanitised.links.size()));
    for (const QString &url : entry.message.files) {
        const QString label = m_fileLabels.value(QUrl(url));
        parts << (label.isEmpty()
                      ? QCoreApplication::translate("MessageListModel", "A file")
                      : QCoreApplication::translate("MessageListModel", "File: %1").arg(label));
    }
    if (!entry.pendingFile.isEmpty())
        parts << QCoreApplication::translate("MessageListModel", "File: %1").arg(entry.pendingFile);
    if (!entry.sendError.isEmpty())
        parts
            << QCoreApplication::translate("MessageListModel", "Not sent: %1").arg(entry.sendError);
    else if (entry.pending)
        parts << QCoreApplication::translate("MessageListModel", "Sending…");
    return parts.join(QCoreApplication::translate("MessageListModel", ", ",
                                                  "separator between facts about a message"));
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const Message &m = entry.message;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString text = m.text.isEmpty() ? m.markdown : m.text;
        const QString sender = senderName(entry);
        // The sender's name is someone else's text inside our "%1: %2": isolated, so a
        // right-to-left name cannot reorder the message after it.
        return sender.isEmpty() ? text
                                : QCoreApplication::translate("MessageListModel", "%1: %2",
                                                              "sender: message text")
                                      .arg(DisplayText::isolated(sender), text);
    }
    case Qt::AccessibleDescriptionRole:
        return description(entry);
    case IdRole:
        return m.id;
    case TextRole:
        return m.text.isEmpty() ? m.markdown : m.text;
    case SafeHtmlRole:
        return entry.sanitised.safeHtml;
    case SenderIdRole:
        return m.personId;
    case SenderNameRole:
        return senderName(entry);
    case SenderAvatarRole: {
        const auto person = m_senders.constFind(m.personId);
        return person != m_senders.cend() ? person->avatar : QUrl();
    }
    case CreatedRole:
        return m.created;
    case PendingRole:
        return entry.pending;
    case SendErrorRole:
        return entry.sendError;
    case ClientTagRole:
        return entry.clientTag;
    case LinksRole:
        return QVariant::fromValue(entry.sanitised.links);
    case EditedRole:
        return m.updated.isValid();
    case OwnRole:
        return isOwn(entry);
    case ParentIdRole:
        return m.parentId;
    case FilesRole: {
        QList<QUrl> files;
        for (const QString &url : m.files)
            files.append(QUrl(url));
        return QVariant::fromValue(files);
    }
    case PendingFileRole:
        return entry.pendingFile;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TextRole, "text");
    names.insert(SafeHtmlRole, "safeHtml");
    names.insert(SenderIdRole, "senderId");
    names.insert(SenderNameRole, "senderName");
    names.insert(SenderAvatarRole, "senderAvatar");
    names.insert(CreatedRole, "created");
    names.insert(PendingRole, "pending");
    names.insert(SendErrorRole, "sendError");
    names.insert(ClientTagRole, "clientTag");
    names.insert(LinksRole, "links");
    names.insert(EditedRole, "edited");
    names.insert(OwnRole, "own");
    names.insert(ParentIdRole, "parentId");
    names.insert(FilesRole, "files");
    names.insert(PendingFileRole, "pendingFile");
    return names;
}

bool MessageListModel::isOwn(const Entry &entry) const
{
    return !entry.pending && !entry.message.id.isEmpty() && !m_myPersonId.isEmpty() &&
           entry.message.personId == m_myPersonId;
}

void MessageListModel::setMyPersonId(const QString &personId)
{
    if (personId == m_myPersonId)
        return;
    m_myPersonId = personId;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1), {OwnRole});
}

int MessageListModel::lastOwnRow() const
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (isOwn(m_entries.at(row)))
            return row;
    }
    return -1;
}

std::optional<Message> MessageListModel::messageAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row).message;
}

int MessageListModel::rowOf(const QString &messageId) const
{
    if (messageId.isEmpty() || !m_ids.contains(messageId))
        return -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).message.id == messageId)
            return row;
    }
    return -1;
}

int MessageListModel::rowOfClientTag(const QString &clientTag) const
{
    if (clientTag.isEmpty())
        return -1;
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).clientTag == clientTag)
            return row;
    }
    return -1;
}

void MessageListModel::announceUnknownSenders(const QList<Message> &messages)
{
    QStringList unknown;
    QSet<QString> seen;
    for (const Message &m : messages) {
        const QString &id = m.personId;
        if (id.isEmpty() || m_senders.contains(id) || seen.contains(id))
            continue;
        seen.insert(id);
        unknown.append(id);
    }
    if (!unknown.isEmpty())
        emit sendersWanted(unknown);
}

void MessageListModel::setSenders(const QList<Person> &people)
{
    QSet<QString> changed;
    for (const Person &person : people) {
        if (person.id.isEmpty())
            continue;
        m_senders.insert(person.id, person);
        changed.insert(person.id);
    }
    if (changed.isEmpty())
        return;
    // One range from the first to the last affected row: views repaint what is visible of it,
    // and one signal is cheaper for them than one per row.
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (changed.contains(m_entries.at(row).message.personId)) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        emit dataChanged(
            index(first), index(last),
            {Qt::DisplayRole, Qt::AccessibleTextRole, SenderNameRole, SenderAvatarRole});
}
