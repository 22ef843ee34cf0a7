# lib.sh: helpers for script tests (sourced by tests/run.sh).
# Each check prints "ok NAME" or "FAIL NAME: why" and records the result.
TMP=${BD_TMP:-${TMPDIR:-/tmp}/bd-test.$$}
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

# bd NAME ARGS...: runs the binary ($C is the calling script's work
# directory), stdout to $C/NAME.out, stderr to
# $C/NAME.err, exit status in $rc.  Runs from the fixtures directory so row
# names are short relative paths.
bd() {
	n=$1; shift
	(cd "$BD_FIXTURES" && "$BD_BIN" "$@") >"$C/$n.out" 2>"$C/$n.err"
	rc=$?
}
# expect_rc NAME WANT: checks the status of the last bd call.
expect_rc() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else fail "$1" "exit $rc, want $2 ($(head -c 200 "$C/$n.err"))"; fi
}
# same NAME GOT WANT: compares two strings, showing both on failure.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got [$(printf '%s' "$2" | tr '\n' ' ')] want [$(printf '%s' "$3" | tr '\n' ' ')]"; fi
}
