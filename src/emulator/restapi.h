#pragma once

#include "emulatorrequest.h"
#include "emulatorresponse.h"
#include "mentionmarkup.h"
#include "multipartform.h"

#include <QJsonObject>

#include <optional>

class ActivityFeed;
class SeedData;

/// Webex's REST resources over the seeded data: people, rooms, teams, messages,
/// memberships. Called only for requests already authenticated by WebexEmulator. Every
/// change (a message posted, edited or deleted, a member added or removed, a space created)
/// goes to the ActivityFeed, which pushes it to the device sockets.
class RestApi
{
public:
    RestApi(SeedData &data, ActivityFeed &feed);

    /// "http://127.0.0.1:<port>": the base of Link headers and avatar URLs.
    void setOrigin(const QString &origin) { m_origin = origin; }

    // Hostile knobs (see WebexEmulator):
    /// The signed-in user's displayName becomes this many bytes of UTF-8 everywhere a person
    /// is answered; 0 turns it off.
    void setMyDisplayNameBytes(qint64 bytes);
    /// people/me answers with every field but the id in a wrong JSON type.
    void setProfileWrongTypes(bool yes) { m_profileWrongTypes = yes; }
    /// Lists of spaces never end: pages of `spacesPerPage` whatever max= asks, each with a
    /// next link, empty ones after the last space. 0 turns it off.
    void setEndlessRoomPages(int spacesPerPage) { m_endlessRoomPageSize = spacesPerPage; }

    /// Webex's limit on a file sent with a message, "100 MB". Whether Webex means 10^8 bytes or
    /// 100 MiB is not known here; the smaller is the one a client can rely on, so the emulator
    /// refuses anything above it (413).
    static constexpr qint64 kWebexUploadLimitBytes = 100'000'000;
    /// A smaller limit lets tests reach the 413 without sending 100 MB.
    void setUploadLimitBytes(qint64 bytes) { m_uploadLimitBytes = bytes; }

    /// Answers 404 with the Webex error body when no resource matches the path.
    [[nodiscard]] EmulatorResponse handle(const EmulatorRequest &request);

private:
    /// WireJson::person, with the hostile display name for the user when it is on.
    [[nodiscard]] QJsonObject person(int index) const;
    [[nodiscard]] EmulatorResponse me(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse listPeople(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse getPerson(const EmulatorRequest &request, const QString &id);
    [[nodiscard]] EmulatorResponse listRooms(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse getRoom(const EmulatorRequest &request, const QString &id);
    [[nodiscard]] EmulatorResponse listTeams(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse getTeam(const EmulatorRequest &request, const QString &id);
    [[nodiscard]] EmulatorResponse listMessages(const EmulatorRequest &request);
    /// mentionedPeople of GET /messages: the caller's index, -1 without it; false (and *error)
    /// for anyone but the caller.
    bool mentionedPeopleFilter(const EmulatorRequest &request, int *person,
                               EmulatorResponse *error) const;
    /// GET /messages/direct?personId=|personEmail=: the 1:1 space's messages, newest first.
    [[nodiscard]] EmulatorResponse listDirectMessages(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse getMessage(const EmulatorRequest &request, const QString &id);
    /// What POST /messages asks for, from a JSON body or a multipart form.
    struct NewMessage
    {
        QString roomId;
        QString toPersonId; ///< Instead of roomId: the direct space with this person.
        QString toPersonEmail;
        QString text;
        QString markdown;
        QString parentId;
        std::optional<MultipartForm::Part> file;
    };
    [[nodiscard]] EmulatorResponse createMessage(const EmulatorRequest &request);
    /// A message with a file, as Webex takes one: multipart/form-data with roomId, optional
    /// text, markdown and parentId, and a single `files` part.
    [[nodiscard]] EmulatorResponse createMessageFromForm(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse postMessage(const EmulatorRequest &request,
                                               const NewMessage &message);
    /// Where a new message goes: its room (-1 when it is a direct space not made yet) and, for
    /// toPersonId or toPersonEmail, the other person. False (and *error) when that is not
    /// exactly one of roomId, toPersonId and toPersonEmail, or names no one.
    bool messageTarget(const EmulatorRequest &request, const NewMessage &message, int *room,
                       int *recipient, EmulatorResponse *error) const;
    [[nodiscard]] EmulatorResponse editMessage(const EmulatorRequest &request, const QString &id);
    [[nodiscard]] EmulatorResponse deleteMessage(const EmulatorRequest &request, const QString &id);
    [[nodiscard]] EmulatorResponse createRoom(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse listMemberships(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse createMembership(const EmulatorRequest &request);
    [[nodiscard]] EmulatorResponse deleteMembership(const EmulatorRequest &request,
                                                    const QString &id);
    /// The body as a JSON object, or an error answer in *error.
    bool jsonBody(const EmulatorRequest &request, QJsonObject *body, EmulatorResponse *error) const;
    /// Checks text and markdown as sent and makes what to store: the text (the markdown's, with
    /// the mentioned names, when none is sent), the html and the mentions. False (and *error)
    /// when both are empty (unless a file comes with them) or one is too long.
    bool messageContent(const EmulatorRequest &request, bool withFile, const QString &text,
                        const QString &markdown, MentionMarkup::Content *content,
                        EmulatorResponse *error) const;

    /// max= when given (1..1000), else *max stays. False (and *error) when it is out of range.
    bool maxParameter(const EmulatorRequest &request, int *max, EmulatorResponse *error) const;
    /// Reads the paging state: the cursor's if there is one, else `fresh`. False (and an
    /// error in *error) on a bad cursor or a bad max.
    bool pagingState(const EmulatorRequest &request, int defaultMax, const QJsonObject &fresh,
                     QJsonObject *state, int *max, EmulatorResponse *error) const;
    [[nodiscard]] EmulatorResponse page(const QJsonArray &items, const QString &path, int max,
                                        const QJsonObject &state, bool hasMore) const;
    [[nodiscard]] EmulatorResponse badRequest(const EmulatorRequest &request,
                                              const QString &message) const;
    [[nodiscard]] EmulatorResponse notFound(const EmulatorRequest &request,
                                            const QString &message) const;

    SeedData &m_data;
    ActivityFeed &m_feed;
    QString m_origin;
    QString m_myHostileDisplayName; ///< Empty: the seeded one.
    bool m_profileWrongTypes = false;
    int m_endlessRoomPageSize = 0;
    qint64 m_uploadLimitBytes = kWebexUploadLimitBytes;
};
