#pragma once

#include <QString>

// Where one of Webex Desk's helper programs is (the sign-in browser webex-desk-signin, the
// demo's webex-emulator): the path in `environmentVariable` if set (tests, developers); else
// next to the application (the build tree, a Windows install); else where the install rules
// put it: <prefix>/libexec/webex-desk/ on Linux and other Unix, Contents/Helpers in the macOS
// bundle. The last is returned even when missing, so an error can name it.
[[nodiscard]] QString locateHelperProgram(const QString &baseName, const char *environmentVariable);
