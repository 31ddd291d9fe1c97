// Tests of the Webex emulator over real HTTP on loopback, as the app will talk to it.
#include "emulatorreply.h"
#include "hostilecontent.h"
#include "webexemulator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QtTest>

#include <memory>

namespace {

using EmulatorReply::Reply;

struct Tokens
{
    QString access;
    QString refresh;
};

const QString kRedirect = QStringLiteral("http://localhost:5000/auth/cisco/callback");

QString decodeId(const QString &id)
{
    return QString::fromUtf8(QByteArray::fromBase64(id.toLatin1()));
}

QString pkceS256(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray form(const QList<QPair<QString, QString>> &items)
{
    QByteArray out;
    for (const auto &item : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    return out;
}

} // namespace

class TestEmulator : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    Reply send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body = {})
    {
        return EmulatorReply::send(m_nam, request, verb, body);
    }

    Reply get(const QUrl &url, const QString &token = {})
    {
        return send(EmulatorReply::bearer(url, token), "GET");
    }

    Reply api(WebexEmulator &emulator, const QString &pathAndQuery, const QString &token)
    {
        return get(QUrl(emulator.baseUrl().toString() + pathAndQuery), token);
    }

    // The "items" of a list answer (rooms, messages, people, teams).
    QJsonArray apiItems(WebexEmulator &emulator, const QString &pathAndQuery, const QString &token)
    {
        return api(emulator, pathAndQuery, token).items();
    }

    Reply postJson(WebexEmulator &emulator, const QString &path, const QJsonObject &object,
                   const QString &token)
    {
        return EmulatorReply::send(
            m_nam, EmulatorReply::bearer(QUrl(emulator.baseUrl().toString() + path), token), "POST",
            EmulatorReply::compact(object), EmulatorReply::JsonType);
    }

    Reply postForm(const QUrl &url, const QByteArray &body, const QByteArray &basic = {})
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!basic.isEmpty())
            request.setRawHeader("Authorization", "Basic " + basic.toBase64());
        return send(request, "POST", body);
    }

    QUrl authorizeUrl(WebexEmulator &emulator, const QList<QPair<QString, QString>> &overrides = {},
                      const QStringList &omit = {})
    {
        QList<QPair<QString, QString>> items{
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), emulator.options().clientId},
            {QStringLiteral("redirect_uri"), kRedirect},
            {QStringLiteral("scope"), QStringLiteral("spark:all spark:kms")},
            {QStringLiteral("state"), QStringLiteral("st4te")},
        };
        for (const auto &override : overrides) {
            bool replaced = false;
            for (auto &item : items) {
                if (item.first == override.first) {
                    item.second = override.second;
                    replaced = true;
                }
            }
            if (!replaced)
                items.append(override);
        }
        QList<QPair<QString, QString>> kept;
        for (const auto &item : items) {
            if (!omit.contains(item.first))
                kept.append(item);
        }
        QUrl url(emulator.baseUrl().toString() + QStringLiteral("/authorize"));
        url.setQuery(QString::fromLatin1(form(kept)));
        return url;
    }

    static QString requestIdOf(const Reply &page)
    {
        static const QRegularExpression re(
            QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""));
        return re.match(QString::fromUtf8(page.body)).captured(1);
    }

    Reply decide(WebexEmulator &emulator, const QString &requestId, const QString &decision)
    {
        return postForm(QUrl(emulator.baseUrl().toString() + QStringLiteral("/authorize/decision")),
                        form({{QStringLiteral("request_id"), requestId},
                              {QStringLiteral("decision"), decision}}));
    }

    /// Authorize, accept, and return the redirect's code (empty on failure).
    QString obtainCode(WebexEmulator &emulator, const QList<QPair<QString, QString>> &extra = {})
    {
        const Reply page = get(authorizeUrl(emulator, extra));
        if (page.status != 200)
            return {};
        const Reply redirect = decide(emulator, requestIdOf(page), QStringLiteral("accept"));
        return QUrlQuery(redirect.location())
            .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    Reply exchange(WebexEmulator &emulator, const QString &code,
                   const QList<QPair<QString, QString>> &extra = {},
                   const QString &secret = QString())
    {
        QList<QPair<QString, QString>> items{
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("client_id"), emulator.options().clientId},
            {QStringLiteral("client_secret"),
             secret.isEmpty() ? emulator.options().clientSecret : secret},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), kRedirect},
        };
        items += extra;
        return postForm(QUrl(emulator.baseUrl().toString() + QStringLiteral("/access_token")),
                        form(items));
    }

    Reply refresh(WebexEmulator &emulator, const QString &refreshToken)
    {
        return postForm(QUrl(emulator.baseUrl().toString() + QStringLiteral("/access_token")),
                        form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                              {QStringLiteral("client_id"), emulator.options().clientId},
                              {QStringLiteral("client_secret"), emulator.options().clientSecret},
                              {QStringLiteral("refresh_token"), refreshToken}}));
    }

    Tokens signIn(WebexEmulator &emulator)
    {
        const Reply reply = exchange(emulator, obtainCode(emulator));
        const QJsonObject json = reply.json();
        return {json.value(QStringLiteral("access_token")).toString(),
                json.value(QStringLiteral("refresh_token")).toString()};
    }

    /// Follows Link rel="next" from the first URL and returns every item.
    QJsonArray collect(const QUrl &first, const QString &token, int *pages = nullptr,
                       QList<int> *pageSizes = nullptr)
    {
        QJsonArray all;
        QUrl url = first;
        int count = 0;
        while (url.isValid() && count < 100) {
            const Reply reply = get(url, token);
            if (reply.status != 200) {
                qWarning() << "paging failed" << reply.status << reply.body;
                return {};
            }
            const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
            if (pageSizes)
                pageSizes->append(int(items.size()));
            for (const auto &item : items)
                all.append(item);
            url = reply.nextLink();
            ++count;
        }
        if (pages)
            *pages = count;
        return all;
    }

    static void verifyWebexError(const Reply &reply, int status)
    {
        QCOMPARE(reply.status, status);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonObject json = reply.json();
        QVERIFY(!json.value(QStringLiteral("message")).toString().isEmpty());
        const QJsonArray errors = json.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QVERIFY(!errors.at(0).toObject().value(QStringLiteral("description")).toString().isEmpty());
        const QString trackingId = json.value(QStringLiteral("trackingId")).toString();
        QVERIFY(trackingId.startsWith(QLatin1String("ROUTER_")));
        QCOMPARE(QString::fromLatin1(reply.header("trackingid")), trackingId);
    }

private slots:
    void listensOnLoopbackAndReportsBusyPort();
    void authorizeRejectsUnknownClient();
    void authorizeRejectsUnregisteredRedirectUri_data();
    void authorizeRejectsUnregisteredRedirectUri();
    void authorizeRedirectsProtocolErrors_data();
    void authorizeRedirectsProtocolErrors();
    void consentPageNamesAppScopeAndUser();
    void consentPageEscapesEchoedValues();
    void acceptRedirectsWithCodeAndState();
    void declineRedirectsWithAccessDenied();
    void decisionIsSingleUse();
    void failNextAuthorizationRedirectsWithError();
    void tokenExchangeReturnsWebexShape();
    void codeIsSingleUse();
    void expiredCodeIsInvalidGrant();
    void wrongClientSecretIs401();
    void httpBasicClientAuthentication();
    void redirectUriMustMatchAtTokenEndpoint();
    void unsupportedGrantType();
    void pkce_data();
    void pkce();
    void refreshGrantWithNewRefreshToken();
    void anotherAccountSignsInAsAnotherPerson();
    void refreshGrantWithoutNewRefreshToken();
    void revokedRefreshTokenIsInvalidGrant();
    void expiredAccessTokenIs401();
    void restRequiresBearerToken();
    void peopleMeFields();
    void avatarIsServedWithoutToken();
    void roomsPageByLinkHeader();
    void roomsMaxOutOfRange_data();
    void roomsMaxOutOfRange();
    void roomsInvalidCursorIs400();
    void roomsTypeFilterSurvivesPaging();
    void roomsTeamFilterSurvivesPaging();
    void roomItemFields();
    void directRoomTitledWithOtherPerson();
    void nonAsciiTitlesRoundTripAsUtf8();
    void tenThousandRoomsPageCompletely();
    void teamsList();
    void peopleBatchById();
    void peopleByEmail();
    void messagesPageNewestFirst();
    void messagesBeforeMessage();
    void postMessage();
    void postMessageTooLongIs400();
    void someoneElsePostsAndTheRoomMovesUp();
    void liveActivityPostsInSpaces();
    void rateLimitKnob();
    void serverErrorKnob();
    void faultPathNarrowsTheFaultsToOnePath();
    void cutOffBodiesCloseTheConnectionMidBody();
    void hostileDisplayNameHasTheAskedSize();
    void hostileNestedMessagesNestThatDeep();
    void hostileTitlesGoOutAsTheyAre();
    void invalidUtf8TitleIsInvalidOnTheWire();
    void endlessPagingNeverEnds();
    void profileWrongTypesKeepsOnlyTheId();
    void helpListsEveryKnob();
    void latencyDoesNotBlockTheThread();
    void clientGivingUpDuringLatencyIsHarmless();
    void unknownPathIs404WithWebexBody();
    void seededDataIsDeterministic();
    void introspectionRecordsRequests();
};

