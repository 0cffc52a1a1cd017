#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: memory and time of reading events JSON, as a document and as
# JSON Lines, through `entente dyads`; optionally beside a peer build (an
# older entente, e.g. one with the whole-document reader), run here on the
# same file.
#
# usage: tests/bench/bench_json.sh [ENTENTE] [PEER]
#   ENTENTE  the tool (default: build/src/cli/entente)
#   PEER     another entente to compare with (optional)
# Environment: BENCH_DIR (where the files go, default /tmp/entente-bench;
# never committed), BENCH_EVENTS (2000000).
#
# Prints, for each run, the input size, wall time and peak memory (maximum
# resident set size, /usr/bin/time), the ratio to the peer, and checks that
# every run gives the same dyad table. Exit 1 when they differ or the
# target (peak < 64 MB for each layout) is missed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
entente=${1:-$root/build/src/cli/entente}
peer=${2:-}
work=${BENCH_DIR:-/tmp/entente-bench}
n=${BENCH_EVENTS:-2000000}
py=/usr/bin/python3

mkdir -p "$work"
doc=$work/events-$n.json
lines=$work/events-$n.jsonl
[ -s "$doc" ] || "$py" "$here/make_events.py" "$n" doc "$doc"
[ -s "$lines" ] || "$py" "$here/make_events.py" "$n" lines "$lines"

# run NAME TOOL INPUT: one run; prints "NAME: size MB, s, peak MB"
status=0
run() {
	name=$1 tool=$2 input=$3
	cat "$input" > /dev/null   # a warm page cache for every run
	rc=0
	/usr/bin/time -f '%e %M' -o "$work/$name.time" \
		"$tool" dyads --quiet "$input" -o "$work/$name.csv" || rc=$?
	read -r secs kb <<-TIME
	$(tail -n 1 "$work/$name.time")
	TIME
	mb=$(( $(wc -c < "$input") / 1000000 ))
	echo "$name: $n events, $mb MB in, $secs s, peak $(( kb / 1024 )) MiB"
	echo "$kb" > "$work/$name.kb"
	return $rc
}

run json "$entente" "$doc"
run jsonl "$entente" "$lines"
cmp -s "$work/json.csv" "$work/jsonl.csv" ||
	{ echo "bench_json: the two layouts give different dyads"; status=1; }
for layout in json jsonl; do
	if [ "$(cat "$work/$layout.kb")" -ge $((64 * 1024)) ]; then
		echo "bench_json: $layout: peak memory not under 64 MiB"
		status=1
	fi
done
if [ -n "$peer" ]; then
	if run peer-json "$peer" "$doc"; then
		cmp -s "$work/json.csv" "$work/peer-json.csv" ||
			{ echo "bench_json: the peer's dyads differ"; status=1; }
		echo "peak memory, peer / entente: $(( $(cat "$work/peer-json.kb") / $(cat "$work/json.kb") ))x"
	fi
fi
exit $status
