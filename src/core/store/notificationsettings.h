#pragma once

#include <QObject>
#include <QSet>
#include <QString>

class QSettings;

// What the person chose about being told of new messages, kept across restarts (QtCore only):
// which spaces are muted (per account: each account has its own spaces), and for the whole
// app Do Not Disturb, whether notifications hide the message's text, whether closing the
// window keeps Webex Desk running in the tray, and whether it has said so once already.
// NotificationPolicy reads the first two; the menus and the tray change them.
class NotificationSettings : public QObject
{
    Q_OBJECT

public:
    // Muting is one space at a time, by hand: this many is far beyond any person's, and keeps a
    // damaged settings file from holding the app.
    static constexpr int MaxMuted = 20000;

    // `settings` outlives this object; QSettings() in the app, a file of their own in tests.
    explicit NotificationSettings(QSettings *settings, QObject *parent = nullptr);

    // The account whose muted spaces count (the API host, as SeenSpaces); `ephemeral` (the
    // demo) mutes for this run only.
    void open(const QString &accountKey, bool ephemeral);
    // No account: nothing is muted until the next open().
    void close();
    // The person signed out: the account's muted spaces are forgotten.
    void forget();

    [[nodiscard]] bool isMuted(const QString &roomId) const { return m_muted.contains(roomId); }
    [[nodiscard]] QSet<QString> mutedSpaces() const { return m_muted; }
    void setMuted(const QString &roomId, bool muted);

    [[nodiscard]] bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    [[nodiscard]] bool hidesMessageText() const;
    void setHidesMessageText(bool on);
    // On unless the person turned it off (it only matters where there is a tray).
    [[nodiscard]] bool keepsRunningInTray() const;
    void setKeepsRunningInTray(bool on);
    // Whether the person was told once that closing the window kept Webex Desk running.
    [[nodiscard]] bool trayHintShown() const;
    void setTrayHintShown();

signals:
    void mutedChanged(const QString &roomId, bool muted);
    void doNotDisturbChanged(bool on);
    void hidesMessageTextChanged(bool on);
    void keepsRunningInTrayChanged(bool on);

private:
    [[nodiscard]] QString mutedKey() const;
    void saveMuted();

    QSettings *m_settings;
    QString m_accountKey;
    bool m_open = false;
    bool m_ephemeral = false;
    QSet<QString> m_muted;
};
