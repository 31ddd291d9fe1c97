// The Link header of a list answer (RFC 8288), which decides the next page and therefore where
// the access token goes next: LinkHeader::parse and ::next, then the origin check the client
// applies to a next link (ApiBase::isSameOrigin).

#include "fuzzcheck.h"

#include "api/apibase.h"
#include "api/linkheader.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = Fuzz::bytes(data, size);
    const QHash<QString, QUrl> links = LinkHeader::parse(value);

    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        // Relations are single tokens, ASCII letters in lower case (RFC 8288 compares them
        // case-insensitively; only ASCII is folded); targets are URLs Qt accepts.
        FUZZ_CHECK(!it.key().isEmpty(), QString::fromLatin1(value));
        for (const QChar c : it.key())
            FUZZ_CHECK(c < QLatin1Char('A') || c > QLatin1Char('Z'), it.key());
        FUZZ_CHECK(!it.key().contains(QLatin1Char(' ')), it.key());
        FUZZ_CHECK(it.value().isValid(), it.value().toString());
    }
    const QUrl next = LinkHeader::next(value);
    FUZZ_CHECK(next == links.value(QStringLiteral("next")), next.toString());

    // A relative next link (a path, not `//host/...`) stays with the server that sent it; one
    // to elsewhere is what WebexClient refuses (it would carry the token).
    static const ApiBase base = *ApiBase::fromUserInput(QStringLiteral("https://webexapis.com/v1"));
    const QUrl request = base.endpoint(QStringLiteral("rooms"));
    const QUrl resolved = request.resolved(next);
    const bool sameOrigin = base.isSameOrigin(resolved);
    if (!next.isEmpty() && next.scheme().isEmpty() && !next.toEncoded().startsWith("//"))
        FUZZ_CHECK(sameOrigin, next.toString() + QStringLiteral(" -> ") + resolved.toString());
    if (sameOrigin)
        FUZZ_CHECK(resolved.host() == base.baseUrl().host() && resolved.userInfo().isEmpty(),
                   resolved.toString());
    return 0;
}
