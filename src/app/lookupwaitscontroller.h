#pragma once

#include "api/webexclient.h" // WebexClient::CallKind
#include "mainwindow.h"      // QPointer needs the complete type

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>

// Says in the status bar when a look-up behind the panes waits for its next attempt: the teams
// (the team filter), people (senders' names) and pictures (AvatarCache's downloads), e.g.
// "Webex asks us to wait before loading names; trying again at 14:05.", with Retry now. The
// other calls have a place of their own that says it (the profile header, the spaces, the
// messages, the composer). When a look-up that was said to wait fails for good, a note says
// what shows instead (e-mail addresses, initials) until one of its kind comes through.
class LookupWaitsController : public QObject
{
    Q_OBJECT

public:
    explicit LookupWaitsController(MainWindow *window, QObject *parent = nullptr);
    ~LookupWaitsController() override;

    // The calls of `client` are watched from now on (the session's, and the pictures'), until
    // end().
    void watch(WebexClient *client);
    // The session is over: nothing is watched, nothing said.
    void end();

    // Every waiting call of every watched client goes now (the status bar's Retry now).
    void retryNow();

    // What the status bar says, for tests: the waits, then the notes.
    [[nodiscard]] QString sentence() const;
    [[nodiscard]] bool isWaiting() const;

    // Whether waits of this kind are said here: the teams, people and pictures.
    [[nodiscard]] static bool isLookup(WebexClient::CallKind call);

private:
    struct Wait
    {
        QDateTime retryAt;
        QString sentence; // made when the wait began: "at 14:05" or, seconds away, "at 14:04:35"
    };
    using Key = QPair<int, QString>; // the CallKind, and the call's key (an image's URL)

    void onRetryWaiting(WebexClient::CallKind call, const QString &key, const QDateTime &retryAt,
                        const ApiError &reason);
    void onRetryStarted(WebexClient::CallKind call, const QString &key);
    void onDone(WebexClient::CallKind call, const QString &key);
    void onFailed(WebexClient::CallKind call, const QString &key);
    void show();

    QPointer<MainWindow> m_window;
    QList<QPointer<WebexClient>> m_clients;
    QHash<Key, Wait> m_waits;    // calls waiting now
    QSet<Key> m_said;            // calls whose wait was said, until they end
    QSet<int> m_failedAfterWait; // kinds (CallKind) whose note shows
};
