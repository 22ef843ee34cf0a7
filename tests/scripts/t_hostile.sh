# t_hostile.sh: generated hostile input.  Every case must exit 0, print a
# row for every message, mark over-limit messages "unparsed" with an error
# text, never print raw control bytes, and finish within $HOSTILE_TIMEOUT
# seconds (a hang guard, not a speed test).  Under BD_SANITIZED=1 the binary
# is the sanitizer build and any report on stderr fails the case.
# Sourced by tests/run.sh after lib.sh.  Inputs are generated here, at test
# time, into $TMP; nothing large is committed.

HOSTILE_TIMEOUT=60
H=$TMP/hostile
mkdir -p "$H/in"

python3 - "$H/in" <<'EOF'
import os, random, sys
out = sys.argv[1]
def w(name, data):
    with open(os.path.join(out, name), "wb") as fh:
        fh.write(data if isinstance(data, bytes) else data.encode("latin-1"))
HDR = ("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
       "To: ops@example.org\nSubject: Delivery failure\n"
       "Date: Tue, 11 May 2021 08:00:00 +0000\nMIME-Version: 1.0\n")
def dsn(rcpts, diag="550 5.1.1 user unknown"):
    parts = [HDR, 'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n',
             "--B\nContent-Type: text/plain\n\nfailed\n\n--B\nContent-Type: message/delivery-status\n\n",
             "Reporting-MTA: dns; mx.example.net\n"]
    for r in rcpts:
        parts.append("\nFinal-Recipient: rfc822; %s\nAction: failed\nStatus: 5.1.1\n"
                     "Diagnostic-Code: smtp; %s\n" % (r, diag))
    parts.append("\n--B--\n")
    return "".join(parts)
