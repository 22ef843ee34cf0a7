# t_store.sh: the store through the real binary: ingest, dedup, stop
# rules, operator decisions, exports, the mail-server pipe's exit codes,
# Maildir handling, a kill -9 in the middle of an ingest, and concurrent
# writers and readers.  Sourced by tests/run.sh after lib.sh.

C=$TMP/store
mkdir -p "$C"
DB=$C/one.db
GEN="python3 $BD_TOP/tests/scripts/mkbounces.py"
export BOUNCEDESK_SYSCONFDIR="$C/etc" XDG_CONFIG_HOME="$C/config"
# count SQL: prints one number from the store (python's sqlite3, not ours).
count() {
	python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"
}

# --- ingest the fixtures; again: all duplicates
bd ingest1 ingest --db "$DB" detectors cli store
expect_rc "store ingest exits 0" 0
check "store ingest summary counts new messages" grep -q "messages: [0-9]* new" "$C/ingest1.out"
new1=$(sed -n 's/.*messages: \([0-9]*\) new.*/\1/p' "$C/ingest1.out")
bd ingest2 ingest --db "$DB" detectors cli store
expect_rc "store second ingest exits 0" 0
same "store second ingest stores nothing again" "$(sed -n 's/.*: \([0-9]*\) new, \([0-9]*\) duplicates.*/\1 \2/p' "$C/ingest2.out")" "0 $new1"
same "store second ingest adds no events" "$(count "$DB" 'select count(*) from events')" "$(count "$DB" 'select sum(events) from reason_stats')"

# --- stop rules and check (exit 0 may send, 1 stopped, 2 error)
bd chk1 check --db "$DB" mia@example.com
expect_rc "store user unknown is stopped (check exits 1)" 1
bd chk2 check --db "$DB" noah@example.jp
expect_rc "store one mailbox-full bounce does not stop (check exits 0)" 0
bd chk3 check --db "$DB" never-bounced@example.org
expect_rc "store unknown address may be mailed" 0
bd chk4 check --db "$DB"
expect_rc "store check without an address exits 2" 2
bd chk5 check --db "$C/missing/none.db" a@example.org
expect_rc "store check without a store yet exits 0" 0
check "store check did not create a store" test ! -e "$C/missing/none.db"

# --- forwarding: the registered address is the one stopped
bd fwd check --db "$DB" member@shop-customer.example
expect_rc "store forwarded bounce stops the registered address" 1
bd fwd2 check --db "$DB" target@forward.example
expect_rc "store forward target is not stopped in its place" 0
bd fwdshow show --db "$DB" member@shop-customer.example
check "store show names both addresses of a forward" grep -q "registered member@shop-customer.example -> failed at target@forward.example" "$C/fwdshow.out"

# --- sender-side refusals are incidents, not stops
bd spam check --db "$DB" info@example.org
expect_rc "store spam refusal does not stop the address" 0
bd stats stats --db "$DB"
expect_rc "store stats exits 0" 0
check "store stats lists sender-side refusals per domain" grep -q "example.jp: 1 spamdetected since" "$C/stats.out"
check "store stats counts per reason" grep -Eq "^userunknown +[0-9]+ +[0-9]+ +[0-9]+" "$C/stats.out"
check "store stats counts per state" grep -Eq "^stopped +[0-9]+" "$C/stats.out"

# --- operator decisions, journalled under the login name with the reason
me=$(id -un)
bd op1 resume --db "$DB" --reason "called the customer" mia@example.com
expect_rc "store resume exits 0" 0
bd op2 check --db "$DB" mia@example.com
expect_rc "store resumed address may be mailed" 0
bd op3 stop --db "$DB" --reason "asked to unsubscribe" Quiet@Example.ORG
expect_rc "store stop of a new address exits 0" 0
bd op4 check --db "$DB" quiet@example.org
expect_rc "store stop is case-insensitive on the address" 1
bd op5 show --db "$DB" mia@example.com
check "store journal has the automatic stop" grep -q "auto *stop *active -> stopped" "$C/op5.out"
check "store journal has who resumed and why" grep -q "$me *resume *stopped -> active: called the customer" "$C/op5.out"
bd op6 confirm --db "$DB" nobody-here@example.org
expect_rc "store confirm of an unknown address exits 1" 1
bd op7 stop --db "$DB" not-an-address
expect_rc "store stop of something that is not an address exits 1" 1
bd op8 clear --db "$DB" --reason "mailbox fixed" noah@example.jp
expect_rc "store clear exits 0" 0
check "store clear says what went" grep -Eq "cleared [1-9][0-9]* events" "$C/op8.out"
bd op9 show --db "$DB" noah@example.jp
check "store cleared address has no bounces left" grep -q "bounces:  0" "$C/op9.out"
check "store journal records the clear" grep -Eq "$me *clear .*events and [0-9]+ raw messages deleted: mailbox fixed" "$C/op9.out"

