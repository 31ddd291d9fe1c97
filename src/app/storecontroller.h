#pragma once

#include "store/localstore.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

class Person;
class WebexClient;

// Keeps the local store (docs/STORE.md) of the signed-in account in step with what the session
// brings: the spaces, the messages of every page and live event, the people seen; a space left
// or a message deleted goes. Which account's store to open at the next start is remembered (a
// file name, not the person's id), so the spaces can be read from it while the keychain and
// Webex are still asked: restore() reads them before the session is there.
//
// One store per account and API host: <app data>/store/<profile>/<host>/<account>.sqlite, where
// account is a digest of the person's id and profile the keychain service the session is
// remembered under ("webex-desk"; each test has its own). The demo's store is in a temporary
// folder, deleted when its session ends: its spaces are new at every start, but what it shows
// can be searched while it runs.
class StoreController : public QObject
{
    Q_OBJECT

public:
    // `dataDirectory`: where stores live (QStandardPaths::AppDataLocation in the app);
    // `profile`: the keychain service (StartupOptions::keychainService).
    StoreController(const QString &dataDirectory, const QString &profile,
                    QObject *parent = nullptr);
    ~StoreController() override;

    [[nodiscard]] LocalStore *store() { return &m_store; }

    // At start: opens the store of the account that last used `apiHost` here, if any, and reads
    // its spaces (storedRooms) and the space open at the last close (storedOpenSpace).
    // False when there is none.
    bool restore(const QString &apiHost);
    // A session began; what `client` brings is written (not for an ephemeral one, the demo).
    void begin(WebexClient *client, const QString &apiHost, bool ephemeral);
    // people/me answered: this is the account. Its store is opened when the one open is not
    // its own (another account, or none), and remembered for the next start.
    void setMe(const Person &me);
    // The session is over. forget: the person signed out, so the store's files go.
    void end(bool forget);

    // *Forget local data*: the store's files go and a new, empty one takes their place for
    // the rest of the session.
    void forgetLocalData();

    // What live events tell (LiveController), and a complete list of the spaces (the ones
    // not in it were left).
    void messageDeleted(const QString &messageId);
    void spaceLeft(const QString &roomId);
    void keepOnlyRooms(const QSet<QString> &roomIds);

    [[nodiscard]] static QString accountName(const QString &personId);
    // One plain folder name for `text` (a host name, a keychain service): letters, digits, dots
    // and dashes are kept, anything else (an IPv6 address's colons, a slash) becomes "_".
    [[nodiscard]] static QString folderName(const QString &text);

signals:
    void storedRooms(const QList<Room> &rooms, bool last);
    void storedTeams(const QList<Team> &teams);
    void storedOpenSpace(const QString &roomId);
    // One sentence for the status bar: the store was set aside, or stopped.
    void notice(const QString &sentence);

private:
    [[nodiscard]] QString pathFor(const QString &apiHost, const QString &account) const;
    [[nodiscard]] QString rememberedKey(const QString &apiHost) const;
    // The store of the account remembered for the session's host; empty when none.
    [[nodiscard]] QString rememberedPath() const;
    void open(const QString &path);
    [[nodiscard]] QString settingsReadStateKey() const;
    void takeReadStateFromSettings();

    QString m_dataDirectory;
    QString m_profile;
    QSettings m_settings;
    LocalStore m_store;
    QPointer<WebexClient> m_client;
    QString m_apiHost;
    bool m_ephemeral = false;
    std::unique_ptr<QTemporaryDir> m_ephemeralFolder; // the demo's store, while it runs
};
