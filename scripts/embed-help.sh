#!/bin/sh
# embed-help.sh FILE...: prints a C file defining bd_help_files (core/help.h)
# with the bytes of each help/LANG/NAME.txt, so the help text is data in the
# source tree and part of the binary.
set -eu
printf '/* Generated from help/ by scripts/embed-help.sh; do not edit. */\n'
printf '#include "../../core/help.h"\n\n'
i=0
for f in "$@"; do
	printf 'static const char help_%d[] =\n' "$i"
	od -An -v -tx1 "$f" | awk '
		{ line = ""; for (i = 1; i <= NF; i++) line = line "\\x" $i; if (line != "") print "\t\"" line "\"" }'
	printf '\t"";\n'
	i=$((i + 1))
done
printf 'const struct bd_help_file bd_help_files[] = {\n'
i=0
for f in "$@"; do
	lang=$(basename "$(dirname "$f")")
	name=$(basename "$f" .txt)
	printf '\t{"%s", "%s", help_%d, sizeof(help_%d) - 1},\n' "$lang" "$name" "$i" "$i"
	i=$((i + 1))
done
printf '\t{0, 0, 0, 0},\n};\n'
