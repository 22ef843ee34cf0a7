# t_man.sh: `bouncedesk keys` (the live key bindings) and the manual pages
# in man/: they render cleanly, and what they say about commands, options
# and keys is what the binary does.
# Sourced by tests/run.sh after lib.sh.

C=$TMP/man
mkdir -p "$C/etc" "$C/config"
# No configuration of this machine or user leaks into the checks.
export BOUNCEDESK_SYSCONFDIR="$C/etc" XDG_CONFIG_HOME="$C/config"

# --- bouncedesk keys ------------------------------------------------------
bd keys_def keys --defaults
expect_rc "keys --defaults exits 0" 0
same "keys lists every context, global first" \
	"$(grep '^\[' "$C/keys_def.out" | tr '\n' ' ')" \
	"[global] [categories] [addresses] [detail] [raw] [domains] [help] [prompt] [messages] "
same "keys global movement line" "$(grep -m1 'move-down' "$C/keys_def.out")" \
	"$(printf 'j, <Down>, C-n\tmove-down\tMove the cursor down one row')"
# A screen shows its own keys, then the global keys it does not shadow:
# <Left> scrolls in the detail screen, so it does not go back there.
same "keys detail shadows a global key" \
	"$(awk -F'\t' '/^\[detail\]/ { on = 1 } /^$/ { on = 0 } on && $2 == "back" { print $1 }' "$C/keys_def.out")" \
	"q, <Esc>"
same "keys addresses stop key" \
	"$(awk -F'\t' '/^\[addresses\]/ { on = 1 } /^$/ { on = 0 } on && $2 == "stop" { print $1 }' "$C/keys_def.out")" "s"
check "keys prompt has no global fallback" \
	sh -c "! awk '/^\[prompt\]/ { on = 1 } /^\$/ { on = 0 } on' '$C/keys_def.out' | grep -q 'move-down'"
check "keys every line is KEYS<TAB>ACTION<TAB>help" \
	awk -F'\t' '/^\[|^$/ { next } NF != 3 || $1 == "" || $3 == "" { bad = 1 } END { exit bad }' "$C/keys_def.out"
bd keys_std keys
expect_rc "keys without a configuration exits 0" 0
check "keys without a configuration lists the defaults" cmp -s "$C/keys_def.out" "$C/keys_std.out"

printf '# test bindings\nbind addresses S stop\nunbind global d\n' >"$C/keys.conf"
bd keys_conf keys --config="$C/keys.conf"
expect_rc "keys --config exits 0" 0
same "keys --config adds a binding" \
	"$(awk -F'\t' '/^\[addresses\]/ { on = 1 } /^$/ { on = 0 } on && $2 == "stop" { print $1 }' "$C/keys_conf.out")" "s, S"
check "keys --config removes an unbound key everywhere" \
	awk -F'\t' '$2 == "domains" { found = 1 } END { exit found }' "$C/keys_conf.out"
bd keys_conf2 keys --config "$C/keys.conf"
check "keys --config FILE reads like --config=FILE" cmp -s "$C/keys_conf.out" "$C/keys_conf2.out"
bd keys_conf3 keys --defaults --config="$C/keys.conf"
check "keys --defaults still reads --config" cmp -s "$C/keys_conf.out" "$C/keys_conf3.out"

# The standard files are read as the UI reads them; --defaults skips them.
printf 'bind global <F10> quit\n' >"$C/etc/bouncedesk.conf"
mkdir -p "$C/config/bouncedesk"
printf 'unbind global Q\n' >"$C/config/bouncedesk/bouncedesk.conf"
bd keys_sys keys
same "keys reads the system then the user file" \
	"$(awk -F'\t' '/^\[global\]/ { on = 1 } /^$/ { on = 0 } on && $2 == "quit" { print $1 }' "$C/keys_sys.out")" "<F10>"
bd keys_sysdef keys --defaults
check "keys --defaults ignores the standard files" cmp -s "$C/keys_def.out" "$C/keys_sysdef.out"
rm -f "$C/etc/bouncedesk.conf" "$C/config/bouncedesk/bouncedesk.conf"

printf 'window 30d\nbind addresses S frobnicate\n' >"$C/bad.conf"
bd keys_bad keys --config="$C/bad.conf"
expect_rc "keys exits 1 on a bad configuration" 1
check "keys names FILE:LINE of the bad line" grep -q "bad.conf:2: unknown action 'frobnicate'" "$C/keys_bad.err"
check "keys prints nothing on a bad configuration" test ! -s "$C/keys_bad.out"
bd keys_missing keys --config="$C/no-such.conf"
expect_rc "keys exits 1 on a missing --config file" 1
bd keys_arg keys extra
expect_rc "keys exits 2 on an argument" 2
bd keys_opt keys --frobnicate
expect_rc "keys exits 2 on an unknown option" 2

# --- the manual pages -----------------------------------------------------
M=$BD_TOP/man
PAGES="$M/bouncedesk.1 $M/bouncedesk.conf.5 $M/bouncedesk-rules.5"
# Commands documented in bouncedesk(1) that may be missing from this build
# because they come from a branch not merged yet: reported as skipped.
PENDING="explain"

if command -v mandoc >/dev/null 2>&1; then
	for p in $PAGES; do
		if out=$(mandoc -Tlint -W warning "$p" 2>&1) && [ -z "$out" ]; then
			ok "man $(basename "$p") is clean under mandoc -Tlint"
		else
			fail "man $(basename "$p") is clean under mandoc -Tlint" "$(printf '%s' "$out" | head -3)"
		fi
	done
