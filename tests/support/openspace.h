#pragma once

#include <QString>

class AppController;

// Opens a space as a person does: scrolls its row in the spaces list into view and clicks it.
// True once the space's first page of messages is shown; false when the space is not listed or
// its messages did not come within `waitMs`.
[[nodiscard]] bool openSpaceByClick(AppController &app, const QString &roomId, int waitMs);
