#include "live/livelogging.h"

Q_LOGGING_CATEGORY(lcLive, "webexdesk.live")
