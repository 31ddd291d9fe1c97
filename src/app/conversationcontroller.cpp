#include "conversationcontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "composer.h"
#include "messagelistview.h"
#include "messagespane.h"
#include "model/displaytext.h"
#include "model/message.h"
#include "model/messagethreadsmodel.h"
#include "model/person.h"
#include "model/room.h"
#include "model/roomlistmodel.h"
#include "outbox.h"
#include "spacedrafts.h"
#include "statebanner.h"
#include "store/localstore.h"
#include "transfersbar.h"
#include "waitsentences.h"

#include <QFileInfo>
#include <QUuid>

namespace {
// A space opens with this many of its stored messages: a page, as Webex would send.
constexpr int StoredMessagesShown = 50;
const QString OpenSpaceKey = QStringLiteral("openSpace");
} // namespace

ConversationController::ConversationController(MessagesPane *pane, RoomListModel *rooms,
                                               AvatarCache *avatars, QObject *parent)
    : QObject(parent), m_pane(pane), m_rooms(rooms),
      m_drafts(new SpaceDrafts(pane->composer(), this)), m_outbox(new Outbox(this))
{
    connect(m_outbox, &Outbox::restored, this, &ConversationController::showQueued);
    m_pane->setAvatarCache(avatars);
    connect(m_pane, &MessagesPane::olderRequested, this,
            &ConversationController::loadOlderMessages);
    connect(m_pane, &MessagesPane::retryRequested, this, [this] {
        // While the page waits for its next attempt, the button says "Retry now".
        if (m_waiting && m_client)
            m_client->retryNow();
        else
            loadMessages(m_messagesBefore);
    });
    connect(m_pane, &MessagesPane::sendRequested, this, &ConversationController::sendMessage);
    connect(m_pane->transfers(), &TransfersBar::cancelRequested, this, [this](const QString &key) {
        if (key.startsWith(QLatin1String("upload:")))
            cancelUpload(key.mid(int(qstrlen("upload:"))));
    });
    connect(m_pane->view(), &MessageListView::replyRequested, this,
            &ConversationController::replyInThread);
    // Send now: the waiting message goes at once (with every other waiting call: a rate limit
    // holds for all of them). Only a call that waits goes, so it is never sent twice.
    connect(m_pane, &MessagesPane::sendNowRequested, this, [this] {
        if (m_client)
            m_client->retryNow();
    });
}

ConversationController::~ConversationController() = default;

void ConversationController::begin(WebexClient *client)
{
    end();
    m_client = client;
    m_people = new PeopleDirectory(client, this);
    m_messages = new MessageListModel(this);
    connect(m_messages, &MessageListModel::sendersWanted, this,
            &ConversationController::onSendersWanted);
    connect(m_messages, &MessageListModel::pageAdded, this, &ConversationController::onPageAdded);
    connect(m_people, &PeopleDirectory::peopleChanged, this,
            &ConversationController::onPeopleChanged);
    connect(client, &WebexClient::messagesFetched, this,
            &ConversationController::onMessagesFetched);
    connect(client, &WebexClient::messagesFailed, this, &ConversationController::onMessagesFailed);
    // First: the outbox takes its messages' answers before onMessageSent and onSendFailed
    // below look (a queued message that the network refused again is still queued then).
    m_outbox->begin(client);
    connect(client, &WebexClient::messageSent, this, &ConversationController::onMessageSent);
    connect(client, &WebexClient::sendFailed, this, &ConversationController::onSendFailed);
    connect(client, &WebexClient::uploadProgress, this, &ConversationController::onUploadProgress);
    connect(client, &WebexClient::retryWaiting, this, &ConversationController::onRetryWaiting);
    connect(client, &WebexClient::retryStarted, this, &ConversationController::onRetryStarted);
    m_pane->setModel(m_messages);
}

