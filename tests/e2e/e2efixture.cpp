#include "e2efixture.h"

#include "emulatorsession.h"

#include "appcontroller.h"
#include "auth/sessionstore.h"
#include "auth/storedsession.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "model/roomlistmodel.h"
#include "spacescontroller.h"
#include "startupoptions.h"
#include "webexemulator.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

namespace {
constexpr int KeychainWaitMs = 20000;
constexpr int StartWaitMs = 60000;
} // namespace

E2eFixture::E2eFixture(QObject *parent) : QObject(parent) {}

E2eFixture::~E2eFixture() = default;

bool E2eFixture::startEmulatorAndKeychain(const QString &servicePrefix, int roomCount)
{
    m_service = servicePrefix + QUuid::createUuid().toString(QUuid::Id128);
    return restartEmulator(roomCount);
}

bool E2eFixture::stopEmulatorAndKeychain()
{
    SessionStore store(m_service);
    QSignalSpy cleared(&store, &SessionStore::cleared);
    store.clear();
    const bool forgotten = QTest::qWaitFor([&] { return !cleared.isEmpty(); }, KeychainWaitMs);
    stopEmulator();
    return forgotten;
}

bool E2eFixture::restartEmulator(int roomCount)
{
    m_emulator.reset(); // first, so the new one never runs beside it
    // A new emulator is a new Webex: what the app kept of the last one (its local store, under
    // the keychain service's name) must not show up.
    m_profile = QStringLiteral("webex-desk-test-") + QUuid::createUuid().toString(QUuid::Id128);
    EmulatorOptions options;
    options.roomCount = roomCount;
    m_emulator = std::make_unique<WebexEmulator>(options);
    return m_emulator->listen();
}

void E2eFixture::stopEmulator()
{
    m_emulator.reset();
}

StartupOptions E2eFixture::startupOptions() const
{
    StartupOptions options;
    options.apiBase = *ApiBase::fromUserInput(m_emulator->baseUrl().toString());
    // The keychain service also names where the local store lives (StoreController).
    options.keychainService = m_service.isEmpty() ? m_profile : m_service;
    return options;
}

StoredSession E2eFixture::signedInSession() const
{
    return sessionSignedInTo(*m_emulator);
}

bool E2eFixture::rememberSession(const StoredSession &session) const
{
    SessionStore store(m_service);
    QSignalSpy saved(&store, &SessionStore::saved);
    store.save(session);
    return QTest::qWaitFor([&] { return !saved.isEmpty(); }, KeychainWaitMs);
}

std::optional<StoredSession> E2eFixture::rememberedSession() const
{
    SessionStore store(m_service);
    QSignalSpy loaded(&store, &SessionStore::loaded);
    QSignalSpy unavailable(&store, &SessionStore::unavailable);
    store.load();
    const bool answered = QTest::qWaitFor(
        [&] { return !loaded.isEmpty() || !unavailable.isEmpty(); }, KeychainWaitMs);
    if (!answered || loaded.isEmpty())
        qFatal("the keychain did not answer: %s",
               unavailable.isEmpty() ? "no answer"
                                     : qPrintable(unavailable.first().first().toString()));
    return loaded.first().first().value<std::optional<StoredSession>>();
}

std::unique_ptr<AppController>
E2eFixture::startLiveApp(SessionStore *store,
                         const std::function<void(AppController &)> &beforeStart,
                         const std::function<bool(AppController &)> &ready) const
{
    auto app = std::make_unique<AppController>(startupOptions(), store);
    QSignalSpy roomsLoaded(app->spaces(), &SpacesController::roomsLoaded);
    if (beforeStart)
        beforeStart(*app);
    app->start();
    app->mainWindow()->resize(1000, 700);
    if (!QTest::qWaitFor(
            [&] {
                return !roomsLoaded.isEmpty() && app->live()->isLive() && (!ready || ready(*app));
            },
            StartWaitMs))
        return nullptr;
    return app;
}

QString E2eFixture::postableGroupSpace(AppController &app) const
{
    const RoomListModel *rooms = app.spaces()->roomModel();
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const QModelIndex i = rooms->index(row, 0);
        if (!i.data(RoomListModel::IsDirectRole).toBool() &&
            !i.data(RoomListModel::ReadOnlyRole).toBool() &&
            !i.data(RoomListModel::AnnouncementOnlyRole).toBool() &&
            m_emulator->messageCount(i.data(RoomListModel::IdRole).toString()) > 2)
            return i.data(RoomListModel::IdRole).toString();
    }
    return {};
}
