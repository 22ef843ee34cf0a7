# t_cli.sh: the real binary ($BD_BIN) on our own fixtures: exit codes, help,
# output columns, escaping, JSON, and every kind of input.
# Sourced by tests/run.sh after lib.sh.

C=$TMP/cli
mkdir -p "$C"
F=$BD_FIXTURES/cli
D=$BD_FIXTURES/detectors

# tsv_shape FILE: every line has as many fields as the header.
tsv_shape() {
	awk -F'\t' 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad || NR == 0 }' "$1"
}
# no_raw_ctl FILE: no control byte except the tab and newline separators.
no_raw_ctl() {
	! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"
}
# has_cols FILE COL...: the header of a TSV file names every COL.
has_cols() {
	f=$1; shift
	hdr=$(head -n 1 "$f")
	for c in "$@"; do
		printf '%s\n' "$hdr" | tr '\t' '\n' | grep -qx "$c" || { echo "  missing column $c"; return 1; }
	done
}
json_ok() { python3 -m json.tool "$1" >/dev/null 2>&1; }
# names FILE: the messages of a TSV in order, as FILE or FILE#MSGNO.
names() {
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "file") f = i; if ($i == "msgno") m = i }; next }
		{ print $f ($m != "" ? "#" $m : "") }' "$1" | uniq | tr '\n' ' ' | sed 's/ $//'
}

# --- exit codes -----------------------------------------------------------
bd ok1 parse detectors/rfc3464.eml
expect_rc "cli exit 0 on a readable input" 0
bd unread parse cli/no-such-file.eml detectors/rfc3464.eml
expect_rc "cli exit 1 when one input is unreadable" 1
same "cli other inputs still print when one is unreadable" "$(column "$C/unread.out" recipient | tr '\n' ' ')" \
	"mia@example.com noah@example.jp "
check "cli unreadable input named on stderr" grep -q 'cli/no-such-file.eml' "$C/unread.err"
bd unread_only parse cli/no-such-file.eml
expect_rc "cli exit 1 when the only input is unreadable" 1
bd badcmd frobnicate detectors/rfc3464.eml
expect_rc "cli exit 2 on an unknown command" 2
check "cli unknown command explained on stderr" grep -q frobnicate "$C/badcmd.err"
bd badfmt parse --format=xml detectors/rfc3464.eml
expect_rc "cli exit 2 on an unknown format" 2
check "cli unknown format prints no rows" test ! -s "$C/badfmt.out"
bd badfmt2 classify --format=yaml detectors/rfc3464.eml
expect_rc "cli exit 2 on an unknown classify format" 2
bd badopt parse --no-such-option detectors/rfc3464.eml
expect_rc "cli exit 2 on an unknown option" 2
bd noinput parse
expect_rc "cli exit 2 without an input" 2
bd nocmd
expect_rc "cli exit 2 without a command" 2
bd badsub rules frobnicate
expect_rc "cli exit 2 on an unknown rules subcommand" 2
bd badsize parse --max-size=lots detectors/rfc3464.eml
expect_rc "cli exit 2 on a --max-size that is not a number" 2

# --- rules explain shows the evidence about the address --------------------------
bd explain rules explain detectors/mcafee.eml
expect_rc "cli rules explain exits 0" 0
check "cli rules explain says whether the address was judged" grep -q '^  address      unjudged' "$C/explain.out"
check "cli rules explain shows a rule's address= condition" grep -q 'filtered address=unjudged /' "$C/explain.out"

# --- help ------------------------------------------------------------------
bd help --help
expect_rc "cli --help exits 0" 0
check "cli --help lists the commands" sh -c "grep -q '^usage: bouncedesk' '$C/help.out' &&
	grep -q 'parse' '$C/help.out' && grep -q 'classify' '$C/help.out' && grep -q 'rules' '$C/help.out'"
for cmd in parse classify rules; do
	bd "help_$cmd" "$cmd" --help
	expect_rc "cli $cmd --help exits 0" 0
	check "cli $cmd --help prints its usage on stdout" grep -q "^usage: bouncedesk $cmd" "$C/help_$cmd.out"
done

# --- TSV columns ---------------------------------------------------------------
PARSE_COLS="file recipient alias action status replycode diagnostic remote_mta detector kind"
CLASS_COLS="reason category hardbounce permanent rule"
bd cols_p parse detectors/rfc3464.eml
# shellcheck disable=SC2086
check "cli parse header has the report columns" has_cols "$C/cols_p.out" $PARSE_COLS
bd cols_c classify detectors/rfc3464.eml
# shellcheck disable=SC2086
check "cli classify header adds the classification columns" has_cols "$C/cols_c.out" $PARSE_COLS $CLASS_COLS
same "cli file column is the input path" "$(names "$C/cols_p.out")" "detectors/rfc3464.eml"
same "cli classify values for a DSN" "$(column "$C/cols_c.out" reason | tr '\n' ' ')$(column "$C/cols_c.out" hardbounce | tr '\n' ' ')" \
	"userunknown mailboxfull 1 0 "