void ConversationController::end()
{
    if (m_client)
        m_client->disconnect(this);
    m_pane->setModel(nullptr);
    m_drafts->end();
    m_outbox->end();
    m_online = true;
    if (m_messages) {
        // It may still hand back a page before it is deleted: not to this session any more.
        m_messages->disconnect(this);
        m_messages->deleteLater();
    }
    if (m_people)
        m_people->deleteLater();
    m_client = nullptr;
    m_messages = nullptr;
    m_people = nullptr;
    m_myPersonId.clear();
    m_openRoomId.clear();
    m_waiting = false;
    m_pagesOlder.clear();
    m_failureAfterPages.reset();
    m_sending.clear();
    m_failedTags.clear();
    const QStringList waiting = m_sendWaits.keys();
    for (const QString &tag : waiting)
        forgetSendWait(tag);
}

void ConversationController::setMe(const Person &me)
{
    m_myPersonId = me.id;
    if (m_people)
        m_people->insert(me); // my own messages need no look-up
    if (m_messages) {
        m_messages->setSenders({me});
        m_messages->setMyPersonId(me.id);
    }
    m_pane->setMyPersonId(me.id);
}

void ConversationController::setStore(LocalStore *store)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    m_drafts->setStore(store);
    m_outbox->setStore(store);
    if (store)
        connect(store, &LocalStore::messagesRead, this, &ConversationController::onStoredMessages);
}

void ConversationController::onSendersWanted(const QStringList &personIds)
{
    if (!m_people || !m_messages)
        return;
    // Known people at once; the others are collected into batched look-ups.
    m_messages->setSenders(m_people->known(personIds));
    m_people->request(personIds);
}

void ConversationController::onPeopleChanged(const QStringList &personIds)
{
    if (m_people && m_messages)
        m_messages->setSenders(m_people->known(personIds));
}

void ConversationController::openRoom(const QString &roomId, const QString &title)
{
    if (!m_client || !m_messages || roomId.isEmpty())
        return;
    if (roomId == m_openRoomId) {
        m_pane->focusComposer();
        return;
    }
    m_openRoomId = roomId;
    m_newestWanted = false;
    m_waiting = false;
    m_pagesOlder.clear();
    m_failureAfterPages.reset();
    m_failedTags.clear();
    m_storedShown.clear();
    m_newestPageSeen = false;
    m_olderWanted = false;
    m_seekId.clear();
    const int row = m_rooms->rowOf(roomId);
    const std::optional<Room> room = row < 0 ? std::nullopt : m_rooms->roomAt(row);
    m_openRoomActivity = room ? room->lastActivity : QDateTime();
    QString note;
    if (room && room->isReadOnly)
        note = tr("This space is read-only: only its moderators can post.");
    else if (room && room->isAnnouncementOnly)
        note = tr("Announcements only: only moderators can post in this space.");
    m_messages->setRoom(roomId);
    m_pane->showRoom(title, note);
    m_drafts->switchTo(roomId);
    showQueued(m_outbox->queuedFor(roomId));
    showSendWaits(); // a message sent here earlier may still wait
    if (m_store) {
        // Asked before Webex: the store answers in milliseconds, Webex in a round trip or
        // never (offline).
        m_store->readNewestMessages(roomId, StoredMessagesShown);
        m_store->setValue(OpenSpaceKey, roomId);
    }
    loadMessages({});
    m_rooms->markSeen(roomId, QDateTime::currentDateTimeUtc());
    emit roomOpened(roomId);
}

void ConversationController::refresh()
{
    if (m_client && !m_openRoomId.isEmpty())
        loadNewestMessages();
}

void ConversationController::onRoomActivity(const QString &roomId, const QDateTime &lastActivity)
{
    if (!m_client || roomId.isEmpty() || roomId != m_openRoomId ||
        !(lastActivity > m_openRoomActivity))
        return;
    // Something happened in the open space: its newest messages, merged below.
    m_openRoomActivity = lastActivity;
    loadNewestMessages();
    m_rooms->markSeen(m_openRoomId, lastActivity);
}

void ConversationController::showMessage(const Message &message)
{
    if (!m_messages || m_openRoomId.isEmpty() || message.roomId != m_openRoomId)
        return;
    // A page of one, merged by id after the pages before it: a message this app sent (and
    // confirmed) or a page brought is not shown twice.
    m_pagesOlder.append(false);
    m_messages->addPage({message}, m_messages->hasOlder());
    if (message.created.isValid() && !(message.created <= m_openRoomActivity)) {
        m_openRoomActivity = message.created;
        m_rooms->markSeen(m_openRoomId, message.created);
    }
}

