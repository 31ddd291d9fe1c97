// The main window's profile header (ProfileController) against answers of people/me that cannot
// be shown as they are: fields of the wrong JSON type, fields missing or blank, text that is
// not UTF-8. The header says the profile could not be read, with Retry, instead of staying
// empty; Retry against a good answer shows it. Against a ScriptedWebex, which sends exactly the
// bytes written here (the emulator only sends well-formed profiles).

#include "mainwindow.h"
#include "model/person.h"
#include "profilecontroller.h"
#include "scriptedwebex.h"
#include "shownprofile.h"
#include "statebanner.h"

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
    std::unique_ptr<ScriptedWebex> m_webex;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ProfileController> m_profile;
    QByteArray m_answer;
};

void TestProfileHeader::init()
{
    m_webex = std::make_unique<ScriptedWebex>();
    QVERIFY(m_webex->start());
    m_webex->server()->setHandler([this](const ScriptedWebex::Request &) {
        return ScriptedWebex::Response::json(200, m_answer);
    });
    m_window = std::make_unique<MainWindow>();
    m_window->showWorkspace();
    m_profile = std::make_unique<ProfileController>(m_window.get());
    m_profile->begin(m_webex->client());
}

void TestProfileHeader::cleanup()
{
    m_profile.reset();
    m_window.reset();
    m_webex.reset();
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
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Your profile could not be loaded."));
    QVERIFY(ShownProfile::email(*m_window).isEmpty());
    QVERIFY(banner->retryButton()->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Webex Desk"));
    QVERIFY(shown.isEmpty());

    // Retry, and this time Webex sends a profile that can be read.
    m_answer = GoodProfile;
    banner->retryButton()->click();
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("Ada Lovelace"));
    QCOMPARE(ShownProfile::email(*m_window), QStringLiteral("ada@example.com"));
    QCOMPARE(banner->state(), StateBanner::State::Hidden);
}

// Only the name of the wrong type: the address is what the header shows as the name.
void TestProfileHeader::anAddressStandsInForAMissingName()
{
    m_answer = "{\"id\":\"ME\",\"displayName\":[\"Ada\"],\"emails\":[\"ada@example.com\"]}";
    QSignalSpy shown(m_profile.get(), &ProfileController::profileShown);
    m_profile->load();
    QVERIFY(shown.wait(WaitMs));
    QCOMPARE(ShownProfile::name(*m_window), QStringLiteral("ada@example.com"));
    QCOMPARE(m_window->profileBanner()->state(), StateBanner::State::Hidden);
}

QTEST_MAIN(TestProfileHeader)
#include "tst_profileheader.moc"
