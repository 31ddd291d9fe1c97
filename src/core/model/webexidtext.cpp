#include "model/webexidtext.h"

#include <algorithm>

bool isWebexIdText(const QString &text)
{
    // Base64 of "ciscospark://us/MESSAGE/<uuid>" is about 80 characters; a few hundred is room
    // for any cluster name.
    if (text.isEmpty() || text.size() > 512)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_' || c == u'=' || c == u'+';
    });
}
