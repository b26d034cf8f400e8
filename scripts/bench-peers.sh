#!/usr/bin/env bash
# Times `redline diff` beside `git diff --no-index --word-diff=porcelain` and GNU `wdiff` on
# the same generated pairs, then the shipped drafts' history in every format and the
# adversarial formulaic pair. The pairs: 150, 1,500 and 15,000 paragraphs with a typical
# revision (about a tenth of the paragraphs touched, the pair issue 9 sets its target on),
# and 1,500 and 15,000 with a heavy one (two paragraphs in five). Prints wall time (median of
# RUNS runs), the ratio to each peer and peak memory (maximum resident set, /usr/bin/time -v).
#
#   scripts/bench-peers.sh            # RUNS=5 by default
#   RUNS=9 scripts/bench-peers.sh
#
# Needs: a release build (built here), git, wdiff (apt-get install wdiff), GNU time
# (apt-get install time). Pairs are written under target/bench-pairs by examples/gen.rs,
# seeded, so every run compares the same bytes. These are measurements for
# docs/performance.md, never a pass/fail test.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PAIRS=target/bench-pairs
REDLINE=target/release/redline

for tool in git wdiff /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-peers: $tool not found" >&2; exit 2; }
done

cargo build --release --quiet
cargo build --release --quiet --example gen
GEN=target/release/examples/gen
PAIR_NAMES="typical-150 typical-1500 typical-15000 heavy-1500 heavy-15000"
for pair in $PAIR_NAMES; do
    [ -s "$PAIRS/$pair/new.txt" ] || "$GEN" --revision "${pair%-*}" --paragraphs "${pair#*-}" \
        --seed 1 --out "$PAIRS/$pair" >/dev/null
done
[ -s "$PAIRS/formulaic/new.txt" ] ||
    "$GEN" --formulaic --paragraphs 5000 --seed 1 --out "$PAIRS/formulaic" >/dev/null

# One run of a command: "seconds kilobytes". Wall time from the clock in nanoseconds (GNU
# time prints hundredths, too coarse for the shipped drafts), peak memory from GNU time.
# Exit status 1 means "different" for all three tools, so only statuses above 1 are trouble.
measure() {
    local log
    log=$(mktemp)
    local status=0 start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || status=$?
    end=$(date +%s%N)
    if [ "$status" -gt 1 ]; then
        echo "bench-peers: failed ($status): $*" >&2
        cat "$log" >&2
        exit 2
    fi
    local wall kb
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    rm -f "$log"
    echo "$wall $kb"
}

# Median wall time (seconds) and the largest peak memory (KB) of RUNS runs.
median() {
    local walls=() peak=0 out
    for _ in $(seq "$RUNS"); do
        out=$(measure "$@")
        walls+=("${out% *}")
        [ "${out#* }" -gt "$peak" ] && peak=${out#* }
    done
    local mid
    mid=$(printf '%s\n' "${walls[@]}" | sort -g | awk -v n="$RUNS" 'NR == int((n + 1) / 2)')
    echo "$mid $peak"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "—" }'; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
    "$(free -g | awk '/^Mem:/ { print $2 }') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs per cell: $RUNS (median wall time; peak memory is the largest of the runs)"
echo
printf '%-13s %9s | %-22s %-22s | %-22s %-20s %-20s | %s\n' \
    "pair" input "redline json" "redline terminal" "git --word-diff" "wdiff" \
    "ratio json/git, /wdiff" "peak json / input"
for pair in $PAIR_NAMES; do
    old=$PAIRS/$pair/old.txt new=$PAIRS/$pair/new.txt
    bytes=$(($(stat -c %s "$old") + $(stat -c %s "$new")))
    read -r rj mj < <(median "$REDLINE" diff "$old" "$new" -f json)
    read -r rt mt < <(median "$REDLINE" diff "$old" "$new" -f terminal --color never)
    read -r g mg < <(median git diff --no-index --word-diff=porcelain "$old" "$new")
    read -r w mw < <(median wdiff "$old" "$new")
    printf '%-13s %9s | %-22s %-22s | %-22s %-20s %-20s | %s\n' "$pair" "$(mb $((bytes / 1024)))" \
        "${rj}s $(mb "$mj")" "${rt}s $(mb "$mt")" "${g}s $(mb "$mg")" "${w}s $(mb "$mw")" \
        "$(ratio "$rj" "$g"), $(ratio "$rj" "$w")" "$(ratio "$mj" $((bytes / 1024)))"
done

echo
echo "shipped drafts: redline history drafts/wsis20 (target < 50 ms)"
for format in terminal json html; do
    read -r t m < <(median "$REDLINE" history drafts/wsis20 -f "$format" --color never)
    printf '  %-9s %6.0f ms  %s\n' "$format" "$(awk -v t="$t" 'BEGIN { print t * 1000 }')" "$(mb "$m")"
done

echo
echo "adversarial: 5,000 near-identical formulaic paragraphs, shuffled, a tenth edited (target < 2 s)"
read -r t m < <(median "$REDLINE" diff "$PAIRS/formulaic/old.txt" "$PAIRS/formulaic/new.txt" -f json)
printf '  redline diff -f json  %ss  %s\n' "$t" "$(mb "$m")"
