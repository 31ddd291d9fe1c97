// `--api-base URL` from the command line or the settings: ApiBase::fromUserInput. Everything
// the token is sent to is derived from it.

#include "fuzzcheck.h"

#include "api/apibase.h"

// Two round trips failed before issue 10 (ApiBase now removes dot segments itself, on the
// encoded path); their inputs stay in the corpus as regressions:
// - `http://localhost/./.a/b` normalised to `http://localhost//b` and that to
//   `http://localhost/b` (Qt 6.4's NormalizePathSegments): corpus/apibase/finding-normalise-twice
// - `http://[::1]/]%2F///%20F///`: the path was decoded by path() and set back with setPath(),
//   so %2F became a separator: corpus/apibase/finding-printed-form-refused

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = Fuzz::text(data, size);
    QString error = QStringLiteral("not cleared");
    const std::optional<ApiBase> base = ApiBase::fromUserInput(input, &error);
    if (!base) {
        // Refused with a sentence to show.
        FUZZ_CHECK(!error.isEmpty() && error != QLatin1String("not cleared"), input);
        return 0;
    }
    FUZZ_CHECK(error.isEmpty(), error);

    const QUrl url = base->baseUrl();
    const QString shown = url.toString();
    // https, or http to this computer only; nothing that would travel with the token.
    FUZZ_CHECK(url.isValid(), shown);
    FUZZ_CHECK(url.scheme() == QLatin1String("https") ||
                   (url.scheme() == QLatin1String("http") && base->isLoopback()),
               shown);
    FUZZ_CHECK(!url.host().isEmpty(), shown);
    FUZZ_CHECK(url.userInfo().isEmpty() && !url.hasQuery() && !url.hasFragment(), shown);
    // No separator at the end (a %2F is no separator: finding-encoded-slash-at-the-end).
    FUZZ_CHECK(!url.path(QUrl::FullyEncoded).endsWith(QLatin1Char('/')), shown);

    // Every URL made from it is the same origin, so it may carry the token.
    FUZZ_CHECK(base->isSameOrigin(url), shown);
    FUZZ_CHECK(base->isSameOrigin(base->authorizeUrl()), base->authorizeUrl().toString());
    FUZZ_CHECK(base->isSameOrigin(base->accessTokenUrl()), base->accessTokenUrl().toString());
    const QUrl people = base->endpoint(QStringLiteral("people/me"));
    FUZZ_CHECK(base->isSameOrigin(people), people.toString());
    FUZZ_CHECK(people.path().endsWith(QLatin1String("/people/me")), people.toString());

    // The form a saved session keeps (StoredSession: FullyEncoded) is accepted again...
    const QString stored = url.toString(QUrl::FullyEncoded);
    QString storedError;
    const std::optional<ApiBase> reread = ApiBase::fromUserInput(stored, &storedError);
    FUZZ_CHECK(reread.has_value(), stored + QStringLiteral(" refused: ") + storedError);
    // ...as the same base: normalising is done once.
    FUZZ_CHECK(*reread == *base, stored + QStringLiteral(" became ") +
                                     reread->baseUrl().toString(QUrl::FullyEncoded));
    // The form shown to people (QUrl::toString) is not promised to read back: it decodes %20 to a
    // space, and fromUserInput reads strictly on purpose (a base with a space is refused with a
    // sentence, not guessed at). The stored form above is the one read back.
    return 0;
}
