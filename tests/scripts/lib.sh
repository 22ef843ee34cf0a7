# lib.sh: helpers for script tests (sourced by tests/run.sh).
# Each check prints "ok NAME" or "FAIL NAME: why" and records the result.
TMP=${TMPDIR:-/tmp}/bd-test.$$
mkdir -p "$TMP"
ok() { echo "ok   $1"; echo "pass 1" >>"$BD_RESULTS"; }
fail() { echo "FAIL $1: $2"; echo "fail 1" >>"$BD_RESULTS"; }
skip() { echo "skip $1: $2"; echo "skip 1" >>"$BD_RESULTS"; }
# check NAME COMMAND...: passes when the command succeeds.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else fail "$name" "command failed: $*"; fi
}
# column FILE NAME: prints the values of column NAME of a TSV file (no header).
column() {
	awk -F'\t' -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { print $k }' "$1"
}
have_corpus() { [ -d "$BD_SHARED/corpus/sisimai/maildir/bsd" ]; }
