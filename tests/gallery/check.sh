#!/bin/sh
# SPDX-License-Identifier: MIT
# Fails when graphs/ is out of date: regenerates the gallery into a
# temporary folder and compares every text file (DOT, SVG, Markdown,
# JSON, HTML, CSV) with the committed one, both ways.
#
#   tests/gallery/check.sh ENTENTE_BINARY SOURCE_ROOT
set -eu

bin=$1
root=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-gallery-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$root/graphs/regenerate.sh" "$bin" "$tmp/graphs"
status=0
for side in "$tmp/graphs" "$root/graphs"; do
	(cd "$side" && find . -type f \( -name '*.dot' -o -name '*.svg' \
		-o -name '*.md' -o -name '*.json' -o -name '*.html' \
		-o -name '*.csv' \) | sort)
done | sort | uniq -c | while read -r n f; do
	if [ "$n" -ne 2 ]; then
		echo "graphs/${f#./}: only in one of the committed and the" \
			"regenerated gallery"
		echo fail
	elif ! cmp -s "$tmp/graphs/$f" "$root/graphs/$f"; then
		echo "graphs/${f#./} is out of date:"
		diff -u "$root/graphs/$f" "$tmp/graphs/$f" | head -20
		echo fail
	fi
done >"$tmp/log"
if grep -qx fail "$tmp/log"; then
	grep -vx fail "$tmp/log"
	echo "graphs/ is out of date: run graphs/regenerate.sh BUILD/src/cli/entente"
	status=1
fi
exit $status
