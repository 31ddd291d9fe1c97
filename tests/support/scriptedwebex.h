#pragma once

#include "testhttpserver.h"

#include <memory>

class ApiBase;
class QNetworkAccessManager;
class WebexClient;

// A Webex whose every answer the test writes: a TestHttpServer on loopback, and a WebexClient
// pointed at its /v1 with the access token "test-token". What the client's unit tests and the
// app's tests against scripted answers start from; each sets its own retry delays and jitter.
// Fresh per test function, so no request of another test is recorded.
class ScriptedWebex
{
public:
    using Request = TestHttpServer::Request;
    using Response = TestHttpServer::Response;

    ScriptedWebex();
    ~ScriptedWebex(); // the client first: it may still hold replies of the network manager

    // False when the server cannot listen (then there is nothing to test against).
    [[nodiscard]] bool start();

    [[nodiscard]] TestHttpServer *server() const { return m_server.get(); }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network.get(); }
    [[nodiscard]] WebexClient *client() const { return m_client.get(); }

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebexClient> m_client;
};
