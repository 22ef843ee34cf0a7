#!/bin/sh
# demo.sh: installs what the build needs, builds bouncedesk, stores the
# sample bounces bundled with it (tests/fixtures) in a demo store
# (build/demo.db, made afresh each run), and shows what it made of them:
# for every failed recipient the reason, hard or soft, and the server's
# words; then the store's counts, the addresses it stopped and one
# address's history.  Try more on the same store:
#   ./bouncedesk show --db build/demo.db mia@example.com
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh build
make -j2 >/dev/null
./bouncedesk classify --format=tsv tests/fixtures/detectors |
awk -F'\t' '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	{
		file = $col["file"]; sub(".*/", "", file)
		diag = $col["diagnostic"]
		if (length(diag) > 60) diag = substr(diag, 1, 57) "..."
		printf "%-22s %-32s %-13s %-4s %s\n", file, $col["recipient"], $col["reason"],
			($col["hardbounce"] == "1" ? "hard" : "soft"), diag
	}'
db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"
echo
./bouncedesk ingest --db "$db" tests/fixtures/detectors tests/fixtures/store
echo
./bouncedesk stats --db "$db"
echo
echo "not to be mailed (bouncedesk export --db $db):"
./bouncedesk export --db "$db"
echo
./bouncedesk show --db "$db" member@shop-customer.example
# In a terminal, end in the UI on the demo store (q quits).
if [ -t 0 ] && [ -t 1 ]; then
	echo
	echo "opening the UI on $db (? lists the keys, Q quits)"
	exec ./bouncedesk --db "$db"
fi
