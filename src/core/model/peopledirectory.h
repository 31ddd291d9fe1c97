#pragma once

#include "model/person.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

class ApiError;
class QTimer;
class WebexClient;

// Who sent what: senders' names and avatars, looked up with GET people?id= in batches and kept
// for the session. Many views ask for the same few people at once (every message row of a space
// asks for its sender); this collects those asks into as few requests as Webex allows.
class PeopleDirectory : public QObject
{
    Q_OBJECT

public:
    explicit PeopleDirectory(WebexClient *client, QObject *parent = nullptr);
    ~PeopleDirectory() override;

    // The cached person, or nullopt while unknown (the caller shows the e-mail meanwhile).
    [[nodiscard]] std::optional<Person> person(const QString &personId) const;
    // The cached people among these ids, each once, in the order asked: what a view can show at
    // once, before (or instead of) a request().
    [[nodiscard]] QList<Person> known(const QStringList &personIds) const;

    // Ids not cached and not in flight are collected and sent on the next event-loop turn
    // (QTimer 0), at most 85 per GET; failures are remembered for a while (no request storm).
    void request(const QStringList &personIds);

    // Puts a person in the cache without a request (e.g. people/me, which is already known).
    void insert(const Person &person);

    // How long an id whose look-up failed (or that Webex did not return) is not asked for again.
    void setRetryAfterFailure(int milliseconds) { m_retryAfterFailureMs = qMax(0, milliseconds); }
    [[nodiscard]] int retryAfterFailure() const { return m_retryAfterFailureMs; }

    // Ids asked for but not answered yet (queued or in flight).
    [[nodiscard]] int pendingCount() const { return int(m_queued.size() + m_inFlight.size()); }

signals:
    // Names or avatars of these people are now known (or known to be unavailable).
    void peopleChanged(const QStringList &personIds);

private:
    void flush();
    void onPeopleFetched(const QStringList &requestedIds, const QList<Person> &people);
    void onPeopleFailed(const QStringList &personIds, const ApiError &error);
    [[nodiscard]] bool recentlyFailed(const QString &personId) const;

    QPointer<WebexClient> m_client;
    QTimer *m_flushTimer = nullptr;
    QHash<QString, Person> m_people;
    QStringList m_queued;               // in the order asked, sent on the next turn
    QSet<QString> m_queuedSet;          // m_queued, for a lookup without a scan
    QSet<QString> m_inFlight;           // sent, not answered yet
    QHash<QString, QDateTime> m_failed; // id -> when its look-up failed
    int m_retryAfterFailureMs = 5 * 60 * 1000;
};
