#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AppController;
class SessionStore;
class StartupOptions;
class StoredSession;
class WebexEmulator;

// What every end-to-end test starts from: an emulator on a free loopback port and a keychain
// service of its own in the real Secret Service, so no test sees another's session and none
// touches the person's own ("webex-desk"). Test classes derive from it, call
// startEmulatorAndKeychain() in init() and stopEmulatorAndKeychain() in cleanup().
class E2eFixture : public QObject
{
    Q_OBJECT

public:
    explicit E2eFixture(QObject *parent = nullptr);
    ~E2eFixture() override;

protected:
    // A fresh emulator with `roomCount` spaces, and a new keychain service named
    // `servicePrefix` + a random id. False if the emulator cannot listen.
    [[nodiscard]] bool startEmulatorAndKeychain(const QString &servicePrefix, int roomCount);
    // Forgets what the test left in the keychain, then stops the emulator. False if the
    // keychain did not confirm within 20 s.
    [[nodiscard]] bool stopEmulatorAndKeychain();

    // Another emulator in place of the running one, e.g. with more spaces.
    [[nodiscard]] bool restartEmulator(int roomCount);
    // Webex's address accepts no connection any more.
    void stopEmulator();

    [[nodiscard]] WebexEmulator *emulator() const { return m_emulator.get(); }
    [[nodiscard]] QString keychainService() const { return m_service; }
    // The app's options for this test: the emulator's API and the test's keychain service
    // (without one, a name of the emulator's own: the local store of each emulator is apart).
    [[nodiscard]] StartupOptions startupOptions() const;

    // A session of an earlier sign-in to the running emulator: its client, a fresh access token
    // valid for 14 days, and a refresh token the emulator accepts (4401 on the live socket
    // renews the token).
    [[nodiscard]] StoredSession signedInSession() const;
    // Puts `session` into the keychain, as an earlier run of the app would have; false if the
    // keychain did not confirm within 20 s.
    [[nodiscard]] bool rememberSession(const StoredSession &session) const;
    // What the keychain holds for the test right now; the test stops (qFatal) when the
    // keychain does not answer, as nothing after that could be trusted.
    [[nodiscard]] std::optional<StoredSession> rememberedSession() const;

    // The app on `store`'s session, started in a 1000x700 window, with its list of spaces
    // loaded and live events on; null after a minute without. `beforeStart` runs first (a live
    // delay scale, say); `ready`, when given, is waited for too.
    [[nodiscard]] std::unique_ptr<AppController>
    startLiveApp(SessionStore *store, const std::function<void(AppController &)> &beforeStart = {},
                 const std::function<bool(AppController &)> &ready = {}) const;
    // A group space of the list the person may post in, with others' messages in it; empty
    // when there is none.
    [[nodiscard]] QString postableGroupSpace(AppController &app) const;

private:
    std::unique_ptr<WebexEmulator> m_emulator;
    QString m_service;
    QString m_profile;
};
