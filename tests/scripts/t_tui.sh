# t_tui.sh: the terminal UI driven by key scripts on a virtual 80x24 screen
# (bouncedesk ui --keys --dump), screens compared with
# tests/fixtures/tui/*.txt, decisions checked in the store afterwards; then
# the real binary in tmux when tmux is installed.  Sourced by tests/run.sh.

C=$TMP/tui
mkdir -p "$C"
DB=$C/tui.db
F=$BD_FIXTURES/tui
export BOUNCEDESK_SYSCONFDIR="$C/etc" XDG_CONFIG_HOME="$C/config" TZ=UTC
bd tuiingest ingest --db "$DB" detectors store
expect_rc "tui fixture store ingests" 0
# The time of ingest shows in the detail's "Why" line: masked.
mask() { sed -E 's/(by [^ ]+ on )[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/\1DATE/' "$1"; }
# ui NAME KEYS [DB]: runs the UI on a copy of the store with the key script.
ui() {
	n=$1
	"$BD_BIN" ui --db "${3:-$DB}" --keys "$2" --dump "$C/$n.out" --size 80x24 2>"$C/$n.err"
	rc=$?
}
# screens NAME: the dumps of the last ui call match tests/fixtures/tui/NAME.txt.
screens() {
	if mask "$C/$1.out" | diff -u "$F/$1.txt" - >"$C/$1.diff"; then ok "tui $1 screens match"
	else fail "tui $1 screens match" "$(head -c 600 "$C/$1.diff")"; fi
}

for s in screens filter resize domain; do
	ui "$s" "$F/$s.keys"
	expect_rc "tui $s script exits 0" 0
	screens "$s"
done

# The help under a Japanese locale: key sentences, headings, the category
# guide and the code reference in Japanese.
LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= "$BD_BIN" ui --db "$DB" --keys "$F/help_ja.keys" \
	--dump "$C/help_ja.out" --size 80x24 2>"$C/help_ja.err"
rc=$?
expect_rc "tui help_ja script exits 0" 0
screens help_ja
check "tui help in Japanese names the category" grep -q "このカテゴリについて" "$C/help_ja.out"
LANG=C.UTF-8 "$BD_BIN" ui --db "$DB" --keys "$F/help_ja.keys" --dump "$C/help_en.out" \
	--size 80x24 2>/dev/null
check "tui help in English without a Japanese locale" grep -q "About this category" "$C/help_en.out"

# The decoded view of a MIME bounce, on a store of that one message.
bd tuimime ingest --db "$C/mime.db" tui/mime.eml
expect_rc "tui MIME fixture ingests" 0
ui mime "$F/mime.keys" "$C/mime.db"
expect_rc "tui mime script exits 0" 0
screens mime
check "tui decoded view shows the ISO-2022-JP part in Japanese" grep -q "宛先のメールアドレスは存在しません" "$C/mime.out"
check "tui decoded view shows ESC in a decoded part as ^[" grep -q 'Hello ^\[\[31mred' "$C/mime.out"

