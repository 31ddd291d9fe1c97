#!/usr/bin/env bash
# Start-up time and memory of webex-desk restoring a session with 10,000 spaces, next to a bare
# Qt Widgets window (bench/startup, docs/BENCHMARKS.md "Start-up and memory"). Builds what it
# needs, then runs bench_startup in a private D-Bus session with a throwaway keyring
# (scripts/in-keyring-session.sh), because it stores a session under the app's own keychain
# service; bench_startup starts its own Xvfb and webex-emulator.
#
#   scripts/bench-startup.sh                   10 starts of each, 10,000 spaces
#   scripts/bench-startup.sh --runs 20         any bench_startup option (--help lists them)
#   BENCH_BUILD_DIR=/path scripts/bench-startup.sh   another build directory
#
# Like scripts/bench.sh it uses a Release build directory of its own, build-bench-release.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BENCH_BUILD_DIR:-$root/build-bench-release}"
jobs="${BENCH_JOBS:-$(nproc)}"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DWEBEXDESK_BUILD_TESTS=OFF -DWEBEXDESK_BUILD_BENCHMARKS=ON
fi
cmake --build "$build" --target bench_startup -j"$jobs"

command -v Xvfb >/dev/null || { echo "bench-startup.sh: Xvfb is missing (apt install xvfb)" >&2; exit 1; }
# bench_startup refuses to run without this (and a temporary HOME): it is how it knows the
# keyring it writes to is a throwaway one.
export WEBEXDESK_BENCH_THROWAWAY_KEYRING=1
exec bash "$root/scripts/in-keyring-session.sh" "$build/bench/bench_startup" "$@"
