#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class ApiError;
class Message;
class RoomListModel;
class UnreadController;
class WebexClient;

// Step 3 of a catch-up (docs/LIVE-EVENTS.md, 6.3): the spaces whose activity moved past what
// their unread count accounts for get their newest page of messages counted, so they show a
// count after a reconnect instead of only the new-activity dot. At most MaxSpaces spaces, the
// newest activity first, one request at a time (a reconnect after a night must not become a
// burst of requests); the rest keep the dot. The open space is not one of them: the catch-up
// loads its newest messages anyway (step 2).
//
// It only asks for the pages. Counting them is what every page of messages already goes
// through (AppController hands each one to UnreadController::takePage): de-duplicated by id,
// quiet for what was written before live updates stopped.
class UnreadRecount : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxSpaces = 10;

    // All three outlive this object.
    UnreadRecount(WebexClient *client, RoomListModel *rooms, UnreadController *unread,
                  QObject *parent = nullptr);

    // Picks the spaces from the list as it is now and asks for the first one's page. A recount
    // still running is replaced: the list it picked from is older.
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return !m_current.isEmpty(); }
    // The spaces start() would pick now, in the order it asks for them.
    [[nodiscard]] QStringList spacesToRecount() const;

signals:
    // The last page asked for came (or failed, or was replaced by a stop()).
    void finished();

private:
    void next();
    void onPage(const QString &roomId);

    QPointer<WebexClient> m_client;
    RoomListModel *m_rooms;
    UnreadController *m_unread;
    QStringList m_queue;
    QString m_current; // the space whose page is on its way
};
