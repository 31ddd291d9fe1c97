#pragma once

#include <QLoggingCategory>

// The live layer's own category (`QT_LOGGING_RULES=webexdesk.live.debug=true`). Like the others
// in logging.h: nothing logged through it may contain a token, the authorization frame, or the
// content of a frame (frames are logged by size and position only).
Q_DECLARE_LOGGING_CATEGORY(lcLive)
