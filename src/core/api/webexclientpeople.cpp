// People and what is said to them: the members of a space (memberships?roomId, for `@`), the
// messages of a space that mention the person (messages?mentionedPeople=me), people found by
// name or address (people?displayName=, people?email=), and a message to one person
// (POST messages with toPersonEmail). Endpoints as in webexclient.cpp, which runs them.
#include "api/webexclient.h"

#include "api/webexclient_p.h"
#include "model/displaytext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

// ---- messages?roomId&mentionedPeople=me -> mentionsFetched / mentionsFailed. Key and context:
// the room id. Webex lists mentions per space only (roomId is required).

const WebexClient::Endpoint WebexClient::Endpoint::Mentions =
    keyedList<Message, &WebexClient::mentionsFetched, &WebexClient::mentionsFailed>(
        CallKind::Mentions, 8LL * 1024 * 1024, QT_TRANSLATE_NOOP("WebexClient", "messages"));

void WebexClient::fetchMentions(const QString &roomId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("roomId"), roomId);
    query.addQueryItem(QStringLiteral("mentionedPeople"), QStringLiteral("me"));
    query.addQueryItem(QStringLiteral("max"), QString::number(MentionsPageSize));
    const CallPtr call =
        startCall(Endpoint::Mentions, m_base.endpoint(QStringLiteral("messages"), query), roomId);
    call->context = roomId;
    if (roomId.isEmpty()) {
        failLater(call, ApiError::localError(tr("No space was given to look for mentions in.")));
        return;
    }
    send(call);
}

// ---- memberships?roomId, every page -> membersFetched / membersFailed. Key: the room id.
// Context: MembersSoFar.

namespace {
struct MembersSoFar
{
    QString roomId;
    QList<Membership> members;
};
} // namespace

const WebexClient::Endpoint WebexClient::Endpoint::Members = [] {
    Endpoint e;
    e.kind = CallKind::Members;
    e.maxBodyBytes = 8LL * 1024 * 1024;
    e.pageSize = MembersPageSize;
    e.nextPageElsewhereText = QT_TRANSLATE_NOOP(
        "WebexClient", "Webex pointed the next page of members to another server (%1); it was "
                       "not followed, so your sign-in is not sent there.");
    e.handle = [](WebexClient &client, const CallPtr &call, QNetworkReply *,
                  const QByteArray &body) {
        const std::optional<QList<Membership>> items = client.itemsOrFail<Membership>(
            call, body, QCoreApplication::translate("WebexClient", "members"));
        if (!items)
            return false;
        call->contextAs<MembersSoFar>().members += *items;
        return true;
    };
    e.finishPages = [](WebexClient &client, Call &call) {
        const MembersSoFar &soFar = call.contextAs<MembersSoFar>();
        emit client.membersFetched(soFar.roomId, soFar.members);
    };
    e.emitFailure = [](WebexClient &client, const Call &call, const ApiError &error) {
        emit client.membersFailed(call.contextAs<MembersSoFar>().roomId, error);
    };
    return e;
}();

void WebexClient::fetchMembers(const QString &roomId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("roomId"), roomId);
    query.addQueryItem(QStringLiteral("max"), QString::number(MembersPageSize));
    const CallPtr call =
        startCall(Endpoint::Members, m_base.endpoint(QStringLiteral("memberships"), query), roomId);
    call->context = MembersSoFar{roomId, {}};
    if (roomId.isEmpty()) {
        failLater(call, ApiError::localError(tr("No space was given to list the members of.")));
        return;
    }
    send(call);
}

// ---- people?displayName= or people?email= -> peopleFound / peopleSearchFailed. One key for
// every search: a new one replaces the running one, so at most one is in flight. Context: the
// text searched for.

const WebexClient::Endpoint WebexClient::Endpoint::PeopleSearch =
    keyedList<Person, &WebexClient::peopleFound, &WebexClient::peopleSearchFailed>(
        CallKind::PeopleSearch, 4LL * 1024 * 1024, QT_TRANSLATE_NOOP("WebexClient", "people"));

void WebexClient::searchPeople(const QString &text)
{
    const QString wanted = DisplayText::singleLine(text).trimmed();
    QUrlQuery query;
    // An address is looked up whole; anything else by the start of a name.
    const bool address = wanted.contains(QLatin1Char('@'));
    query.addQueryItem(address ? QStringLiteral("email") : QStringLiteral("displayName"), wanted);
    query.addQueryItem(QStringLiteral("max"), QString::number(PeopleSearchSize));
    const CallPtr call =
        startCall(Endpoint::PeopleSearch, m_base.endpoint(QStringLiteral("people"), query));
    call->context = text;
    if (wanted.isEmpty() || wanted.size() > MaxPeopleSearchLength) {
        failLater(call, ApiError::localError(tr("Type a name or an address to search for.")));
        return;
    }
    send(call);
}

// ---- POST messages {"toPersonEmail","markdown"} -> messageSent / sendFailed (as Send). Webex
// posts it in the one-to-one space with that person, and creates the space if there is none.
// Key: the client tag. Context: SendContext (no room: Webex names it in its answer).

void WebexClient::sendDirectMessage(const QString &personEmail, const QString &markdown,
                                    const QString &clientTag)
{
    const CallPtr call =
        startCall(Endpoint::Send, m_base.endpoint(QStringLiteral("messages")), clientTag);
    call->context = SendContext{QString(), clientTag};
    call->postBody = QJsonDocument(QJsonObject{{QStringLiteral("toPersonEmail"), personEmail},
                                               {QStringLiteral("markdown"), markdown}})
                         .toJson(QJsonDocument::Compact);
    const QString email = personEmail.trimmed();
    const bool looksLikeAddress = email.contains(QLatin1Char('@')) && email.size() <= 320 &&
                                  DisplayText::singleLine(email) == email &&
                                  !email.contains(QLatin1Char(' '));
    const QString refused =
        looksLikeAddress
            ? refusedText(markdown)
            : tr("\"%1\" is not an address a message can be sent to.").arg(email.left(64));
    if (!refused.isEmpty()) {
        failLater(call, ApiError::localError(refused));
        return;
    }
    send(call);
}
