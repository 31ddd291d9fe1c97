// Keeping a session alive against the emulator: refresh ahead of expiry, refresh of an
// expired token before use, 401 then one renewal, refresh responses with and without a new
// refresh token, a revoked refresh token, and a Webex that fails for a moment.

#include "api/apibase.h"
#include "api/webexclient.h"
#include "auth/sessionkeeper.h"
#include "auth/signinflow.h"
#include "consentbrowser.h"
#include "model/tokenset.h"
#include "webexemulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

namespace {
constexpr int WaitMs = 20000;
}

class TestSessionKeeper : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void renewalLeadTable();
    void shortLivedTokensAreRenewedAheadAndKeepWorking();
    void expiredAccessTokenIsRefreshedBeforeUse();
    void refreshWithoutNewRefreshTokenKeepsTheOldOne();
    void revokedRefreshTokenEndsTheSession();
    void failedRefreshIsRetriedAndTheFlowIsNotStuck();
    void unauthorizedCallIsRenewedOnceAndRetried();

private:
    TokenSet signIn();
    [[nodiscard]] ApiBase base() const
    {
        return *ApiBase::fromUserInput(m_emulator->baseUrl().toString());
    }
    [[nodiscard]] ClientCredentials credentials() const
    {
        return {m_emulator->options().clientId, m_emulator->options().clientSecret};
    }
    // Whether the emulator accepts `token` for GET people/me right now.
    bool tokenWorks(const QString &token);

    std::unique_ptr<WebexEmulator> m_emulator;
    QNetworkAccessManager m_network;
};

void TestSessionKeeper::init()
{
    m_emulator = std::make_unique<WebexEmulator>();
    QVERIFY(m_emulator->listen());
}

void TestSessionKeeper::cleanup()
{
    m_emulator.reset();
}

TokenSet TestSessionKeeper::signIn()
{
    SignInFlow flow(base(), credentials(), &m_network);
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    flow.start();
    if (ready.isEmpty() && !ready.wait(WaitMs))
        return {};
    ConsentBrowser browser;
    QString problem;
    browser.answer(ready.first().first().toUrl(), ConsentBrowser::Answer::Accept, &problem);
    if (signedIn.isEmpty() && !signedIn.wait(WaitMs))
        return {};
    return signedIn.first().first().value<TokenSet>();
}

bool TestSessionKeeper::tokenWorks(const QString &token)
{
    WebexClient client(base(), &m_network);
    client.setAccessToken(token);
    QSignalSpy fetched(&client, &WebexClient::meFetched);
    QSignalSpy failed(&client, &WebexClient::meFailed);
    client.fetchMe();
    return QTest::qWaitFor([&] { return !fetched.isEmpty() || !failed.isEmpty(); }, WaitMs) &&
           !fetched.isEmpty();
}

void TestSessionKeeper::renewalLeadTable()
{
    using ms = std::chrono::milliseconds;
    QCOMPARE(SessionKeeper::renewalLead(1209599s), ms(300s)); // 14 days: five minutes ahead
    QCOMPARE(SessionKeeper::renewalLead(600s), ms(120s));
    QCOMPARE(SessionKeeper::renewalLead(3s), 600ms);
    QCOMPARE(SessionKeeper::renewalLead(0s), 0ms);
}

void TestSessionKeeper::shortLivedTokensAreRenewedAheadAndKeepWorking()
{
    m_emulator->setAccessTokenLifetime(3);
    const TokenSet first = signIn();
    QVERIFY(!first.accessToken.isEmpty());

    SessionKeeper keeper(base(), credentials(), &m_network);
    QSignalSpy changed(&keeper, &SessionKeeper::tokensChanged);
    QSignalSpy ended(&keeper, &SessionKeeper::sessionEnded);
    keeper.start(first);
    QVERIFY(keeper.nextRenewal() < first.accessExpiresAt); // ahead, not after expiry
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, WaitMs);
    QCOMPARE(ended.count(), 0);

    const TokenSet latest = keeper.tokens();
    QVERIFY(latest.accessToken != first.accessToken);
    QVERIFY(latest.accessExpiresAt > first.accessExpiresAt);
    QVERIFY(tokenWorks(latest.accessToken));
    // The first token has run out by now; the emulator refuses it as Webex would.
    QTRY_VERIFY_WITH_TIMEOUT(!tokenWorks(first.accessToken), WaitMs);
}

