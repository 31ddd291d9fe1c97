#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// Answers as Webex writes them, for tests that script the server (ScriptedWebex): the bodies
// several tests send, written once.
namespace WebexAnswers {

// people/me: "Test User", t@example.com, id "ME".
inline const QByteArray meJson = QByteArrayLiteral(
    "{\"id\":\"ME\",\"displayName\":\"Test User\",\"emails\":[\"t@example.com\"]}");

// A page of group spaces with these ids, titled "Room <id>", the first one active on
// 2024-01-01, each next one a day later (at most 9 ids).
[[nodiscard]] QByteArray roomsJson(const QStringList &ids);

// {"items": [...]} of these entries, each as written, so a test can put any bytes in one.
[[nodiscard]] QByteArray listJson(const QList<QByteArray> &entries);

// A space {"id","title"}, the title's bytes as written (invalid UTF-8 stays invalid).
[[nodiscard]] QByteArray spaceJson(const QByteArray &id, const QByteArray &title);

} // namespace WebexAnswers
