#include "outbox.h"

#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "api/webexclient.h"
#include "model/message.h"
#include "store/localstore.h"

Outbox::Outbox(QObject *parent) : QObject(parent) {}

void Outbox::setStore(LocalStore *store)
{
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (store)
        connect(store, &LocalStore::outboxRead, this, &Outbox::onStored);
}

void Outbox::begin(WebexClient *client)
{
    end();
    m_client = client;
    connect(client, &WebexClient::messageSent, this, &Outbox::onSent);
    connect(client, &WebexClient::sendFailed, this, &Outbox::onSendFailed);
    if (m_store)
        m_store->readOutbox();
}

void Outbox::end()
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    m_queue.clear();
    m_inFlight.clear();
    m_online = true;
}

void Outbox::onStored(const QList<OutgoingMessage> &messages)
{
    // Written in an earlier run, so before anything queued in this one (after the one on its
    // way, if any).
    QList<OutgoingMessage> earlier;
    qsizetype at = m_inFlight.isEmpty() ? 0 : 1;
    for (const OutgoingMessage &message : messages) {
        if (!contains(message.clientTag)) {
            m_queue.insert(at++, message);
            earlier.append(message);
        }
    }
    if (earlier.isEmpty())
        return;
    emit restored(earlier);
    sendNext();
}

void Outbox::enqueue(const OutgoingMessage &message)
{
    m_queue.append(message);
    if (m_store)
        m_store->queueOutgoing(message);
    sendNext();
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    sendNext();
}

bool Outbox::contains(const QString &clientTag) const
{
    return std::any_of(m_queue.cbegin(), m_queue.cend(), [&](const OutgoingMessage &message) {
        return message.clientTag == clientTag;
    });
}

QList<OutgoingMessage> Outbox::queuedFor(const QString &roomId) const
{
    QList<OutgoingMessage> messages;
    for (const OutgoingMessage &message : m_queue) {
        if (message.roomId == roomId)
            messages.append(message);
    }
    return messages;
}

void Outbox::sendNext()
{
    if (!m_online || !m_client || !m_inFlight.isEmpty() || m_queue.isEmpty())
        return;
    const OutgoingMessage &next = m_queue.constFirst();
    m_inFlight = next.clientTag;
    m_client->sendMessage(next.roomId, next.markdown, next.clientTag, next.parentId);
}

void Outbox::onSent(const QString &clientTag, const Message &)
{
    if (clientTag.isEmpty() || clientTag != m_inFlight)
        return;
    m_inFlight.clear();
    m_queue.removeFirst();
    if (m_store)
        m_store->removeOutgoing(clientTag);
    sendNext();
}

void Outbox::onSendFailed(const QString &clientTag, const ApiError &error)
{
    if (clientTag.isEmpty() || clientTag != m_inFlight)
        return;
    m_inFlight.clear();
    if (error.kind == ApiError::Kind::Network && RetryPolicy::surelyNotApplied(error)) {
        // Gone again, and the message surely did not arrive: it keeps its place until
        // Connectivity says Webex is back (setOnline). Anything else may have arrived: sending
        // it again could post it twice, so it fails and its text goes back to the person.
        m_online = false;
        return;
    }
    m_queue.removeFirst();
    if (m_store)
        m_store->removeOutgoing(clientTag);
    sendNext();
}
