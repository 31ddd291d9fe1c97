#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

// One Webex message (GET messages, POST messages). Plain public members: a value parsed once and
// then only read. The text fields are untrusted content: show them only through SafeHtml.
class Message
{
public:
    // id is required; every other field is tolerant of absence and of a wrong JSON type.
    [[nodiscard]] static std::optional<Message> fromJson(const QJsonObject &o,
                                                         QString *error = nullptr);

    QString id;
    QString roomId;
    QString roomType;    ///< "direct" | "group", as Webex sends it.
    QString text;        ///< Plain text; Webex always sends it, also for markdown messages.
    QString markdown;    ///< The markdown as written, empty when sent as plain text.
    QString html;        ///< Webex's rendering of markdown; untrusted, see SafeHtml.
    QString personId;    ///< The sender.
    QString personEmail; ///< The sender's address, shown while the name is not known yet;
                         ///< one line (DisplayText::singleLine).
    QString parentId;    ///< The thread's first message, empty outside threads.
    QStringList files;   ///< Attachment URLs (they need the access token to download).
    QDateTime created;   ///< UTC; invalid when absent.
    QDateTime updated;   ///< UTC; invalid unless the message was edited.
};

Q_DECLARE_METATYPE(Message)