void ConversationController::updateMessage(const Message &message)
{
    if (m_messages && message.roomId == m_openRoomId)
        m_messages->updateMessage(message);
}

void ConversationController::removeMessage(const QString &messageId)
{
    if (m_messages)
        m_messages->removeMessage(messageId);
}

void ConversationController::loadMessages(const QString &beforeMessageId)
{
    if (!m_client || m_openRoomId.isEmpty())
        return;
    m_messagesBefore = beforeMessageId;
    m_waiting = false;
    if (beforeMessageId.isEmpty())
        m_pane->showLoading();
    else
        m_pane->setLoadingOlder(true);
    m_client->fetchMessages(m_openRoomId, beforeMessageId);
}

void ConversationController::loadNewestMessages()
{
    // The client keeps one messages call per space: asking for the newest now would cancel
    // the older page on its way. They are asked for once it is in.
    if (m_pane->isLoadingOlder()) {
        m_newestWanted = true;
        return;
    }
    m_newestWanted = false;
    m_client->fetchMessages(m_openRoomId);
}

void ConversationController::loadOlderMessages()
{
    if (!m_messages || !m_messages->hasOlder() || m_messages->oldestMessageId().isEmpty())
        return;
    if (!m_newestPageSeen) {
        // Stored messages are shown and Webex's newest page is on its way: asking for an older
        // one now would cancel it (one messages call per space). Asked for once it is in.
        m_olderWanted = true;
        return;
    }
    loadMessages(m_messages->oldestMessageId());
}

void ConversationController::onMessagesFetched(const QString &roomId,
                                               const QList<Message> &newestFirst, bool hasOlder)
{
    if (roomId != m_openRoomId || !m_messages)
        return; // an answer for a space that is no longer open
    m_waiting = false;
    if (!m_pane->isLoadingOlder()) {
        // The newest page: what was shown from the store answers to it.
        if (!m_storedShown.isEmpty())
            reconcileStored(newestFirst, hasOlder);
        m_newestPageSeen = true;
    }
    // Sanitised off the UI thread: the pane keeps saying "Loading messages…" (or loading older
    // ones) until the model has merged the page (onPageAdded). While older messages load, no
    // other page is asked for (loadNewestMessages waits), so this is the older page.
    m_pagesOlder.append(m_pane->isLoadingOlder());
    m_messages->addPage(newestFirst, hasOlder);
}

void ConversationController::onStoredMessages(const QString &roomId,
                                              const QList<Message> &newestFirst, bool,
                                              const QList<Person> &senders)
{
    // Only while Webex has not answered: its page is newer than anything stored.
    if (roomId != m_openRoomId || !m_messages || m_newestPageSeen || newestFirst.isEmpty())
        return;
    if (m_people) {
        for (const Person &person : senders)
            m_people->insert(person); // names and pictures offline too
    }
    m_messages->setSenders(senders);
    for (const Message &message : newestFirst)
        m_storedShown.insert(message.id, message);
    m_pagesOlder.append(false);
    // Webex may have older messages than the store kept: scrolling up asks it, and an empty
    // answer says there are none.
    m_messages->addPage(newestFirst, true);
}

