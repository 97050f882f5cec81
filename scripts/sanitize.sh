#!/usr/bin/env bash
# Runs the tests under AddressSanitizer and ThreadSanitizer, each in its own build folder
# (.build-asan, .build-tsan), optimised as the README's test command builds them.
#
# usage: scripts/sanitize.sh [address|thread ...] [-- FILTER]
#
# With no sanitizer named, runs both. Each runs the whole suite, or the tests matching FILTER
# (e.g. -- "ConcurrentInference|Recurrence|Convolution" for the threaded ones alone).
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=()
filter=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --) filter=${2:-}; shift $(( $# > 1 ? 2 : 1 ));;
        address|thread) sanitizers+=("$1"); shift;;
        *) echo "usage: $0 [address|thread ...] [-- FILTER]" >&2; exit 2;;
    esac
done
[[ ${#sanitizers[@]} -eq 0 ]] && sanitizers=(address thread)

export SYNAPSE_DATA=${SYNAPSE_DATA:-$(cd ../shared/datasets 2>/dev/null && pwd || echo ../shared/datasets)}
for sanitizer in "${sanitizers[@]}"; do
    scratch=.build-${sanitizer:0:1}san
    tests=${filter:-.}
    echo "== $sanitizer sanitizer: build ($scratch)"
    swift build -c release --sanitize="$sanitizer" --scratch-path "$scratch" -Xswiftc -enable-testing --build-tests --disable-xctest
    echo "== $sanitizer sanitizer: tests matching '$tests'"
    # halt_on_error: the first report fails the run.
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=0 TSAN_OPTIONS=halt_on_error=1 \
        swift test -c release --sanitize="$sanitizer" --scratch-path "$scratch" -Xswiftc -enable-testing --disable-xctest --skip-build \
        --filter "$tests"
done
