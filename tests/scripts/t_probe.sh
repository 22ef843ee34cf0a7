# t_probe.sh: bounces of MTAs and providers that no detector fixture covers
# (tests/fixtures/probe), each with the recipients and verdicts that the
# reason table and the status codes call for, in probe/expected.tsv
# (file, recipient, reason, hardbounce).  One check per expected row, and
# one that the messages name no other recipient.
# Sourced by tests/run.sh after lib.sh.

C=$TMP/probe
mkdir -p "$C"
bd probe classify --format=tsv probe
expect_rc "probe classify exits 0" 0

# got: FILE<TAB>RECIPIENT<TAB>REASON<TAB>HARDBOUNCE for every row of a message.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["file"] ~ /\.eml$/ { f = $c["file"]; sub(/.*\//, "", f)
		print f "\t" $c["recipient"] "\t" $c["reason"] "\t" $c["hardbounce"] }' \
	"$C/probe.out" | sort >"$C/got.tsv"
tail -n +2 "$BD_FIXTURES/probe/expected.tsv" | sort >"$C/want.tsv"

while IFS='	' read -r f rcpt reason hard; do
	got=$(awk -F'\t' -v f="$f" -v r="$rcpt" '$1 == f && $2 == r { print $3 "/" $4 }' "$C/got.tsv")
	same "probe $f $rcpt" "$got" "$reason/$hard"
done <"$C/want.tsv"

same "probe recipients are those expected" "$(cut -f1,2 "$C/got.tsv")" "$(cut -f1,2 "$C/want.tsv")"
