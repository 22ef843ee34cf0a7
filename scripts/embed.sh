#!/bin/sh
# embed.sh NAME FILE: prints a C file defining `const char NAME[]` with the
# bytes of FILE and `const unsigned long NAME_len`.  Used to build data
# (default rules, help text) into the binary.
set -eu
name=$1
file=$2
printf '/* Generated from %s by scripts/embed.sh; do not edit. */\n' "$file"
printf 'const char %s[] =\n' "$name"
od -An -v -tx1 "$file" | awk '
	{ line = ""; for (i = 1; i <= NF; i++) line = line "\\x" $i; if (line != "") print "\t\"" line "\"" }
	END { }'
printf '\t"";\n'
printf 'const unsigned long %s_len = sizeof(%s) - 1;\n' "$name" "$name"