void TestEmulator::listensOnLoopbackAndReportsBusyPort()
{
    WebexEmulator first;
    QVERIFY(first.listen());
    QVERIFY(first.serverPort() != 0);
    QCOMPARE(first.baseUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(first.serverPort())));
    WebexEmulator second;
    QVERIFY(!second.listen(QHostAddress::LocalHost, first.serverPort()));
}

void TestEmulator::authorizeRejectsUnknownClient()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply =
        get(authorizeUrl(emulator, {{QStringLiteral("client_id"), QStringLiteral("Cunknown")}}));
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Content-Type").startsWith("text/html"));
    QVERIFY(reply.header("Location").isEmpty());
}

void TestEmulator::authorizeRejectsUnregisteredRedirectUri_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:5000/auth/cisco/callback");
    QTest::newRow("other port") << QStringLiteral("http://localhost:5001/auth/cisco/callback");
    QTest::newRow("longer path") << QStringLiteral("http://localhost:5000/auth/cisco/callbackX");
    QTest::newRow("trailing slash") << QStringLiteral("http://localhost:5000/auth/cisco/callback/");
    QTest::newRow("https") << QStringLiteral("https://localhost:5000/auth/cisco/callback");
    QTest::newRow("evil") << QStringLiteral("http://evil.example/cb");
}

void TestEmulator::authorizeRejectsUnregisteredRedirectUri()
{
    QFETCH(QString, redirectUri);
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply =
        get(authorizeUrl(emulator, {{QStringLiteral("redirect_uri"), redirectUri}}));
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Location").isEmpty());
    QVERIFY(reply.body.contains("redirect_uri"));

    const Reply missing = get(authorizeUrl(emulator, {}, {QStringLiteral("redirect_uri")}));
    QCOMPARE(missing.status, 400);
    QVERIFY(missing.header("Location").isEmpty());
}

void TestEmulator::authorizeRedirectsProtocolErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("no spark:all") << QStringLiteral("scope") << QStringLiteral("spark:people_read")
                                  << QStringLiteral("invalid_scope");
    QTest::newRow("empty scope") << QStringLiteral("scope") << QString()
                                 << QStringLiteral("invalid_scope");
    QTest::newRow("token flow") << QStringLiteral("response_type") << QStringLiteral("token")
                                << QStringLiteral("unsupported_response_type");
    QTest::newRow("bad pkce method") << QStringLiteral("code_challenge_method")
                                     << QStringLiteral("S512") << QStringLiteral("invalid_request");
}

void TestEmulator::authorizeRedirectsProtocolErrors()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, error);
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    QList<QPair<QString, QString>> overrides{{key, value}};
    if (key == QLatin1String("code_challenge_method"))
        overrides.append(
            {QStringLiteral("code_challenge"), pkceS256(QString(50, QLatin1Char('v')))});
    const Reply reply = get(authorizeUrl(emulator, overrides));
    QCOMPARE(reply.status, 302);
    const QUrl location = reply.location();
    QCOMPARE(location.adjusted(QUrl::RemoveQuery), QUrl(kRedirect));
    const QUrlQuery query(location);
    QCOMPARE(query.queryItemValue(QStringLiteral("error")), error);
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("st4te"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
}

void TestEmulator::consentPageNamesAppScopeAndUser()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString challenge = pkceS256(QString(64, QLatin1Char('x')));
    const Reply page = get(authorizeUrl(
        emulator, {{QStringLiteral("code_challenge"), challenge},
                   {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}}));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Type"), QByteArray("text/html;charset=UTF-8"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QLatin1String("id=\"accept\" name=\"decision\" value=\"accept\"")));
    QVERIFY(html.contains(QLatin1String("id=\"decline\" name=\"decision\" value=\"decline\"")));
    QVERIFY(html.contains(emulator.userEmail().toHtmlEscaped()));
    QVERIFY(html.contains(QLatin1String("spark:all")));
    QVERIFY(html.contains(emulator.options().clientId));
    QVERIFY(requestIdOf(page).size() >= 32);

    const QVariantMap query = emulator.lastAuthorizeQuery();
    QCOMPARE(query.value(QStringLiteral("redirect_uri")).toString(), kRedirect);
    QCOMPARE(query.value(QStringLiteral("state")).toString(), QStringLiteral("st4te"));
    QCOMPARE(query.value(QStringLiteral("code_challenge")).toString(), challenge);
    QCOMPARE(query.value(QStringLiteral("scope")).toString(),
             QStringLiteral("spark:all spark:kms"));
}

void TestEmulator::consentPageEscapesEchoedValues()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply page =
        get(authorizeUrl(emulator, {{QStringLiteral("scope"),
                                     QStringLiteral("spark:all <script>alert(1)</script>")}}));
    QCOMPARE(page.status, 200);
    QVERIFY(!page.body.contains("<script>"));
    QVERIFY(page.body.contains("&lt;script&gt;"));
}

void TestEmulator::acceptRedirectsWithCodeAndState()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString state = QStringLiteral("a+b&c=d/é %");
    const Reply page = get(authorizeUrl(emulator, {{QStringLiteral("state"), state}}));
    QCOMPARE(page.status, 200);
    const Reply redirect = decide(emulator, requestIdOf(page), QStringLiteral("accept"));
    QCOMPARE(redirect.status, 302);
    const QUrl location = redirect.location();
    QCOMPARE(location.scheme(), QStringLiteral("http"));
    QCOMPARE(location.host(), QStringLiteral("localhost"));
    QCOMPARE(location.port(), 5000);
    QCOMPARE(location.path(), QStringLiteral("/auth/cisco/callback"));
    const QUrlQuery query(location);
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    static const QRegularExpression codeShape(QStringLiteral(
        "^[A-Za-z0-9_-]{40,}_PF84_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QVERIFY2(codeShape.match(code).hasMatch(), qPrintable(code));
}

void TestEmulator::declineRedirectsWithAccessDenied()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply page = get(authorizeUrl(emulator));
    const Reply redirect = decide(emulator, requestIdOf(page), QStringLiteral("decline"));
    QCOMPARE(redirect.status, 302);
    const QUrlQuery query(redirect.location());
    QCOMPARE(query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("st4te"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
}

void TestEmulator::decisionIsSingleUse()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString requestId = requestIdOf(get(authorizeUrl(emulator)));
    QCOMPARE(decide(emulator, requestId, QStringLiteral("accept")).status, 302);
    const Reply again = decide(emulator, requestId, QStringLiteral("accept"));
    QCOMPARE(again.status, 400);
    QVERIFY(again.header("Location").isEmpty());
    QCOMPARE(decide(emulator, QStringLiteral("guess"), QStringLiteral("accept")).status, 400);
}

void TestEmulator::failNextAuthorizationRedirectsWithError()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.failNextAuthorization(QStringLiteral("server_error"));
    Reply redirect =
        decide(emulator, requestIdOf(get(authorizeUrl(emulator))), QStringLiteral("accept"));
    QCOMPARE(QUrlQuery(redirect.location()).queryItemValue(QStringLiteral("error")),
             QStringLiteral("server_error"));
    QCOMPARE(QUrlQuery(redirect.location()).queryItemValue(QStringLiteral("state")),
             QStringLiteral("st4te"));
    redirect = decide(emulator, requestIdOf(get(authorizeUrl(emulator))), QStringLiteral("accept"));
    QVERIFY(QUrlQuery(redirect.location()).hasQueryItem(QStringLiteral("code")));
}

