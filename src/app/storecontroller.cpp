#include "storecontroller.h"

#include "api/webexclient.h"
#include "model/person.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>

StoreController::StoreController(const QString &dataDirectory, const QString &profile,
                                 QObject *parent)
    : QObject(parent), m_dataDirectory(dataDirectory), m_profile(folderName(profile))
{
    connect(&m_store, &LocalStore::opened, this, [this](const StoreFile::Opening &opening) {
        // Set aside or failed: said once; the session goes on (from memory when Failed).
        if (!opening.problem.isEmpty())
            emit notice(opening.problem);
    });
    connect(&m_store, &LocalStore::stopped, this, &StoreController::notice);

    connect(&m_store, &LocalStore::roomsRead, this, &StoreController::storedRooms);
    connect(&m_store, &LocalStore::teamsRead, this, &StoreController::storedTeams);
    connect(&m_store, &LocalStore::valueRead, this,
            [this](const QString &key, const QString &value) {
                if (key == QLatin1String("openSpace") && !value.isEmpty())
                    emit storedOpenSpace(value);
            });
}

StoreController::~StoreController()
{
    if (m_ephemeralFolder) {
        m_store.forget();
        m_store.waitForIdle();
        m_ephemeralFolder->remove();
    }
}

QString StoreController::accountName(const QString &personId)
{
    // A digest: the file name says which account without naming the person.
    return QString::fromLatin1(
        QCryptographicHash::hash(personId.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString StoreController::folderName(const QString &text)
{
    QString folder;
    for (const QChar c : text.left(253)) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           c == QLatin1Char('-') || (c == QLatin1Char('.') && !folder.isEmpty());
        folder += plain ? c : QLatin1Char('_');
    }
    return folder.isEmpty() ? QStringLiteral("_") : folder;
}

QString StoreController::pathFor(const QString &apiHost, const QString &account) const
{
    return m_dataDirectory + QStringLiteral("/store/") + m_profile + QLatin1Char('/') +
           folderName(apiHost) + QLatin1Char('/') + account + QStringLiteral(".sqlite");
}

QString StoreController::rememberedKey(const QString &apiHost) const
{
    return QStringLiteral("store/") + m_profile + QLatin1Char('/') +
           QString::fromLatin1(apiHost.toUtf8().toHex()) + QStringLiteral("/account");
}

void StoreController::open(const QString &path)
{
    if (m_store.path() == path && m_store.isUsable())
        return;
    m_store.open(path);
    takeReadStateFromSettings();
}

QString StoreController::settingsReadStateKey() const
{
    return QStringLiteral("spaces/unread/") + m_apiHost;
}

void StoreController::takeReadStateFromSettings()
{
    // Versions before this one kept the unread counts in the settings, per API host: they move
    // into the first store opened for that host (written before anything reads it: the
    // store's thread does what it is asked in order).
    const QString key = settingsReadStateKey();
    if (m_apiHost.isEmpty() || !m_settings.contains(key))
        return;
    m_store.saveReadStates(readStatesFromSettingsValue(m_settings.value(key).toMap()));
    m_settings.remove(key);
}

QString StoreController::rememberedPath() const
{
    const QString account = m_settings.value(rememberedKey(m_apiHost)).toString();
    // Only a name this class made: 32 hex digits, never a path.
    static const QRegularExpression Name(QStringLiteral("^[0-9a-f]{32}$"));
    if (m_apiHost.isEmpty() || !Name.match(account).hasMatch())
        return {};
    return pathFor(m_apiHost, account);
}

bool StoreController::restore(const QString &apiHost)
{
    m_apiHost = apiHost;
    const QString path = rememberedPath();
    if (path.isEmpty())
        return false;
    open(path);
    m_store.readRooms();
    m_store.readTeams();
    m_store.readValue(QStringLiteral("openSpace"));
    return true;
}

void StoreController::begin(WebexClient *client, const QString &apiHost, bool ephemeral)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_ephemeral = ephemeral;
    if (ephemeral || apiHost != m_apiHost)
        m_store.close(); // another host is another account
    m_apiHost = apiHost;
    if (ephemeral) {
        // Nothing of the demo is kept for the next start; while it runs, a store like any.
        m_ephemeralFolder = std::make_unique<QTemporaryDir>();
        m_ephemeralFolder->setAutoRemove(false); // removed once the store's files are gone
        if (m_ephemeralFolder->isValid())
            m_store.open(m_ephemeralFolder->filePath(QStringLiteral("demo.sqlite")));
    }
    // Everything Webex sends is kept as it was sent; LocalStore writes it on its own thread.
    connect(client, &WebexClient::roomsPageFetched, this,
            [this](const QList<Room> &rooms, int) { m_store.saveRooms(rooms); });
    connect(client, &WebexClient::recentRoomsFetched, &m_store, &LocalStore::saveRooms);
    connect(client, &WebexClient::roomFetched, this,
            [this](const Room &room) { m_store.saveRooms({room}); });
    // Every page deletes what Webex no longer has within its range; the open space's
    // newest page, which also tells what is gone above it, is ConversationController's.
    connect(client, &WebexClient::messagesFetched, this,
            [this](const QString &roomId, const QList<Message> &newestFirst, bool) {
                m_store.savePage(roomId, newestFirst, false);
            });
    connect(client, &WebexClient::messageFetched, this,
            [this](const Message &message) { m_store.saveMessages({message}); });
    connect(client, &WebexClient::messageSent, this,
            [this](const QString &, const Message &message) { m_store.saveMessages({message}); });
    // The person's own edits and deletions (MessageEditController); a message Webex no longer
    // has (404 to a delete) is gone all the same.
    connect(client, &WebexClient::messageEdited, this,
            [this](const Message &message) { m_store.saveMessages({message}); });
    connect(client, &WebexClient::messageDeleted, &m_store, &LocalStore::removeMessage);
    connect(client, &WebexClient::deleteFailed, this,
            [this](const QString &messageId, const ApiError &error) {
                if (error.httpStatus == 404)
                    m_store.removeMessage(messageId);
            });
    connect(client, &WebexClient::peopleFetched, &m_store, &LocalStore::savePeople);
    connect(client, &WebexClient::teamsFetched, &m_store, &LocalStore::saveTeams);
}

void StoreController::setMe(const Person &me)
{
    if (m_ephemeral || m_apiHost.isEmpty() || me.id.isEmpty())
        return;
    const QString account = accountName(me.id);
    m_settings.setValue(rememberedKey(m_apiHost), account);
    open(pathFor(m_apiHost, account));
    m_store.savePeople({me});
}

void StoreController::end(bool forget)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    if (m_ephemeralFolder) {
        // The demo's store goes with its session, and its folder once the store's thread has
        // closed and deleted the files in it (milliseconds: nothing else is queued that long).
        m_store.forget();
        m_store.waitForIdle();
        m_ephemeralFolder->remove();
        m_ephemeralFolder.reset();
        return;
    }
    if (!forget) {
        m_store.close();
        return;
    }
    // Signed out: what this computer kept of the account goes with it, also when the store
    // was not open (people/me had not answered yet).
    const QString path = m_store.path().isEmpty() ? rememberedPath() : m_store.path();
    if (!m_apiHost.isEmpty()) {
        m_settings.remove(rememberedKey(m_apiHost));
        m_settings.remove(settingsReadStateKey()); // never moved into a store
    }
    m_store.forget(path);
}

void StoreController::forgetLocalData()
{
    const QString path = m_store.path().isEmpty() ? rememberedPath() : m_store.path();
    m_store.forget(path);
    if (m_client && !m_ephemeral && !path.isEmpty())
        m_store.open(path); // a new one, for what the session brings from now on
}

void StoreController::keepOnlyRooms(const QSet<QString> &roomIds)
{
    m_store.keepOnlyRooms(roomIds);
}

void StoreController::messageDeleted(const QString &messageId)
{
    m_store.removeMessage(messageId);
}

void StoreController::spaceLeft(const QString &roomId)
{
    m_store.removeRoom(roomId);
}
