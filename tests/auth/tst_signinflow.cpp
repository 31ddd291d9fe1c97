// The sign-in flow of src/core against the emulator over real HTTP, with no browser engine:
// the test plays the browser (ConsentBrowser) or calls the loopback callback itself. One test
// per way a sign-in can end, each checking the sentence the person would read.

#include "api/apibase.h"
#include "auth/signinflow.h"
#include "consentbrowser.h"
#include "model/tokenset.h"
#include "selfsignedhttpsserver.h"
#include "webexemulator.h"

#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

namespace {
constexpr int WaitMs = 20000;

ApiBase baseOf(const QUrl &url)
{
    const auto base = ApiBase::fromUserInput(url.toString());
    if (!base)
        qFatal("base refused: %s", qPrintable(url.toString()));
    return *base;
}

bool canConnect(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

// An address of this machine that is not loopback, if it has one.
QHostAddress nonLoopbackAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
            return address;
    }
    return {};
}

// A server that accepts connections and never answers: a Webex that hangs.
class SilentServer : public QTcpServer
{
public:
    QList<QTcpSocket *> sockets;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        sockets.append(socket);
    }
};
} // namespace

class TestSignInFlow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signsInWithPkceAndState();
    void listenerIsLoopbackOnlyAndOnlyWhileSigningIn();
    void portInUseSaysWhichPortAndWhatToDo();
    void onlyTheExactCallbackPathIsAccepted();
    void declined();
    void invalidScope();
    void serverError();
    void wrongStateIsRefused_data();
    void wrongStateIsRefused();
    void usedOrExpiredCodeShowsWebexMessage();
    void wrongSecretShowsWebexMessageAndTrackingId();
    void tokenEndpointServerError();
    void tokenEndpointUnreachable();
    void tokenEndpointThatHangsTimesOut();
    void tokenEndpointWithBadCertificateIsRefused();
    void cancelEndsTheAttempt();

private:
    [[nodiscard]] ClientCredentials emulatorCredentials() const
    {
        return {m_emulator->options().clientId, m_emulator->options().clientSecret};
    }
    // Starts a sign-in, answers the consent page, and returns how the sign-in failed.
    QString failureAfterConsent(SignInFlow &flow, ConsentBrowser::Answer answer);
    // Starts a sign-in, delivers Webex's redirect with a code and the right state at once
    // (the token endpoint is what these tests are about), and returns how the sign-in failed.
    QString failureAfterCallback(SignInFlow &flow);
    // Starts a sign-in and returns the authorization URL it produced.
    QUrl startSignIn(SignInFlow &flow);
    // Sends the loopback callback the way a browser would after Webex's redirect.
    void sendCallback(const QString &query);

    std::unique_ptr<WebexEmulator> m_emulator;
    QNetworkAccessManager m_network;
};

void TestSignInFlow::init()
{
    m_emulator = std::make_unique<WebexEmulator>();
    QVERIFY(m_emulator->listen());
    m_network.setTransferTimeout(10000);
}

void TestSignInFlow::cleanup()
{
    m_emulator.reset();
}

QUrl TestSignInFlow::startSignIn(SignInFlow &flow)
{
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    flow.start();
    if (ready.isEmpty() && !ready.wait(WaitMs))
        return {};
    return ready.first().first().toUrl();
}

QString TestSignInFlow::failureAfterConsent(SignInFlow &flow, ConsentBrowser::Answer answer)
{
    QSignalSpy failed(&flow, &SignInFlow::failed);
    ConsentBrowser browser;
    QString problem;
    if (!browser.answer(startSignIn(flow), answer, &problem).isValid())
        return QStringLiteral("<the browser failed: %1>").arg(problem);
    if (!QTest::qWaitFor([&] { return !failed.isEmpty(); }, WaitMs))
        return QStringLiteral("<no failure>");
    return failed.first().first().toString();
}

QString TestSignInFlow::failureAfterCallback(SignInFlow &flow)
{
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrl authorize = startSignIn(flow);
    const QString state = QUrlQuery(authorize).queryItemValue(QStringLiteral("state"));
    sendCallback(QStringLiteral("code=abc_PF84_org&state=") + state);
    if (!QTest::qWaitFor([&] { return !failed.isEmpty(); }, WaitMs))
        return QStringLiteral("<no failure>");
    return failed.first().first().toString();
}

void TestSignInFlow::sendCallback(const QString &query)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://localhost:5000/auth/cisco/callback?") + query));
    QNetworkReply *reply = m_network.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), WaitMs);
    reply->deleteLater();
}

