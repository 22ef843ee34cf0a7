# t_probe.sh: bounces of MTAs and providers that no detector fixture covers
# (tests/fixtures/probe), each with the recipients and verdicts that the
# reason table and the status codes call for, in probe/expected.tsv
# (file, recipient, reason, hardbounce, status, replycode).  The status is
# the DSN's Status field, or else the enhanced code in the server's reply
# (which also refines a generic X.0.0); both codes are empty when the
# message gives none.  One check per expected row, and one that the
# messages name no other recipient.  probe/aliases.tsv (file, recipient,
# alias) names the alias column of recipients of bounces that report one
# (Original-Recipient, X-Actual-Recipient, "expanded from", "generated
# from"); an empty alias there means none may be reported.
# Sourced by tests/run.sh after lib.sh.

C=$TMP/probe
mkdir -p "$C"
bd probe classify --format=tsv probe
expect_rc "probe classify exits 0" 0

# got: FILE<TAB>RECIPIENT<TAB>REASON<TAB>HARDBOUNCE<TAB>STATUS<TAB>REPLYCODE
# for every row of a message.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["file"] ~ /\.eml$/ { f = $c["file"]; sub(/.*\//, "", f)
		print f "\t" $c["recipient"] "\t" $c["reason"] "\t" $c["hardbounce"] \
			"\t" $c["status"] "\t" $c["replycode"] }' \
	"$C/probe.out" | sort >"$C/got.tsv"
tail -n +2 "$BD_FIXTURES/probe/expected.tsv" | sort >"$C/want.tsv"

# A tab is white space to read, which would run empty codes together: read
# the rows with "|" between the fields.
tr '\t' '|' <"$C/want.tsv" >"$C/want.rows"
while IFS='|' read -r f rcpt reason hard status reply; do
	got=$(awk -F'\t' -v f="$f" -v r="$rcpt" '$1 == f && $2 == r { print $3 "/" $4 "/" $5 "/" $6 }' "$C/got.tsv")
	same "probe $f $rcpt" "$got" "$reason/$hard/$status/$reply"
done <"$C/want.rows"

same "probe recipients are those expected" "$(cut -f1,2 "$C/got.tsv")" "$(cut -f1,2 "$C/want.tsv")"

# The alias column of the recipients named in aliases.tsv.
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["file"] ~ /\.eml$/ { f = $c["file"]; sub(/.*\//, "", f)
		print f "\t" $c["recipient"] "\t" $c["alias"] }' \
	"$C/probe.out" | sort >"$C/got-alias.tsv"
tail -n +2 "$BD_FIXTURES/probe/aliases.tsv" | tr '\t' '|' >"$C/want-alias.rows"
while IFS='|' read -r f rcpt alias; do
	got=$(awk -F'\t' -v f="$f" -v r="$rcpt" '$1 == f && $2 == r { print "[" $3 "]" }' "$C/got-alias.tsv")
	same "probe alias $f $rcpt" "$got" "[$alias]"
done <"$C/want-alias.rows"
