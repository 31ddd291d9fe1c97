#include "store/seenspaces.h"

#include <QSettings>
#include <QVariantMap>

namespace {
const QString LastSeenKey = QStringLiteral("spaces/lastSeen");
const QString BaselineKey = QStringLiteral("spaces/seenBaseline");
} // namespace

SeenSpaces::SeenSpaces(QSettings *settings) : m_settings(settings) {}

QString SeenSpaces::key(const QString &what) const
{
    return what + QLatin1Char('/') + m_apiHost;
}

void SeenSpaces::open(const QString &apiHost, bool ephemeral)
{
    m_apiHost = apiHost;
    m_ephemeral = ephemeral;
    m_open = true;
    m_lastSeen.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_ephemeral) {
        m_baseline = now.addDays(-1);
        return;
    }
    const QVariantMap stored = m_settings->value(key(LastSeenKey)).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QDateTime when = it.value().toDateTime();
        if (when.isValid()) // a damaged value is a space not seen, not a failure
            m_lastSeen.insert(it.key(), when.toUTC());
    }
    const QDateTime baseline = m_settings->value(key(BaselineKey)).toDateTime();
    // A baseline in the future (a clock that was wrong) would hide all new activity until then.
    if (baseline.isValid() && baseline <= now) {
        m_baseline = baseline.toUTC();
        return;
    }
    m_baseline = now;
    m_settings->setValue(key(BaselineKey), now);
}

void SeenSpaces::close()
{
    m_open = false;
    m_lastSeen.clear();
    m_baseline = QDateTime();
}

void SeenSpaces::save(const QHash<QString, QDateTime> &lastSeenByRoomId)
{
    m_lastSeen = lastSeenByRoomId;
    if (!m_open || m_ephemeral)
        return;
    QVariantMap stored;
    for (auto it = lastSeenByRoomId.cbegin(); it != lastSeenByRoomId.cend(); ++it)
        stored.insert(it.key(), it.value());
    m_settings->setValue(key(LastSeenKey), stored);
}

void SeenSpaces::forget()
{
    if (!m_open || m_ephemeral)
        return;
    m_settings->remove(key(LastSeenKey));
    m_settings->remove(key(BaselineKey));
    m_lastSeen.clear();
}
