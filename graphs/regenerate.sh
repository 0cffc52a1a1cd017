#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerate the gallery: the report of every example input in examples/
# (events JSON, news text, GDELT, ICEWS, dyad tables) into
# graphs/<example>/, plus graphs/cyber-pact/graph.png for the README.
#
#   graphs/regenerate.sh ENTENTE_BINARY [OUTDIR]
#
# OUTDIR defaults to graphs/ next to this script; tests/gallery/check.sh
# regenerates into a temporary folder and compares the text files.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 ENTENTE_BINARY [OUTDIR]" >&2
	exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/graphs}
case $out in
/*) ;;
*) out=$(pwd)/$out ;;
esac

# Inputs are named relative to the repository root, so the reports read
# the same wherever the repository is.
cd "$root"
found=0
for input in examples/*; do
	case $input in
	# X.events.json holds the events extracted from the article X.txt,
	# whose report is already in the gallery
	*.events.json) continue ;;
	*.json | *.txt | *.csv | *.CSV | *.tab | *.tsv) ;;
	*) continue ;;
	esac
	name=$(basename "$input")
	name=${name%.*}
	"$bin" report --quiet "$input" -o "$out/$name"
	found=$((found + 1))
done
if [ "$found" -eq 0 ]; then
	echo "$0: no example inputs in examples/" >&2
	exit 1
fi
# The README's picture; binary, so only written into the real gallery.
if [ "$out" = "$root/graphs" ] && [ -e examples/cyber-pact.txt ]; then
	"$bin" render --quiet examples/cyber-pact.txt -o graphs/cyber-pact/graph.png
fi
