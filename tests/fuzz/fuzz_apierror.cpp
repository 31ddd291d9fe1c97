// Webex's failure answers: status, `Retry-After`, `trackingid` and the error body
// ({"message","errors":[{"description"}],"trackingId"}, or RFC 6749's error/error_description),
// read by ApiError::fromReply from a finished reply (FakeReply: the bytes, no socket), and the
// sentence a person then reads (userMessage). ApiError::parseRetryAfter on the header value as
// well.

#include "fakereply.h"
#include "fuzzcheck.h"

#include "api/apierror.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FakeReply reply(Fuzz::bytes(data, size));
    const ApiError error = ApiError::fromReply(&reply, reply.body());

    const int status = reply.status();
    FUZZ_CHECK(error.httpStatus == status, QString::number(error.httpStatus));
    if (status == 429)
        FUZZ_CHECK(error.kind == ApiError::Kind::RateLimited, QString::number(int(error.kind)));
    else if (status >= 400)
        FUZZ_CHECK(error.kind == ApiError::Kind::Http || error.kind == ApiError::Kind::RateLimited,
                   QString::number(int(error.kind)));
    FUZZ_CHECK(error.retryAfterSeconds >= -1, QString::number(error.retryAfterSeconds));

    // A failure always reads as a sentence, with Webex's message and tracking ID in it.
    if (error.isError()) {
        const QString sentence = error.userMessage();
        FUZZ_CHECK(!sentence.isEmpty(), QString::number(int(error.kind)));
        FUZZ_CHECK(sentence.contains(error.message), sentence);
        FUZZ_CHECK(sentence.contains(error.trackingId), sentence);
    } else {
        FUZZ_CHECK(error.userMessage().isEmpty(), error.userMessage());
    }

    for (const auto &header : reply.headers()) {
        if (header.first.compare("retry-after", Qt::CaseInsensitive) != 0)
            continue;
        const int seconds = ApiError::parseRetryAfter(header.second);
        FUZZ_CHECK(seconds >= -1, QString::number(seconds));
    }
    return 0;
}
