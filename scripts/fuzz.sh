#!/usr/bin/env bash
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
# Builds the fuzz programs of the "asan" preset (clang, libFuzzer, AddressSanitizer +
# UndefinedBehaviorSanitizer; the same build as scripts/test-sanitizers.sh) and fuzzes each target of tests/fuzz (all, or the TARGETs named, e.g. messagehtml) for
# SECONDS each (default 60), as many at a time as there are cores (WEBEXDESK_FUZZ_JOBS).
# Each starts from its checked-in corpus (tests/fuzz/corpus/<target>) and what earlier runs
# here found (build-asan/fuzz-corpus/<target>: kept, never checked in), with its dictionary.
# A crash, a broken property, a leak, an input slower than 10 s or one over 2 GB is a
# finding: saved in build-asan/findings/<time>/<target>/, printed (the report, the input in
# base64 and how to replay it), and the exit status is 1.
# To keep a finding as a regression test: copy it to tests/fuzz/corpus/<target>/ under a name
# that says what it is, fix the cause, and run `ctest -L fuzz` (docs/RELIABILITY.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi

bash "$here/install-deps.sh"
[ -f build-asan/CMakeCache.txt ] || cmake --preset asan
cmake --build --preset fuzzers -j"$(nproc)"

programs=build-asan/tests/fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for program in "$programs"/fuzz_*; do
        [ -f "$program" ] && [ -x "$program" ] && targets+=("${program##*/fuzz_}")
    done
fi
for target in "${targets[@]}"; do
    if [ ! -x "$programs/fuzz_$target" ]; then
        echo "fuzz.sh: no fuzz target \"$target\" (see tests/fuzz/CMakeLists.txt)" >&2
        exit 2
    fi
done

run="build-asan/findings/$(date +%Y%m%d-%H%M%S)"
logs="$run/logs"
mkdir -p "$logs"
# Reports with stacks; UBSan already stops at the first finding (-fno-sanitize-recover).
export UBSAN_OPTIONS="print_stacktrace=1"

# The dictionary of a target: its own, else the one of its family (json_* share json.dict,
# the two HTTP answers share reply.dict).
dictionary() {
    local name="$1"
    case "$name" in
        json_* | jsonbody) name=json ;;
        apierror | tokenreply) name=reply ;;
    esac
    [ -f "tests/fuzz/dict/$name.dict" ] && echo "-dict=tests/fuzz/dict/$name.dict"
    return 0
}

fuzz_one() {
    local target="$1"
    local found="build-asan/fuzz-corpus/$target"
    mkdir -p "$found" "$run/$target"
    local status=0
    # shellcheck disable=SC2046 # the dictionary option is one word or none
    "$programs/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$run/$target/" $(dictionary "$target") \
        "$found" "tests/fuzz/corpus/$target" >"$logs/$target.log" 2>&1 || status=$?
    echo "$status" >"$logs/$target.status"
}

jobs_max="${WEBEXDESK_FUZZ_JOBS:-$(nproc)}"
echo "Fuzzing ${#targets[@]} targets for ${seconds} s each, ${jobs_max} at a time"
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
        wait -n || true
    done
    fuzz_one "$target" &
done
wait

failed=0
printf '%-16s %12s %8s  %s\n' target executions corpus result
for target in "${targets[@]}"; do
    status="$(cat "$logs/$target.status")"
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)"
    corpus="$(find "build-asan/fuzz-corpus/$target" "tests/fuzz/corpus/$target" -type f | wc -l)"
    findings=("$run/$target"/*)
    [ -e "${findings[0]}" ] || findings=()
    if [ "$status" -eq 0 ] && [ ${#findings[@]} -eq 0 ]; then
        printf '%-16s %12s %8s  %s\n' "$target" "${runs:-?}" "$corpus" ok
        continue
    fi
    failed=1
    printf '%-16s %12s %8s  %s\n' "$target" "${runs:-?}" "$corpus" "FINDING (exit $status)"
done

[ "$failed" -eq 0 ] && exit 0

for target in "${targets[@]}"; do
    status="$(cat "$logs/$target.status")"
    findings=("$run/$target"/*)
    [ -e "${findings[0]}" ] || findings=()
    [ "$status" -eq 0 ] && [ ${#findings[@]} -eq 0 ] && continue
    echo
    echo "=== $target: exit $status; the report (full log: $logs/$target.log)"
    # From the first report line (sanitizer, broken property, libFuzzer's own) to the end.
    awk '/^==[0-9]+==|property failed|runtime error|^qFatal|ALARM: working on the last Unit|out-of-memory|deadly signal/ {p=1} p' \
        "$logs/$target.log" | head -80
    for finding in "${findings[@]}"; do
        echo "--- finding: $finding ($(stat -c %s "$finding") bytes), base64:"
        base64 -w 0 "$finding" | head -c 20000
        echo
        echo "replay: $programs/fuzz_$target $finding"
        echo "keep:   cp $finding tests/fuzz/corpus/$target/<what-it-is>"
    done
done
exit 1