else
	skip "man pages under mandoc -Tlint" "mandoc is not installed (scripts/deps.sh test)"
fi

# section NAME PAGE: the roff source of one .SH section, \- made -.
section() {
	awk -v s="$1" '/^\.SH / { on = ($2 == s || $2 == "\"" s "\"") ; next } on' "$2" |
		sed 's/\\-/-/g'
}

# The KEYS section, read back into the format of `bouncedesk keys`: each
# ".SS CONTEXT" is "[CONTEXT]"; each entry is ".TP", ".B KEYS",
# ".RI ( ACTION )" and the help sentence with a full stop.
section KEYS "$M/bouncedesk.1" | awk '
	function unesc(s) { gsub(/\\e/, "\\", s); gsub(/\\\(aq/, "\047", s); gsub(/\\\(dq/, "\"", s); return s }
	/^\.SS / { if (n++) print ""; print "[" $2 "]"; st = 0; next }
	/^\.TP/ { st = 1; next }
	st == 1 && /^\.B / { keys = unesc(substr($0, 4)); st = 2; next }
	st == 2 && /^\.RI \( / { act = $3; st = 3; next }
	st == 3 { sub(/\.$/, ""); print keys "\t" act "\t" unesc($0); st = 0; next }
	st != 0 { print "malformed entry near: " $0; st = 0 }
' >"$C/man_keys.txt"
bd keys_man keys --defaults
if cmp -s "$C/keys_man.out" "$C/man_keys.txt"; then
	ok "man KEYS matches bouncedesk keys --defaults"
else
	# The first line that differs, with the context it is in.
	first=$(awk -v m="$C/man_keys.txt" '
		/^\[/ { ctx = $0 }
		{ if ((getline l < m) <= 0) l = "(end of KEYS)" }
		$0 != l { gsub(/\t/, " | "); gsub(/\t/, " | ", l); print ctx " binary: " $0 "; man: " l; done = 1; exit }
		END { if ((getline l < m) > 0 && !done) print "man has more: " l }' "$C/keys_man.out")
	fail "man KEYS matches bouncedesk keys --defaults" "${first:-the man page has extra lines}"
fi

# The commands of the binary (its --help) and of the COMMANDS section.
"$BD_BIN" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' |
	sort -u >"$C/cmds_bin.txt"
section COMMANDS "$M/bouncedesk.1" | awk 'prev ~ /^\.TP/ && /^\.B [a-z]/ { print $2 } { prev = $0 }' |
	sort -u >"$C/cmds_man.txt"
same "man the binary lists commands" "$(test -s "$C/cmds_bin.txt" && echo yes)" yes
missing=$(comm -23 "$C/cmds_bin.txt" "$C/cmds_man.txt" | tr '\n' ' ')
same "man COMMANDS documents every command of the binary" "$missing" ""
extra=""
for c in $(comm -13 "$C/cmds_bin.txt" "$C/cmds_man.txt"); do
	case " $PENDING " in
	*" $c "*) skip "man command $c" "documented, not in this build yet" ;;
	*) extra="$extra$c " ;;
	esac
done
same "man COMMANDS documents no command the binary lacks" "$extra" ""

# Every command's --help, and every option it prints is in the manual.
man_text=$(sed 's/\\-/-/g' "$M/bouncedesk.1")
bad_help="" bad_opt=""
for c in $(cat "$C/cmds_bin.txt"); do
	"$BD_BIN" "$c" --help >"$C/help_$c.out" 2>"$C/help_$c.err"
	hrc=$?
	if [ "$hrc" -ne 0 ] || ! head -n 1 "$C/help_$c.out" | grep -q "^usage: bouncedesk $c"; then
		bad_help="$bad_help$c(exit $hrc) "
	fi
	for o in $(grep -o -- '--[a-z][a-z-]*' "$C/help_$c.out" | sort -u); do
		printf '%s\n' "$man_text" | grep -q -- "$o" || bad_opt="$bad_opt$c:$o "
	done
done
same "man every command's --help exits 0 with its usage" "$bad_help" ""
same "man documents every option of every --help" "$bad_opt" ""

# make install-man / uninstall-man into a scratch DESTDIR.
dest=$C/dest
if make -s -C "$BD_TOP" install-man DESTDIR="$dest" PREFIX=/usr >"$C/install.out" 2>&1; then
	ok "man make install-man"
else
	fail "man make install-man" "$(head -3 "$C/install.out")"
fi
for p in man1/bouncedesk.1 man5/bouncedesk.conf.5 man5/bouncedesk-rules.5; do
	check "man installed $p" test -f "$dest/usr/share/man/$p"
done
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tutf8 "$dest/usr/share/man/man1/bouncedesk.1" 2>/dev/null | col -b >"$C/rendered.txt"
	check "man installed bouncedesk.1 renders" grep -q 'bouncedesk keys' "$C/rendered.txt"
else
	skip "man installed page renders" "mandoc is not installed"
fi
make -s -C "$BD_TOP" uninstall-man DESTDIR="$dest" PREFIX=/usr >"$C/uninstall.out" 2>&1
same "man make uninstall-man removes the pages" "$(find "$dest" -type f | wc -l | tr -d ' ')" 0
