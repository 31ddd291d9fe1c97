#pragma once

#include <QString>

// Whether `text` has the shape of a Webex id: a REST id (base64 or base64url of
// "ciscospark://..."), or the uuid inside one; at most 512 characters. Nothing of such a text can
// change a URL's path, a markup attribute or a style sheet it is put into, which is what the
// places that check it rely on (WebexClient's paths, the sanitiser's mentions, the view's style
// sheet).
[[nodiscard]] bool isWebexIdText(const QString &text);