void TestEmulator::tokenExchangeReturnsWebexShape()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString code = obtainCode(emulator);
    QVERIFY(!code.isEmpty());
    const Reply reply = exchange(emulator, code);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    QVERIFY(reply.header("trackingid").startsWith("ROUTER_"));
    const QJsonObject json = reply.json();
    QCOMPARE(json.size(), 5);
    QVERIFY(json.value(QStringLiteral("access_token")).toString().size() > 40);
    QCOMPARE(json.value(QStringLiteral("expires_in")).toInt(), 1209599);
    QVERIFY(json.value(QStringLiteral("refresh_token")).toString().size() > 40);
    QVERIFY(json.value(QStringLiteral("refresh_token")) !=
            json.value(QStringLiteral("access_token")));
    QCOMPARE(json.value(QStringLiteral("refresh_token_expires_in")).toInt(), 7775999);
    QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));

    const QVariantMap last = emulator.lastTokenRequest();
    QCOMPARE(last.value(QStringLiteral("client_secret")).toString(), QStringLiteral("<redacted>"));
    QCOMPARE(last.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(last.value(QStringLiteral("grant_type")).toString(),
             QStringLiteral("authorization_code"));
    QCOMPARE(last.value(QStringLiteral("redirect_uri")).toString(), kRedirect);

    const Reply me = api(emulator, QStringLiteral("/people/me"),
                         json.value(QStringLiteral("access_token")).toString());
    QCOMPARE(me.status, 200);
}

void TestEmulator::codeIsSingleUse()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString code = obtainCode(emulator);
    QCOMPARE(exchange(emulator, code).status, 200);
    const Reply second = exchange(emulator, code);
    verifyWebexError(second, 400);
    const QString message = second.json().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QLatin1String("(invalid_grant) Authorization code has been used.")),
             qPrintable(message));
    QVERIFY(message.startsWith(QLatin1String("POST failed: HTTP/1.1 400 Bad Request (url = ")));
    QVERIFY(message.contains(QString::fromLatin1(second.header("trackingid"))));

    verifyWebexError(exchange(emulator, QStringLiteral("made-up-code")), 400);
}

void TestEmulator::expiredCodeIsInvalidGrant()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setAuthorizationCodeLifetime(0);
    const Reply reply = exchange(emulator, obtainCode(emulator));
    verifyWebexError(reply, 400);
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("(invalid_grant)")));
}

void TestEmulator::wrongClientSecretIs401()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply = exchange(emulator, obtainCode(emulator), {}, QStringLiteral("wrong"));
    verifyWebexError(reply, 401);
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("invalid_client")));
    QCOMPARE(emulator.lastTokenRequest().value(QStringLiteral("client_secret")).toString(),
             QStringLiteral("<redacted>"));
}

void TestEmulator::httpBasicClientAuthentication()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QUrl tokenUrl(emulator.baseUrl().toString() + QStringLiteral("/access_token"));
    const QByteArray body =
        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
              {QStringLiteral("code"), obtainCode(emulator)},
              {QStringLiteral("redirect_uri"), kRedirect}});
    const QByteArray credentials =
        (emulator.options().clientId + QLatin1Char(':') + emulator.options().clientSecret)
            .toLatin1();
    const Reply reply = postForm(tokenUrl, body, credentials);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json().value(QStringLiteral("access_token")).toString().isEmpty());

    const QByteArray wrong = (emulator.options().clientId + QStringLiteral(":nope")).toLatin1();
    const QByteArray body2 =
        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
              {QStringLiteral("code"), obtainCode(emulator)},
              {QStringLiteral("redirect_uri"), kRedirect}});
    verifyWebexError(postForm(tokenUrl, body2, wrong), 401);
}

void TestEmulator::redirectUriMustMatchAtTokenEndpoint()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    QList<QPair<QString, QString>> items{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("client_id"), emulator.options().clientId},
        {QStringLiteral("client_secret"), emulator.options().clientSecret},
        {QStringLiteral("code"), obtainCode(emulator)},
        {QStringLiteral("redirect_uri"),
         QStringLiteral("http://127.0.0.1:5000/auth/cisco/callback")},
    };
    const Reply reply = postForm(
        QUrl(emulator.baseUrl().toString() + QStringLiteral("/access_token")), form(items));
    verifyWebexError(reply, 400);
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("(invalid_grant)")));
}

void TestEmulator::unsupportedGrantType()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply =
        postForm(QUrl(emulator.baseUrl().toString() + QStringLiteral("/access_token")),
                 form({{QStringLiteral("grant_type"), QStringLiteral("password")},
                       {QStringLiteral("client_id"), emulator.options().clientId},
                       {QStringLiteral("client_secret"), emulator.options().clientSecret}}));
    verifyWebexError(reply, 400);
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("(unsupported_grant_type)")));
}

void TestEmulator::pkce_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("verifierSent"); // "\x01" = omit
    QTest::addColumn<int>("status");
    const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QTest::newRow("S256 right") << QStringLiteral("S256") << verifier << 200;
    QTest::newRow("S256 wrong") << QStringLiteral("S256") << (verifier + QLatin1Char('x')) << 400;
    QTest::newRow("S256 missing") << QStringLiteral("S256") << QStringLiteral("\x01") << 400;
    QTest::newRow("plain right") << QStringLiteral("plain") << verifier << 200;
    QTest::newRow("plain wrong") << QStringLiteral("plain") << QStringLiteral("y").repeated(43)
                                 << 400;
}

void TestEmulator::pkce()
{
    QFETCH(QString, method);
    QFETCH(QString, verifierSent);
    QFETCH(int, status);
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    // RFC 7636 appendix B's pair, so the S256 arithmetic is checked against a known answer.
    const QString challenge = method == QLatin1String("S256")
                                  ? QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                                  : verifier;
    QCOMPARE(pkceS256(verifier), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QString code = obtainCode(emulator, {{QStringLiteral("code_challenge"), challenge},
                                               {QStringLiteral("code_challenge_method"), method}});
    QVERIFY(!code.isEmpty());
    QList<QPair<QString, QString>> extra;
    if (verifierSent != QStringLiteral("\x01"))
        extra.append({QStringLiteral("code_verifier"), verifierSent});
    const Reply reply = exchange(emulator, code, extra);
    QCOMPARE(reply.status, status);
    if (status != 200) {
        verifyWebexError(reply, status);
        QVERIFY(reply.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("(invalid_grant)")));
    }
}

void TestEmulator::refreshGrantWithNewRefreshToken()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Tokens tokens = signIn(emulator);
    const Reply reply = refresh(emulator, tokens.refresh);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    const QString access = json.value(QStringLiteral("access_token")).toString();
    QVERIFY(!access.isEmpty());
    QVERIFY(access != tokens.access);
    QVERIFY(json.contains(QStringLiteral("refresh_token")));
    QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(api(emulator, QStringLiteral("/people/me"), access).status, 200);
    QCOMPARE(emulator.lastTokenRequest().value(QStringLiteral("grant_type")).toString(),
             QStringLiteral("refresh_token"));
}

void TestEmulator::anotherAccountSignsInAsAnotherPerson()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Tokens first = signIn(emulator);
    QVERIFY(!emulator.setSignedInPerson(-1));
    QVERIFY(emulator.setSignedInPerson(3));
    QVERIFY(emulator.personDisplayName(3) != emulator.userDisplayName());

    // The consent page names the other person, and their tokens are theirs.
    const Reply page = get(authorizeUrl(emulator));
    QVERIFY(page.body.contains(emulator.personEmail(3).toUtf8()));
    const Tokens second = signIn(emulator);
    const auto nameOf = [&](const QString &token) {
        return api(emulator, QStringLiteral("/people/me"), token)
            .json()
            .value(QStringLiteral("displayName"))
            .toString();
    };
    QCOMPARE(nameOf(second.access), emulator.personDisplayName(3));
    QCOMPARE(nameOf(first.access), emulator.userDisplayName()); // the first session is unchanged
    // A refresh stays with the person it was issued to.
    const QString refreshed =
        refresh(emulator, second.refresh).json().value(QStringLiteral("access_token")).toString();
    QCOMPARE(nameOf(refreshed), emulator.personDisplayName(3));
}