full = dsn(["amy@example.com", "ben@example.com"])
w("truncated.eml", full[: len(full) * 2 // 3])
w("truncated-header.eml", HDR[:70])
w("no-boundaries.eml", HDR + 'Content-Type: multipart/report; report-type=delivery-status; boundary="NEVER"\n\n'
  "Final-Recipient: rfc822; cy@example.com\nAction: failed\nStatus: 5.1.1\n")
w("no-boundary-param.eml", HDR + "Content-Type: multipart/mixed\n\n--X\nContent-Type: text/plain\n\nhi\n--X--\n")
w("junk.bin", bytes(random.Random(42).randrange(256) for _ in range(200000)))
w("nul.eml", (HDR + "X-Junk: a\0b\0c\n\n").encode() + b"\0" * 1000 + b"body\0\n")
w("bad-charset.eml", (HDR.replace("Subject: Delivery failure", "Subject: =?utf-8?B?/w==?= =?x-unknown?Q?=FF=FE?=")
   + 'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n'
   "--B\nContent-Type: text/plain; charset=utf-8\n\n\xff\xfe\xc3\x28 invalid \xe2\x82\n"
   "--B\nContent-Type: text/plain; charset=iso-2022-jp\n\n\x1b$B\xff\xff\x1b(B\n"
   "--B\nContent-Type: text/plain; charset=no-such-charset\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n"
   "--B\nContent-Type: message/delivery-status; charset=utf-16\n\n"
   "Final-Recipient: rfc822; dan@example.com\nAction: failed\nStatus: 5.1.1\n"
   "Diagnostic-Code: smtp; 550 \xc0\xaf\xed\xa0\x80 \xff bad\n\n--B--\n"))
w("escapes.eml", dsn(["esc@example.com"], "550 5.1.1 \x1b[2J\x1b]0;title\x07\x1b[31mred\x08\x7f C:\\dir").replace(
  "Subject: Delivery failure", "Subject: \x1b[2J\x1b]2;pwn\x07 =?utf-8?Q?=1B[5m?="))
# U+009B (CSI as a C1 control, UTF-8 encoded) raw and inside an encoded word
w("c1.eml", HDR.replace("Subject: Delivery failure", "Subject: =?utf-8?Q?x=C2=9B31my?= raw\xc2\x9b2Jz")
  + "Content-Type: text/plain; charset=utf-8\n\nhi\n")
w("rcpt100k.eml", dsn(["u%d@example.com" % i for i in range(100000)]))
s = [HDR]
for i in range(1000):
    s.append('Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i))
s.append("Content-Type: text/plain\n\ndeep\n")
for i in reversed(range(1000)):
    s.append("--b%d--\n" % i)
w("nested1000.eml", "".join(s))
s = [HDR, 'Content-Type: multipart/mixed; boundary="p"\n\n']
for i in range(20000):
    s.append("--p\nContent-Type: text/plain\n\n%d\n" % i)
s.append("--p--\n")
w("parts20k.eml", "".join(s))
big = dsn(["big@example.com"]).replace("failed\n\n--B\nContent-Type: message/delivery-status",
      "failed\n" + ("x" * 76 + "\n") * (50 * 1000 * 1000 // 77) + "\n--B\nContent-Type: message/delivery-status")
w("big50m.eml", big)
w("mbox1000.mbox", "".join("From MAILER-DAEMON Tue May 11 08:00:00 2021\n" + dsn(["m%d@example.com" % i]) + "\n"
                           for i in range(1000)))
EOF
[ $? -eq 0 ] || fail "hostile generate inputs" "python3 failed"

# run NAME CMD ARGS...: runs the binary under the hang guard from $H/in;
# stdout to $H/NAME.out, stderr to $H/NAME.err, status in $rc.  Checks the
# status, the time limit, sanitizer reports and raw control bytes.
run() {
	n=$1; shift
	(cd "$H/in" && timeout "$HOSTILE_TIMEOUT" "$BD_BIN" "$@") >"$H/$n.out" 2>"$H/$n.err"
	rc=$?
	if [ "$rc" -eq 124 ]; then
		fail "hostile $n finishes" "timed out after ${HOSTILE_TIMEOUT}s"
	elif [ "$rc" -ne 0 ]; then
		fail "hostile $n exits 0" "exit $rc: $(grep -E -m 2 'Sanitizer|runtime error|bouncedesk' "$H/$n.err")"
	else
		ok "hostile $n exits 0"
	fi
	if grep -qE 'Sanitizer|runtime error:' "$H/$n.err"; then
		fail "hostile $n no sanitizer report" "$(grep -E -m 2 'Sanitizer|runtime error:' "$H/$n.err")"
	elif [ "${BD_SANITIZED:-0}" = 1 ]; then
		ok "hostile $n no sanitizer report"
	fi
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$H/$n.out"; then
		fail "hostile $n no raw control bytes" "$(LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')" "$H/$n.out") lines"
	fi
}
# rows_for NAME FILE: every row is for FILE and there is at least one.
rows_for() {
	got=$(column "$H/$1.out" file | sort -u | tr '\n' ' ')
	if [ "$got" = "$2 " ]; then ok "hostile $1 row for the message"; else fail "hostile $1 row for the message" "rows for [$got]"; fi
}
# unparsed NAME: every row is kind unparsed with an error text.
unparsed() {
	bad=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "kind") k = i; if ($i == "error") e = i } next }
		$k != "unparsed" || $e == "" { n++ } END { print n + 0 }' "$H/$1.out")
	if [ "$bad" -eq 0 ] && [ "$(wc -l <"$H/$1.out")" -gt 1 ]; then
		ok "hostile $1 unparsed with an error: $(column "$H/$1.out" error | head -n 1)"
	else
		fail "hostile $1 unparsed with an error" "$bad rows not unparsed or without error: $(column "$H/$1.out" kind | sort | uniq -c | tr '\n' ' ')"
	fi
}

for f in truncated.eml truncated-header.eml no-boundaries.eml no-boundary-param.eml junk.bin nul.eml \
	bad-charset.eml escapes.eml c1.eml; do
	b=${f%.*}
	run "$b" classify "$f"
	rows_for "$b" "$f"
	run "$b-json" classify --format=json "$f"
	check "hostile $b-json valid JSON" python3 -c '
import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$H/$b-json.out"
done
same_kind() { [ "$(column "$H/$1.out" kind | sort -u)" = "$2" ]; }
check "hostile truncated keeps the recipient it can read" grep -q 'amy@example.com' "$H/truncated.out"
check "hostile junk.bin is unparsed" same_kind junk unparsed
check "hostile escapes: ESC shown as \\x1b in diagnostic and Subject" \
	sh -c "grep -qF '\\x1b[2J\\x1b]0;title\\x07' '$H/escapes.out' && grep -qF '\\x1b]2;pwn\\x07' '$H/escapes.out'"
check "hostile escapes: a backslash in a TSV field is doubled" grep -qF 'red\x08\x7f C:\\dir' "$H/escapes.out"
check "hostile c1: U+009B written as \\u009b" grep -qF 'x\u009b31my raw\u009b2Jz' "$H/c1.out"
check "hostile bad-charset output is valid UTF-8" python3 -c '
import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$H/bad-charset.out"
# U+0080..U+009F are control characters too (U+009B is CSI to many terminals).
if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$H/c1.out"; then
	fail "hostile c1: C1 controls (U+0080-U+009F) escaped" "raw in the Subject: $(column "$H/c1.out" subject | python3 -c 'import sys; print(ascii(sys.stdin.read().strip()))')"
else
	ok "hostile c1: C1 controls (U+0080-U+009F) escaped"
fi

run rcpt100k classify rcpt100k.eml
rows_for rcpt100k rcpt100k.eml
unparsed rcpt100k
check "hostile rcpt100k output bounded by the recipient limit" test "$(wc -l <"$H/rcpt100k.out")" -le 10001

run nested1000 parse nested1000.eml
rows_for nested1000 nested1000.eml
unparsed nested1000

run parts20k parse parts20k.eml
rows_for parts20k parts20k.eml
unparsed parts20k

run big50m classify big50m.eml
rows_for big50m big50m.eml
check "hostile big50m (under the 64 MiB limit) is read" grep -q 'big@example.com' "$H/big50m.out"
run big50m-limited parse --max-size=10000000 big50m.eml
rows_for big50m-limited big50m.eml
unparsed big50m-limited

run mbox1000 classify mbox1000.mbox
python3 - "$H/mbox1000.out" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
h = rows[0].index("file"), rows[0].index("msgno"), rows[0].index("recipient")
got = [(r[h[0]], r[h[1]], r[h[2]]) for r in rows[1:]]
want = [("mbox1000.mbox", str(i + 1), "m%d@example.com" % i) for i in range(1000)]
sys.exit(0 if got == want else 1)
EOF
if [ $? -eq 0 ]; then ok "hostile mbox1000 one row per message, #1..#1000 in order"
else fail "hostile mbox1000 one row per message, #1..#1000 in order" "$(($(wc -l <"$H/mbox1000.out") - 1)) rows"; fi

# Everything in one run: one invocation, every message still has its row.
run all parse truncated.eml junk.bin nested1000.eml parts20k.eml rcpt100k.eml mbox1000.mbox escapes.eml
check "hostile all-in-one run reports every input" sh -c "[ \"\$(cut -f1 '$H/all.out' | sed 1d | sed 's/#.*//' | uniq | tr '\n' ' ')\" = \
'truncated.eml junk.bin nested1000.eml parts20k.eml rcpt100k.eml mbox1000.mbox escapes.eml ' ]"

# Mutations of the project's own fixtures (seeded, so every run reads the
# same 400 messages): cut, spliced, with stray bytes, MIME and charset
# fragments, and pieces of other fixtures.  Every one must get a row.
mkdir -p "$H/in/mut"
python3 - "$BD_FIXTURES" "$H/in/mut" <<'EOF2'
import os, random, sys
src, out = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(dp, f) for dp, dn, fn in os.walk(src) for f in fn if f.endswith(".eml"))
rnd = random.Random(20261122)
toks = [b"\x1b$B", b"\x1b(B", b"\xff\xfe", b"\r", b"\n\n", b"--", b"\x00", b"<", b">", b"@", b"(", b")",
        b'"', b"#550 ", b"5.1.1", b"\xe3\x80\x80", b"\xa4\xa2\xa4\xa4", b"\x82\xa0\x82\xa2",
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="q"\n',
        b"=?ISO-2022-JP?B?GyRC?=", b"Final-Recipient: rfc822; ", b"Status: ", b"Generating server:",
        b"was not delivered to: ", b" because: ", b"Diagnostic-Code: smtp; ",
        b'"a@b\\"@[192.0.2.1', b"@[IPv6:", b"\\x{", b"utf-8; ", b"list+bounces-", b"prvs=",
        b"SRS0=", b"\nDate: Mon, 23 Nov 20261234567890123 10:00:00 +0000\n"]
for i in range(400):
    data = bytearray(open(files[rnd.randrange(len(files))], "rb").read())
    for _ in range(rnd.randint(1, 12)):
        op, pos = rnd.random(), rnd.randint(0, len(data))
        if op < 0.3:
            del data[pos:pos + rnd.randint(1, 50)]
        elif op < 0.6:
            data[pos:pos] = rnd.choice(toks)
        elif op < 0.8:
            data[pos:pos + 1] = bytes([rnd.randrange(256)])
        else:
            other = open(files[rnd.randrange(len(files))], "rb").read()
            a = rnd.randint(0, len(other))
            data[pos:pos] = other[a:a + rnd.randint(0, 400)]
    with open(os.path.join(out, "m%03d.eml" % i), "wb") as fh:
        fh.write(data)
EOF2
run mutations classify mut
check "hostile mutations: a row for each of the 400 messages" sh -c \
	"[ \"\$(cut -f1 '$H/mutations.out' | sed 1d | sort -u | wc -l)\" -eq 400 ]"

rm -rf "$H"
rmdir "$TMP" 2>/dev/null
