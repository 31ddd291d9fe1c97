#!/usr/bin/env bash
# Usage: bash scripts/test-sanitizers.sh [CTEST ARG...]
# Builds the "asan" preset (everything with AddressSanitizer + UndefinedBehaviorSanitizer, in
# build-asan/) and runs the whole suite on it, the same way as scripts/test.sh: through
# scripts/ctest-in-session.sh (a private D-Bus session and keyring). Arguments go to ctest.
# What the sanitizers check, and the few places they are told to look away, with the reasons:
# the top-level CMakeLists.txt (WEBEXDESK_SANITIZE) and docs/RELIABILITY.md, "Fuzzing and
# sanitizers".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."

bash "$here/install-deps.sh"
[ -f build-asan/CMakeCache.txt ] || cmake --preset asan
cmake --build --preset asan -j"$(nproc)"

# UBSan's reports with their stacks. ASan and LSan keep their defaults (leaks are checked);
# the tests that run QtWebEngine get their own environment from CMake, with the reasons.
export UBSAN_OPTIONS="print_stacktrace=1"
# As many tests at once as there are cores, as scripts/test.sh does.
WEBEXDESK_BUILD_DIR="$PWD/build-asan" exec bash "$here/ctest-in-session.sh" -j"$(nproc)" "$@"
