#pragma once

#include <functional>
#include <optional>

class ApiError;

// When a failed Webex call is sent again, and after how long. WebexClient keeps the counts and
// the timers; this class only decides, so the rules are tested without a network.
//
// The rules (docs/webex-wire.md, "Retries"):
// - What may be repeated: a GET after a rate limit (429), a file still being scanned (423 with
//   Retry-After), a server error
//   (408, 500, 502, 503, 504), a connection that failed (refused, reset, host not found, network
//   unreachable, proxy), an answer cut off before its announced end, or a transfer timeout.
//   A POST only when it surely did not arrive: a rate limit (Webex refused it) or a refused
//   connection (nothing was sent). A 4xx, a TLS error, an answer too large and a complete answer
//   that is not what Webex sends are never repeated: the same would come again.
// - How often: MaxRetries per call for rate limits and as many again for failures (a paged call
//   counts afresh per page); a timeout at most MaxTimeoutRetries times, since a silent server
//   costs a whole transfer timeout per attempt; a file being scanned MaxScanRetries times, a
//   budget of its own: a scan of a large file takes longer than a rate limit lasts, and its
//   waits say nothing about the other two.
// - How long: what Retry-After says (429, 423, 503), at least a second, at most
//   MaxRetryAfterSeconds (more: the call fails at once and says when to try again; waiting less
//   than asked would only earn another 429); 15 s for a 429 without a usable Retry-After.
//   Otherwise exponential backoff with "equal jitter": a random time between half and all of
//   FirstBackoffMs * 2^(attempt-1), capped at MaxBackoffMs.
//
// Compared with Webex's own JavaScript SDK (webex/webex-js-sdk,
// packages/@webex/webex-core/src/interceptors/http-retry/policy.js, DEFAULT_HTTP_RETRY_POLICY):
// it backs off on 408, 429, 500, 502, 503, 504, honours Retry-After on 429 and 503 up to one
// hour (beyond that it does not retry), retries only GET, HEAD, OPTIONS, PUT and DELETE, at most
// 3 times, with 400 ms * 2^n capped at 3.2 s and +-20 % jitter; it does not retry network errors
// unless asked to. We retry network errors of GETs too (a desktop on a flaky link), and use equal
// jitter as described in the AWS Architecture Blog's "Exponential Backoff And Jitter": never an
// immediate repeat (full jitter may draw 0 ms), while many clients still spread out over half
// the window. The 15 s default (and the 1 s least) for a 429 is what the Webex Python SDK waits
// (ciscosparkapi, now webexteamssdk: SparkRateLimitError, max(1, Retry-After or 15)).
class RetryPolicy
{
public:
    // What went wrong, as far as trying again is concerned.
    enum class Cause {
        Final,       ///< Not worth another attempt: the same would come again.
        RateLimited, ///< Webex refused the call for now (429).
        Scanning,    ///< The file is still being scanned for malware (423 with Retry-After).
        ServerError, ///< 408, 500, 502, 503, 504.
        Connection,  ///< No answer began: refused, reset, host not found, unreachable, proxy.
        CutOff,      ///< The answer began but broke off before its announced end.
        Timeout,     ///< No data for the transfer timeout (a silent server).
    };

    static constexpr int MaxRetries = 3;
    static constexpr int MaxTimeoutRetries = 1;
    static constexpr int MaxScanRetries = 10;
    static constexpr int FirstBackoffMs = 1000;
    static constexpr int MaxBackoffMs = 30 * 1000;
    static constexpr int MinRetryAfterMs = 1000;
    static constexpr int DefaultRateLimitMs = 15 * 1000;
    static constexpr int MaxRetryAfterSeconds = 3600;

    // The retries one call (one page of a paged call) has had, by what they were for.
    struct Counts
    {
        int rateLimits = 0;
        int failures = 0; ///< server errors, connections, cut-off answers and timeouts
        int timeouts = 0;
        int scans = 0;

        // Whether the budget allows one more retry for `cause` (never for Final).
        [[nodiscard]] bool allow(Cause cause) const;
        void count(Cause cause);
    };

    [[nodiscard]] static Cause causeOf(const ApiError &error);
    // Whether a request that is not idempotent (a POST) may be sent again after this error:
    // only when it surely was not applied.
    [[nodiscard]] static bool surelyNotApplied(const ApiError &error);

    // The unscaled wait before retry number `attempt` (from 1) after `error`, or nullopt when
    // the error asks for a wait longer than MaxRetryAfterSeconds (the call then fails). Does
    // not look at the counts: the caller decides first whether there is a retry at all.
    [[nodiscard]] std::optional<int> delayMs(const ApiError &error, int attempt) const;
    // The exponential backoff with equal jitter, in [d/2, d] for d = min(Max, First * 2^(n-1)).
    [[nodiscard]] int backoffMs(int attempt) const;

    // Where the jitter comes from: a number in [0, 1] per retry (values outside are clamped).
    // QRandomGenerator::global() by default; tests give a fixed one.
    void setRandomSource(std::function<double()> source);

private:
    std::function<double()> m_random;
};
