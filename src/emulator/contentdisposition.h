#pragma once

#include <QByteArray>
#include <QString>

/// The Content-Disposition of a downloaded file (RFC 6266), for any file name a person may
/// have given it: `attachment; filename="…"` with `"` and `\` escaped; when the name is not
/// plain printable ASCII, filename="…" holds an ASCII stand-in (every other character, controls
/// included, becomes `_`) and `filename*=UTF-8''…` (RFC 8187) the name itself, so whatever it
/// contains reaches the client, and never as raw bytes in a header.
class ContentDisposition
{
public:
    [[nodiscard]] static QByteArray attachment(const QString &fileName);
    /// Whether every character is printable ASCII (space to ~).
    [[nodiscard]] static bool isPlainAscii(const QString &fileName);
};
