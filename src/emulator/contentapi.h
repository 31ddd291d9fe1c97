#pragma once

#include "emulatorrequest.h"
#include "emulatorresponse.h"

#include <chrono>

class SeedData;

/// Webex's file downloads: `GET` and `HEAD /v1/contents/{id}`, the URLs a message's `files`
/// lists. Called only for requests already authenticated by WebexEmulator. A file is found
/// only by the members of its space, and only while its message exists; otherwise 404, as
/// for anything unknown. Also the knobs of how a download goes: the malware scan that
/// answers 423 for a while, and a slow body.
class ContentApi
{
public:
    static constexpr const char *kPrefix = "/v1/contents/";

    explicit ContentApi(SeedData &data) : m_data(data) {}

    /// The next `count` downloads (GET or HEAD of a file the caller may fetch) answer 423
    /// Locked with `Retry-After: retryAfterSeconds`, as while Webex scans a new file.
    void scanNext(int count, int retryAfterSeconds);
    /// Bodies of GETs come `bytesPerChunk` bytes every `interval` after the headers; 0 for
    /// either turns it off.
    void setBodyPace(int bytesPerChunk, std::chrono::milliseconds interval);

    [[nodiscard]] EmulatorResponse handle(const EmulatorRequest &request);

    /// The Content-Type a file is served with: its own, unless that could not stand in a header
    /// (a control character), then application/octet-stream.
    [[nodiscard]] static QByteArray servedType(const QByteArray &type);

private:
    SeedData &m_data;
    int m_scansLeft = 0;
    int m_scanRetryAfter = 1;
    EmulatorResponse::Pace m_pace;
};
