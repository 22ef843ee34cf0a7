#!/bin/sh
# demo.sh: installs what the build needs, builds bouncedesk, and shows what
# it makes of the sample bounces bundled with it (tests/fixtures/detectors):
# for every failed recipient, the reason, whether the address is bad, the
# rule that decided and the server's words.
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