bd allfix classify detectors cli/plain.eml cli/escapes.eml cli/tabs.eml
check "cli every TSV row has as many fields as the header" tsv_shape "$C/allfix.out"

# --- a message without recipients still gets a row -------------------------------
bd norcpt parse cli/plain.eml
same "cli message without recipients: one row" "$(($(wc -l <"$C/norcpt.out") - 1))" 1
same "cli message without recipients: its kind, no recipient" \
	"$(column "$C/norcpt.out" kind)|$(column "$C/norcpt.out" recipient)" "notbounce|"
bd norcpt_c classify cli/plain.eml
same "cli classify keeps the recipient-less row" "$(column "$C/norcpt_c.out" kind)" notbounce

# --- control bytes are escaped, never raw ----------------------------------------
bd esc parse cli/escapes.eml cli/tabs.eml
check "cli escapes: no raw control bytes in TSV" no_raw_ctl "$C/esc.out"
check "cli escapes: tabs in a diagnostic do not add fields" tsv_shape "$C/esc.out"
check "cli escapes: ESC in a diagnostic shows as \\x1b" \
	grep -qF '\x1b[31mRED\x1b[0m bell\x07 bs\x08' "$C/esc.out"
check "cli escapes: ESC and BEL in a Subject show escaped" grep -qF '\x1b]0;pwned\x07' "$C/esc.out"
check "cli escapes: DEL and other controls escaped" grep -qF '\x01\x02 \x7fend' "$C/esc.out"
bd esc_c classify cli/escapes.eml cli/tabs.eml
check "cli escapes: classify output has no raw control bytes" no_raw_ctl "$C/esc_c.out"
bd esc_j classify --format=json cli/escapes.eml cli/tabs.eml
check "cli escapes: no raw control bytes in JSON" no_raw_ctl "$C/esc_j.out"
check "cli escapes: JSON decodes back to the original diagnostic" python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
d = [r["diagnostic"] for r in rows]
assert any("\x1b[31mRED\x1b[0m bell\x07 bs\x08" in x for x in d), d
assert any("\x01\x02 \x7fend" in x for x in d), d
' "$C/esc_j.out"

# --- JSON ----------------------------------------------------------------------------
bd json_p parse --format=json detectors cli
check "cli parse --format=json is valid JSON" json_ok "$C/json_p.out"
bd json_c classify --format=json detectors cli
check "cli classify --format=json is valid JSON" json_ok "$C/json_c.out"
bd tsv_c classify detectors cli
same "cli JSON and TSV give the same rows" \
	"$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$C/json_c.out" 2>&1)" \
	"$(($(wc -l <"$C/tsv_c.out") - 1))"
check "cli JSON rows carry every TSV column" python3 -c '
import json, sys
hdr = open(sys.argv[2]).readline().rstrip("\n").split("\t")
rows = json.load(open(sys.argv[1]))
assert rows and all(list(r) == hdr for r in rows), hdr
' "$C/json_c.out" "$C/tsv_c.out"
mkdir -p "$C/emptydir"
bd json_empty parse --format=json "$C/emptydir"
expect_rc "cli empty directory exits 0" 0
empty_array() { python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != [])' "$1" 2>/dev/null; }
check "cli JSON with no rows is a valid empty array" empty_array "$C/json_empty.out"

# --- inputs ----------------------------------------------------------------------------
bd in_file parse detectors/zoho.eml
same "cli input: one file" "$(names "$C/in_file.out")|$(column "$C/in_file.out" recipient)" \
	"detectors/zoho.eml|ivy@example.com"
bd in_files parse detectors/zoho.eml detectors/sendmail.eml detectors/qmail.eml
same "cli input: several files, in argument order" "$(names "$C/in_files.out")" \
	"detectors/zoho.eml detectors/sendmail.eml detectors/qmail.eml"
bd in_mbox parse cli/three.mbox
same "cli input: mbox of 3 reported as its file with msgno 1..3" "$(names "$C/in_mbox.out")" \
	"cli/three.mbox#1 cli/three.mbox#2 cli/three.mbox#3"
same "cli input: mbox messages keep their recipients" "$(column "$C/in_mbox.out" recipient | tr '\n' ' ')" \
	"mia@example.com noah@example.jp dave@example.com ivy@example.com "
