#include "store/notificationsettings.h"

#include <QSettings>
#include <QStringList>

namespace {
const QString MutedKey = QStringLiteral("notifications/muted");
const QString DoNotDisturbKey = QStringLiteral("notifications/doNotDisturb");
const QString HideTextKey = QStringLiteral("notifications/hideMessageText");
const QString KeepInTrayKey = QStringLiteral("tray/keepRunning");
const QString TrayHintKey = QStringLiteral("tray/hintShown");
// Webex's ids are about 80 characters; anything much longer is not one.
constexpr qsizetype MaxIdLength = 256;
} // namespace

NotificationSettings::NotificationSettings(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{}

QString NotificationSettings::mutedKey() const
{
    return MutedKey + QLatin1Char('/') + m_accountKey;
}

void NotificationSettings::open(const QString &accountKey, bool ephemeral)
{
    close();
    m_accountKey = accountKey;
    m_ephemeral = ephemeral;
    m_open = true;
    if (m_ephemeral)
        return;
    const QStringList stored = m_settings->value(mutedKey()).toStringList();
    for (const QString &roomId : stored) {
        if (m_muted.size() >= MaxMuted)
            break;
        if (!roomId.isEmpty() && roomId.size() <= MaxIdLength)
            m_muted.insert(roomId);
    }
    for (const QString &roomId : std::as_const(m_muted))
        emit mutedChanged(roomId, true);
}

void NotificationSettings::close()
{
    const QSet<QString> were = m_muted;
    m_open = false;
    m_muted.clear();
    for (const QString &roomId : were)
        emit mutedChanged(roomId, false);
}

void NotificationSettings::forget()
{
    if (m_open && !m_ephemeral)
        m_settings->remove(mutedKey());
    close();
}

void NotificationSettings::setMuted(const QString &roomId, bool muted)
{
    if (!m_open || roomId.isEmpty() || roomId.size() > MaxIdLength || isMuted(roomId) == muted)
        return;
    if (muted && m_muted.size() >= MaxMuted)
        return;
    if (muted)
        m_muted.insert(roomId);
    else
        m_muted.remove(roomId);
    saveMuted();
    emit mutedChanged(roomId, muted);
}

void NotificationSettings::saveMuted()
{
    if (m_ephemeral)
        return;
    if (m_muted.isEmpty()) {
        m_settings->remove(mutedKey());
        return;
    }
    QStringList ids(m_muted.cbegin(), m_muted.cend());
    ids.sort(); // the same file for the same choice
    m_settings->setValue(mutedKey(), ids);
}

bool NotificationSettings::doNotDisturb() const
{
    return m_settings->value(DoNotDisturbKey, false).toBool();
}

void NotificationSettings::setDoNotDisturb(bool on)
{
    if (doNotDisturb() == on)
        return;
    m_settings->setValue(DoNotDisturbKey, on);
    emit doNotDisturbChanged(on);
}

bool NotificationSettings::hidesMessageText() const
{
    return m_settings->value(HideTextKey, false).toBool();
}

void NotificationSettings::setHidesMessageText(bool on)
{
    if (hidesMessageText() == on)
        return;
    m_settings->setValue(HideTextKey, on);
    emit hidesMessageTextChanged(on);
}

bool NotificationSettings::keepsRunningInTray() const
{
    return m_settings->value(KeepInTrayKey, true).toBool();
}

void NotificationSettings::setKeepsRunningInTray(bool on)
{
    if (keepsRunningInTray() == on)
        return;
    m_settings->setValue(KeepInTrayKey, on);
    emit keepsRunningInTrayChanged(on);
}

bool NotificationSettings::trayHintShown() const
{
    return m_settings->value(TrayHintKey, false).toBool();
}

void NotificationSettings::setTrayHintShown()
{
    m_settings->setValue(TrayHintKey, true);
}
