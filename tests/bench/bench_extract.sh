#!/bin/sh
# SPDX-License-Identifier: MIT
# Throughput of the event extractor.
#
#   tests/bench/bench_extract.sh BUILD_DIR [MEGABYTES]
#
# Builds a corpus of MEGABYTES (default 50) from the project's own text:
# the sentences of tests/data/extract/gold.tsv and the articles in
# examples/*.txt, shuffled into paragraphs of five sentences with a fixed
# seed. Then it reports
#   - library: ent_extract_text() over the whole corpus in one call, timed
#     on CPU time (one core) and wall time, as MB/s, sentences/s, events;
#   - cli: `entente extract CORPUS -o FILE` end to end (reading,
#     extraction, JSON serialisation), as MB/s of user+system time.
#   - long sentence: one 64 KB sentence of repeated "it said they would
#     attack it and" (the longest the extractor reads), CPU seconds of
#     `entente extract` on it; time per sentence is linear in its length,
#     so this stays a small fraction of a second.
# MB is 10^6 bytes.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 BUILD_DIR [MEGABYTES]" >&2
	exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
mb=${2:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$root" "$tmp/corpus.txt" "$mb" <<'PY'
import glob, os, random, sys
root, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
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
size = 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        para = " ".join(rng.choice(sents) for _ in range(5)) + "\n\n"
        f.write(para)
        size += len(para.encode("utf-8"))
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

int main(int argc, char **argv)
{
	char *text = NULL;
	size_t len = 0, pos = 0, s, e;
	long events = 0, sentences = 0;
	ent_error err = {0};
	ent_extractor *ex = NULL;
	double c0, w0, cpu, wall;

	if (argc != 2 || ent_read_file(&text, &len, argv[1], 0, &err) != ENT_OK ||
		ent_extractor_create(&ex, NULL, &err) != ENT_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	while (pos < len) {
		pos = ent_sentence_next(text, len, pos, &s, &e);
		if (e <= s) {
			break;
		}
		sentences++;
	}
	c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	w0 = seconds(CLOCK_MONOTONIC);
	if (ent_extract_text(ex, text, len, "corpus", count, &events, &err) !=
		ENT_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	wall = seconds(CLOCK_MONOTONIC) - w0;
	printf("corpus: %.1f MB, %ld sentences, %ld events\n", len / 1e6,
		sentences, events);
	printf("library: %.1f MB/s, %.0f sentences/s (CPU time, one core); "
		"%.1f MB/s wall\n", len / 1e6 / cpu, sentences / cpu,
		len / 1e6 / wall);
	ent_extractor_destroy(ex);
	free(text);
	return 0;
}
C
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/include" -I"$build/include" "$tmp/bench.c" \
	-L"$build/src/lib" -Wl,-rpath,"$build/src/lib" -lentente -o "$tmp/bench"
"$tmp/bench" "$tmp/corpus.txt"

bytes=$(wc -c < "$tmp/corpus.txt")
/usr/bin/env time -f '%U %S' -o "$tmp/time" \
	"$build/src/cli/entente" extract "$tmp/corpus.txt" -o "$tmp/events.json"
awk -v b="$bytes" '{ t = $1 + $2; printf "cli: %.1f MB/s (user+system time, extraction and JSON output)\n", b / 1e6 / t }' "$tmp/time"

python3 - "$tmp/long.txt" <<'PY'
import sys
unit = "it said they would attack it and "
with open(sys.argv[1], "w") as f:
    f.write((unit * (65000 // len(unit))).rstrip() + ".")
PY
/usr/bin/env time -f '%U %S' -o "$tmp/time" \
	"$build/src/cli/entente" extract "$tmp/long.txt" -o "$tmp/long.json"
awk '{ printf "long sentence: %.2f s for 64 KB (user+system time)\n", $1 + $2 }' "$tmp/time"