void TestEmulator::refreshGrantWithoutNewRefreshToken()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setRefreshReturnsNewRefreshToken(false);
    const Tokens tokens = signIn(emulator);
    const Reply first = refresh(emulator, tokens.refresh);
    QCOMPARE(first.status, 200);
    QVERIFY(!first.json().contains(QStringLiteral("refresh_token")));
    QVERIFY(!first.json().value(QStringLiteral("access_token")).toString().isEmpty());
    // The old refresh token keeps working.
    QCOMPARE(refresh(emulator, tokens.refresh).status, 200);
}

void TestEmulator::revokedRefreshTokenIsInvalidGrant()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Tokens tokens = signIn(emulator);
    emulator.revokeRefreshTokens();
    const Reply reply = refresh(emulator, tokens.refresh);
    verifyWebexError(reply, 400);
    QVERIFY(reply.json()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("(invalid_grant)")));
    verifyWebexError(refresh(emulator, QStringLiteral("never-issued")), 400);
    // A new sign-in gets a working refresh token again.
    QCOMPARE(refresh(emulator, signIn(emulator).refresh).status, 200);
}

void TestEmulator::expiredAccessTokenIs401()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setAccessTokenLifetime(1);
    const Reply tokenReply = exchange(emulator, obtainCode(emulator));
    QCOMPARE(tokenReply.json().value(QStringLiteral("expires_in")).toInt(), 1);
    const QString access = tokenReply.json().value(QStringLiteral("access_token")).toString();
    QCOMPARE(api(emulator, QStringLiteral("/people/me"), access).status, 200);
    QTest::qWait(1200);
    const Reply expired = api(emulator, QStringLiteral("/people/me"), access);
    verifyWebexError(expired, 401);
}

void TestEmulator::restRequiresBearerToken()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply none = api(emulator, QStringLiteral("/rooms"), QString());
    verifyWebexError(none, 401);
    QCOMPARE(
        none.json().value(QStringLiteral("message")).toString(),
        QStringLiteral(
            "The request requires a valid access token set in the Authorization request header."));
    verifyWebexError(api(emulator, QStringLiteral("/people/me"), QStringLiteral("forged")), 401);
    QNetworkRequest basic(QUrl(emulator.baseUrl().toString() + QStringLiteral("/people/me")));
    basic.setRawHeader("Authorization", "Basic " + emulator.issueAccessToken().toLatin1());
    verifyWebexError(send(basic, "GET"), 401);
    QCOMPARE(api(emulator, QStringLiteral("/people/me"), emulator.issueAccessToken()).status, 200);
}

void TestEmulator::peopleMeFields()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply = api(emulator, QStringLiteral("/people/me"), signIn(emulator).access);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    QVERIFY(reply.header("trackingid").startsWith("ROUTER_"));
    const QJsonObject me = reply.json();
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    static const QRegularExpression timestamp(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    const QString id = me.value(QStringLiteral("id")).toString();
    QVERIFY(!id.contains(QLatin1Char('=')));
    QVERIFY(decodeId(id).startsWith(QLatin1String("ciscospark://us/PEOPLE/")));
    QVERIFY(uuid.match(decodeId(id)).hasMatch());
    QCOMPARE(me.value(QStringLiteral("emails")).toArray(), QJsonArray{emulator.userEmail()});
    QCOMPARE(me.value(QStringLiteral("displayName")).toString(), emulator.userDisplayName());
    QVERIFY(!me.value(QStringLiteral("firstName")).toString().isEmpty());
    QVERIFY(!me.value(QStringLiteral("lastName")).toString().isEmpty());
    QVERIFY(decodeId(me.value(QStringLiteral("orgId")).toString())
                .startsWith(QLatin1String("ciscospark://us/ORGANIZATION/")));
    QVERIFY(timestamp.match(me.value(QStringLiteral("created")).toString()).hasMatch());
    QVERIFY(timestamp.match(me.value(QStringLiteral("lastModified")).toString()).hasMatch());
    QVERIFY(timestamp.match(me.value(QStringLiteral("lastActivity")).toString()).hasMatch());
    QCOMPARE(me.value(QStringLiteral("type")).toString(), QStringLiteral("person"));
    QCOMPARE(me.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(me.value(QStringLiteral("invitePending")).isString());
    QCOMPARE(me.value(QStringLiteral("invitePending")).toString(), QStringLiteral("false"));
    QCOMPARE(me.value(QStringLiteral("loginEnabled")), QJsonValue(true));
    const QJsonObject phone = me.value(QStringLiteral("phoneNumbers")).toArray().at(0).toObject();
    QCOMPARE(phone.value(QStringLiteral("type")).toString(), QStringLiteral("work"));
    QVERIFY(!phone.value(QStringLiteral("value")).toString().isEmpty());
    QCOMPARE(phone.value(QStringLiteral("primary")), QJsonValue(true));
    QVERIFY(
        me.value(QStringLiteral("avatar"))
            .toString()
            .startsWith(QStringLiteral("http://127.0.0.1:%1/avatars/").arg(emulator.serverPort())));
    QVERIFY(!me.value(QStringLiteral("timezone")).toString().isEmpty());
}

void TestEmulator::avatarIsServedWithoutToken()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply me = api(emulator, QStringLiteral("/people/me"), emulator.issueAccessToken());
    const Reply avatar = get(QUrl(me.json().value(QStringLiteral("avatar")).toString()));
    QCOMPARE(avatar.status, 200);
    QCOMPARE(avatar.header("Content-Type"), QByteArray("image/png"));
    QVERIFY(avatar.body.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(get(QUrl(emulator.baseUrl().adjusted(QUrl::RemovePath).toString() +
                      QStringLiteral("/avatars/unknown~1600")))
                 .status,
             404);
}

void TestEmulator::roomsPageByLinkHeader()
{
    EmulatorOptions options;
    options.roomCount = 2500;
    WebexEmulator emulator(options);
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QUrl first(emulator.baseUrl().toString() +
                     QStringLiteral("/rooms?max=1000&sortBy=lastactivity"));

    const Reply page1 = get(first, token);
    QCOMPARE(page1.status, 200);
    const QUrl next = page1.nextLink();
    QVERIFY(next.isValid());
    QCOMPARE(next.adjusted(QUrl::RemoveQuery).toString(),
             emulator.baseUrl().toString() + QStringLiteral("/rooms"));
    QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("max")), QStringLiteral("1000"));
    QVERIFY(!QUrlQuery(next).queryItemValue(QStringLiteral("cursor")).isEmpty());

    int pages = 0;
    QList<int> sizes;
    const QJsonArray rooms = collect(first, token, &pages, &sizes);
    QCOMPARE(pages, 3);
    QCOMPARE(sizes, (QList<int>{1000, 1000, 500}));
    QSet<QString> ids;
    QString previous;
    for (const auto &value : rooms) {
        const QJsonObject room = value.toObject();
        ids.insert(room.value(QStringLiteral("id")).toString());
        const QString activity = room.value(QStringLiteral("lastActivity")).toString();
        if (!previous.isEmpty())
            QVERIFY2(activity <= previous,
                     qPrintable(activity + QStringLiteral(" after ") + previous));
        previous = activity;
    }
    QCOMPARE(ids.size(), 2500);
    QCOMPARE(emulator.requestCount(QStringLiteral("/v1/rooms")), 4);

    // Default max is 100.
    const Reply defaults = api(emulator, QStringLiteral("/rooms"), token);
    QCOMPARE(defaults.json().value(QStringLiteral("items")).toArray().size(), 100);
    QVERIFY(defaults.nextLink().isValid());
}

void TestEmulator::roomsMaxOutOfRange_data()
{
    QTest::addColumn<QString>("max");
    QTest::newRow("0") << QStringLiteral("0");
    QTest::newRow("1001") << QStringLiteral("1001");
    QTest::newRow("-5") << QStringLiteral("-5");
    QTest::newRow("abc") << QStringLiteral("abc");
}

void TestEmulator::roomsMaxOutOfRange()
{
    QFETCH(QString, max);
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    verifyWebexError(
        api(emulator, QStringLiteral("/rooms?max=") + max, emulator.issueAccessToken()), 400);
}

void TestEmulator::roomsInvalidCursorIs400()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    verifyWebexError(api(emulator, QStringLiteral("/rooms?cursor=%%%"), token), 400);
    verifyWebexError(api(emulator, QStringLiteral("/rooms?cursor=bm90anNvbg"), token), 400);
    verifyWebexError(api(emulator, QStringLiteral("/rooms?sortBy=title"), token), 400);
    verifyWebexError(api(emulator, QStringLiteral("/rooms?type=channel"), token), 400);
}

