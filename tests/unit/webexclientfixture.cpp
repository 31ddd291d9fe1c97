#include "webexclientfixture.h"

#include "api/apibase.h"
#include "api/webexclient.h"

#include <QNetworkAccessManager>

WebexClientFixture::WebexClientFixture(QObject *parent) : QObject(parent) {}

WebexClientFixture::~WebexClientFixture() = default;

double WebexClientFixture::gapMs(const Request &earlier, const Request &later)
{
    return double(later.arrivalNs - earlier.arrivalNs) / 1e6;
}

bool WebexClientFixture::startServerAndClient()
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
    // Keep retries quick; the tests assert on the delays the client reports, scaled alike.
    m_client->setRetryDelayScale(0.02);
    // The whole backoff, no jitter: delays the tests can name (the jitter has tests of its own).
    m_client->setJitterSource([] { return 1.0; });
    return true;
}

void WebexClientFixture::stopServerAndClient()
{
    // The client first: it may still hold replies of the network manager.
    m_client.reset();
    m_network.reset();
    m_server.reset();
}
