#include "contentapi.h"

#include "contentdisposition.h"
#include "seeddata.h"

#include <algorithm>

EmulatorResponse ContentApi::handle(const EmulatorRequest &request)
{
    if (request.method != "GET" && request.method != "HEAD") {
        return EmulatorResponse::webexError(
            405, QStringLiteral("The HTTP method is not supported for this resource."),
            request.trackingId);
    }
    const QString id = request.path().mid(int(qstrlen(kPrefix)));
    const int index = m_data.contentIndex(id);
    const auto notFound = [&request] {
        return EmulatorResponse::webexError(
            404, QStringLiteral("The requested resource could not be found."), request.trackingId);
    };
    if (index < 0)
        return notFound();
    const SeedData::Content &content = m_data.contents().at(index);
    // Someone else's file is as unknown as a made-up id: a 403 would confirm it exists. A file
    // goes with its message (a decision: what Webex answers for it then is not known here).
    if (!m_data.members(content.room).contains(request.person) ||
        m_data.findMessage(content.messageId).first < 0)
        return notFound();
    if (m_scansLeft > 0) {
        --m_scansLeft;
        // Webex's exact wording for a file still being scanned is not known here; the status
        // and Retry-After are what clients act on (docs/webex-wire.md, "Beyond what the code
        // uses").
        EmulatorResponse locked = EmulatorResponse::webexError(
            423, QStringLiteral("The file is being scanned for malware; try again later."),
            request.trackingId);
        locked.setHeader("Retry-After", QByteArray::number(m_scanRetryAfter));
        return locked;
    }
    EmulatorResponse response;
    response.setHeader("Content-Type", servedType(content.type));
    response.setHeader("Content-Disposition", ContentDisposition::attachment(content.name));
    // For a HEAD too: the server sends its length and leaves it out.
    response.body = content.bytes;
    if (request.method == "GET")
        response.pace = m_pace;
    return response;
}

void ContentApi::scanNext(int count, int retryAfterSeconds)
{
    m_scansLeft = std::max(count, 0);
    m_scanRetryAfter = std::max(retryAfterSeconds, 0);
}

void ContentApi::setBodyPace(int bytesPerChunk, std::chrono::milliseconds interval)
{
    m_pace.bytesPerChunk = std::max(bytesPerChunk, 0);
    m_pace.interval = std::max(interval, std::chrono::milliseconds(0));
}

QByteArray ContentApi::servedType(const QByteArray &type)
{
    const QByteArray trimmed = type.trimmed();
    const bool usable =
        !trimmed.isEmpty() && std::none_of(trimmed.cbegin(), trimmed.cend(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
    return usable ? trimmed : QByteArrayLiteral("application/octet-stream");
}
