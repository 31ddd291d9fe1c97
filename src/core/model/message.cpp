#include "model/message.h"

#include "model/displaytext.h"
#include "model/jsonfields.h"
#include "model/webextime.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

std::optional<Message> Message::fromJson(const QJsonObject &o, QString *error)
{
    using namespace JsonFields;

    Message m;
    m.id = string(o, QLatin1String("id"));
    if (m.id.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("Message", "A message without an id was received.");
        return std::nullopt;
    }
    m.roomId = string(o, QLatin1String("roomId"));
    m.roomType = string(o, QLatin1String("roomType"));
    m.text = string(o, QLatin1String("text"));
    m.markdown = string(o, QLatin1String("markdown"));
    m.html = string(o, QLatin1String("html"));
    m.personId = string(o, QLatin1String("personId"));
    // Shown as the sender's name until the name is known: one line, like the name.
    m.personEmail = DisplayText::singleLine(string(o, QLatin1String("personEmail")));
    m.parentId = string(o, QLatin1String("parentId"));
    const QJsonArray files = array(o, QLatin1String("files"));
    for (const QJsonValue &file : files) {
        // Only strings that are URLs: the list is handed to a downloader later.
        if (file.isString() && QUrl(file.toString()).isValid())
            m.files.append(file.toString());
    }
    m.created = WebexTime::parse(string(o, QLatin1String("created")));
    m.updated = WebexTime::parse(string(o, QLatin1String("updated")));

    if (error)
        error->clear();
    return m;
}
