#pragma once

#include <QObject>
#include <QPointer>

class MainWindow;
class Person;
class WebexClient;

// Who is signed in, in the main window's header: name, e-mail, presence and picture
// (GET people/me), with Retry when it could not be loaded, and until when it waits (with
// Retry now) when Webex asks us to wait.
class ProfileController : public QObject
{
    Q_OBJECT

public:
    explicit ProfileController(MainWindow *window, QObject *parent = nullptr);
    ~ProfileController() override;

    // A session began: calls go through `client` (owned by the caller, alive until end()).
    void begin(WebexClient *client);
    void end();
    // people/me answered in this session (profileShown was emitted).
    [[nodiscard]] bool isShown() const { return m_shown; }

public slots:
    void load();

signals:
    void profileShown(const Person &me);

private:
    MainWindow *m_window;
    QPointer<WebexClient> m_client;
    bool m_waiting = false; // people/me waits for its next attempt, and the header says so
    bool m_shown = false;
};