void TestEmulator::roomsTypeFilterSurvivesPaging()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    int pages = 0;
    const QJsonArray direct =
        collect(QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms?type=direct&max=20")),
                token, &pages);
    QCOMPARE(direct.size(), 90); // 30 % of 300
    QCOMPARE(pages, 5);
    for (const auto &room : direct)
        QCOMPARE(room.toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("direct"));
    const QJsonArray group = collect(
        QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms?type=group&max=100&sortBy=id")),
        token, &pages);
    QCOMPARE(group.size(), 210);
    QCOMPARE(pages, 3);
    QString previous;
    for (const auto &room : group) {
        QCOMPARE(room.toObject().value(QStringLiteral("type")).toString(), QStringLiteral("group"));
        const QString id = room.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(previous < id);
        previous = id;
    }
}

void TestEmulator::roomsTeamFilterSurvivesPaging()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    QString team;
    int expected = 0;
    for (const QString &teamId : emulator.teamIds()) {
        const Reply all = api(emulator, QStringLiteral("/rooms?max=1000&teamId=") + teamId, token);
        const int size = int(all.json().value(QStringLiteral("items")).toArray().size());
        if (size >= 3) {
            team = teamId;
            expected = size;
            break;
        }
    }
    QVERIFY2(!team.isEmpty(), "seeded data should have a team with three spaces");
    int pages = 0;
    const QJsonArray rooms =
        collect(QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms?max=1&teamId=") + team),
                token, &pages);
    QCOMPARE(rooms.size(), expected);
    QCOMPARE(pages, expected);
    for (const auto &room : rooms)
        QCOMPARE(room.toObject().value(QStringLiteral("teamId")).toString(), team);
    verifyWebexError(api(emulator, QStringLiteral("/rooms?teamId=unknown"), token), 404);
}

void TestEmulator::roomItemFields()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QJsonArray rooms =
        apiItems(emulator, QStringLiteral("/rooms?max=1000"), emulator.issueAccessToken());
    QCOMPARE(rooms.size(), 300);
    int withTeam = 0, withDescription = 0, withAnnouncement = 0, locked = 0;
    for (const auto &value : rooms) {
        const QJsonObject room = value.toObject();
        for (const char *field :
             {"id", "title", "type", "lastActivity", "creatorId", "created", "ownerId"})
            QVERIFY2(room.value(QLatin1String(field)).isString(), field);
        for (const char *field : {"isLocked", "isPublic", "isReadOnly"})
            QVERIFY2(room.value(QLatin1String(field)).isBool(), field);
        QVERIFY(decodeId(room.value(QStringLiteral("id")).toString())
                    .startsWith(QLatin1String("ciscospark://us/ROOM/")));
        withTeam += room.contains(QStringLiteral("teamId"));
        withDescription += room.contains(QStringLiteral("description"));
        withAnnouncement += room.contains(QStringLiteral("isAnnouncementOnly"));
        locked += room.value(QStringLiteral("isLocked")).toBool();
        if (room.contains(QStringLiteral("teamId")))
            QVERIFY(decodeId(room.value(QStringLiteral("teamId")).toString())
                        .startsWith(QLatin1String("ciscospark://us/TEAM/")));
    }
    // Optional fields are present on some items and absent on others.
    QVERIFY(withTeam > 0 && withTeam < 300);
    QVERIFY(withDescription > 0 && withDescription < 300);
    QVERIFY(withAnnouncement > 0 && withAnnouncement < 300);
    QVERIFY(locked > 0 && locked < 300);
}

void TestEmulator::directRoomTitledWithOtherPerson()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QJsonObject room =
        apiItems(emulator, QStringLiteral("/rooms?type=direct&max=1"), token).at(0).toObject();
    const QString roomId = room.value(QStringLiteral("id")).toString();
    const QJsonArray members =
        apiItems(emulator, QStringLiteral("/memberships?roomId=") + roomId, token);
    QCOMPARE(members.size(), 2);
    QString other;
    for (const auto &member : members) {
        const QJsonObject m = member.toObject();
        QCOMPARE(m.value(QStringLiteral("roomId")).toString(), roomId);
        if (m.value(QStringLiteral("personEmail")).toString() != emulator.userEmail())
            other = m.value(QStringLiteral("personDisplayName")).toString();
    }
    QVERIFY(!other.isEmpty());
    QCOMPARE(room.value(QStringLiteral("title")).toString(), other);
}

void TestEmulator::nonAsciiTitlesRoundTripAsUtf8()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply =
        api(emulator, QStringLiteral("/rooms?max=1000"), emulator.issueAccessToken());
    QCOMPARE(reply.status, 200);
    // Raw UTF-8 on the wire, not \u escapes.
    QVERIFY(reply.body.contains(QStringLiteral("東京チーム").toUtf8()));
    QSet<QString> titles;
    for (const auto &room : reply.json().value(QStringLiteral("items")).toArray())
        titles.insert(room.toObject().value(QStringLiteral("title")).toString());
    for (const QString &expected : {QStringLiteral("Café Zürich"), QStringLiteral("Ωmega"),
                                    QStringLiteral("東京チーム"), QStringLiteral("Ünïcödé")}) {
        QVERIFY2(titles.contains(expected), qPrintable(expected));
        QVERIFY(!emulator.roomIdByTitle(expected).isEmpty());
    }
}

void TestEmulator::tenThousandRoomsPageCompletely()
{
    EmulatorOptions options;
    options.roomCount = 10000;
    QElapsedTimer timer;
    timer.start();
    WebexEmulator emulator(options);
    qInfo("seeding 10000 rooms took %lld ms", timer.elapsed());
    QCOMPARE(emulator.roomCount(), 10000);
    QVERIFY(emulator.listen());
    int pages = 0;
    const QJsonArray rooms =
        collect(QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms?max=1000")),
                emulator.issueAccessToken(), &pages);
    QCOMPARE(pages, 10);
    QSet<QString> ids;
    for (const auto &room : rooms)
        ids.insert(room.toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(ids.size(), 10000);
}

void TestEmulator::teamsList()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QJsonArray teams =
        apiItems(emulator, QStringLiteral("/teams"), emulator.issueAccessToken());
    QCOMPARE(teams.size(), emulator.teamIds().size());
    QVERIFY(teams.size() >= 3);
    for (const auto &value : teams) {
        const QJsonObject team = value.toObject();
        QVERIFY(!team.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!team.value(QStringLiteral("created")).toString().isEmpty());
        QVERIFY(decodeId(team.value(QStringLiteral("id")).toString())
                    .startsWith(QLatin1String("ciscospark://us/TEAM/")));
    }
}

void TestEmulator::peopleBatchById()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QStringList people = emulator.personIds();
    const QStringList five = people.mid(3, 5);
    const Reply reply =
        api(emulator, QStringLiteral("/people?id=") + five.join(QLatin1Char(',')), token);
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const QJsonObject person = items.at(i).toObject();
        QCOMPARE(person.value(QStringLiteral("id")).toString(), five.at(i));
        QVERIFY(!person.value(QStringLiteral("displayName")).toString().isEmpty());
        QVERIFY(person.value(QStringLiteral("emails")).toArray().size() == 1);
    }
    QCOMPARE(apiItems(emulator,
                      QStringLiteral("/people?id=") + people.mid(1, 85).join(QLatin1Char(',')),
                      token)
                 .size(),
             85);
    verifyWebexError(api(emulator,
                         QStringLiteral("/people?id=") + people.mid(1, 86).join(QLatin1Char(',')),
                         token),
                     400);
    verifyWebexError(api(emulator, QStringLiteral("/people"), token), 400);
}

void TestEmulator::peopleByEmail()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const Reply reply = api(emulator,
                            QStringLiteral("/people?email=") +
                                QString::fromLatin1(QUrl::toPercentEncoding(emulator.userEmail())),
                            emulator.issueAccessToken());
    const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("displayName")).toString(),
             emulator.userDisplayName());
}

