#pragma once

#include "store/storeworker.h" // OutgoingMessage

#include <QList>
#include <QObject>
#include <QPointer>

class ApiError;
class LocalStore;
class Message;
class WebexClient;

// Messages written while Webex cannot be reached (docs/STORE.md, offline): kept in the order
// written, in the local store too (a restart keeps them), and sent once Webex answers again,
// one at a time so they arrive in that order, each once. A send whose connection was refused
// (it surely did not arrive) keeps its place and waits for the network; any other failure
// leaves the queue, and whoever shows the message says why (connected to WebexClient::sendFailed
// after this, it finds the message no longer queued) with its text, so nothing typed is lost.
class Outbox : public QObject
{
    Q_OBJECT

public:
    explicit Outbox(QObject *parent = nullptr);

    // The account's store (may be null: the queue then lasts the session).
    void setStore(LocalStore *store);
    // A session began: sends go through `client`, and what an earlier run left queued in the
    // store joins the queue (after what is queued already).
    void begin(WebexClient *client);
    void end();

    // Queues a message; it is sent once setOnline(true).
    void enqueue(const OutgoingMessage &message);
    // Webex can be reached (or not): sending starts (or stops after the one on its way).
    void setOnline(bool online);

    [[nodiscard]] bool contains(const QString &clientTag) const;
    [[nodiscard]] QList<OutgoingMessage> queuedFor(const QString &roomId) const;
    [[nodiscard]] int size() const { return int(m_queue.size()); }

signals:
    // Queued from the store (an earlier run's): shown as waiting where their space is open.
    void restored(const QList<OutgoingMessage> &messages);

private:
    void sendNext();
    void onSent(const QString &clientTag, const Message &message);
    void onSendFailed(const QString &clientTag, const ApiError &error);
    void onStored(const QList<OutgoingMessage> &messages);

    QPointer<LocalStore> m_store;
    QPointer<WebexClient> m_client;
    QList<OutgoingMessage> m_queue;
    QString m_inFlight; // the client tag of the one on its way
    bool m_online = true;
};