void TestSignInFlow::signsInWithPkceAndState()
{
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrl authorize = startSignIn(flow);
    QVERIFY(authorize.isValid());

    const QUrlQuery query(authorize);
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://localhost:5000/auth/cisco/callback"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    // At least 128 bits of state: 22 base64url characters.
    QVERIFY(query.queryItemValue(QStringLiteral("state")).size() >= 22);

    ConsentBrowser browser;
    QString problem;
    QVERIFY2(browser.answer(authorize, ConsentBrowser::Answer::Accept, &problem).isValid(),
             qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, WaitMs);
    QCOMPARE(failed.count(), 0);

    // The page the browser saw is ours, brief, and carries nothing from the request.
    QCOMPARE(browser.callbackStatus(), 200);
    QVERIFY(browser.callbackBody().contains("return to Webex Desk"));
    QVERIFY(!browser.callbackBody().contains("code="));

    const auto tokens = signedIn.first().first().value<TokenSet>();
    QVERIFY(!tokens.accessToken.isEmpty());
    QVERIFY(!tokens.refreshToken.isEmpty());
    QVERIFY(tokens.accessExpiresAt > QDateTime::currentDateTimeUtc().addDays(13));
    QVERIFY(tokens.refreshExpiresAt > QDateTime::currentDateTimeUtc().addDays(89));

    // The emulator checked the verifier against the challenge; it was sent.
    const QVariantMap tokenRequest = m_emulator->lastTokenRequest();
    QCOMPARE(tokenRequest.value(QStringLiteral("code_verifier")).toString().size(), 64);
    QCOMPARE(tokenRequest.value(QStringLiteral("client_secret")).toString(),
             QStringLiteral("<redacted>"));
}

void TestSignInFlow::listenerIsLoopbackOnlyAndOnlyWhileSigningIn()
{
    QVERIFY2(!canConnect(QHostAddress::LocalHost, 5000), "port 5000 is open before sign-in");
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    const QUrl authorize = startSignIn(flow);
    QVERIFY(flow.isListening());
    QVERIFY(canConnect(QHostAddress::LocalHost, 5000));
    const QHostAddress lan = nonLoopbackAddress();
    if (!lan.isNull()) // a machine with only loopback has nothing else to be reached from
        QVERIFY2(!canConnect(lan, 5000), qPrintable(lan.toString() + " reaches port 5000"));

    ConsentBrowser browser;
    QString problem;
    QVERIFY2(browser.answer(authorize, ConsentBrowser::Answer::Accept, &problem).isValid(),
             qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, WaitMs);
    QVERIFY(!flow.isListening());
    QTRY_VERIFY(!canConnect(QHostAddress::LocalHost, 5000));
}

void TestSignInFlow::onlyTheExactCallbackPathIsAccepted()
{
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrl authorize = startSignIn(flow);
    const QString state = QUrlQuery(authorize).queryItemValue(QStringLiteral("state"));

    for (const QString &path :
         {QStringLiteral("/auth/cisco/callbackEXTRA"), QStringLiteral("/auth/cisco/callback/more"),
          QStringLiteral("/auth/cisco"), QStringLiteral("/")}) {
        QNetworkRequest request(QUrl(QStringLiteral("http://localhost:5000") + path +
                                     QStringLiteral("?code=stray&state=") + state));
        QNetworkReply *reply = m_network.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), WaitMs);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
    }
    QCOMPARE(failed.count(), 0); // the stray requests did not end the sign-in
    QVERIFY(flow.isListening());
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/access_token")), 0);

    ConsentBrowser browser;
    QString problem;
    QVERIFY2(browser.answer(authorize, ConsentBrowser::Answer::Accept, &problem).isValid(),
             qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, WaitMs);
}