void ConversationController::reconcileStored(const QList<Message> &newestFirst, bool hasOlder)
{
    const QHash<QString, Message> stored = std::exchange(m_storedShown, {});
    QDateTime oldestInPage;
    QSet<QString> inPage;
    bool overlaps = false;
    for (const Message &message : newestFirst) {
        inPage.insert(message.id);
        if (message.created.isValid() &&
            (!oldestInPage.isValid() || message.created < oldestInPage))
            oldestInPage = message.created;
        const auto known = stored.constFind(message.id);
        if (known == stored.constEnd())
            continue;
        overlaps = true;
        if (known->text != message.text || known->html != message.html ||
            known->updated != message.updated)
            m_messages->updateMessage(message); // edited while the app was closed
    }
    // More came meanwhile than a page holds: the stored ones would sit above a gap, so they
    // go from the view (not from the store: they are still Webex's messages). Older ones are
    // loaded from Webex as the person scrolls up.
    const bool gap = hasOlder && !overlaps;
    for (const Message &message : stored) {
        if (inPage.contains(message.id))
            continue;
        // Within the page's reach (any, when the page is all there is) but not in it: deleted
        // on Webex.
        const bool deleted = !hasOlder || !oldestInPage.isValid() ||
                             (message.created.isValid() && message.created > oldestInPage);
        if (deleted || gap)
            m_messages->removeMessage(message.id);
        if (deleted && m_store)
            m_store->removeMessage(message.id);
    }
}

void ConversationController::onPageAdded()
{
    if (!m_messages)
        return;
    // The model merges pages in the order they were added.
    if (!m_pagesOlder.isEmpty() && m_pagesOlder.takeFirst())
        m_pane->setLoadingOlder(false);
    m_pane->showLoaded();
    emit messagesShown(m_openRoomId);
    if (m_failureAfterPages && m_messages->pagesInFlight() == 0) {
        const ApiError error = *m_failureAfterPages;
        m_failureAfterPages.reset();
        showFailure(error);
    }
    trySeek();
    if (m_newestWanted)
        loadNewestMessages();
    else if (m_olderWanted && m_newestPageSeen && m_messages->pagesInFlight() == 0) {
        m_olderWanted = false;
        loadOlderMessages();
    }
}

void ConversationController::onMessagesFailed(const QString &roomId, const ApiError &error)
{
    if (roomId != m_openRoomId)
        return;
    m_waiting = false;
    if (m_messages && m_messages->pagesInFlight() > 0) {
        m_failureAfterPages = error;
        return;
    }
    showFailure(error);
}

void ConversationController::showFailure(const ApiError &error)
{
    const int shown = m_messages ? m_messages->rowCount() : 0;
    if (shown == 0)
        m_pane->showProblem(error.userMessage());
    else
        // Messages are shown; a page more (older ones, or the newest) did not come.
        m_pane->showIncomplete(
            tr("%Ln message(s) shown; the rest could not be loaded: %1", nullptr, shown)
                .arg(error.userMessage()));
}

void ConversationController::onRetryWaiting(WebexClient::CallKind call, const QString &key,
                                            const QDateTime &retryAt, const ApiError &reason)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (now.msecsTo(retryAt) < StateBanner::ShortestWaitSaidMs)
        return; // a short pause: "Loading" and "Sending" stay true enough
    if (call == WebexClient::CallKind::Send) {
        onSendWaiting(key, retryAt, WaitSentences::sending(reason, retryAt, now));
        return;
    }
    if (call != WebexClient::CallKind::Messages || key != m_openRoomId)
        return;
    m_waiting = true;
    m_pane->showWaiting(reason.waitSentence(retryAt, now));
}

void ConversationController::onRetryStarted(WebexClient::CallKind call, const QString &key)
{
    if (call == WebexClient::CallKind::Send) {
        forgetSendWait(key); // on its way: "Sending…" again
        return;
    }
    if (call != WebexClient::CallKind::Messages || key != m_openRoomId || !m_waiting)
        return;
    m_waiting = false;
    m_pane->showLoading();
}

void ConversationController::onSendWaiting(const QString &clientTag, const QDateTime &retryAt,
                                           const QString &sentence)
{
    const auto draft = m_sending.constFind(clientTag);
    if (draft == m_sending.cend())
        return; // not sent from here, or from an earlier session
    m_sendWaits.insert(clientTag, {draft->roomId, retryAt, sentence});
    if (draft->roomId != m_openRoomId)
        return; // said when its space is opened again
    m_pane->setRowSendWaiting(clientTag, sentence);
    showSendWaits();
}

void ConversationController::forgetSendWait(const QString &clientTag)
{
    if (m_sendWaits.remove(clientTag) == 0)
        return;
    m_pane->setRowSendWaiting(clientTag, {});
    showSendWaits();
}

