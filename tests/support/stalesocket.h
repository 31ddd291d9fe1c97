#pragma once

#include <QString>

// A Unix socket file at `path` as a crashed process leaves it: bound, then closed without
// unlinking, so nothing answers a connection. False if it could not be made. Unix only.
[[nodiscard]] bool leaveStaleSocket(const QString &path);
