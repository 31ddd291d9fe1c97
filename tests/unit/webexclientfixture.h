#pragma once

#include "scriptedwebex.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

// What every WebexClient wire test starts from: a ScriptedWebex (a TestHttpServer on loopback
// and a WebexClient pointed at its /v1 with the access token "test-token"), its retries quick
// and without jitter. Test classes derive from it and call startServerAndClient() in init() and
// stopServerAndClient() in cleanup(), so each test function gets a fresh server (no requests
// recorded) and a fresh client.
class WebexClientFixture : public QObject
{
    Q_OBJECT

public:
    using Request = TestHttpServer::Request;
    using Response = TestHttpServer::Response;

    explicit WebexClientFixture(QObject *parent = nullptr);
    ~WebexClientFixture() override;

    // The time between two recorded arrivals, in milliseconds, as a double so nothing rounds
    // down.
    [[nodiscard]] static double gapMs(const Request &earlier, const Request &later);

    // The ids of values in order, for comparing a page with what the server sent.
    template <typename T> [[nodiscard]] static QStringList idsOf(const QList<T> &values)
    {
        QStringList ids;
        for (const T &value : values)
            ids.append(value.id);
        return ids;
    }

protected:
    // False when the server cannot listen (then there is nothing to test against).
    [[nodiscard]] bool startServerAndClient();
    void stopServerAndClient();

    [[nodiscard]] TestHttpServer *server() const { return m_webex->server(); }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_webex->network(); }
    [[nodiscard]] WebexClient *client() const { return m_webex->client(); }

private:
    std::unique_ptr<ScriptedWebex> m_webex;
};