void ConversationController::showSendWaits()
{
    const SendWait *latest = nullptr;
    for (auto it = m_sendWaits.cbegin(); it != m_sendWaits.cend(); ++it) {
        if (it->roomId == m_openRoomId && (!latest || it->retryAt > latest->retryAt))
            latest = &it.value();
    }
    m_pane->showSendWaiting(latest ? latest->sentence : QString());
}

void ConversationController::replyInThread(const QString &threadId)
{
    if (!m_messages || threadId.isEmpty())
        return;
    // Said with the first message of the thread when it is listed: "Replying to Ana: Can we…".
    const int row = m_messages->rowOf(threadId);
    const QModelIndex first = m_messages->index(row < 0 ? 0 : row);
    const QString sentence =
        row < 0
            ? tr("Replying in a thread")
            : tr("Replying to %1: %2")
                  .arg(DisplayText::isolated(
                           first.data(MessageListModel::SenderNameRole).toString()),
                       DisplayText::singleLine(
                           first.data(MessageListModel::TextRole).toString().left(200), QString()));
    m_pane->composer()->setReplyTo(threadId, sentence);
}

void ConversationController::sendMessage(const QString &markdown, const QString &parentId,
                                         const QString &filePath)
{
    if (!m_client || !m_messages || m_openRoomId.isEmpty())
        return;
    if (!filePath.isEmpty() && (!m_online || m_outbox->size() > 0)) {
        // Not queued: the file may change or go before the network is back.
        m_pane->composer()->setAttachment(filePath);
        m_pane->restoreDraft(markdown, tr("Files are sent only while Webex can be reached; the "
                                          "file stays attached until then."));
        return;
    }
    // The failed rows' text is back in the composer, so it is in this message now.
    for (const QString &tag : std::as_const(m_failedTags))
        m_messages->removePending(tag);
    m_failedTags.clear();
    const QString tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!filePath.isEmpty()) {
        const QString name = QFileInfo(filePath).fileName();
        m_sending.insert(tag, {m_openRoomId, markdown, filePath});
        m_messages->addPendingFile(tag, markdown, m_myPersonId, parentId, name);
        if (!parentId.isEmpty()) {
            m_pane->threads()->setExpanded(parentId, true);
            m_pane->showSent(tag);
        }
        m_pane->transfers()->showProgress(uploadKey(tag), tr("Sending %1…").arg(name), 0);
        m_client->sendFile(m_openRoomId, markdown, filePath, tag, parentId);
        return;
    }
    if (!m_online || m_outbox->size() > 0) {
        // Offline, or others wait already (they go first): queued, in order.
        m_outbox->enqueue({tag, m_openRoomId, markdown, QDateTime::currentDateTimeUtc(), parentId});
        showQueued(m_outbox->queuedFor(m_openRoomId));
        if (!parentId.isEmpty()) {
            m_pane->threads()->setExpanded(parentId, true); // where it shows, waiting
            m_pane->showSent(tag);
        }
        return;
    }
    m_sending.insert(tag, {m_openRoomId, markdown, {}});
    m_messages->addPending(tag, markdown, m_myPersonId, parentId);
    if (!parentId.isEmpty()) {
        m_pane->threads()->setExpanded(parentId, true); // the reply shows where it goes
        m_pane->showSent(tag);
    }
    m_client->sendMessage(m_openRoomId, markdown, tag, parentId);
}

void ConversationController::seekMessage(const QString &messageId)
{
    m_seekId = messageId;
    m_seekPagesLeft = MaxPagesToSeek;
    trySeek();
}

void ConversationController::trySeek()
{
    if (m_seekId.isEmpty() || !m_messages)
        return;
    if (m_pane->scrollToMessage(m_seekId)) {
        m_seekId.clear();
        return;
    }
    // Not listed yet: wait for Webex's newest page and what is on its way, then go back a page
    // at a time.
    if (!m_newestPageSeen || m_messages->pagesInFlight() > 0 || m_pane->isLoadingOlder())
        return;
    if (m_messages->hasOlder() && m_seekPagesLeft-- > 0) {
        loadOlderMessages();
        return;
    }
    m_seekId.clear();
    emit notice(tr("That message is no longer in this space."));
}