void TestSignInFlow::portInUseSaysWhichPortAndWhatToDo()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 5000));
    SignInFlow flow(baseOf(m_emulator->baseUrl()),
                    ClientCredentials(QStringLiteral("Cid12345678"), QStringLiteral("secret12345")),
                    &m_network);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy ready(&flow, &SignInFlow::authorizationUrlReady);
    flow.start();
    QCOMPARE(failed.count(), 1); // at once, not after a wait
    QCOMPARE(ready.count(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("port 5000")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Close the program")), qPrintable(message));
    QVERIFY(!flow.isActive());
}

void TestSignInFlow::declined()
{
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    const QString message = failureAfterConsent(flow, ConsentBrowser::Answer::Decline);
    QVERIFY2(message.contains(QStringLiteral("declined")), qPrintable(message));
    QVERIFY(!flow.isListening());
}

void TestSignInFlow::invalidScope()
{
    m_emulator->failNextAuthorization(QStringLiteral("invalid_scope"));
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    const QString message = failureAfterConsent(flow, ConsentBrowser::Answer::Accept);
    QVERIFY2(message.contains(QStringLiteral("spark:all")), qPrintable(message));
}

void TestSignInFlow::serverError()
{
    m_emulator->failNextAuthorization(QStringLiteral("server_error"));
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    const QString message = failureAfterConsent(flow, ConsentBrowser::Answer::Accept);
    QVERIFY2(message.contains(QStringLiteral("problem on its side")), qPrintable(message));
}

void TestSignInFlow::wrongStateIsRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("wrong state") << QStringLiteral("code=forged&state=AAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("no state") << QStringLiteral("code=forged");
}

void TestSignInFlow::wrongStateIsRefused()
{
    QFETCH(QString, query);
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    QVERIFY(startSignIn(flow).isValid());
    sendCallback(query);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("did not belong")));
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("/v1/access_token")), 0);
}

void TestSignInFlow::usedOrExpiredCodeShowsWebexMessage()
{
    m_emulator->setAuthorizationCodeLifetime(0);
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    const QString message = failureAfterConsent(flow, ConsentBrowser::Answer::Accept);
    QVERIFY2(message.contains(QStringLiteral("invalid_grant")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Tracking ID: ROUTER_")), qPrintable(message));
}

void TestSignInFlow::wrongSecretShowsWebexMessageAndTrackingId()
{
    SignInFlow flow(
        baseOf(m_emulator->baseUrl()),
        ClientCredentials(m_emulator->options().clientId, QStringLiteral("wrongSecret123")),
        &m_network);
    const QString message = failureAfterConsent(flow, ConsentBrowser::Answer::Accept);
    QVERIFY2(message.contains(QStringLiteral("Client Secret")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Tracking ID: ROUTER_")), qPrintable(message));
}

void TestSignInFlow::tokenEndpointServerError()
{
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    const QUrl authorize = startSignIn(flow);
    m_emulator->failNext(1, 503); // the next API call is the code exchange
    ConsentBrowser browser;
    QString problem;
    QVERIFY(browser.answer(authorize, ConsentBrowser::Answer::Accept, &problem).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("HTTP 503")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Tracking ID")), qPrintable(message));
}

void TestSignInFlow::tokenEndpointUnreachable()
{
    // The token endpoint's host accepts no connection: a closed port on loopback.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    SignInFlow flow(baseOf(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port))),
                    ClientCredentials(QStringLiteral("Cid12345678"), QStringLiteral("secret12345")),
                    &m_network);
    const QString message = failureAfterCallback(flow);
    QVERIFY2(message.contains(QStringLiteral("could not be reached")), qPrintable(message));
}

void TestSignInFlow::tokenEndpointThatHangsTimesOut()
{
    SilentServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    m_network.setTransferTimeout(500); // the app uses 30 s; the mechanism is the same
    SignInFlow flow(baseOf(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(silent.serverPort()))),
                    ClientCredentials(QStringLiteral("Cid12345678"), QStringLiteral("secret12345")),
                    &m_network);
    const QString message = failureAfterCallback(flow);
    QVERIFY2(message.contains(QStringLiteral("did not answer in time")), qPrintable(message));
}

void TestSignInFlow::tokenEndpointWithBadCertificateIsRefused()
{
    // A Webex whose certificate does not verify: the code is never handed over.
    SelfSignedHttpsServer https;
    QVERIFY2(https.start(), qPrintable(https.error()));
    SignInFlow flow(baseOf(QUrl(https.baseUrl().toString() + QStringLiteral("/v1"))),
                    ClientCredentials(QStringLiteral("Cid12345678"), QStringLiteral("secret12345")),
                    &m_network);
    const QString message = failureAfterCallback(flow);
    QVERIFY2(message.contains(QStringLiteral("secure connection")), qPrintable(message));
    QCOMPARE(https.pagesServed(), 0);
    QVERIFY(https.handshakesRefused() >= 1);
}

void TestSignInFlow::cancelEndsTheAttempt()
{
    SignInFlow flow(baseOf(m_emulator->baseUrl()), emulatorCredentials(), &m_network);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QVERIFY(startSignIn(flow).isValid());
    flow.cancel(QStringLiteral("You closed the sign-in window."));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("You closed the sign-in window."));
    QVERIFY(!flow.isListening());
    flow.cancel(QStringLiteral("again")); // ending twice says nothing more
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
