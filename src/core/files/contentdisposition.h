#pragma once

#include <QString>

class QByteArray;

// The file name a Content-Disposition header value gives (RFC 6266), as browsers read it:
//   attachment; filename="report.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf
namespace ContentDisposition {

// filename* (RFC 8187: UTF-8 or ISO-8859-1, optional language, percent-encoded) wins over
// filename (a quoted-string with backslash escapes, or a token). Raw UTF-8 bytes in filename,
// which many servers send, are read as UTF-8; other raw bytes as ISO-8859-1. An invalid
// filename* is ignored. Parameter names are case-insensitive, unknown ones and the disposition
// type are ignored. The name is returned as sent, NOT safe to use as a path yet (see
// SafeFileName::make); empty when there is none, or when the value is over 16 KiB.
[[nodiscard]] QString fileName(const QByteArray &headerValue);

} // namespace ContentDisposition
