#pragma once

#include "model/membership.h"
#include "model/message.h"
#include "model/person.h"
#include "model/room.h"
#include "model/team.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A list answer of Webex, {"items": [...]}, read into values: spaces (Room), teams (Team), people
// (Person), messages (Message). The one reading of such an answer: WebexClient reads every page
// through it, and tests/fuzz/fuzz_json_list fuzzes it.
//
// The body goes through JsonBody::parse, so an entry holding text that is not valid UTF-8 is left
// out (counted in leftOutForInvalidUtf8), not the page. Every other entry goes through
// T::fromJson; one that is not an object or that T::fromJson refuses is skipped with a warning
// in the log that names its position and why, never its content ("Skipping space 1 : ..."). A
// body that is not {"items": [...]} is no list at all: isList() is false.
//
// Bounded as every answer is: the body is at most the endpoint's cap
// (WebexClient::Endpoint::maxBodyBytes), and reading it takes time and memory linear in it. Of
// the skipped entries only the first KeptSkips keep their position and reason; the others are
// counted, so a page of a million refused entries does not hold a million sentences.
template <typename T> class ListBody
{
public:
    // An entry that is not in items(): where it was in the items array as read (after any
    // entries left out for invalid UTF-8), and why (T::fromJson's reason, or "not an object").
    struct Skipped
    {
        qsizetype index = 0;
        QString reason;
    };
    static constexpr qsizetype KeptSkips = 16;

    [[nodiscard]] static ListBody read(const QByteArray &body);

    // The body was a JSON object with an "items" array. When false, nothing is counted either.
    [[nodiscard]] bool isList() const { return m_isList; }
    // Why there is no list: the JSON parser's message when the body is not JSON (or not UTF-8
    // that could be repaired); empty when it is JSON, but not {"items": [...]}.
    [[nodiscard]] QString jsonError() const { return m_jsonError; }

    // The entries T::fromJson accepted, in the order of the answer.
    [[nodiscard]] const QList<T> &items() const { return m_items; }
    // Entries of the items array that are not in items(): not objects, or refused.
    [[nodiscard]] qsizetype skippedCount() const { return m_skippedCount; }
    // The first KeptSkips of them, in order.
    [[nodiscard]] const QList<Skipped> &firstSkipped() const { return m_firstSkipped; }
    // Entries left out because their text is not valid UTF-8: of the items array, or of a list
    // inside one of its entries (JsonBody leaves out the innermost entry holding the text).
    [[nodiscard]] int leftOutForInvalidUtf8() const { return m_leftOutForInvalidUtf8; }

private:
    bool m_isList = false;
    QString m_jsonError;
    QList<T> m_items;
    qsizetype m_skippedCount = 0;
    QList<Skipped> m_firstSkipped;
    int m_leftOutForInvalidUtf8 = 0;
};

// Defined in listbody.cpp for these four, the kinds of list Webex sends us.
extern template class ListBody<Room>;
extern template class ListBody<Team>;
extern template class ListBody<Person>;
extern template class ListBody<Message>;
extern template class ListBody<Membership>;
