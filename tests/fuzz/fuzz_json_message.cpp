// One message of GET messages or the answer to POST messages, as JSON: Message::fromJson, then
// what the conversation shows of it (SafeHtml::forMessage: html, else markdown, else text).

#include "jsonmodel.h"
#include "safemarkup.h"

#include "model/message.h"
#include "model/safehtml.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    const std::optional<Message> message = Fuzz::checkedFromJson<Message>(document.object());
    if (!message)
        return 0;
    Fuzz::checkUtc(message->created);
    Fuzz::checkUtc(message->updated);
    // Attachments are handed to a downloader: URLs only.
    for (const QString &file : message->files)
        FUZZ_CHECK(QUrl(file).isValid(), file);

    const QString shown = SafeHtml::forMessage(*message);
    const QString unsafe = Fuzz::unsafeMarkupIn(shown);
    FUZZ_CHECK(unsafe.isEmpty(), unsafe + QStringLiteral("\n  in: ") + shown);
    return 0;
}
