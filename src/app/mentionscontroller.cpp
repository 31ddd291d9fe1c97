#include "mentionscontroller.h"

#include "api/webexclient.h"
#include "mentionswindow.h"
#include "model/displaytext.h"
#include "model/peopledirectory.h"
#include "model/roomlistmodel.h"
#include "model/searchresultlistmodel.h"

#include <algorithm>

namespace {
// A mention's line in the list: about as long as a search result's excerpt.
constexpr int ExcerptLength = 160;
} // namespace

MentionsController::MentionsController(RoomListModel *rooms, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_dialogParent(dialogParent),
      m_model(new SearchResultListModel(this))
{}

MentionsController::~MentionsController() = default;

void MentionsController::begin(WebexClient *client, PeopleDirectory *people)
{
    end();
    m_client = client;
    m_people = people;
    if (!client)
        return;
    connect(client, &WebexClient::mentionsFetched, this, &MentionsController::onMentions);
    connect(client, &WebexClient::mentionsFailed, this, &MentionsController::onFailed);
    if (people)
        connect(people, &PeopleDirectory::peopleChanged, this,
                &MentionsController::onPeopleChanged);
}

void MentionsController::end()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    if (m_people)
        disconnect(m_people, nullptr, this, nullptr);
    m_client = nullptr;
    m_people = nullptr;
    m_waiting.clear();
    m_asking.clear();
    m_hits.clear();
    m_model->clear();
    if (m_window)
        m_window->close();
}

void MentionsController::show()
{
    if (!m_window) {
        m_window = new MentionsWindow(m_model, m_dialogParent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        // The space opens in the main window, which the list would cover: it closes, as a
        // picker does, and the main window takes the keyboard. Ctrl+Shift+M brings it back.
        connect(m_window, &MentionsWindow::resultOpened, this,
                [this](const QString &roomId, const QString &messageId, const QString &title) {
                    m_window->close();
                    if (m_dialogParent) {
                        m_dialogParent->activateWindow();
                        m_dialogParent->raise();
                    }
                    emit resultOpened(roomId, messageId, title);
                });
        connect(m_window, &MentionsWindow::refreshRequested, this, &MentionsController::refresh);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    m_window->list()->setFocus();
    refresh();
}

void MentionsController::refresh()
{
    if (!m_client || isLoading())
        return;
    // The group spaces with the newest activity: where mentions are likely, and few enough to
    // ask one by one.
    QList<QPair<QDateTime, QString>> spaces;
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        const Room &room = m_rooms->roomRef(row);
        if (room.kind != Room::Kind::Direct)
            spaces.append({room.lastActivity, room.id});
    }
    std::sort(spaces.begin(), spaces.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    m_waiting.clear();
    for (int i = 0; i < spaces.size() && i < SpacesAsked; ++i)
        m_waiting.append(spaces.at(i).second);
    m_spaces = int(m_waiting.size());
    m_failed = 0;
    m_lastError = {};
    m_hits.clear();
    if (m_window)
        m_window->setStatus(tr("Looking for messages that mention you…"));
    if (m_waiting.isEmpty()) {
        publish();
        return;
    }
    askNext();
}

void MentionsController::askNext()
{
    while (m_client && !m_waiting.isEmpty() && m_asking.size() < MaxInFlight) {
        const QString roomId = m_waiting.takeFirst();
        m_asking.insert(roomId);
        m_client->fetchMentions(roomId);
    }
}

void MentionsController::onMentions(const QString &roomId, const QList<Message> &newestFirst)
{
    if (!m_asking.remove(roomId))
        return;
    const int row = m_rooms->rowOf(roomId);
    const QString title = row < 0 ? QString() : RoomListModel::displayTitle(m_rooms->roomRef(row));
    QStringList senders;
    for (const Message &message : newestFirst) {
        SearchHit hit;
        hit.messageId = message.id;
        hit.roomId = roomId;
        hit.parentId = message.parentId;
        hit.roomTitle = title;
        hit.senderId = message.personId;
        hit.senderName = senderName(message.personId, message.personEmail);
        hit.created = message.created;
        // Plain text on one line: the model escapes it; nothing of the message is markup here.
        const QString text = DisplayText::singleLine(message.text);
        hit.excerpt = text.size() > ExcerptLength ? text.left(ExcerptLength) + QChar(0x2026) : text;
        m_hits.insert(hit.messageId, hit);
        if (!message.personId.isEmpty())
            senders.append(message.personId);
    }
    if (m_people)
        m_people->request(senders); // those not known yet, in one batch with the space's

    askNext();
    publish();
}

void MentionsController::onFailed(const QString &roomId, const ApiError &error)
{
    if (!m_asking.remove(roomId))
        return;
    ++m_failed;
    m_lastError = error;
    askNext();
    publish();
}

QString MentionsController::senderName(const QString &personId, const QString &email) const
{
    const std::optional<Person> person = m_people ? m_people->person(personId) : std::nullopt;
    return person && !person->displayName.isEmpty() ? person->displayName : email;
}

void MentionsController::onPeopleChanged(const QStringList &personIds)
{
    const QSet<QString> changedIds(personIds.cbegin(), personIds.cend());
    bool changed = false;
    for (SearchHit &hit : m_hits) {
        if (!changedIds.contains(hit.senderId))
            continue;
        const QString name = senderName(hit.senderId, hit.senderName);
        if (name != hit.senderName) {
            hit.senderName = name;
            changed = true;
        }
    }
    if (changed)
        publish();
}

void MentionsController::publish()
{
    QList<SearchHit> hits = m_hits.values();
    std::sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        return a.created != b.created ? a.created > b.created : a.messageId < b.messageId;
    });
    // The row the keyboard is on stays where it is.
    QString current;
    if (m_window && m_window->list()->currentIndex().isValid())
        current =
            m_window->list()->currentIndex().data(SearchResultListModel::MessageIdRole).toString();
    m_model->setHits(hits);
    if (m_window) {
        const int row = current.isEmpty() ? 0 : qMax(0, m_model->rowOf(current));
        if (m_model->rowCount() > 0)
            m_window->list()->setCurrentIndex(m_model->index(row));
    }
    if (!m_window)
        return;
    QString sentence;
    if (isLoading())
        sentence = tr("Looking for messages that mention you… %n found so far.", nullptr,
                      int(hits.size()));
    else if (m_spaces == 0)
        sentence = tr("There are no group spaces to look in.");
    else
        sentence = tr("%n message(s) mention you in your %1 most recently active spaces.", nullptr,
                      int(hits.size()))
                       .arg(m_spaces);
    if (!isLoading() && m_failed > 0)
        sentence += QLatin1Char(' ') + tr("%n space(s) could not be asked: %1", nullptr, m_failed)
                                           .arg(m_lastError.userMessage());
    m_window->setStatus(sentence);
}