# --- exports
bd ex1 export --db "$DB"
expect_rc "store export exits 0" 0
check "store export lists stopped addresses" grep -qx "quiet@example.org" "$C/ex1.out"
check "store export leaves out active addresses" sh -c "! grep -qx 'mia@example.com' '$C/ex1.out'"
bd ex2 export --db "$DB" --format=postfix
check "store postfix export is an access map" grep -qx "quiet@example.org REJECT bouncedesk: stopped: asked to unsubscribe" "$C/ex2.out"
bd ex3 export --db "$DB" --format=json
check "store json export parses" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(r['address']=='quiet@example.org' for r in d)" "$C/ex3.out"
bd ex4 export --db "$DB" --format=csv --state=active
check "store csv export has a header" sh -c "head -1 '$C/ex4.out' | grep -q '^address,state,review'"
check "store csv export of active includes the resumed" grep -q "^mia@example.com,active" "$C/ex4.out"
bd ex5 export --db "$DB" --format=yaml
expect_rc "store export refuses an unknown format" 2

# --- a bad bouncedesk.conf stops the program with FILE:LINE
printf 'window 30d\npolicy userunknown explode\n' >"$C/bad.conf"
bd badconf ingest --db "$C/badconf.db" --config "$C/bad.conf" detectors/rfc3464.eml
expect_rc "store bad config exits 1" 1
check "store bad config names the file and line" grep -q "bad.conf:2: unknown action 'explode'" "$C/badconf.err"
printf 'policy mailboxfull stop\n' >"$C/strict.conf"
bd strict ingest --db "$C/strict.db" --config "$C/strict.conf" detectors/rfc3464.eml
bd strict2 check --db "$C/strict.db" noah@example.jp
expect_rc "store config changes the stop rules (mailbox full stops at once)" 1

# --- unparsed messages are kept with the reason
head -c 3000 /dev/urandom >"$C/junk.bin"
bd up1 ingest --db "$DB" --max-size=1000 "$C/junk.bin"
expect_rc "store ingest of an oversized message exits 0" 0
bd up2 unparsed --db "$DB"
check "store unparsed lists the message with the error" grep -q "junk.bin" "$C/up2.out"
id=$(awk -F'\t' 'NR == 2 { print $1 }' "$C/up2.out")
bd up3 raw --db "$DB" "$id"
check "store raw gives the bytes back unchanged" cmp -s "$C/up3.out" "$C/junk.bin"

