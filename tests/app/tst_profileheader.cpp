// The main window's profile header (ProfileController) against answers of people/me that cannot
// be shown as they are: fields of the wrong JSON type, fields missing or blank, text that is
// not UTF-8. The header says the profile could not be read, with Retry, instead of staying
// empty; Retry against a good answer shows it. Against the small test server of the unit tests,
// which sends exactly the bytes written here (the emulator only sends well-formed profiles).

#include "api/apibase.h"
#include "api/webexclient.h"
#include "mainwindow.h"
#include "model/person.h"
#include "profilecontroller.h"
#include "statebanner.h"
#include "testhttpserver.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
constexpr int WaitMs = 20000;
const QByteArray GoodProfile = "{\"id\":\"ME\",\"displayName\":\"Ada Lovelace\","
                               "\"emails\":[\"ada@example.com\"]}";
} // namespace

class TestProfileHeader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void unreadableProfileSaysSoWithRetry_data();
    void unreadableProfileSaysSoWithRetry();
    void anAddressStandsInForAMissingName();

private:
    [[nodiscard]] QLabel *label(const char *name) const
    {
        return m_window->findChild<QLabel *>(QLatin1String(name));
    }

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebexClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ProfileController> m_profile;
    QByteArray m_answer;
};

void TestProfileHeader::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setHandler([this](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, m_answer);
    });
    const std::optional<ApiBase> base =
        ApiBase::fromUserInput(m_server->url(QStringLiteral("/v1")).toString());
    QVERIFY(base);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<WebexClient>(*base, m_network.get());
    m_client->setAccessToken(QStringLiteral("test-token"));
    m_window = std::make_unique<MainWindow>();
    m_window->showWorkspace();
    m_profile = std::make_unique<ProfileController>(m_window.get());
    m_profile->begin(m_client.get());
}

void TestProfileHeader::cleanup()
{
    m_profile.reset();
    m_window.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

void TestProfileHeader::unreadableProfileSaysSoWithRetry_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("says"); // part of the banner's sentence
    QTest::addColumn<QString>("warning");

    const QString unreadable = QStringLiteral("Your profile could not be read");
    const QString noName = QStringLiteral("without a display name or an e-mail address");
    // The case: the header stayed empty and said nothing.
    QTest::newRow("displayName a number, emails not a list")
        << QByteArray("{\"id\":\"ME\",\"displayName\":5,\"emails\":\"ada@example.com\"}")
        << unreadable << noName;
    QTest::newRow("displayName an object, emails of numbers")
        << QByteArray("{\"id\":\"ME\",\"displayName\":{\"first\":\"Ada\"},\"emails\":[1,2]}")
        << unreadable << noName;
    QTest::newRow("neither field") << QByteArray("{\"id\":\"ME\"}") << unreadable << noName;
    QTest::newRow("blank name, empty list")
        << QByteArray("{\"id\":\"ME\",\"displayName\":\" \\n\\t \",\"emails\":[]}") << unreadable
        << noName;
    QTest::newRow("only controls")
        << QByteArray("{\"id\":\"ME\",\"displayName\":\"\\u202e\\u0000\",\"emails\":[\"\\r\\n\"]}")
        << unreadable << noName;
    // Refused by the client already: the header says it could not be loaded, and why.
    QTest::newRow("id a number") << QByteArray("{\"id\":5,\"displayName\":\"Ada\"}")
                                 << QStringLiteral("A person without an id was received.")
                                 << QString();
    QTest::newRow("name not UTF-8")
        << QByteArray("{\"id\":\"ME\",\"displayName\":\"Ada \xFF\xFE\"}")
        << QStringLiteral("does not understand") << QStringLiteral("outside any list entry");
}

void TestProfileHeader::unreadableProfileSaysSoWithRetry()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, says);
    QFETCH(QString, warning);
    m_answer = answer;
    if (!warning.isEmpty())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(warning)));
    QSignalSpy shown(m_profile.get(), &ProfileController::profileShown);
    StateBanner *banner = m_window->profileBanner();
    m_profile->load();
    QTRY_COMPARE_WITH_TIMEOUT(banner->state(), StateBanner::State::Error, WaitMs);
    QVERIFY2(banner->text().contains(says), qPrintable(banner->text()));
    QCOMPARE(label("nameLabel")->text(), QStringLiteral("Your profile could not be loaded."));
    QVERIFY(label("emailLabel")->text().isEmpty());
    QVERIFY(banner->retryButton()->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Webex Desk"));
    QVERIFY(shown.isEmpty());

    // Retry, and this time Webex sends a profile that can be read.
    m_answer = GoodProfile;
    banner->retryButton()->click();
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(label("nameLabel")->text(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(label("emailLabel")->text(), QStringLiteral("ada@example.com"));
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
}

// Only the name of the wrong type: the address is what the header shows as the name.
void TestProfileHeader::anAddressStandsInForAMissingName()
{
    m_answer = "{\"id\":\"ME\",\"displayName\":[\"Ada\"],\"emails\":[\"ada@example.com\"]}";
    QSignalSpy shown(m_profile.get(), &ProfileController::profileShown);
    m_profile->load();
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(label("nameLabel")->text(), QStringLiteral("ada@example.com"));
    QCOMPARE(m_window->profileBanner()->state(), StateBanner::State::Hidden);
}

QTEST_MAIN(TestProfileHeader)
#include "tst_profileheader.moc"
