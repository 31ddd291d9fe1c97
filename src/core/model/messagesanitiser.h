#pragma once

#include "model/message.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <deque>
#include <functional>

class QThreadPool;
template <typename T> class QFutureWatcher;

// What a row shows of one message: SafeHtml's rich text and the links in it.
struct SanitisedMessage
{
    QString safeHtml;
    QList<QUrl> links;

    // SafeHtml::forMessage and SafeHtml::links: up to about 20 ms for the worst message
    // (docs/BENCHMARKS.md). Safe to call from any thread.
    [[nodiscard]] static SanitisedMessage of(const Message &message);
};

// Sanitises batches of messages on a thread pool, so that no message holds up the thread that
// shows them, and hands each batch back on the thread this object lives in, in the order the
// batches were submitted, however their work finishes. MessageListModel submits each page and
// inserts it when it comes back.
//
// Nothing outlives what it belongs to: the work only reads copies of the messages, and the
// results come back through watchers owned by this object. cancelAll() and the destructor drop
// every batch in flight (none is handed back) and stop the messages not yet started.
class MessageSanitiser : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<SanitisedMessage(const Message &)>;

    // SanitisedMessage::of on Qt's global thread pool.
    explicit MessageSanitiser(QObject *parent = nullptr);
    // Another work function or pool, for tests that hold the work back or watch it. `work` is
    // called from the pool's threads, several messages at once; `pool` must outlive the work.
    MessageSanitiser(Work work, QThreadPool *pool, QObject *parent = nullptr);
    ~MessageSanitiser() override;

    // Starts on the messages (several at once where the pool has threads) and returns the
    // batch's number, counting from 1. ready() comes later for it, never from inside submit(),
    // even for an empty batch, and after every batch submitted before it.
    quint64 submit(const QList<Message> &messages);

    // Drops every batch in flight: ready() comes for none of them.
    void cancelAll();

    [[nodiscard]] int batchesInFlight() const { return int(m_batches.size()); }
    // Batches whose work is done but that are not handed back yet: they wait for an earlier
    // one still at work (or, if empty, for the event loop).
    [[nodiscard]] int batchesHeldBack() const;

signals:
    // The batch's results, results[i] for the batch's messages[i].
    void ready(quint64 batch, const QList<SanitisedMessage> &results);

private:
    struct Batch
    {
        quint64 id = 0;
        QFutureWatcher<SanitisedMessage> *watcher = nullptr; // none for an empty batch
        bool done = false;
    };

    void onFinished(quint64 batch);
    void handBackReady();

    Work m_work;
    QThreadPool *m_pool;
    std::deque<Batch> m_batches; // in the order submitted
    quint64 m_lastBatch = 0;
};
