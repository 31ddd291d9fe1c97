#!/usr/bin/env bash
# Builds the benchmarks (bench/) optimised and runs each of them headless, printing Qt Test's
# results and the benchmarks' own lines (worst frames, memory). docs/BENCHMARKS.md explains them.
#
#   scripts/bench.sh                     all benchmarks
#   scripts/bench.sh bench_roomfilter    only these (any of bench/bench_*.cpp)
#   BENCH_BUILD_DIR=/path scripts/bench.sh   another build directory
#   BENCH_ARGS="-callgrind" scripts/bench.sh  extra Qt Test options for every benchmark
#
# Start-up time and memory of the real webex-desk (bench/startup) need an X server and a
# keyring of their own: scripts/bench-startup.sh runs them.
#
# CMakePresets.json has no Release preset (default is RelWithDebInfo in build/, which the test
# run uses), so the benchmarks get their own Release build directory, build-bench-release.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BENCH_BUILD_DIR:-$root/build-bench-release}"
jobs="${BENCH_JOBS:-$(nproc)}"

if [ ! -f "$build/CMakeCache.txt" ]; then
    # The tests are not needed to measure; the benchmarks are on by default.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DWEBEXDESK_BUILD_TESTS=OFF -DWEBEXDESK_BUILD_BENCHMARKS=ON
fi
cmake --build "$build" --target benchmarks -j"$jobs"

if [ "$#" -gt 0 ]; then
    benchmarks=("$@")
else
    benchmarks=()
    for source in "$root"/bench/bench_*.cpp; do
        benchmarks+=("$(basename "$source" .cpp)")
    done
fi

export QT_QPA_PLATFORM=offscreen
# Debug output of the models ("Room list has n spaces") would be timed with the rest.
export QT_LOGGING_RULES="webexdesk.*.debug=false"
echo "Machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
for name in "${benchmarks[@]}"; do
    echo
    echo "=== $name ==="
    # shellcheck disable=SC2086 # BENCH_ARGS is a list of options
    "$build/bench/$name" ${BENCH_ARGS:-} || status=$?
done
exit "$status"
