#!/bin/sh
# SPDX-License-Identifier: MIT
# Throughput and memory of the event extractor: the library against the
# command, on the same corpus, in the same run.
#
#   tests/bench/bench_extract.sh BUILD_DIR [MEGABYTES] [DOCUMENTS]
#
# Builds a corpus of MEGABYTES (default 50) from the project's own text
# only (the sentences of tests/data/extract/gold.tsv and the paragraphs of
# examples/*.txt; never ../shared/eval), shuffled with a fixed seed into
# DOCUMENTS articles (default 10000, about 5 kB each, sizes varying from a
# third to twice the mean; a date line, a headline, paragraphs of five
# sentences). DOCUMENTS = 1 writes one file of MEGABYTES. Then:
#   - library: a small C program reads each document (ent_read_text) and
#     runs ent_extract_text() with a callback that counts events: MB/s of
#     wall and of CPU time (of the whole process, as for the command),
#     peak memory;
#   - cli, 1 thread: `entente extract --threads 1 DOCUMENTS... -o FILE`
#     end to end (reading, extraction, events JSON written): MB/s of wall
#     and of CPU time, peak memory, and the CLI's time over the library's;
#   - cli, all cores: the same with the default --threads (one per CPU,
#     at most 4; THREADS=N sets it), its speed-up over one thread, and
#     its output compared with one thread's byte for byte.
# Each runs RUNS times (default 3), alternating; the run with the least
# CPU time counts (for all cores, the least wall time). Peak memory is the
# maximum resident set size from /usr/bin/time -v. The load average
# (uptime) before and after is printed: on a shared machine the wall
# times measure the neighbours too, the CPU times much less.
#   - long sentence: one 64 KB sentence of repeated "it said they would
#     attack it and" (the longest the extractor reads), CPU seconds of
#     `entente extract` on it; time per sentence is linear in its length,
#     so this stays a small fraction of a second.
# MB is 10^6 bytes, MiB 2^20.
set -eu

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
	echo "usage: $0 BUILD_DIR [MEGABYTES] [DOCUMENTS]" >&2
	exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
