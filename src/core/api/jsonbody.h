#pragma once

#include <QByteArray>
#include <QJsonDocument>

struct QJsonParseError;

// A JSON answer read so that one string of invalid UTF-8 costs the list entry that holds it, not
// the whole answer. QJsonDocument::fromJson refuses a document for one bad byte anywhere (a page
// of 1000 spaces lost for one title); Webex Desk would rather show the 999.
namespace JsonBody {

// QJsonDocument::fromJson, except when it fails only because of invalid UTF-8: then each invalid
// sequence (its maximal subpart, as Unicode counts them) is replaced by a noncharacter that
// appears nowhere in the body (neither as UTF-8 nor as a \u escape), the body is parsed again,
// and every array entry holding that noncharacter (in a string or a key, at any depth) is left
// out, with a warning naming its position, never its content. Invalid text outside any array
// entry, invalid bytes outside strings, or a body that already holds all 32 candidate
// noncharacters: the document is refused with QJsonDocument's own error, as before.
// Linear in the size of the body; the repair pass runs only for a body that needs it.
// entriesLeftOut, when given, is set to how many array entries (at any depth) were left out;
// 0 when nothing was, or when the document was refused.
[[nodiscard]] QJsonDocument parse(const QByteArray &body, QJsonParseError *error = nullptr,
                                  int *entriesLeftOut = nullptr);

} // namespace JsonBody
