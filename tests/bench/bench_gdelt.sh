#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: entente against a pandas read_csv + groupby pipeline on a
# GDELT 2.0 export of at least 500 MB, both run here, side by side.
#
# usage: tests/bench/bench_gdelt.sh [ENTENTE] [SAMPLE.export.CSV]
#   ENTENTE  the tool (default: build/src/cli/entente)
#   SAMPLE   the real 15-minute export to repeat (default:
#            $ENTENTE_DATA or ../shared/data, gdelt/20191024143000.export.CSV)
# Environment: BENCH_DIR (where the big file goes, default
# /tmp/entente-bench; it is never committed), BENCH_MB (its size, 510),
# BENCH_RUNS (runs of each side, 3; the median is reported).
#
# Prints the input size, wall time, MB/s and peak memory (maximum resident
# set size from /usr/bin/time -v) of each side and of `cat FILE >
# /dev/null` (the floor: reading the bytes from the page cache, same runs,
# median), with the CPU time (user + system) beside the wall time, the
# ratios pandas / entente and entente / cat, and checks that the dyads are
# exactly equal. Exit 1 when they differ or a target is
# missed (ratio >= 10, entente peak <= 64 MB).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
entente=${1:-$root/build/src/cli/entente}
data=${ENTENTE_DATA:-$root/../shared/data}
sample=${2:-$data/gdelt/20191024143000.export.CSV}
work=${BENCH_DIR:-/tmp/entente-bench}
size_mb=${BENCH_MB:-510}
runs=${BENCH_RUNS:-3}
py=/usr/bin/python3      # Debian's python3 with python3-pandas

for need in "$entente" "$sample" /usr/bin/time "$py"; do
	if [ ! -e "$need" ]; then
		echo "bench_gdelt: $need is missing" >&2
		exit 1
	fi
done
"$py" -c 'import pandas' 2>/dev/null || {
	echo "bench_gdelt: pandas is missing (apt-get install python3-pandas)" >&2
	exit 1
}

mkdir -p "$work"
big=$work/gdelt-${size_mb}mb.export.CSV
if [ ! -s "$big" ]; then
	"$py" "$here/make_gdelt.py" "$sample" "$big" "$size_mb"
fi
bytes=$(wc -c < "$big")
cat "$big" > /dev/null   # both sides start from a warm page cache

# run NAME CMD...: time one run, append "seconds kilobytes" to $work/NAME.runs
run() {
	name=$1
	shift
	/usr/bin/time -v -o "$work/$name.time" "$@"
	"$py" - "$work/$name.time" >> "$work/$name.runs" <<'PY'
import sys
wall = rss = None
cpu = 0.0
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith('Elapsed (wall clock) time'):
        parts = [float(p) for p in line.rsplit(' ', 1)[1].split(':')]
        wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    elif line.startswith('Maximum resident set size'):
        rss = int(line.rsplit(' ', 1)[1])
    elif line.startswith(('User time', 'System time')):
        cpu += float(line.rsplit(' ', 1)[1])
print(wall, rss, cpu)
PY
}

rm -f "$work/entente.runs" "$work/pandas.runs" "$work/cat.runs"
i=0
while [ "$i" -lt "$runs" ]; do
	run entente "$entente" analyze --format json --quiet -o "$work/entente.json" "$big"
	run pandas "$py" "$here/pandas_dyads.py" "$big" \
		"$root/src/lib/lexicon/states.tsv" "$work/pandas.csv"
	# the floor: the bytes from the page cache, nothing done with them
	run cat sh -c 'cat "$1" > /dev/null' cat "$big"
	i=$((i + 1))
done

same=0
"$py" "$here/compare_dyads.py" "$work/pandas.csv" "$work/entente.json" || same=1

figures=0
"$py" - "$bytes" "$work/entente.runs" "$work/pandas.runs" "$work/cat.runs" <<'PY' || figures=1
import statistics
import sys

size = int(sys.argv[1]) / 1e6


def load(path):
    rows = [line.split() for line in open(path)]
    return (statistics.median(float(r[0]) for r in rows),
            max(int(r[1]) for r in rows) / 1024, len(rows),
            statistics.median(float(r[2]) for r in rows))


e_s, e_mb, n, e_cpu = load(sys.argv[2])
p_s, p_mb, _, p_cpu = load(sys.argv[3])
c_s, c_mb, _, c_cpu = load(sys.argv[4])
ratio = p_s / e_s
to_cat = e_s / c_s
print(f'input: {size:.0f} MB GDELT 2.0, median of {n} runs each')
print(f'{"":30} {"seconds":>8} {"MB/s":>8} {"peak MB":>8} {"CPU s":>8}')
print(f'{"entente analyze --format json":30} {e_s:8.2f} {size / e_s:8.0f} {e_mb:8.1f} {e_cpu:8.2f}')
print(f'{"pandas read_csv + groupby":30} {p_s:8.2f} {size / p_s:8.0f} {p_mb:8.1f} {p_cpu:8.2f}')
print(f'{"cat FILE > /dev/null":30} {c_s:8.2f} {size / c_s:8.0f} {c_mb:8.1f} {c_cpu:8.2f}')
print(f'ratio: entente is {ratio:.1f}x faster than pandas; '
      f'entente / cat = {to_cat:.1f}')
print(f'targets: ratio >= 10 {"met" if ratio >= 10 else "MISSED"}, '
      f'peak <= 64 MB {"met" if e_mb <= 64 else "MISSED"}; '
      f'issue 15: ratio >= 20 {"met" if ratio >= 20 else "not met"}, '
      f'within 4x of cat {"met" if to_cat <= 4 else "not met"}')
sys.exit(0 if ratio >= 10 and e_mb <= 64 else 1)
PY
[ "$same" -eq 0 ] && [ "$figures" -eq 0 ]