bd in_mbox1 parse cli/one.mbox
same "cli input: one-message mbox named just PATH" "$(names "$C/in_mbox1.out")" "cli/one.mbox"
bd in_maildir parse cli/maildir
same "cli input: Maildir, new/ then cur/" "$(names "$C/in_maildir.out")" \
	"cli/maildir/new/1620468000.M1P1.host cli/maildir/cur/1620468001.M2P2.host:2,S"
bd in_dir parse cli/dir
same "cli input: plain directory, files sorted" "$(names "$C/in_dir.out")" "cli/dir/a.eml cli/dir/b.eml"
(cd "$BD_FIXTURES" && "$BD_BIN" parse - <detectors/rfc3464.eml) >"$C/in_stdin.out" 2>"$C/in_stdin.err"
same "cli input: - reads a message from stdin" \
	"$(names "$C/in_stdin.out")|$(column "$C/in_stdin.out" recipient | tr '\n' ' ')" \
	"-|mia@example.com noah@example.jp "
(cd "$BD_FIXTURES" && "$BD_BIN" classify - <cli/three.mbox) >"$C/in_stdin_mbox.out" 2>"$C/in_stdin_mbox.err"
same "cli input: an mbox on stdin is - with msgno 1..3" "$(names "$C/in_stdin_mbox.out")" "-#1 -#2 -#3"
bd in_mixed parse detectors/zoho.eml cli/three.mbox cli/maildir
same "cli input: file, mbox and Maildir in one run" "$(names "$C/in_mixed.out" | wc -w)" 6

# --- explain: the code reference ------------------------------------------
# No bouncedesk.conf of this machine or user may change the stop rules shown.
export BOUNCEDESK_SYSCONFDIR="$C/etc" XDG_CONFIG_HOME="$C/config"
bd ex_reply explain --lang=en 250 451 550
expect_rc "cli explain reply codes 2xx 4xx 5xx exit 0" 0
check "cli explain 550 shows its title, class and digit" sh -c "
	grep -q '^550 Requested action not taken: mailbox unavailable' '$C/ex_reply.out' &&
	grep -q '^Reply class 5yz: Permanent Negative Completion reply' '$C/ex_reply.out' &&
	grep -q '^Second digit x5z: Mail system' '$C/ex_reply.out'"
check "cli explain 451 is a transient reply" grep -q '^Reply class 4yz: Transient Negative' "$C/ex_reply.out"
check "cli explain 250 is a positive completion" grep -q '^Reply class 2yz: Positive Completion' "$C/ex_reply.out"
bd ex_status explain --lang=en 2.1.5 4.2.2 5.1.1
expect_rc "cli explain enhanced codes 2.x.x 4.x.x 5.x.x exit 0" 0
check "cli explain 5.1.1: class, subject, reason, hard, permanent, stop rule" sh -c "
	grep -q '^5.1.1 Bad destination mailbox address' '$C/ex_status.out' &&
	grep -q '^Class 5.X.X: Permanent Failure' '$C/ex_status.out' &&
	grep -q '^Subject X.1.X: Addressing Status' '$C/ex_status.out' &&
	grep -q '^  Reason: userunknown' '$C/ex_status.out' &&
	grep -q '^  Hard or soft: hard' '$C/ex_status.out' &&
	grep -q '^  Permanent failure: yes' '$C/ex_status.out' &&
	grep -q '^  Stop rule: group:address stop' '$C/ex_status.out'"
check "cli explain 4.2.2 is soft, not permanent, held" sh -c "
	grep -q '^Class 4.X.X: Persistent Transient Failure' '$C/ex_status.out' &&
	grep -q '^  Hard or soft: soft' '$C/ex_status.out' &&
	grep -q '^  Stop rule: mailboxfull hold after=3' '$C/ex_status.out'"
check "cli explain 2.1.5 is a success" grep -q '^Class 2.X.X: Success' "$C/ex_status.out"
bd ex_forms explain --lang=en '#5.1.1' '5.1.1:' x.1.1
expect_rc "cli explain takes #5.1.1, 5.1.1: and a class-free x.1.1" 0
same "cli explain normalises pasted forms" "$(grep -c '^5.1.1 Bad destination' "$C/ex_forms.out") $(grep -c '^X.1.1 Bad destination' "$C/ex_forms.out")" "2 1"
bd ex_line explain --lang=en '550 5.1.1 <a@example.com>: User unknown'
expect_rc "cli explain a pasted diagnostic line exits 0" 0
same "cli explain picks the codes out of a diagnostic line" \
	"$(grep -E '^[0-9X][0-9.X]* ' "$C/ex_line.out" | cut -d' ' -f1 | tr '\n' ' ')" "550 5.1.1 "
