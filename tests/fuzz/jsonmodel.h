#pragma once

#include "fuzzcheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace Fuzz {

// What every T::fromJson promises (Room, Person, Team, Message): an object is accepted exactly
// when it has a non-empty string "id", which it keeps; a refusal says why; acceptance clears the
// error. Returns the parsed value for the model's own checks.
template <typename T> std::optional<T> checkedFromJson(const QJsonObject &object)
{
    QString error = QStringLiteral("not cleared");
    const std::optional<T> value = T::fromJson(object, &error);
    const QJsonValue id = object.value(QLatin1String("id"));
    const bool hasId = id.isString() && !id.toString().isEmpty();
    FUZZ_CHECK(value.has_value() == hasId, QString::fromUtf8(QJsonDocument(object).toJson()));
    if (value) {
        FUZZ_CHECK(error.isEmpty(), error);
        FUZZ_CHECK(value->id == id.toString(), value->id);
    } else {
        FUZZ_CHECK(!error.isEmpty() && error != QLatin1String("not cleared"), error);
    }
    return value;
}

// A time read from JSON is UTC or invalid, never local.
inline void checkUtc(const QDateTime &time)
{
    FUZZ_CHECK(!time.isValid() || time.offsetFromUtc() == 0, time.toString(Qt::ISODateWithMs));
}

} // namespace Fuzz
