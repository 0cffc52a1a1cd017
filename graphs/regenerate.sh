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
	name=${name%.export}
	case $name in
	# real event data with time in it: by week, as the README shows it
	gdelt-*) "$bin" report --quiet --by week "$input" -o "$out/$name" ;;
	*) "$bin" report --quiet "$input" -o "$out/$name" ;;
	esac
	found=$((found + 1))
done
if [ "$found" -eq 0 ]; then
	echo "$0: no example inputs in examples/" >&2
	exit 1
fi
# The README's pictures; binary, so only written into the real gallery:
# the diagram, a trend chart, and report.html as a browser shows it
# (tests/browser/report_html.py takes the screenshot when chromium and
# Selenium are installed).
if [ "$out" = "$root/graphs" ] && [ -e examples/cyber-pact.txt ]; then
	"$bin" render --quiet examples/cyber-pact.txt -o graphs/cyber-pact/graph.png
fi
gdelt=examples/gdelt-may-june-2025.export.CSV
if [ "$out" = "$root/graphs" ] && [ -e "$gdelt" ]; then
	mkdir -p graphs/readme
	"$bin" plot --quiet --by week --relation IRN-ISR "$gdelt" \
		-o graphs/readme/trend-IRN-ISR.png
	/usr/bin/python3 tests/browser/report_html.py "$bin" "$root" \
		graphs/readme/report-html.png >/dev/null ||
		echo "$0: no screenshot of report.html (chromium, selenium?)" >&2
fi
