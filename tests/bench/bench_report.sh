#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: `entente report --by month` against `entente analyze --by
# month` on a year of GDELT 2.0 at the density of the real month (12
# copies of ../shared/data/gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV
# moved 30 days each: 930,792 rows, 379 MB; tests/bench/make_gdelt_year.py),
# both run here, side by side. Goal: report within 2x of analyze.
#
# usage: tests/bench/bench_report.sh [ENTENTE] [MONTH.export.CSV]
# Environment: BENCH_DIR (default /tmp/entente-bench; never committed),
# BENCH_RUNS (runs of each side, default 3; the median is reported).
#
# Prints wall time, CPU time (user + system) and peak memory of each side
# and the ratios. analyze computes the same model (dyads, metrics, the
# periods and their actors' measures, trends and changes); report adds
# events.json, report.md/.json/.html, the diagram, one diagram per period
# on a shared layout and the trend charts.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
entente=${1:-$root/build/src/cli/entente}
data=${ENTENTE_DATA:-$root/../shared/data}
month=${2:-$data/gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV}
work=${BENCH_DIR:-/tmp/entente-bench}
runs=${BENCH_RUNS:-3}
py=/usr/bin/python3

for need in "$entente" "$month" /usr/bin/time; do
	if [ ! -e "$need" ]; then
		echo "bench_report: $need is missing" >&2
		exit 1
	fi
done
mkdir -p "$work"
year=$work/gdelt-year.export.CSV
if [ ! -s "$year" ]; then
	"$py" "$here/make_gdelt_year.py" "$month" "$year" 12
fi
cat "$year" > /dev/null # a warm page cache for both sides

# run NAME CMD...: append "wall cpu kilobytes" of one run to $work/NAME.runs
run() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" "$@"
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/$name.time" \
		>> "$work/$name.runs"
}

rm -f "$work/analyze.runs" "$work/report.runs"
i=0
while [ "$i" -lt "$runs" ]; do
	run analyze "$entente" analyze --quiet --by month "$year" \
		-o "$work/analyze.txt"
	run report "$entente" report --quiet --by month "$year" \
		-o "$work/report"
	i=$((i + 1))
done

"$py" - "$work" "$(wc -c < "$year")" <<'PY'
import statistics, sys
work, size = sys.argv[1], int(sys.argv[2])
med = {}
for name in ('analyze', 'report'):
    rows = [list(map(float, l.split())) for l in open(f'{work}/{name}.runs')]
    med[name] = [statistics.median(c) for c in zip(*rows)]
print(f'input: {size / 1e6:.0f} MB, {len(rows)} runs each, medians')
print(f'{"":28} {"wall s":>8} {"cpu s":>8} {"peak MB":>8}')
for name, label in (('analyze', 'analyze --by month'),
                    ('report', 'report --by month')):
    w, c, k = med[name]
    print(f'{label:28} {w:8.2f} {c:8.2f} {k / 1024:8.1f}')
a, r = med['analyze'], med['report']
print(f'ratio report / analyze: wall {r[0] / a[0]:.2f}, cpu {r[1] / a[1]:.2f}')
sys.exit(0 if r[1] / a[1] <= 2 else 1)
PY
