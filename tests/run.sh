#!/bin/sh
# run.sh: runs every test of the project and prints one closing line,
# "check: N passed, N failed, N skipped".
#   tests/run.sh BIN UNIT_DIR
# BIN is the bouncedesk binary to test; UNIT_DIR holds the cmocka runners.
# Script tests are tests/scripts/t_*.sh; each reports through lib.sh.
set -u
BIN=$1
UNIT_DIR=$2
top=$(cd "$(dirname "$0")/.." && pwd)
export BD_BIN="$BIN" BD_TOP="$top" BD_FIXTURES="$top/tests/fixtures"
export BD_SHARED="${BD_SHARED:-$top/../shared}"
results=$(mktemp)
BD_TMP=$(mktemp -d "${TMPDIR:-/tmp}/bd-test.XXXXXX")
export BD_TMP
trap 'rm -rf "$results" "$BD_TMP"' EXIT
export BD_RESULTS="$results"

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR)|^\[  SKIPPED|^\[==========\] .* run' >&2
	passed=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	failed=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	skipped=$(printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p')
	echo "pass ${passed:-0}" >>"$results"
	echo "fail ${failed:-0}" >>"$results"
	echo "skip ${skipped:-0}" >>"$results"
	if [ "$rc" -ne 0 ] && [ -z "$failed" ]; then
		echo "$t: exited $rc" >&2
		printf '%s\n' "$out" | tail -20 >&2
		echo "fail 1" >>"$results"
	fi
done

for s in "$top"/tests/scripts/t_*.sh; do
	[ -f "$s" ] || continue
	( . "$top/tests/scripts/lib.sh"; . "$s" )
done

awk -v label="check" '
	$1 == "pass" { p += $2 } $1 == "fail" { f += $2 } $1 == "skip" { s += $2 }
	END { printf "%s: %d passed, %d failed, %d skipped\n", label, p, f, s; exit (f > 0) }
' "$results"
