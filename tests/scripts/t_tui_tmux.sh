# t_tui_tmux.sh: the real binary in a real terminal (tmux): start,
# navigate, stop an address, resize, quit, and the terminal restored; then
# SIGTERM restores it too.  Polls capture-pane until text appears.
# Sourced by tests/run.sh; skipped without tmux.

C=$TMP/tmux
mkdir -p "$C"
if ! command -v tmux >/dev/null 2>&1; then
	skip "tui tmux tests" "tmux is not installed"
elif [ -n "${BD_SANITIZED:-}" ]; then
	skip "tui tmux tests (sanitizer pass)" "run once, in the plain pass"
else
	DB=$C/tmux.db
	export TZ=UTC BOUNCEDESK_SYSCONFDIR="$C/etc" XDG_CONFIG_HOME="$C/config"
	(cd "$BD_FIXTURES" && "$BD_BIN" ingest --db "$DB" detectors store) >/dev/null 2>&1
	S="bdtest$$"
	tm() { tmux -L "$S" "$@"; }
	# wait_for TEXT: polls the pane until TEXT shows, 20 s at most: a
	# loaded machine (parallel builds) can take seconds to start a shell;
	# a passing check returns as soon as the text is there.
	wait_for() {
		i=0
		while [ $i -lt 400 ]; do
			tm capture-pane -p -t t >"$C/pane.txt" 2>/dev/null
			grep -qF -- "$1" "$C/pane.txt" && return 0
			i=$((i + 1))
			sleep 0.05
		done
		return 1
	}
	tm -f /dev/null new-session -d -s t -x 80 -y 24 "env PS1='READY\$ ' TERM=xterm-256color sh"
	wait_for 'READY$' || true
	tm send-keys -t t "$BD_BIN --db $DB" Enter
	if wait_for "User unknown (userunknown)"; then ok "tui tmux starts on the categories"
	else fail "tui tmux starts on the categories" "$(cat "$C/pane.txt")"; fi
	tm send-keys -t t Enter
	if wait_for "dina@example.com"; then ok "tui tmux opens a category"
	else fail "tui tmux opens a category" "$(head -3 "$C/pane.txt")"; fi
	tm send-keys -t t j s
	wait_for "reason (optional)" && tm send-keys -t t "tmux test" Enter
	if wait_for "stop dina@example.com"; then ok "tui tmux stops an address"
	else fail "tui tmux stops an address" "$(tail -1 "$C/pane.txt")"; fi
	tm resize-window -t t -x 100 -y 30 2>/dev/null || tm resize-pane -t t -x 100 -y 30
	if wait_for "Last bounce"; then ok "tui tmux redraws on resize"
	else fail "tui tmux redraws on resize" "$(head -2 "$C/pane.txt")"; fi
	tm send-keys -t t q q
	if wait_for 'READY$'; then ok "tui tmux quits to the shell"
	else fail "tui tmux quits to the shell" "$(tail -3 "$C/pane.txt")"; fi
	tm send-keys -t t "clear; stty -a | tr ' ' '\n' | grep -x -e echo -e icanon -e -echo -e -icanon | sort | tr '\n' ' '; echo END" Enter
	if wait_for "echo icanon END"; then ok "tui tmux leaves the terminal sane (echo, icanon)"
	else fail "tui tmux leaves the terminal sane (echo, icanon)" "$(grep END "$C/pane.txt")"; fi
	(cd "$BD_FIXTURES" && "$BD_BIN" show --db "$DB" dina@example.com) >"$C/show.txt" 2>&1
	check "tui tmux stop is in the journal" grep -q "stop.*tmux test" "$C/show.txt"
	# SIGTERM while the UI runs: the terminal is restored.
	tm send-keys -t t "clear; $BD_BIN --db $DB" Enter
	wait_for "User unknown (userunknown)"
	shpid=$(tm list-panes -t t -F '#{pane_pid}')
	for pid in $(ps -o pid= --ppid "$shpid"); do kill -TERM "$pid"; done
	if wait_for 'stopped by signal'; then ok "tui tmux SIGTERM restores the terminal"
	else fail "tui tmux SIGTERM restores the terminal" "$(tail -3 "$C/pane.txt")"; fi
	tm kill-server 2>/dev/null
fi