mb=${2:-50}
docs=${3:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/corpus"

python3 - "$root" "$tmp/corpus" "$mb" "$docs" <<'PY'
import glob, os, random, sys
root, out, mb, docs = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
sents = []
with open(os.path.join(root, "tests/data/extract/gold.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        cells = line.rstrip("\n").split("\t")
        if len(cells) > 1 and not cells[1].startswith("@"):
            sents.append(cells[1])
for path in sorted(glob.glob(os.path.join(root, "examples/*.txt"))):
    with open(path, encoding="utf-8") as f:
        for para in f.read().split("\n\n"):
            para = " ".join(para.split())
            if para:
                sents.append(para)
rng = random.Random(20150508)
target = int(mb * 1e6)
mean = target / docs
months = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
size = 0
for d in range(docs):
    want = target - size if d == docs - 1 else int(mean * rng.uniform(1 / 3, 5 / 3))
    parts = ["%s %d, 20%02d" % (rng.choice(months), rng.randint(1, 28),
                                rng.randint(10, 25)), "",
             rng.choice(sents).split(".")[0][:80], ""]
    n = sum(len(p.encode("utf-8")) + 1 for p in parts)
    while True:
        para = " ".join(rng.choice(sents) for _ in range(5))
        plen = len(para.encode("utf-8")) + 2
        if n + plen - want > want - n:  # nearer without it
            break
        parts += [para, ""]
        n += plen
    text = "\n".join(parts)
    with open(os.path.join(out, "doc%05d.txt" % d), "w", encoding="utf-8") as f:
        f.write(text)
    size += len(text.encode("utf-8"))
PY

cat > "$tmp/bench.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <entente/entente.h>

static ent_status count(const ent_event *ev, void *payload)
{
	(void)ev;
	++*(long *)payload;
	return ENT_OK;
}

static double seconds(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The documents named on standard input, one a line, read and extracted
 * one at a time: what `entente extract` does, without writing JSON. */
int main(void)
{
	char path[4096];
	long events = 0, docs = 0;
	double bytes = 0, c0, w0, cpu, wall;
	ent_error err = {0};
	ent_extractor *ex = NULL;

	if (ent_extractor_create(&ex, NULL, &err) != ENT_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	w0 = seconds(CLOCK_MONOTONIC);
	while (fgets(path, sizeof(path), stdin) != NULL) {
		char *text = NULL, *nl = path;
		size_t len = 0;

		while (*nl && *nl != '\n') {
			nl++;
		}
		*nl = '\0';
		if (ent_read_text(&text, &len, path, &err) != ENT_OK ||
			ent_extract_text(ex, text, len, path, count, &events,
				&err) != ENT_OK) {
			fprintf(stderr, "bench: %s\n", err.message);
			return 1;
		}
		bytes += (double)len;
		docs++;
		free(text);
	}
	cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	wall = seconds(CLOCK_MONOTONIC) - w0;
	printf("%.0f %ld %ld %.3f %.3f\n", bytes, docs, events, wall, cpu);
	ent_extractor_destroy(ex);
	return 0;
}
C
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/include" \
	-I"$build/include" "$tmp/bench.c" -L"$build/src/lib" \
	-Wl,-rpath,"$build/src/lib" -lentente -o "$tmp/bench"

ls "$tmp/corpus"/*.txt > "$tmp/list"
bytes=$(cat "$tmp/corpus"/*.txt | wc -c)
# warm the page cache, so both read from memory
cat "$tmp/corpus"/*.txt > /dev/null
# RUNS (default 3) runs of each, alternating; the fastest of each counts
# (the machine is shared: the slower runs measure the neighbours)
runs=${RUNS:-3}
threads=${THREADS:-0}
if [ "$threads" = 0 ]; then
	threads_opt=
else
	threads_opt="--threads $threads"
fi
load_before=$(uptime | sed 's/.*load average: //')
i=0
while [ "$i" -lt "$runs" ]; do
	/usr/bin/time -v -o "$tmp/lib.time.$i" "$tmp/bench" < "$tmp/list" \
		> "$tmp/lib.out.$i"
	/usr/bin/time -v -o "$tmp/cli.time.$i" "$build/src/cli/entente" \
		extract --threads 1 "$tmp/corpus"/*.txt -o "$tmp/events.json"
	# shellcheck disable=SC2086
	/usr/bin/time -v -o "$tmp/all.time.$i" "$build/src/cli/entente" \
		extract $threads_opt "$tmp/corpus"/*.txt -o "$tmp/events-all.json"
	i=$((i + 1))
done
load_after=$(uptime | sed 's/.*load average: //')

rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
field() { awk -F': ' -v k="$2" '$1 ~ k { print $2 }' "$1"; }
wall() { field "$1" "Elapsed" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
cpu() { echo "$(field "$1" "User time") $(field "$1" "System time")" | awk '{ print $1 + $2 }'; }

best() {  # the run with the least CPU time (or $2: 1 for wall): "wall cpu rss"
	for f in "$tmp/$1".time.*; do
		echo "$(wall "$f") $(cpu "$f") $(rss "$f")"
	done | sort -g -k"${2:-2}" | head -1
}
read -r lbytes ldocs levents lwall0 lcpu0 < "$tmp/lib.out.0"
read -r lwall lcpu lrss <<EOF
$(best lib)
EOF
read -r cwall ccpu crss <<EOF
$(best cli)
EOF
read -r awall acpu arss <<EOF
$(best all 1)
EOF
if cmp -s "$tmp/events.json" "$tmp/events-all.json"; then
	same="the same bytes as 1 thread"
else
	same="DIFFERENT from 1 thread"
fi
cpus=$(getconf _NPROCESSORS_ONLN)
if [ "$threads" = 0 ]; then
	used=$((cpus < 4 ? cpus : 4))
else
	used=$threads
fi
jbytes=$(wc -c < "$tmp/events.json")
largest=$(ls -S "$tmp/corpus" | head -1)
lsize=$(wc -c < "$tmp/corpus/$largest")

echo "corpus: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $ldocs documents (largest $lsize bytes), $levents events"
awk -v b="$bytes" -v w="$lwall" -v c="$lcpu" -v r="$lrss" 'BEGIN {
	printf "library: %.1f MB/s wall, %.1f MB/s CPU, peak %s MiB\n", b / 1e6 / w, b / 1e6 / c, r }'
awk -v b="$bytes" -v w="$cwall" -v c="$ccpu" -v r="$crss" -v j="$jbytes" 'BEGIN {
	printf "cli, 1 thread: %.1f MB/s wall, %.1f MB/s CPU, peak %s MiB (%.0f MB of events JSON written)\n", b / 1e6 / w, b / 1e6 / c, r, j / 1e6 }'
awk -v b="$bytes" -v w="$awall" -v c="$acpu" -v r="$arss" -v t="$used" -v n="$cpus" -v s="$same" 'BEGIN {
	printf "cli, %d threads (%d CPUs): %.1f MB/s wall, %.1f MB/s CPU, peak %s MiB (%s)\n", t, n, b / 1e6 / w, b / 1e6 / c, r, s }'
awk -v lw="$lwall" -v cw="$cwall" -v lc="$lcpu" -v cc="$ccpu" 'BEGIN {
	printf "cli 1 thread / library: %.2fx wall, %.2fx CPU\n", cw / lw, cc / lc }'
awk -v lw="$lwall" -v aw="$awall" -v cw="$cwall" -v ac="$acpu" -v cc="$ccpu" -v t="$used" 'BEGIN {
	printf "cli %d threads: %.2fx faster than 1 thread (wall), %.2fx its CPU time; %.2fx the library'"'"'s wall time\n", t, cw / aw, ac / cc, aw / lw }'
echo "load average before: $load_before; after: $load_after"

python3 - "$tmp/long.txt" <<'PY'
import sys
unit = "it said they would attack it and "
with open(sys.argv[1], "w") as f:
    f.write((unit * (65000 // len(unit))).rstrip() + ".")
PY
/usr/bin/env time -f '%U %S' -o "$tmp/time" \
	"$build/src/cli/entente" extract "$tmp/long.txt" -o "$tmp/long.json"
awk '{ printf "long sentence: %.2f s for 64 KB (user+system time)\n", $1 + $2 }' "$tmp/time"
