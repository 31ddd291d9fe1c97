#pragma once

#include "desktopnotifier.h"
#include "incomingmessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class NotificationSettings;
class RoomListModel;

// Desktop notifications of new messages. Takes every message UnreadController looked at,
// decides with NotificationPolicy whether it notifies (mute and Do Not Disturb from
// NotificationSettings), words it, and hands it to the DesktopNotifier: one notification per
// space, replaced as more arrive; messages of one space that arrive together (a page) give one
// notification, of the newest. A click on it asks for the space (openSpaceRequested); a space
// read or muted takes its notification back.
//
// The words: the summary is the sender and the space ("Ada Lovelace in Design Review",
// "Ada Lovelace mentioned you in Design Review", or only the sender in a direct space), each
// name one line and isolated (DisplayText); the body is the first line of the text, plain and
// at most MaxBodyLength characters, or nothing when the person hides message text.
class NotificationController : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxBodyLength = 200;

    // `settings` and `rooms` (for the space's title and kind) outlive this.
    NotificationController(NotificationSettings *settings, RoomListModel *rooms,
                           QObject *parent = nullptr);

    // Where notifications go (not owned); null: nowhere.
    void setNotifier(DesktopNotifier *notifier);
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier; }
    // Who wrote a message when the message itself does not say by name (a page carries only the
    // address): the app looks in the open space's model. Empty answer: the message's own.
    void setSenderNames(std::function<QString(const IncomingMessage &)> lookup);

    [[nodiscard]] static QString summaryFor(const QString &sender, const QString &spaceTitle,
                                            bool direct, bool mentioned);
    [[nodiscard]] static QString bodyFor(const QString &text);

public slots:
    // UnreadController::arrived.
    void consider(const IncomingMessage &message, bool counted, bool reading);
    // The space was read (or left): its notification goes.
    void withdraw(const QString &roomId);

signals:
    // The person clicked a notification of this space.
    void openSpaceRequested(const QString &roomId);

private:
    [[nodiscard]] DesktopNotification notificationFor(const IncomingMessage &message) const;
    void flush();

    NotificationSettings *m_settings;
    RoomListModel *m_rooms;
    QPointer<DesktopNotifier> m_notifier;
    std::function<QString(const IncomingMessage &)> m_senderNames;
    QHash<QString, IncomingMessage> m_pending; // room id -> newest message to notify of
    QTimer m_flush;
};