bd ex_unknown explain --lang=en 5.9.9 599 5.1.1
expect_rc "cli explain unknown codes exit 1" 1
check "cli explain names unknown codes on stderr" sh -c "
	grep -q '5.9.9 is not a registered code' '$C/ex_unknown.err' &&
	grep -q '599 is not a registered code' '$C/ex_unknown.err'"
check "cli explain explains an unknown code by its class" sh -c "
	grep -q '^  5.9.9 is not a registered code' '$C/ex_unknown.out' &&
	grep -q '^Reply class 5yz' '$C/ex_unknown.out'"
check "cli explain still explains the known code after unknown ones" grep -q '^5.1.1 Bad destination' "$C/ex_unknown.out"
bd ex_bad explain --lang=en 6.1.1 abc 5.1 550
expect_rc "cli explain malformed codes exit 1" 1
check "cli explain names malformed codes on stderr" sh -c "
	grep -q \"'6.1.1' is not an SMTP\" '$C/ex_bad.err' && grep -q \"'abc' is not an SMTP\" '$C/ex_bad.err' &&
	grep -q \"'5.1' is not an SMTP\" '$C/ex_bad.err'"
check "cli explain still explains the good code after malformed ones" grep -q '^550 ' "$C/ex_bad.out"
bd ex_none explain
expect_rc "cli explain without a code exits 2" 2
check "cli explain without a code prints its usage" grep -q '^usage: bouncedesk explain' "$C/ex_none.err"
bd ex_help explain --help
expect_rc "cli explain --help exits 0" 0
check "cli explain --help shows usage and details" sh -c "
	grep -q '^usage: bouncedesk explain \\[--lang=en|ja\\] \\[--config=FILE\\] CODE' '$C/ex_help.out' &&
	grep -q -- '--config=FILE' '$C/ex_help.out' && grep -q '^Exit status' '$C/ex_help.out'"
n=ex_ja; (cd "$BD_FIXTURES" && LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 "$BD_BIN" explain 5.2.2) >"$C/$n.out" 2>"$C/$n.err"; rc=$?
expect_rc "cli explain in Japanese exits 0" 0
check "cli explain LANG=ja_JP.UTF-8 gives Japanese" sh -c "
	grep -q 'メールボックス容量超過' '$C/ex_ja.out' && grep -q '^クラス 5.X.X: 恒久的エラー' '$C/ex_ja.out'"
n=ex_ja_en; (cd "$BD_FIXTURES" && LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 "$BD_BIN" explain --lang=en 5.2.2) >"$C/$n.out" 2>"$C/$n.err"; rc=$?
check "cli explain --lang=en overrides a Japanese locale" sh -c "
	grep -q '^5.2.2 Mailbox full' '$C/ex_ja_en.out' && ! grep -q 'メールボックス' '$C/ex_ja_en.out'"
bd ex_badlang explain --lang=de 550
expect_rc "cli explain --lang other than en or ja is a usage error" 2
printf 'policy mailboxfull stop after=5\n' >"$C/ex.conf"
bd ex_conf explain --lang=en --config="$C/ex.conf" 5.2.2
expect_rc "cli explain --config exits 0" 0
check "cli explain --config changes the stop rule for 5.2.2" grep -q "^  Stop rule: mailboxfull stop after=5 \[$C/ex.conf:1\]" "$C/ex_conf.out"
bd ex_default explain --lang=en 5.2.2
check "cli explain default stop rule for 5.2.2 is hold" grep -q '^  Stop rule: mailboxfull hold after=3' "$C/ex_default.out"
printf 'policy mailboxfull frobnicate\n' >"$C/ex_bad.conf"
bd ex_badconf explain --config="$C/ex_bad.conf" 5.2.2
expect_rc "cli explain with a bad --config exits 1" 1
check "cli explain no line wider than 80 columns when not a terminal" \
	sh -c "cat '$C'/ex_status.out '$C'/ex_reply.out | awk 'length > 80 { bad = 1 } END { exit bad }'"

# --- no sanitizer report in any run above (BD_SANITIZED=1 builds) ------------------------
if cat "$C"/*.err | grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:'; then
	fail "cli no sanitizer report" "$(grep -E -l 'Sanitizer|runtime error:' "$C"/*.err | sed 's#.*/##; s#\.err$##' | tr '\n' ' ')- $(cat "$C"/*.err | grep -E -m 3 'Sanitizer|runtime error:')"
else
	ok "cli no sanitizer report"
fi

rm -rf "$C"
rmdir "$TMP" 2>/dev/null
