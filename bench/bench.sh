#!/bin/sh
# bench.sh: throughput, memory and start-up figures, one line each.
#   bench/bench.sh BIN [STOREBENCH]
# Builds a large mbox by repeating the corpus messages (../shared's
# maildir/bsd; our own tests/fixtures messages when ../shared is absent),
# then times `parse` and `classify` over it on one core (best of 3), compares
# peak RSS for 10,000 and 20,000 messages, and times the start with the full
# rule set (`classify` of one bounce; `rules check` beside it) over 50
# runs.  Then the store: `ingest` of the same messages made unique (an
# X-Bench-Seq header) into a fresh store, and, with STOREBENCH, a store of
# 1,000,000 events (built once and kept in $BD_BENCH_STORE, default
# build/bench/store-1m.db; an older store is migrated when storebench opens
# it) queried as the operator's screens do, and the terminal UI on that
# store: bench/ui.keys run $UI_RUNS times in the scripted mode (read-only,
# --timings), the first screen and each key's handling and drawing, the
# median of the runs for each; the work the UI leaves until no key waits (a
# filter's count) apart.
# Reports only: always exits 0.
set -u
BIN=${1:?usage: bench/bench.sh BIN [STOREBENCH]}
SB=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${BD_SHARED:-$top/../shared}
N=20000           # messages in the large mbox
N_HALF=10000      # the smaller one, for the memory comparison
RUNS=3            # best of
STARTUP_RUNS=50
TARGET_RATE=20000 # msgs/s, parse and classify
TARGET_START=10   # ms, start with the full rule set and classify one bounce
TARGET_INGEST=10000 # msgs/s into the store
STORE_EVENTS=1000000
UI_RUNS=3
UI_SIZE=120x40
TARGET_UI_FIRST=100 # ms, start to the first complete screen
TARGET_UI_KEY=50    # ms, any key

if [ ! -x "$BIN" ]; then
	echo "bench: $BIN not found or not executable; run make first"
	exit 0
fi
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
	echo "bench: $TIME not found (install it with: sh scripts/deps.sh test)"
	exit 0
fi
PIN=""
command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null && PIN="taskset -c 0"