void TestEmulator::messagesPageNewestFirst()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    QString roomId;
    for (const QString &id : emulator.roomIds()) {
        if (emulator.messageCount(id) > 100) {
            roomId = id;
            break;
        }
    }
    QVERIFY(!roomId.isEmpty());
    const int total = emulator.messageCount(roomId);
    int pages = 0;
    QList<int> sizes;
    const QJsonArray messages =
        collect(QUrl(emulator.baseUrl().toString() + QStringLiteral("/messages?roomId=") + roomId),
                token, &pages, &sizes);
    QCOMPARE(messages.size(), total);
    QCOMPARE(sizes.first(), 50);
    QCOMPARE(pages, (total + 49) / 50);
    QSet<QString> ids;
    QString previous;
    for (const auto &value : messages) {
        const QJsonObject m = value.toObject();
        ids.insert(m.value(QStringLiteral("id")).toString());
        QCOMPARE(m.value(QStringLiteral("roomId")).toString(), roomId);
        QVERIFY(!m.value(QStringLiteral("personId")).toString().isEmpty());
        QVERIFY(m.value(QStringLiteral("personEmail")).toString().contains(QLatin1Char('@')));
        QVERIFY(!m.value(QStringLiteral("text")).toString().isEmpty());
        const QString created = m.value(QStringLiteral("created")).toString();
        if (!previous.isEmpty())
            QVERIFY(created <= previous);
        previous = created;
    }
    QCOMPARE(ids.size(), total);
    // The newest message is the room's last activity.
    const QJsonObject room = api(emulator, QStringLiteral("/rooms/") + roomId, token).json();
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("created")).toString(),
             room.value(QStringLiteral("lastActivity")).toString());
    verifyWebexError(api(emulator, QStringLiteral("/messages"), token), 400);
    verifyWebexError(api(emulator, QStringLiteral("/messages?roomId=nope"), token), 404);
}

void TestEmulator::messagesBeforeMessage()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = emulator.roomIdByTitle(QStringLiteral("Café Zürich"));
    const QJsonArray newest =
        apiItems(emulator, QStringLiteral("/messages?max=3&roomId=") + roomId, token);
    QCOMPARE(newest.size(), 3);
    const QString pivot = newest.at(1).toObject().value(QStringLiteral("id")).toString();
    const Reply before =
        api(emulator,
            QStringLiteral("/messages?max=1&roomId=%1&beforeMessage=%2").arg(roomId, pivot), token);
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             newest.at(2).toObject().value(QStringLiteral("id")).toString());
    const QString time = newest.at(1).toObject().value(QStringLiteral("created")).toString();
    const Reply byTime = api(
        emulator, QStringLiteral("/messages?max=1&roomId=%1&before=%2").arg(roomId, time), token);
    QCOMPARE(byTime.json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             newest.at(2).toObject().value(QStringLiteral("id")).toString());
    verifyWebexError(
        api(emulator, QStringLiteral("/messages?roomId=%1&beforeMessage=nope").arg(roomId), token),
        400);
}

void TestEmulator::postMessage()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = apiItems(emulator, QStringLiteral("/rooms?type=direct&max=1"), token)
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const int before = emulator.messageCount(roomId);
    const QString text = QStringLiteral("Grüße aus Zürich 🚀 — 東京");
    const Reply reply =
        postJson(emulator, QStringLiteral("/messages"),
                 {{QStringLiteral("roomId"), roomId}, {QStringLiteral("text"), text}}, token);
    QCOMPARE(reply.status, 200);
    const QJsonObject created = reply.json();
    QCOMPARE(created.value(QStringLiteral("text")).toString(), text);
    QCOMPARE(created.value(QStringLiteral("roomId")).toString(), roomId);
    QCOMPARE(created.value(QStringLiteral("roomType")).toString(), QStringLiteral("direct"));
    QCOMPARE(created.value(QStringLiteral("personEmail")).toString(), emulator.userEmail());
    QVERIFY(decodeId(created.value(QStringLiteral("id")).toString())
                .startsWith(QLatin1String("ciscospark://us/MESSAGE/")));
    QCOMPARE(emulator.messageCount(roomId), before + 1);

    const QJsonObject newest =
        apiItems(emulator, QStringLiteral("/messages?max=1&roomId=") + roomId, token)
            .at(0)
            .toObject();
    QCOMPARE(newest.value(QStringLiteral("id")), created.value(QStringLiteral("id")));
    const QJsonObject room = api(emulator, QStringLiteral("/rooms/") + roomId, token).json();
    QCOMPARE(room.value(QStringLiteral("lastActivity")), created.value(QStringLiteral("created")));

    const Reply markdown = postJson(emulator, QStringLiteral("/messages"),
                                    {{QStringLiteral("roomId"), roomId},
                                     {QStringLiteral("markdown"), QStringLiteral("**bold** move")}},
                                    token);
    QCOMPARE(markdown.status, 200);
    QCOMPARE(markdown.json().value(QStringLiteral("markdown")).toString(),
             QStringLiteral("**bold** move"));
    QCOMPARE(markdown.json().value(QStringLiteral("text")).toString(), QStringLiteral("bold move"));

    verifyWebexError(postJson(emulator, QStringLiteral("/messages"),
                              {{QStringLiteral("roomId"), roomId}}, token),
                     400);
    verifyWebexError(
        postJson(emulator, QStringLiteral("/messages"), {{QStringLiteral("text"), text}}, token),
        400);
    verifyWebexError(postJson(emulator, QStringLiteral("/messages"),
                              {{QStringLiteral("roomId"), QStringLiteral("nope")},
                               {QStringLiteral("text"), text}},
                              token),
                     404);
}

void TestEmulator::someoneElsePostsAndTheRoomMovesUp()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    // The space that sorts last by activity: after the post it must sort first.
    const QJsonArray rooms =
        apiItems(emulator, QStringLiteral("/rooms?sortBy=lastactivity&max=1000"), token);
    QCOMPARE(rooms.size(), emulator.roomCount());
    const QString roomId = rooms.last().toObject().value(QStringLiteral("id")).toString();
    const int before = emulator.messageCount(roomId);

    QVERIFY(emulator.postFromSomeoneElse(roomId, QStringLiteral("Anyone there?")));
    QCOMPARE(emulator.messageCount(roomId), before + 1);
    const QJsonObject newest =
        apiItems(emulator, QStringLiteral("/messages?max=1&roomId=") + roomId, token)
            .at(0)
            .toObject();
    QCOMPARE(newest.value(QStringLiteral("text")).toString(), QStringLiteral("Anyone there?"));
    QVERIFY(!newest.value(QStringLiteral("personEmail")).toString().isEmpty());
    QVERIFY(newest.value(QStringLiteral("personEmail")).toString() != emulator.userEmail());
    const QJsonObject first =
        apiItems(emulator, QStringLiteral("/rooms?sortBy=lastactivity&max=1"), token)
            .at(0)
            .toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), roomId);
    QCOMPARE(first.value(QStringLiteral("lastActivity")), newest.value(QStringLiteral("created")));

    QVERIFY(!emulator.postFromSomeoneElse(QStringLiteral("nope"), QStringLiteral("x")));
    QVERIFY(!emulator.postFromSomeoneElse(roomId, QString()));
}

void TestEmulator::liveActivityPostsInSpaces()
{
    EmulatorOptions options;
    options.roomCount = 5;
    WebexEmulator emulator(options);
    QVERIFY(emulator.listen());
    int before = 0;
    for (const QString &id : emulator.roomIds())
        before += emulator.messageCount(id);
    const auto total = [&emulator] {
        int messages = 0;
        for (const QString &id : emulator.roomIds())
            messages += emulator.messageCount(id);
        return messages;
    };
    emulator.setLiveActivity(std::chrono::milliseconds(20));
    QTRY_VERIFY_WITH_TIMEOUT(total() >= before + 3, 5000);
    emulator.setLiveActivity(std::chrono::milliseconds(0));
    const int stopped = total();
    QTest::qWait(100); // five intervals: nothing may arrive once stopped
    QCOMPARE(total(), stopped);
}

void TestEmulator::postMessageTooLongIs400()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = apiItems(emulator, QStringLiteral("/rooms?type=direct&max=1"), token)
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    // 7439 bytes is the limit; "é" is two bytes in UTF-8.
    const QString atLimit = QString(7437, QLatin1Char('a')) + QStringLiteral("é");
    QCOMPARE(atLimit.toUtf8().size(), 7439);
    QCOMPARE(postJson(emulator, QStringLiteral("/messages"),
                      {{QStringLiteral("roomId"), roomId}, {QStringLiteral("text"), atLimit}},
                      token)
                 .status,
             200);
    const QString over = QString(7438, QLatin1Char('a')) + QStringLiteral("é");
    verifyWebexError(
        postJson(emulator, QStringLiteral("/messages"),
                 {{QStringLiteral("roomId"), roomId}, {QStringLiteral("markdown"), over}}, token),
        400);
    verifyWebexError(postJson(emulator, QStringLiteral("/messages"),
                              {{QStringLiteral("roomId"), roomId}, {QStringLiteral("text"), over}},
                              token),
                     400);
}