# --- the mail-server pipe: 0 once committed, 75 when the store is locked
P=$C/pipe.db
python3 "$BD_TOP/tests/scripts/mkbounces.py" "$C/pipe.mbox" 3
sed -n '2,/^--B0--$/p' "$C/pipe.mbox" >"$C/pipe0.eml"
"$BD_BIN" ingest --db "$P" - <"$C/pipe0.eml" >"$C/pipe.out" 2>"$C/pipe.err"
rc=$?
same "store pipe ingest exits 0" "$rc" 0
check "store pipe ingest prints nothing to a pipe" test ! -s "$C/pipe.out"
python3 - "$P" "$C/locked" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(3)
db.execute("ROLLBACK")
PY
lockpid=$!
i=0; while [ ! -e "$C/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
sed 's/bounce-0@/bounce-0b@/' "$C/pipe0.eml" >"$C/pipe1.eml"
BOUNCEDESK_BUSY_TIMEOUT=300 "$BD_BIN" ingest --db "$P" - <"$C/pipe1.eml" >/dev/null 2>"$C/lock.err"
rc=$?
same "store pipe ingest exits 75 while the store is locked" "$rc" 75
check "store locked store is explained" grep -qi "lock" "$C/lock.err"
wait $lockpid
"$BD_BIN" ingest --db "$P" - <"$C/pipe1.eml" >/dev/null 2>&1
same "store retried pipe message is stored" "$(count "$P" 'select count(*) from messages')" 2
# A store that cannot be created (its directory would sit under a file).
: >"$C/afile"
"$BD_BIN" ingest --db "$C/afile/sub/x.db" - <"$C/pipe0.eml" >/dev/null 2>"$C/unavail.err"
same "store unavailable store exits 75" "$?" 75
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 99"); c.commit()' "$C/newer.db"
bd newer stats --db "$C/newer.db"
expect_rc "store newer schema exits 1" 1
check "store newer schema is explained" grep -q "newer than this bouncedesk" "$C/newer.err"

# --- Maildir: new/ -> cur/ after the commit; --keep leaves it
rm -rf "$C/md" && cp -r "$BD_FIXTURES/cli/maildir" "$C/md"
nnew=$(ls "$C/md/new" | wc -l)
bd md1 ingest --db "$C/md.db" --keep "$C/md"
same "store --keep leaves new/ alone" "$(ls "$C/md/new" | wc -l)" "$nnew"
bd md2 ingest --db "$C/md.db" "$C/md"
same "store ingest empties new/" "$(ls "$C/md/new" | wc -l)" 0
check "store moved messages carry the seen flag in cur/" sh -c "ls '$C/md/cur' | grep -q ':2,S$'"
# A Maildir file that starts with an mbox "From " line (some delivery
# agents write one) is still one message: stored, then moved.
rm -rf "$C/mdf" && mkdir -p "$C/mdf/new" "$C/mdf/cur" "$C/mdf/tmp"
f1=$(ls "$C/md/cur" | head -n 1)
{ echo "From MAILER-DAEMON  Sun Nov 22 10:00:00 2026"; cat "$C/md/cur/$f1"; } >"$C/mdf/new/1.host"
bd mdf ingest --db "$C/mdf.db" "$C/mdf"
expect_rc "store Maildir file with a From line ingests" 0
same "store Maildir file with a From line leaves new/" "$(ls "$C/mdf/new" | wc -l)" 0
same "store Maildir file with a From line is one message" \
	"$(count "$C/mdf.db" 'select count(*) from messages')" 1

# --- kill -9 in the middle, rerun: the same store as a clean run
N=20000
$GEN "$C/big.mbox" $N
"$BD_BIN" ingest --db "$C/clean.db" "$C/big.mbox" >/dev/null 2>&1
"$BD_BIN" ingest --db "$C/crash.db" "$C/big.mbox" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 400 ]; do
	n=$(count "$C/crash.db" 'select count(*) from messages' 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 0 ] && break
	sleep 0.01; i=$((i + 1))
done
if kill -9 $pid 2>/dev/null; then
	wait $pid 2>/dev/null
	part=$(count "$C/crash.db" 'select count(*) from messages')
	if [ "$part" -lt $N ]; then ok "store kill -9 came mid-way ($part of $N committed)"
	else skip "store kill -9 mid-way" "the ingest had finished"; fi
	"$BD_BIN" ingest --db "$C/crash.db" "$C/big.mbox" >"$C/rerun.out" 2>&1
	same "store rerun after kill -9 exits 0" "$?" 0
	for q in 'select count(*) from messages' 'select count(*) from events' \
		"select count(*) from addresses where state = 'stopped'" 'select count(*) from journal'; do
		same "store after kill -9: $q" "$(count "$C/crash.db" "$q")" "$(count "$C/clean.db" "$q")"
	done
else
	wait $pid 2>/dev/null
	skip "store kill -9 mid-way" "the ingest finished before it could be killed"
fi

# --- two writers and a reader at once
$GEN "$C/w1.mbox" 4000 network
python3 - "$C/w1.mbox" "$C/w2.mbox" <<'PY'
import sys
open(sys.argv[2], "w").write(open(sys.argv[1]).read().replace("@mx.shop.example>", "@mx2.shop.example>"))
PY
"$BD_BIN" ingest --db "$C/conc.db" --quiet "$C/pipe0.eml" 2>"$C/w0.err"
"$BD_BIN" ingest --db "$C/conc.db" --quiet "$C/w1.mbox" 2>"$C/w1.err" &
p1=$!
"$BD_BIN" ingest --db "$C/conc.db" --quiet "$C/w2.mbox" 2>"$C/w2.err" &
p2=$!
rerr=0
i=0
while [ $i -lt 30 ]; do
	"$BD_BIN" stats --db "$C/conc.db" >/dev/null 2>>"$C/r.err" || rerr=$((rerr + 1))
	i=$((i + 1))
done
wait $p1; r1=$?
wait $p2; r2=$?
same "store concurrent writers both exit 0" "$r1 $r2" "0 0"
same "store concurrent reader saw no error" "$rerr $(grep -c . "$C/r.err" 2>/dev/null || true)" "0 0"
same "store concurrent writers stored every message" "$(count "$C/conc.db" 'select count(*) from messages')" 8001
