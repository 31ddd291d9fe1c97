#include "api/listbody.h"

#include "api/jsonbody.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <optional>

namespace {

// What the log calls one entry of each kind of list.
template <typename T> const char *entryName();
template <> const char *entryName<Room>()
{
    return "space";
}
template <> const char *entryName<Team>()
{
    return "team";
}
template <> const char *entryName<Person>()
{
    return "person";
}
template <> const char *entryName<Message>()
{
    return "message";
}
template <> const char *entryName<Membership>()
{
    return "membership";
}

} // namespace

template <typename T> ListBody<T> ListBody<T>::read(const QByteArray &body)
{
    ListBody list;
    QJsonParseError parseError;
    // One bad string costs the entry holding it.
    const QJsonDocument document =
        JsonBody::parse(body, &parseError, &list.m_leftOutForInvalidUtf8);
    const QJsonValue items = document.object().value(QLatin1String("items"));
    if (!document.isObject() || !items.isArray()) {
        if (parseError.error != QJsonParseError::NoError)
            list.m_jsonError = parseError.errorString();
        list.m_leftOutForInvalidUtf8 = 0; // no list, nothing of it left out
        return list;
    }
    list.m_isList = true;

    // One bad entry should not hide the others: it is skipped with a warning, which names its
    // position, never its content.
    const QJsonArray array = items.toArray();
    list.m_items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString why;
        const std::optional<T> item =
            array.at(i).isObject() ? T::fromJson(array.at(i).toObject(), &why) : std::nullopt;
        if (item) {
            list.m_items.append(*item);
            continue;
        }
        const QString reason = why.isEmpty() ? QStringLiteral("not an object") : why;
        qCWarning(lcApi) << "Skipping" << entryName<T>() << i << ":" << reason;
        if (list.m_skippedCount < KeptSkips)
            list.m_firstSkipped.append({i, reason});
        ++list.m_skippedCount;
    }
    return list;
}

template class ListBody<Room>;
template class ListBody<Team>;
template class ListBody<Person>;
template class ListBody<Message>;
template class ListBody<Membership>;
