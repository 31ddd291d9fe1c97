#include "webexanswers.h"

namespace WebexAnswers {

QByteArray roomsJson(const QStringList &ids)
{
    QByteArray out = "{\"items\":[";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += "{\"id\":\"" + ids.at(i).toUtf8() + "\",\"title\":\"Room " + ids.at(i).toUtf8() +
               "\",\"type\":\"group\",\"lastActivity\":\"2024-01-0" + QByteArray::number(i + 1) +
               "T00:00:00.000Z\"}";
    }
    return out + "]}";
}

QByteArray listJson(const QList<QByteArray> &entries)
{
    QByteArray out = "{\"items\":[";
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i)
            out += ',';
        out += entries.at(i);
    }
    return out + "]}";
}

QByteArray spaceJson(const QByteArray &id, const QByteArray &title)
{
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}";
}

} // namespace WebexAnswers
