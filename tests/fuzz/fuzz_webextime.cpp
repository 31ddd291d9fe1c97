// Webex timestamps ("2016-04-21T19:12:48.920Z") in every object: WebexTime::parse, and the
// wire form it prints for "before=" queries.

#include "fuzzcheck.h"

#include "model/webextime.h"

// `9999-12-31T23:59:59.9999` parsed into the year 10000, which printed as an empty string, before
// issue 10 (digits past the milliseconds are dropped now); corpus/webextime/finding-year-10000.

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
    // A time that was read can be written, and reads back as itself.
    const QString printed = WebexTime::toString(parsed);
    FUZZ_CHECK(!printed.isEmpty(), input);
    FUZZ_CHECK(WebexTime::parse(printed) == parsed, input + QStringLiteral(" -> ") + printed);
    return 0;
}