# Nothing a bounce says reaches the terminal raw: no ESC in any dump.
if grep -q "$(printf '\033')" "$C"/*.out; then fail "tui dumps hold no escape character" "ESC found"
else ok "tui dumps hold no escape character"; fi

# --- actions: each on its own copy of the store, then `bouncedesk show`
me=$(id -un)
act() { # act NAME ADDR KEYS...: runs the keys from the categories screen
	name=$1 addr=$2; shift 2
	cp "$DB" "$C/$name.db"
	printf '%s\n' "$*" >"$C/$name.keys"
	ui "$name" "$C/$name.keys" "$C/$name.db"
	expect_rc "tui $name exits 0" 0
	(cd "$BD_FIXTURES" && "$BD_BIN" show --db "$C/$name.db" "$addr") >"$C/$name.show" 2>&1
}
act stop dina@example.com "<Enter> j s type:called_twice <Enter> dump"
check "tui stop is journalled with the login name and the reason" grep -q "$me.*stop.*called twice" "$C/stop.show"
check "tui stop says what changed in the status line" grep -q "^stop dina@example.com: stopped -> stopped" "$C/stop.out"
act resume dina@example.com "<Enter> j r <Enter> dump"
check "tui resume makes the address active" grep -q "^state.*active" "$C/resume.show"
check "tui resume is journalled" grep -q "$me.*resume" "$C/resume.show"
act confirm dina@example.com "<Enter> j c type:ok <Enter> dump"
check "tui confirm is journalled" grep -q "$me.*confirm" "$C/confirm.show"
act clearno dina@example.com "<Enter> j x dump n dump"
check "tui clear asks with the number of events" grep -q "Clear the log of dina@example.com: 1 event goes. Sure? (y/n)" "$C/clearno.out"
check "tui clear answered no keeps the log" grep -q "^state.*stopped" "$C/clearno.show"
act clear dina@example.com "<Enter> j x y type:fixed <Enter> dump"
check "tui clear deletes the log" grep -q "cleared dina@example.com: 1 events deleted" "$C/clear.out"
check "tui clear is journalled" grep -q "$me.*clear.*fixed" "$C/clear.show"
act undo dina@example.com "<Enter> j r <Enter> u dump"
check "tui undo puts the state back" grep -q "^state.*stopped" "$C/undo.show"
check "tui undo says so" grep -q "undid resume of 1 address" "$C/undo.out"
act tags dina@example.com "<Enter> j t t ; r <Enter> dump"
check "tui tagged resume acts on every tagged address" grep -q "resume: 2 addresses" "$C/tags.out"
check "tui tagged resume reached the first" grep -q "^state.*active" "$C/tags.show"
(cd "$BD_FIXTURES" && "$BD_BIN" show --db "$C/tags.db" walt@example.net) | grep -q "^state.*active" &&
	ok "tui tagged resume reached the second" || fail "tui tagged resume reached the second" "walt still stopped"
act domstop vera@example.jp "d <Enter> s type:whole_domain_checked <Enter> dump"
check "tui stop from a domain's addresses is journalled" grep -q "$me.*stop.*whole domain checked" "$C/domstop.show"
act tagpat quinn@example.jp "<Enter> T type:\.jp\$ <Enter> ; s <Enter> dump"
check "tui tag by pattern tags the matches" grep -q "stop: 4 addresses" "$C/tagpat.out"

# read-only: browsing works, decisions are refused with a message
cp "$DB" "$C/ro.db"; chmod a-w "$C/ro.db"
if [ -w "$C/ro.db" ]; then skip "tui read-only store" "running as a user who can write any file"
else
	printf '%s\n' "<Enter> s dump" >"$C/ro.keys"
	ui ro "$C/ro.keys" "$C/ro.db"
	expect_rc "tui read-only store opens" 0
	check "tui read-only store refuses decisions" grep -q "read-only store: decisions are not possible" "$C/ro.out"
fi
# a missing store says how to ingest
"$BD_BIN" ui --db "$C/none.db" --keys "$F/resize.keys" --dump "$C/none.out" 2>"$C/none.err"
check "tui missing store says how to ingest" grep -q "bouncedesk ingest --db" "$C/none.err"

# --read-only: decisions refused even on a store that can be written, and the
# file is left as it was.
cp "$DB" "$C/rof.db"
sum0=$(cksum <"$C/rof.db")
printf '%s\n' "<Enter> s dump" >"$C/rof.keys"
"$BD_BIN" ui --read-only --db "$C/rof.db" --keys "$C/rof.keys" --dump "$C/rof.out" --size 80x24 2>"$C/rof.err"
rc=$?; n=rof
expect_rc "tui --read-only opens" 0
check "tui --read-only refuses decisions" grep -q "read-only store: decisions are not possible" "$C/rof.out"
same "tui --read-only leaves the store file as it was" "$(cksum <"$C/rof.db")" "$sum0"

# --timings: "start" (the first screen) and then one line per word of the
# script but dump, each NAME<TAB>MS; "(idle)" after the filter, whose
# matches fill more than the window: its count, done after the page shows.
printf '%s\n' "j k <Enter> dump" "G g o / type:example <Enter> L" "d q ? q Q" >"$C/times.keys"
"$BD_BIN" ui --db "$DB" --keys "$C/times.keys" --dump "$C/times.out" --size 80x24 \
	--timings "$C/times.tsv" 2>"$C/times.err"
rc=$?; n=times
expect_rc "tui --timings exits 0" 0
same "tui --timings names the first screen and each key in order" \
	"$(cut -f1 "$C/times.tsv" | tr '\n' ' ')" \
	"start j k <Enter> G g o / type:example <Enter> (idle) L d q ? q Q "
check "tui --timings gives milliseconds on every line" \
	awk -F'\t' 'NF != 2 || $2 !~ /^[0-9]+\.[0-9]+$/ { exit 1 }' "$C/times.tsv"
"$BD_BIN" ui --db "$DB" --timings "$C/x.tsv" >/dev/null 2>"$C/times2.err"
rc=$?; n=times2
expect_rc "tui --timings without --keys is a usage error" 2
