#!/bin/sh
# deps.sh: installs the Debian/Ubuntu packages bouncedesk needs to build and
# test.  As root it runs apt-get; otherwise it prints the exact command.
# Usage: scripts/deps.sh [build|test]   (test adds the tools the tests use)
set -eu
want="build-essential pkg-config libncurses-dev libsqlite3-dev libpcre2-dev libcmocka-dev"
if [ "${1:-build}" = test ]; then
	want="$want tmux python3 mandoc sqlite3 time"
fi
missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
else
	echo "deps: missing packages:$missing" >&2
	echo "deps: run this, then try again:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
