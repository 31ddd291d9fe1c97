#pragma once

#include <QByteArray>

namespace Utf8 {

// Cuts valid UTF-8 to at most maxBytes without splitting a character. True if it was cut.
inline bool truncate(QByteArray *utf8, qsizetype maxBytes)
{
    if (utf8->size() <= maxBytes)
        return false;
    qsizetype end = maxBytes;
    // Back off continuation bytes (10xxxxxx) to the start of the character they belong to.
    while (end > 0 && (static_cast<unsigned char>(utf8->at(end)) & 0xC0) == 0x80)
        --end;
    utf8->truncate(end);
    return true;
}

} // namespace Utf8
