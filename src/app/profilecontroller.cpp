#include "profilecontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
#include "logging.h"
#include "mainwindow.h"
#include "model/person.h"

ProfileController::ProfileController(MainWindow *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    connect(m_window, &MainWindow::profileRetryRequested, this, &ProfileController::load);
}

// Out of line: WebexClient is complete here.
ProfileController::~ProfileController() = default;

void ProfileController::begin(WebexClient *client)
{
    end();
    m_client = client;
    connect(client, &WebexClient::meFetched, this, [this](const Person &me) {
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
        emit profileShown(me);
    });
    connect(client, &WebexClient::meFailed, this,
            [this](const ApiError &error) { m_window->showProfileProblem(error.userMessage()); });
}

void ProfileController::end()
{
    if (m_client)
        m_client->disconnect(this);
    m_client = nullptr;
}

void ProfileController::load()
{
    if (!m_client)
        return;
    m_window->showProfileLoading();
    m_client->fetchMe();
}
