#include "profilecontroller.h"

#include "api/apierror.h"
#include "api/webexclient.h"
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
