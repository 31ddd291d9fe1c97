// The small pieces of the sign-in: PKCE, random state, credential checks, error sentences.

#include "auth/callbackgate.h"
#include "auth/clientcredentials.h"
#include "auth/oautherrortext.h"
#include "auth/pkcechallenge.h"
#include "auth/securerandom.h"

#include <QSet>
#include <QTest>

class TestAuthPieces : public QObject
{
    Q_OBJECT

private slots:
    void pkceMatchesRfc7636Example();
    void pkceVerifierIsLongAndUrlSafe();
    void stateTokensAreLongAndDistinct();
    void credentialValidation_data();
    void credentialValidation();
    void credentialsFromEnvironment();
    void authorizationErrorsBecomeSentences_data();
    void authorizationErrorsBecomeSentences();
    void callbackGateMatchesTheExactPath_data();
    void callbackGateMatchesTheExactPath();
};

void TestAuthPieces::pkceMatchesRfc7636Example()
{
    // RFC 7636, Appendix B.
    QCOMPARE(PkceChallenge::s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestAuthPieces::pkceVerifierIsLongAndUrlSafe()
{
    const PkceChallenge pkce = PkceChallenge::generate();
    QVERIFY(pkce.verifier().size() >= 43 && pkce.verifier().size() <= 128);
    for (char c : pkce.verifier())
        QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_',
                 "verifier has a character outside RFC 7636's unreserved set");
    QCOMPARE(pkce.challenge(), PkceChallenge::s256(pkce.verifier()));
    QVERIFY(PkceChallenge::generate().verifier() != pkce.verifier());
}

void TestAuthPieces::stateTokensAreLongAndDistinct()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray token = SecureRandom::urlSafeToken(16);
        QCOMPARE(token.size(), 22); // 128 bits in base64url without padding
        QVERIFY(!token.contains('=') && !token.contains('+') && !token.contains('/'));
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestAuthPieces::credentialValidation_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");
    const QString id =
        QStringLiteral("C4b2f0c9e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2");
    const QString secret =
        QStringLiteral("8e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f");
    QTest::newRow("good") << id << secret << true << QString();
    QTest::newRow("padded by copy-paste")
        << (QStringLiteral("  ") + id + QStringLiteral("\n")) << secret << true << QString();
    QTest::newRow("no id") << QString() << secret << false << QStringLiteral("Client ID");
    QTest::newRow("no secret") << id << QString() << false << QStringLiteral("Client Secret");
    QTest::newRow("space inside id")
        << QStringLiteral("C4b2 f0c9e1d8") << secret << false << QStringLiteral("Client ID");
    QTest::newRow("secret pasted with label")
        << id << QStringLiteral("Client Secret: abc") << false << QStringLiteral("Client Secret");
}

void TestAuthPieces::credentialValidation()
{
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    const QString problem = ClientCredentials::validationError(clientId, secret);
    QCOMPARE(problem.isEmpty(), valid);
    QCOMPARE(ClientCredentials(clientId, secret).isComplete(), valid);
    if (!valid)
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
}

void TestAuthPieces::credentialsFromEnvironment()
{
    qputenv("WEBEX_CLIENT_ID", "Cabcdef0123456789");
    qputenv("WEBEX_CLIENT_SECRET", "s3cr3tvalue0123");
    const ClientCredentials fromEnv = ClientCredentials::fromEnvironment();
    QCOMPARE(fromEnv.clientId(), QStringLiteral("Cabcdef0123456789"));
    QCOMPARE(fromEnv.clientSecret(), QStringLiteral("s3cr3tvalue0123"));
    QVERIFY(fromEnv.isComplete());
    qunsetenv("WEBEX_CLIENT_SECRET");
    QVERIFY(!ClientCredentials::fromEnvironment().isComplete());
    qunsetenv("WEBEX_CLIENT_ID");
}

void TestAuthPieces::authorizationErrorsBecomeSentences_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("declined") << QStringLiteral("access_denied") << QStringLiteral("declined");
    QTest::newRow("scope") << QStringLiteral("invalid_scope") << QStringLiteral("spark:all");
    QTest::newRow("server") << QStringLiteral("server_error") << QStringLiteral("try again");
    QTest::newRow("unknown") << QStringLiteral("weird_error") << QStringLiteral("weird_error");
}

void TestAuthPieces::authorizationErrorsBecomeSentences()
{
    QFETCH(QString, error);
    QFETCH(QString, mentions);
    const QString sentence = OAuthErrorText::forAuthorizationError(error, QString());
    QVERIFY2(sentence.contains(mentions), qPrintable(sentence));
}

void TestAuthPieces::callbackGateMatchesTheExactPath_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("passes");
    const QByteArray end = " HTTP/1.1\r\nHost: localhost:5000\r\n\r\n";
    QTest::newRow("callback") << ("GET /auth/cisco/callback?code=a&state=b" + end) << true;
    QTest::newRow("no query") << ("GET /auth/cisco/callback" + end) << true;
    QTest::newRow("suffix") << ("GET /auth/cisco/callbackEXTRA?code=a" + end) << false;
    QTest::newRow("sub-path") << ("GET /auth/cisco/callback/x?code=a" + end) << false;
    QTest::newRow("encoded same path") << ("GET /auth/cisco/callbac%6B?code=a" + end) << true;
    QTest::newRow("encoded slash") << ("GET /auth%2Fcisco/callback?code=a" + end) << true;
    QTest::newRow("post") << ("POST /auth/cisco/callback?code=a" + end) << false;
    QTest::newRow("not http") << QByteArray("GET /auth/cisco/callback\r\n\r\n") << false;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01 TLS hello\r\n\r\n") << false;
}

void TestAuthPieces::callbackGateMatchesTheExactPath()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, passes);
    QCOMPARE(CallbackGate::isCallbackRequest(head, QStringLiteral("/auth/cisco/callback")), passes);
}

QTEST_GUILESS_MAIN(TestAuthPieces)
#include "tst_authpieces.moc"
