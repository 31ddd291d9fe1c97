#include "profilecontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "logging.h"
#include "mainwindow.h"
#include "model/person.h"
#include "statebanner.h"

ProfileController::ProfileController(MainWindow *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    connect(m_window, &MainWindow::profileRetryRequested, this, [this] {
        // While people/me waits for its next attempt, the button says "Retry now".
        if (m_waiting && m_client)
            m_client->retryNow();
        else
            load();
    });
}

// Out of line: WebexClient is complete here.
ProfileController::~ProfileController() = default;

void ProfileController::begin(WebexClient *client)
{
    end();
    m_client = client;
    connect(client, &WebexClient::meFetched, this, [this](const Person &me) {
        m_waiting = false;
        // Without a name or an address (absent, blank, or of the wrong JSON type) the header
        // would be empty and say nothing: say that the profile could not be read instead.
        if (me.shownName().isEmpty()) {
            qCWarning(lcApi) << "people/me came without a display name or an e-mail address";
            m_window->showProfileProblem(
                tr("Your profile could not be read: Webex sent it without a name or an e-mail "
                   "address."));
            return;
        }
        m_window->showProfile(me);
        m_shown = true;
        emit profileShown(me);
    });
    connect(client, &WebexClient::meFailed, this, [this](const ApiError &error) {
        m_waiting = false;
        m_window->showProfileProblem(error.userMessage());
    });
    connect(client, &WebexClient::retryWaiting, this,
            [this](WebexClient::CallKind call, const QString &, const QDateTime &retryAt,
                   const ApiError &reason) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                if (call != WebexClient::CallKind::Me ||
                    now.msecsTo(retryAt) < StateBanner::ShortestWaitSaidMs)
                    return;
                m_waiting = true;
                m_window->showProfileWaiting(reason.waitSentence(retryAt, now));
            });
    connect(client, &WebexClient::retryStarted, this,
            [this](WebexClient::CallKind call, const QString &) {
                if (call != WebexClient::CallKind::Me || !m_waiting)
                    return;
                m_waiting = false;
                m_window->showProfileLoading();
            });
}

void ProfileController::end()
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
    m_waiting = false;
    m_shown = false;
}

void ProfileController::load()
{
    if (!m_client)
        return;
    m_waiting = false;
    m_window->showProfileLoading();
    m_client->fetchMe();
}
