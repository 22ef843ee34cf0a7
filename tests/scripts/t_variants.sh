# t_variants.sh: the same notice in another transfer form is read the same
# way.  Every message of our fixtures (probe/ and detectors/), and of the
# corpus when ../shared is present, is rewritten by variants.py: header
# names lower-cased, text parts re-encoded as base64 or quoted-printable,
# CRLF line ends, attached whole to a person's forward, and with the
# delivery-status part labelled text/plain.  Each variant
# must give every message the recipients, reasons, hard-bounce flags and
# codes of the original.  Files that hold several messages (mbox-like) are
# left out: a forward carries one message.
# Sourced by tests/run.sh after lib.sh.

C=$TMP/variants
mkdir -p "$C"

# rows FILE: "NAME|RECIPIENT|REASON|HARD|STATUS|REPLY" for each row of a
# classify TSV of .eml files, NAME without its directory; files with a
# second message are dropped.
rows() {
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ f = $c["file"]; sub(/.*\//, "", f)
		  if (f !~ /\.eml$/ || ($c["msgno"] != "" && $c["msgno"] != "1")) multi[f] = 1
		  line[NR] = f "|" $c["recipient"] "|" $c["reason"] "|" $c["hardbounce"] "|" \
			$c["status"] "|" $c["replycode"]; name[NR] = f }
		END { for (i = 2; i <= NR; i++) if (!(name[i] in multi)) print line[i] }' "$1" | sort
}

# variants LABEL DIR: every mode against DIR's own reading.
variants() {
	label=$1 dir=$2
	w=$C/$label
	mkdir -p "$w"
	"$BD_BIN" classify --format=tsv "$dir" >"$w/base.tsv" 2>/dev/null
	rows "$w/base.tsv" >"$w/base.rows"
	for mode in lowerhdr base64 qp crlf forward dsnplain; do
		if ! python3 "$BD_TOP/tests/scripts/variants.py" "$mode" "$dir" "$w/$mode" 2>"$w/$mode.err"; then
			fail "variants $label $mode" "variants.py failed: $(head -c 200 "$w/$mode.err")"
			continue
		fi
		"$BD_BIN" classify --format=tsv "$w/$mode" >"$w/$mode.tsv" 2>/dev/null
		# Only the messages the original reading kept.
		rows "$w/$mode.tsv" | awk -F'|' 'NR == FNR { keep[$1] = 1; next } $1 in keep' \
			"$w/base.rows" - >"$w/$mode.rows"
		# The files whose rows differ, each named once.
		differ=$(diff "$w/base.rows" "$w/$mode.rows" | sed -n 's/^[<>] \([^|]*\)|.*/\1/p' | sort -u)
		n=$(printf '%s' "$differ" | grep -c .)
		same "variants $label $mode: every message read as in its original form" \
			"$n $(printf '%s' "$differ" | head -n 8 | tr '\n' ' ')" "0 "
	done
}

if command -v python3 >/dev/null 2>&1; then
	variants probe "$BD_FIXTURES/probe"
	variants detectors "$BD_FIXTURES/detectors"
	if have_corpus; then
		variants corpus "$BD_SHARED/corpus/sisimai/maildir/bsd"
	else
		skip "variants corpus" "no corpus at $BD_SHARED/corpus/sisimai (../shared absent)"
	fi
else
	skip "variants" "python3 is not installed (scripts/deps.sh test installs it)"
fi