W=$(mktemp -d "${TMPDIR:-/tmp}/bd-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM

if [ -d "$SHARED/corpus/sisimai/maildir/bsd" ]; then
	SRC="$SHARED/corpus/sisimai/maildir/bsd"
	SRC_NAME="corpus bsd/"
else
	SRC="$top/tests/fixtures"
	SRC_NAME="tests/fixtures (../shared not found)"
fi

# mbox of N messages: the source messages repeated in order, mboxrd-quoted.
python3 - "$SRC" "$W" "$N_HALF" "$N" <<'PY' || { echo "bench: could not build the mbox"; exit 0; }
import os, re, sys
src, out, counts = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
msgs = []
for dp, dn, fn in sorted(os.walk(src)):
    dn.sort()
    for f in sorted(fn):
        if not f.endswith(".eml"):
            continue
        data = open(os.path.join(dp, f), "rb").read().replace(b"\r\n", b"\n")
        if data.startswith(b"From "):  # an mbox separator line of its own
            data = data.split(b"\n", 1)[1] if b"\n" in data else b""
        data = re.sub(rb"(?m)^(>*From )", rb">\1", data)
        if not data.endswith(b"\n"):
            data += b"\n"
        msgs.append(b"From bench@example.org Fri Jan  1 00:00:00 2021\n" + data + b"\n")
if not msgs:
    sys.exit(1)
for n in counts:
    with open(os.path.join(out, "bench-%d.mbox" % n), "wb") as fh:
        for i in range(n):
            fh.write(msgs[i % len(msgs)])
# The same messages, each made distinct, for the store's ingest.
with open(os.path.join(out, "ingest.mbox"), "wb") as fh:
    for i in range(counts[-1]):
        m = msgs[i % len(msgs)]
        sep, rest = m.split(b"\n", 1)
        fh.write(sep + b"\nX-Bench-Seq: %d\n" % i + rest)
PY
big=$W/bench-$N.mbox
half=$W/bench-$N_HALF.mbox
got=$("$BIN" parse "$big" 2>/dev/null | cut -f2 | sed 1d | uniq | wc -l)
echo "bench: input $N messages ($(($(wc -c <"$big") / 1048576)) MiB) from $SRC_NAME, $got reported${PIN:+, pinned to CPU 0}"

# measure CMD INPUT: best elapsed seconds and its peak RSS (KiB) over $RUNS
# runs, in $best and $rss.
measure() {
	best=""; rss=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		$PIN "$TIME" -f '%e %M' -o "$W/t" "$BIN" "$1" "$2" >/dev/null 2>"$W/err" || {
			echo "bench: $1 failed: $(tail -n 3 "$W/err")"; best=""; return 1; }
		read -r e m <"$W/t"
		if [ -z "$best" ] || awk -v a="$e" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$e
		fi
		if [ -z "$rss" ] || [ "$m" -gt "$rss" ]; then rss=$m; fi
	done
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

for cmd in parse classify; do
	measure "$cmd" "$big" || continue
	awk -v c="$cmd" -v n="$N" -v s="$best" -v k="$rss" -v t="$TARGET_RATE" 'BEGIN {
		if (s < 0.01) s = 0.01
		r = n / s
		printf "bench: %s %d msgs in %.2f s = %d msgs/s, peak %.1f MiB (target %d: %s)\n",
			c, n, s, r, k / 1024, t, (r >= t ? "ok" : "MISSED") }'
done

# Memory must not grow with the number of messages: peak RSS of classify
# (the heavier command) for N_HALF and N messages.
RUNS=1
measure classify "$half" && r1=$rss && measure classify "$big" && r2=$rss &&
	awk -v a="$r1" -v b="$r2" -v n1="$N_HALF" -v n2="$N" 'BEGIN {
		flat = b <= a * 1.10 + 1024
		printf "bench: memory %d msgs %.1f MiB, %d msgs %.1f MiB (%s)\n",
			n1, a / 1024, n2, b / 1024, flat ? "flat" : "GROWS" }'

# Start-up with the full rule set, as a mail server that pipes one bounce
# per process pays it: `classify` of one bounce (the built-in patterns are
# compiled on first use, the user's rule files at load).  Beside it,
# `rules check`, which compiles every pattern, and the bare process start
# (`--version`) that both include.
"$BIN" rules check >/dev/null 2>&1 || echo "bench: rules check exits non-zero"
ONE=$top/tests/fixtures/detectors/postfix.eml
# per_run CMD...: mean ms of $STARTUP_RUNS runs of CMD, in $ms.
per_run() {
	t0=$(date +%s%N)
	i=0
	while [ "$i" -lt "$STARTUP_RUNS" ]; do
		$PIN "$@" >/dev/null 2>&1
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	ms=$(awk -v ns="$((t1 - t0))" -v n="$STARTUP_RUNS" 'BEGIN { printf "%.1f", ns / n / 1e6 }')
}
per_run "$BIN" classify "$ONE"
one=$ms
per_run "$BIN" rules check
check=$ms
per_run "$BIN" --version
bare=$ms
awk -v ms="$one" -v c="$check" -v b="$bare" -v n="$STARTUP_RUNS" -v t="$TARGET_START" 'BEGIN {
	printf "bench: startup classify one bounce %.1f ms (%d runs; rules check %.1f ms, bare start %.1f ms) (target %d ms: %s)\n",
		ms, n, c, b, t, (ms < t ? "ok" : "MISSED") }'