void TestSessionKeeper::expiredAccessTokenIsRefreshedBeforeUse()
{
    TokenSet stored = signIn();
    QVERIFY(!stored.accessToken.isEmpty());
    stored.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-60); // days away
    const int exchangesBefore = m_emulator->requestCount(QStringLiteral("/v1/access_token"));

    SessionKeeper keeper(base(), credentials(), &m_network);
    QSignalSpy ready(&keeper, &SessionKeeper::accessTokenReady);
    QSignalSpy changed(&keeper, &SessionKeeper::tokensChanged);
    keeper.start(stored);
    QCOMPARE(ready.count(), 0); // nothing usable until the refresh answered
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, WaitMs);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/access_token")), exchangesBefore + 1);
    QVERIFY(ready.first().first().toString() != stored.accessToken);
    QVERIFY(tokenWorks(ready.first().first().toString()));
}

void TestSessionKeeper::refreshWithoutNewRefreshTokenKeepsTheOldOne()
{
    const TokenSet first = signIn();
    m_emulator->setRefreshReturnsNewRefreshToken(false);
    SessionKeeper keeper(base(), credentials(), &m_network);
    QSignalSpy changed(&keeper, &SessionKeeper::tokensChanged);
    keeper.start(first);
    keeper.renewNow();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, WaitMs);
    QCOMPARE(keeper.tokens().refreshToken, first.refreshToken);
    QCOMPARE(keeper.tokens().refreshExpiresAt, first.refreshExpiresAt);
    QVERIFY(keeper.tokens().accessToken != first.accessToken);

    // And with a new one, the new one is kept.
    m_emulator->setRefreshReturnsNewRefreshToken(true);
    keeper.renewNow();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, WaitMs);
    QVERIFY(keeper.tokens().refreshToken != first.refreshToken);
    QVERIFY(!keeper.tokens().refreshToken.isEmpty());
}

void TestSessionKeeper::revokedRefreshTokenEndsTheSession()
{
    const TokenSet first = signIn();
    m_emulator->revokeRefreshTokens();
    SessionKeeper keeper(base(), credentials(), &m_network);
    QSignalSpy ended(&keeper, &SessionKeeper::sessionEnded);
    keeper.start(first);
    keeper.renewNow();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, WaitMs);
    const QString message = ended.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("sign in again")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("invalid_grant")), qPrintable(message));
    QVERIFY(!keeper.isActive());
}

void TestSessionKeeper::failedRefreshIsRetriedAndTheFlowIsNotStuck()
{
    const TokenSet first = signIn();
    SessionKeeper keeper(base(), credentials(), &m_network);
    keeper.setRetryDelay(300ms);
    QSignalSpy delayed(&keeper, &SessionKeeper::renewalDelayed);
    QSignalSpy changed(&keeper, &SessionKeeper::tokensChanged);
    keeper.start(first);
    m_emulator->failNext(1, 503);
    keeper.renewNow();
    QTRY_COMPARE_WITH_TIMEOUT(delayed.count(), 1, WaitMs);
    QVERIFY(delayed.first().first().toString().contains(QStringLiteral("503")));
    // Qt 6.4 would now refuse every refresh as "already in progress"; ours goes through.
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, WaitMs);
    QVERIFY(tokenWorks(keeper.tokens().accessToken));
}

void TestSessionKeeper::unauthorizedCallIsRenewedOnceAndRetried()
{
    m_emulator->setAccessTokenLifetime(1);
    TokenSet first = signIn();
    first.accessExpiresAt = QDateTime(); // expiry unknown: only a 401 can tell
    QTRY_VERIFY_WITH_TIMEOUT(!tokenWorks(first.accessToken), WaitMs);
    m_emulator->setAccessTokenLifetime(3600);

    SessionKeeper keeper(base(), credentials(), &m_network);
    WebexClient client(base(), &m_network);
    client.setAccessTokenRenewal(true);
    connect(&client, &WebexClient::accessTokenRejected, &keeper, &SessionKeeper::renewNow);
    connect(&keeper, &SessionKeeper::accessTokenReady, &client, &WebexClient::setAccessToken);
    QSignalSpy me(&client, &WebexClient::meFetched);
    QSignalSpy failed(&client, &WebexClient::meFailed);
    keeper.start(first);
    client.fetchMe();
    QTRY_COMPARE_WITH_TIMEOUT(me.count(), 1, WaitMs);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(me.first().first().value<Person>().displayName, m_emulator->userDisplayName());
}

QTEST_GUILESS_MAIN(TestSessionKeeper)
#include "tst_sessionkeeper.moc"
