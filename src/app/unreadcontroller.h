#pragma once

#include "incomingmessage.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>

class LocalStore;
class Message;
class QWidget;
class RoomListModel;
class UnreadCounts;

// Unread messages per space, for the spaces list, the window title and the tray. Keeps
// UnreadCounts for the signed-in account and shows them in RoomListModel; knows which space is
// open and whether the main window is active, because a space open in the active window is
// being read: what arrives there counts as read at once, and opening it, or coming back to the
// window, reads it (also clearing its new-activity dot, RoomListModel::markSeen).
//
// What arrives comes from the live layer (messageArrived, acknowledgedElsewhere, ...: the
// methods a LiveController calls) or, until then, from pages of the open space (takePage).
// Every message is passed on with arrived(), whether it counted and whether it was being read,
// for NotificationController.
class UnreadController : public QObject
{
    Q_OBJECT

public:
    // `rooms` shows the counts and outlives this.
    explicit UnreadController(RoomListModel *rooms, QObject *parent = nullptr);
    ~UnreadController() override;

    // Where the counts are kept: the account's local store (UnreadCounts::setStore). What it
    // kept is shown as soon as it is read, before a session begins.
    void setStore(LocalStore *store);
    // A session began: messages before `countingSince` (SeenSpaces' baseline) are history.
    void begin(const QDateTime &countingSince);
    // The session is over; forget: the person signed out, the account's counts go.
    void end(bool forget);
    // Who is signed in: their messages never count (people/me's id).
    void setMe(const QString &myPersonId);
    // The window whose activation counts as looking at the open space.
    void watchWindow(QWidget *window);

    [[nodiscard]] UnreadCounts *counts() const { return m_counts.get(); }
    [[nodiscard]] int total() const;
    [[nodiscard]] QString openRoomId() const { return m_openRoomId; }
    [[nodiscard]] bool isWindowActive() const { return m_windowActive; }
    // Open in the active window: the person is reading it.
    [[nodiscard]] bool isReading(const QString &roomId) const;

public slots:
    // A message arrived (an event, a catch-up page, a page of the open space).
    void messageArrived(const IncomingMessage &message);
    // Our own read receipt from another device.
    void acknowledgedElsewhere(const QString &roomId, const QString &messageId);
    void messageDeleted(const QString &roomId, const QString &messageId);
    // We left the space, or were removed from it.
    void spaceLeft(const QString &roomId);
    // The space shown in the messages pane (empty: none).
    void setOpenRoom(const QString &roomId);
    // The person marked the space read (the row's menu).
    void markRead(const QString &roomId);
    // A page of messages as WebexClient delivers it (newest first): each one arrived. The
    // first page after a space is opened raises no notification: the person is opening it.
    void takePage(const QString &roomId, const QList<Message> &newestFirst);
    // Messages of pages written before `when` count but raise no notification: what a catch-up
    // after an interruption of live updates finds (docs/LIVE-EVENTS.md, 6.3 step 4). Invalid:
    // every page may notify.
    void setQuietBefore(const QDateTime &when);

signals:
    // After `message` was looked at: `counted` when it is new and unread now, `reading` when
    // its space is open in the active window.
    void arrived(const IncomingMessage &message, bool counted, bool reading);
    void totalChanged(int total);
    // The space was read here: its notification may go.
    void spaceRead(const QString &roomId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateWindowActive();
    void readOpenRoom();
    void onCountChanged(const QString &roomId);

    RoomListModel *m_rooms;
    std::unique_ptr<UnreadCounts> m_counts;
    QPointer<QWidget> m_window;
    QString m_myPersonId;
    QString m_openRoomId;
    // The newest message known of the open space, for its read marker.
    QString m_newestId;
    QDateTime m_newestAt;
    // The open space's first page is what the person asked to see: it may count, never notify.
    bool m_firstPageWanted = false;
    QDateTime m_quietBefore;
    bool m_windowActive = false;
    int m_lastTotal = 0;
};