# Ingest: every message new, into a fresh store (best of $RUNS; elapsed
# time, all threads).
RUNS=3
best=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	i=$((i + 1))
	rm -f "$W"/ingest.db*
	"$TIME" -f '%e %M' -o "$W/t" "$BIN" ingest --quiet --db "$W/ingest.db" "$W/ingest.mbox" \
		2>"$W/err" || { echo "bench: ingest failed: $(tail -n 3 "$W/err")"; best=""; break; }
	read -r e m <"$W/t"
	if [ -z "$best" ] || awk -v a="$e" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$e; fi
done
[ -n "$best" ] && awk -v n="$N" -v s="$best" -v t="$TARGET_INGEST" -v k="$m" 'BEGIN {
	if (s < 0.01) s = 0.01
	r = n / s
	printf "bench: ingest %d msgs into a fresh store in %.2f s = %d msgs/s, peak %.1f MiB (target %d: %s)\n",
		n, s, r, k / 1024, t, (r >= t ? "ok" : "MISSED") }'

# ui_bench: the UI on $STORE with bench/ui.keys, $UI_RUNS runs; prints the
# first screen, the median and max per key, and the slowest key.
ui_bench() {
	[ -f "$STORE" ] || { echo "bench: ui: no store at $STORE"; return; }
	r=0
	while [ "$r" -lt "$UI_RUNS" ]; do
		r=$((r + 1))
		"$BIN" ui --read-only --db "$STORE" --keys "$top/bench/ui.keys" --dump "$W/ui.out" \
			--size "$UI_SIZE" --timings "$W/ui-$r.tsv" 2>"$W/err" ||
			{ echo "bench: ui failed: $(tail -n 3 "$W/err")"; return; }
	done
	awk -F'\t' -v runs="$UI_RUNS" -v size="$UI_SIZE" -v tf="$TARGET_UI_FIRST" \
		-v tk="$TARGET_UI_KEY" '
	FNR == 1 { run++ }
	{ name[FNR] = $1; t[run, FNR] = $2; if (FNR > n) n = FNR }
	function med3(i,   a, b, c, x) {
		if (runs < 3) return t[1, i]
		a = t[1, i]; b = t[2, i]; c = t[3, i]
		if (a > b) { x = a; a = b; b = x }
		if (b > c) { x = b; b = c; c = x }
		if (a > b) { x = a; a = b; b = x }
		return b
	}
	END {
		first = med3(1)
		k = 0; max = -1
		over = ""
		idle = -1
		for (i = 2; i <= n; i++) {
			if (name[i] == "(idle)") {
				x = med3(i)
				if (x > idle) idle = x
				continue
			}
			v[++k] = med3(i)
			if (v[k] > max) { max = v[k]; slow = name[i] " (key " k ")" }
			if (v[k] >= tk) over = over sprintf("%s%s (key %d) %.1f ms", over == "" ? "" : ", ", name[i], k, v[k])
		}
		# insertion sort for the median
		for (i = 2; i <= k; i++) {
			x = v[i]
			for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]
			v[j + 1] = x
		}
		m = k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
		printf "bench: ui on the 1M store (%s, %d keys, median of %d runs): first screen %.1f ms; per key median %.1f ms, max %.1f ms (slowest: %s) (target %d ms / %d ms: %s)\n",
			size, k, runs, first, m, max, slow, tf, tk,
			(first < tf && max < tk) ? "ok" : "MISSED"
		if (over != "")
			printf "bench: ui keys over %d ms: %s\n", tk, over
		if (idle >= 0)
			printf "bench: ui work after a key, while no key waits (a filter'"'"'s count): max %.1f ms\n", idle
	}' "$W"/ui-*.tsv
}

# A store of 1,000,000 events: per-reason counts and the first page of the
# largest category.
if [ -n "$SB" ] && [ -x "$SB" ]; then
	STORE=${BD_BENCH_STORE:-$top/build/bench/store-1m.db}
	mkdir -p "$(dirname "$STORE")"
	"$SB" "$STORE" "$STORE_EVENTS" | sed 's/^storebench:/bench: store 1M events:/'
	ui_bench
fi
exit 0
