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
