// Message HTML as Webex sends it in `html` (other people's markup): SafeHtml::fromWebexHtml,
// and SafeHtml::links on what it made.

#include "fuzzcheck.h"
#include "safemarkup.h"

#include "model/safehtml.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = Fuzz::text(data, size);
    const QString safe = SafeHtml::fromWebexHtml(input);

    // Only allowed, well-nested markup; every link opens in a browser or mail program.
    const QString unsafe = Fuzz::unsafeMarkupIn(safe);
    FUZZ_CHECK(unsafe.isEmpty(), unsafe + QStringLiteral("\n  in: ") + safe);

    // Sanitising twice changes nothing: the output is already what the sanitiser keeps.
    const QString again = SafeHtml::fromWebexHtml(safe);
    FUZZ_CHECK(again == safe, safe + QStringLiteral("\n  became: ") + again);

    // links() offers only what can be opened, each once, no more than there are anchors.
    const QList<QUrl> links = SafeHtml::links(safe);
    FUZZ_CHECK(links.size() <= safe.count(QLatin1String("<a ")), safe);
    for (qsizetype i = 0; i < links.size(); ++i) {
        const QUrl &url = links.at(i);
        const QString scheme = url.scheme();
        FUZZ_CHECK(url.isValid(), url.toString());
        FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                       scheme == QLatin1String("mailto"),
                   url.toString());
        FUZZ_CHECK(links.indexOf(url) == i, url.toString());
    }
    return 0;
}
