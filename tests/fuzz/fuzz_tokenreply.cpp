// The token endpoint's answer (sign-in code exchange and refresh): TokenReplyInspector::errorOf
// on the finished reply (FakeReply: the bytes, no socket), the sentence a failed sign-in shows
// (OAuthErrorText::forTokenError), and for a success the tokens as TokenSet::fromJson reads
// them.

#include "fakereply.h"
#include "fuzzcheck.h"

#include "api/apierror.h"
#include "auth/oautherrortext.h"
#include "auth/tokenreplyinspector.h"
#include "model/tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FakeReply reply(Fuzz::bytes(data, size));
    const std::optional<ApiError> error = TokenReplyInspector::errorOf(&reply);
    const bool failed = reply.error() != QNetworkReply::NoError || reply.status() >= 400;
    FUZZ_CHECK(error.has_value() == failed, QString::number(reply.status()));
    if (error) {
        FUZZ_CHECK(error->isError(), QString::number(int(error->kind)));
        FUZZ_CHECK(!OAuthErrorText::forTokenError(*error).isEmpty(), error->message);
        // The body was peeked, not read: Qt's own handler still gets all of it.
        FUZZ_CHECK(reply.readAll() == reply.body(), QString::number(reply.body().size()));
        return 0;
    }

    const QJsonDocument document = QJsonDocument::fromJson(reply.body());
    if (!document.isObject())
        return 0;
    static const QDateTime received(QDate(2024, 5, 1), QTime(12, 0), QTimeZone(0));
    QString why;
    const std::optional<TokenSet> tokens = TokenSet::fromJson(document.object(), received, &why);
    if (!tokens) {
        FUZZ_CHECK(!why.isEmpty(), why);
        return 0;
    }
    FUZZ_CHECK(!tokens->accessToken.isEmpty() && !tokens->tokenType.isEmpty(), tokens->tokenType);
    // Lifetimes are never negative; a refresh expiry only comes with a refresh token.
    FUZZ_CHECK(!tokens->accessExpiresAt.isValid() || tokens->accessExpiresAt >= received,
               tokens->accessExpiresAt.toString(Qt::ISODate));
    FUZZ_CHECK(!tokens->refreshExpiresAt.isValid() ||
                   (tokens->refreshExpiresAt >= received && tokens->hasRefreshToken()),
               tokens->refreshExpiresAt.toString(Qt::ISODate));
    return 0;
}
