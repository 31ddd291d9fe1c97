#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Tolerant readers shared by the value types in model/: Webex omits optional fields and has sent
// booleans as strings ("invitePending": "false"), so a field of the wrong type reads as absent
// instead of failing the whole object. Internal to src/core/model.
namespace JsonFields {

inline QString string(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

inline bool boolean(const QJsonObject &o, QLatin1String key, bool fallback = false)
{
    const QJsonValue v = o.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return fallback;
}

inline QJsonArray array(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isArray() ? v.toArray() : QJsonArray();
}

} // namespace JsonFields
