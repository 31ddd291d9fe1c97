// Webex timestamps ("2016-04-21T19:12:48.920Z") in every object: WebexTime::parse, and the
// wire form it prints for "before=" queries.

#include "fuzzcheck.h"

#include "model/webextime.h"

// Known to fail today (issue 10): `9999-12-31T23:59:59.9999` parses into the year 10000, which
// prints as an empty string. The fix is made elsewhere; set this to 1 when it is merged. The
// input is in the corpus already (corpus/webextime/finding-year-10000).
#ifndef WEBEXDESK_FUZZ_WEBEXTIME_ROUND_TRIP
#define WEBEXDESK_FUZZ_WEBEXTIME_ROUND_TRIP 0
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = Fuzz::text(data, size);
    const QDateTime parsed = WebexTime::parse(input);
    if (!parsed.isValid()) {
        FUZZ_CHECK(WebexTime::toString(parsed).isEmpty(), input);
        return 0;
    }
    // Always UTC, whatever offset was written.
    FUZZ_CHECK(parsed.timeSpec() == Qt::UTC || parsed.offsetFromUtc() == 0, input);
    // Only a date with a time is a timestamp.
    FUZZ_CHECK(input.contains(QLatin1Char('T')) || input.contains(QLatin1Char('t')), input);
#if WEBEXDESK_FUZZ_WEBEXTIME_ROUND_TRIP
    // A time that was read can be written, and reads back as itself.
    const QString printed = WebexTime::toString(parsed);
    FUZZ_CHECK(!printed.isEmpty(), input);
    FUZZ_CHECK(WebexTime::parse(printed) == parsed, input + QStringLiteral(" -> ") + printed);
#endif
    return 0;
}