void ConversationController::setOnline(bool online)
{
    m_online = online;
    m_outbox->setOnline(online);
}

void ConversationController::showQueued(const QList<OutgoingMessage> &messages)
{
    for (const OutgoingMessage &message : messages) {
        // Known here from now on, so its answer confirms or fails its row like any other.
        if (!m_sending.contains(message.clientTag))
            m_sending.insert(message.clientTag, {message.roomId, message.markdown, {}});
        if (!m_messages || message.roomId != m_openRoomId ||
            m_messages->rowOfClientTag(message.clientTag) >= 0)
            continue;
        m_messages->addPending(message.clientTag, message.markdown, m_myPersonId, message.parentId);
        if (m_outbox->contains(message.clientTag))
            onSendWaiting(message.clientTag, message.created,
                          tr("Waiting for the network: sent once Webex can be reached."));
    }
}

QString ConversationController::uploadKey(const QString &clientTag)
{
    return QStringLiteral("upload:") + clientTag;
}

void ConversationController::onUploadProgress(const QString &clientTag, qint64 sent, qint64 total)
{
    const auto draft = m_sending.constFind(clientTag);
    if (draft == m_sending.cend() || draft->filePath.isEmpty())
        return;
    // All sent: Webex is taking it in, and may have posted it already; too late to cancel.
    const bool allSent = total > 0 && sent >= total;
    const QString name = QFileInfo(draft->filePath).fileName();
    m_pane->transfers()->showProgress(uploadKey(clientTag),
                                      allSent ? tr("Sent %1; waiting for Webex…").arg(name)
                                              : tr("Sending %1…").arg(name),
                                      total > 0 ? int(sent * 100 / total) : -1, !allSent);
}

void ConversationController::cancelUpload(const QString &clientTag)
{
    const Draft draft = m_sending.take(clientTag);
    m_pane->transfers()->remove(uploadKey(clientTag));
    if (draft.filePath.isEmpty())
        return;
    forgetSendWait(clientTag);
    if (m_client)
        m_client->cancelSend(clientTag);
    if (!m_messages || draft.roomId != m_openRoomId)
        return;
    m_messages->removePending(clientTag);
    m_pane->composer()->setAttachment(draft.filePath);
    m_pane->restoreDraft(draft.text, tr("Sending was cancelled; the file is still attached."));
}

void ConversationController::onMessageSent(const QString &clientTag, const Message &message)
{
    forgetSendWait(clientTag);
    m_pane->transfers()->remove(uploadKey(clientTag));
    const Draft draft = m_sending.take(clientTag);
    if (m_messages && draft.roomId == m_openRoomId)
        m_messages->confirmPending(clientTag, message);
}

void ConversationController::onSendFailed(const QString &clientTag, const ApiError &error)
{
    if (m_outbox->contains(clientTag))
        return; // the network went again while it was sent: it waits on, in its place
    forgetSendWait(clientTag);
    m_pane->transfers()->remove(uploadKey(clientTag));
    const Draft draft = m_sending.take(clientTag);
    if (!m_messages || draft.roomId.isEmpty())
        return;
    if (draft.roomId != m_openRoomId) {
        // Nothing typed is lost: the text waits in that space's composer.
        m_drafts->restoreUnsent(draft.roomId, draft.text);
        const int row = m_rooms->rowOf(draft.roomId);
        const QString space =
            row < 0 ? QString() : RoomListModel::displayTitle(m_rooms->roomRef(row));
        emit notice(tr("A message to %1 was not sent (%2); its text is back in that space's "
                       "composer.")
                        .arg(space.isEmpty() ? tr("another space") : DisplayText::isolated(space),
                             error.userMessage()));
        return;
    }
    m_messages->failPending(clientTag, error.userMessage());
    m_failedTags.append(clientTag);
    if (!draft.filePath.isEmpty())
        m_pane->composer()->setAttachment(draft.filePath);
    m_pane->restoreDraft(draft.text, tr("Your message was not sent. %1").arg(error.userMessage()));
}
