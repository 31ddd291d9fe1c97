#include "lookupwaitscontroller.h"

#include "mainwindow.h"
#include "model/person.h"
#include "model/team.h"
#include "statebanner.h"
#include "waitsentences.h"

#include <QUrl>

#include <algorithm>
#include <array>

namespace {
// The order in which the sentences are joined when several kinds wait.
constexpr std::array<WebexClient::CallKind, 3> Lookups{
    WebexClient::CallKind::Teams, WebexClient::CallKind::People, WebexClient::CallKind::Image};
} // namespace

LookupWaitsController::LookupWaitsController(MainWindow *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    connect(m_window, &MainWindow::lookupRetryRequested, this, &LookupWaitsController::retryNow);
}

LookupWaitsController::~LookupWaitsController() = default;

bool LookupWaitsController::isLookup(WebexClient::CallKind call)
{
    return std::find(Lookups.cbegin(), Lookups.cend(), call) != Lookups.cend();
}

void LookupWaitsController::watch(WebexClient *client)
{
    if (!client)
        return;
    m_clients.append(client);
    connect(client, &WebexClient::retryWaiting, this, &LookupWaitsController::onRetryWaiting);
    connect(client, &WebexClient::retryStarted, this, &LookupWaitsController::onRetryStarted);
    using Kind = WebexClient::CallKind;
    connect(client, &WebexClient::teamsFetched, this,
            [this](const QList<Team> &) { onDone(Kind::Teams, {}); });
    connect(client, &WebexClient::teamsFailed, this,
            [this](const ApiError &) { onFailed(Kind::Teams, {}); });
    connect(client, &WebexClient::peopleBatchFetched, this,
            [this](const QStringList &, const QList<Person> &) { onDone(Kind::People, {}); });
    connect(client, &WebexClient::peopleFailed, this,
            [this](const QStringList &, const ApiError &) { onFailed(Kind::People, {}); });
    // An image's calls are keyed by its URL as sent (WebexClient::fetchImage).
    connect(client, &WebexClient::imageFetched, this, [this](const QUrl &url, const QByteArray &) {
        onDone(Kind::Image, url.toString(QUrl::FullyEncoded));
    });
    connect(client, &WebexClient::imageFailed, this, [this](const QUrl &url, const ApiError &) {
        onFailed(Kind::Image, url.toString(QUrl::FullyEncoded));
    });
}

void LookupWaitsController::end()
{
    for (const QPointer<WebexClient> &client : std::as_const(m_clients)) {
        if (client)
            client->disconnect(this);
    }
    m_clients.clear();
    m_waits.clear();
    m_said.clear();
    m_failedAfterWait.clear();
    show();
}

void LookupWaitsController::retryNow()
{
    // Copied: a receiver of retryStarted may end the session.
    const QList<QPointer<WebexClient>> clients = m_clients;
    for (const QPointer<WebexClient> &client : clients) {
        if (client)
            client->retryNow();
    }
}

void LookupWaitsController::onRetryWaiting(WebexClient::CallKind call, const QString &key,
                                           const QDateTime &retryAt, const ApiError &reason)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!isLookup(call) || now.msecsTo(retryAt) < StateBanner::ShortestWaitSaidMs)
        return; // another place says it, or a short pause not worth a sentence
    const Key id(int(call), key);
    m_waits.insert(id, {retryAt, WaitSentences::lookup(call, reason, retryAt, now)});
    m_said.insert(id);
    show();
}

void LookupWaitsController::onRetryStarted(WebexClient::CallKind call, const QString &key)
{
    if (m_waits.remove(Key(int(call), key)) > 0)
        show();
}

void LookupWaitsController::onDone(WebexClient::CallKind call, const QString &key)
{
    const Key id(int(call), key);
    const bool waited = m_waits.remove(id) > 0;
    const bool noted = m_failedAfterWait.remove(int(call)); // one came through: no more news
    const bool changed = waited || noted;
    m_said.remove(id);
    if (changed)
        show();
}

void LookupWaitsController::onFailed(WebexClient::CallKind call, const QString &key)
{
    const Key id(int(call), key);
    bool changed = m_waits.remove(id) > 0;
    // Only after a wait that was said: a picture that is simply missing (404) is no news, its
    // initials are what a person without a picture gets anyway.
    if (m_said.remove(id) && !WaitSentences::lookupFailed(call).isEmpty()) {
        m_failedAfterWait.insert(int(call));
        changed = true;
    }
    if (changed)
        show();
}

QString LookupWaitsController::sentence() const
{
    QStringList waits;
    QStringList notes;
    for (const WebexClient::CallKind call : Lookups) {
        // Of several calls of a kind (pictures), the one that waits longest.
        const Wait *latest = nullptr;
        for (auto it = m_waits.cbegin(); it != m_waits.cend(); ++it) {
            if (it.key().first == int(call) && (!latest || it->retryAt > latest->retryAt))
                latest = &it.value();
        }
        if (latest)
            waits.append(latest->sentence);
        else if (m_failedAfterWait.contains(int(call)))
            notes.append(WaitSentences::lookupFailed(call));
    }
    return (waits + notes).join(QLatin1Char(' '));
}

bool LookupWaitsController::isWaiting() const
{
    return !m_waits.isEmpty();
}

void LookupWaitsController::show()
{
    if (!m_window)
        return;
    if (isWaiting())
        m_window->showLookupWaiting(sentence());
    else
        m_window->showLookupNote(sentence());
}
