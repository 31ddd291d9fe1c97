#pragma once

#include <QLoggingCategory>

// One category per component, so `QT_LOGGING_RULES=webexdesk.api.debug=true` shows one layer.
// Nothing logged through these may contain a token, a code, a secret or an Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
