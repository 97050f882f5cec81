#!/usr/bin/env bash
# Fuzzes Synapse's readers with libFuzzer and AddressSanitizer (Fuzz/SynapseFuzz): IDX, NPY,
# NPZ, CSV, gzip, safetensors, model descriptions, checkpoint records, PNG and PGM.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET ...]
#
# Runs each target (all by default) for SECONDS (default 60) from its seed corpus in
# Fuzz/corpus/TARGET, with libFuzzer's seed 1, a 2 GB memory limit (an input that makes a
# reader allocate more fails, as a huge declared size must be an error, not an allocation) and
# a 10 s limit per input. New inputs go to a scratch corpus, not the committed one; a crash
# leaves crash-* (or oom-*, timeout-*) in .build-fuzz/findings/TARGET and fails the run. Reproduce
# one without libFuzzer: swift run -c release SynapseFuzz TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(idx npy npz csv gzip safetensors model checkpoint png pgm)

echo "== build (libFuzzer + AddressSanitizer, .build-fuzz)"
swift build -c release --product SynapseFuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld   # gold fails on this link
binary=.build-fuzz/release/SynapseFuzz

failed=0
for target in "${targets[@]}"; do
    scratch=.build-fuzz/corpus/$target findings=.build-fuzz/findings/$target
    mkdir -p "$scratch" "$findings"
    echo "== $target: $seconds s"
    if SYNAPSE_FUZZ_TARGET=$target "$binary" "$scratch" "Fuzz/corpus/$target" -seed=1 -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1 > "$findings/log.txt" 2>&1; then
        grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "$findings/log.txt" | tr '\n' ' '
        echo "(no crash)"
    else
        echo "FAILED: see $findings/log.txt"; tail -30 "$findings/log.txt"; failed=1
    fi
done
exit $failed
