#include "model/peopledirectory.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "logging.h"

#include <QTimer>

PeopleDirectory::PeopleDirectory(WebexClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_flushTimer(new QTimer(this))
{
    // Zero: every request() made while handling one event (a page of 50 messages, a view
    // painting its rows) ends up in the same GET.
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &PeopleDirectory::flush);
    if (client) {
        // Answers to other callers' fetchPeople() are welcome too: they fill the cache.
        connect(client, &WebexClient::peopleBatchFetched, this, &PeopleDirectory::onPeopleFetched);
        connect(client, &WebexClient::peopleFailed, this, &PeopleDirectory::onPeopleFailed);
    }
}

PeopleDirectory::~PeopleDirectory() = default;

std::optional<Person> PeopleDirectory::person(const QString &personId) const
{
    const auto it = m_people.constFind(personId);
    if (it == m_people.cend())
        return std::nullopt;
    return *it;
}

QList<Person> PeopleDirectory::known(const QStringList &personIds) const
{
    QList<Person> out;
    QSet<QString> seen;
    for (const QString &id : personIds) {
        const auto it = m_people.constFind(id);
        if (it == m_people.cend() || seen.contains(id))
            continue;
        seen.insert(id);
        out.append(*it);
    }
    return out;
}

void PeopleDirectory::insert(const Person &person)
{
    if (person.id.isEmpty())
        return;
    m_people.insert(person.id, person);
    m_failed.remove(person.id);
    emit peopleChanged({person.id});
}

bool PeopleDirectory::recentlyFailed(const QString &personId) const
{
    const auto it = m_failed.constFind(personId);
    return it != m_failed.cend() &&
           it->msecsTo(QDateTime::currentDateTimeUtc()) < m_retryAfterFailureMs;
}

void PeopleDirectory::request(const QStringList &personIds)
{
    for (const QString &id : personIds) {
        if (id.isEmpty() || m_people.contains(id) || m_queuedSet.contains(id) ||
            m_inFlight.contains(id) || recentlyFailed(id))
            continue;
        m_queued.append(id);
        m_queuedSet.insert(id);
    }
    if (!m_queued.isEmpty() && !m_flushTimer->isActive())
        m_flushTimer->start();
}

void PeopleDirectory::flush()
{
    if (m_queued.isEmpty())
        return;
    const QStringList ids = std::exchange(m_queued, {});
    m_queuedSet.clear();
    if (!m_client) {
        qCWarning(lcModel) << "No client to look up" << ids.size() << "people with";
        return;
    }
    for (const QString &id : ids)
        m_inFlight.insert(id);
    // The client splits them into GETs of at most 85 ids.
    m_client->fetchPeople(ids);
}

void PeopleDirectory::onPeopleFetched(const QStringList &requestedIds, const QList<Person> &people)
{
    QStringList changed;
    changed.reserve(requestedIds.size());
    for (const Person &p : people) {
        m_people.insert(p.id, p);
        m_inFlight.remove(p.id);
        m_failed.remove(p.id);
        changed.append(p.id);
    }
    // Ids Webex did not return (deleted accounts, people of other organisations) are not asked
    // for again at once: every message of theirs would otherwise trigger another GET.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : requestedIds) {
        if (m_inFlight.remove(id)) {
            m_failed.insert(id, now);
            changed.append(id);
        }
    }
    if (!changed.isEmpty())
        emit peopleChanged(changed);
}

void PeopleDirectory::onPeopleFailed(const QStringList &personIds, const ApiError &error)
{
    qCInfo(lcModel) << "Looking up" << personIds.size() << "people failed: HTTP"
                    << error.httpStatus;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList changed;
    for (const QString &id : personIds) {
        if (m_inFlight.remove(id)) {
            m_failed.insert(id, now);
            changed.append(id);
        }
    }
    // Views stop showing "loading" for them and keep the e-mail address.
    if (!changed.isEmpty())
        emit peopleChanged(changed);
}
