/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the streaming readers behind ent_read_into (GDELT 1.0/2.0,
 * ICEWS, dyad tables, and content detection with decompression), built
 * once per format with -DFUZZ_FORMAT=ENT_FORMAT_... (and optionally a second
 * format, FUZZ_FORMAT2, that reads the same bytes too).
 *
 * The input is read from memory (ent_read_memory, no name, so AUTO detects
 * from the content): no file, no system call per run, buffers the size of
 * the input, an input this small parsed on the calling thread, and one
 * extractor for all news text, so libFuzzer runs hundreds to thousands of
 * inputs a second (it ran 20 to 220 reading a file per run).
 *
 * Each input is read forgiving (every skipped row must come with a
 * one-line error whose position lies in the input) and, when a row was
 * skipped, strict; whatever is read must build a graph and write a dyad
 * table. One input in 64 (chosen by its bytes, so a replay does the
 * same) is also handed over as a file, an in-memory file (memfd) named
 * /proc/self/fd/N, through memory maps and through read(2): both must skip
 * the rows memory skipped.
 *
 * Positions: an error's line and column count in the decompressed text,
 * so for a compressed input (gzip, bzip2, xz, zip) they are bounded by the
 * decompressed size, which the harness does not know (the target aborted
 * on valid gzip input when it compared them with the compressed size);
 * they must still not be negative.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT ENT_FORMAT_AUTO
#endif

/* The most a position can be: the input's size, or for a compressed input
 * anything (fuzz_check_error still checks it is not negative). */
static size_t position_bound;

/* 1 when the bytes start as a compressed file the readers decompress. */
static int compressed(const uint8_t *d, size_t n)
{
	return (n >= 2 && d[0] == 0x1f && d[1] == 0x8b) ||
		(n >= 3 && memcmp(d, "BZh", 3) == 0) ||
		(n >= 6 && memcmp(d, "\xfd" "7zXZ\0", 6) == 0) ||
		(n >= 4 && memcmp(d, "PK\x03\x04", 4) == 0);
}

static void on_skip(const ent_error *row_error, void *payload)
{
	long *count = payload;

	fuzz_check_error(row_error->code, row_error);
	FUZZ_CHECK(row_error->line >= 1, "a skipped row has a line number");
	FUZZ_CHECK((size_t)row_error->line <= position_bound + 1 &&
			(size_t)row_error->column <= position_bound + 1,
		"the position of a skipped row lies within the input");
	(*count)++;
}

/* One extractor for every run (news text, detected by auto): building the
 * dictionaries took most of a run. */
static ent_extractor *extractor;

/* Where an input comes from: memory, or a file mapped or read(2). */
enum { FROM_MEMORY, FROM_MAP, FROM_READ };

/* Returns the number of rows skipped (forgiving mode). */
static long read_as(const uint8_t *data, size_t size, const char *path,
	int from, ent_format format, int strict)
{
	ent_read_options opts = ENT_READ_OPTIONS_INIT;
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_error err = {0};
	ent_status st;
	long skipped = 0;

	opts.format = format;
	opts.strict = strict;
	opts.no_mmap = from == FROM_READ;
	if (from == FROM_MAP) {
		setenv("ENTENTE_MMAP", "1", 1); /* read(2) is the default */
	}
	opts.on_skip = on_skip;
	opts.skip_payload = &skipped;
	opts.extractor = extractor;
	dopts.level = strict ? ENT_LEVEL_ACTOR : ENT_LEVEL_STATE;
	dopts.by = ENT_PERIOD_MONTH;
	/* parsed in place, the kept events' strings are copied out */
	dopts.keep_events = from != FROM_READ;
	FUZZ_CHECK(
		ent_dataset_create(&ds, &dopts, NULL) == ENT_OK, "dataset created");
	st = from == FROM_MEMORY
		? ent_read_memory(ds, data, size, NULL, &opts, &err)
		: ent_read_into(ds, path, &opts, &err);
	if (st != ENT_OK) {
		fuzz_check_error(st, &err);
		FUZZ_CHECK(err.source != NULL, "a read error names the input");
		FUZZ_CHECK((size_t)err.line <= position_bound + 1 &&
				(size_t)err.column <= position_bound + 1,
			"the position of an error lies within the input");
		goto done;
	}
	FUZZ_CHECK(!strict || skipped == 0, "strict mode skips nothing");
	st = ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err);
	FUZZ_CHECK(st == ENT_OK, "what was read builds a graph");
	{
		char *csv = NULL;
		size_t csv_len = 0;
		FILE *fp = open_memstream(&csv, &csv_len);
		FUZZ_CHECK(fp != NULL, "memstream");
		FUZZ_CHECK(ent_dyads_write_csv(
				   fp, ent_dataset_dyads(ds), &err) == ENT_OK,
			"the dyad table writes");
		fclose(fp);
		FUZZ_CHECK(fuzz_utf8_valid(csv, csv_len),
			"the dyad table is valid UTF-8");
		free(csv);
	}
done:
	unsetenv("ENTENTE_MMAP");
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return skipped;
}

/* The same bytes as a file: mapped and read(2) skip what memory skipped. */
static void read_file_too(const uint8_t *data, size_t size, ent_format format,
	long skipped)
{
	char path[64];
	int fd = memfd_create("fuzz", 0);
	size_t off = 0;

	FUZZ_CHECK(fd >= 0, "memfd_create");
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		FUZZ_CHECK(n > 0, "write to memfd");
		off += (size_t)n;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	FUZZ_CHECK(read_as(data, size, path, FROM_MAP, format, 0) == skipped,
		"a mapped file skips the rows memory skipped");
	FUZZ_CHECK(read_as(data, size, path, FROM_READ, format, 0) == skipped,
		"a file read with read(2) skips the rows memory skipped");
	close(fd);
}

/* Forgiving, then strict (which differs only when a row was skipped). */
static void read_both(const uint8_t *data, size_t size, ent_format format,
	int as_file)
{
	long skipped = read_as(data, size, NULL, FROM_MEMORY, format, 0);

	if (skipped > 0) {
		read_as(data, size, NULL, FROM_MEMORY, format, 1);
	}
	if (as_file) {
		read_file_too(data, size, format, skipped);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	size_t i;
	int as_file;

	for (i = 0; i < size; i++) {
		h = (h ^ data[i]) * 16777619u;
	}
	as_file = (h & 63) == 0;
	if (extractor == NULL) {
		FUZZ_CHECK(ent_extractor_create(&extractor, NULL, NULL) ==
				ENT_OK,
			"extractor created");
	}
	position_bound = compressed(data, size) ? (size_t)LONG_MAX - 1 : size;
	read_both(data, size, FUZZ_FORMAT, as_file);
#ifdef FUZZ_FORMAT2
	read_both(data, size, FUZZ_FORMAT2, as_file);
#endif
	return 0;
}
