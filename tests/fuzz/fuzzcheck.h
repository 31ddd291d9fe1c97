#pragma once

// What every fuzz target in tests/fuzz shares. A target is one function,
// LLVMFuzzerTestOneInput, run two ways: by libFuzzer (the "fuzz" preset, clang), and by
// corpusrunner.cpp over the checked-in corpus as an ordinary CTest test (any compiler).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace Fuzz {

// A broken property: says which and where (with the offending value, shortened), then aborts,
// so libFuzzer keeps the input as a crash and the corpus test fails.
[[noreturn]] void fail(const char *file, int line, const char *condition, const QString &detail);

[[nodiscard]] QByteArray bytes(const uint8_t *data, size_t size);
// The input as the app would decode a server's UTF-8 (invalid sequences become U+FFFD).
[[nodiscard]] QString text(const uint8_t *data, size_t size);

} // namespace Fuzz

// FUZZ_CHECK(property, value shown when it fails)
#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            Fuzz::fail(__FILE__, __LINE__, #condition, (detail));                                  \
    } while (false)
