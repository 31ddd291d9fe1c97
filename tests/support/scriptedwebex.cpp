#include "scriptedwebex.h"

#include "api/apibase.h"
#include "api/webexclient.h"

#include <QNetworkAccessManager>

ScriptedWebex::ScriptedWebex() = default;

ScriptedWebex::~ScriptedWebex()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

bool ScriptedWebex::start()
{
    m_server = std::make_unique<TestHttpServer>();
    if (!m_server->listen())
        return false;
    QString error;
    const std::optional<ApiBase> base =
        ApiBase::fromUserInput(m_server->url(QStringLiteral("/v1")).toString(), &error);
    if (!base)
        qFatal("the test server's base was refused: %s", qPrintable(error));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<WebexClient>(*base, m_network.get());
    m_client->setAccessToken(QStringLiteral("test-token"));
    return true;
}