void TestEmulator::rateLimitKnob()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.rateLimitNext(2, 7);
    for (int i = 0; i < 2; ++i) {
        const Reply limited = api(emulator, QStringLiteral("/people/me"), token);
        verifyWebexError(limited, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
    }
    const Reply ok = api(emulator, QStringLiteral("/people/me"), token);
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.header("Retry-After").isEmpty());
    QCOMPARE(emulator.requestCount(QStringLiteral("/v1/people/me")), 3);

    // The consent page is not an API call: faults leave it alone.
    emulator.rateLimitNext(1, 1);
    QCOMPARE(get(authorizeUrl(emulator)).status, 200);
    verifyWebexError(api(emulator, QStringLiteral("/rooms"), token), 429);
}

void TestEmulator::serverErrorKnob()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.failNext(2, 502);
    verifyWebexError(api(emulator, QStringLiteral("/rooms"), token), 502);
    // The token endpoint is an API call too.
    verifyWebexError(refresh(emulator, QStringLiteral("whatever")), 502);
    QCOMPARE(api(emulator, QStringLiteral("/rooms"), token).status, 200);
    emulator.failNext(1);
    verifyWebexError(api(emulator, QStringLiteral("/rooms"), token), 503);
    QCOMPARE(api(emulator, QStringLiteral("/rooms"), token).status, 200);
}

void TestEmulator::faultPathNarrowsTheFaultsToOnePath()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setFaultPath(QStringLiteral("/v1/people/me"));
    emulator.rateLimitNext(1, 3600);
    emulator.failNext(1, 500);
    // Elsewhere nothing happens, and nothing is used up.
    QCOMPARE(api(emulator, QStringLiteral("/rooms"), token).status, 200);
    QCOMPARE(api(emulator, QStringLiteral("/teams"), token).status, 200);
    const Reply limited = api(emulator, QStringLiteral("/people/me"), token);
    verifyWebexError(limited, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("3600"));
    verifyWebexError(api(emulator, QStringLiteral("/people/me"), token), 500);
    QCOMPARE(api(emulator, QStringLiteral("/people/me"), token).status, 200);

    // Back to every path.
    emulator.setFaultPath(QString());
    emulator.rateLimitNext(1, 5);
    verifyWebexError(api(emulator, QStringLiteral("/rooms"), token), 429);
}

void TestEmulator::cutOffBodiesCloseTheConnectionMidBody()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setFaultPath(QStringLiteral("/v1/rooms"));
    emulator.cutOffNext(1);
    // Another path, and a POST, are answered in full and use nothing up.
    QCOMPARE(api(emulator, QStringLiteral("/people/me"), token).status, 200);
    const Reply posted = postJson(emulator, QStringLiteral("/messages"),
                                  {{QStringLiteral("roomId"), emulator.roomIds().first()},
                                   {QStringLiteral("text"), QStringLiteral("hi")}},
                                  token);
    QVERIFY(posted.status == 200 || posted.status == 403); // whole, in either case
    QVERIFY(!posted.json().isEmpty());

    // On the wire, read by hand: a whole Content-Length, half the body, then the end.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, emulator.serverPort());
    QVERIFY(socket.waitForConnected(15000));
    socket.write("GET /v1/rooms?max=100 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 token.toLatin1() + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT(
        (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 15000);
    received += socket.readAll();
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY2(headEnd > 0, received.left(200).constData());
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.left(200).constData());
    static const QRegularExpression lengthHeader(QStringLiteral("\r\ncontent-length: *(\\d+)\r\n"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch length =
        lengthHeader.match(QString::fromLatin1(received.left(headEnd + 2)));
    QVERIFY(length.hasMatch());
    const qsizetype announced = length.captured(1).toLongLong();
    const qsizetype body = received.size() - headEnd - 4;
    QVERIFY2(announced > 1000, qPrintable(QString::number(announced)));
    QCOMPARE(body, announced / 2);

    // Through Qt's HTTP stack, as the app reads it: an error with a partial body.
    emulator.cutOffNext(1);
    QNetworkRequest request(QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms")));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    // Used up: the next answer is whole.
    const Reply whole = api(emulator, QStringLiteral("/rooms"), token);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.json().value(QStringLiteral("items")).toArray().size(), 100);
}

void TestEmulator::hostileDisplayNameHasTheAskedSize()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    constexpr qint64 Bytes = 3 * 1000 * 1000 + 7;
    emulator.setHostileDisplayNameBytes(Bytes);
    const Reply me = api(emulator, QStringLiteral("/people/me"), token);
    QCOMPARE(me.status, 200);
    QVERIFY(me.body.size() > Bytes);
    const QString name = me.json().value(QStringLiteral("displayName")).toString();
    QCOMPARE(name.toUtf8().size(), Bytes);
    QVERIFY(name.contains(QStringLiteral("Ωmega")));
    // The same person wherever Webex answers with them.
    const QJsonArray batch =
        apiItems(emulator, QStringLiteral("/people?id=") + emulator.personIds().first(), token);
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.at(0).toObject().value(QStringLiteral("displayName")).toString(), name);
    // Others keep theirs.
    const QJsonArray other =
        apiItems(emulator, QStringLiteral("/people?id=") + emulator.personIds().at(1), token);
    QCOMPARE(other.at(0).toObject().value(QStringLiteral("displayName")).toString(),
             emulator.personDisplayName(1));

    emulator.setHostileDisplayNameBytes(0);
    QCOMPARE(apiItems(emulator, QStringLiteral("/people?id=") + emulator.personIds().first(), token)
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("displayName"))
                 .toString(),
             emulator.userDisplayName());
}

void TestEmulator::hostileNestedMessagesNestThatDeep()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    constexpr int Depth = 20000;
    const QString roomId = emulator.addHostileNestedMessages(Depth);
    QCOMPARE(roomId, emulator.roomIds().first());
    // It is now the most recently active space.
    const QJsonArray recent =
        apiItems(emulator, QStringLiteral("/rooms?sortBy=lastactivity&max=1"), token);
    QCOMPARE(recent.at(0).toObject().value(QStringLiteral("id")).toString(), roomId);

    const Reply page = api(emulator, QStringLiteral("/messages?max=2&roomId=") + roomId, token);
    QCOMPARE(page.status, 200);
    // Raw on the wire: nothing escaped, every level there.
    QCOMPARE(page.body.count("<blockquote><ul><li>"), Depth);
    QCOMPARE(page.body.count("</li></ul></blockquote>"), Depth);
    QCOMPARE(page.body.count("<b><i>"), Depth);
    QCOMPARE(page.body.count("</i></b>"), Depth);
    const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("html")).toString(),
             HostileContent::nestedBlockHtml(Depth)); // newest first
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("html")).toString(),
             HostileContent::nestedInlineHtml(Depth));
    QVERIFY(!items.at(0).toObject().value(QStringLiteral("text")).toString().isEmpty());
}

void TestEmulator::hostileTitlesGoOutAsTheyAre()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QList<HostileContent::Title> titles = HostileContent::titles();
    const QStringList ids = emulator.setHostileTitles();
    QCOMPARE(ids.size(), titles.size());
    for (int i = 0; i < titles.size(); ++i) {
        const Reply room = api(emulator, QStringLiteral("/rooms/") + ids.at(i), token);
        QCOMPARE(room.status, 200);
        QCOMPARE(room.json().value(QStringLiteral("title")).toString(), titles.at(i).title);
    }
    // On the wire: the override as UTF-8, the NUL and the newline as JSON escapes.
    const Reply all = api(emulator, QStringLiteral("/rooms?max=1000"), token);
    QVERIFY(all.body.contains("invoice\xe2\x80\xae"
                              "fdp.exe"));
    QVERIFY(all.body.contains("Before\\u0000After"));
    QVERIFY(all.body.contains("First line\\nSecond line\\r\\nThird line"));
    QVERIFY(all.body.contains("\"title\":\"\""));
    QSet<QString> listed;
    for (const auto &room : all.json().value(QStringLiteral("items")).toArray())
        listed.insert(room.toObject().value(QStringLiteral("title")).toString());
    for (const auto &title : titles)
        QVERIFY2(listed.contains(title.title), qPrintable(title.name));
}

