#include "model/messagesanitiser.h"

#include "model/safehtml.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

SanitisedMessage SanitisedMessage::of(const Message &message)
{
    SanitisedMessage out;
    out.safeHtml = SafeHtml::forMessage(message);
    out.links = SafeHtml::links(out.safeHtml);
    return out;
}

MessageSanitiser::MessageSanitiser(QObject *parent)
    : MessageSanitiser(&SanitisedMessage::of, QThreadPool::globalInstance(), parent)
{}

MessageSanitiser::MessageSanitiser(Work work, QThreadPool *pool, QObject *parent)
    : QObject(parent), m_work(std::move(work)), m_pool(pool)
{}

MessageSanitiser::~MessageSanitiser()
{
    cancelAll();
}

quint64 MessageSanitiser::submit(const QList<Message> &messages)
{
    Batch batch;
    batch.id = ++m_lastBatch;
    if (messages.isEmpty()) {
        // Nothing to do, but still handed back later and in its turn, like any other.
        batch.done = true;
        m_batches.push_back(batch);
        QMetaObject::invokeMethod(this, &MessageSanitiser::handBackReady, Qt::QueuedConnection);
        return batch.id;
    }
    // The watcher belongs to this object: when this object goes, its watchers go, and no
    // signal of theirs reaches anything.
    batch.watcher = new QFutureWatcher<SanitisedMessage>(this);
    const quint64 id = batch.id;
    connect(batch.watcher, &QFutureWatcherBase::finished, this, [this, id] { onFinished(id); });
    // mapped() copies the list and keeps the results in the order of the messages; the work
    // function is copied too, so nothing of this object is touched on the pool's threads.
    batch.watcher->setFuture(QtConcurrent::mapped(m_pool, messages, m_work));
    m_batches.push_back(batch);
    return id;
}

void MessageSanitiser::cancelAll()
{
    for (const Batch &batch : m_batches) {
        if (!batch.watcher)
            continue;
        batch.watcher->disconnect(this);
        batch.watcher->cancel(); // messages not yet started are not sanitised
        // Later: this may run inside a watcher's own signal (a slot of ready() that switches
        // spaces), and a watcher must not be deleted while it emits.
        batch.watcher->deleteLater();
    }
    m_batches.clear();
}

int MessageSanitiser::batchesHeldBack() const
{
    return int(std::count_if(m_batches.cbegin(), m_batches.cend(),
                             [](const Batch &batch) { return batch.done; }));
}

void MessageSanitiser::onFinished(quint64 batch)
{
    const auto found = std::find_if(m_batches.begin(), m_batches.end(),
                                    [batch](const Batch &b) { return b.id == batch; });
    if (found == m_batches.end())
        return;
    found->done = true;
    handBackReady();
}

void MessageSanitiser::handBackReady()
{
    // A slot of ready() may cancel everything, submit more, or delete this object.
    const QPointer<MessageSanitiser> alive(this);
    while (alive && !m_batches.empty() && m_batches.front().done) {
        const Batch batch = m_batches.front();
        m_batches.pop_front();
        QList<SanitisedMessage> results;
        if (batch.watcher) {
            results = batch.watcher->future().results();
            batch.watcher->deleteLater();
        }
        emit ready(batch.id, results);
    }
}
