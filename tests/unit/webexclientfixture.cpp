#include "webexclientfixture.h"

#include "api/webexclient.h"

WebexClientFixture::WebexClientFixture(QObject *parent) : QObject(parent) {}

WebexClientFixture::~WebexClientFixture() = default;

double WebexClientFixture::gapMs(const Request &earlier, const Request &later)
{
    return double(later.arrivalNs - earlier.arrivalNs) / 1e6;
}

bool WebexClientFixture::startServerAndClient()
{
    m_webex = std::make_unique<ScriptedWebex>();
    if (!m_webex->start())
        return false;
    // Keep retries quick; the tests assert on the delays the client reports, scaled alike.
    client()->setRetryDelayScale(0.02);
    // The whole backoff, no jitter: delays the tests can name (the jitter has tests of its own).
    client()->setJitterSource([] { return 1.0; });
    return true;
}

void WebexClientFixture::stopServerAndClient()
{
    m_webex.reset();
}