void TestEmulator::invalidUtf8TitleIsInvalidOnTheWire()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    const QString roomId = emulator.setInvalidUtf8Title();
    QVERIFY(!roomId.isEmpty());
    // On the first page of what the app asks for.
    const Reply page = api(emulator, QStringLiteral("/rooms?max=1000&sortBy=lastactivity"), token);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(HostileContent::invalidUtf8Title()));
    QVERIFY(!page.body.contains(HostileContent::invalidUtf8Placeholder()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(page.body));
    QVERIFY(decoder.hasError());
    QJsonParseError error{};
    (void)QJsonDocument::fromJson(page.body, &error);
    QCOMPARE(error.error, QJsonParseError::IllegalUTF8String);
    // Only that title: with it put right, the rest of the page is valid JSON.
    QByteArray repaired = page.body;
    repaired.replace(HostileContent::invalidUtf8Title(), "fine");
    const QJsonDocument document = QJsonDocument::fromJson(repaired, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(QStringLiteral("items")).toArray().size(),
             emulator.roomCount());
    // The space alone carries it too.
    QVERIFY(api(emulator, QStringLiteral("/rooms/") + roomId, token)
                .body.contains(HostileContent::invalidUtf8Title()));
}

void TestEmulator::endlessPagingNeverEnds()
{
    EmulatorOptions options;
    options.roomCount = 10;
    WebexEmulator emulator(options);
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setEndlessRoomPaging(3);
    QUrl url(emulator.baseUrl().toString() + QStringLiteral("/rooms?max=1000&sortBy=lastactivity"));
    QSet<QString> urls;
    QSet<QString> ids;
    QList<int> sizes;
    for (int page = 0; page < 8; ++page) {
        const Reply reply = get(url, token);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
        sizes.append(int(items.size()));
        for (const auto &item : items)
            ids.insert(item.toObject().value(QStringLiteral("id")).toString());
        url = reply.nextLink();
        QVERIFY2(url.isValid(), qPrintable(QStringLiteral("no next link after page %1").arg(page)));
        // Every link is new: a client cannot tell the loop by a repeated URL.
        QVERIFY(!urls.contains(url.toString()));
        urls.insert(url.toString());
    }
    QCOMPARE(sizes, (QList<int>{3, 3, 3, 1, 0, 0, 0, 0}));
    QCOMPARE(ids.size(), 10);
}

void TestEmulator::profileWrongTypesKeepsOnlyTheId()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setProfileWrongTypes(true);
    const QJsonObject me = api(emulator, QStringLiteral("/people/me"), token).json();
    QCOMPARE(me.value(QStringLiteral("id")).toString(), emulator.personIds().first());
    QVERIFY(me.value(QStringLiteral("displayName")).isDouble());
    QVERIFY(me.value(QStringLiteral("emails")).isString());
    QVERIFY(me.value(QStringLiteral("avatar")).isObject());
    QVERIFY(me.value(QStringLiteral("created")).isDouble());
    QVERIFY(me.value(QStringLiteral("status")).isArray());
    QVERIFY(me.value(QStringLiteral("firstName")).isBool());
    // Only the profile: the same person in a batch keeps Webex's types.
    const QJsonObject same =
        apiItems(emulator, QStringLiteral("/people?id=") + emulator.personIds().first(), token)
            .at(0)
            .toObject();
    QCOMPARE(same.value(QStringLiteral("displayName")).toString(), emulator.userDisplayName());
    QVERIFY(same.value(QStringLiteral("emails")).isArray());
}

void TestEmulator::helpListsEveryKnob()
{
    QProcess program;
    program.start(QStringLiteral(WEBEX_EMULATOR_PATH), {QStringLiteral("--help")});
    QVERIFY(program.waitForFinished(30000));
    QCOMPARE(program.exitCode(), 0);
    const QString help = QString::fromUtf8(program.readAllStandardOutput());
    for (const char *option :
         {"--rate-limit <N>", "--retry-after <seconds>", "--server-errors <N>",
          "--server-error-status <status>", "--fault-path <path>", "--cut-off-bodies <N>",
          "--hostile-display-name-bytes <N>", "--hostile-nested-message <DEPTH>",
          "--hostile-titles", "--invalid-utf8-title", "--endless-paging <N>",
          "--profile-wrong-types", "--latency-ms <ms>", "--live-activity <seconds>"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
}

void TestEmulator::latencyDoesNotBlockTheThread()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setLatency(std::chrono::milliseconds(300));
    QSignalSpy served(&emulator, &WebexEmulator::requestServed);

    // A request that has arrived but is not yet answered can only be seen from the event
    // loop if the emulator waits with a timer; a blocking wait would hide that state.
    bool sawPending = false;
    QTimer probe;
    probe.setInterval(5);
    connect(&probe, &QTimer::timeout, this, [&] {
        if (emulator.requestCount(QStringLiteral("/v1/people/me")) == 2 && served.isEmpty())
            sawPending = true;
    });
    probe.start();

    QNetworkRequest request(QUrl(emulator.baseUrl().toString() + QStringLiteral("/people/me")));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> first(m_nam.get(request));
    std::unique_ptr<QNetworkReply> second(m_nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() && second->isFinished(), 15000);
    probe.stop();
    QVERIFY(sawPending);
    QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(served.size(), 2);
    QCOMPARE(served.at(0).at(0).toString(), QStringLiteral("GET"));
    QCOMPARE(served.at(0).at(2).toInt(), 200);
}

void TestEmulator::clientGivingUpDuringLatencyIsHarmless()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    emulator.setLatency(std::chrono::milliseconds(200));
    QNetworkRequest request(QUrl(emulator.baseUrl().toString() + QStringLiteral("/rooms")));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *abandoned = m_nam.get(request);
    QTRY_COMPARE_WITH_TIMEOUT(emulator.requestCount(QStringLiteral("/v1/rooms")), 1, 15000);
    abandoned->abort();
    abandoned->deleteLater();
    QTest::qWait(400); // the delayed answer now has no socket to go to
    emulator.setLatency(std::chrono::milliseconds(0));
    QCOMPARE(api(emulator, QStringLiteral("/rooms"), token).status, 200);
}

void TestEmulator::unknownPathIs404WithWebexBody()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    verifyWebexError(api(emulator, QStringLiteral("/nothing-here"), token), 404);
    verifyWebexError(get(QUrl(emulator.baseUrl().adjusted(QUrl::RemovePath).toString() +
                              QStringLiteral("/elsewhere"))),
                     404);
    verifyWebexError(api(emulator, QStringLiteral("/rooms/unknown"), token), 404);
}

void TestEmulator::seededDataIsDeterministic()
{
    EmulatorOptions options;
    options.seed = 42;
    WebexEmulator a(options);
    WebexEmulator b(options);
    QCOMPARE(a.roomIds(), b.roomIds());
    QCOMPARE(a.personIds(), b.personIds());
    QCOMPARE(a.userDisplayName(), b.userDisplayName());
    options.seed = 43;
    WebexEmulator c(options);
    QVERIFY(a.roomIds() != c.roomIds());
    QVERIFY(decodeId(a.roomIds().first()).startsWith(QLatin1String("ciscospark://us/ROOM/")));
}

void TestEmulator::introspectionRecordsRequests()
{
    WebexEmulator emulator;
    QVERIFY(emulator.listen());
    const QString token = emulator.issueAccessToken();
    QCOMPARE(api(emulator, QStringLiteral("/rooms?max=5&type=group"), token).status, 200);
    QCOMPARE(api(emulator, QStringLiteral("/teams"), QString()).status, 401);
    const QList<QUrl> urls = emulator.requestedUrls();
    QCOMPARE(urls.size(), 2);
    QCOMPARE(urls.at(0).toString(), QStringLiteral("/v1/rooms?max=5&type=group"));
    QCOMPARE(urls.at(1).toString(), QStringLiteral("/v1/teams"));
    QCOMPARE(emulator.requestCount(QStringLiteral("/v1/teams")), 1);
    QCOMPARE(emulator.requestCount(QStringLiteral("/v1/people")), 0);
}

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
