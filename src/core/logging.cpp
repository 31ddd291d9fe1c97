#include "logging.h"

Q_LOGGING_CATEGORY(lcAuth, "webexdesk.auth")
Q_LOGGING_CATEGORY(lcApi, "webexdesk.api")
Q_LOGGING_CATEGORY(lcModel, "webexdesk.model")
